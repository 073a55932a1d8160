"""Per-page first-visit weight and layout shift, measured in Debian's Chromium at phone size."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import sync_playwright

from scripts.bench.first_visit import measure_first_visit
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
    """Each page in its own fresh phone-sized context (an empty cache), measured for bytes and shift at once."""
    figures = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        try:
            for path in paths:
                with browser.new_context(viewport=PHONE) as context:
                    visit = measure_first_visit(context.new_page(), base_url + path)
                weight = visit.weight
                figures.append(PageFigures(path, weight.raw_bytes, weight.gzip_bytes, weight.requests,
                                           len(weight.font_urls), visit.shift.score))
        finally:
            browser.close()
    return figures
