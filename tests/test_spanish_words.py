"""No English words on Spanish pages, beyond the ones we keep on purpose (data/english-on-spanish-pages.yml).

Every visible text node of each built Spanish page is read, and every `title`, `aria-label`, `alt` and
`placeholder` attribute. English is found by a short list of common English words (function words and the
words of a site's interface), not by a dictionary, so the check is fast and always gives the same answer.
Text the page itself declares English (`lang="en"`, e.g. the switch to the English page or an English source's
title) is left out; so is each class of kept English the data file names, with its reason.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from scripts.built_site import html_files
from scripts.site.settings import load_settings
from tests.conftest import ROOT

ALLOWED_FILE = ROOT / "data" / "english-on-spanish-pages.yml"
# Common English words that are not also Spanish words ("a", "no", "me", "pie", "red", "once", "son" are left
# out for that reason). Lower case.
ENGLISH_WORDS = frozenset("""
the and to of your you this that these with for from is are was were be been will would can could should
it its if or an on in at by we our us not what when where which who how here there more about after before
during then than also only just into out up over please

page pages link links section sections call calls book booking click tap read open scan code copy copied
share search searching results result skip next previous back close menu home contact questions answer
help get now today table contents top type clear print phone email text message hours day days week
skin care clinic treatment doctor nurse
""".split())
ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")
SKIPPED_TAGS = {"script", "style", "template", "noscript"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def allowed() -> dict:
    return yaml.safe_load(ALLOWED_FILE.read_text(encoding="utf-8"))


def kept_terms() -> list[str]:
    """The English we keep on Spanish pages: the data file's terms, and the clinic's name from its settings."""
    terms = [entry["term"] for entry in allowed()["terms"]]
    clinic = load_settings(ROOT / "mkdocs.yml")["extra"]["clinic"]
    return terms + [clinic["name"]]


class SpanishPageText(HTMLParser):
    """A built page's text as a reader meets it: (where, text) for each text node and each named attribute.

    Left out: scripts and styles; anything inside an element with lang="en"; the cells of a table column headed
    "Inglés" (the glossary's English column); and, with `keep_glosses`, an <em> written in brackets right after
    the Spanish word it glosses, "(*urgent care*)", the English name patients will hear.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._open: list[tuple[str, bool]] = []  # (tag, whether its text is left out)
        self._column = 0
        self._english_columns: set[int] = set()
        self._header_text = ""
        self._last_text = ""

    def _skipping(self) -> bool:
        return bool(self._open) and self._open[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        skip = self._skipping() or tag in SKIPPED_TAGS or (values.get("lang") or "").lower().startswith("en")
        if tag == "table":
            self._english_columns = set()
        elif tag == "tr":
            self._column = 0
        elif tag in ("th", "td"):
            self._column += 1
            self._header_text = ""
            if tag == "td" and self._column in self._english_columns:
                skip = True
        elif tag == "em" and self._last_text.rstrip().endswith("("):
            skip = True
        if not skip:
            for name in ATTRIBUTES:
                if values.get(name):
                    self.found.append((f'<{tag} {name}="…">', values[name]))
        if tag not in VOID:
            self._open.append((tag, skip))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self._open.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag == "th" and self._header_text.strip().lower() == "inglés":
            self._english_columns.add(self._column)
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                return

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1][0] == "th":
            self._header_text += data
        if not data.strip():
            return
        if not self._skipping():
            self.found.append((f"<{self._open[-1][0] if self._open else ''}>", data.strip()))
            self._last_text = data
        elif self._open and self._open[-1][0] != "em":
            self._last_text = data


def english_words(text: str, terms: list[str]) -> list[str]:
    """The English words in `text`, once the kept terms are taken out (whole words, any case)."""
    for term in sorted(terms, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(term)}(?!\w)", " ", text, flags=re.IGNORECASE)
    return [word for word in WORD.findall(text) if word.lower() in ENGLISH_WORDS]


def english_on_pages(site: Path) -> list[str]:
    """Every English word on the site's pages, as 'page: <where> words | text'."""
    terms = kept_terms()
    problems = []
    for page in html_files(site):
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html[:2000]:
            continue
        parser = SpanishPageText()
        parser.feed(html)
        parser.close()
        for where, text in parser.found:
            words = english_words(text, terms)
            if words:
                problems.append(f"/{page.relative_to(site.parent).as_posix()}: {where} {' '.join(words)} | {text[:90]}")
    return problems


def test_every_kept_english_term_and_class_says_why() -> None:
    data = allowed()
    assert data["terms"], "the list of kept English terms is empty"
    for entry in data["terms"]:
        assert str(entry.get("term") or "").strip(), entry
        assert len(str(entry.get("reason") or "").split()) >= 3, f"{entry['term']!r} needs its reason"
    for name in ("lang_en", "english_column", "gloss_in_brackets"):
        assert len(str(data["classes"].get(name) or "").split()) >= 3, f"class {name} needs its reason"


def test_spanish_pages_have_no_english_words(built_site: Path) -> None:
    problems = english_on_pages(built_site / "es")
    assert not problems, "English words on Spanish pages (translate them, or keep them in " \
        "data/english-on-spanish-pages.yml with a reason):\n" + "\n".join(problems)


@pytest.mark.parametrize("planted", [
    '<a class="headerlink" href="#x" title="Link to this section">¶</a>',
    "<p>Call us to book your visit.</p>",
    '<button aria-label="Close this page">×</button>',
])
def test_the_check_reports_english_planted_in_a_spanish_page(built_site: Path, tmp_path: Path,
                                                            planted: str) -> None:
    copy = tmp_path / "es"
    shutil.copytree(built_site / "es" / "que-es", copy / "que-es")
    page = copy / "que-es" / "index.html"
    before = english_on_pages(copy)
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</h1>", "</h1>" + planted, 1), encoding="utf-8")
    new = [line for line in english_on_pages(copy) if line not in before]
    assert len(new) == 1 and new[0].startswith("/es/que-es/index.html: "), new


def test_kept_english_is_left_out_only_where_the_data_file_says() -> None:
    parser = SpanishPageText()
    parser.feed('<p>Vaya a una clínica de urgencias (<em>urgent care</em>).</p>'
                '<p lang="en"><a href="/">Read this page in English</a></p>'
                '<table><tr><th>Español</th><th>Inglés</th></tr><tr><td>piel</td><td>the skin</td></tr></table>'
                '<p><em>Call the clinic</em> hoy.</p>')
    texts = [text for _, text in parser.found]
    assert texts == ["Vaya a una clínica de urgencias (", ").", "Español", "Inglés", "piel", "Call the clinic", "hoy."]
    assert english_words("Vaya a microneedling con la FDA", kept_terms()) == []
    assert english_words("Link to this section", kept_terms()) == ["Link", "to", "this", "section"]
