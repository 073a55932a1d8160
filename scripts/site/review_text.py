"""Sentences about the guide's review that are true only in one state, kept in the page's own words: a paragraph
marked `{ .review-when-awaiting }`, `{ .review-when-partly }` or `{ .review-when-reviewed }` (attr_list) stays in
the built page only while the guide is in that state; the others are taken out of the HTML, not hidden, so no
reader, search engine or screen reader meets a sentence that is false today."""

from __future__ import annotations

import re
from collections.abc import Iterable

from scripts.site.review import ReviewState

GUIDE_STATES = ("awaiting", "partly", "reviewed")
MARKED = re.compile(r'<p class="([^"]*\breview-when-(awaiting|partly|reviewed)\b[^"]*)">.*?</p>\s*', re.S)


def guide_state(states: Iterable[ReviewState]) -> str:
    """The guide in one word: "reviewed" when every clinical page is reviewed and not overdue, "partly" when some
    are, "awaiting" when none is."""
    clinical = [state for state in states if state is not ReviewState.NOT_CLINICAL]
    reviewed = [state for state in clinical if state is ReviewState.REVIEWED]
    if clinical and len(reviewed) == len(clinical):
        return "reviewed"
    return "partly" if reviewed else "awaiting"


def only_true_sentences(html: str, state: str) -> str:
    """The page's HTML without the marked paragraphs of the other guide states."""
    return MARKED.sub(lambda match: match.group(0) if match.group(2) == state else "", html)
