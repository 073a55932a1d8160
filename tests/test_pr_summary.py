"""The pull-request summary tells reviewers which pages changed, their reading grades before and after, what the
content check found, which new addresses the URL contract will list, and where the screenshots and the review
packets of the changed clinical pages are."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.release.pr_summary import summary
from scripts.site.front_matter import load_front_matter
from scripts.site.page_version import page_version
from tests.conftest import copy_project
from tests.project_changes import git, page_with_sections


def test_the_summary_lists_changed_pages_grades_and_new_addresses(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in (("GITHUB_SERVER_URL", "https://github.example"), ("GITHUB_REPOSITORY", "clinic/guide"),
                        ("GITHUB_RUN_ID", "42")):
        monkeypatch.setenv(name, value)
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "main")
    git(project, "checkout", "-qb", "edit")
    page = page_with_sections(project)
    path = project / "docs" / page
    path.write_text(path.read_text(encoding="utf-8") + "\n## Can I bring a friend? {#bring-a-friend}\n\nYes.\n",
                    encoding="utf-8")
    git(project, "commit", "-qam", "A new section")
    text = summary(project, "main")
    row = next(line for line in text.splitlines() if line.startswith(f"| `docs/{page}` |"))
    before, after = (float(cell.split()[0]) for cell in row.strip("|").split("|")[1:])
    assert before > 0 and after > 0
    assert "#bring-a-friend" in text and "The content check passed." in text
    assert "\n## Go-live readiness on " in text and "### 1. Blocks publishing" in text  # make readiness, as a section
    run = "(https://github.example/clinic/guide/actions/runs/42)"
    assert f"the `screenshots` artifact of [this run]{run}" in text
    clinical = load_front_matter(path.read_text(encoding="utf-8")).get("clinical") is True
    assert (f"the `review-packets` artifact of [this run]{run}" in text) is clinical
    assert (f"- `docs/{page}`: packet `{page_version(project, path)}`" in text) is clinical
