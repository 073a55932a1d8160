"""The review gate: clinical pages that are awaiting review or overdue may not be published by accident."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from scripts.content.page import parse_page
from scripts.site.dates import as_date


def unreviewed_pages(root: Path, today: date) -> list[str]:
    """'docs/page.md: why' for each clinical page awaiting its first review or overdue for review."""
    found = []
    for file in sorted((root / "docs").glob("*.md")):
        page = parse_page(file, file.read_text(encoding="utf-8"), root)
        if page.meta.get("clinical") is not True:
            continue
        next_review = as_date(page.meta.get("next_review"))
        if not page.meta.get("reviewed_by") or next_review is None:
            found.append(f"{page.path}: awaiting review by the medical team")
        elif next_review < today:
            found.append(f"{page.path}: review overdue since {next_review.isoformat()}")
    return found
