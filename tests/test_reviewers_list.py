"""Who may sign (data/reviewers.yml): the list ships without a single invented person, a listed clinician is
complete before their sign-off counts, and the about pages name each one with their tie to the clinic."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from scripts.built_site import target_file
from scripts.content.review_record import registry_problems
from scripts.release.build import build_into
from scripts.site.addresses import page_url
from scripts.site.reviewers import REVIEWERS_FILE, load_registry
from tests.conftest import ROOT, TEST_TODAY, copy_project
from tests.project_changes import CREDENTIALS, TEST_REVIEWER_NAME, list_test_reviewer

TODAY = date.fromisoformat(TEST_TODAY)


def test_the_list_ships_with_nobody_in_it_and_a_valid_policy() -> None:
    """Never an invented reviewer: the real list is empty until the clinic names someone (its example is a comment)."""
    assert load_registry(ROOT).reviewers == {}
    assert registry_problems(ROOT, ["en", "es"], TODAY) == []


def test_an_incomplete_reviewer_is_reported_at_their_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    registry = project / REVIEWERS_FILE
    data = yaml.safe_load(registry.read_text(encoding="utf-8"))
    data["reviewers"] = [{"id": "jo", "name": "Jo Example", "role": "esthetician", "languages": ["en", "es"],
                          "credentials": {"en": "Licensed esthetician"},
                          "relationship": {"en": "Staff", "es": "Personal"}, "since": "2026-01-01"}]
    data["policy"]["signers"] = ["physician", "esthetician"]
    registry.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    line = registry.read_text(encoding="utf-8").splitlines().index("- id: jo") + 1
    found = [(problem.line, problem.message) for problem in registry_problems(project, ["en", "es"], TODAY)]
    assert (0, "policy 'signers' is ['physician', 'esthetician']: list one or more of physician, physician_assistant, "
               "nurse_practitioner, registered_nurse") in found
    messages = [message for where, message in found if where == line]
    assert any("role 'esthetician' is not one we know" in message for message in messages)
    assert any("credentials: in es" in message for message in messages)
    assert any("license board and number" in message for message in messages)
    assert any("when and by whom the license was last looked up" in message for message in messages)


def test_the_about_pages_name_each_reviewer_and_their_tie_to_the_clinic(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    list_test_reviewer(project)
    site = tmp_path / "site"
    build_into(site, project, {"SITE_TODAY": TEST_TODAY})
    english = target_file(site, page_url("about.md")).read_text(encoding="utf-8")
    spanish = target_file(site, page_url("es/acerca-de.md")).read_text(encoding="utf-8")
    assert f"<li>{TEST_REVIEWER_NAME}, {CREDENTIALS['en']}: none: a test fixture.</li>" in english
    assert f"<li>{TEST_REVIEWER_NAME}, {CREDENTIALS['es']}: none: a test fixture.</li>" in spanish


def test_while_nobody_is_listed_the_about_pages_list_nobody(built_site: Path) -> None:
    for page in ("about.md", "es/acerca-de.md"):
        html = target_file(built_site, page_url(page)).read_text(encoding="utf-8")
        assert "review these pages, and how" not in html and "revisan estas páginas, y su relación" not in html
