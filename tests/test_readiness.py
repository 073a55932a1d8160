"""make readiness (issue 24) lists everything between today and go-live: on the real repository, the clinical pages
awaiting sign-off, no reviewer and code owners switched off; each blocker goes when its own fix is applied; a
project where everything is signed, answered and addressed is "Ready to publish."; reviews coming due are listed;
and every file:line it prints holds what it names."""

from __future__ import annotations

import os
import re
import shutil
from collections import defaultdict
from datetime import timedelta
from pathlib import Path

import pytest
import yaml

from scripts.content.check import check_site
from scripts.content.code_owners import CODEOWNERS, PLACEHOLDER
from scripts.problems import Problem
from scripts.release import readiness as readiness_module
from scripts.release.readiness import Readiness, main, readiness
from scripts.site.answer_schema import MEDICAL_DIRECTOR, OFFICE, SCHEMA
from scripts.site.dates import today
from tests.conftest import ROOT, copy_project
from tests.project_changes import (
    clinical_pages,
    git,
    give_answers,
    list_test_reviewer,
    set_settings,
    sign,
    sign_every_page,
)

REAL_URL = "https://www.example-clinic.test/"
MADE_UP_HANDLE = "@example-clinic-test/medical-reviewers"  # not a real team: a test fixture
ANSWERS = {"after_hours_phone": "(714) 555-0142"}  # made up, as the other tests' answers are
DAY_LINE = "(714) 555-0100"  # the copies' own day line, so the after-hours answer never meets the clinic's
REFERENCE = re.compile(r"`([^`\s]+):(\d+)` \(`([^`]+)`\)")


def report(root: Path, problems: list[Problem] | None = None) -> Readiness:
    return readiness(root, today(), problems)


def blockers(root: Path) -> str:
    """The blocking items as one text (the content check left out: these tests are about the other blockers)."""
    return "\n".join(report(root, problems=[]).blocking)


def skip_the_check(monkeypatch: pytest.MonkeyPatch, problems: list[Problem] | None = None) -> None:
    """main() without running the content check again (seconds): `problems` stands for what it found."""
    monkeypatch.setattr(readiness_module, "check_site", lambda root: list(problems or []))


def switch_on_code_owners(project: Path, handle: str = MADE_UP_HANDLE) -> None:
    """The real CODEOWNERS, each rule switched on and naming `handle`, as README's steps say."""
    text = (ROOT / CODEOWNERS).read_text(encoding="utf-8")
    rules = re.sub(r"^# (/\S+\s+)" + re.escape(PLACEHOLDER) + "$", lambda m: m.group(1) + handle, text, flags=re.M)
    (project / CODEOWNERS).parent.mkdir(parents=True, exist_ok=True)
    (project / CODEOWNERS).write_text(rules, encoding="utf-8")


def assert_references_hold(root: Path, text: str) -> None:
    """Every `file:line` printed is followed by what the line holds, and the file's line holds it."""
    bare = re.findall(r"`[^`\s]+:\d+`", text)
    found = REFERENCE.findall(text)
    assert found and len(found) == len(bare), "a file:line is printed without what it names"
    for path, line, holds in found:
        lines = (root / path).read_text(encoding="utf-8").splitlines()
        assert 1 <= int(line) <= len(lines), f"{path}:{line} does not exist"
        assert holds in lines[int(line) - 1], f"{path}:{line} is '{lines[int(line) - 1]}', not '{holds}'"


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    set_settings(project, {("extra", "clinic", "phone"): DAY_LINE})
    return project


@pytest.fixture(scope="module")
def real() -> Readiness:
    return report(ROOT)


def test_on_the_real_repository_the_blockers_are_the_clinical_pages_no_reviewer_and_code_owners_off(
        real: Readiness, monkeypatch: pytest.MonkeyPatch) -> None:
    pages = {page.relative_to(ROOT).as_posix() for page in clinical_pages(ROOT)}
    assert pages and set(re.findall(r"^ +- (docs/\S+\.md): ", real.blocking[0], re.M)) == pages
    assert f"**{len(pages)} clinical pages have no valid medical sign-off**" in real.blocking[0]
    text = "\n".join(real.blocking)
    assert "No reviewer is registered" in text and "Code owners are switched off" in text
    assert real.markdown().rstrip().endswith("above block it.")
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("SITE_URL", raising=False)
    skip_the_check(monkeypatch)
    assert main([]) == 0
    assert main(["--strict"]) == 1


def test_every_file_and_line_it_prints_holds_what_it_names(real: Readiness, project: Path) -> None:
    assert_references_hold(ROOT, real.markdown())
    list_test_reviewer(project)
    sign(project, clinical_pages(project)[0], following=str(today() + timedelta(days=10)))
    assert_references_hold(project, report(project, problems=[]).markdown())


