"""Marketing's everyday changes, each made alone in a copy of the project as the README and CONTRIBUTING
describe them, pass the content check and the build; all of them together also pass the fast tests. So a pull
request that changes the phone number or adds a promotion goes green."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from scripts.content.journey import JOURNEY
from scripts.site.languages import ENGLISH
from tests.conftest import REQUIRE_SOURCE_MATERIAL, ROOT, TEST_TODAY, copy_project, run_build
from tests.project_changes import move_page, page_with_sections, reword_heading, set_settings


def new_phone(project: Path) -> None:
    set_settings(project, {("extra", "clinic", "phone"): "(714) 555-0142"})


def hours_with_a_closed_day(project: Path) -> None:
    set_settings(project, {("extra", "clinic", "hours"): [
        {"day": day, "opens": "09:00", "closes": "17:30"} for day in ("Monday", "Tuesday", "Wednesday")
    ] + [{"day": "Saturday", "opens": "10:00", "closes": "14:00"}, {"day": "Sunday", "closed": True}]})


def a_booking_link(project: Path) -> None:
    set_settings(project, {("extra", "clinic", "booking_url"): "https://booking.example.org/our-clinic"})


def a_promotion(project: Path) -> None:
    set_settings(project, {("extra", "promotions"): [
        {"text": "Ask about our winter consultation offer.", "link": "/contact/", "start": "2026-11-01",
         "end": "2026-12-31"}]})


def a_new_page(project: Path) -> None:
    subprocess.run([sys.executable, "-m", "scripts.content.new_page", "Can I bring someone with me?",
                    "--not-clinical"], cwd=project, check=True, capture_output=True)
    page = project / "docs" / "can-i-bring-someone-with-me.md"
    text = page.read_text(encoding="utf-8").replace('description: ""', 'description: "Yes, a friend or family '
                                                                      'member can come with you to your visit."', 1)
    text = re.sub(r"<!--.*?-->", "Yes. A friend or family member can come with you. They can wait with you.", text,
                  count=1, flags=re.S)
    page.write_text(text, encoding="utf-8")


def a_reworded_heading(project: Path) -> None:
    reword_heading(project)


def a_moved_page(project: Path) -> None:
    # A journey page has the same file name in every treatment (scripts/content/journey.py), so the page marketing
    # moves is one outside the journey.
    page = page_with_sections(project, skip=tuple(stage.files[ENGLISH] for stage in JOURNEY))
    move_page(project, page, "moved-" + page)


CHANGES: dict[str, Callable[[Path], None]] = {
    "new phone": new_phone, "hours with a closed day": hours_with_a_closed_day, "a booking link": a_booking_link,
    "a promotion": a_promotion, "a new page": a_new_page, "a reworded heading": a_reworded_heading,
    "a moved page": a_moved_page,
}


@pytest.mark.parametrize("change", CHANGES)
def test_an_everyday_change_passes_the_content_check_and_the_build(change: str, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    CHANGES[change](project)
    check = subprocess.run([sys.executable, "-m", "scripts.content.check"], cwd=project, capture_output=True,
                           text=True, env={"PATH": "/usr/bin:/bin", "SITE_TODAY": TEST_TODAY})
    assert check.returncode == 0, check.stdout + check.stderr
    build = run_build(project, tmp_path / "site", SITE_TODAY=TEST_TODAY)
    assert build.returncode == 0, build.stderr


@pytest.mark.longest
def test_all_of_them_together_pass_the_fast_tests(tmp_path: Path) -> None:
    """The whole repository (as git tracks it, tests included) with every change made."""
    project = tmp_path / "project"
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for name in tracked.split():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, project / name)
    for change in CHANGES.values():
        change(project)
    # The copy has no reference material beside it, as in a user's clone: its tests skip there, even under CI.
    environment = {key: value for key, value in os.environ.items() if key != REQUIRE_SOURCE_MATERIAL}
    result = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-x", "-n", "2",
                             "--fast", "-rs"],
                            cwd=project, capture_output=True, text=True, env=environment)
    assert result.returncode == 0, result.stdout[-4000:]
