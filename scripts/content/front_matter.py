"""Front matter: required keys, known keys only, description length, review state and review dates."""

from __future__ import annotations

import difflib
import re
from datetime import date
from typing import Any

import yaml

from scripts.problems import Problem, Severity
from scripts.site.dates import date_problem
from scripts.site.front_matter import split_front_matter
from scripts.site.languages import ENGLISH, language_of
from scripts.site.page import Page
from scripts.site.review import REVIEW_KEYS, ReviewState, review_state
from scripts.site.review_history import translation_behind
from scripts.site.yaml_text import curly_quote_problems

REQUIRED = ("title", "description", "clinical")
OURS = ("title", "description", "clinical", "reading_grade", "sources", "reviewed_by", "last_reviewed",
        "next_review", "cta", "translation_of", "translated_from")
# The call to action's tone: "book" by default; "neutral" where patients are still deciding (risks, aftercare).
CTA_TONES = ("book", "neutral")
MATERIAL = ("hide", "search", "template", "robots", "status")
KNOWN = OURS + MATERIAL
REVIEW = REVIEW_KEYS
DATES = ("last_reviewed", "next_review")
MAX_DESCRIPTION = 160
MAX_TITLE = 70
EXAMPLES = {
    "title": "title: What is microneedling?",
    "description": "description: One or two plain sentences about the page (160 characters at most)",
    "clinical": "clinical: true (medical content) or clinical: false",
}


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def check_front_matter(page: Page, today: date) -> list[Problem]:
    """Every problem with the page's front matter (a warning when its review is overdue)."""
    if page.problems:
        return list(page.problems)
    meta, path = page.meta, page.path
    problems: list[Problem] = curly_quote_problems(yaml.compose(split_front_matter(page.text)[0]), path, 2)

    def error(key: str, message: str, severity: Severity = Severity.ERROR) -> None:
        problems.append(Problem(path, page.key_line(key), message, severity))

    for key in REQUIRED:
        if key not in meta:
            error(key, f"the front matter has no '{key}': add a line such as {EXAMPLES[key]}")
    for key in sorted(set(meta) - set(KNOWN), key=page.key_line):
        guess = difflib.get_close_matches(key, KNOWN, n=1, cutoff=0.6)
        hint = f"did you mean {guess[0]}?" if guess else f"the keys are {', '.join(OURS)}"
        error(key, f"unknown front matter key '{key}': {hint}")
    for key in ("title", "description"):
        if key in meta and (not isinstance(meta[key], str) or not meta[key].strip()):
            error(key, f"'{key}' is empty: write it as text, e.g. {EXAMPLES[key]}")
    title = meta.get("title")
    if isinstance(title, str) and len(title.strip()) > MAX_TITLE:
        error("title", f"'title' is {len(title.strip())} characters: shorten it to {MAX_TITLE} or fewer (it is "
                       "the page's heading, its browser tab and its link preview)")
    if not page.body.strip():
        problems.append(Problem(path, page.front_matter_end, "the page has no text after its front matter: write "
                                                             "the page below the closing ---"))
    description = meta.get("description")
    if isinstance(description, str) and len(description.strip()) > MAX_DESCRIPTION:
        error("description", f"'description' is {len(description.strip())} characters: shorten it to "
                             f"{MAX_DESCRIPTION} or fewer (search results cut off the rest)")
    if "clinical" in meta and not isinstance(meta["clinical"], bool):
        error("clinical", f"'clinical' is '{meta['clinical']}': write true (medical content) or false")
    grade = meta.get("reading_grade")
    if "reading_grade" in meta and (not isinstance(grade, int) or isinstance(grade, bool) or not 1 <= grade <= 12):
        error("reading_grade", f"'reading_grade' is '{grade}': write a school grade from 1 to 12, e.g. "
                               "reading_grade: 6, or remove the line to use grade 8")
    sources = meta.get("sources")
    if sources is not None and (not isinstance(sources, list) or not all(isinstance(s, str) for s in sources)):
        error("sources", "'sources' must be a list of ids from data/sources.yml, one per line, each "
                         "starting with '- ', e.g. - fda-microneedling-devices")
    if "cta" in meta and meta["cta"] not in CTA_TONES:
        error("cta", f"'cta' is '{meta['cta']}': write cta: neutral (\"Call us\", for pages where people decide "
                     "or recover) or cta: book, or remove the line")
    problems.extend(_review_problems(page, today))
    problems.extend(_translation_problems(page))
    return problems


def _translation_problems(page: Page) -> list[Problem]:
    """A translated page (docs/<language>/) names the English page it translates and the English commit."""
    if language_of(page.root, page.path.removeprefix("docs/")).code == ENGLISH:
        return []
    meta, problems = page.meta, []
    source = str(meta.get("translation_of") or "").strip()
    english_docs = page.root / "docs"
    if not source and meta.get("clinical") is not True:
        return []  # a page of this language only, such as its glossary
    if not source or not (english_docs / source).is_file():
        problems.append(Problem(page.path, page.key_line("translation_of") if source else 1,
                                f"'translation_of' is '{source}': name the English page this page translates, e.g. "
                                "translation_of: aftercare.md, so the language switch and the review know it"))
    commit = str(meta.get("translated_from") or "").strip()
    if not re.fullmatch(r"[0-9a-f]{40}", commit):
        problems.append(Problem(page.path, page.key_line("translated_from") if commit else 1,
                                f"'translated_from' is '{commit}': write the English page's last commit that this "
                                "translation covers (git log -1 --format=%H -- docs/ENGLISH-PAGE.md)"))
    elif source and (english_docs / source).is_file():
        behind = translation_behind(english_docs.parent, source, commit)
        if behind:
            problems.append(Problem(page.path, page.key_line("translated_from"),
                                    f"docs/{source} changed after {commit[:8]}: update this translation, then set "
                                    "translated_from to the English page's latest commit", Severity.WARNING))
    return problems


def _review_problems(page: Page, today: date) -> list[Problem]:
    meta, path = page.meta, page.path
    filled = [key for key in REVIEW if not _empty(meta.get(key))]
    if filled and len(filled) < len(REVIEW):
        missing = [key for key in REVIEW if key not in filled]
        return [Problem(path, page.key_line(missing[0]),
                        f"the review details are half filled: {', '.join(filled)} set but {', '.join(missing)} "
                        "empty; fill in all three after the medical team's review, or leave all three empty "
                        "(awaiting review)")]
    problems, dates = [], {}
    for key in DATES:
        if key not in filled:
            continue
        try:
            dates[key] = date.fromisoformat(str(meta[key]).strip())
        except ValueError:
            problems.append(Problem(path, page.key_line(key), f"'{key}': {date_problem(meta[key])}"))
    last, following = dates.get("last_reviewed"), dates.get("next_review")
    if last and last > today:
        problems.append(Problem(path, page.key_line("last_reviewed"), f"'last_reviewed' ({last}) is in the "
                                                                      "future: write the date of the review"))
    if last and following and following <= last:
        problems.append(Problem(path, page.key_line("next_review"),
                                f"'next_review' ({following}) is not after 'last_reviewed' ({last}): the next "
                                "review is usually 12 months after the last one"))
    elif review_state(meta, today) is ReviewState.OVERDUE:
        problems.append(Problem(path, page.key_line("next_review"),
                                f"review overdue since {following}: ask the medical team to review this page",
                                Severity.WARNING))
    return problems
