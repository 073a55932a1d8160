"""Who GitHub asks to approve a change (.github/CODEOWNERS): the medical reviewers for what is clinical, and only
that. Clinical pages in every language and folder, the illustrations pages include, the sources, the claims
lists, the reviewers list and the review log need them; a phone number, opening hours or a promotion (mkdocs.yml)
and the pages without medical content do not. CODEOWNERS works by file, so each clinical page has its own rule;
`make new-page` adds it.

Until a reviewer's GitHub handle is known the rules are switched off (each starts with "# "), and they are
checked all the same, so switching them on is one edit."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pathspec

from scripts.problems import Problem, Severity
from scripts.site.answer_schema import ANSWERS_FILE
from scripts.site.answers import ROLES_FILE
from scripts.site.front_matter import load_front_matter
from scripts.site.languages import languages
from scripts.site.review_log import LOG_FILE
from scripts.site.reviewers import REVIEWERS_FILE
from scripts.site.sources import SOURCES_FILE

CODEOWNERS = Path(".github/CODEOWNERS")
# A rule: a path pattern and one or more owners, switched on or (while no reviewer is named) off with "# ".
RULE = re.compile(r"^(?:#\s+)?(/?[\w./*-]+)\s+((?:@[\w./-]+\s*)+)$")
# The owner the rules name until a reviewer's GitHub handle is known, and the file's own examples: never a person.
PLACEHOLDER = "@MEDICAL-REVIEWER"
EXAMPLE_OWNERS = frozenset({PLACEHOLDER.lower(), "@jane-doe", "@your-org/medical-reviewers"})


def rule_lines(text: str) -> list[tuple[int, bool, str, list[str]]]:
    """(line, switched on, pattern, owners) for each rule, in the file's order."""
    return [(number, not line.lstrip().startswith("#"), match.group(1), match.group(2).split())
            for number, line in enumerate(text.splitlines(), start=1) if (match := RULE.match(line.strip()))]


def rules(text: str) -> list[tuple[str, list[str]]]:
    """(pattern, owners) for each rule, switched on or off, in the file's order."""
    return [(pattern, owners) for _, _, pattern, owners in rule_lines(text)]


@functools.lru_cache(maxsize=256)
def _spec(pattern: str) -> pathspec.GitIgnoreSpec:
    """A rule's pattern, compiled once (every file is matched against every rule)."""
    return pathspec.GitIgnoreSpec.from_lines([pattern])


def owners_of(path: str, found: list[tuple[str, list[str]]]) -> list[str]:
    """The owners GitHub asks for a file: the last rule whose pattern matches it (gitignore-like) decides."""
    owners: list[str] = []
    for pattern, names in found:
        if _spec(pattern).match_file(path):
            owners = names
    return owners


def clinical_files(root: Path) -> list[str]:
    """Every file whose change needs a clinician: clinical pages of every language, includes, sources, claims, who
    may sign and what they signed (the reviewers list and the review log), and the clinical answers with the roles
    they may name."""
    pages = [page.relative_to(root).as_posix() for language in languages(root) for page in language.pages
             if load_front_matter(page.read_text(encoding="utf-8")).get("clinical") is True]
    includes = [file.relative_to(root).as_posix() for file in sorted((root / "docs" / "_includes").rglob("*"))
                if file.is_file()]
    data = [file.relative_to(root).as_posix() for file in [root / SOURCES_FILE, *sorted((root / "data").glob(
        "claims*.yml")), root / REVIEWERS_FILE, root / LOG_FILE, root / ANSWERS_FILE, root / ROLES_FILE]
            if file.is_file()]
    return pages + includes + data


def everyday_files(root: Path) -> list[str]:
    """Files marketing and the office change without a clinician: the settings and the pages with no medical
    content."""
    settings = [language.config.relative_to(root).as_posix() for language in languages(root)]
    pages = [page.relative_to(root).as_posix() for language in languages(root) for page in language.pages
             if load_front_matter(page.read_text(encoding="utf-8")).get("clinical") is not True]
    return settings + pages


def code_owner_problems(root: Path) -> list[Problem]:
    """A clinical file no rule asks the medical reviewers for, or an everyday file a rule does."""
    file = root / CODEOWNERS
    if not file.is_file():
        return []
    found = rules(file.read_text(encoding="utf-8"))
    shown = CODEOWNERS.as_posix()
    problems = [Problem(shown, 0, f"{path} has medical content, but no rule asks the medical reviewers to approve a "
                                  f"change to it: add the line '# /{path}  {PLACEHOLDER}' (as the lines around "
                                  "it are written)", Severity.WARNING)
                for path in clinical_files(root) if not owners_of(path, found)]
    problems += [Problem(shown, 0, f"{path} has no medical content, but a rule asks the medical reviewers to approve "
                                   "every change to it (a new phone number would wait for a clinician): remove or "
                                   "narrow that rule", Severity.WARNING)
                 for path in everyday_files(root) if owners_of(path, found)]
    return problems


def with_rule(text: str, path: str) -> str:
    """CODEOWNERS with a rule for `path` added after the last rule, written as that rule is (on or off, owners)."""
    lines = text.rstrip("\n").split("\n")
    last = max((index for index, line in enumerate(lines) if RULE.match(line.strip())), default=None)
    if last is None:
        return text
    match = RULE.match(lines[last].strip())
    prefix = "# " if lines[last].lstrip().startswith("#") else ""
    lines.insert(last + 1, f"{prefix}/{path}  {match.group(2).strip()}")
    return "\n".join(lines) + "\n"
