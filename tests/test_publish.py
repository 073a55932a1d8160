"""Publishing refuses the local address, broken content and unreviewed medical pages, and never leaves a
half-built site in place."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from scripts.release.publish import PublishRefusedError, publish, site_url_problem
from scripts.release.review_gate import unreviewed_pages
from scripts.site.languages import translations
from scripts.site.page_version import page_version
from scripts.site.settings import with_settings
from tests.conftest import copy_project
from tests.project_changes import TEST_REVIEWER_NAME, git, sign, sign_every_page

REAL_URL = "https://www.example-clinic.test/"


def review_every_page(project: Path, day: str = "2026-03-01", next_review: str = "2027-03-01") -> None:
    """A made-up clinician who reads English and Spanish signs off every clinical page as it is."""
    sign_every_page(project, day, next_review)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.mark.parametrize(("url", "reason"), [
    ("", "SITE_URL is not set"),
    ("http://127.0.0.1:8000/", "SITE_URL is set to the local preview address"),
    ("http://www.example-clinic.test/", "it must be the site's public https:// address"),
    ("https://www.example-clinic.test", "end it with a slash"),
])
def test_publishing_needs_the_sites_real_https_address(url: str, reason: str) -> None:
    assert reason in site_url_problem(url)


def test_publishing_refuses_while_clinical_pages_await_review_and_names_them(project: Path, tmp_path: Path) -> None:
    with pytest.raises(PublishRefusedError) as refusal:
        publish(tmp_path / "public", REAL_URL, preview=False, root=project)
    assert "docs/aftercare.md: never signed off: make packets, then ask the medical team to sign it" in str(
        refusal.value)
    assert not (tmp_path / "public").exists()


def test_a_preview_publishes_unreviewed_content_with_a_loud_warning(project: Path, tmp_path: Path) -> None:
    warnings = publish(tmp_path / "public", REAL_URL, preview=True, root=project)
    assert warnings[0].startswith("WARNING: PUBLISHING UNREVIEWED MEDICAL CONTENT")
    assert (tmp_path / "public" / "aftercare" / "index.html").exists()
    assert f'<link rel="canonical" href="{REAL_URL}aftercare/">' in (
        tmp_path / "public" / "aftercare" / "index.html").read_text(encoding="utf-8")


def test_reviewed_pages_publish_without_warning(project: Path, tmp_path: Path) -> None:
    commit_reviewed_site(project)
    assert publish(tmp_path / "public", REAL_URL, preview=False, root=project) == []


def test_an_overdue_review_keeps_its_signed_version_published_and_says_so(project: Path, tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    review_every_page(project, day="2026-01-10", next_review="2026-10-01")
    monkeypatch.setenv("SITE_TODAY", "2026-11-25")
    notes = publish(tmp_path / "public", REAL_URL, preview=False, root=project)
    assert "docs/aftercare.md: its review was due 2026-10-01; its signed version is published, marked as being " \
           "checked again" in notes
    aftercare = (tmp_path / "public" / "aftercare" / "index.html").read_text(encoding="utf-8")
    assert "Its next review was due October 1, 2026, and it is being checked again." in aftercare


def test_a_failed_publish_leaves_the_published_site_exactly_as_it_was(project: Path, tmp_path: Path) -> None:
    review_every_page(project)
    public = tmp_path / "public"
    public.mkdir()
    (public / "index.html").write_text("live site", encoding="utf-8")
    page = project / "docs" / "before.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [this](missing.md).\n", encoding="utf-8")
    with pytest.raises(PublishRefusedError) as refusal:
        publish(public, REAL_URL, preview=True, root=project)
    assert "missing.md" in str(refusal.value)
    assert [p.name for p in public.iterdir()] == ["index.html"]
    assert (public / "index.html").read_text(encoding="utf-8") == "live site"




def commit_reviewed_site(project: Path) -> None:
    """A git history in which every page (both languages) is signed off and every translation is up to date."""
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "The guide")
    review_every_page(project)
    git(project, "commit", "-qam", "Medical review of every page")


@pytest.fixture()
def reviewed_history(project: Path) -> Path:
    """A git history in which every clinical page was reviewed, then aftercare's text was edited (not
    reviewed again) and the clinic's phone number changed."""
    commit_reviewed_site(project)
    aftercare = project / "docs" / "aftercare.md"
    aftercare.write_text(aftercare.read_text(encoding="utf-8") + "\nThis sentence was added after the review.\n",
                         encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(with_settings(config.read_text(encoding="utf-8"),
                                    {("extra", "clinic", "phone"): "(714) 555-0142"}), encoding="utf-8")
    git(project, "commit", "-qam", "Edit aftercare; new phone number")
    return project


def test_a_page_edited_after_its_review_is_published_at_its_reviewed_version(reviewed_history: Path,
                                                                            tmp_path: Path) -> None:
    notes = publish(tmp_path / "public", REAL_URL, preview=False, root=reviewed_history)
    assert notes and notes[0].startswith("docs/aftercare.md: changed since its sign-off, so its signed version")
    aftercare = (tmp_path / "public" / "aftercare" / "index.html").read_text(encoding="utf-8")
    assert "This sentence was added after the review." not in aftercare
    assert f"Reviewed by {TEST_REVIEWER_NAME}" in aftercare
    assert "(714) 555-0142" in (tmp_path / "public" / "contact" / "index.html").read_text(encoding="utf-8")


def test_signing_off_the_change_publishes_it(reviewed_history: Path, tmp_path: Path) -> None:
    aftercare = reviewed_history / "docs" / "aftercare.md"
    sign(reviewed_history, aftercare, day="2026-11-20", following="2027-11-20")
    git(reviewed_history, "commit", "-qam", "Medical sign-off of the aftercare change")
    translation = translations(reviewed_history, "es")["aftercare.md"]
    with pytest.raises(PublishRefusedError) as refusal:  # its Spanish page does not say the new sentence yet
        publish(tmp_path / "public", REAL_URL, preview=False, root=reviewed_history)
    english = page_version(reviewed_history, aftercare)
    assert (f"docs/{translation}: it translates version ") in str(refusal.value)
    assert f"set translated_from: {english}" in str(refusal.value)
    spanish = reviewed_history / "docs" / translation
    text = re.sub(r"^translated_from: .*$", f"translated_from: {english}", spanish.read_text(encoding="utf-8"),
                  flags=re.M)
    spanish.write_text(text + "\nEsta oración se añadió después de la revisión.\n", encoding="utf-8")
    sign(reviewed_history, spanish, day="2026-11-21", following="2027-11-21")
    git(reviewed_history, "commit", "-qam", "Translate the aftercare change, signed off by a Spanish-reading clinician")
    assert publish(tmp_path / "public", REAL_URL, preview=False, root=reviewed_history) == []
    assert "This sentence was added after the review." in (
        tmp_path / "public" / "aftercare" / "index.html").read_text(encoding="utf-8")
    assert "Esta oración se añadió" in (tmp_path / "public" / translation.replace(".md", "") / "index.html").read_text(
        encoding="utf-8")


def test_without_the_history_signed_pages_stay_signed_and_a_changed_one_blocks(reviewed_history: Path,
                                                                              tmp_path: Path) -> None:
    """A shallow clone (some hosts build from one) cannot find the signed version of a changed page, so that page
    blocks; the pages whose text is the signed version need no history at all."""
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{reviewed_history}", str(shallow)], check=True)
    blocking = unreviewed_pages(shallow, date(2026, 11, 25))
    assert len(blocking) == 1 and blocking[0].startswith("docs/aftercare.md: changed since test-reviewer's sign-off")


def test_a_preview_tells_search_engines_not_to_index_it(project: Path, tmp_path: Path) -> None:
    publish(tmp_path / "public", REAL_URL, preview=True, root=project)
    assert "Disallow: /" in (tmp_path / "public" / "robots.txt").read_text(encoding="utf-8")
    assert "X-Robots-Tag: noindex" in (tmp_path / "public" / "_headers").read_text(encoding="utf-8")
