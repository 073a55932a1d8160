"""Material's stylesheet trimmed to the rules our pages use (scripts/release/trim_styles.py) and joined with ours into
one file (one_stylesheet.py) looks exactly like the whole one and ours, each its own request: the same commit is
finished twice in this run, with the whole stylesheet and with the trimmed one joined, and
every page is compared pixel by pixel at phone width, light and dark, in Chromium; so are the menu drawer and the
search dialog with results, which Material's script opens. No stored pictures: the reference is built each time."""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import tinycss2
from PIL import Image, ImageChops

from scripts.built_site import page_paths
from scripts.quiet_network import open_settled
from scripts.release.build import build_languages
from scripts.release.post_build import finish_site
from scripts.release.security_headers import parse_headers_file
from scripts.served_site import free_port, serve
from tests.browser_helpers import open_context
from tests.conftest import PHONE, ROOT, TEST_TODAY

MOST_DIFFERING = 0.001  # share of pixels: fonts and images render the same from one run to the next


def differing_share(first: bytes, second: bytes) -> float:
    """The share of pixels that differ between two PNG screenshots (1.0 when their sizes differ)."""
    one, two = Image.open(io.BytesIO(first)).convert("RGB"), Image.open(io.BytesIO(second)).convert("RGB")
    if one.size != two.size:
        return 1.0
    differing = ImageChops.difference(one, two).convert("L").point(lambda value: 255 if value else 0)
    return differing.histogram()[255] / (one.size[0] * one.size[1])


def stylesheet(site: Path) -> Path:
    return next(site.glob("assets/stylesheets/main.*.min.css"))


def linked_stylesheets(site: Path) -> list[Path]:
    """The stylesheets the home page links, in order."""
    html = (site / "index.html").read_text(encoding="utf-8")
    return [site / href for href in re.findall(r'<link rel="stylesheet" href="([^"]+)">', html)]


@pytest.fixture(scope="module")
def finished_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One MkDocs build, finished with the whole stylesheet ("full") and with the trimmed one ("trimmed")."""
    folder = tmp_path_factory.mktemp("trim")
    build_languages(folder / "built", ROOT, {"SITE_TODAY": TEST_TODAY}, capture=True)
    sites = {}
    for name in ("full", "trimmed"):
        sites[name] = folder / name
        shutil.copytree(folder / "built", sites[name])
        finish_site(sites[name], ROOT / "mkdocs.yml", environment={"SITE_TODAY": TEST_TODAY}, trim=name == "trimmed")
    return sites


@pytest.fixture(scope="module")
def served(finished_sites: dict[str, Path]) -> Iterator[dict[str, str]]:
    with serve(finished_sites["full"], free_port(), _headers(finished_sites["full"])) as full, \
            serve(finished_sites["trimmed"], free_port(), _headers(finished_sites["trimmed"])) as trimmed:
        yield {"full": full, "trimmed": trimmed}


def _headers(site: Path) -> dict[str, str]:
    return parse_headers_file((site / "_headers").read_text(encoding="utf-8"))


def screenshots(browser: object, base_url: str, paths: list[str], scheme: str) -> dict[str, bytes]:
    """Each page's whole length at phone width, in one context per site and scheme."""
    shots = {}
    with open_context(browser, base_url, PHONE, scheme) as (page, log):
        for path in paths:
            open_settled(page, base_url + path, 200)
            shots[path] = page.screenshot(full_page=True, animations="disabled", caret="hide")
        assert not log.third_party_requests
    return shots


def differing_pages(browser: object, served: dict[str, str], paths: list[str], compared: str = "trimmed",
                    schemes: tuple[str, ...] = ("light", "dark")) -> list[str]:
    found = []
    for scheme in schemes:
        full = screenshots(browser, served["full"], paths, scheme)
        other = screenshots(browser, served[compared], paths, scheme)
        found += [f"/{path} ({scheme}): {differing_share(full[path], other[path]):.2%} of pixels differ"
                  for path in paths if differing_share(full[path], other[path]) > MOST_DIFFERING]
    return found


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
    with serve(broken, free_port(), _headers(broken)) as url:
        differing = differing_pages(browser, {**served, "broken": url}, ["", "es/"], "broken", ("light",))
    assert len(differing) == 2, differing
