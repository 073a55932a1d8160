"""The deterministic performance budgets (issues 9 and 27): what a first visit of each page transfers (and what it
must not: search, the sitemap, a translation's own copy of Material's files), and layout shift.

Lighthouse scores vary between runs, so they are reported by `make bench`, not tested here.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from scripts.bench.budgets import MAX_FIRST_VISIT_GZIP_BYTES, MAX_FIRST_VISIT_REQUESTS, MAX_LAYOUT_SHIFT
from scripts.bench.first_visit import FirstVisit, measure_first_visit
from scripts.bench.scaling import add_nav_sections, generate_pages
from scripts.built_site import page_paths
from scripts.served_site import free_port, serve
from scripts.site.languages import languages
from tests.browser_helpers import is_search_file, open_context
from tests.conftest import PHONE, ROOT, build_variant

# Where Material's own files are, in each build's assets/ folder.
MATERIAL_FOLDERS = ("stylesheets", "javascripts")
# A site this many pages bigger must cost a first visit no more than GROWTH_BYTES more (issue 27).
EXTRA_PAGES = 100
GROWTH_BYTES = 1_000
# Ends far in the future, so that site.js (which uses the browser's own date) keeps showing it.
PROMOTION = {"text": "Ask about our winter offer.", "link": "/contact/", "start": "2026-11-01", "end": "2099-12-31"}


def first_visits_of(browser, base_url: str, paths: list[str]) -> dict[str, FirstVisit]:
    """Each page opened once in a fresh phone-sized context (an empty cache), fonts held back."""
    visits = {}
    for path in paths:
        with open_context(browser, base_url, PHONE) as (page, _log):
            visits[path] = measure_first_visit(page, base_url + path)
    return visits


@pytest.fixture(scope="module")
def first_visits(browser, base_url: str, built_site: Path) -> dict[str, FirstVisit]:
    return first_visits_of(browser, base_url, page_paths(built_site))


def test_first_visit_of_every_page_is_within_the_byte_budget_gzipped(first_visits: dict[str, FirstVisit]) -> None:
    heavy = [f"/{path}: {visit.weight.gzip_bytes:,} bytes gzipped, largest: "
             + ", ".join(f"{t.url} {t.gzip_bytes:,}"
                         for t in sorted(visit.weight.transfers, key=lambda t: -t.gzip_bytes)[:3])
             for path, visit in first_visits.items() if visit.weight.gzip_bytes > MAX_FIRST_VISIT_GZIP_BYTES]
    assert not heavy, f"over the {MAX_FIRST_VISIT_GZIP_BYTES:,}-byte budget:\n" + "\n".join(heavy)


def test_first_visit_of_every_page_is_within_the_request_budget(first_visits: dict[str, FirstVisit]) -> None:
    busy = [f"/{path}: {visit.weight.requests} requests: " + ", ".join(t.url for t in visit.weight.transfers)
            for path, visit in first_visits.items() if visit.weight.requests > MAX_FIRST_VISIT_REQUESTS]
    assert not busy, f"over the {MAX_FIRST_VISIT_REQUESTS}-request budget:\n" + "\n".join(busy)


def test_no_page_downloads_a_font_file(first_visits: dict[str, FirstVisit]) -> None:
    """The system font stack: text shows at once, in the phone's own font, and costs no bytes."""
    fonts = [f"/{path}: {url}" for path, visit in first_visits.items() for url in visit.weight.font_urls]
    assert not fonts, "pages download font files (theme.font must stay false):\n" + "\n".join(fonts)


def test_no_first_visit_loads_search_or_the_sitemap(first_visits: dict[str, FirstVisit]) -> None:
    """Search (its index, worker and language data) loads when the patient first opens it
    (tests/test_search_on_demand.py), and nothing asks for sitemap.xml (instant navigation did, on every visit)."""
    early = [f"/{path}: {transfer.url}" for path, visit in first_visits.items() for transfer in visit.weight.transfers
             if is_search_file(transfer.url) or urlparse(transfer.url).path.endswith("/sitemap.xml")]
    assert not early, "loaded before it is needed:\n" + "\n".join(early)


