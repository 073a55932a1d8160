"""Material's script loads when first needed (overrides/partials/material-on-demand.html): never while a patient reads
on a phone; at once when search or the menu is opened, or a wide screen scrolls; and what it does then works as if it
had loaded with the page, also on an address with a #section. Until it has loaded, a key or a tap that needs it is
answered at once."""

from __future__ import annotations

import functools
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest

from scripts.built_site import page_paths, parse
from scripts.quiet_network import open_settled
from tests.browser_helpers import open_context
from tests.conftest import DESKTOP, PHONE

MATERIAL_SCRIPT = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
TOGGLE_CHECKED = "name => document.getElementById(name).checked"


def material_loaded(requested: list[str]) -> bool:
    return any(MATERIAL_SCRIPT.search(urlparse(url).path) for url in requested)


@pytest.fixture(scope="module")
def page_with_sections(built_site: Path) -> tuple[str, list[str]]:
    """A page of a treatment's menu section, with a next page and at least three sections in its table of
    contents, and their ids."""
    for path in page_paths(built_site):
        if not path.endswith("/"):
            continue
        html = (built_site / path / "index.html").read_text(encoding="utf-8")
        sections = parse(built_site / path / "index.html").sections
        in_section = any({"md-nav__item--active", "md-nav__item--nested"} <= set(classes.split())
                         for classes in re.findall(r'<li class="([^"]*)"', html))
        if len(sections) >= 3 and 'rel="next"' in html and in_section:
            return path, sections
    raise AssertionError("no page in a menu section with a next page and three sections")


