"""What the content check says of a draft treatment (ready: false): never published, so what its pages still need
is a warning, not an error, and `make check` passes while it is being written; marked ready, the same findings are
errors. Each draft is named once, with what to do, and its pages' notes (new addresses, awaiting sign-off) are left
out: they only count once it is live."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scripts.problems import Problem, Severity
from scripts.site.languages import ENGLISH, languages
from scripts.site.settings import setting_line
from scripts.site.treatments import SETTINGS, language_treatments, page_treatment


@dataclass(frozen=True)
class Draft:
    """A draft treatment in one language."""

    key: str
    name: str
    settings: str  # the settings file that says it is a draft, as printed ("mkdocs.yml")


def as_draft(problem: Problem, draft: Draft) -> Problem:
    """A draft's error as a warning that says why it is one."""
    if problem.severity is not Severity.ERROR:
        return problem
    return Problem(problem.path, problem.line, f"{problem.message} (draft: {draft.name} is not published while it "
                                               f"is ready: false; fix this before marking it ready)", Severity.WARNING)


def draft_places(root: Path) -> dict[str, Draft]:
    """Where each draft's problems are reported: its folders ("docs/chemical-peels/") and its pages elsewhere
    (a page that names it in its front matter), as the check prints them."""
    places: dict[str, Draft] = {}
    for language in languages(root):
        found = language_treatments(language.config)
        drafts = {key: Draft(key, each.name or key, language.config.name) for key, each in found.items()
                  if not each.ready}
        places.update({f"docs/{language.prefix}{found[key].folder}/": draft for key, draft in drafts.items()})
        for page in language.pages:
            key = page_treatment(language.docs, page, found)
            if key in drafts:
                places[f"docs/{language.key(page)}"] = drafts[key]
    return places


def _draft_of(path: str, places: dict[str, Draft]) -> Draft | None:
    return places.get(path) or next((draft for place, draft in places.items()
                                     if place.endswith("/") and path.startswith(place)), None)


def with_drafts(problems: list[Problem], root: Path) -> list[Problem]:
    """The check's problems with each draft's errors as warnings, its pages' notes left out, and one warning per
    draft saying what it is and what to do."""
    places = draft_places(root)
    if not places:
        return problems
    kept = []
    for problem in problems:
        draft = _draft_of(problem.path, places)
        if draft is None:
            kept.append(problem)
        elif problem.severity is not Severity.NOTE:
            kept.append(as_draft(problem, draft))
    return kept + draft_notices(root)


def draft_notices(root: Path) -> list[Problem]:
    """One warning per draft: in mkdocs.yml, or in a translation's settings file when only that language is one."""
    every = languages(root)
    english = language_treatments(every[0].config)
    notices = []
    for language in every:
        for key, treatment in language_treatments(language.config).items():
            if treatment.ready or (language.code != ENGLISH and not english.get(key, treatment).ready):
                continue
            notices.append(Problem(language.config.name, setting_line(language.config, *SETTINGS, key),
                                   f"{treatment.name or key} is a draft (ready: false): its pages are not published, "
                                   "and what they still need is listed as warnings. Write each page, cite its "
                                   "sources and get it reviewed; then set ready: true in one pull request "
                                   "(CONTRIBUTING.md, \"Adding a treatment\")", Severity.WARNING))
    return notices
