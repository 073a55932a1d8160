"""Every page of the built site loads in Chromium, at phone and desktop size, privately, without errors and
without breaking the site's Content-Security-Policy (each page is loaded once per size and checked for all)."""

from __future__ import annotations

import pytest

from scripts.built_site import page_paths
from tests.browser_helpers import open_context
from tests.conftest import DESKTOP, PHONE


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_page_loads_without_errors_policy_violations_or_third_party_requests(browser, base_url, built_site,
                                                                                  viewport) -> None:
    problems = []
    with open_context(browser, base_url, viewport) as (page, log):
        page.add_init_script("window.__violations = [];document.addEventListener('securitypolicyviolation',"
                             " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));")
        for path in page_paths(built_site):
            response = page.goto(base_url + path, wait_until="networkidle")
            problems += [f"/{path}: policy violation: {v}" for v in page.evaluate("window.__violations")]
            if path != "404.html" and (response is None or response.status != 200):
                problems.append(f"/{path}: HTTP {response.status if response else 'no response'}")
            for error in log.console_errors:
                problems.append(f"/{path}: console error: {error}")
            for url in log.third_party_requests:
                problems.append(f"/{path}: request to a third party: {url}")
            log.console_errors.clear()
            log.third_party_requests.clear()
    assert not problems, "\n".join(problems)
