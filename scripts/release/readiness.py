"""Everything between today and go-live (issue 24), in Markdown: what blocks publishing, the questions the clinic
has not answered, the reviews due within 60 days, and what only a person can check. Each item says who acts and
how (a command, or a file:line followed by what that line holds). Every rule has its one home elsewhere: the review
gate, the content check, the answers' schema, the CODEOWNERS parser and the address `make publish` uses.

    python -m scripts.release.readiness [--strict]     (make readiness [STRICT=1]: exits 1 while anything blocks)
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from scripts.content.check import check_site
from scripts.content.code_owners import CODEOWNERS, EXAMPLE_OWNERS, PLACEHOLDER, rule_lines
from scripts.content.review_record import DUE_SOON, answers_sign_off_problems
from scripts.problems import Problem, Severity
from scripts.project import project_root
from scripts.release.publish import site_address, site_url_problem
from scripts.release.review_gate import review_gate
from scripts.site.answer_schema import ANSWERS_FILE, SCHEMA, Answer
from scripts.site.answers import answer_value, clinic_answers, read_answers, treatment_answers
from scripts.site.dates import today
from scripts.site.front_matter import load_front_matter
from scripts.site.languages import languages
from scripts.site.page import parse_page
from scripts.site.review import page_review, review_record
from scripts.site.reviewers import REVIEWERS_FILE
from scripts.site.settings import SettingPath, extra_settings, setting_lines
from scripts.site.treatments import SETTINGS as TREATMENT_SETTINGS
from scripts.site.treatments import treatments

WORKFLOW = Path(".github/workflows/site.yml")
SIGN_OFF = 'README, "Medical sign-off"'


@dataclass(frozen=True)
class Readiness:
    day: date
    blocking: list[str]  # Markdown items (an item may carry its own indented list)
    unanswered: dict[str, list[str]]  # who answers -> one line per empty answer
    due: list[str]
    by_hand: list[str]

    def markdown(self) -> str:
        lines = [f"## Go-live readiness on {self.day}", "", "### 1. Blocks publishing", ""]
        lines += [f"{number}. {item}" for number, item in enumerate(self.blocking, start=1)] or ["Nothing."]
        lines += ["", "### 2. The clinic has not answered (does not block)", "",
                  "Until a question is answered, pages say \"ask us\" or leave the detail out. Never fill one in with "
                  "a guess; `make intake` prints the questionnaire."]
        for who, items in self.unanswered.items():
            lines += ["", f"For {who}:", "", *items]
        if not self.unanswered:
            lines += ["", "Every question is answered."]
        lines += ["", f"### 3. Reviews due within {DUE_SOON.days} days, and overdue ones", ""]
        lines += self.due or [f"None: no page's next review is due within {DUE_SOON.days} days."]
        lines += ["", "### 4. Check by hand (the repository cannot see these)", "", *self.by_hand, ""]
        lines.append("Ready to publish." if not self.blocking else
                     f"Not ready to publish: {_count(len(self.blocking), 'item', 'items')} above block it.")
        return "\n".join(lines) + "\n"


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def where(path: Path | str, line: int, holds: str) -> str:
    """A file and line, followed by what that line holds (a test holds every one of them to it)."""
    return f"`{Path(path).as_posix()}:{line}` (`{holds}`)"


def _line_holding(root: Path, path: Path, text: str) -> int:
    """The last line of a file that holds `text` (0 when none or no file)."""
    file = root / path
    lines = file.read_text(encoding="utf-8").splitlines() if file.is_file() else []
    return max((number for number, line in enumerate(lines, start=1) if text in line), default=0)


def _at_setting(root: Path, path: Path, setting: SettingPath) -> str:
    """A setting's file:line, or its nearest setting above when it is missing, or the file alone."""
    lines = setting_lines(root / path)
    while setting and setting not in lines:
        setting = setting[:-1]
    return where(path, lines[setting], str(setting[-1])) if setting else f"`{path.as_posix()}`"


def unsigned_pages(root: Path, day: date) -> list[str]:
    gate = review_gate(root, day)
    if not gate.blocking:
        return []
    pages = {line.split(":", 1)[0] for line in gate.blocking}
    groups = [f"   - {group}:\n" + "\n".join(f"     - {line}" for line in lines)
              for group, lines in gate.blocking_by_group.items()]
    pages_text = _count(len(pages), "clinical page has", "clinical pages have")
    return [f"**{pages_text} no valid medical sign-off**, so `make publish` refuses. Who: the "
            "medical team, a clinician who reads each page's language. How: `make packets` prints each page for "
            f"review, then `make sign-off PAGE=… REVIEWER=… PACKET=…` records it ({SIGN_OFF}).\n" + "\n".join(groups)]


