"""The whole guide's review state in one word, for the home page's trust line: "reviewed" only when every
clinical page is reviewed and not overdue (the one rule, scripts/site/review.py); otherwise "awaiting"."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from scripts.site.review import ReviewState, review_state


def guide_review_state(metas: Iterable[dict[str, Any]], today: date) -> str:
    states = [review_state(meta or {}, today) for meta in metas]
    clinical = [state for state in states if state is not ReviewState.NOT_CLINICAL]
    return "reviewed" if clinical and all(state is ReviewState.REVIEWED for state in clinical) else "awaiting"
