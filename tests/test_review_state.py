"""Each clinical page says what its review really is: who reviewed it and when, only when its text is the text
that was reviewed (its history says so); otherwise that it awaits review. The rule is scripts/site/review.py; these
tests hold the built pages to it, in the real site and in a copy where one page is legitimately signed off."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from scripts.built_site import target_file
from scripts.release.build import build_into
from scripts.release.build import copy_project as copy_project_at
from scripts.site.addresses import page_url
from scripts.site.languages import languages
from scripts.site.review import ReviewState, page_review
from tests.conftest import ROOT as ROOT_OF_TESTS
from tests.conftest import TEST_TODAY, copy_project
from tests.project_changes import TEST_REVIEWER_NAME, clinical_pages, git, list_test_reviewer, sign

TODAY = date.fromisoformat(TEST_TODAY)
REVIEW_LINE = re.compile(r'<aside class="review-status review-status--([\w-]+)"[^>]*>(.*?)</aside>', re.S)


def review_line_problems(root: Path, site: Path, today: date) -> list[str]:
    """'page: why' for each clinical page whose built review line does not say what its review state is."""
    problems = []
    for language in languages(root):
        for file in language.pages:
            review = page_review(root, file, today)
            if review.state is ReviewState.NOT_CLINICAL:
                continue
            html = target_file(site, page_url(language.key(file))).read_text(encoding="utf-8")
            shown = REVIEW_LINE.findall(html)
            kind, text = shown[0] if len(shown) == 1 else ("(none or several)", "")
            if review.state in (ReviewState.REVIEWED, ReviewState.OVERDUE):
                name = str(review.signed.reviewer_as_then.get("name"))
                if kind != review.state.value or name not in text:
                    problems.append(f"{language.key(file)}: {review.state.value}, but its review line is {kind}: "
                                    f"{text!r}")
            elif kind != "awaiting" or "Reviewed by" in text or "Revisado por" in text:
                problems.append(f"{language.key(file)}: {review.state.value}, but its review line is {kind}: {text!r}")
    return problems


def test_every_clinical_page_shows_its_real_review_state(built_site: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    assert review_line_problems(root, built_site, TODAY) == []


@pytest.fixture(scope="module")
def signed_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project, in git, with a made-up reviewer listed, in which two clinical English pages were
    signed off with make sign-off's function."""
    project = copy_project(tmp_path_factory.mktemp("signed") / "project")
    git(project, "init", "-q", "-b", "main")
    list_test_reviewer(project)
    git(project, "add", "-A")
    git(project, "commit", "-qm", "the guide")
    for page in english_clinical_pages(project)[:2]:
        sign(project, page)
    git(project, "commit", "-qam", "Medical review of two pages")
    return project


@pytest.fixture(scope="module")
def signed_site(signed_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(signed_project, tmp_path_factory.mktemp("signed-site"))


def english_clinical_pages(project: Path) -> list[Path]:
    return [page for page in clinical_pages(project) if page.parent == languages(project)[0].docs]


def build(project: Path, site: Path) -> Path:
    build_into(site, project, {"SITE_TODAY": TEST_TODAY})
    return site


def test_signed_off_pages_show_their_reviewer_and_the_others_still_await(signed_project: Path,
                                                                        signed_site: Path) -> None:
    assert review_line_problems(signed_project, signed_site, TODAY) == []
    for page in english_clinical_pages(signed_project)[:2]:
        html = target_file(signed_site, page_url(page.relative_to(signed_project / "docs").as_posix())).read_text(
            encoding="utf-8")
        assert (f"Reviewed by {TEST_REVIEWER_NAME}, MD (a made-up reviewer for the tests) (Test Medical Board license "
                "TEST-0001) on March 1, 2026. Next review due March 1, 2027.") in html, page.name
        data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
        web_page = next(item for item in data["@graph"] if item["@type"] == "MedicalWebPage")
        assert web_page["lastReviewed"] == "2026-03-01"
        assert web_page["reviewedBy"] == {"@type": "Person", "name": TEST_REVIEWER_NAME,
                                          "jobTitle": "MD (a made-up reviewer for the tests)"}
    states = [page_review(signed_project, page, TODAY).state for page in clinical_pages(signed_project)]
    assert states.count(ReviewState.REVIEWED) == 2 and ReviewState.AWAITING in states


def test_a_built_page_that_claims_a_review_it_does_not_have_is_found(signed_project: Path, signed_site: Path,
                                                                     tmp_path: Path) -> None:
    """The fault planted: the site built from the signed copy, held against the same pages never signed."""
    unsigned = tmp_path / "unsigned"
    git(signed_project, "worktree", "add", "-q", "--detach", str(unsigned), "HEAD~1")
    problems = review_line_problems(unsigned, signed_site, TODAY)
    assert len(problems) == 2 and all("awaiting review, but its review line is reviewed" in p for p in problems)


def test_a_signed_page_edited_after_its_review_says_it_awaits_review(signed_project: Path, tmp_path: Path) -> None:
    """A preview of an edit to a signed page never says "Reviewed by" over text nobody reviewed."""
    edited = copy_project_at(signed_project, tmp_path / "edited")
    page = english_clinical_pages(edited)[0]
    page.write_text(page.read_text(encoding="utf-8") + "\nA sentence nobody reviewed.\n", encoding="utf-8")
    site = build(edited, tmp_path / "site")
    assert page_review(edited, page, TODAY).state is ReviewState.CHANGED
    html = target_file(site, page_url(page.relative_to(edited / "docs").as_posix())).read_text(encoding="utf-8")
    assert "Reviewed by" not in html and "review-status--awaiting" in html and "reviewedBy" not in html
    assert review_line_problems(edited, site, TODAY) == []


def review_sentences(site: Path) -> dict[str, list[str]]:
    """The review sentences in the home and about pages of each language, by page."""
    found = {}
    for language in languages(ROOT_OF_TESTS):
        for name in ("index.md", "about.md", "acerca-de.md"):
            page = language.docs / name
            if page.is_file():
                html = target_file(site, page_url(language.key(page))).read_text(encoding="utf-8")
                found[language.key(page)] = re.findall(r'class="[^"]*review-when-(\w+)', html)
    return found


def test_the_real_site_says_only_that_no_page_is_reviewed_yet(built_site: Path) -> None:
    states = {page: kinds for page, kinds in review_sentences(built_site).items()}
    assert states and all(kinds == ["awaiting"] for kinds in states.values()), states


def test_with_some_pages_signed_each_edition_says_only_what_is_true_of_it(signed_site: Path) -> None:
    """Two English pages are signed: the English guide is partly reviewed, the Spanish one (its own review) not."""
    states = review_sentences(signed_site)
    english = {page: kinds for page, kinds in states.items() if not page.startswith("es/")}
    spanish = {page: kinds for page, kinds in states.items() if page.startswith("es/")}
    assert english and all(kinds == ["partly"] for kinds in english.values()), states
    assert spanish and all(kinds == ["awaiting"] for kinds in spanish.values()), states