def test_translated_pages_load_no_copy_of_materials_files_of_their_own(first_visits: dict[str, FirstVisit]) -> None:
    prefixes = [language.prefix for language in languages(ROOT) if language.prefix]
    assert prefixes, "no translation to check"
    copies = [f"/{path}: {transfer.url}" for path, visit in first_visits.items() for transfer in visit.weight.transfers
              for prefix in prefixes if urlparse(transfer.url).path.startswith(tuple(
                  f"/{prefix}assets/{folder}/" for folder in MATERIAL_FOLDERS))]
    assert not copies, "a translation's own copy of Material's files (post_build shares the root's):\n" \
        + "\n".join(copies)


def test_after_the_english_home_page_a_translated_page_needs_no_file_but_its_own_html(
        first_visits: dict[str, FirstVisit]) -> None:
    """A patient who switches language downloads only the new page: every file it uses has the address of a file the
    English page already fetched, so the browser has it."""
    english = {transfer.url for transfer in first_visits[""].weight.transfers}
    prefixes = tuple(language.prefix for language in languages(ROOT) if language.prefix)
    new = [f"/{path}: {transfer.url}" for path, visit in first_visits.items() if path.startswith(prefixes)
           for transfer in visit.weight.transfers
           if transfer.resource_type != "document" and transfer.url not in english]
    assert not new, "downloaded again after an English page:\n" + "\n".join(new)


def test_a_hundred_more_pages_leave_a_first_visit_as_heavy_as_it_was(browser, tmp_path: Path,
                                                                     first_visits: dict[str, FirstVisit]) -> None:
    """What grows with the site (the search index, the sitemap, the whole menu) stays out of a first visit: the same
    pages of a copy with 100 more pages in the menu weigh the same within 1 KB."""
    def add_pages(project: Path) -> None:
        add_nav_sections(project / "mkdocs.yml", generate_pages(project / "docs", EXTRA_PAGES))

    port = free_port()
    site = build_variant(tmp_path, prepare=add_pages, SITE_URL=f"http://127.0.0.1:{port}/")
    assert (site / f"generated-{EXTRA_PAGES:04d}" / "index.html").is_file()
    paths = ["", "aftercare/", "what-is-it/"]
    with serve(site, port) as url:
        bigger = first_visits_of(browser, url, paths)
    grown = [f"/{path}: {first_visits[path].weight.gzip_bytes:,} -> {bigger[path].weight.gzip_bytes:,} bytes"
             for path in paths if bigger[path].weight.gzip_bytes - first_visits[path].weight.gzip_bytes > GROWTH_BYTES]
    assert not grown, f"a first visit grows with the site ({EXTRA_PAGES} more pages):\n" + "\n".join(grown)


def shifted_pages(visits: dict[str, FirstVisit]) -> list[str]:
    """The pages that shifted while loading, with the elements that moved."""
    return [f"/{path}: CLS {visit.shift.score:.4f}, moved: {', '.join(sorted(set(visit.shift.moved)))}"
            for path, visit in visits.items() if visit.shift.score > MAX_LAYOUT_SHIFT]


def test_no_page_shifts_its_layout_on_a_phone_while_fonts_load(first_visits: dict[str, FirstVisit]) -> None:
    shifted = shifted_pages(first_visits)
    assert not shifted, "layout shifts (reserve the space in docs/assets/css/site.css):\n" + "\n".join(shifted)


def test_a_promotion_bar_does_not_shift_the_page_on_a_phone(browser, tmp_path: Path) -> None:
    port = free_port()
    site = build_variant(tmp_path, {("extra", "promotions"): [PROMOTION]}, SITE_URL=f"http://127.0.0.1:{port}/")
    assert "winter offer" in (site / "before" / "index.html").read_text(encoding="utf-8")
    with serve(site, port) as url:
        shifted = shifted_pages(first_visits_of(browser, url, ["", "before/"]))
    assert not shifted, "the promotion bar moves the page (reserve its room):\n" + "\n".join(shifted)
