"""A sign-off binds a listed clinician to exactly what patients read. Each way unsigned text reached patients under
the old record (free-text front matter, judged by the body below it) is tried here on a copy in which a made-up
reviewer signed every clinical page: what patients would get is the signed version, or nothing."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from scripts.built_site import target_file
from scripts.content.check import check_site
from scripts.content.review_record import append_only_problems
from scripts.problems import Severity
from scripts.release.build import build_into
from scripts.release.review_gate import review_gate
from scripts.release.sign_off import SignOffRefusedError, sign_off
from scripts.site.addresses import page_url
from scripts.site.front_matter import load_front_matter
from scripts.site.languages import languages, translations
from scripts.site.page_version import page_version
from scripts.site.review import ReviewState, page_review
from scripts.site.review_log import LOG_FILE, load_log
from scripts.site.settings import load_settings
from tests.conftest import ROOT, TEST_TODAY, copy_project
from tests.project_changes import (
    TEST_REVIEWER,
    bring_translations_up_to_date,
    clinical_pages,
    git,
    list_test_reviewer,
    set_settings,
    sign,
)

TODAY = date.fromisoformat(TEST_TODAY)
ENGLISH_ONLY = "english-only-reviewer"


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git history: the guide, then every clinical page signed off by a made-up English and Spanish reader (a
    second made-up reviewer reads English only)."""
    project = copy_project(tmp_path_factory.mktemp("signed") / "project")
    git(project, "init", "-q", "-b", "main")
    list_test_reviewer(project)
    list_test_reviewer(project, reads=("en",), reviewer_id=ENGLISH_ONLY, name="Dr. English Only")
    bring_translations_up_to_date(project)
    git(project, "add", "-A")
    git(project, "commit", "-qm", "The guide")
    for page in clinical_pages(project):
        sign(project, page)
    git(project, "commit", "-qam", "Medical sign-off of every page")
    return project


@pytest.fixture()
def project(signed: Path, tmp_path: Path) -> Path:
    clone = tmp_path / "project"
    git(tmp_path, "clone", "-q", str(signed), str(clone))
    return clone


def aftercare(project: Path) -> Path:
    """The English page that includes the help picture (found by its include, not its name)."""
    return next(page for page in clinical_pages(project) if "when-to-get-help.html" in page.read_text(encoding="utf-8")
                and page.parent == project / "docs")


def edit_front_matter(page: Path, key: str, value: str) -> None:
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(rf"^{key}:.*$", f"{key}: {value}", text, count=1, flags=re.M), encoding="utf-8")


def errors(project: Path) -> list[str]:
    return [str(problem) for problem in check_site(project) if problem.severity is Severity.ERROR]


def published_meta(project: Path, page: Path) -> dict:
    """The front matter of what patients would get of the page (its signed text where it changed)."""
    gate = review_gate(project, TODAY)
    assert page.relative_to(project).as_posix() not in " ".join(gate.blocking)
    text = gate.signed_texts.get(page.relative_to(project)) or page.read_text(encoding="utf-8")
    return load_front_matter(text)


def test_with_every_page_signed_nothing_blocks_and_nothing_is_held_back(project: Path) -> None:
    gate = review_gate(project, TODAY)
    assert gate.blocking == [] and gate.signed_texts == {}
    assert errors(project) == []


@pytest.mark.parametrize(("key", "value"), [
    ("description", "Your skin heals fully in 24 hours."),
    ("title", "Aftercare in one day"),
])
def test_a_front_matter_edit_after_the_sign_off_waits_for_its_own(project: Path, key: str, value: str) -> None:
    page = aftercare(project)
    signed_value = load_front_matter(page.read_text(encoding="utf-8"))[key]
    edit_front_matter(page, key, value)
    git(project, "commit", "-qam", f"New {key}")
    assert page_review(project, page, TODAY).state is ReviewState.CHANGED
    assert published_meta(project, page)[key] == signed_value


def test_a_changed_source_list_waits_for_its_sign_off(project: Path) -> None:
    page = aftercare(project)
    text = page.read_text(encoding="utf-8")
    first = load_front_matter(text)["sources"][0]
    page.write_text(text.replace(f"  - {first}\n", "", 1), encoding="utf-8")
    git(project, "commit", "-qam", "One source fewer")
    assert page_review(project, page, TODAY).state is ReviewState.CHANGED
    assert first in published_meta(project, page)["sources"]


