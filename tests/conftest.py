"""Shared fixtures: one strict build of the real site, served on 127.0.0.1, and Debian's Chromium."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS
from scripts.release.build import build_into, run_mkdocs
from scripts.release.build import copy_project as release_copy_project
from scripts.release.post_build import finish_site
from scripts.release.security_headers import parse_headers_file
from scripts.served_site import free_port, serve
from scripts.site.addresses import page_url
from scripts.site.clinic import display_values
from scripts.site.front_matter import load_front_matter
from scripts.site.languages import languages
from scripts.site.settings import SettingPath, load_settings, with_settings

ROOT = Path(__file__).resolve().parent.parent
# A fixed "today" so date rules never depend on the day the tests run.
TEST_TODAY = "2026-11-25"
PHONE = {"width": 390, "height": 844}
# The clinic's details as patients see them, from mkdocs.yml: tests about the real site never assume today's values.
CONTACT = display_values(load_settings(ROOT / "mkdocs.yml")["extra"]["clinic"])
DESKTOP = {"width": 1280, "height": 800}


def take_home_sheets(root: Path = ROOT) -> dict[str, str]:
    """Each take-home sheet (front matter `sheet_of:`) by its address path ("aftercare-sheet/", as page_paths gives
    it) -> the address path of the full page its printout leads to, in the same language ("aftercare/")."""
    found = {}
    for language in languages(root):
        for page in language.pages:
            full = load_front_matter(page.read_text(encoding="utf-8")).get("sheet_of")
            if full:
                found[page_url(language.key(page)).lstrip("/")] = page_url(language.prefix + str(full)).lstrip("/")
    return found


@pytest.fixture(scope="session", autouse=True)
def fixed_today() -> Iterator[None]:
    previous = os.environ.get("SITE_TODAY")
    os.environ["SITE_TODAY"] = TEST_TODAY
    yield
    if previous is None:
        os.environ.pop("SITE_TODAY", None)
    else:
        os.environ["SITE_TODAY"] = previous


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_port: int) -> Path:
    """The real site, built strictly once, with site_url set to the test server (the pages' own addresses)."""
    site = tmp_path_factory.mktemp("site")
    build_into(site, ROOT, {"SITE_URL": f"http://127.0.0.1:{site_port}/", "SITE_TODAY": TEST_TODAY})
    return site


@pytest.fixture(scope="session")
def site_headers(built_site: Path) -> dict[str, str]:
    """The headers a static host sends, from the `_headers` file the build wrote."""
    return parse_headers_file((built_site / "_headers").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def base_url(built_site: Path, site_port: int, site_headers: dict[str, str]) -> Iterator[str]:
    """The built site, served on 127.0.0.1 with exactly the security headers a host would send."""
    with serve(built_site, site_port, site_headers) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is not installed: run `make browser` (or apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        yield launched
        launched.close()


def copy_project(destination: Path) -> Path:
    """A copy of the project's sources (not its venv or build output), to build variants of it."""
    return release_copy_project(ROOT, destination)


def run_build(project: Path, site: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """A strict build of a project copy, with its output captured for the test to read."""
    return run_mkdocs(project, site, env, capture=True)


def build_variant(tmp_path: Path, settings: dict[SettingPath, Any] | None = None,
                  page_overrides: dict[str, str] | None = None, prepare: Callable[[Path], None] | None = None,
                  **env: str) -> Path:
    """Build a copy of the project with some settings changed, by their path in mkdocs.yml (e.g.
    {("extra", "clinic", "phone"): "(714) 555-0142"}), some files rewritten and `prepare` done to it (e.g. clinical
    answers given, tests/project_changes.py); returns the built site."""
    project = copy_project(tmp_path / "project")
    for name, text in (page_overrides or {}).items():
        (project / name).write_text(text, encoding="utf-8")
    if prepare:
        prepare(project)
    config = project / "mkdocs.yml"
    config.write_text(with_settings(config.read_text(encoding="utf-8"), settings or {}), encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(project, site, **{"SITE_TODAY": TEST_TODAY, **env})
    assert result.returncode == 0, result.stderr
    finish_site(site, config)
    return site


# The team's reference material (fact sheet, the clinic's original page, checked sources), kept beside the
# repository: present in CI, absent from a user's clone. Tests marked `source_material` compare pages with it.
SOURCE_MATERIAL = ROOT.parent / "shared" / "content"
# CI sets this, so that the tests comparing pages with the reference material can never be skipped there unseen.
REQUIRE_SOURCE_MATERIAL = "REQUIRE_SOURCE_MATERIAL"

# Tests that need more than Python and a build: Chromium, or Debian's nginx / Java / Lighthouse, or many builds.
SLOW_MODULES = {"test_lighthouse", "test_html_validity", "test_nginx_recipe", "test_bench_build",
                "test_everyday_changes", "test_second_treatment", "test_treatment_hubs", "test_publish",
                "test_reproducible_build"}


def pytest_addoption(parser: pytest.Parser) -> None:
    # The one place that says which tests are quick: `make test-fast` and the tests that run the fast tests in a
    # copy pass --fast; make test, .ci/run and the pull-request workflow run every test.
    parser.addoption("--fast", action="store_true",
                     help="only the tests that need no browser and are not slow (make test-fast)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark each test `browser` (it opens Chromium) or `slow`, and with --fast leave those out; then put
    the modules with such tests first, so the two workers end together on the many short tests, instead of one of
    them starting a long module at the end."""
    for item in items:
        if {"browser", "base_url"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
        if item.module.__name__.rsplit(".", 1)[-1] in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
    if config.getoption("fast"):
        slow = [item for item in items if item.get_closest_marker("browser") or item.get_closest_marker("slow")]
        if slow:
            config.hook.pytest_deselected(items=slow)
            items[:] = [item for item in items if item not in slow]
    long_modules = {item.module.__name__ for item in items if item.get_closest_marker("browser")
                    or item.get_closest_marker("slow")}
    # Stable: each module's order stays. The longest test first: started last, it would run on alone at the end.
    items.sort(key=lambda item: (item.get_closest_marker("longest") is None, item.module.__name__ not in long_modules))


def pytest_runtest_setup(item: pytest.Item) -> None:
    """A test that compares pages with the reference material skips, saying why, where that folder is absent
    (a user's clone), and fails instead where REQUIRE_SOURCE_MATERIAL=1 (CI)."""
    if item.get_closest_marker("source_material") is None or SOURCE_MATERIAL.is_dir():
        return
    if os.environ.get(REQUIRE_SOURCE_MATERIAL) == "1":
        pytest.fail(f"the reference material is missing: {SOURCE_MATERIAL} is not there, and "
                    f"{REQUIRE_SOURCE_MATERIAL}=1 says it must be (CI keeps it beside the repository)", pytrace=False)
    pytest.skip(f"the team's reference material ({SOURCE_MATERIAL}) is not beside this clone; CI runs this test")