def reviewer_problems(root: Path, day: date) -> list[str]:
    """Nobody listed, or nobody who may sign a language that has clinical pages."""
    registry = review_record(root).registry
    at = _at_setting(root, REVIEWERS_FILE, ("reviewers",)) if (root / REVIEWERS_FILE).is_file() \
        else f"`{REVIEWERS_FILE.as_posix()}` (missing)"
    how = (f"Who: the medical team. How: copy the commented example at the end of `{REVIEWERS_FILE.as_posix()}` and "
           "fill it in with a clinician's checked details (README, \"Adding a reviewer\"); never a made-up one.")
    if not registry.reviewers:
        return [f"**No reviewer is registered** in {at}, so nobody's sign-off counts and no page can be signed. {how}"]
    found = []
    for language in languages(root):
        clinical = any(load_front_matter(page.read_text(encoding="utf-8")).get("clinical") is True
                       for page in language.pages)
        signers = [reviewer for reviewer in registry.reviewers.values() if reviewer.role in registry.policy.signers
                   and language.code in reviewer.languages and reviewer.active_on(day)]
        if clinical and not signers:
            found.append(f"**No reviewer may sign the {language.name} pages**: nobody listed is a "
                         f"{' or '.join(registry.policy.signers)} who reads `{language.code}` and is active today. "
                         f"{how}")
    return found


def code_owner_problems(root: Path) -> list[str]:
    """The rules that ask a medical reviewer to approve clinical changes: missing, switched off or a placeholder."""
    how = ("Who: a repository admin, once a reviewer is listed. How: put the reviewers' real GitHub handle or team in "
           f"place of `{PLACEHOLDER}` and delete the `# ` in front of each rule (README, \"Switching on CODEOWNERS "
           "and branch protection\").")
    file = root / CODEOWNERS
    found = rule_lines(file.read_text(encoding="utf-8")) if file.is_file() else []
    if not found:
        return [f"**Code owners are switched off**: `{CODEOWNERS.as_posix()}` has no rule, so GitHub asks no medical "
                f"reviewer to approve a clinical change. {how}"]
    off = [(line, pattern) for line, on, pattern, _ in found if not on]
    examples = [(line, owner) for line, _, _, owners in found for owner in owners if owner.lower() in EXAMPLE_OWNERS]
    if not off and not examples:
        return []
    parts = []
    if off:
        parts.append(f"{len(off)} of its {_count(len(found), 'rule', 'rules')} start with `# ` (the first: "
                     f"{where(CODEOWNERS, *off[0])})")
    if examples:
        parts.append(f"{len(examples)} name a placeholder, not a person (the first: "
                     f"{where(CODEOWNERS, *examples[0])})")
    return [f"**Code owners are switched off**: in `{CODEOWNERS.as_posix()}`, {' and '.join(parts)}, so GitHub asks "
            f"no medical reviewer to approve a clinical change. {how}"]


def address_problems(root: Path) -> list[str]:
    problem = site_url_problem(site_address(root))
    if problem is None:
        return []
    variable = _line_holding(root, WORKFLOW, "SITE_URL: ${{ vars.SITE_URL }}")
    in_ci = f" (the workflow reads it at {where(WORKFLOW, variable, 'SITE_URL')})" if variable else ""
    return [f"**The site's address**: {problem}. Who: whoever runs the host. How: set the repository variable, or "
            f"the host's environment variable, `SITE_URL` to the https address{in_ci}; without it, publishing reads "
            f"{_at_setting(root, Path('mkdocs.yml'), ('site_url',))} (README, \"Publishing\")."]


def answer_and_check_problems(root: Path, day: date, problems: list[Problem]) -> list[str]:
    found = [f"**The clinical answers are not signed off**: `{problem.path}`: {problem.message}. Who: a listed "
             "clinician." for problem in answers_sign_off_problems(root, day)]
    errors = [problem for problem in problems if problem.severity is Severity.ERROR]
    if errors:
        found.append(f"**The content check finds {_count(len(errors), 'error', 'errors')}**, and `make publish` "
                     "refuses while it does. Who: whoever made the change. How: run `make check`: each error has "
                     "its file, line and fix.")
    return found


def _empty(value: Any) -> bool:
    """Not answered. Unlike the answers' version, yes/no written as true or false is an answer."""
    if isinstance(value, dict):
        return all(_empty(item) for item in value.values())
    if isinstance(value, list):
        return not value
    return value is None or (not isinstance(value, bool) and not str(value).strip())


