"""Whether a page's medical content is reviewed, awaiting review, changed since its sign-off or overdue: the one
rule that the review line, the structured data, the content check, the publishing gate and the packets all use.

A page is reviewed when the review log's latest sign-off of it (by page id and language) is valid (a listed
reviewer whose role may sign, who reads the page's language, on a day they were active, with the next review
within the policy's ceiling) and names the page's version as it is now (scripts/site/page_version.py). Its front
matter only repeats that entry; the content check holds the two together."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

import yaml

from scripts.site.dates import months_after
from scripts.site.front_matter import load_front_matter
from scripts.site.languages import language_of_file
from scripts.site.page_version import version_of, working_tree
from scripts.site.review_log import APPROVED, LogEntry, load_log, page_entries
from scripts.site.reviewers import REVIEWERS_FILE, Registry, load_registry

# The front matter lines a sign-off writes (make sign-off), repeating the log's latest entry.
REVIEW_KEYS = ("reviewed_by", "last_reviewed", "next_review", "reviewed_version")


class ReviewState(StrEnum):
    NOT_CLINICAL = "not clinical"  # no medical content, so no review is needed
    AWAITING = "awaiting review"  # never validly signed off
    REVIEWED = "reviewed"
    OVERDUE = "overdue"  # signed off, and past its next review: its signed version still shows, marked overdue
    CHANGED = "changed since review"  # signed off, but what patients would read differs from the signed version


@dataclass(frozen=True)
class ReviewRecord:
    """Who may sign, and every sign-off: read once per build or check."""

    registry: Registry
    log: list[LogEntry]


def review_record(root: Path) -> ReviewRecord:
    return ReviewRecord(load_registry(root), load_log(root))


def signature_problems(entry: LogEntry, registry: Registry, language: str, today: date) -> list[str]:
    """Why a logged sign-off does not count, in words with the fix (none when it does)."""
    problems = []
    reviewer = registry.reviewers.get(entry.reviewer)
    if reviewer is None:
        problems.append(f"'{entry.reviewer}' is not a reviewer listed in {REVIEWERS_FILE.as_posix()}: a sign-off "
                        "must name a listed clinician by their id")
    else:
        if reviewer.role not in registry.policy.signers:
            problems.append(f"{reviewer.name} is listed as '{reviewer.role}', and the review policy lets only "
                            f"{', '.join(registry.policy.signers)} sign off ({REVIEWERS_FILE.as_posix()}, policy)")
        if language not in reviewer.languages:
            problems.append(f"{reviewer.name} is not listed as reading '{language}' (languages: "
                            f"{', '.join(reviewer.languages) or 'none'}): a page needs a reviewer who reads its "
                            "language")
        if entry.date and not reviewer.active_on(entry.date):
            problems.append(f"{reviewer.name} was not an active reviewer on {entry.date} (since/until in "
                            f"{REVIEWERS_FILE.as_posix()})")
    if entry.date is None:
        problems.append("the sign-off needs its date (YYYY-MM-DD)")
    elif entry.decision != APPROVED:
        if entry.date > today:
            problems.append(f"the decision is dated {entry.date}, in the future: write the day it was made")
    elif entry.next_review is None:
        problems.append("the sign-off needs its next review date (YYYY-MM-DD)")
    else:
        if entry.date > today:
            problems.append(f"the sign-off is dated {entry.date}, in the future: write the day it was given")
        if entry.next_review <= entry.date:
            problems.append(f"the next review ({entry.next_review}) must come after the sign-off ({entry.date})")
        ceiling = months_after(entry.date, registry.policy.months)
        if entry.next_review > ceiling:
            problems.append(f"the next review ({entry.next_review}) is more than {registry.policy.months} months "
                            f"after the sign-off: make it {ceiling} or earlier (the review policy's ceiling)")
    return problems


@dataclass(frozen=True)
class PageReview:
    """A page's review state; `signed`: the sign-off its review line shows (a valid one), where there is one."""

    state: ReviewState
    signed: LogEntry | None
    version: str  # the page's version id as it is now ("" when its front matter cannot be read)
    page_id: str
    language: str


def page_review(root: Path, page: Path, today: date, record: ReviewRecord | None = None,
                text: str | None = None) -> PageReview:
    """The review state of the page file as it is now, so a preview never says "Reviewed by" over text nobody
    signed. A page signed off as clinical stays under review when flipped to `clinical: false`, until the log
    records the medical team's decision that it is not clinical. `text`: the page's text, when it is not (yet)
    the file's."""
    record = record or review_record(root)
    language = language_of_file(root, page).code
    text = page.read_text(encoding="utf-8") if text is None else text
    try:
        meta = load_front_matter(text)
    except yaml.YAMLError:  # the check and the build report it with its line; until then nothing is signed
        return PageReview(ReviewState.AWAITING, None, "", "", language)
    page_id = str(meta.get("page_id") or "")
    entries = page_entries(record.log, page_id, language) if page_id else []
    latest = entries[-1] if entries else None
    # A decision counts only when the sign-off behind it does: an entry by someone who may not sign changes nothing,
    # so the newest entry that counts decides (the content check reports the others).
    decided = next((entry for entry in reversed(entries)
                    if not signature_problems(entry, record.registry, language, today)), None)
    signed = decided if decided is not None and decided.decision == APPROVED else None
    version = version_of(text, working_tree(root))
    released = decided is not None and decided.decision != APPROVED  # the medical team's "not clinical"
    if meta.get("clinical") is not True and (latest is None or released):
        return PageReview(ReviewState.NOT_CLINICAL, None, version, page_id, language)
    if signed is None:
        return PageReview(ReviewState.AWAITING, None, version, page_id, language)
    if signed.version != version:
        return PageReview(ReviewState.CHANGED, signed, version, page_id, language)
    state = ReviewState.OVERDUE if signed.next_review and signed.next_review < today else ReviewState.REVIEWED
    return PageReview(state, signed, version, page_id, language)
