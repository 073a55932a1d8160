"""The clinicians who may sign off the guide's medical content, and the rules a sign-off must meet
(data/reviewers.yml). Its own file, not the clinic's settings, so that the medical reviewers alone approve a
change to who may sign (CODEOWNERS) while marketing edits phone numbers and promotions in mkdocs.yml."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from scripts.site.dates import as_date

REVIEWERS_FILE = Path("data/reviewers.yml")
# The licensed roles that may treat or supervise (go-live study 2.3); which of them may sign is the policy's choice.
ROLES = ("physician", "physician_assistant", "nurse_practitioner", "registered_nurse")
DEFAULT_MONTHS = 12


@dataclass(frozen=True)
class ReviewPolicy:
    """Whose sign-off counts, how long one lasts, and whether pages show the reviewer's licence."""

    signers: tuple[str, ...] = ("physician",)
    months: int = DEFAULT_MONTHS  # the longest a page may go between reviews (about.md promises a yearly review)
    show_licence: bool = True


@dataclass(frozen=True)
class Reviewer:
    """One clinician as the registry lists them (texts shown to patients are given per language)."""

    id: str
    name: str
    role: str
    credentials: dict[str, str]
    licence_board: str
    licence_number: str
    licence_checked_on: date | None
    licence_checked_by: str
    languages: tuple[str, ...]
    relationship: dict[str, str]
    since: date | None
    until: date | None

    def active_on(self, day: date) -> bool:
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)

    def as_then(self) -> dict[str, Any]:
        """What a sign-off records of its reviewer, so the log keeps their credentials as they were."""
        return {"name": self.name, "role": self.role, "credentials": dict(self.credentials),
                "licence": {"board": self.licence_board, "number": self.licence_number}}


@dataclass(frozen=True)
class Registry:
    policy: ReviewPolicy = field(default_factory=ReviewPolicy)
    reviewers: dict[str, Reviewer] = field(default_factory=dict)


def _texts(value: Any) -> dict[str, str]:
    return {str(code): str(text) for code, text in value.items()} if isinstance(value, dict) else {}


def reviewer_from(entry: dict[str, Any]) -> Reviewer:
    """A registry entry as a Reviewer (missing parts empty; the content check reports them)."""
    licence = entry.get("licence") if isinstance(entry.get("licence"), dict) else {}
    checked = entry.get("licence_checked") if isinstance(entry.get("licence_checked"), dict) else {}
    spoken = entry.get("languages")
    return Reviewer(
        id=str(entry.get("id") or ""), name=str(entry.get("name") or ""), role=str(entry.get("role") or ""),
        credentials=_texts(entry.get("credentials")), licence_board=str(licence.get("board") or ""),
        licence_number=str(licence.get("number") or ""), licence_checked_on=as_date(checked.get("date")),
        licence_checked_by=str(checked.get("by") or ""),
        languages=tuple(str(code) for code in spoken) if isinstance(spoken, list) else (),
        relationship=_texts(entry.get("relationship")), since=as_date(entry.get("since")),
        until=as_date(entry.get("until")))


def policy_from(value: Any) -> ReviewPolicy:
    value = value if isinstance(value, dict) else {}
    signers = value.get("signers")
    months = value.get("months")
    return ReviewPolicy(
        signers=tuple(str(role) for role in signers) if isinstance(signers, list) else ReviewPolicy.signers,
        # Outside 1 to 24 months the check reports it; meanwhile the default holds, so no date goes out of range.
        months=months if isinstance(months, int) and not isinstance(months, bool) and 1 <= months <= 24
        else DEFAULT_MONTHS,
        show_licence=value.get("show_licence") is not False)


def read_registry_file(root: Path) -> Any:
    """The registry file's parsed YAML (None when there is no file); a YAMLError when it is not YAML."""
    file = root / REVIEWERS_FILE
    return yaml.safe_load(file.read_text(encoding="utf-8")) if file.is_file() else None


def load_registry(root: Path) -> Registry:
    """The registry; empty (nobody may sign) when the file is missing or unreadable, which the check reports."""
    try:
        data = read_registry_file(root)
    except (yaml.YAMLError, ValueError):  # PyYAML raises ValueError for a date such as 2026-02-30
        return Registry()
    data = data if isinstance(data, dict) else {}
    entries = data.get("reviewers") if isinstance(data.get("reviewers"), list) else []
    reviewers = [reviewer_from(entry) for entry in entries if isinstance(entry, dict)]
    return Registry(policy_from(data.get("policy")), {reviewer.id: reviewer for reviewer in reviewers})
