"""The GitHub issue form "Clinic answers" (.github/ISSUE_TEMPLATE/clinic-answers.yml), made from the schema of the
clinic's answers: the same questions as make intake's questionnaire, for a clinic that answers on GitHub. Who may
do the treatment is a drop-down of the lawful roles in data/roles.yml only. An answer given here is not a sign-off:
staff copy it into its file, and a listed clinician signs the clinical answers there. Write it again after the
schema or the roles change (a test says when):

    python -m scripts.release.clinic_issue_form
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

from scripts.project import project_root
from scripts.release.intake import PARTS
from scripts.site.answer_schema import SCHEMA, Answer
from scripts.site.answers import load_roles
from scripts.site.languages import ENGLISH, languages

FORM = Path(".github/ISSUE_TEMPLATE/clinic-answers.yml")
HEADER = "# Made by python -m scripts.release.clinic_issue_form from scripts/site/answer_schema.py: do not edit.\n"
YES_NO = ("clinic.after_hours_forwarded", "treatment.adds_serums", "treatment.adds_prp")
INTRO = ("Answer only what you know to be true, and leave the rest blank: nothing is ever filled in for you, and a "
         "blank question keeps the pages' \"ask us\" wording. Staff copy each answer into the website's files. The "
         "clinical answers (the first part) reach patients only once a listed clinician signs them (make sign-off "
         "ANSWERS=1): an answer here is not a sign-off.")


def _field(answer: Answer, root: Path) -> dict[str, Any]:
    name = f"{answer.namespace}.{answer.key}"
    attributes: dict[str, Any] = {
        "label": answer.question,
        "description": f"{answer.why} Where to find it: {answer.where} Allowed: {answer.allowed}. Who answers: "
                       f"{answer.who}.",
    }
    kind = "input"
    if name == "treatment.performer_roles":
        # Only the lawful roles: a role data/roles.yml refuses cannot be chosen at all.
        kind, attributes["multiple"] = "dropdown", True
        attributes["options"] = [f"{(role.get('words') or {}).get(ENGLISH) or role_id} ({role_id})"
                                 for role_id, role in load_roles(root).allowed.items()]
    elif name == "clinic.languages_spoken":
        kind, attributes["multiple"] = "dropdown", True
        attributes["options"] = [f"{found.name} ({found.code})" for found in languages(root)]
    elif name in YES_NO:
        kind, attributes["options"] = "dropdown", ["yes", "no"]
    elif name in ("clinic.hours", "clinic.supervising_physician"):
        kind = "textarea"
    return {"type": kind, "id": name.replace(".", "-"), "attributes": attributes}


def issue_form(root: Path) -> str:
    """The issue form's YAML: the introduction, then each part's questions in the schema's order."""
    body: list[dict[str, Any]] = [{"type": "markdown", "attributes": {"value": INTRO}}]
    for title, clinical in PARTS:
        body.append({"type": "markdown", "attributes": {"value": f"## {title}"}})
        body += [_field(answer, root) for answer in SCHEMA if answer.clinical == clinical]
    form = {"name": "Clinic answers", "description": "Answer the questions the guide's pages need from the clinic.",
            "title": "Clinic answers", "body": body}
    return HEADER + yaml.safe_dump(form, sort_keys=False, allow_unicode=True, width=120)


def main() -> int:
    root = project_root()
    (root / FORM).parent.mkdir(parents=True, exist_ok=True)
    (root / FORM).write_text(issue_form(root), encoding="utf-8")
    print(f"Wrote {FORM.as_posix()}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
