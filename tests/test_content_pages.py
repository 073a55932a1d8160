"""The guide's pages: front matter, sources only from the list, no copied sentences, reading level, review note."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import yaml

from scripts.built_site import target_file
from scripts.content.readability import grade, prose_from_html, target_grade
from scripts.site.addresses import page_url
from scripts.site.front_matter import load_front_matter
from scripts.site.includes import with_includes
from scripts.site.languages import languages
from scripts.site.page_version import working_tree
from scripts.site.sources import load_sources
from tests.conftest import CONTACT, ROOT, SOURCE_MATERIAL

PAGES = languages(ROOT)[0].pages  # every English page, at any depth
CLINICAL = [page for page in PAGES if load_front_matter(page.read_text(encoding="utf-8")).get("clinical")]
RUN = 8


def front_matter(page: Path) -> dict:
    return load_front_matter(page.read_text(encoding="utf-8"))


def built(site: Path, page: Path) -> str:
    return target_file(site, page_url(page.relative_to(ROOT / "docs").as_posix())).read_text(encoding="utf-8")


def article(html: str) -> str:
    return html[html.index('<article class="md-content__inner'):html.index("</article>")]


def words(text: str) -> list[str]:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).split()


def runs(text: str) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i:i + RUN]) for i in range(len(tokens) - RUN + 1)}


# Each stage of the patient's journey, as the question a clinical page's title asks (file names may change).
STAGES = {"what it is": r"\bwhat is\b", "whether it suits me": r"\bright for me\b", "before": r"\bprepare\b",
          "during": r"\bduring\b", "after": r"\bafter\b", "risks": r"\brisks?\b", "at home": r"\bat-home\b"}


def test_the_guide_covers_every_stage_of_the_patient_journey() -> None:
    titles = [str(front_matter(page).get("title", "")).lower() for page in CLINICAL]
    missing = [stage for stage, pattern in STAGES.items() if not any(re.search(pattern, t) for t in titles)]
    assert not missing, f"no clinical page answers these stages of the journey: {missing}"


@pytest.mark.parametrize("page", CLINICAL, ids=lambda p: p.name)
def test_clinical_page_has_title_description_sources_and_review_fields(page: Path) -> None:
    meta = front_matter(page)
    assert meta["title"].strip() and 0 < len(meta["description"]) <= 160
    assert meta["sources"], f"{page.name} lists no sources"
    assert {"reviewed_by", "last_reviewed", "next_review"} <= set(meta)


@pytest.mark.parametrize("page", CLINICAL, ids=lambda p: p.name)
def test_clinical_page_ends_with_sources_that_are_all_in_the_sources_list(built_site: Path, page: Path) -> None:
    listed = {entry["url"] for entry in load_sources(ROOT).values()}
    html = article(built(built_site, page))
    section = html[html.index('<h2 id="sources">'):html.index("</section>", html.index('<h2 id="sources">'))]
    cited = [unescape(url) for url in re.findall(r'href="(https?://[^"]+)"', section)]
    assert cited and set(cited) <= listed, set(cited) - listed
    own = {CONTACT[key] for key in ("booking_url", "map_url") if CONTACT[key]}  # the clinic's own pages, not sources
    site = re.search(r'<link rel="canonical" href="(https?://[^/"]+/)', built(built_site, page)).group(1)
    external = {unescape(url) for url in re.findall(r'href="(https?://[^"]+)"', html)
                if not url.startswith(site)} - own  # the same page in another language is this site's own page
    assert external <= listed, f"{page.name} links to sources that are not in data/sources.yml: {external - listed}"


@pytest.mark.source_material
def test_every_listed_source_was_verified_in_the_shared_sources_file_or_records_what_was_read() -> None:
    checked = yaml.safe_load((SOURCE_MATERIAL / "sources.yml").read_text(encoding="utf-8"))
    shared = {entry["id"]: entry for entry in checked}
    for source_id, entry in load_sources(ROOT).items():
        if source_id not in shared:
            assert len(str(entry.get("evidence") or "").split()) >= 15, (
                f"{source_id} is not in the shared sources file: record in `evidence:` what was read, and where")
            continue
        assert shared[source_id]["verified"] is True, source_id
        assert entry["url"] == shared[source_id]["url"], source_id


EVERY_PAGE = [page for language in languages(ROOT) for page in language.pages]  # both editions, any depth
REVIEWS = ("medical-review-2.md", "medical-review-3.md", "spanish-review.md")
# What a review quotes of our own pages (its "Quote" lines, and text in quotation marks or code): not its words.
QUOTED = re.compile(r"""^\s*[-*]?\s*\*\*(?:Quotes?|Cita)\b.*$|["“«][^"”»\n]*["”»]|`[^`\n]*`""", re.M)


