"""Cumulative layout shift of a page load in Chromium, with font files held back so a late font would show.

Every request Chromium classes as a font (or whose name is a font file's) waits `font_delay_ms` before it goes
on; other requests are untouched. After the network is idle, a buffered PerformanceObserver sums the
`layout-shift` entries that were not caused by user input, and names the elements that moved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scripts.bench.page_weight import is_font

# Resolves with the summed shift and the elements that moved, `settleMs` after it starts observing.
_OBSERVE_SHIFTS = """
(settleMs) => new Promise((resolve) => {
  let score = 0;
  const moved = [];
  const describe = (node) => {
    if (!node || !node.nodeName) return "(removed node)";
    const id = node.id ? "#" + node.id : "";
    const classes = node.className && typeof node.className === "string"
      ? "." + node.className.trim().split(/\\s+/).join(".") : "";
    return node.nodeName.toLowerCase() + id + classes;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      score += entry.value;
      for (const source of entry.sources || []) moved.push(describe(source.node));
    }
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve({score, moved}), settleMs);
})
"""


@dataclass(frozen=True)
class LayoutShift:
    """The page's cumulative layout shift, the elements that moved, and the fonts that were held back."""

    score: float
    moved: tuple[str, ...]
    delayed_fonts: tuple[str, ...]


def measure_layout_shift(page: Any, url: str, font_delay_ms: int, settle_ms: int = 500) -> LayoutShift:
    """Load `url` in `page` with fonts delayed by `font_delay_ms`; return the layout shift once it settles."""
    delayed: list[str] = []

    def delay_fonts(route: Any) -> None:
        request = route.request
        if is_font(request.url, request.resource_type):
            delayed.append(request.url)
            page.wait_for_timeout(font_delay_ms)  # yields to Playwright: other requests go on meanwhile
        route.fallback()  # on to the context's own routing

    page.route("**/*", delay_fonts)
    try:
        page.goto(url, wait_until="networkidle")
        result = page.evaluate(_OBSERVE_SHIFTS, settle_ms)
    finally:
        page.unroute("**/*", delay_fonts)
    return LayoutShift(float(result["score"]), tuple(result["moved"]), tuple(delayed))
