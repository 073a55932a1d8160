"""Reading level: the page's Flesch-Kincaid grade against its target (scripts/content/readability.py measures it)."""

from __future__ import annotations

from typing import Any

from scripts.content import readability
from scripts.content.page import Page
from scripts.problems import Problem

MAX_WORDS = 30  # any sentence longer than this is an error, whatever the page's grade


def check_reading(page: Page, clinic: dict[str, Any] | None, html: str | None = None,
                  language: str = "en") -> list[Problem]:
    """An error for each sentence over 30 words, and when the page reads harder than its target (a school grade
    for English, Fernández-Huerta reading ease for Spanish), listing its three hardest sentences."""
    prose = readability.prose_from_markdown(page.text, clinic, html)
    problems = [Problem(page.path, line or page.key_line("title"),
                        f"this sentence has {words} words: split it into sentences of 20 words or fewer: \"{text}\"")
                for line, text, words in readability.long_sentences(prose, MAX_WORDS)]
    if language == "es":
        ease, target = readability.spanish_ease(prose), readability.target_ease(page.meta)
        if ease >= target:
            return problems
        longest = readability.longest_blocks(prose)
        listed = "; ".join(f"line {n}: \"{t}\"" for n, t in longest)
        return problems + [Problem(page.path, longest[0][0] if longest and longest[0][0] else page.key_line("title"),
                                   f"reading ease (Fernández-Huerta) {ease} is below this page's target of {target}: "
                                   f"use shorter sentences and shorter words, starting with the longest: {listed}")]
    grade, target = readability.grade(prose), readability.target_grade(page.meta)
    if grade <= target:
        return problems
    hardest = readability.hardest_sentences(prose, 3)
    listed = "; ".join(f"line {s.line}: \"{s.text}\" (grade {s.grade})" for s in hardest)
    line = hardest[0].line if hardest and hardest[0].line else page.key_line("title")
    return problems + [Problem(page.path, line, f"reading grade {grade} is above this page's target of {target}: "
                                                "use shorter sentences and plainer words, starting with the hardest: "
                                                f"{listed}")]
