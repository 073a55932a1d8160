"""The deterministic performance budgets (issue 9): what a first visit of each page transfers, and layout shift.

Lighthouse scores vary between runs, so they are reported by `make bench`, not tested here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.bench.budgets import MAX_FIRST_VISIT_GZIP_BYTES, MAX_FIRST_VISIT_REQUESTS, MAX_LAYOUT_SHIFT
from scripts.bench.first_visit import FirstVisit, measure_first_visit
from scripts.built_site import page_paths
from scripts.served_site import free_port, serve
from tests.browser_helpers import open_context
from tests.conftest import PHONE, build_variant

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


def test_first_visit_of_every_page_is_at_most_100_kb_gzipped(first_visits: dict[str, FirstVisit]) -> None:
    heavy = [f"/{path}: {visit.weight.gzip_bytes:,} bytes gzipped, largest: "
             + ", ".join(f"{t.url} {t.gzip_bytes:,}"
                         for t in sorted(visit.weight.transfers, key=lambda t: -t.gzip_bytes)[:3])
             for path, visit in first_visits.items() if visit.weight.gzip_bytes > MAX_FIRST_VISIT_GZIP_BYTES]
    assert not heavy, f"over the {MAX_FIRST_VISIT_GZIP_BYTES:,}-byte budget:\n" + "\n".join(heavy)


def test_first_visit_of_every_page_makes_at_most_15_requests(first_visits: dict[str, FirstVisit]) -> None:
    busy = [f"/{path}: {visit.weight.requests} requests: " + ", ".join(t.url for t in visit.weight.transfers)
            for path, visit in first_visits.items() if visit.weight.requests > MAX_FIRST_VISIT_REQUESTS]
    assert not busy, f"over the {MAX_FIRST_VISIT_REQUESTS}-request budget:\n" + "\n".join(busy)


def test_no_page_downloads_a_font_file(first_visits: dict[str, FirstVisit]) -> None:
    """The system font stack: text shows at once, in the phone's own font, and costs no bytes."""
    fonts = [f"/{path}: {url}" for path, visit in first_visits.items() for url in visit.weight.font_urls]
    assert not fonts, "pages download font files (theme.font must stay false):\n" + "\n".join(fonts)


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
