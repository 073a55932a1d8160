"""Strict security headers for static hosts, and the same policy in every page for GitHub Pages."""

from __future__ import annotations

import re
from pathlib import Path

from scripts.release.security_headers import inline_script_hashes, parse_headers_file
from tests.browser_helpers import open_context
from tests.conftest import DESKTOP, PHONE

REQUIRED = ["default-src 'none'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
            "connect-src 'self'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]


def test_the_policy_is_strict_and_allows_exactly_the_inline_scripts_of_the_built_site(built_site: Path) -> None:
    headers = parse_headers_file((built_site / "_headers").read_text(encoding="utf-8"))
    policy = headers["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    for directive in REQUIRED:
        assert directive in policy.split("; "), directive
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src"))
    hashes = inline_script_hashes(built_site)
    assert script_src == "script-src 'self' " + " ".join(hashes)
    assert len(hashes) >= 3  # Material's own inline scripts, and the redirect pages'


def test_every_other_protective_header_is_sent(site_headers: dict[str, str]) -> None:
    assert site_headers["Strict-Transport-Security"].startswith("max-age=")
    assert site_headers["X-Content-Type-Options"] == "nosniff"
    assert site_headers["Referrer-Policy"] in {"same-origin", "no-referrer", "strict-origin",
                                               "strict-origin-when-cross-origin"}
    assert "camera=()" in site_headers["Permissions-Policy"]
    assert site_headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_headers_file_lines_fit_cloudflare_and_nginx_sends_the_same(built_site: Path) -> None:
    lines = (built_site / "_headers").read_text(encoding="utf-8").splitlines()
    assert all(len(line) <= 2000 for line in lines)
    nginx = (built_site / "nginx" / "security-headers.conf").read_text(encoding="utf-8")
    for name, value in parse_headers_file("\n".join(lines)).items():
        assert f'add_header {name} "{value}" always;' in nginx


def test_every_page_carries_the_policy_in_a_meta_tag_before_any_script(built_site: Path) -> None:
    for html_file in built_site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert meta, html_file
        assert "frame-ancestors" not in meta.group(1) and "unsafe-inline" not in meta.group(1)
        assert meta.start() < html.index("<script"), html_file


def test_the_next_page_link_loads_the_next_page_under_the_policy_and_no_page_asks_for_the_sitemap(browser,
                                                                                                  base_url) -> None:
    """Without instant navigation a link is an ordinary page load; neither page fetches sitemap.xml (which instant
    navigation fetched on every first visit)."""
    with open_context(browser, base_url, DESKTOP) as (page, log):
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(base_url + "before/", wait_until="networkidle")
        page.locator(".md-footer__link--next").click()
        page.wait_for_url("**/during/")
        page.wait_for_load_state("networkidle")
        assert not [url for url in requested if url.endswith("sitemap.xml")], requested
        assert not log.console_errors


def test_copy_link_copies_the_sections_address_under_the_policy(browser, base_url) -> None:
    with open_context(browser, base_url, PHONE, has_touch=True, is_mobile=True,
                      permissions=["clipboard-read", "clipboard-write"]) as (page, log):
        page.goto(base_url + "aftercare/", wait_until="networkidle")
        button = page.locator("#when-to-get-help .copy-link")
        assert button.get_attribute("aria-label") == "Copy link to this section"
        button.tap()
        assert page.evaluate("navigator.clipboard.readText()") == base_url + "aftercare/#when-to-get-help"
        assert not log.console_errors
