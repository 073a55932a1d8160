"""The review gate: clinical pages that are awaiting review or overdue may not be published by accident."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from scripts.site.dates import as_date
from scripts.site.front_matter import load_front_matter
from scripts.site.languages import ENGLISH, languages
from scripts.site.review import ReviewState, page_review, review_state
from scripts.site.review_history import ReviewedVersion, translation_behind


@dataclass(frozen=True)
class GateResult:
    """What may be published: pages that block it, and changed pages published at their reviewed version."""

    blocking: list[str]  # 'docs/page.md: why'
    reviewed_versions: dict[Path, ReviewedVersion]  # a changed page -> the version its review covers

    @property
    def notes(self) -> list[str]:
        return [f"{page.as_posix()}: changed since its review, so the reviewed version "
                f"({version.commit[:8] or 'working tree'}) is published until the medical team signs off the "
                "change" for page, version in sorted(self.reviewed_versions.items())]


def review_gate(root: Path, today: date) -> GateResult:
    """Every clinical page's review state, with its history from git."""
    blocking, versions = [], {}
    for language in languages(root):
        for file in language.pages:
            meta = load_front_matter(file.read_text(encoding="utf-8"))
            if meta.get("clinical") is True:
                blocking += _page_gate(root, file, meta, language.code, language.name, today, versions)
    return GateResult(blocking, versions)


def _page_gate(root: Path, file: Path, meta: dict, language: str, language_name: str, today: date,
               versions: dict[Path, ReviewedVersion]) -> list[str]:
    shown = file.relative_to(root)
    reviewer = "the medical team" if language == ENGLISH else f"a clinician who speaks {language_name}"
    blocking = []
    reviewed = page_review(root, file, today)
    state, version = reviewed.state, reviewed.version
    if language != ENGLISH:
        # The translation as it will be published (its reviewed version, when it changed since), against the
        # English page as it will be published.
        published_meta = load_front_matter(version.text) if state is ReviewState.CHANGED else meta
        source = str(published_meta.get("translation_of") or "")
        published = versions.get(Path("docs") / source)  # an English page published at its reviewed version
        behind = translation_behind(root, source, str(published_meta.get("translated_from") or ""),
                                    published.text if published else None)
        if behind is not False:
            blocking.append(f"{shown.as_posix()}: its English page changed after the version it translates (or git "
                            "cannot tell): update the translation and its translated_from")
    signed = review_state(meta, today)  # what the front matter alone says, changed or not
    if signed is ReviewState.OVERDUE:
        blocking.append(f"{shown.as_posix()}: review overdue since {as_date(meta['next_review']).isoformat()}")
    elif state is ReviewState.AWAITING:
        why = f"awaiting review by {reviewer}"
        if version is None and signed is not ReviewState.AWAITING:
            why += " (its git history is not available, so nobody can tell whether it changed since its review)"
        blocking.append(f"{shown.as_posix()}: {why}")
    elif state is ReviewState.CHANGED:
        versions[shown] = version
    return blocking


def unreviewed_pages(root: Path, today: date) -> list[str]:
    """'docs/page.md: why' for each clinical page that blocks publishing."""
    return review_gate(root, today).blocking
