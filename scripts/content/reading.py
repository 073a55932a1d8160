"""Reading level: the page's Flesch-Kincaid grade against its target (scripts/content/readability.py measures it)."""

from __future__ import annotations

from typing import Any

from scripts.content import readability
from scripts.content.page import Page
from scripts.problems import Problem

MAX_WORDS = 30  # any sentence longer than this is an error, whatever the page's grade


def check_reading(page: Page, clinic: dict[str, Any] | None, html: str | None = None) -> list[Problem]:
    """An error for each sentence over 30 words, and when the page's grade is above its target, listing its
    three hardest sentences."""
    prose = readability.prose_from_markdown(page.text, clinic, html)
    problems = [Problem(page.path, line or page.key_line("title"),
                        f"this sentence has {words} words: split it into sentences of 20 words or fewer: \"{text}\"")
                for line, text, words in readability.long_sentences(prose, MAX_WORDS)]
    grade, target = readability.grade(prose), readability.target_grade(page.meta)
    if grade <= target:
        return problems
    hardest = readability.hardest_sentences(prose, 3)
    listed = "; ".join(f"line {s.line}: \"{s.text}\" (grade {s.grade})" for s in hardest)
    line = hardest[0].line if hardest and hardest[0].line else page.key_line("title")
    return problems + [Problem(page.path, line, f"reading grade {grade} is above this page's target of {target}: "
                                                "use shorter sentences and plainer words, starting with the hardest: "
                                                f"{listed}")]
