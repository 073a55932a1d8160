"""The benchmark's generated sites (scripts/bench/scaling.py), its two sides building the same pages, and its
rule for linear growth (report.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.bench.report import BenchResult, budget_checks
from scripts.bench.scaling import (
    SECTION_SIZE,
    BuildTime,
    Comparison,
    PageSetMismatchError,
    add_fixture_treatments,
    add_nav_sections,
    build_ours,
    build_plain,
    compare,
    generate_pages,
    nav_tree,
    plain_material_projects,
    prepare_sides,
    same_pages,
)
from scripts.site.languages import languages
from scripts.site.treatments import language_treatments
from tests.conftest import ROOT, TEST_TODAY, copy_project, run_build

LINEAR = "build time grows linearly with pages"


def pages_in(tree: list, longest: list[int]) -> list[str]:
    """Every page of a nav_tree in order; records the length of each list in `longest`."""
    longest.append(len(tree))
    pages = []
    for entry in tree:
        pages.extend(pages_in(entry[1], longest) if isinstance(entry, tuple) else [entry])
    return pages


def test_generated_navigation_lists_every_page_once_in_short_lists() -> None:
    names = [f"generated-{number:04d}.md" for number in range(1, 1001)]
    lengths: list[int] = []
    assert pages_in(nav_tree(names), lengths) == names
    assert max(lengths) <= SECTION_SIZE


def test_adding_pages_to_other_sections_leaves_a_page_unchanged(tmp_path: Path) -> None:
    """With navigation.prune, a page lists only its own branch of the menu: aftercare has as many menu links,
    and about as many bytes for a patient to download, whether the site has 9 or 81 more pages."""
    pages = {}
    for count in (9, 81):
        project = copy_project(tmp_path / f"project-{count}")
        add_nav_sections(project / "mkdocs.yml", generate_pages(project / "docs", count), fan_out=3)
        site = tmp_path / f"site-{count}"
        result = run_build(project, site, SITE_TODAY=TEST_TODAY)
        assert result.returncode == 0, result.stderr
        pages[count] = (site / "aftercare" / "index.html").read_text(encoding="utf-8")
    assert "generated-0081" in (tmp_path / "site-81" / "sitemap.xml").read_text(encoding="utf-8")
    assert pages[81].count('class="md-nav__link') == pages[9].count('class="md-nav__link')
    # Deeper menu sections only add template whitespace.
    assert abs(len(pages[81]) - len(pages[9])) < 0.01 * len(pages[9])


def test_both_sides_build_the_same_markdown_pages_in_every_language(tmp_path: Path) -> None:
    """Like with like (issue 22): ours is built as `make build` builds it and plain Material a build per language,
    and both make exactly the pages of every language's Markdown (plus the generated ones), nothing more."""
    ours, plain = prepare_sides(ROOT, 3, tmp_path / "projects")
    build_ours(ours, tmp_path / "ours")
    build_plain(plain, tmp_path / "plain")
    pages = same_pages(tmp_path / "ours", tmp_path / "plain")
    markdown = {language.key(page) for language in languages(ours) for page in language.pages}
    expected = {language.prefix + "404.html" for language in languages(ours)}
    expected |= {name.removesuffix("index.md") if name.endswith("index.md") else name.removesuffix(".md") + "/"
                 for name in markdown}
    assert set(pages) == expected
    assert {"generated-0003/", "es/riesgos/", "es/"} <= set(pages)


def test_a_page_built_by_one_side_only_stops_the_comparison(tmp_path: Path) -> None:
    ours, plain = prepare_sides(ROOT, 0, tmp_path / "projects")
    english, spanish = plain
    (english.project / "docs" / "planted.md").write_text("# Planted\n\nOnly plain Material has this page.\n",
                                                        encoding="utf-8")
    (spanish.project / "docs" / "glosario.md").unlink()
    with pytest.raises(PageSetMismatchError) as error:
        compare(ours, plain, runs=1)
    assert "only ours: /es/glosario/; only plain Material: /planted/" in str(error.value)


def scaling_result(seconds_by_pages: dict[int, float]) -> BenchResult:
    def comparison(pages: int, seconds: float) -> Comparison:
        return Comparison(pages, BuildTime(seconds, 1, 0), BuildTime(seconds, 1, 0))

    return BenchResult({}, [], {}, 0, comparison(12, 1.0),
                       [comparison(pages, seconds) for pages, seconds in seconds_by_pages.items()])


def linear_budget(result: BenchResult) -> tuple[str, bool, str]:
    return next(check for check in budget_checks(result) if check[0] == LINEAR)


def test_linear_growth_budget_passes_when_each_page_costs_the_same() -> None:
    _, met, measured = linear_budget(scaling_result({22: 1.5, 112: 2.5, 1012: 11.5}))
    assert met, measured


def test_linear_growth_budget_fails_when_pages_cost_more_in_a_big_site() -> None:
    _, met, measured = linear_budget(scaling_result({22: 1.5, 112: 2.5, 1012: 25.0}))
    assert not met
    assert "112->1012 pages: 25 ms/page" in measured


def test_both_sides_build_a_fixture_treatments_pages_alike(tmp_path: Path) -> None:
    """The library's scaling compares like with like: a treatment started with make new-treatment (a draft, built as
    a pull request's build shows it) is built by both sides, in every language."""
    ours = copy_project(tmp_path / "ours-project")
    add_fixture_treatments(ours, 1)
    build_ours(ours, tmp_path / "ours")
    build_plain(plain_material_projects(ours, tmp_path / "plain-projects"), tmp_path / "plain")
    pages = same_pages(tmp_path / "ours", tmp_path / "plain")
    folders = {language.prefix + treatment.folder + "/" for language in languages(ours)
               for key, treatment in language_treatments(language.config).items() if not treatment.ready}
    assert folders and all(any(page.startswith(folder) for page in pages) for folder in folders), folders


def test_the_library_budget_fails_when_a_treatment_costs_more_in_a_big_library() -> None:
    def comparison(pages: int, seconds: float) -> Comparison:
        return Comparison(pages, BuildTime(seconds, 1, 0), BuildTime(seconds / 1.2, 1, 0))

    steady = BenchResult({}, [], {}, 0, None, [], [], [comparison(28, 4.0), comparison(46, 4.5),
                                                       comparison(208, 9.0)])
    growing = BenchResult({}, [], {}, 0, None, [], [], [comparison(28, 4.0), comparison(46, 4.5),
                                                        comparison(208, 30.0)])
    name = "build time grows linearly with treatments"
    assert next(met for check, met, _ in budget_checks(steady) if check == name)
    assert not next(met for check, met, _ in budget_checks(growing) if check == name)
