"""The content check over whole sites: the real docs/, the command's output and exit code, the data files."""

from __future__ import annotations

import builtins
import io
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from scripts.content import check as content_check
from scripts.content.new_page import main as new_page_main
from scripts.content.new_page import new_page
from scripts.content.spelling import load_words
from scripts.problems import Severity
from scripts.site.claims import find_claims, load_claims
from scripts.site.page_version import version_of, working_tree
from scripts.site.review_log import LOG_FILE

ROOT = Path(__file__).resolve().parent.parent
SITE = Path(__file__).parent / "fixtures" / "content_check" / "site"
T = TypeVar("T")
# Signed off by the fixture's reviewer a year before the tests' today, so its review is overdue (a warning).
BAD_PAGE = """---
page_id: bad
title: Is it painless?
description: What it feels like.
clinical: true
sources: [fda-microneedling-devices]
reviewed_by: jane-smith
last_reviewed: 2025-06-01
next_review: 2026-06-01
reviewed_version: {version}
---

It feels like pressure.
"""


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITE_TODAY", "2026-11-25")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture
def bad_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    version = version_of(BAD_PAGE, working_tree(site))
    (site / "docs" / "bad.md").write_text(BAD_PAGE.format(version=version), encoding="utf-8")
    with (site / LOG_FILE).open("a", encoding="utf-8") as log:
        log.write(f"- {{page: bad, language: en, version: {version}, reviewer: jane-smith, date: 2025-06-01, "
                  "next_review: 2026-06-01, scope: whole page, decision: approved}\n")
    return site


def test_the_real_docs_pass() -> None:
    pages = sorted((ROOT / "docs").glob("*.md"))
    assert pages, "docs/ has no pages yet"
    errors = [str(p) for p in content_check.check_site(ROOT) if p.severity.value == "error"]
    assert errors == []


