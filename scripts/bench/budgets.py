"""The performance budgets (issue 9), in one place: the benchmark reports against them and tests/test_budgets.py
enforces the deterministic ones."""

from __future__ import annotations

# A first visit of any page, everything included (HTML, CSS, JS, fonts, images, the search index).
MAX_FIRST_VISIT_GZIP_BYTES = 100_000  # 100 KB, 1 KB = 1,000 bytes
MAX_FIRST_VISIT_REQUESTS = 15
# Cumulative layout shift at phone size, with font files delayed by FONT_DELAY_MS.
MAX_LAYOUT_SHIFT = 0.0
FONT_DELAY_MS = 1000
# Lighthouse mobile (median of its runs).
MIN_LIGHTHOUSE_PERFORMANCE = 95
MAX_LCP_MS = 2000
# Our build (every language, post-build included) against plain Material building the same Markdown pages: the
# median of BUILD_RATIO_RUNS builds of each side of this site with scripts/bench/scaling.py's RATIO_GENERATED
# generated pages (124 pages in all).
MAX_BUILD_RATIO = 1.5
BUILD_RATIO_RUNS = 5
