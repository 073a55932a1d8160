"""With JavaScript off (a blocked script, an old phone, a reader mode), the site still does what patients come for, as
the README's list says: every page reads, the menu drawer opens and leads to every page, the call bar calls, the
language switch and the page's links work, and the page prints with the clinic's details; what needs a script
(search, the section links for staff, the sheet's print button, closing a promotion) is not offered."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from scripts.built_site import page_paths
from tests.browser_helpers import open_context
from tests.conftest import CONTACT, PHONE
from tests.test_print import plain, sheet_texts

# What a script adds or makes work: none of it may be offered, visible, to a patient without one.
NEEDS_A_SCRIPT = (".md-search", "label.md-header__button[for=__search]", ".copy-link", "[data-print-sheet]",
                  ".md-banner__button", "[data-copy-url]")


def no_script(browser: object, base_url: str, viewport: dict[str, int] = PHONE):  # noqa: ANN201 (context manager)
    return open_context(browser, base_url, viewport, java_script_enabled=False, has_touch=True, is_mobile=True)


def path_of(url: str) -> str:
    return urlparse(url).path


def test_every_page_reads_and_calls_and_offers_nothing_that_needs_a_script(browser, base_url, built_site) -> None:
    with no_script(browser, base_url) as (page, log):
        for path in page_paths(built_site):
            page.goto(base_url + path)
            assert page.locator("h1").first.is_visible(), f"/{path}: no visible title without JavaScript"
            assert page.locator(".call-bar a[href^='tel:']").is_visible(), f"/{path}: no call bar"
            offered = [selector for selector in NEEDS_A_SCRIPT
                       if page.locator(selector).locator("visible=true").count()]
            assert not offered, f"/{path} offers what needs JavaScript: {offered}"
        assert not log.third_party_requests


def tap_and_wait(page: object, link: object) -> str:
    """Tap a link and wait for the page it leads to; returns the path it was meant to open."""
    expected = path_of(link.evaluate("link => link.href"))
    with page.expect_navigation():
        link.tap()
    return expected


def test_the_menu_drawer_opens_and_leads_to_every_page_in_it(browser, base_url) -> None:
    """The menu's last page, a treatment's section and that section's last page: the drawer scrolls on a short
    screen, and shows the section of the page it is opened on."""
    menu = ".md-sidebar--primary .md-nav--primary > .md-nav__list > .md-nav__item"
    drawer = "label.md-header__button[for=__drawer]"
    with no_script(browser, base_url, {"width": 390, "height": 560}) as (page, _log):
        for link in (f"{menu} > a", f"{menu}--nested > a"):
            page.goto(base_url)
            page.locator(drawer).tap()
            expected = tap_and_wait(page, page.locator(link).last)
            assert path_of(page.url) == expected
        page.locator(drawer).tap()  # on the treatment's first page: its section is open
        expected = tap_and_wait(page, page.locator(f"{menu}--active .md-nav__item > a").last)
        assert path_of(page.url) == expected


def test_the_language_switch_and_the_next_step_link_open_their_pages(browser, base_url) -> None:
    with no_script(browser, base_url) as (page, _log):
        page.goto(base_url + "aftercare/")
        expected = tap_and_wait(page, page.locator(".language-switch a").first)
        assert path_of(page.url) == expected and page.locator("html").get_attribute("lang") != "en"
        page.go_back()
        expected = tap_and_wait(page, page.locator(".md-footer__link--next"))
        assert path_of(page.url) == expected


def test_a_page_prints_with_the_clinics_details_and_its_text(browser, base_url, tmp_path: Path) -> None:
    with no_script(browser, base_url) as (page, _log):
        page.goto(base_url + "aftercare/")
        title = page.locator("h1").first.inner_text()
        page.emulate_media(media="print")
        pdf = tmp_path / "aftercare.pdf"
        page.pdf(path=str(pdf), format="Letter")
    first = plain(sheet_texts(pdf)[0])
    for detail in (CONTACT["name"], CONTACT["phone"], "aftercare/", title):
        assert plain(detail) in first, f"{detail!r} is not on the printout's first sheet"