def _answer_places(root: Path, answer: Answer, extra: dict[str, Any],
                   data: dict[str, Any]) -> list[tuple[Any, Path, SettingPath]]:
    """(the value, its file, its setting) for each place the schema keeps this answer."""
    if answer.home == "clinic":
        return [((extra.get("clinic") or {}).get(answer.key), Path("mkdocs.yml"), ("extra", "clinic", answer.key))]
    if answer.home == "clinical":
        return [(clinic_answers(data).get(answer.key), ANSWERS_FILE, ("clinic", answer.key))]
    keys = list(treatments({"extra": extra}))  # each treatment answers for itself
    if answer.home == "treatment":
        return [(answer_value(answer, extra, data, key), Path("mkdocs.yml"), (*TREATMENT_SETTINGS, key, answer.key))
                for key in keys]
    return [(treatment_answers(data, key).get(answer.key), ANSWERS_FILE, ("treatments", key, answer.key))
            for key in keys]


def unanswered(root: Path) -> dict[str, list[str]]:
    """Each empty answer of the schema, by who answers it, with its question and its file:line."""
    extra = extra_settings(root / "mkdocs.yml")
    try:
        data = read_answers(root)
    except yaml.YAMLError:
        data = {}  # the content check reports it with its line
    found: dict[str, list[str]] = defaultdict(list)
    for answer in SCHEMA:
        for value, path, setting in _answer_places(root, answer, extra, data):
            if _empty(value):
                found[answer.who].append(f"- {_at_setting(root, path, setting)}: {answer.question}")
    return dict(found)


def reviews_due(root: Path, day: date) -> list[str]:
    """Each page whose next review is within DUE_SOON or past, with its date and its next_review line."""
    record = review_record(root)
    found = []
    for language in languages(root):
        for file in language.pages:
            signed = page_review(root, file, day, record).signed
            if signed is None or signed.next_review is None or signed.next_review - day > DUE_SOON:
                continue
            page = parse_page(file, file.read_text(encoding="utf-8"), root)
            days = (signed.next_review - day).days
            when = f"was due {signed.next_review}, {_count(-days, 'day', 'days')} ago: its signed version is still " \
                   "published, marked as being checked again" if days < 0 \
                else f"due {signed.next_review}, in {_count(days, 'day', 'days')}"
            found.append(f"- {where(page.path, page.key_line('next_review'), 'next_review')}: {when}. Who: the "
                         f"medical team. How: `make packets PAGES={page.path}`, then `make sign-off` ({SIGN_OFF}).")
    return found


def by_hand(root: Path) -> list[str]:
    history = _line_holding(root, WORKFLOW, "fetch-depth: 0")
    publish = _line_holding(root, WORKFLOW, "run: make publish")
    handles = sorted({owner for _, on, _, owners in rule_lines((root / CODEOWNERS).read_text(encoding="utf-8"))
                      for owner in owners if on and owner.lower() not in EXAMPLE_OWNERS}
                     if (root / CODEOWNERS).is_file() else set())
    return [
        "- **Branch protection on `main`**: a pull request is required, with \"Require review from Code Owners\" and "
        "\"Dismiss stale pull request approvals when new commits are pushed\", and the checks must pass; otherwise "
        "GitHub asks for the medical review but does not wait for it. Who: a repository admin. How: Settings, "
        "Branches or Rules (README, \"Switching on CODEOWNERS and branch protection\").",
        "- **Every reviewer's GitHub account has write access** to the repository: code owners without it are not "
        f"asked{' (' + ', '.join(f'`{h}`' for h in handles) + ')' if handles else ''}. Who: a repository admin. How: "
        "Settings, Collaborators and teams.",
        "- **Squash merges and shallow clones lose signed versions**: a page changed after its sign-off is published "
        "at its signed version from the page's git history; a squash merge after a further edit, or a build from "
        "only the latest commit, loses it and the page stops publishing. Who: a repository admin and whoever runs "
        "the host. How: merge without squashing (or sign again); the host builds with the whole history"
        f"{' (' + where(WORKFLOW, history, 'fetch-depth: 0') + ')' if history else ''}.",
        "- **The host runs `make publish`**, so the content check and the review gate run before anything goes live"
        f"{' (' + where(WORKFLOW, publish, 'make publish') + ')' if publish else ''}; on Netlify or Cloudflare Pages "
        "it is the build command, with `public/` the output folder. Who: whoever runs the host (README, "
        "\"Publishing\").",
    ]


def readiness(root: Path, day: date, problems: list[Problem] | None = None) -> Readiness:
    """Everything between `day` and go-live; `problems`: the content check's, when already run."""
    problems = check_site(root) if problems is None else problems
    blocking = unsigned_pages(root, day) + reviewer_problems(root, day) + code_owner_problems(root)
    blocking += address_problems(root) + answer_and_check_problems(root, day, problems)
    return Readiness(day, blocking, unanswered(root), reviews_due(root, day), by_hand(root))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--strict", action="store_true", help="exit 1 while anything blocks publishing")
    args = parser.parse_args(argv)
    root = project_root()
    report = readiness(root, today(extra_settings(root / "mkdocs.yml").get("timezone")))
    print(report.markdown(), end="")
    return 1 if args.strict and report.blocking else 0


if __name__ == "__main__":
    sys.exit(main())
