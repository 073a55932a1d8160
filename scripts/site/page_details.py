"""Everything a page may show of the clinic, in one dict for the placeholders: the office's details (mkdocs.yml
extra.clinic), the clinical answers as a clinician signed them (data/answers.yml; emptied while unsigned), the
treatment's answers and price, and the words and roles of the page's language. The build, the content check and
the placeholder extension all start from here."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from scripts.site.answers import (
    ANSWERS_PAGE,
    TREATMENT,
    clinic_answers,
    load_roles,
    read_answers,
    signed_answers,
    treatment_answers,
)
from scripts.site.dates import today
from scripts.site.languages import ENGLISH, language_built_by
from scripts.site.review import review_record, signature_problems
from scripts.site.review_log import APPROVED, latest_entry
from scripts.site.settings import load_settings

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
    treatment = extra.get("treatment") or {}
    return {
        **(extra.get("clinic") or {}),
        **clinic_answers(answers),
        "treatment": {**treatment_answers(answers, TREATMENT), "price": treatment.get("price")},
        "language": language_built_by(config_path).code,
        "words": {key: ui.get(key) for key in ANSWER_WORDS},
        "roles": {role_id: role.get("words") or {} for role_id, role in load_roles(root).allowed.items()},
    }