def test_the_command_prints_errors_then_warnings_then_a_summary(bad_site: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert content_check.main(["--root", str(bad_site)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "docs/bad.md:3: 'painless' is a claim we must not make: most people feel some discomfort. Write instead: "
        "numbing cream makes it more comfortable",
        "",
        "Warnings (these do not stop publishing, but please fix them):",
        "docs/bad.md:9: its review was due 2026-06-01: it still shows its signed version, marked as being checked "
        "again; make packets and ask the medical team to review it",
        "",
        "1 error and 1 warning in 3 pages and mkdocs.yml",
    ]


def test_the_command_passes_on_a_good_site(capsys: pytest.CaptureFixture[str]) -> None:
    assert content_check.main(["--root", str(SITE)]) == 0
    assert capsys.readouterr().out == "0 errors and 0 warnings in 2 pages and mkdocs.yml: the content check passed\n"


def test_warnings_alone_do_not_fail(bad_site: Path) -> None:
    page = bad_site / "docs" / "bad.md"
    page.write_text(page.read_text(encoding="utf-8").replace("painless", "comfortable"), encoding="utf-8")
    assert content_check.main(["--root", str(bad_site)]) == 0


def test_github_actions_annotations(bad_site: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    content_check.main(["--root", str(bad_site)])
    lines = capsys.readouterr().out.splitlines()
    assert "::error file=docs/bad.md,line=3::'painless' is a claim we must not make: most people feel some " \
           "discomfort. Write instead: numbing cream makes it more comfortable" in lines
    assert "::warning file=docs/bad.md,line=9::its review was due 2026-06-01: it still shows its signed version, " \
           "marked as being checked again; make packets and ask the medical team to review it" in lines


def test_the_claims_list_covers_the_required_phrases() -> None:
    claims = load_claims(ROOT)
    text = ("FDA approved. Painless. No downtime. Guaranteed. Permanent results. No side effects. 100% safe. "
            "Cure. Erases scars. Risk-free. Safe for all skin types.")
    assert [found for _, found, _ in find_claims(text, claims)] == [
        "FDA approved", "Painless", "No downtime", "Guaranteed", "Permanent results", "No side effects",
        "100% safe", "Cure", "Erases", "Risk-free", "Safe for all skin types",
    ]
    assert all(claim.why and claim.instead for claim in claims)


def test_the_project_words_are_lowercase_and_sorted() -> None:
    lines = [line for line in (ROOT / "data" / "words.txt").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    assert lines == sorted(set(lines))
    assert load_words(ROOT) == frozenset(lines)


def test_a_new_page_fails_only_until_its_description_and_sources_are_written(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    path = new_page("How long does redness last?", site / "docs")
    assert path == site / "docs" / "how-long-does-redness-last.md"
    assert [str(p) for p in content_check.check_site(site) if p.severity is not Severity.NOTE] == [
        "docs/how-long-does-redness-last.md:6: 'description' is empty: write it as text, e.g. description: One or "
        "two plain sentences about the page (160 characters at most)",
        "docs/how-long-does-redness-last.md:10: a clinical page needs its sources: list their ids from "
        "data/sources.yml under sources:, e.g. sources: [fda-microneedling-devices]",
    ]
    text = path.read_text(encoding="utf-8").replace('description: ""', "description: How long redness lasts.")
    path.write_text(text.replace("sources: []", "sources: [fda-microneedling-devices]"), encoding="utf-8")
    # It passes, and says only that it awaits a clinician's sign-off.
    assert [p.message.split(";")[0] for p in content_check.check_site(site)] == ["awaiting medical sign-off"]


def test_new_page_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "aftercare.md").write_text("keep me", encoding="utf-8")
    assert new_page_main(["Aftercare", "--docs", str(tmp_path)]) == 1
    assert (tmp_path / "aftercare.md").read_text(encoding="utf-8") == "keep me"
    assert "already exists" in capsys.readouterr().err


def test_a_broken_data_file_is_reported_with_its_line(bad_site: Path) -> None:
    (bad_site / "data" / "claims.yml").write_text("- phrase: cure\n  why: x\n instead: y\n", encoding="utf-8")
    assert [str(p) for p in content_check.check_site(bad_site) if p.path.startswith("data/")] == [
        "data/claims.yml:3: data/claims.yml is not valid YAML (expected <block end>, but found "
        "'<block mapping start>'): check this line's indentation, dashes, colons and quotes"
    ]


# The fixture site is self-contained: checking it reads its own settings and data, never the repository's.

# Another project's settings, in effect in the working folder while the fixture is checked: a different clinic and a
# Markdown extension that does not exist, so rendering with them would fail or change what the check reports.
OTHER_SETTINGS = """site_name: Another site
extra:
  clinic: {name: Another Clinic, phone: "(559) 555-0187", city: Fresno, region: CA}
markdown_extensions:
  - no_such_extension_anywhere
"""


def reads_outside(root: Path, action: Callable[[], T], monkeypatch: pytest.MonkeyPatch) -> tuple[T, list[Path]]:
    """What `action` returns, and every file it opened outside `root` (installed packages aside: those are code,
    not settings or data). Every Python-level file read (Path.read_text, open) goes through io.open."""
    opened: list[Path] = []
    real_open = io.open

    def recording_open(file: object, *args: object, **kwargs: object) -> object:
        if isinstance(file, str | os.PathLike):
            opened.append(Path(file).resolve())
        return real_open(file, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(io, "open", recording_open)
        patch.setattr(builtins, "open", recording_open)
        result = action()
    # Python's own library and installed packages (sys.path, the project's own folder aside)
    installed = {Path(path).resolve() for path in sys.path if path and Path(path).resolve() != ROOT.resolve()}
    root = root.resolve()
    return result, sorted({path for path in opened if not path.is_relative_to(root)
                           and not any(path.is_relative_to(folder) for folder in installed)})


@pytest.fixture
def fixture_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture site, checked from a working folder whose mkdocs.yml is another project's."""
    site = tmp_path / "fixture"
    shutil.copytree(SITE, site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "mkdocs.yml").write_text(OTHER_SETTINGS, encoding="utf-8")
    monkeypatch.chdir(elsewhere)
    return site


def test_checking_the_fixture_reads_only_the_fixture(fixture_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    problems, outside = reads_outside(fixture_copy, lambda: content_check.check_site(fixture_copy), monkeypatch)
    assert outside == []
    assert problems == content_check.check_site(SITE) == []


def test_a_read_outside_the_fixture_is_reported(fixture_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The companion: a check that peeks at the repository's settings is caught by the same recorder."""
    def check_that_peeks() -> list:
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        return content_check.check_site(fixture_copy)

    _, outside = reads_outside(fixture_copy, check_that_peeks, monkeypatch)
    assert outside == [(ROOT / "mkdocs.yml").resolve()]


def test_a_fixture_without_its_own_settings_is_a_clear_error(fixture_copy: Path) -> None:
    """Not a silent check against whichever mkdocs.yml is nearby (here the working folder's other project)."""
    (fixture_copy / "mkdocs.yml").unlink()
    [problem] = content_check.check_site(fixture_copy)
    assert str(problem).startswith("mkdocs.yml: mkdocs.yml is missing from ") and "restore it" in str(problem)
    with pytest.raises(content_check.SettingsMissingError, match="mkdocs.yml is missing"):
        content_check.load_context(fixture_copy)