def test_a_cited_sources_new_title_unsigns_the_pages_citing_it(project: Path) -> None:
    page = aftercare(project)
    cited = load_front_matter(page.read_text(encoding="utf-8"))["sources"][0]
    sources = project / "data" / "sources.yml"
    entries = yaml.safe_load(sources.read_text(encoding="utf-8"))
    title = next(entry["title"] for entry in entries if entry["id"] == cited)
    sources.write_text(sources.read_text(encoding="utf-8").replace(title, title + " (a different study)", 1),
                       encoding="utf-8")
    assert page_review(project, page, TODAY).state is ReviewState.CHANGED
    assert any(line.startswith(page.relative_to(project).as_posix()) for line in review_gate(project, TODAY).blocking)


def test_an_edited_illustration_blocks_every_page_that_includes_it(project: Path) -> None:
    picture = project / "docs" / "_includes" / "illustrations" / "when-to-get-help.html"
    picture.write_text(picture.read_text(encoding="utf-8").replace("911", "411"), encoding="utf-8")
    git(project, "commit", "-qam", "Edit the help picture")
    including = [page for page in clinical_pages(project) if "illustrations/when-to-get-help.html" in
                 page.read_text(encoding="utf-8")]
    assert including
    blocking = review_gate(project, TODAY).blocking
    for page in including:
        assert page_review(project, page, TODAY).state is ReviewState.CHANGED
        assert any(line.startswith(f"{page.relative_to(project).as_posix()}: changed since") for line in blocking)


def test_a_signed_page_flipped_to_not_clinical_stays_gated_until_the_log_says_so(project: Path) -> None:
    page = aftercare(project)
    text = page.read_text(encoding="utf-8").replace("clinical: true", "clinical: false", 1)
    page.write_text(text + "\nNew medical advice nobody signed.\n", encoding="utf-8")
    git(project, "commit", "-qam", "Not clinical any more")
    assert page_review(project, page, TODAY).state is ReviewState.CHANGED
    assert published_meta(project, page)["clinical"] is True
    sign_off(project, page, TEST_REVIEWER, page_version(project, page), date(2026, 3, 2), decision="not clinical")
    assert page_review(project, page, TODAY).state is ReviewState.NOT_CLINICAL
    assert load_log(project)[-1].decision == "not clinical"


def test_an_edit_committed_with_a_moved_review_date_is_not_signed(project: Path) -> None:
    page = aftercare(project)
    page.write_text(page.read_text(encoding="utf-8") + "\nA sentence nobody signed.\n", encoding="utf-8")
    edit_front_matter(page, "last_reviewed", "2026-11-20")
    git(project, "commit", "-qam", "Edit and self-certify")
    assert page_review(project, page, TODAY).state is ReviewState.CHANGED
    assert "A sentence nobody signed." not in review_gate(project, TODAY).signed_texts[page.relative_to(project)]
    assert any(error.startswith(f"{page.relative_to(project).as_posix()}:") and "'last_reviewed' is '2026-11-20', "
               "and its latest sign-off" in error for error in errors(project))


def test_a_squash_of_a_sign_off_and_a_later_edit_never_publishes_the_edit(signed: Path, tmp_path: Path) -> None:
    """GitHub's squash merge folds the reviewer's commit and a later push into one commit."""
    project = tmp_path / "project"
    git(tmp_path, "clone", "-q", str(signed), str(project))
    git(project, "reset", "-q", "--hard", "HEAD~1")  # the guide, unsigned
    page = aftercare(project)
    sign(project, page)
    page.write_text(page.read_text(encoding="utf-8") + "\nPushed after the sign-off.\n", encoding="utf-8")
    git(project, "commit", "-qam", "Squashed: sign-off, then an edit")
    assert page_review(project, page, TODAY).state is ReviewState.CHANGED
    published = review_gate(project, TODAY).signed_texts.get(page.relative_to(project), "")
    assert published and "Pushed after the sign-off." not in published


def test_a_second_sign_off_on_the_same_day_is_recorded(project: Path) -> None:
    page = aftercare(project)
    page.write_text(page.read_text(encoding="utf-8") + "\nA sentence the reviewer asked for.\n", encoding="utf-8")
    sign(project, page)  # the same day as the first
    assert page_review(project, page, TODAY).state is ReviewState.REVIEWED
    page_id = load_front_matter(page.read_text(encoding="utf-8"))["page_id"]
    assert [entry.date for entry in load_log(project) if entry.page == page_id and entry.language == "en"] == [
        date(2026, 3, 1), date(2026, 3, 1)]
    assert errors(project) == []


def append_by_hand(project: Path, page: Path, reviewer: str, next_review: str = "2027-03-01") -> None:
    """A sign-off written without make sign-off: the log entry and the front matter lines."""
    meta = load_front_matter(page.read_text(encoding="utf-8"))
    language = next(lang.code for lang in languages(project) if page in lang.pages)
    version = page_version(project, page)
    with (project / LOG_FILE).open("a", encoding="utf-8") as log:
        log.write(f"- {{page: {meta['page_id']}, language: {language}, version: {version}, reviewer: {reviewer}, "
                  f"date: 2026-03-02, next_review: {next_review}, decision: approved, scope: whole page}}\n")
    for key, value in (("reviewed_by", reviewer), ("last_reviewed", "2026-03-02"), ("next_review", next_review),
                       ("reviewed_version", version)):
        edit_front_matter(page, key, value)


