"""Placeholders put the clinic's details into page text; an unknown one fails the build with file and line."""

from __future__ import annotations

from pathlib import Path

import markdown

from scripts.placeholders import PlaceholderExtension, unknown_placeholders
from tests.conftest import copy_project, run_build

CLINIC = {"name": "Alladerm", "phone": "949 916 7166"}


def render(text: str) -> str:
    return markdown.markdown(text, extensions=[PlaceholderExtension(clinic=CLINIC)])


def test_phone_placeholder_renders_a_tap_to_call_link() -> None:
    html = render("Call [{{ clinic.phone }}]({{ clinic.phone_tel }}) at {{ clinic.name }}.")
    assert html == '<p>Call <a href="tel:+19499167166">(949) 916-7166</a> at Alladerm.</p>'


def test_unknown_placeholder_is_found_with_its_line() -> None:
    assert unknown_placeholders("Hello\n\nCall {{ clinic.fone }}", CLINIC) == [(3, "clinic.fone")]


def test_unknown_placeholder_stops_the_build_naming_file_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "during.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nCall {{ clinic.fone }} today.\n", encoding="utf-8")
    line = page.read_text(encoding="utf-8").splitlines().index("Call {{ clinic.fone }} today.") + 1
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/during.md:{line}: unknown placeholder '{{{{ clinic.fone }}}}'" in result.stderr
