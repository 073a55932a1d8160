"""The content check holds the Spanish pages to the same standard as the English ones: Spanish claims (whole
words, with or without accents), a reading ease for Spanish, the link to the English page each translates,
and a translation left behind when its English page changes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scripts.content.check import check_site
from scripts.site.front_matter import load_front_matter
from scripts.site.languages import translations
from scripts.site.page_version import page_version
from scripts.site.settings import load_settings
from tests.conftest import ROOT, copy_project
from tests.project_changes import bring_translations_up_to_date, git

ENGLISH, SPANISH = sorted(translations(ROOT, "es").items())[0]  # e.g. aftercare.md, es/cuidados-despues.md


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def found(project: Path, severity: str = "error") -> list[str]:
    return [str(problem) for problem in check_site(project) if problem.severity == severity]


def add_paragraph(project: Path, page: str, text: str) -> int:
    path = project / "docs" / page
    lines = path.read_text(encoding="utf-8").split("\n")
    heading = next(n for n, line in enumerate(lines) if line.startswith("## "))
    lines[heading:heading] = [text, ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return heading + 1


def test_the_spanish_pages_pass(project: Path) -> None:
    assert not [e for e in found(project) if e.startswith("docs/es/")]


@pytest.mark.parametrize("claim", ["Es un tratamiento indoloro.", "Está aprobado por la FDA.",
                                   "Los resultados son garantizados.", "Es un tratamiento sin dolor.",
                                   "La FDA dice que el aparato funciona bien."])
def test_a_banned_spanish_claim_with_or_without_accents(project: Path, claim: str) -> None:
    line = add_paragraph(project, SPANISH, claim)
    assert any(e.startswith(f"docs/{SPANISH}:{line}:") and "is a claim we must not make" in e for e in found(project))


def test_a_hard_spanish_sentence(project: Path) -> None:
    hard = ("La administración concomitante de anticoagulantes orales incrementa considerablemente la probabilidad "
            "de hematomas, equimosis y complicaciones hemorrágicas postoperatorias prolongadas en determinados "
            "pacientes susceptibles, independientemente de la profundidad utilizada durante el procedimiento.")
    line = add_paragraph(project, SPANISH, hard)
    assert any(e.startswith(f"docs/{SPANISH}:{line}: this sentence has") for e in found(project))


def test_a_translation_without_its_link_to_the_english_page(project: Path) -> None:
    path = project / "docs" / SPANISH
    path.write_text(path.read_text(encoding="utf-8").replace(f"translation_of: {ENGLISH}", "translation_of: "
                                                              "after-care.md"), encoding="utf-8")
    assert any(e.startswith(f"docs/{SPANISH}") and "'translation_of' is 'after-care.md'" in e for e in found(project))




def test_a_translation_left_behind_by_its_english_page(project: Path) -> None:
    """The translation names the English version it translates; no git is needed to see the English page move on."""
    bring_translations_up_to_date(project)
    assert not [w for w in found(project, "warning") if w.startswith(f"docs/{SPANISH}")]
    before = page_version(project, project / "docs" / ENGLISH)
    add_paragraph(project, ENGLISH, "A new sentence in English.")
    after = page_version(project, project / "docs" / ENGLISH)
    assert any(w.startswith(f"docs/{SPANISH}") and f"docs/{ENGLISH} is now version {after}, and this translation "
               f"covers version {before}: update the translation, then set translated_from: {after}" in w
               for w in found(project, "warning"))


def test_new_page_starts_the_spanish_version_of_an_english_page(project: Path) -> None:
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "Pages")
    subprocess.run([sys.executable, "-m", "scripts.content.new_page", "¿Cuánto dura el enrojecimiento?",
                    "--translates", ENGLISH], cwd=project, check=True, capture_output=True)
    page = project / "docs" / "es" / "cuanto-dura-el-enrojecimiento.md"
    meta = load_front_matter(page.read_text(encoding="utf-8"))
    assert meta["translation_of"] == ENGLISH and meta["translated_from"] == page_version(project,
                                                                                        project / "docs" / ENGLISH)
    english_id = load_front_matter((project / "docs" / ENGLISH).read_text(encoding="utf-8")).get("page_id")
    assert meta["title"] == "¿Cuánto dura el enrojecimiento?" and not meta.get("reviewed_by")
    assert meta.get("page_id") == english_id  # its sign-offs are logged under the page's one id
    assert "cuanto-dura-el-enrojecimiento.md" in load_settings(project / "mkdocs.es.yml")["nav"]
