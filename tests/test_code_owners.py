"""GitHub asks the medical reviewers for what is clinical, and only that (.github/CODEOWNERS, issue 23): every
clinical page in every language and folder, the includes, the sources and the claims lists; never the settings
marketing changes or a page without medical content."""

from __future__ import annotations

from pathlib import Path

from scripts.content.code_owners import (
    CODEOWNERS,
    clinical_files,
    code_owner_problems,
    everyday_files,
    owners_of,
    rules,
)
from scripts.content.new_page import new_page
from scripts.release.build import copy_project
from scripts.site.front_matter import load_front_matter
from tests.conftest import ROOT


def test_every_clinical_file_and_no_everyday_file_asks_the_medical_reviewers() -> None:
    found = rules((ROOT / CODEOWNERS).read_text(encoding="utf-8"))
    assert [path for path in clinical_files(ROOT) if not owners_of(path, found)] == []
    assert [path for path in everyday_files(ROOT) if owners_of(path, found)] == []
    assert "mkdocs.yml" in everyday_files(ROOT) and any(path.startswith("docs/es/") for path in clinical_files(ROOT))
    assert code_owner_problems(ROOT) == []


def test_a_rule_for_every_page_in_docs_is_reported_both_ways(tmp_path: Path) -> None:
    """The companion: `docs/*.md` misses docs/es/ and the includes, and asks a clinician for an everyday page."""
    project = copy_project(ROOT, tmp_path / "project")
    (project / CODEOWNERS).parent.mkdir(parents=True, exist_ok=True)
    (project / CODEOWNERS).write_text("# docs/*.md  @MEDICAL-REVIEWER\n# data/sources.yml  @MEDICAL-REVIEWER\n",
                                      encoding="utf-8")
    messages = [problem.message for problem in code_owner_problems(project)]
    assert any(m.startswith("docs/es/") and "no rule asks the medical reviewers" in m for m in messages), messages
    assert any(m.startswith("docs/_includes/") for m in messages)
    everyday = next(page.name for page in sorted((project / "docs").glob("*.md"))  # e.g. the contact page
                    if load_front_matter(page.read_text(encoding="utf-8")).get("clinical") is False)
    assert any(m.startswith(f"docs/{everyday} has no medical content") for m in messages)


def test_a_new_clinical_page_gets_its_rule(tmp_path: Path) -> None:
    project = copy_project(ROOT, tmp_path / "project")
    (project / CODEOWNERS).parent.mkdir(parents=True, exist_ok=True)
    (project / CODEOWNERS).write_text((ROOT / CODEOWNERS).read_text(encoding="utf-8"), encoding="utf-8")
    page = new_page("Can I wear make-up after it?", project / "docs")
    found = rules((project / CODEOWNERS).read_text(encoding="utf-8"))
    assert owners_of(page.relative_to(project).as_posix(), found) == ["@MEDICAL-REVIEWER"]
    assert code_owner_problems(project) == []
