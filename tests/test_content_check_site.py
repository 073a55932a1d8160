"""The content check over whole sites: the real docs/, the command's output and exit code, the data files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts.content import check as content_check
from scripts.content.new_page import main as new_page_main
from scripts.content.new_page import new_page
from scripts.content.spelling import load_words
from scripts.site.claims import find_claims, load_claims

ROOT = Path(__file__).resolve().parent.parent
SITE = Path(__file__).parent / "fixtures" / "content_check" / "site"
BAD_PAGE = """---
title: Is it painless?
description: What it feels like.
clinical: true
sources: [fda-microneedling-devices]
reviewed_by: Dr. Jane Smith
last_reviewed: 2025-06-01
next_review: 2026-06-01
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
    (site / "docs" / "bad.md").write_text(BAD_PAGE, encoding="utf-8")
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
        "docs/bad.md:2: 'painless' is a claim we must not make: most people feel some discomfort. Write instead: "
        "numbing cream makes it more comfortable",
        "",
        "Warnings (these do not stop publishing, but please fix them):",
        "docs/bad.md:8: review overdue since 2026-06-01: ask the medical team to review this page",
        "",
        "1 error and 1 warning in 3 pages and mkdocs.yml",
    ]


def test_the_command_passes_on_a_good_site(capsys: pytest.CaptureFixture[str]) -> None:
    assert content_check.main(["--root", str(SITE)]) == 0
    assert capsys.readouterr().out == "0 errors and 0 warnings in 2 pages and mkdocs.yml: the content check passed\n"


def test_warnings_alone_do_not_fail(bad_site: Path) -> None:
    page = bad_site / "docs" / "bad.md"
    page.write_text(BAD_PAGE.replace("painless", "comfortable"), encoding="utf-8")
    assert content_check.main(["--root", str(bad_site)]) == 0


def test_github_actions_annotations(bad_site: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    content_check.main(["--root", str(bad_site)])
    lines = capsys.readouterr().out.splitlines()
    assert "::error file=docs/bad.md,line=2::'painless' is a claim we must not make: most people feel some " \
           "discomfort. Write instead: numbing cream makes it more comfortable" in lines
    assert "::warning file=docs/bad.md,line=8::review overdue since 2026-06-01: ask the medical team to review " \
           "this page" in lines


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
    assert [str(p) for p in content_check.check_site(site)] == [
        "docs/how-long-does-redness-last.md:4: 'description' is empty: write it as text, e.g. description: One or "
        "two plain sentences about the page (160 characters at most)",
        "docs/how-long-does-redness-last.md:8: a clinical page needs its sources: list their ids from "
        "data/sources.yml under sources:, e.g. sources: [fda-microneedling-devices]",
    ]
    text = path.read_text(encoding="utf-8").replace('description: ""', "description: How long redness lasts.")
    path.write_text(text.replace("sources: []", "sources: [fda-microneedling-devices]"), encoding="utf-8")
    assert content_check.check_site(site) == []


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
