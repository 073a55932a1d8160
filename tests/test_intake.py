"""make intake: the clinic's questionnaire lists every answer of the schema under its part, says "not answered yet" for
each empty one, and cites every page line (in every language) that shows an answer, and only such lines; the PDF
prints every question."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

from scripts.release.intake import NOT_ANSWERED, PARTS, questionnaire, questionnaire_html, write_questionnaire
from scripts.site.answer_schema import SCHEMA, Answer
from scripts.site.answers import answer_value, answers_version, is_answered, read_answers
from scripts.site.placeholders import answers_named
from scripts.site.settings import extra_settings
from tests.conftest import ROOT, TEST_TODAY, copy_project
from tests.project_changes import TEST_REVIEWER_NAME, first_treatment, give_answers

DAY = date.fromisoformat(TEST_TODAY)
PART = re.compile(r"^## (.+)$")
ANSWER = re.compile(r"^### \d+\. .* \(`(\w+\.\w+)`\)$")
CITED = re.compile(r"`(docs/\S+\.md):(\d+)`")
# Written here apart from the code under test: a page names an answer in a placeholder or in an `if` block.
NAMED = re.compile(r"\{\{\s*([\w.]+)\s*\}\}|^\s*<!--\s*if\s+(?:not\s+)?([\w.]+)")


def _name(answer: Answer) -> str:
    return f"{answer.namespace}.{answer.key}"


def sections(text: str) -> dict[str, tuple[str, str]]:
    """Each answer's name -> (the part it is under, its heading and text up to the next answer or part)."""
    found: dict[str, tuple[str, list[str]]] = {}
    part, current = "", None
    for line in text.split("\n"):
        if heading := PART.match(line):
            part, current = heading.group(1), None
        elif heading := ANSWER.match(line):
            assert heading.group(1) not in found, f"{heading.group(1)} is asked twice"
            current = heading.group(1)
            found[current] = (part, [line])
        elif current:
            found[current][1].append(line)
    return {name: (where, "\n".join(lines)) for name, (where, lines) in found.items()}


def named_lines(root: Path) -> dict[str, set[tuple[str, int]]]:
    """Every page line of every language that names each answer, by the answer's name."""
    found: dict[str, set[tuple[str, int]]] = {}
    for page in sorted((root / "docs").rglob("*.md")):
        if "_includes" in page.parts:
            continue
        for number, line in enumerate(page.read_text(encoding="utf-8").split("\n"), 1):
            for match in NAMED.finditer(line):
                for answer in answers_named(match.group(1) or match.group(2)):
                    found.setdefault(_name(answer), set()).add((page.relative_to(root).as_posix(), number))
    return found


def _now(text: str) -> str:
    return next(line for line in text.split("\n") if line.startswith("**Now:**"))


def test_every_answer_is_asked_under_its_part_and_empty_ones_say_so() -> None:
    found = sections(questionnaire(ROOT, DAY))
    assert list(found) == [_name(answer) for answer in sorted(SCHEMA, key=lambda answer: not answer.clinical)]
    extra, data = extra_settings(ROOT / "mkdocs.yml"), read_answers(ROOT)
    parts = {clinical: title for title, clinical in PARTS}
    for answer in SCHEMA:
        part, text = found[_name(answer)]
        assert part == parts[answer.clinical], f"{_name(answer)} is under {part}"
        assert answer.question in text.split("\n")[0] and answer.why in text and answer.where in text
        # (with one treatment, its answers are asked once; first_treatment is it)
        answered = is_answered(answer_value(answer, extra, data, first_treatment(ROOT)))
        assert (NOT_ANSWERED in _now(text)) is not answered, f"{_name(answer)}: {_now(text)}"
        if answer.clinical:
            assert "make sign-off ANSWERS=1" in _now(text)


def test_every_cited_line_shows_its_answer_and_every_such_line_is_cited() -> None:
    expected = named_lines(ROOT)
    assert any(file.startswith("docs/es/") for lines in expected.values() for file, _ in lines)  # both languages
    for name, (_part, text) in sections(questionnaire(ROOT, DAY)).items():
        cited = {(file, int(line)) for file, line in CITED.findall(text)}
        for file, line in cited:
            shown = (ROOT / file).read_text(encoding="utf-8").split("\n")[line - 1]
            names = {match.group(1) or match.group(2) for match in NAMED.finditer(shown)}
            assert any(name in map(_name, answers_named(each)) for each in names), \
                f"{name} cites {file}:{line}, which does not show it: {shown!r}"
        assert cited == expected.get(name, set()), name


def test_a_placeholder_added_to_a_page_is_cited_with_its_file_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    spanish, english = project / "docs/es/riesgos.md", project / "docs/contact.md"
    with spanish.open("a", encoding="utf-8") as page:
        page.write("\nEscríbanos a {{ clinic.email }}.\n")
    email_line = len(spanish.read_text(encoding="utf-8").rstrip("\n").split("\n"))
    with english.open("a", encoding="utf-8") as page:
        page.write("\n<!-- if not clinic.sms -->\nWe cannot read texts yet.\n<!-- end -->\n")
    sms_line = len(english.read_text(encoding="utf-8").rstrip("\n").split("\n")) - 2
    found = sections(questionnaire(project, DAY))
    assert f"Spanish, `docs/es/riesgos.md:{email_line}`: “Escríbanos a «clinic.email».”" in found["clinic.email"][1]
    assert (f"English, `docs/contact.md:{sms_line}`: `<!-- if not clinic.sms -->`. While it is blank, the page says: "
            "“We cannot read texts yet.”") in found["clinic.sms"][1]


def test_clinical_answers_show_whether_signed_and_part_1_ends_with_their_version(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    # Made-up values in a copy, never the clinic's.
    give_answers(project, treatment={"device_clearance": "K000000", "adds_serums": "no"}, signed=False)
    version = answers_version(read_answers(project))
    text = questionnaire(project, DAY)
    now = _now(sections(text)["treatment.device_clearance"][1])
    assert "`K000000`" in now and "Not signed yet" in now
    assert f"version `{version}`** (not signed yet)" in text
    assert f"make sign-off ANSWERS=1 REVIEWER=__________ PACKET={version}" in text
    give_answers(project)  # signs them as they are, by a made-up clinician
    text = questionnaire(project, DAY)
    assert "Signed: pages show it." in _now(sections(text)["treatment.adds_serums"][1])
    assert f"version `{version}`** (signed)" in text and TEST_REVIEWER_NAME in text


def test_the_printable_page_fetches_nothing_and_runs_nothing() -> None:
    page = questionnaire_html(questionnaire(ROOT, DAY))
    assert "default-src 'none'" in page
    assert not re.search(r"<script|<link|<img|\bsrc=|url\(", page, re.I)


def test_the_pdf_prints_every_question(tmp_path: Path, browser: object) -> None:
    markdown_file, pdf = write_questionnaire(ROOT, tmp_path, DAY, browser)
    assert markdown_file.read_text(encoding="utf-8") == questionnaire(ROOT, DAY) + "\n"
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    missing = [answer.question for answer in SCHEMA if " ".join(answer.question.split()) not in text]
    assert not missing, missing
