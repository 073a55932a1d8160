"""A failed build never replaces the published site."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from scripts.release.build import build_and_swap
from tests.conftest import copy_project


def test_a_broken_link_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the published site", encoding="utf-8")
    page = project / "docs" / "before.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [this](no-such-page.md).\n", encoding="utf-8")
    with pytest.raises(subprocess.CalledProcessError):
        build_and_swap(site, project, {"PYTHONPATH": str(project)})
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the published site"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


def test_a_good_build_replaces_the_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    site.mkdir()
    (site / "stale.html").write_text("old", encoding="utf-8")
    build_and_swap(site, project, {"PYTHONPATH": str(project)})
    assert not (site / "stale.html").exists()
    assert (site / "aftercare" / "index.html").exists()


def test_a_web_server_can_read_the_new_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    build_and_swap(site, project, {"PYTHONPATH": str(project)})
    assert site.stat().st_mode & 0o055 == 0o055, oct(site.stat().st_mode)


def test_outside_git_the_sitemap_is_dated_today_not_1970(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A copy without .git (or a CI checkout git refuses to read) has no commit date to use."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    build_and_swap(site, project, {"PYTHONPATH": str(project)})
    dates = set(re.findall(r"<lastmod>([\d-]+)</lastmod>", (site / "sitemap.xml").read_text(encoding="utf-8")))
    today = {date.today().isoformat(), datetime.now(UTC).date().isoformat()}
    assert dates and dates <= today, dates
