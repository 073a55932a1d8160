"""Reading level: the page's Flesch-Kincaid grade against its target (scripts/content/readability.py measures it)."""

from __future__ import annotations

from typing import Any

from scripts.content import readability
from scripts.content.page import Page
from scripts.problems import Problem


def check_reading(page: Page, clinic: dict[str, Any] | None, html: str | None = None) -> list[Problem]:
    """An error when the page's grade is above its target, listing its three hardest sentences."""
    prose = readability.prose_from_markdown(page.text, clinic, html)
    grade, target = readability.grade(prose), readability.target_grade(page.meta)
    if grade <= target:
        return []
    hardest = readability.hardest_sentences(prose, 3)
    listed = "; ".join(f"line {s.line}: \"{s.text}\" (grade {s.grade})" for s in hardest)
    line = hardest[0].line if hardest and hardest[0].line else page.key_line("title")
    return [Problem(page.path, line, f"reading grade {grade} is above this page's target of {target}: use shorter "
                                     f"sentences and plainer words, starting with the hardest: {listed}")]
