"""A page's Markdown as a review packet shows it: rendered as the site renders it (scripts/content/readability.py's
`render`), with its illustrations inlined and then given as their words, and nothing that would fetch a file or
need the site's stylesheet, so the packet stays one self-contained file."""

from __future__ import annotations

import html
import re
import textwrap
from pathlib import Path
from typing import Any

from scripts.content.readability import render
from scripts.site.includes import INCLUDE, FileReader, with_includes

SVG = re.compile(r"<svg\b.*?</svg>", re.S)
HEADING_LINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
IMAGE = re.compile(r"<img\b[^>]*>")
ALT = re.compile(r'\balt="([^"]*)"')
TAG = re.compile(r"<[^>]+>")


def words_of(markup: str) -> str:
    """The words of some HTML (an illustration's title, description and labels), in order."""
    return " ".join(html.unescape(TAG.sub(" ", markup)).split())


def self_contained(page_html: str, illustration: str = "Illustration") -> str:
    """The HTML with each drawing replaced by its words, each picture by its description, and no heading links."""
    page_html = SVG.sub(lambda match: f'<span class="illustration">[{illustration}: '
                                      f"{html.escape(words_of(match.group(0)))}]</span>", page_html)
    page_html = IMAGE.sub(_picture_words, page_html)
    return HEADING_LINK.sub("", page_html)


def _picture_words(image: re.Match[str]) -> str:
    found = ALT.search(image.group(0))
    return f"[Picture: {found.group(1)}]" if found and found.group(1) else ""


def markdown_html(markdown: str, read: FileReader, clinic: dict[str, Any] | None, config: Path) -> str:
    """Page Markdown (a body, a section or a clinic answer's wording) as packet HTML: includes inlined, the clinic's
    answers decided and its details filled in (with no clinic: every wording, details by their names)."""
    body = with_includes(textwrap.dedent(markdown), read)
    body = INCLUDE.sub(lambda match: f"(illustration {match.group(2)} not found)", body)
    return self_contained(render(body, clinic, config))
