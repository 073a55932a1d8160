"""Material's stylesheet trimmed to the rules our pages use (scripts/release/trim_styles.py) and joined with ours into
one file (one_stylesheet.py) looks exactly like the whole one and ours, each its own request: the same commit is
finished twice in this run, with the whole stylesheet and with the trimmed one joined, and
every page is compared pixel by pixel at phone width, light and dark, in Chromium; so are the menu drawer and the
search dialog with results, which Material's script opens. No stored pictures: the reference is built each time."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import tinycss2

from scripts.bench.visual_comparison import (
    MOST_DIFFERING,
    differing_share,
    finish_both,
    serve_all,
    site_headers,
)
from scripts.bench.visual_comparison import differing_pages as differing_in_views
from scripts.built_site import page_paths
from scripts.quiet_network import open_settled
from scripts.served_site import free_port, serve
from tests.browser_helpers import open_context
from tests.conftest import PHONE, ROOT, TEST_TODAY


def stylesheet(site: Path) -> Path:
    return next(site.glob("assets/stylesheets/main.*.min.css"))


def linked_stylesheets(site: Path) -> list[Path]:
    """The stylesheets the home page links, in order."""
    html = (site / "index.html").read_text(encoding="utf-8")
    return [site / href for href in re.findall(r'<link rel="stylesheet" href="([^"]+)">', html)]


@pytest.fixture(scope="module")
def finished_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One MkDocs build, finished with the whole stylesheet ("full") and with the trimmed one ("trimmed")."""
    return finish_both(tmp_path_factory.mktemp("trim"), ROOT, {"SITE_TODAY": TEST_TODAY})


@pytest.fixture(scope="module")
def served(finished_sites: dict[str, Path]) -> Iterator[dict[str, str]]:
    with serve_all(finished_sites) as urls:
        yield urls


@contextmanager
def private_context(browser: object, base_url: str, viewport: dict[str, int], scheme: str) -> Iterator[tuple]:
    """A context that refuses any request to another host, and fails if a page made one."""
    with open_context(browser, base_url, viewport, scheme) as (page, log):
        yield page, log
        assert not log.third_party_requests


def differing_pages(browser: object, served: dict[str, str], paths: list[str], compared: str = "trimmed",
                    schemes: tuple[str, ...] = ("light", "dark")) -> list[str]:
    """At phone width."""
    return differing_in_views(browser, served, paths, PHONE, compared, schemes, private_context)


def test_the_trimmed_stylesheet_is_much_smaller_and_every_page_points_at_it_joined_with_ours(finished_sites) -> None:
    full, trimmed = stylesheet(finished_sites["full"]), stylesheet(finished_sites["trimmed"])
    assert trimmed.name != full.name, "the trimmed file needs its own content-hashed name"
    assert trimmed.stat().st_size < full.stat().st_size / 2
    whole = linked_stylesheets(finished_sites["full"])
    assert [path.name for path in whole] == [full.name, "brand.css", "site.css"]
    [joined] = linked_stylesheets(finished_sites["trimmed"])
    assert joined.read_text(encoding="utf-8") == "\n".join(
        path.read_text(encoding="utf-8").rstrip("\n") for path in (trimmed, *whole[1:])) + "\n"
    for page in finished_sites["trimmed"].rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert full.name not in html, f"{page} still points at the whole stylesheet"


def test_every_page_looks_the_same_with_the_trimmed_stylesheet_light_and_dark(browser, finished_sites,
                                                                              served) -> None:
    differing = differing_pages(browser, served, page_paths(finished_sites["trimmed"]))
    assert not differing, "\n".join(differing)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_menu_drawer_and_search_results_look_the_same_with_the_trimmed_stylesheet(browser, served,
                                                                                      scheme: str) -> None:
    """States that only Material's script reaches: the drawer opened, and the search dialog showing results."""
    shots: dict[str, list[bytes]] = {}
    for name, base_url in served.items():
        with open_context(browser, base_url, PHONE, scheme, has_touch=True, is_mobile=True) as (page, _):
            open_settled(page, base_url + "aftercare/", 200)
            page.locator("label.md-header__button[for=__drawer]").tap()
            page.wait_for_timeout(400)
            drawer = page.screenshot(animations="disabled", caret="hide")
            page.keyboard.press("Escape")
            open_settled(page, base_url + "aftercare/", 200)
            page.locator("label.md-header__button[for=__search]").tap()
            page.locator("input.md-search__input").press_sequentially("numbing", delay=30)
            page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
            page.wait_for_timeout(400)
            shots[name] = [drawer, page.screenshot(animations="disabled", caret="hide")]
    for state, full, trimmed in zip(("drawer", "search"), shots["full"], shots["trimmed"], strict=True):
        assert differing_share(full, trimmed) <= MOST_DIFFERING, f"the {state} ({scheme}) looks different"


def without_rule(css: str, selector: str) -> str:
    """`css` without the first top-level rule whose selector list is exactly `selector`."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    first = next(index for index, rule in enumerate(rules)
                 if rule.type == "qualified-rule" and tinycss2.serialize(rule.prelude).strip() == selector)
    return "".join(rule.serialize() for rule in rules[:first] + rules[first + 1:])


def test_the_check_fails_when_a_rule_the_pages_use_is_removed(browser, finished_sites, served) -> None:
    """The header bar's own rule removed: the comparison above must see it, or it would pass anything."""
    broken = finished_sites["trimmed"].parent / "broken"
    shutil.copytree(finished_sites["trimmed"], broken)
    [sheet] = linked_stylesheets(broken)
    sheet.write_text(without_rule(sheet.read_text(encoding="utf-8"), ".md-header"), encoding="utf-8")
    with serve(broken, free_port(), site_headers(broken)) as url:
        differing = differing_pages(browser, {**served, "broken": url}, ["", "es/"], "broken", ("light",))
    assert len(differing) == 2, differing
