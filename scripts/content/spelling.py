"""Spelling (a warning): pyspellchecker's dictionary of the page's language plus the project's words in
data/words.txt (data/words.<language>.txt for a translation)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from spellchecker import SpellChecker

from scripts.problems import Problem, Severity
from scripts.site.page import Page, line_of, mask_markup

WORDS_FILE = Path("data/words.txt")
WORD = re.compile(r"(?<![\w@/.-])[^\W\d_][^\W\d_A-Z]+(?:['’][a-z]+)*(?![\w@/-])")


@functools.cache
def _checker(language: str = "en") -> SpellChecker:
    return SpellChecker(language=language, distance=1)  # distance 1 keeps suggestions fast


def words_file(language: str = "en") -> Path:
    return WORDS_FILE if language == "en" else WORDS_FILE.with_suffix(f".{language}.txt")


def load_words(root: Path, language: str = "en") -> frozenset[str]:
    """The project's words of a language (one per line, # comments allowed), lowercased."""
    file = root / words_file(language)
    if not file.is_file():
        return frozenset()
    words = (line.split("#", 1)[0].strip().lower() for line in file.read_text(encoding="utf-8").splitlines())
    return frozenset(word for word in words if word)


def check_spelling(page: Page, words: frozenset[str], language: str = "en") -> list[Problem]:
    """A warning for each word that is neither in the dictionary nor in the project's words (once per page)."""
    lines = page.text.split("\n")
    visible = [""] * page.front_matter_end
    for key in ("title", "description"):
        number = page.key_lines.get(key)
        if number:
            visible[number - 1] = " " * (len(key) + 1) + lines[number - 1][len(key) + 1:]
    text = "\n".join(visible + mask_markup(page.body).split("\n")[page.front_matter_end:])
    first: dict[str, tuple[int, str]] = {}
    for match in WORD.finditer(text):
        word = match.group(0).replace("’", "'")
        key = re.sub(r"'s$", "", word.lower())
        if key not in first and key not in words:
            first[key] = (line_of(text, match.start()), word)
    checker = _checker(language)
    unknown = checker.unknown(first)
    problems = []
    for key in sorted(unknown, key=lambda k: first[k]):
        line, word = first[key]
        suggestions = sorted(checker.candidates(key) or [])
        hint = f"did you mean {' or '.join(suggestions[:3])}? " if suggestions and key not in suggestions else ""
        problems.append(Problem(page.path, line, f"'{word}' may be misspelled: {hint}if it is right, add it to "
                                                 f"{words_file(language).as_posix()}", Severity.WARNING))
    return problems
