"""Reading level: the page's Flesch-Kincaid grade against its target (scripts/content/readability.py measures it)."""

from __future__ import annotations

from typing import Any

from scripts.content import readability
from scripts.problems import Problem, Severity
from scripts.site.page import Page

MAX_WORDS = 30  # any sentence longer than this is an error, whatever the page's grade


def check_reading(page: Page, clinic: dict[str, Any] | None, html: str | None = None,
                  language: str = "en") -> list[Problem]:
    """An error for each sentence over 30 words, and when the page reads harder than its target (a school grade
    for English, Fernández-Huerta reading ease for Spanish), listing its three hardest sentences."""
    prose = readability.prose_from_markdown(page.text, clinic, html)
    problems = [Problem(page.path, line or page.key_line("title"),
                        f"this sentence has {words} words: split it into sentences of 20 words or fewer: \"{text}\"")
                for line, text, words in readability.long_sentences(prose, MAX_WORDS)]
    reading = readability.reading_level(prose, page.meta, language)
    if reading is None:
        return problems + [Problem(page.path, page.key_line("title"),
                                   f"there is no reading-level rule for the language '{language}' yet, so nobody "
                                   "has checked that this page is easy to read: ask a developer to add one "
                                   "(READING_RULES in scripts/content/readability.py)", Severity.WARNING)]
    if reading.passed:
        return problems
    listed = "; ".join(f"line {line}: \"{passage}\"" + ("" if figure is None else f" (grade {figure})")
                       for line, passage, figure in reading.hardest)
    line = reading.hardest[0][0] if reading.hardest and reading.hardest[0][0] else page.key_line("title")
    rule = reading.rule
    return problems + [Problem(page.path, line, f"{rule.measure} {reading.value} is "
                                                f"{'below' if rule.higher_is_easier else 'above'} this page's target "
                                                f"of {reading.target}: use {rule.advice}: {listed}")]