def test_reading_a_page_to_its_end_on_a_phone_never_loads_materials_script(browser, base_url,
                                                                             page_with_sections) -> None:
    path, _sections = page_with_sections
    with open_context(browser, base_url, PHONE, has_touch=True, is_mobile=True) as (page, log):
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        open_settled(page, base_url + path, 400)
        at_end = "scrollY + innerHeight >= document.documentElement.scrollHeight - 2"
        for _ in range(40):
            if page.evaluate(at_end):
                break
            page.mouse.wheel(0, PHONE["height"] // 2)
            page.wait_for_timeout(50)
        page.wait_for_timeout(400)
        assert page.evaluate(at_end), "the test did not reach the end of the page"
        assert not material_loaded(requested), "Material's script loaded while the patient only read"
        assert not log.console_errors


@pytest.mark.parametrize("opened", ["__drawer", "__search"])
def test_menu_or_search_opened_on_an_address_with_a_section_stays_open_when_materials_script_starts(
        browser, base_url, page_with_sections, opened: str) -> None:
    """Material closes both when the address has a #section as it starts: the patient's open menu or search must
    not close under their finger, and the address keeps its #section (staff copy it)."""
    path, sections = page_with_sections
    with open_context(browser, base_url, PHONE, has_touch=True, is_mobile=True) as (page, log):
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        open_settled(page, f"{base_url}{path}#{sections[-1]}", 400)
        page.locator(f"label.md-header__button[for={opened}]").tap()
        page.wait_for_function("() => document.documentElement.classList.contains('js') && window.document$")
        page.wait_for_timeout(600)  # Material closes them 125 ms after it starts
        assert material_loaded(requested)
        assert page.evaluate(TOGGLE_CHECKED, opened), f"{opened} closed itself when Material's script started"
        assert page.url.endswith("#" + sections[-1])
        assert not log.console_errors


def test_a_tap_on_a_section_in_the_menu_closes_it_once_materials_script_has_loaded(browser, base_url,
                                                                                      page_with_sections) -> None:
    path, _sections = page_with_sections
    with open_context(browser, base_url, PHONE, has_touch=True, is_mobile=True) as (page, log):
        open_settled(page, base_url + path, 400)
        page.locator("label.md-header__button[for=__drawer]").tap()
        page.locator(".md-sidebar--primary label[for=__toc]").first.tap()
        link = page.locator(".md-sidebar--primary .md-nav--secondary a.md-nav__link").locator("visible=true").last
        target = link.get_attribute("href")
        page.wait_for_function("() => window.document$")
        link.tap()
        page.wait_for_function("() => !document.getElementById('__drawer').checked")
        assert page.url.endswith(str(target))
        assert not log.console_errors


def test_the_slash_key_opens_search_at_once_and_typing_finds_pages(browser, base_url, page_with_sections) -> None:
    path, _sections = page_with_sections
    with open_context(browser, base_url, DESKTOP) as (page, log):
        open_settled(page, base_url + path, 400)
        page.keyboard.press("/")
        assert page.evaluate(TOGGLE_CHECKED, "__search")
        assert page.evaluate("document.activeElement.matches('[data-md-component=search-query]')")
        word = max(page.locator("h1").first.inner_text().split(), key=len).strip("¿?")
        page.keyboard.type(word, delay=50)
        page.locator(".md-search-result__item a").first.wait_for(timeout=15_000)
        assert not log.console_errors


def test_enter_on_a_menu_sections_label_opens_or_closes_it_at_once(browser, base_url, page_with_sections) -> None:
    """A keyboard user's Enter on a focused section label in the side menu, before Material's script is there."""
    path, _sections = page_with_sections
    with open_context(browser, base_url, DESKTOP) as (page, log):
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        open_settled(page, base_url + path, 400)
        label = page.locator(".md-sidebar--primary label.md-nav__link[tabindex='0']").first
        toggle = str(label.get_attribute("for"))
        before = page.evaluate(TOGGLE_CHECKED, toggle)
        label.focus()
        assert not material_loaded(requested)
        page.keyboard.press("Enter")
        assert page.evaluate(TOGGLE_CHECKED, toggle) is not before
        assert not log.console_errors


def test_the_n_key_opens_the_next_page(browser, base_url, page_with_sections) -> None:
    path, _sections = page_with_sections
    with open_context(browser, base_url, DESKTOP) as (page, _log):
        open_settled(page, base_url + path, 400)
        following = page.locator("link[rel=next]").evaluate("link => link.href")
        with page.expect_navigation():
            page.keyboard.press("n")
        assert page.url == following


def test_on_a_wide_screen_the_table_of_contents_marks_the_section_being_read(browser, base_url,
                                                                              page_with_sections) -> None:
    path, sections = page_with_sections
    with open_context(browser, base_url, DESKTOP) as (page, log):
        open_settled(page, base_url + path, 400)
        page.locator(f"[id='{sections[-1]}']").scroll_into_view_if_needed()
        page.mouse.wheel(0, 10)
        active = page.locator(".md-sidebar--secondary a.md-nav__link--active")
        active.first.wait_for(timeout=10_000)
        assert active.last.get_attribute("href") != f"#{sections[0]}"
        assert not log.console_errors


def test_a_search_results_address_opens_at_its_section_with_the_words_marked(browser, base_url,
                                                                              page_with_sections) -> None:
    """A result's link is page/?h=words#section: Material's script loads with such a page (to mark the words), and
    the browser still scrolls to the section."""
    path, sections = page_with_sections
    with open_context(browser, base_url, PHONE) as (page, log):
        heading = f"[id='{sections[-1]}']"
        page.goto(base_url + path)
        word = max(page.locator(heading).inner_text().split(), key=len).strip("¿?¡!.,:")
        page.goto(f"{base_url}{path}?h={word}#{sections[-1]}")
        page.locator("mark[data-md-highlight]").first.wait_for(timeout=15_000)
        top = page.locator(heading).evaluate("heading => heading.getBoundingClientRect().top")
        assert 0 <= top < PHONE["height"] / 2, f"the page did not open at #{sections[-1]} (its top at {top} px)"
        assert not log.console_errors


class SlowEndingHandler(SimpleHTTPRequestHandler):
    """Sends each page's first half at once and the rest SLOW_END_SECONDS later, as a slow phone connection does: the
    page is still loading (Material's configuration, at the end of it, not yet there) when the patient taps."""

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        page = Path(self.translate_path(self.path))
        page = page / "index.html" if page.is_dir() else page
        if page.suffix != ".html" or not page.is_file():
            super().do_GET()
            return
        body = page.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body[:len(body) // 2])
            self.wfile.flush()
            time.sleep(SLOW_END_SECONDS)
            self.wfile.write(body[len(body) // 2:])
        except (BrokenPipeError, ConnectionResetError):  # the test ended, and its browser, before the page did
            pass


SLOW_END_SECONDS = 1.0


@contextmanager
def slow_ending(site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SlowEndingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def test_menu_tapped_while_a_page_with_a_section_still_loads_stays_open(browser, built_site,
                                                                         page_with_sections) -> None:
    """A redirected old address (recovery/ -> aftercare/#recovery-timeline) on a slow phone: the patient taps the menu
    before the page has arrived whole; it must stay open once Material's script starts, with the #section kept."""
    path, sections = page_with_sections
    with slow_ending(built_site) as base_url, open_context(browser, base_url, PHONE, has_touch=True,
                                                          is_mobile=True) as (page, log):
        page.goto(f"{base_url}{path}#{sections[-1]}", wait_until="commit")
        page.locator("label.md-header__button[for=__drawer]").tap()
        assert page.evaluate("document.readyState") == "loading", "the page arrived before the tap: no test"
        page.wait_for_function("() => window.document$", timeout=15_000)
        page.wait_for_timeout(600)
        assert page.evaluate(TOGGLE_CHECKED, "__drawer"), "the menu closed itself when Material's script started"
        assert page.url.endswith("#" + sections[-1])
        assert not log.console_errors


def test_a_search_results_address_on_a_page_still_loading_marks_its_words(browser, built_site,
                                                                           page_with_sections) -> None:
    """?h= loads Material's script at once, but it can only start once the page (and its configuration) is there."""
    path, sections = page_with_sections
    word = max(parse(built_site / path / "index.html").sections[-1].replace("-", " ").split(), key=len)
    with slow_ending(built_site) as base_url, open_context(browser, base_url, PHONE) as (page, log):
        page.goto(f"{base_url}{path}?h={word}#{sections[-1]}", wait_until="commit")
        page.locator("mark[data-md-highlight]").first.wait_for(timeout=15_000)
        assert page.url.endswith("#" + sections[-1])
        assert not log.console_errors


def test_a_translations_pages_load_the_one_shared_copy_of_materials_script(browser, base_url, built_site) -> None:
    translated = [path for path in page_paths(built_site) if path.endswith("/") and "/" in path.rstrip("/")
                  and (built_site / path.split("/")[0] / "index.html").is_file()
                  and not (built_site / path.split("/")[0] / "assets" / "javascripts").exists()]
    assert translated, "no translated page to open"
    with open_context(browser, base_url, PHONE, has_touch=True, is_mobile=True) as (page, log):
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        open_settled(page, base_url + translated[0], 400)
        page.locator("label.md-header__button[for=__drawer]").tap()
        page.wait_for_function("() => window.document$")
        [script] = [urlparse(url).path for url in requested if MATERIAL_SCRIPT.search(urlparse(url).path)]
        assert script.startswith("/assets/"), f"{translated[0]} loads {script}"
        assert not log.console_errors
