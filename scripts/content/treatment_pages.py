"""Which treatment a page belongs to, as its front matter and its folder say (scripts/site/treatments.py): a
`treatment:` that names no treatment, or another treatment than the folder the page is in, is refused at its
line; and each translation's own treatment entries are checked at their line."""

from __future__ import annotations

from pathlib import Path

from scripts.problems import Problem
from scripts.site.languages import Language, languages
from scripts.site.page import Page
from scripts.site.settings import load_settings, own_settings, setting_line
from scripts.site.treatments import language_treatments, treatment_findings, treatment_of


def treatment_key_problems(page: Page, language: Language) -> list[Problem]:
    named = page.meta.get("treatment")
    if named is None:
        return []
    found = language_treatments(language.config)
    line = page.key_line("treatment")
    keys = ", ".join(found) or "none yet (make new-treatment adds one)"
    if str(named) not in found:
        return [Problem(page.path, line, f"'treatment' is '{named}', which is not one of the treatments in "
                                         f"mkdocs.yml (extra: treatments:): write one of {keys}")]
    inside = page.path.removeprefix("docs/").removeprefix(language.prefix)
    folder = treatment_of(inside, {}, found)
    if folder and folder != str(named):
        return [Problem(page.path, line, f"'treatment' is '{named}', but the page is in the folder of "
                                         f"{found[folder].name} ({found[folder].folder}/): move the page to its "
                                         f"treatment's folder, or write treatment: {folder}")]
    return []


def translation_settings_problems(root: Path) -> list[Problem]:
    """Each translation's own treatment entries (names, folder, ready) written wrongly, at their line in its settings
    file (mkdocs.yml's are checked with the clinic's answers)."""
    problems = []
    for language in languages(root)[1:]:
        own = ((own_settings(language.config).get("extra") or {}).get("treatments") or {})
        shown = language.config.relative_to(root).as_posix()
        for where, message in treatment_findings(load_settings(language.config)):
            if len(where) > 2 and isinstance(own, dict) and where[2] in own:
                problems.append(Problem(shown, setting_line(language.config, *where), message))
    return problems
