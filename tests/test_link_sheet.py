"""The staff link sheet lists every published page and section, ready to paste, and stays out of search."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.browser_helpers import open_context
from tests.conftest import PHONE


def published_urls(site: Path) -> list[str]:
    return re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))


def test_the_link_sheet_lists_every_published_page_and_each_sections_full_address(built_site: Path) -> None:
    html = (built_site / "links" / "index.html").read_text(encoding="utf-8")
    listed = set(re.findall(r'data-copy-url="([^"]+)"', html))
    pages = published_urls(built_site)
    assert pages and set(pages) <= listed
    assert any(url.endswith("/aftercare/#when-to-get-help") for url in listed)
    assert any(url.endswith("/before/#checklist") for url in listed)


def test_the_plain_text_list_has_one_title_and_address_per_line(built_site: Path) -> None:
    lines = (built_site / "links.txt").read_text(encoding="utf-8").splitlines()
    addresses = [line.rsplit(": ", 1)[1] for line in lines]
    assert set(published_urls(built_site)) <= set(addresses)
    assert all(re.fullmatch(r".+: http\S+", line) for line in lines)


def test_the_link_sheet_is_not_indexed_searched_or_in_the_sitemap(built_site: Path) -> None:
    html = (built_site / "links" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert not any(url.endswith("/links/") for url in published_urls(built_site))
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc for doc in index["docs"] if doc["location"].startswith("links/")]
    assert 'href="links/"' not in (built_site / "index.html").read_text(encoding="utf-8")


def test_a_copy_button_on_the_link_sheet_copies_its_address(browser, base_url) -> None:
    with open_context(browser, base_url, PHONE, has_touch=True, is_mobile=True,
                      permissions=["clipboard-read", "clipboard-write"]) as (page, log):
        page.goto(base_url + "links/", wait_until="networkidle")
        button = page.locator("[data-copy-url$='/aftercare/#when-to-get-help']")
        button.tap()
        assert page.evaluate("navigator.clipboard.readText()") == base_url + "aftercare/#when-to-get-help"
        assert not log.console_errors
