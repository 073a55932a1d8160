"""The clinic's answers are typed and lawful, named by one schema, shown in each page's language, and the clinical
ones reach patients only as a clinician signed them. Each refused value is refused with its rule, file and line;
each allowed value passes (issue 24)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts.built_site import target_file
from scripts.content.check import check_site
from scripts.problems import Severity
from scripts.release.build import build_into
from scripts.site.addresses import page_url
from scripts.site.answer_schema import ANSWERS_FILE, SCHEMA
from scripts.site.answers import answers_problems, read_answers
from scripts.site.languages import languages
from scripts.site.page_details import for_treatment, page_details
from scripts.site.placeholders import conditional_blocks, placeholder_values
from scripts.site.settings import load_settings, setting_line
from tests.conftest import ROOT, TEST_TODAY, copy_project
from tests.project_changes import first_treatment, give_answers, set_settings

GOOD_CLINIC = {"supervising_physician": {"name": "A. Example", "degree": "MD",
                                         "licence": {"board": "Test Medical Board", "number": "TEST-1"}},
               "after_hours_phone": "(714) 555-0142"}
GOOD_TREATMENT = {"device_name": "Pen X 2", "device_clearance": "K202243", "device_min_age": 22,
                  "adds_serums": "no", "adds_prp": False, "performer_roles": ["registered_nurse", "physician"]}


# The copies' own day line: the after-hours rules are tested against it, whatever the clinic's is.
DAY_LINE = "(714) 555-0100"


def copy_with_day_line(destination: Path) -> Path:
    project = copy_project(destination)
    set_settings(project, {("extra", "clinic", "phone"): DAY_LINE})
    return project


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_with_day_line(tmp_path_factory.mktemp("answers") / "project")


def write_answers(project: Path, clinic: dict[str, Any], treatment: dict[str, Any]) -> None:
    data = {"clinic": {**{key: "" for key in ("after_hours_phone",)}, **clinic},
            "treatments": {first_treatment(project): treatment}}
    (project / ANSWERS_FILE).write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def shown_values(project: Path) -> dict[str, str]:
    """What a page of the first treatment shows, by placeholder name."""
    return placeholder_values(for_treatment(page_details(project / "mkdocs.yml"), first_treatment(project)))


def findings(project: Path) -> list[tuple[str, int, str, Severity]]:
    return [(problem.path, problem.line, problem.message, problem.severity)
            for problem in answers_problems(project, project / "mkdocs.yml")]


def test_the_real_answers_are_empty_and_valid() -> None:
    """Never an invented answer: the clinical answers ship empty, and nothing is wrong with them."""
    data = read_answers(ROOT)
    assert not any(value for value in data["clinic"].values() if isinstance(value, str))
    assert not any(value for answers in data["treatments"].values() for value in answers.values())
    assert answers_problems(ROOT, ROOT / "mkdocs.yml") == []


def test_every_answer_the_clinic_can_give_has_a_schema_entry() -> None:
    """Each key of extra.clinic, each treatment's answers in extra.treatments and data/answers.yml is in the one
    schema, with its question (a treatment's name in other words, its folder and readiness are not answers)."""
    extra = load_settings(ROOT / "mkdocs.yml")["extra"]
    data = read_answers(ROOT)
    keyed = {(answer.home, answer.key) for answer in SCHEMA}
    offered = {key for entry in extra["treatments"].values() for key in entry if key not in ("ready", "folder")}
    given = ({("clinic", key) for key in extra["clinic"]} | {("treatment", key) for key in offered}
             | {("clinical", key) for key in data["clinic"]}
             | {("treatment clinical", key) for answers in data["treatments"].values() for key in answers})
    assert given - keyed == set()
    assert all(answer.question.endswith("?") and answer.why and answer.where for answer in SCHEMA)


def test_all_lawful_answers_pass(project: Path) -> None:
    write_answers(project, GOOD_CLINIC, GOOD_TREATMENT)
    assert findings(project) == []


@pytest.mark.parametrize(("section", "key", "value", "rule"), [
    ("treatment", "performer_roles", ["esthetician"], "Board of Barbering and Cosmetology, whose licensees may not "
                                                      "pierce the skin beyond the epidermis (16 CCR 991)"),
    ("treatment", "performer_roles", ["medical assistant"], "medical assistants are not licensed to do it"),
    ("treatment", "performer_roles", ["licensed vocational nurse"], "vocational nurses are not among them"),
    ("treatment", "performer_roles", ["skin wizard"], "it is not one of the roles that may do it"),
    ("treatment", "device_name", "FDA-approved SkinPen", "\"FDA-approved\" is a claim the FDA calls misleading"),
    ("treatment", "device_name", "Painless Pen", "'painless' is a claim we must not make"),
    ("treatment", "device_clearance", "510k 123", "write the FDA number from the device's paperwork, K or DEN"),
    ("treatment", "device_min_age", "twenty-two", "write the youngest age the device is cleared for, as a whole"),
    ("treatment", "adds_serums", "sometimes", "write yes or no"),
    ("clinic", "supervising_physician", "Nurse Jackie", "write the doctor as {name: Jane Doe, degree: MD"),
    ("clinic", "supervising_physician", {"name": "Jackie", "degree": "RN", "licence": {"board": "B", "number": "1"}},
     "degree MD or DO"),
    ("clinic", "after_hours_phone", DAY_LINE, "is the clinic's day line"),
])
def test_a_refused_answer_names_its_rule_and_line(project: Path, section: str, key: str, value: Any,
                                                  rule: str) -> None:
    clinic, treatment = dict(GOOD_CLINIC), dict(GOOD_TREATMENT)
    (clinic if section == "clinic" else treatment)[key] = value
    write_answers(project, clinic, treatment)
    path = ("clinic", key) if section == "clinic" else ("treatments", first_treatment(project), key)
    errors = [(file, line, message) for file, line, message, severity in findings(project)
              if severity is Severity.ERROR]
    assert errors, (key, value)
    file, line, message = errors[0]
    assert file == ANSWERS_FILE.as_posix() and rule.lower() in message.lower(), errors
    # The line of the setting, or of the list item that is wrong.
    assert line > 0 and line in (setting_line(project / ANSWERS_FILE, *path),
                                 setting_line(project / ANSWERS_FILE, *path, 0))


def test_a_nurse_needs_a_supervising_doctor(project: Path) -> None:
    write_answers(project, {"after_hours_phone": ""}, {"performer_roles": ["registered_nurse"]})
    assert any("may do it only under a doctor's supervision: fill in supervising_physician" in message
               for _, _, message, _ in findings(project))


@pytest.mark.parametrize(("key", "value", "warning"), [
    ("device_clearance", "P123456", "a premarket approval (P) number"),
    ("device_min_age", 12, "lists uses for people aged 22 and older"),
])
def test_an_unlikely_answer_is_a_warning(project: Path, key: str, value: Any, warning: str) -> None:
    write_answers(project, GOOD_CLINIC, {**GOOD_TREATMENT, key: value})
    assert [(message, severity) for _, _, message, severity in findings(project) if warning in message] == [
        (next(message for _, _, message, _ in findings(project) if warning in message), Severity.WARNING)]


def test_a_forwarded_day_line_may_be_the_after_hours_line(project: Path) -> None:
    write_answers(project, {**GOOD_CLINIC, "after_hours_phone": DAY_LINE, "after_hours_forwarded": True},
                  GOOD_TREATMENT)
    assert findings(project) == []


@pytest.mark.parametrize("price", ["$99 guaranteed results", {"from": 450, "to": 300, "per": "session"},
                                   {"from": 300, "to": 450, "per": "visit"}])
def test_a_price_is_whole_dollars_from_and_to_per_session_area_or_package(project: Path, price: Any) -> None:
    setting = ("extra", "treatments", first_treatment(project), "price")
    set_settings(project, {setting: price})
    errors = [(file, line, message) for file, line, message, _ in findings(project)]
    assert errors and errors[0][0] == "mkdocs.yml" and "'price'" in errors[0][2]
    assert errors[0][1] == setting_line(project / "mkdocs.yml", *setting)
    set_settings(project, {setting: {"from": 300, "to": 450, "per": "session"}})
    assert findings(project) == []


@pytest.mark.parametrize(("path", "text", "claim"), [
    (("site_description",), "Painless microneedling with no downtime.", "'painless' is a claim"),
    (("extra", "treatments", "FIRST", "name"), "FDA-approved microneedling", "is a claim we must not make"),
    (("extra", "ui", "review_label"), "Guaranteed results", "is a claim we must not make"),
])
def test_settings_texts_every_page_shows_are_claim_checked(tmp_path: Path, path: tuple[str, ...], text: str,
                                                           claim: str) -> None:
    project = copy_project(tmp_path / "project")
    path = tuple(first_treatment(project) if part == "FIRST" else part for part in path)
    set_settings(project, {path: text})
    errors = [problem for problem in check_site(project) if problem.severity is Severity.ERROR]
    assert any(problem.path == "mkdocs.yml" and claim.lower() in problem.message.lower()
               and problem.line == setting_line(project / "mkdocs.yml", *path) for problem in errors), errors


def test_a_spanish_template_word_is_held_to_the_spanish_claims(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.es.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("review_label: Revisión médica",
                                                                 "review_label: Aprobado por la FDA"), encoding="utf-8")
    assert any(problem.path == "mkdocs.es.yml" and "aprobado por la fda" in problem.message.lower()
               for problem in check_site(project) if problem.severity is Severity.ERROR)


def test_unsigned_clinical_answers_are_not_shown_and_the_check_says_why(tmp_path: Path) -> None:
    project = copy_with_day_line(tmp_path / "project")
    give_answers(project, GOOD_CLINIC, GOOD_TREATMENT, signed=False)
    values = shown_values(project)
    assert values["treatment.performer_roles"] == "" and values["clinic.supervising_physician"] == ""
    warnings = [problem.message for problem in check_site(project) if problem.severity is Severity.WARNING]
    assert any("the clinical answers are filled in but not signed off" in message for message in warnings)


def test_signed_answers_show_until_changed_and_a_phone_change_shows_at_once(tmp_path: Path) -> None:
    project = copy_with_day_line(tmp_path / "project")
    give_answers(project, GOOD_CLINIC, GOOD_TREATMENT)
    values = shown_values(project)
    assert values["treatment.performer_roles"] == "a registered nurse (RN) or a doctor (MD or DO)"
    give_answers(project, treatment={"performer_roles": ["physician"]}, signed=False)  # changed, not signed
    set_settings(project, {("extra", "clinic", "phone"): "(714) 555-0199"})
    values = shown_values(project)
    assert values["treatment.performer_roles"] == "" and values["treatment.device_name"] == ""
    assert values["clinic.phone"] == "(714) 555-0199"


@pytest.fixture(scope="module")
def answered_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build with every answer given and signed, and a price."""
    project = copy_with_day_line(tmp_path_factory.mktemp("answered") / "project")
    give_answers(project, GOOD_CLINIC, GOOD_TREATMENT)
    set_settings(project, {("extra", "treatments", first_treatment(project), "price"): {"from": 300, "to": 1450,
                                                                                     "per": "session"}})
    site = tmp_path_factory.mktemp("answered-site")
    build_into(site, project, {"SITE_TODAY": TEST_TODAY})
    return site


def page_text(site: Path, page: str) -> str:
    return target_file(site, page_url(page)).read_text(encoding="utf-8")


def page_showing(placeholder: str, language: str = "en") -> str:
    """The page (inside docs/) of a language that shows an answer, found by its placeholder, never by its name."""
    found = languages(ROOT)[0 if language == "en" else 1]
    return next(found.key(page) for page in found.pages if placeholder in page.read_text(encoding="utf-8"))


def test_the_spanish_pages_show_the_role_and_the_price_in_spanish(answered_site: Path) -> None:
    role_page = page_text(answered_site, page_showing("{{ treatment.performer_roles }}", "es"))
    price_page = page_text(answered_site, page_showing("{{ treatment.price }}", "es"))
    assert ("En nuestra clínica, el tratamiento lo hace una enfermera o un enfermero registrado (RN) o un médico o "
            "una médica (MD o DO).") in role_page
    assert "de $300 a $1,450 por sesión" in price_page and "a session" not in price_page


def test_the_english_pages_show_them_in_english(answered_site: Path) -> None:
    assert "At our clinic, a registered nurse (RN) or a doctor (MD or DO) does the treatment." in page_text(
        answered_site, page_showing("{{ treatment.performer_roles }}"))
    assert "Our usual price is $300 to $1,450 a session." in page_text(answered_site,
                                                                       page_showing("{{ treatment.price }}"))


def test_a_signed_answer_changed_since_shows_ask_us_on_the_built_page_until_signed_again(tmp_path: Path) -> None:
    project = copy_with_day_line(tmp_path / "project")
    give_answers(project, GOOD_CLINIC, GOOD_TREATMENT)
    give_answers(project, treatment={"performer_roles": ["physician"]}, signed=False)  # a change nobody signed
    key = page_showing("{{ treatment.performer_roles }}")
    block = next(found for found in conditional_blocks((project / "docs" / key).read_text(encoding="utf-8"))
                 if found.name == "treatment.performer_roles")
    ask_us = " ".join(block.text_else.split()[:6])
    answered = block.text_if.split("{{")[0].strip()  # the answered sentence's words before the answer
    build_into(tmp_path / "site", project, {"SITE_TODAY": TEST_TODAY})
    html = page_text(tmp_path / "site", key)
    assert ask_us in html and answered not in html
    give_answers(project, treatment={"performer_roles": ["physician"]})  # signed again
    build_into(tmp_path / "site", project, {"SITE_TODAY": TEST_TODAY})
    html = page_text(tmp_path / "site", key)
    assert f"{answered} a doctor (MD or DO)" in html and ask_us not in html