def test_the_clinics_unanswered_questions_are_listed_by_who_answers_them(real: Readiness, project: Path) -> None:
    assert set(real.unanswered) <= {OFFICE, MEDICAL_DIRECTOR}
    questions: dict[str, set[str]] = defaultdict(set)
    for answer in SCHEMA:
        questions[answer.who].add(answer.question)
    for who, lines in real.unanswered.items():
        assert all(line.split(": ", 1)[1] in questions[who] for line in lines), lines
    question = next(answer.question for answer in SCHEMA if answer.key == "after_hours_phone")
    assert any(question in line for line in real.unanswered[MEDICAL_DIRECTOR])
    name = next(answer.question for answer in SCHEMA if answer.key == "name" and answer.home == "clinic")
    assert not any(name in line for lines in real.unanswered.values() for line in lines)  # mkdocs.yml names it
    give_answers(project, clinic=ANSWERS)
    after = report(project, problems=[]).unanswered
    assert not any(question in line for lines in after.values() for line in lines)


def test_a_registered_reviewer_for_each_language_removes_its_blocker(project: Path) -> None:
    assert "No reviewer is registered" in blockers(project)
    list_test_reviewer(project, reads=("en",))
    assert "No reviewer is registered" not in blockers(project)
    assert "No reviewer may sign the Spanish pages" in blockers(project)
    list_test_reviewer(project, reads=("es",), reviewer_id="test-reviewer-es")
    assert "No reviewer may" not in blockers(project)


def test_code_owners_switched_on_with_a_real_handle_removes_its_blocker(project: Path) -> None:
    assert "Code owners are switched off" in blockers(project)  # a copy has no .github/: no rule at all
    shutil.copytree(ROOT / ".github", project / ".github")
    assert "Code owners are switched off" in blockers(project)
    switch_on_code_owners(project, PLACEHOLDER)
    assert "name a placeholder, not a person" in blockers(project)
    switch_on_code_owners(project)
    assert "Code owners" not in blockers(project)


def test_the_sites_address_removes_its_blocker(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    assert "SITE_URL is set to the local preview address" in blockers(project)
    monkeypatch.setenv("SITE_URL", "http://www.example-clinic.test/")
    assert "it must be the site's public https:// address" in blockers(project)
    monkeypatch.setenv("SITE_URL", REAL_URL)
    assert "The site's address" not in blockers(project)
    monkeypatch.delenv("SITE_URL")
    set_settings(project, {("site_url",): REAL_URL})  # the setting, as publishing reads it without SITE_URL
    assert "The site's address" not in blockers(project)


def test_unsigned_clinical_answers_and_check_errors_block_until_fixed(project: Path) -> None:
    give_answers(project, clinic=ANSWERS, signed=False)
    assert "The clinical answers are not signed off" in blockers(project)
    give_answers(project)  # signed by a made-up clinician
    assert "clinical answers" not in blockers(project)
    error = Problem("docs/aftercare.md", 3, "a made-up error")
    assert "The content check finds 1 error**" in "\n".join(report(project, [error]).blocking)


def test_reviews_due_within_60_days_and_overdue_ones_are_listed(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    list_test_reviewer(project)
    soon, late, *_ = clinical_pages(project)
    due = today() + timedelta(days=30)
    sign(project, soon, following=str(due))
    sign(project, late, day="2026-01-10", following=str(today() - timedelta(days=5)))
    listed = report(project, problems=[]).due
    assert len(listed) == 2
    assert any(f"`{soon.relative_to(project).as_posix()}:" in line and f"due {due}, in 30 days" in line
               for line in listed)
    assert any(f"`{late.relative_to(project).as_posix()}:" in line and "5 days ago" in line for line in listed)
    monkeypatch.chdir(project)  # as make readiness prints it, on the day SITE_TODAY says
    skip_the_check(monkeypatch)
    assert main([]) == 0
    printed = capsys.readouterr().out
    assert f"## Go-live readiness on {os.environ['SITE_TODAY']}" in printed and listed[0] in printed


@pytest.fixture(scope="module")
def ready(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every page signed, answers given and signed, code owners on with a made-up handle, in git."""
    project = copy_project(tmp_path_factory.mktemp("ready") / "project")
    switch_on_code_owners(project)
    set_settings(project, {("extra", "clinic", "phone"): DAY_LINE})
    sign_every_page(project)
    give_answers(project, clinic=ANSWERS)
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "Everything signed, answered and owned")
    return project


def test_a_project_with_nothing_left_is_ready_to_publish(ready: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITE_URL", REAL_URL)
    problems = check_site(ready)
    result = report(ready, problems)
    assert result.blocking == [] and result.markdown().endswith("\nReady to publish.\n")
    assert "1. Blocks publishing\n\nNothing." in result.markdown()
    assert f"`{MADE_UP_HANDLE}`" in result.markdown()  # whose write access to check by hand
    assert_references_hold(ready, result.markdown())
    monkeypatch.chdir(ready)
    skip_the_check(monkeypatch, problems)
    assert main(["--strict"]) == 0


def test_make_readiness_and_the_workflow_run_it() -> None:
    recipe = re.search(r"^readiness:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert recipe and "scripts.release.readiness" in recipe.group(1) and "$(if $(STRICT),--strict)" in recipe.group(1)
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    assert {"push", "schedule"} <= set(workflow[True])
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]
             if "scripts.release.readiness" in step.get("run", "")]
    assert steps and all('>> "$GITHUB_STEP_SUMMARY"' in step["run"] for step in steps)
    assert any(step.get("if") == "always() && github.event_name != 'pull_request'" for step in steps)

