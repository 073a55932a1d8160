"""The GitHub issue form "Clinic answers" is the schema's questions, kept in step with it, and lets the clinic name
only the lawful roles (data/roles.yml) as who does the treatment."""

from __future__ import annotations

import yaml

from scripts.release.clinic_issue_form import FORM, issue_form
from scripts.site.answer_schema import SCHEMA
from scripts.site.answers import load_roles
from tests.conftest import ROOT


def test_the_form_is_made_from_the_schema_as_it_is() -> None:
    assert (ROOT / FORM).read_text(encoding="utf-8") == issue_form(ROOT), \
        f"{FORM.as_posix()} is out of step with the schema: run python -m scripts.release.clinic_issue_form"


def test_every_answer_is_asked_and_only_lawful_roles_can_be_chosen() -> None:
    fields = {field["id"]: field for field in yaml.safe_load(issue_form(ROOT))["body"] if "id" in field}
    assert [field["attributes"]["label"] for field in fields.values()] == [
        answer.question for answer in sorted(SCHEMA, key=lambda answer: not answer.clinical)]
    roles = fields["treatment-performer_roles"]
    assert roles["type"] == "dropdown"
    chosen = [option.rsplit("(", 1)[1].rstrip(")") for option in roles["attributes"]["options"]]
    assert chosen == list(load_roles(ROOT).allowed)
