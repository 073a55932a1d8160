"""Whether a page's medical content is reviewed, awaiting review or overdue: the one rule that the review
note, the structured data, the content check and the publishing gate all use, and the one place that asks the
page's history whether the text being built is the text that was reviewed (`page_review`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from scripts.site.dates import as_date
from scripts.site.front_matter import load_front_matter
from scripts.site.review_history import ReviewedVersion, reviewed_version

REVIEW_KEYS = ("reviewed_by", "last_reviewed", "next_review")


class ReviewState(StrEnum):
    NOT_CLINICAL = "not clinical"  # no medical content, so no review is needed
    AWAITING = "awaiting review"  # never reviewed, or its review details are incomplete
    REVIEWED = "reviewed"
    OVERDUE = "overdue"  # reviewed, but the next review date has passed
    CHANGED = "changed since review"  # reviewed, but its text changed after the review was recorded


def review_state(meta: dict[str, Any], today: date, changed_since_review: bool | None = False) -> ReviewState:
    """The review state of a page, from its front matter, on the given day. `changed_since_review` comes from
    the page's history (scripts/site/review_history.py); None when there is no history to tell, and then a
    reviewed page counts as awaiting review."""
    if meta.get("clinical") is not True:
        return ReviewState.NOT_CLINICAL
    next_review = as_date(meta.get("next_review"))
    if not str(meta.get("reviewed_by") or "").strip() or as_date(meta.get("last_reviewed")) is None \
            or next_review is None:
        return ReviewState.AWAITING
    if changed_since_review is None:
        return ReviewState.AWAITING
    if changed_since_review:
        return ReviewState.CHANGED
    return ReviewState.OVERDUE if next_review < today else ReviewState.REVIEWED


@dataclass(frozen=True)
class PageReview:
    """A page's review state, and the version of it that its review covers (None where nothing is signed, or
    where git cannot tell)."""

    state: ReviewState
    version: ReviewedVersion | None


def page_review(root: Path, page: Path, today: date) -> PageReview:
    """The review state of the page file as it is now, with its history from git: a page is "reviewed" only when
    its text is the text its review covers, so a preview never says "Reviewed by" over text nobody reviewed."""
    try:
        meta = load_front_matter(page.read_text(encoding="utf-8"))
    except yaml.YAMLError:  # the check and the build report it with its line; until then nothing is signed
        return PageReview(ReviewState.AWAITING, None)
    state = review_state(meta, today)
    if state in (ReviewState.NOT_CLINICAL, ReviewState.AWAITING):  # nothing signed: no history to ask
        return PageReview(state, None)
    version = reviewed_version(root, page)
    return PageReview(review_state(meta, today, None if version is None else version.changed_since), version)
