"""Whether a page's medical content is reviewed, awaiting review or overdue: the one rule that the review
note, the structured data, the content check and the publishing gate all use."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from typing import Any

from scripts.site.dates import as_date

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
    if next_review < today:
        return ReviewState.OVERDUE
    if changed_since_review is None:
        return ReviewState.AWAITING
    return ReviewState.CHANGED if changed_since_review else ReviewState.REVIEWED


def guide_review_state(metas: Iterable[dict[str, Any]], today: date) -> str:
    """The whole guide in one word, for the home page's trust line: "reviewed" only when every clinical page is
    reviewed and not overdue; otherwise "awaiting"."""
    states = [review_state(meta or {}, today) for meta in metas]
    clinical = [state for state in states if state is not ReviewState.NOT_CLINICAL]
    return "reviewed" if clinical and all(state is ReviewState.REVIEWED for state in clinical) else "awaiting"
