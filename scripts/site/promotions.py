"""Promotions for the announcement bar: which are showing today, and which settings are wrong."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from scripts.problems import Problem, Severity
from scripts.site.dates import as_date, date_problem
from scripts.site.settings import setting_line

PROMOTIONS = ("extra", "promotions")  # where the promotions are in mkdocs.yml


def validate_promotions(promotions: Any, today: date, config_path: Path) -> list[Problem]:
    """Every problem with `extra.promotions`, each naming the promotion and the fix."""
    path, line = str(config_path), setting_line(config_path, *PROMOTIONS)
    if not isinstance(promotions, list):
        return [Problem(path, line, "'promotions' must be a list, e.g. - {text: ..., start: 2026-12-01, "
                                    "end: 2026-12-31}; write promotions: [] for none")]
    problems = []
    for index, promotion in enumerate(promotions):
        line = setting_line(config_path, *PROMOTIONS, index)
        if not isinstance(promotion, dict) or not str(promotion.get("text") or "").strip():
            problems.append(Problem(path, line, f"promotion {promotion!r} has no text: write what the "
                                                "announcement bar should say in 'text'"))
            continue
        label = f"promotion '{promotion['text']}'"
        start, end = as_date(promotion.get("start")), as_date(promotion.get("end"))
        for key, value in (("start", start), ("end", end)):
            if value is None:
                problems.append(Problem(path, setting_line(config_path, *PROMOTIONS, index, key) or line,
                                        f"{label}: '{key}': {date_problem(promotion.get(key))}"))
        if start and end and end < start:
            problems.append(Problem(path, line, f"{label} ends ({end}) before it starts ({start}): "
                                                "check the two dates"))
        elif end and end < today:
            problems.append(Problem(path, line, f"{label} ended on {end}, so it is no longer shown: remove it "
                                                "from mkdocs.yml (extra.promotions) when convenient",
                                    Severity.WARNING))
        link = str(promotion.get("link") or "")
        if link and not (link.startswith("/") or urlparse(link).scheme == "https"):
            problems.append(Problem(path, line, f"{label}: link '{link}' must start with https:// or "
                                                "be a page of this site starting with /"))
    return problems


def showing_today(promotions: list[dict[str, Any]], today: date) -> list[dict[str, Any]]:
    """The promotions whose dates include today, with their dates as YYYY-MM-DD text."""
    showing = []
    for promotion in promotions:
        start, end = as_date(promotion.get("start")), as_date(promotion.get("end"))
        if start and end and start <= today <= end:
            showing.append({**promotion, "start": start.isoformat(), "end": end.isoformat()})
    return showing
