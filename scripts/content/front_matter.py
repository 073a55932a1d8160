"""Front matter: required keys, known keys only, title and description length, and what a translation translates
(the review lines are checked against the review log in review_record.py)."""

from __future__ import annotations

import difflib
import re

import yaml

from scripts.problems import Problem, Severity
from scripts.site.front_matter import load_front_matter, split_front_matter
from scripts.site.languages import ENGLISH, language_of
from scripts.site.page import Page
from scripts.site.page_version import page_version
from scripts.site.review import REVIEW_KEYS
from scripts.site.yaml_text import curly_quote_problems

REQUIRED = ("title", "description", "clinical")
OURS = ("page_id", "title", "description", "clinical", "reading_grade", "sources", *REVIEW_KEYS, "cta",
        "translation_of", "translated_from", "sheet_of", "treatment")
# The call to action's tone: "book" by default; "neutral" where patients are still deciding (risks, aftercare).
CTA_TONES = ("book", "neutral")
MATERIAL = ("hide", "search", "template", "robots", "status")
KNOWN = OURS + MATERIAL
MAX_DESCRIPTION = 160
MAX_TITLE = 70
EXAMPLES = {
    "title": "title: What is microneedling?",
    "description": "description: One or two plain sentences about the page (160 characters at most)",
    "clinical": "clinical: true (medical content) or clinical: false",
}


def check_front_matter(page: Page) -> list[Problem]:
    """Every problem with the page's front matter."""
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
    problems.extend(_translation_problems(page))
    problems.extend(_sheet_problems(page))
    return problems


def _sheet_problems(page: Page) -> list[Problem]:
    """A take-home sheet (`sheet_of:`) names the full page it comes from, in its own language's folder: its
    printout carries that page's address and QR code."""
    if "sheet_of" not in page.meta:
        return []
    target = str(page.meta.get("sheet_of") or "").strip()
    folder = language_of(page.root, page.path.removeprefix("docs/")).docs
    if target and target.endswith(".md") and (folder / target).is_file() and (folder / target).resolve() != \
            page.file.resolve():
        return []
    shown = folder.relative_to(page.root).as_posix()
    return [Problem(page.path, page.key_line("sheet_of"),
                    f"'sheet_of' is '{target}': name the full page this sheet comes from, as a file in {shown}/, e.g. "
                    "sheet_of: aftercare.md (its printout then leads to that page), or remove the line")]


def _translation_problems(page: Page) -> list[Problem]:
    """A translated page (docs/<language>/) names the English page it translates and the English version."""
    if language_of(page.root, page.path.removeprefix("docs/")).code == ENGLISH:
        return []
    meta, problems = page.meta, []
    source = str(meta.get("translation_of") or "").strip()
    english = page.root / "docs" / source
    if not source and meta.get("clinical") is not True:
        return []  # a page of this language only, such as its glossary
    if not source or not english.is_file():
        problems.append(Problem(page.path, page.key_line("translation_of") if source else 1,
                                f"'translation_of' is '{source}': name the English page this page translates, e.g. "
                                "translation_of: aftercare.md, so the language switch and the review know it"))
        return problems
    try:
        english_clinical = load_front_matter(english.read_text(encoding="utf-8")).get("clinical") is True
    except yaml.YAMLError:
        english_clinical = False  # the English page's own check reports it
    if english_clinical and meta.get("clinical") is not True:
        problems.append(Problem(page.path, page.key_line("clinical"),
                                f"docs/{source} is clinical, so its translation is too: write clinical: true (a "
                                "clinician who reads this language signs it off before it is published)"))
    translated = str(meta.get("translated_from") or "").strip()
    try:
        now = page_version(page.root, english)
    except yaml.YAMLError:
        return problems  # the English page's own check reports it
    if translated != now:
        known = re.fullmatch(r"[0-9a-f]{12}", translated)
        problems.append(Problem(page.path, page.key_line("translated_from") if translated else 1,
                                f"docs/{source} is now version {now}, and this translation covers version "
                                f"{translated}: update the translation, then set translated_from: {now}" if known else
                                f"'translated_from' is '{translated}': write the version of docs/{source} this page "
                                f"translates; today that is translated_from: {now}",
                                Severity.WARNING if known else Severity.ERROR))
    return problems
