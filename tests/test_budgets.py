"""The deterministic performance budgets (issue 9): what a first visit of each page transfers, and layout shift.

Lighthouse scores vary between runs, so they are reported by `make bench`, not tested here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.bench.budgets import FONT_DELAY_MS, MAX_FIRST_VISIT_GZIP_BYTES, MAX_FIRST_VISIT_REQUESTS, MAX_LAYOUT_SHIFT
from scripts.bench.layout_shift import measure_layout_shift
from scripts.bench.page_weight import PageWeight, measure_first_visit
from scripts.built_site import page_paths
from scripts.served_site import free_port, serve
from tests.browser_helpers import open_context
from tests.conftest import PHONE, build_variant

# Ends far in the future, so that site.js (which uses the browser's own date) keeps showing it.
PROMOTION = {"text": "Ask about our winter offer.", "link": "/contact/", "start": "2026-11-01", "end": "2099-12-31"}


@pytest.fixture(scope="module")
def first_visits(browser, base_url: str, built_site: Path) -> dict[str, PageWeight]:
    """Each page opened once in a fresh phone-sized context (an empty cache), with everything it transferred."""
    visits = {}
    for path in page_paths(built_site):
        with open_context(browser, base_url, PHONE) as (page, _log):
            visits[path] = measure_first_visit(page, base_url + path)
    return visits


def test_first_visit_of_every_page_is_at_most_100_kb_gzipped(first_visits: dict[str, PageWeight]) -> None:
    heavy = [f"/{path}: {visit.gzip_bytes:,} bytes gzipped, largest: "
             + ", ".join(f"{t.url} {t.gzip_bytes:,}" for t in sorted(visit.transfers, key=lambda t: -t.gzip_bytes)[:3])
             for path, visit in first_visits.items() if visit.gzip_bytes > MAX_FIRST_VISIT_GZIP_BYTES]
    assert not heavy, f"over the {MAX_FIRST_VISIT_GZIP_BYTES:,}-byte budget:\n" + "\n".join(heavy)


def test_first_visit_of_every_page_makes_at_most_15_requests(first_visits: dict[str, PageWeight]) -> None:
    busy = [f"/{path}: {visit.requests} requests: " + ", ".join(t.url for t in visit.transfers)
            for path, visit in first_visits.items() if visit.requests > MAX_FIRST_VISIT_REQUESTS]
    assert not busy, f"over the {MAX_FIRST_VISIT_REQUESTS}-request budget:\n" + "\n".join(busy)


def test_no_page_downloads_a_font_file(first_visits: dict[str, PageWeight]) -> None:
    """The system font stack: text shows at once, in the phone's own font, and costs no bytes."""
    fonts = [f"/{path}: {url}" for path, visit in first_visits.items() for url in visit.font_urls]
    assert not fonts, "pages download font files (theme.font must stay false):\n" + "\n".join(fonts)


def layout_shifts(browser, base_url: str, paths: list[str]) -> list[str]:
    """The pages that shift while loading at phone size (fonts delayed), with the elements that moved."""
    shifted = []
    for path in paths:
        with open_context(browser, base_url, PHONE) as (page, _log):
            shift = measure_layout_shift(page, base_url + path, FONT_DELAY_MS)
        if shift.score > MAX_LAYOUT_SHIFT:
            shifted.append(f"/{path}: CLS {shift.score:.4f}, moved: {', '.join(sorted(set(shift.moved)))}")
    return shifted


def test_no_page_shifts_its_layout_on_a_phone_while_fonts_load(browser, base_url: str, built_site: Path) -> None:
    shifted = layout_shifts(browser, base_url, page_paths(built_site))
    assert not shifted, "layout shifts (reserve the space in docs/assets/css/site.css):\n" + "\n".join(shifted)


def test_a_promotion_bar_does_not_shift_the_page_on_a_phone(browser, tmp_path: Path) -> None:
    port = free_port()
    site = build_variant(tmp_path, {("extra", "promotions"): [PROMOTION]}, SITE_URL=f"http://127.0.0.1:{port}/")
    assert "winter offer" in (site / "before" / "index.html").read_text(encoding="utf-8")
    with serve(site, port) as url:
        shifted = layout_shifts(browser, url, ["", "before/"])
    assert not shifted, "the promotion bar moves the page (reserve its room):\n" + "\n".join(shifted)