def spanish_page(project: Path) -> Path:
    return project / "docs" / translations(project, "es")[aftercare(project).relative_to(project / "docs").as_posix()]


@pytest.mark.parametrize(("reviewer", "next_review", "why"), [
    ("x", "2027-03-01", "'x' is not a reviewer listed in data/reviewers.yml"),
    (TEST_REVIEWER, "2099-01-01", "the next review (2099-01-01) is more than 12 months after the sign-off"),
])
def test_a_sign_off_that_does_not_count_signs_nothing(project: Path, reviewer: str, next_review: str,
                                                                 why: str) -> None:
    page = aftercare(project)
    page.write_text(page.read_text(encoding="utf-8") + "\nA new sentence.\n", encoding="utf-8")
    with pytest.raises(SignOffRefusedError, match=re.escape(why)):
        sign_off(project, page, reviewer, page_version(project, page), date(2026, 3, 2),
                 date.fromisoformat(next_review))
    append_by_hand(project, page, reviewer, next_review)
    review = page_review(project, page, TODAY)  # the earlier, valid sign-off still decides what is published
    assert review.state is ReviewState.CHANGED and review.signed.reviewer == TEST_REVIEWER
    assert any(error.startswith("data/review-log.yml:") and why in error for error in errors(project))


def test_a_spanish_page_needs_a_reviewer_who_reads_spanish(project: Path) -> None:
    page = spanish_page(project)
    page.write_text(page.read_text(encoding="utf-8") + "\nUna oración nueva.\n", encoding="utf-8")
    with pytest.raises(SignOffRefusedError, match="is not listed as reading 'es'"):
        sign_off(project, page, ENGLISH_ONLY, page_version(project, page), date(2026, 3, 2))
    append_by_hand(project, page, ENGLISH_ONLY)
    review = page_review(project, page, TODAY)
    assert review.state is ReviewState.CHANGED and review.signed.reviewer == TEST_REVIEWER
    assert any("Dr. English Only is not listed as reading 'es'" in error for error in errors(project))


def test_front_matter_that_disagrees_with_the_log_is_an_error(project: Path) -> None:
    page = aftercare(project)
    edit_front_matter(page, "reviewed_by", ENGLISH_ONLY)
    assert any(error.startswith(f"{page.relative_to(project).as_posix()}:") and f"'reviewed_by' is '{ENGLISH_ONLY}'"
               f", and its latest sign-off in data/review-log.yml" in error for error in errors(project))


def test_an_earlier_log_entry_edited_is_an_error(project: Path) -> None:
    log = project / LOG_FILE
    text = log.read_text(encoding="utf-8")
    log.write_text(text.replace("date: 2026-03-01", "date: 2026-02-28", 1), encoding="utf-8")
    assert any(error.startswith("data/review-log.yml:") and "was changed or removed since" in error
               and "the log only grows" in error for error in errors(project))


def test_the_real_log_only_grows_from_its_base_branch() -> None:
    """The repository's own log: every entry the base branch has is still there, unchanged."""
    assert append_only_problems(ROOT) == []


def test_a_new_phone_number_keeps_every_page_signed(project: Path) -> None:
    set_settings(project, {("extra", "clinic", "phone"): "(714) 555-0142"})
    assert load_settings(project / "mkdocs.yml")["extra"]["clinic"]["phone"] == "(714) 555-0142"
    assert {page_review(project, page, TODAY).state for page in clinical_pages(project)} == {ReviewState.REVIEWED}


def test_a_stale_packet_is_refused_and_nothing_is_written(project: Path) -> None:
    page = aftercare(project)
    packet = page_version(project, page)
    page.write_text(page.read_text(encoding="utf-8") + "\nChanged after the packet was printed.\n", encoding="utf-8")
    before = (page.read_text(encoding="utf-8"), (project / LOG_FILE).read_text(encoding="utf-8"))
    with pytest.raises(SignOffRefusedError, match="the page changed after the packet you signed"):
        sign_off(project, page, TEST_REVIEWER, packet, date(2026, 3, 2))
    assert (page.read_text(encoding="utf-8"), (project / LOG_FILE).read_text(encoding="utf-8")) == before


