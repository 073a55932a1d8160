"""Placeholders put the clinic's details into page text; an unknown or empty one fails the build with file and line."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from scripts.site.placeholders import PlaceholderExtension, placeholder_problems
from tests.conftest import ROOT, copy_project, run_build
from tests.project_changes import page_with_sections, set_settings

# A page of a treatment none of whose answers is given yet.
CLINIC = {"name": "Alladerm", "phone": "949 916 7166", "treatment": {}}


def render(text: str) -> str:
    return markdown.markdown(text, extensions=[PlaceholderExtension(clinic=CLINIC)])


def test_phone_placeholder_renders_a_tap_to_call_link() -> None:
    html = render("Call [{{ clinic.phone }}]({{ clinic.phone_tel }}) at {{ clinic.name }}.")
    assert html == '<p>Call <a href="tel:+19499167166">(949) 916-7166</a> at Alladerm.</p>'


def test_unknown_placeholder_is_found_with_its_line() -> None:
    [(line, message)] = placeholder_problems("Hello\n\nCall {{ clinic.fone }}", CLINIC)
    assert (line, message.split(":")[0]) == (3, "unknown placeholder '{{ clinic.fone }}'")


def build_with_line_added(tmp_path: Path, page_name: str, added: str, settings: dict | None = None) -> tuple[int, str]:
    """Build a copy of the project with one line added to a page (and some settings changed): the line's number
    and the build's stderr, after checking that the build failed."""
    project = copy_project(tmp_path / "project")
    set_settings(project, settings or {})
    page = project / "docs" / page_name
    page.write_text(page.read_text(encoding="utf-8") + f"\n{added}\n", encoding="utf-8")
    line = page.read_text(encoding="utf-8").splitlines().index(added) + 1
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    return line, result.stderr


def test_unknown_placeholder_stops_the_build_naming_file_and_line(tmp_path: Path) -> None:
    page = page_with_sections(ROOT)
    line, errors = build_with_line_added(tmp_path, page, "Call {{ clinic.fone }} today.")
    assert f"docs/{page}:{line}: unknown placeholder '{{{{ clinic.fone }}}}'" in errors


def test_placeholder_of_an_empty_detail_stops_the_build_instead_of_making_a_dead_link(tmp_path: Path) -> None:
    """Without a booking URL, [book]({{ clinic.booking_url }}) would be a link to nowhere."""
    page = page_with_sections(ROOT)
    line, errors = build_with_line_added(tmp_path, page, "[Book online]({{ clinic.booking_url }}).",
                                         {("extra", "clinic", "booking_url"): ""})
    assert (f"docs/{page}:{line}: '{{{{ clinic.booking_url }}}}' is empty, so the page would show nothing there "
            "(or a dead link): fill in 'booking_url' under extra: clinic: in mkdocs.yml") in errors
    assert not (tmp_path / "site" / page.removesuffix(".md") / "index.html").exists()


def test_an_empty_worked_out_detail_names_the_setting_to_fill_in() -> None:
    [(_, message)] = placeholder_problems("Text us at {{ clinic.sms_link }}", {**CLINIC, "sms": ""})
    assert "fill in 'sms' under extra: clinic:" in message


ANSWERS = ("<!-- if treatment.device_name -->\nWe use the {{ treatment.device_name }}.\n"
           "<!-- else -->\nAsk us which device we use.\n<!-- end -->")


def test_a_clinic_answer_shows_once_the_clinic_has_given_it() -> None:
    given = {**CLINIC, "treatment": {"device_name": "Pen X"}}
    html = markdown.markdown(ANSWERS, extensions=[PlaceholderExtension(clinic=given)])
    assert html == "<p>We use the Pen X.</p>"


def test_while_the_answer_is_empty_the_page_says_so_honestly() -> None:
    assert render(ANSWERS) == "<p>Ask us which device we use.</p>"
    assert placeholder_problems(ANSWERS, CLINIC) == []


@pytest.mark.parametrize(("answer", "shown"), [(True, "We do."), (False, "We do not."), ("", "Ask us.")])
def test_a_yes_or_no_answer_picks_its_sentence(answer: object, shown: str) -> None:
    text = ("<!-- if treatment.adds_prp is yes -->\nWe do.\n<!-- end -->\n\n"
            "<!-- if treatment.adds_prp is no -->\nWe do not.\n<!-- end -->\n\n"
            "<!-- if not treatment.adds_prp -->\nAsk us.\n<!-- end -->")
    given = {**CLINIC, "treatment": {"adds_prp": answer}}
    html = markdown.markdown(text, extensions=[PlaceholderExtension(clinic=given)])
    assert html == f"<p>{shown}</p>"


def test_a_page_of_no_treatment_cannot_show_a_treatments_answer() -> None:
    """A shared page (contact, about) has no treatment, so it cannot silently show one treatment's price."""
    [(line, message)] = placeholder_problems("Intro\n\nIt costs {{ treatment.price }}.", {**CLINIC, "treatment": None})
    assert line == 3 and "this page belongs to no treatment" in message and "treatment: KEY" in message


@pytest.mark.parametrize(("text", "line", "start"), [
    ("Intro\n<!-- if treatment.device_name -->\nText", 2, "this <!-- if --> is never closed"),
    ("Intro\n\n<!-- end -->", 3, "<!-- end --> without an <!-- if -->"),
    ("<!-- if clinic.devise_name -->\nText\n<!-- end -->", 1, "unknown placeholder '{{ clinic.devise_name }}': "
     "check the spelling; did you mean {{ treatment.device_name }}?"),
])
def test_a_badly_written_answer_block_is_named_with_its_line(text: str, line: int, start: str) -> None:
    [(found_line, message)] = placeholder_problems(text, CLINIC)
    assert found_line == line and message.startswith(start)


@pytest.mark.parametrize(("text", "refused"), [
    ("We use the {{ treatment.device_name }}.", True),
    ("<!-- if not treatment.device_name -->\nAsk us.\n<!-- else -->\nWe use the {{ treatment.device_name }}.\n"
     "<!-- end -->", False),
    ("<!-- if treatment.device_clearance -->\nWe use the {{ treatment.device_name }}.\n<!-- end -->", True),
    ("<!-- if treatment.device_name -->\nWe use the {{ treatment.device_name }}.\n<!-- end -->", False),
    ("Call [{{ clinic.phone }}]({{ clinic.phone_tel }}).", False),  # the office's details need no block
])
def test_a_clinical_answer_sits_inside_its_own_answered_wording(text: str, refused: bool) -> None:
    """Emptying a clinical answer (unanswered, or changed since its sign-off) must never break a sentence."""
    given = {**CLINIC, "treatment": {"device_name": "Pen X", "device_clearance": "K202243"}}
    messages = [message for _, message in placeholder_problems(text, given)]
    assert any("is a clinical answer, shown only once it is given and signed" in m for m in messages) is refused
