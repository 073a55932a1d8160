"""Only the review sentence that is true today is in a page's HTML: none reviewed, some, or all."""

from __future__ import annotations

from scripts.site.review import ReviewState
from scripts.site.review_text import guide_state, only_true_sentences

PAGE = ('<p class="review-when-awaiting">Not reviewed yet.</p>\n'
        '<p class="home-trust__review review-when-partly">Some reviewed.</p>\n'
        '<p class="review-when-reviewed">All reviewed.</p>\n<p>Always.</p>')


def test_the_guide_state_counts_clinical_pages_only() -> None:
    awaiting, reviewed, other = ReviewState.AWAITING, ReviewState.REVIEWED, ReviewState.NOT_CLINICAL
    assert guide_state([awaiting, awaiting, other]) == "awaiting"
    assert guide_state([reviewed, awaiting, other]) == "partly"
    assert guide_state([reviewed, reviewed, other]) == "reviewed"
    assert guide_state([reviewed, ReviewState.OVERDUE]) == "partly"
    assert guide_state([ReviewState.CHANGED, awaiting]) == "awaiting"


def test_only_the_true_sentence_stays() -> None:
    for state, kept in (("awaiting", "Not reviewed yet."), ("partly", "Some reviewed."),
                        ("reviewed", "All reviewed.")):
        html = only_true_sentences(PAGE, state)
        assert kept in html and "Always." in html
        assert sum(sentence in html for sentence in ("Not reviewed yet.", "Some reviewed.", "All reviewed.")) == 1