def test_make_sign_off_turns_an_awaiting_page_reviewed_in_its_language(signed: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    git(tmp_path, "clone", "-q", str(signed), str(project))
    git(project, "reset", "-q", "--hard", "HEAD~1")  # the guide, unsigned
    page = spanish_page(project)
    assert page_review(project, page, TODAY).state is ReviewState.AWAITING
    before_page, before_log = page.read_text(encoding="utf-8"), (project / LOG_FILE).read_text(encoding="utf-8")
    packet = page_version(project, page)
    result = subprocess.run([sys.executable, "-m", "scripts.release.sign_off", "--page", str(page.relative_to(project)),
                             "--reviewer", TEST_REVIEWER, "--packet", packet, "--date", "2026-03-02"],
                            cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert page_review(project, page, TODAY).state is ReviewState.REVIEWED
    after_page = page.read_text(encoding="utf-8")
    assert [line for line in after_page.splitlines() if line not in before_page.splitlines()] == [
        f"reviewed_by: {TEST_REVIEWER}", "last_reviewed: 2026-03-02", "next_review: 2027-03-02",
        f"reviewed_version: {packet}"]
    review_lines = re.compile(r"^(reviewed_by|last_reviewed|next_review|reviewed_version):.*$", re.M)
    assert review_lines.sub("", after_page) == review_lines.sub("", before_page)  # nothing else touched
    after_log = (project / LOG_FILE).read_text(encoding="utf-8")
    assert len(load_log(project)) == 1 and after_log.splitlines()[:2] == before_log.splitlines()[:2]
    site = tmp_path / "site"
    build_into(site, project, {"SITE_TODAY": TEST_TODAY})
    html = target_file(site, page_url(page.relative_to(project / "docs").as_posix())).read_text(encoding="utf-8")
    assert ("Revisado por Dr. Test Reviewer, MD (un revisor inventado para las pruebas) (licencia TEST-0001, Test "
            "Medical Board) el 2 de marzo de 2026. Próxima revisión: 2 de marzo de 2027.") in html


def test_a_not_clinical_decision_written_by_someone_who_may_not_sign_releases_nothing(project: Path) -> None:
    page = aftercare(project)
    meta = load_front_matter(page.read_text(encoding="utf-8"))
    page.write_text(page.read_text(encoding="utf-8").replace("clinical: true", "clinical: false", 1)
                    + "\nNew advice nobody signed.\n", encoding="utf-8")
    with (project / LOG_FILE).open("a", encoding="utf-8") as log:
        log.write(f"- {{page: {meta['page_id']}, language: en, reviewer: someone-unlisted, date: 2026-03-02, "
                  "decision: not clinical}\n")
    assert page_review(project, page, TODAY).state is ReviewState.CHANGED  # still held to its signed version
    assert any("is not clinical does not count" in error for error in errors(project))


def test_an_include_the_version_cannot_follow_is_refused(project: Path) -> None:
    """A block-form include or a line selector would let shared text change without a new sign-off."""
    page = aftercare(project)
    shared = next(name for name in re.findall(r'--8<-- "([^"]+\.md)"', page.read_text(encoding="utf-8")))
    page.write_text(page.read_text(encoding="utf-8") + f'\n--8<--\n{shared}\n--8<--\n\n--8<-- "{shared}:1:2"\n',
                    encoding="utf-8")
    lines = page.read_text(encoding="utf-8").split("\n")
    refused = [error for error in errors(project) if "include the whole file on one line" in error]
    assert {int(error.split(":")[1]) for error in refused} >= {lines.index("--8<--") + 1,
                                                               lines.index(f'--8<-- "{shared}:1:2"') + 1}


def test_the_translation_of_a_clinical_page_is_clinical_too(project: Path) -> None:
    page = spanish_page(project)
    page.write_text(page.read_text(encoding="utf-8").replace("clinical: true", "clinical: false", 1), encoding="utf-8")
    assert any(error.startswith(f"{page.relative_to(project).as_posix()}:") and "so its translation is too" in error
               for error in errors(project))


def test_a_date_with_a_time_in_the_log_is_read_as_its_day(project: Path) -> None:
    log = project / LOG_FILE
    log.write_text(log.read_text(encoding="utf-8").replace("date: 2026-03-01", "date: 2026-03-01 10:00:00"),
                   encoding="utf-8")
    assert page_review(project, aftercare(project), TODAY).state is ReviewState.REVIEWED
    assert not any("Traceback" in error for error in errors(project))


def test_a_page_whose_front_matter_ends_with_dots_is_signed_whole(project: Path) -> None:
    page = aftercare(project)
    text = page.read_text(encoding="utf-8")
    closing = text.index("\n---\n", 3)
    page.write_text(text[:closing] + "\n...\n" + text[closing + 5:] + "\nOne more sentence.\n", encoding="utf-8")
    sign(project, page, day="2026-03-02")
    assert page_review(project, page, TODAY).state is ReviewState.REVIEWED
    assert errors(project) == []
