"""Per-page first-visit weight and layout shift, measured in Debian's Chromium at phone size."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import sync_playwright

from scripts.bench.budgets import FONT_DELAY_MS
from scripts.bench.layout_shift import measure_layout_shift
from scripts.bench.page_weight import measure_first_visit
from scripts.chromium import CHROMIUM, CHROMIUM_ARGS

PHONE = {"width": 390, "height": 844}


@dataclass(frozen=True)
class PageFigures:
    """What a first visit of one page costs, and how much its layout shifts while loading."""

    path: str
    raw_bytes: int
    gzip_bytes: int
    requests: int
    font_requests: int
    layout_shift: float


def measure_pages(base_url: str, paths: list[str]) -> list[PageFigures]:
    """Each page in its own fresh phone-sized context (an empty cache), once for bytes and once for shift."""
    figures = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        try:
            for path in paths:
                with browser.new_context(viewport=PHONE) as context:
                    weight = measure_first_visit(context.new_page(), base_url + path)
                with browser.new_context(viewport=PHONE) as context:
                    shift = measure_layout_shift(context.new_page(), base_url + path, FONT_DELAY_MS)
                figures.append(PageFigures(path, weight.raw_bytes, weight.gzip_bytes, weight.requests,
                                           len(weight.font_urls), shift.score))
        finally:
            browser.close()
    return figures