def reviewers_words(name: str) -> str:
    return QUOTED.sub(" ", (SOURCE_MATERIAL / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def originals() -> set[tuple[str, ...]]:
    """Every eight-word run of the fact sheet, its audit, the clinic's original page and the reviews' own words."""
    return set().union(*(runs((SOURCE_MATERIAL / name).read_text(encoding="utf-8"))
                         for name in ("microneedling-facts.md", "fact-audit.md", "clinic-source-page.txt")),
                       *(runs(reviewers_words(name)) for name in REVIEWS))


@pytest.mark.source_material
@pytest.mark.parametrize("page", EVERY_PAGE, ids=lambda p: p.relative_to(ROOT / "docs").as_posix())
def test_no_page_copies_eight_words_in_a_row_from_the_reference_material_or_the_reviews(
        page: Path, originals: set[tuple[str, ...]]) -> None:
    """Our own sentences, in both languages, with the text they include (shared text counts for each page)."""
    body = with_includes(page.read_text(encoding="utf-8").split("---", 2)[2], working_tree(ROOT))
    copied = runs(body) & originals
    assert not copied, f"{page.name} copies: {[' '.join(run) for run in sorted(copied)][:5]}"


@pytest.mark.source_material
def test_a_sentence_copied_from_a_review_is_found() -> None:
    """The companion: eight words of a review's own prose, planted in a page's text, are caught."""
    planted = next(iter(sorted(runs(reviewers_words("spanish-review.md")))))
    assert runs("Intro. " + " ".join(planted) + " end.") & runs(reviewers_words("spanish-review.md"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_page_prose_is_within_its_reading_grade(built_site: Path, page: Path) -> None:
    prose = prose_from_html(article(built(built_site, page)))
    target = target_grade(front_matter(page))
    assert grade(prose) <= target, f"{page.name} reads at grade {grade(prose)}, above {target}"


def test_when_to_get_help_cards_read_at_grade_6_or_lower(built_site: Path) -> None:
    cards = []
    for page in PAGES:
        html = built(built_site, page)
        cards += re.findall(r'<div class="admonition (?:call-clinic|urgent-care|emergency)">(.*?)</div>', html, re.S)
    assert len(cards) >= 3
    assert grade([text for card in cards for text in prose_from_html(card)]) <= 6


def test_aftercare_has_three_help_tiers_in_order_of_urgency_in_words(built_site: Path) -> None:
    html = built(built_site, ROOT / "docs" / "aftercare.md")
    titles = re.findall(r'<div class="admonition (call-clinic|urgent-care|emergency)">\s*<p class="admonition-title">'
                        r'([^<]+)</p>(.*?)</div>', html, re.S)
    assert [kind for kind, _, _ in titles] == ["call-clinic", "urgent-care", "emergency"]
    assert [title.split()[0] for _, title, _ in titles] == ["Call", "Get", "Call"]
    assert "911" in titles[2][1]
    for _, title, body in titles:
        assert 1 <= body.count("<li>") <= 5, title


def test_the_review_line_comes_after_the_content_and_its_sources(built_site: Path) -> None:
    """A take-home sheet (sheet_of:) is a document to print: its review line is under its title, before its text."""
    for page in CLINICAL:
        html = built(built_site, page)
        if load_front_matter(page.read_text(encoding="utf-8")).get("sheet_of"):
            assert html.index("</h1>") < html.index('class="review-status') < html.index("<h2 "), page.name
            continue
        assert html.index('class="review-status') > html.index('<h2 id="sources">'), page.name
