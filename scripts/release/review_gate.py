"""The review gate: what patients get of each clinical page is a version a listed clinician signed. A page never
signed blocks publishing; a page changed since its sign-off is published at its signed version (found in its
history) until the change is signed, and blocks where no such version exists; a page past its next review keeps
its signed version, marked overdue. Blocking pages are reported by group (each language's shared pages, each
treatment, any other folder). A draft treatment is never published, so never gated; a ready treatment with a page
that blocks is held back (`withheld`), and the others publish whatever its state."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from scripts.site.front_matter import load_front_matter
from scripts.site.languages import ENGLISH, Language, languages
from scripts.site.page_version import version_of, working_tree
from scripts.site.review import PageReview, ReviewRecord, ReviewState, page_review, review_record
from scripts.site.review_history import signed_text
from scripts.site.review_log import APPROVED, latest_entry
from scripts.site.treatments import Treatment, language_treatments, page_treatment

SHARED = "the shared pages"


@dataclass(frozen=True)
class GateResult:
    """What may be published: what blocks it (by group), and changed pages published at their signed version."""

    blocking_by_group: dict[str, list[str]]  # group -> ['docs/page.md: why']
    signed_texts: dict[Path, str] = field(default_factory=dict)  # a changed page (from the root) -> its signed text
    notes: list[str] = field(default_factory=list)
    withheld: dict[str, str] = field(default_factory=dict)  # treatment key -> its name: a page of it blocks
    shared_blocking: bool = False  # a page of no treatment blocks: nothing can be published

    @property
    def blocking(self) -> list[str]:
        return [line for lines in self.blocking_by_group.values() for line in lines]

    def report(self) -> str:
        return "\n".join(f"{group}:\n" + "\n".join(f"  {line}" for line in lines)
                         for group, lines in self.blocking_by_group.items())


def group_of(language: Language, page: Path, treatment: Treatment | None = None) -> str:
    """The group a page's review is reported in: its treatment, its language's shared pages, or its folder."""
    parts = page.relative_to(language.docs).parts
    return f"{language.name}, {treatment.name if treatment else SHARED if len(parts) == 1 else parts[0]}"


def _why_awaiting(review: PageReview, record: ReviewRecord, language: Language) -> str:
    logged = latest_entry(record.log, review.page_id, language.code) if review.page_id else None
    who = "the medical team" if language.code == ENGLISH else f"a clinician who reads {language.name}"
    if logged is None or logged.decision != APPROVED:
        return f"never signed off: make packets, then ask {who} to sign it (make sign-off)"
    return "its sign-off in data/review-log.yml does not count (run make check to see why)"


def review_gate(root: Path, today: date) -> GateResult:
    """Every clinical page's review, and the text each will be published at."""
    record = review_record(root)
    blocking: dict[str, list[str]] = defaultdict(list)
    texts: dict[Path, str] = {}
    notes: list[str] = []
    published_versions: dict[str, str] = {}  # English page (inside docs/) -> the version patients get
    held: set[str | None] = set()  # the key of each blocking page's treatment (None: a shared page)
    for language in languages(root):
        found = language_treatments(language.config)
        for file in language.pages:
            treatment = found.get(page_treatment(language.docs, file, found) or "")
            if treatment is not None and not treatment.ready:
                continue  # a draft: never published
            review = page_review(root, file, today, record)
            shown, group = file.relative_to(root), group_of(language, file, treatment)
            owner = treatment.key if treatment else None  # by key: two treatments may share a name
            published = review.version
            if review.state is ReviewState.AWAITING:
                blocking[group].append(f"{shown.as_posix()}: {_why_awaiting(review, record, language)}")
                held.add(owner)
            elif review.state is ReviewState.CHANGED:
                text = signed_text(root, file, review.signed.version)
                if text is None:
                    blocking[group].append(
                        f"{shown.as_posix()}: changed since {review.signed.reviewer}'s sign-off of version "
                        f"{review.signed.version}, and no earlier version of the file is the signed one (the change is "
                        "in an illustration or a source, or was committed with the sign-off): make packets and ask "
                        "for a new sign-off")
                    held.add(owner)
                    # Its translations are held to the version signed, so the one cause is reported once.
                    published_versions[language.key(file)] = review.signed.version
                    continue
                texts[shown], published = text, review.signed.version
                notes.append(f"{shown.as_posix()}: changed since its sign-off, so its signed version "
                             f"{published} is published until the medical team signs off the change")
            elif review.state is ReviewState.OVERDUE:
                notes.append(f"{shown.as_posix()}: its review was due {review.signed.next_review}; its signed "
                             "version is published, marked as being checked again")
            if language.code == ENGLISH:
                published_versions[language.key(file)] = published
            elif review.state is not ReviewState.NOT_CLINICAL:
                behind = _translation_behind(texts.get(shown) or file.read_text(encoding="utf-8"), root,
                                             published_versions)
                if behind:
                    blocking[group].append(f"{shown.as_posix()}: {behind}")
                    held.add(owner)
    named = language_treatments(languages(root)[0].config)  # by their English names, for staff
    return GateResult(dict(blocking), texts, notes,
                      {key: named[key].name if key in named else key for key in sorted(held - {None})}, None in held)


def _translation_behind(text: str, root: Path, published_versions: dict[str, str]) -> str | None:
    """Why a translation (as it will be published) does not translate the English version that will be
    published, or None when it does."""
    try:
        meta = load_front_matter(text)
    except yaml.YAMLError:
        return "its front matter cannot be read (run make check)"
    source, translated = str(meta.get("translation_of") or ""), str(meta.get("translated_from") or "")
    english = published_versions.get(source)
    if english is None:
        english_file = root / "docs" / source
        english = version_of(english_file.read_text(encoding="utf-8"), working_tree(root)) \
            if source and english_file.is_file() else None
    if english is None:
        return f"it names no English page it translates (translation_of: '{source}')"
    if translated != english:
        return (f"it translates version {translated or '(none)'} of docs/{source}, and the English page published "
                f"is version {english}: update the translation and set translated_from: {english}")
    return None


def unreviewed_pages(root: Path, today: date) -> list[str]:
    """'docs/page.md: why' for each clinical page that blocks publishing."""
    return review_gate(root, today).blocking
