"""Sentences about the guide's review that are true only in one state, kept in the page's own words: a paragraph
marked `{ .review-when-awaiting }`, `{ .review-when-partly }` or `{ .review-when-reviewed }` (attr_list) stays in
the built page only while the guide is in that state; the others are taken out of the HTML, not hidden, so no
reader, search engine or screen reader meets a sentence that is false today. Also the review line's words for a
signed page (`signed_review`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from scripts.site.review import PageReview, ReviewState
from scripts.site.reviewers import Registry

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


@dataclass(frozen=True)
class SignedReview:
    """The sign-off a page's review line shows, in the page's language."""

    reviewer: str  # "Jane Doe, MD, board-certified dermatologist (Medical Board of California license A000000)"
    name: str
    job_title: str  # the reviewer's credentials, for the structured data
    date: date
    next_review: date


def signed_review(review: PageReview, language: str, registry: Registry, words: dict[str, Any]) -> SignedReview | None:
    """What the review line says of a reviewed (or overdue) page: its reviewer as the log recorded them when they
    signed (as the reviewers list has them, for an entry written by hand without them), in the page's language;
    None for any other state, so nothing says "Reviewed by" over unsigned text."""
    signed = review.signed
    if review.state not in (ReviewState.REVIEWED, ReviewState.OVERDUE) or signed is None:
        return None
    listed = registry.reviewers.get(signed.reviewer)
    as_then = signed.reviewer_as_then or (listed.as_then() if listed else {})
    show_licence = registry.policy.show_licence
    name = str(as_then.get("name") or signed.reviewer)
    credentials = as_then.get("credentials") if isinstance(as_then.get("credentials"), dict) else {}
    job_title = str(credentials.get(language) or "")
    licence = as_then.get("licence") if isinstance(as_then.get("licence"), dict) else {}
    shown = ", ".join(part for part in (name, job_title) if part)
    if show_licence and licence.get("number") and words.get("review_licence"):
        shown += " (" + str(words["review_licence"]).replace("{board}", str(licence.get("board") or "")).replace(
            "{number}", str(licence["number"])) + ")"
    return SignedReview(shown, name, job_title, signed.date, signed.next_review)


REVIEWER_LIST = re.compile(r"^<!--\s*reviewers:\s*(.*?)\s*-->[ \t]*$", re.M | re.S)


def with_reviewer_list(markdown: str, registry: Registry, language: str, day: date) -> str:
    """The page with its `<!-- reviewers: Intro sentence -->` line replaced by that sentence and a list of the
    clinicians who review pages in its language today, each with their credentials and their relationship to the
    clinic (the conflict-of-interest statement); by nothing while nobody is listed."""
    listed = [reviewer for reviewer in registry.reviewers.values()
              if language in reviewer.languages and reviewer.active_on(day)]

    def listing(match: re.Match[str]) -> str:
        if not listed:
            return ""
        items = [f"- {', '.join(part for part in (each.name, each.credentials.get(language, '')) if part)}: "
                 f"{each.relationship.get(language, '').rstrip('.')}." for each in listed]
        return match.group(1) + "\n\n" + "\n".join(items) + "\n"
    return REVIEWER_LIST.sub(listing, markdown)
