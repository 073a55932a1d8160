"""Links in patients' old emails keep working: every address in data/url-contract.txt resolves in the built
site, or a redirect takes it to a page that has the section."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts.release.url_contract import (
    CONTRACT,
    broken_urls,
    parse_page,
    read_contract,
    redirect_targets,
    updated_contract,
)
from scripts.site.settings import load_settings, redirect_maps, with_settings
from tests.conftest import ROOT, TEST_TODAY, copy_project, run_build

CONTRACT_URLS = read_contract(ROOT / CONTRACT)


def repo_redirects() -> dict[str, str]:
    return redirect_targets(redirect_maps(load_settings(ROOT / "mkdocs.yml")))


def test_every_contracted_address_resolves_in_the_built_site(built_site: Path) -> None:
    assert len(CONTRACT_URLS) > 50, "data/url-contract.txt lost its addresses"
    problems = broken_urls(built_site, CONTRACT_URLS, repo_redirects())
    assert not problems, "\n".join(problems)


def test_removing_a_page_without_a_redirect_fails_naming_its_address(built_site: Path, tmp_path: Path) -> None:
    site = shutil.copytree(built_site, tmp_path / "site")
    shutil.rmtree(site / "during")
    problems = broken_urls(site, CONTRACT_URLS, repo_redirects())
    assert any(problem.startswith("/during/: ") for problem in problems), problems
    assert any(problem.startswith("/during/#how-it-feels: ") for problem in problems), problems


def test_a_redirect_covers_a_removed_page_only_if_its_target_has_the_section(built_site: Path,
                                                                            tmp_path: Path) -> None:
    site = shutil.copytree(built_site, tmp_path / "site")
    shutil.rmtree(site / "during")
    contract = ["/during/", "/during/#how-it-feels"]
    assert broken_urls(site, ["/during/"], {"/during/": "/before/"}) == []
    problems = broken_urls(site, contract, {"/during/": "/before/"})
    assert problems == [problems[0]] and problems[0].startswith("/during/#how-it-feels: redirects to "
                                                                "/before/#how-it-feels"), problems


def test_the_update_adds_new_addresses_and_never_removes_any() -> None:
    listed = ["/old/", "/before/", "/before/#checklist"]
    found = ["/before/", "/before/#checklist", "/before/#new-section", "/new/"]
    assert updated_contract(listed, found) == ["/before/", "/before/#checklist", "/before/#new-section", "/new/",
                                               "/old/"]


@pytest.fixture(scope="module")
def reworded_and_moved_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A build where an aftercare heading is reworded (its explicit id kept) and during.md moved, with a redirect."""
    project = copy_project(tmp_path_factory.mktemp("variant") / "project")
    aftercare = project / "docs" / "aftercare.md"
    text = aftercare.read_text(encoding="utf-8")
    assert "## The first 24 hours {#first-24-hours}" in text, "aftercare.md changed: update the test"
    aftercare.write_text(text.replace("## The first 24 hours {#first-24-hours}",
                                      "## Your first day after treatment {#first-24-hours}"), encoding="utf-8")
    (project / "docs" / "during.md").rename(project / "docs" / "treatment-day.md")
    for page in (project / "docs").glob("*.md"):
        page.write_text(page.read_text(encoding="utf-8").replace("during.md", "treatment-day.md"), encoding="utf-8")
    config = project / "mkdocs.yml"
    settings = load_settings(config)
    nav = [("treatment-day.md" if entry == "during.md" else entry) for entry in settings["nav"]]
    redirects = next(index for index, plugin in enumerate(settings["plugins"])
                     if isinstance(plugin, dict) and "redirects" in plugin)
    config.write_text(with_settings(config.read_text(encoding="utf-8"), {
        ("nav",): nav, ("plugins", redirects, "redirects", "redirect_maps", "during.md"): "treatment-day.md",
    }), encoding="utf-8")
    site = tmp_path_factory.mktemp("variant-site")
    result = run_build(project, site, SITE_TODAY=TEST_TODAY)
    assert result.returncode == 0, result.stderr
    return site, redirect_targets(redirect_maps(load_settings(config)))


def test_rewording_a_heading_with_an_explicit_id_keeps_its_link(reworded_and_moved_site) -> None:
    site, redirects = reworded_and_moved_site
    assert "Your first day after treatment" in (site / "aftercare" / "index.html").read_text(encoding="utf-8")
    aftercare = [url for url in CONTRACT_URLS if url.startswith("/aftercare/")]
    assert "/aftercare/#first-24-hours" in aftercare
    problems = broken_urls(site, aftercare, redirects)
    assert not problems, "\n".join(problems)


def test_moving_a_page_with_a_redirect_keeps_its_links(reworded_and_moved_site) -> None:
    site, redirects = reworded_and_moved_site
    assert parse_page(site / "during" / "index.html").redirect, "the old address is no longer a redirect"
    during = [url for url in CONTRACT_URLS if url.startswith("/during/")]
    assert len(during) > 1
    problems = broken_urls(site, during, redirects)
    assert not problems, "\n".join(problems)
