"""Moved URLs keep working: host-level 301 rules, and HTML redirect pages as the fallback."""

from __future__ import annotations

from pathlib import Path

from scripts.built_site import parse
from scripts.built_site import target_file as page_file
from scripts.release.host_redirects import redirect_pairs
from scripts.site.addresses import CONTRACT, page_url, read_contract
from scripts.site.settings import load_settings
from scripts.site.settings import redirect_maps as settings_redirect_maps
from tests.browser_helpers import open_context
from tests.conftest import DESKTOP, ROOT


def redirect_maps() -> dict[str, str]:
    return settings_redirect_maps(load_settings(ROOT / "mkdocs.yml"))


def contract_sections(page: str) -> list[str]:
    """The section ids of a page that the URL contract promises to keep."""
    return [url.split("#", 1)[1] for url in read_contract(ROOT / CONTRACT) if url.startswith(page + "#")]


def test_page_urls_follow_the_sites_directory_urls() -> None:
    assert page_url("before.md") == "/before/"
    assert page_url("index.md") == "/"
    assert page_url("es/index.md") == "/es/" and page_url("reindex.md") == "/reindex/"
    assert page_url("aftercare.md#recovery-timeline") == "/aftercare/#recovery-timeline"


def test_every_redirect_has_a_301_rule_for_netlify_cloudflare_and_nginx(built_site: Path) -> None:
    rules = (built_site / "_redirects").read_text(encoding="utf-8").splitlines()
    nginx = (built_site / "nginx" / "redirects.conf").read_text(encoding="utf-8")
    pairs = redirect_pairs(redirect_maps())
    assert pairs
    for old, new in pairs:
        assert f"{old} {new} 301" in rules
        assert f"location = {old} {{ return 301 {new}; }}" in nginx


def test_a_moved_url_with_a_fragment_lands_on_that_section_under_the_policy(browser, base_url, built_site) -> None:
    old, new = next((old, new) for old, new in redirect_pairs(redirect_maps()) if "#" not in new)
    section = next(iter(sorted(parse(page_file(built_site, new)).ids & set(contract_sections(new)))))
    with open_context(browser, base_url, DESKTOP) as (page, log):
        page.goto(f"{base_url}{old.lstrip('/')}#{section}")
        page.wait_for_url(f"**{new}#{section}")
        page.wait_for_load_state("networkidle")
        top = page.locator(f"#{section}").bounding_box()["y"]
        assert 0 <= top < DESKTOP["height"] / 2, "the page did not scroll to the section"
        assert not log.console_errors


def test_robots_txt_points_search_engines_to_the_sitemap(built_site: Path, site_port: int) -> None:
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: http://127.0.0.1:{site_port}/sitemap.xml" in robots.splitlines()
    assert (built_site / "sitemap.xml").exists()
