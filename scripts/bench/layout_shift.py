"""Cumulative layout shift of a page load in Chromium, with font files held back so a late font would show.

Every request Chromium classes as a font (or whose name is a font file's) waits before it goes on; other requests
are untouched. Once the page has settled, a buffered PerformanceObserver sums the `layout-shift` entries that were
not caused by user input, and names the elements that moved.
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


class FontHoldBack:
    """Holds every font request of `page` back by `delay_ms` (other requests go on untouched) until `release()`."""

    def __init__(self, page: Any, delay_ms: int) -> None:
        self.page = page
        self.delay_ms = delay_ms
        self.delayed: list[str] = []
        page.route("**/*", self._delay_fonts)

    def _delay_fonts(self, route: Any) -> None:
        request = route.request
        if is_font(request.url, request.resource_type):
            self.delayed.append(request.url)
            self.page.wait_for_timeout(self.delay_ms)  # yields to Playwright: other requests go on meanwhile
        route.fallback()  # on to the context's own routing

    def release(self) -> None:
        self.page.unroute("**/*", self._delay_fonts)


def layout_shift_so_far(page: Any, delayed_fonts: list[str], settle_ms: int) -> LayoutShift:
    """The layout shift of the page's load until now and for `settle_ms` more."""
    result = page.evaluate(_OBSERVE_SHIFTS, settle_ms)
    return LayoutShift(float(result["score"]), tuple(result["moved"]), tuple(delayed_fonts))
