"""Lighthouse mobile scores and Core Web Vitals for one page, as the median of several runs.

Runs Lighthouse through scripts/bench/lighthouse.py (Debian's Chromium, retries on NO_NAVSTART).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, fields
from typing import Any

from scripts.bench.lighthouse import run_lighthouse, scores

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


@dataclass(frozen=True)
class LighthouseRun:
    """Scores out of 100, largest contentful paint and total blocking time in ms, cumulative layout shift."""

    performance: float
    accessibility: float
    best_practices: float
    seo: float
    lcp_ms: float
    cls: float
    tbt_ms: float


def summarise(report: dict[str, Any]) -> LighthouseRun:
    """The scores and metrics of one Lighthouse report."""
    result = scores(report)
    audits = report["audits"]
    return LighthouseRun(
        performance=result["performance"], accessibility=result["accessibility"],
        best_practices=result["best-practices"], seo=result["seo"],
        lcp_ms=audits["largest-contentful-paint"]["numericValue"],
        cls=audits["cumulative-layout-shift"]["numericValue"],
        tbt_ms=audits["total-blocking-time"]["numericValue"],
    )


def median_run(runs: list[LighthouseRun]) -> LighthouseRun:
    """Each figure's median over the runs (figure by figure, as Lighthouse's own docs advise)."""
    return LighthouseRun(**{field.name: statistics.median([getattr(run, field.name) for run in runs])
                            for field in fields(LighthouseRun)})


def measure(url: str, runs: int) -> LighthouseRun:
    """The median of `runs` Lighthouse mobile runs against `url`."""
    return median_run([summarise(run_lighthouse(url, CATEGORIES)) for _ in range(runs)])
