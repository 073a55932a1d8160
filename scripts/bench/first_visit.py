"""One first visit of a page in Chromium, measured for both budgets at once: what it transfers and how much its
layout shifts while fonts are held back. One load per page instead of two halves the time the checks take."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scripts.bench.budgets import FONT_DELAY_MS
from scripts.bench.layout_shift import FontHoldBack, LayoutShift, layout_shift_so_far
from scripts.bench.page_weight import PageWeight, TransferRecorder
from scripts.quiet_network import open_settled

# Quiet time before the page counts as loaded: anything it still fetches after its load event is counted too.
SETTLE_MS = 400
# Once settled, how long more to watch for a late shift: so a shift up to about 600 ms after the page's last
# request counts (nothing on the site moves on a timer; site.js's only timer resets the Copy button's label).
SHIFT_SETTLE_MS = 200


@dataclass(frozen=True)
class FirstVisit:
    """What a first visit of one page transferred, and how its layout shifted meanwhile."""

    weight: PageWeight
    shift: LayoutShift


def measure_first_visit(page: Any, url: str, font_delay_ms: int = FONT_DELAY_MS) -> FirstVisit:
    """Open `url` in `page` (a Playwright page of a fresh context, so nothing comes from the cache) with font
    files held back by `font_delay_ms`; wait until its network is quiet and return both measurements."""
    recorder, fonts = TransferRecorder(page), FontHoldBack(page, font_delay_ms)
    try:
        open_settled(page, url, SETTLE_MS)
        shift = layout_shift_so_far(page, fonts.delayed, SHIFT_SETTLE_MS)
    finally:
        fonts.release()
        recorder.stop()
    return FirstVisit(recorder.weight(url), shift)
