"""Everything a page may show of the clinic, in one dict for the placeholders: the office's details (mkdocs.yml
extra.clinic), the clinical answers as a clinician signed them (data/answers.yml; emptied while unsigned), the
answers and price of the page's own treatment, and the words and roles of the page's language. The build, the
content check and the placeholder extension all start from here: `page_details` once per language, then
`for_treatment` for each page."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from scripts.site.answers import (
    ANSWERS_PAGE,
    clinic_answers,
    load_roles,
    read_answers,
    signed_answers,
    treatment_answers,
)
from scripts.site.dates import today
from scripts.site.front_matter import load_front_matter
from scripts.site.languages import ENGLISH, language_built_by, language_of
from scripts.site.review import review_record, signature_problems
from scripts.site.review_log import APPROVED, latest_entry
from scripts.site.settings import load_settings
from scripts.site.treatments import language_treatments, treatment_of, treatments

ANSWER_WORDS = ("list_or", "price", "price_per")  # extra.ui words the answers are shown with


def signed_answers_version(root: Path, day: date) -> str | None:
    """The clinical answers' version a listed clinician signed (and that still counts), or None."""
    record = review_record(root)
    latest = latest_entry(record.log, ANSWERS_PAGE, ENGLISH)
    if latest is None or latest.decision != APPROVED or signature_problems(latest, record.registry, ENGLISH, day):
        return None
    return latest.version


def page_details(config_path: Path) -> dict[str, Any]:
    """The details pages built by this settings file show (see the module's docstring)."""
    root = config_path.resolve().parent
    settings = load_settings(config_path)
    extra = settings.get("extra") or {}
    try:
        answers = read_answers(root)
    except (yaml.YAMLError, ValueError):  # the check reports it with its line; until then nothing is answered
        answers = {}
    answers = signed_answers(answers, signed_answers_version(root, today(extra.get("timezone"))))
    ui = extra.get("ui") or {}
    return {
        **(extra.get("clinic") or {}),
        **clinic_answers(answers),
        # Each treatment's answers and price; a page shows its own treatment's (for_treatment), and a page of no
        # treatment has none (None: its {{ treatment.* }} placeholders are refused).
        "treatments": {key: {**treatment_answers(answers, key), "price": each.price, "name": each.name}
                       for key, each in treatments(settings).items()},
        "treatment": None,
        "language": language_built_by(config_path).code,
        "words": {key: ui.get(key) for key in ANSWER_WORDS},
        "roles": {role_id: role.get("words") or {} for role_id, role in load_roles(root).allowed.items()},
    }


def for_treatment(details: dict[str, Any], treatment: str | None) -> dict[str, Any]:
    """The details one page shows: those of its language, with its own treatment's answers as `treatment`."""
    own = (details.get("treatments") or {}).get(treatment) if treatment else None
    return {**details, "treatment": own, "treatment_key": treatment or ""}


def details_of_page(root: Path, page: str, text: str, details: dict[str, Any] | None = None) -> dict[str, Any]:
    """What one page shows (its path inside docs/, e.g. "es/riesgos.md", and its text): its language's details
    (`details`, or read here) with its own treatment's answers."""
    language = language_of(root, page)
    try:
        meta = load_front_matter(text)
    except yaml.YAMLError:
        meta = {}  # the check reports it with its line
    treatment = treatment_of(page.removeprefix(language.prefix), meta, language_treatments(language.config))
    return for_treatment(details if details is not None else page_details(language.config), treatment)
