"""Lighthouse (mobile preset) gives full marks for accessibility, best practices and SEO on key pages.
(Performance varies by several points between identical runs; it is measured by `make bench`.)"""

from __future__ import annotations

import pytest

from scripts.bench.lighthouse import LIGHTHOUSE, failing_audits, run_lighthouse, scores

CATEGORIES = ("accessibility", "best-practices", "seo")


@pytest.mark.parametrize("path", ["", "aftercare/", "contact/"], ids=["home", "aftercare", "contact"])
def test_lighthouse_scores_100_for_accessibility_best_practices_and_seo(base_url: str, path: str) -> None:
    assert LIGHTHOUSE.exists(), "Lighthouse is missing: run `npm ci` (make test does)"
    report = run_lighthouse(base_url + path, CATEGORIES)
    result = scores(report)
    problems = {category: failing_audits(report, category) for category in CATEGORIES if result[category] < 100}
    assert result == dict.fromkeys(CATEGORIES, 100), f"/{path}: {result} {problems}"
