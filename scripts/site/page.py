"""A page as the content checks see it: front matter, body, and masked copies that hide code and markup.

Masking replaces characters with spaces and keeps every newline, so an offset in a masked copy is the same
offset (and line) in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from scripts.problems import Problem
from scripts.site.front_matter import FastFrontMatterLoader, front_matter_end, parse_front_matter, split_front_matter
from scripts.site.yaml_text import yaml_error_message

FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
URL = re.compile(r"https?://[^\s<>\"'`\])]+|(?:mailto|tel):[^\s<>\"'`\])]+")
LINK_TARGET = re.compile(r"\]\([^)\n]*\)|^\s{0,3}\[[^\]\n]+\]:[^\n]*$", re.MULTILINE)
TAG = re.compile(r"</?[A-Za-z][^<>]*>")
ALT = re.compile(r"""\salt\s*=\s*["']([^"'\n]*)["']""", re.IGNORECASE)
ATTR_LIST = re.compile(r"\{\s*[:#.][^}\n]*\}")
PLACEHOLDER = re.compile(r"\{\{[^}\n]*\}\}")


def blank(match: re.Match[str]) -> str:
    """The matched text with everything but newlines turned into spaces."""
    return re.sub(r"[^\n]", " ", match.group(0))


def mask_code(text: str) -> str:
    """The text with fenced code blocks, inline code and HTML comments blanked out."""
    lines, fence = text.split("\n"), ""
    for index, line in enumerate(lines):
        opening = FENCE.match(line)
        if fence:
            if opening and opening.group(1).startswith(fence):
                fence = ""
            lines[index] = " " * len(line)
        elif opening:
            fence = opening.group(1)
            lines[index] = " " * len(line)
    text = COMMENT.sub(blank, "\n".join(lines))
    return INLINE_CODE.sub(blank, text)


def _blank_tag(match: re.Match[str]) -> str:
    """A tag blanked out, except the text of its alt= attribute, which readers of screen readers hear."""
    tag = blank(match)
    for alt in ALT.finditer(match.group(0)):
        tag = tag[:alt.start(1)] + alt.group(1) + tag[alt.end(1):]
    return tag


def mask_markup(text: str) -> str:
    """Only the words a reader sees: also blanks link targets, URLs, HTML tags (but not their alt text),
    attribute lists and placeholders."""
    text = mask_code(text)
    for pattern in (LINK_TARGET, URL):
        text = pattern.sub(blank, text)
    text = TAG.sub(_blank_tag, text)
    for pattern in (ATTR_LIST, PLACEHOLDER):
        text = pattern.sub(blank, text)
    return text


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


@dataclass
class Page:
    """A Markdown page. Lines count from 1 at the top of the file, front matter included."""

    path: str  # as printed, relative to the repository root, e.g. docs/aftercare.md
    file: Path
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    front_matter_end: int = 0  # the line of the closing ---, 0 without front matter
    problems: list[Problem] = field(default_factory=list)  # front matter that could not be read

    @property
    def body(self) -> str:
        """The text after the front matter, with the front matter's lines left blank (lines keep their numbers)."""
        lines = self.text.split("\n")
        return "\n" * self.front_matter_end + "\n".join(lines[self.front_matter_end:])

    def key_line(self, key: str) -> int:
        return self.key_lines.get(key, 1)

    @property
    def root(self) -> Path:
        """The project's folder, which the page's printed path is relative to."""
        return self.file.resolve().parents[len(Path(self.path).parts) - 1]


def _key_lines(front_matter: str) -> dict[str, int]:
    """The line in the file of each top-level key, from the YAML parser's marks (line 1 is the opening ---)."""
    try:
        root = yaml.compose(front_matter, Loader=FastFrontMatterLoader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError:
        return {}
    if not isinstance(root, yaml.MappingNode):
        return {}
    return {str(key.value): key.start_mark.line + 2 for key, _ in root.value}


def parse_page(file: Path, text: str, root: Path) -> Page:
    """Split a page into front matter and body; a YAML error becomes a problem with its line."""
    try:
        shown = file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        shown = file.as_posix()
    page = Page(shown, file, text)
    closing = front_matter_end(text)
    if closing == 0:
        page.problems.append(Problem(shown, 1, "the page has no front matter: start it with a line of ---, "
                                               "then title:, description: and clinical:, then another ---"))
        return page
    if closing is None:
        page.problems.append(Problem(shown, 1, "the front matter is not closed: add a line of --- after it"))
        return page
    page.front_matter_end = closing
    front_matter = split_front_matter(text)[0]
    page.key_lines = _key_lines(front_matter)
    try:
        meta = parse_front_matter(front_matter) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        page.problems.append(Problem(shown, mark.line + 2 if mark else 1,
                                     yaml_error_message(error, "the front matter") + "; put a value in double "
                                     "quotes if it contains a colon or starts with a quote"))
        return page
    if not isinstance(meta, dict):
        page.problems.append(Problem(shown, 2, "the front matter must be lines of key: value, "
                                               "e.g. title: What is microneedling?"))
        return page
    page.meta = {str(key): value for key, value in meta.items()}
    return page
