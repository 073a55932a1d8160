"""Links in patients' old emails keep working: every address in data/url-contract.txt resolves in the built
site, or a redirect takes it to a page that has the section."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts.built_site import parse
from scripts.release.url_contract import broken_urls, redirect_targets, updated_contract
from scripts.site.addresses import CONTRACT, page_url, read_contract
from scripts.site.settings import load_settings, redirect_maps
from tests.conftest import ROOT, TEST_TODAY, copy_project, run_build
from tests.project_changes import REWORDED, contract_sections, move_page, page_with_sections, reword_heading

CONTRACT_URLS = read_contract(ROOT / CONTRACT)


def repo_redirects() -> dict[str, str]:
    return redirect_targets(redirect_maps(load_settings(ROOT / "mkdocs.yml")))


def test_every_contracted_address_resolves_in_the_built_site(built_site: Path) -> None:
    assert len(CONTRACT_URLS) > 50, "data/url-contract.txt lost its addresses"
    problems = broken_urls(built_site, CONTRACT_URLS, repo_redirects())
    assert not problems, "\n".join(problems)


def test_removing_a_page_without_a_redirect_fails_naming_its_address(built_site: Path, tmp_path: Path) -> None:
    page = page_url(page_with_sections(ROOT))
    section = contract_sections(ROOT, page.strip("/") + ".md")[0]
    site = shutil.copytree(built_site, tmp_path / "site")
    shutil.rmtree(site / page.strip("/"))
    problems = broken_urls(site, CONTRACT_URLS, repo_redirects())
    assert any(problem.startswith(f"{page}: ") for problem in problems), problems
    assert any(problem.startswith(f"{page}#{section}: ") for problem in problems), problems


def test_a_redirect_covers_a_removed_page_only_if_its_target_has_the_section(built_site: Path,
                                                                            tmp_path: Path) -> None:
    page = page_url(page_with_sections(ROOT))
    section = contract_sections(ROOT, page.strip("/") + ".md")[0]
    site = shutil.copytree(built_site, tmp_path / "site")
    shutil.rmtree(site / page.strip("/"))
    assert broken_urls(site, [page], {page: "/"}) == []
    problems = broken_urls(site, [page, f"{page}#{section}"], {page: "/"})
    assert problems == [problems[0]] and problems[0].startswith(f"{page}#{section}: redirects to /#{section}"), \
        problems


def test_the_update_adds_new_addresses_and_never_removes_any() -> None:
    listed = ["/old/", "/before/", "/before/#checklist"]
    found = ["/before/", "/before/#checklist", "/before/#new-section", "/new/"]
    assert updated_contract(listed, found) == ["/before/", "/before/#checklist", "/before/#new-section", "/new/",
                                               "/old/"]


@pytest.fixture(scope="module")
def reworded_and_moved_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], dict[str, str]]:
    """A build where a heading is reworded (its explicit id kept) and another page is moved, with a redirect."""
    project = copy_project(tmp_path_factory.mktemp("variant") / "project")
    reworded_page, section = reword_heading(project)
    moved = page_with_sections(project, skip=(reworded_page,))
    move_page(project, moved, "moved-" + moved)
    site = tmp_path_factory.mktemp("variant-site")
    result = run_build(project, site, SITE_TODAY=TEST_TODAY)
    assert result.returncode == 0, result.stderr
    return site, redirect_targets(redirect_maps(load_settings(project / "mkdocs.yml"))), {
        "reworded": page_url(reworded_page), "section": section, "moved": page_url(moved)}


def test_rewording_a_heading_with_an_explicit_id_keeps_its_link(reworded_and_moved_site) -> None:
    site, redirects, changed = reworded_and_moved_site
    page = changed["reworded"]
    assert REWORDED in (site / page.strip("/") / "index.html").read_text(encoding="utf-8")
    urls = [url for url in CONTRACT_URLS if url.startswith(page)]
    assert f"{page}#{changed['section']}" in urls
    problems = broken_urls(site, urls, redirects)
    assert not problems, "\n".join(problems)


def test_moving_a_page_with_a_redirect_keeps_its_links(reworded_and_moved_site) -> None:
    site, redirects, changed = reworded_and_moved_site
    page = changed["moved"]
    assert parse(site / page.strip("/") / "index.html").redirect, "the old address is no longer a redirect"
    urls = [url for url in CONTRACT_URLS if url.startswith(page)]
    assert len(urls) > 1
    problems = broken_urls(site, urls, redirects)
    assert not problems, "\n".join(problems)
