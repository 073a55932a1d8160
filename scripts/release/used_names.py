"""What the built site can put in a page: the names a stylesheet rule's selector must find for the rule to apply.

Read from every HTML page of every language (tags, classes, ids, attributes and their values) and from every
script (the site's files and each page's inline scripts), because a script can add a class or an element at run time:
Material's bundle opens the drawer and the search dialog and writes search results. A word of a script counts as a
class or id only within a component (a BEM block: `md-search-result` for `md-search-result__more`) that some page has,
or when the script adds exactly that class with `classList` or `className`: the bundle names every component it knows
(tooltips, code copy buttons, version menus, content tabs) but builds each only inside a page that has it. A word
that a script ends with `-` or `_` before a variable part (`md-tag--${…}`) counts as the start of such names. Counting
too much only keeps a rule; counting too little would lose one, so this errs on the side of too much.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path

from scripts.built_site import html_files

WORD = re.compile(r"[A-Za-z_][\w-]*")
# A class a script puts on an element by name: classList.add("js"), .toggle("md-tooltip--active", …), className = "hll".
ADDED_CLASSES = re.compile(
    r"""classList\.(?:add|toggle)\(\s*["'`]([^"'`$]+)["'`]|className\s*=\s*["'`]([^"'`$]+)["'`]""")
BLOCK = re.compile(r"__|--")
# A tag a script can put in a page: named whole in a string (x("details", …), createElement("table")), or written in
# markup (the search worker's "<mark>"); a script's other words (the property `.open`, "pre > code") make no element.
SCRIPT_TAGS = re.compile(r"""["'`]([a-z][a-z0-9]*)["'`]|<([a-z][a-z0-9]*)""")
DATASET = re.compile(r"\bdataset\.([A-Za-z]\w*)")  # element.dataset.mdState sets data-md-state
# Attributes whose values only the pages set: Material's bundle reads `dir` (getAttribute("dir")) but never sets it,
# so the word "rtl" in the bundle must not keep the right-to-left rules of a site written left to right.
# tests/test_trim_styles.py checks that no script sets one of them.
SET_BY_PAGES_ONLY = frozenset({"dir"})


def _block(name: str) -> str:
    return BLOCK.split(name, maxsplit=1)[0]


@dataclass(frozen=True)
class UsedNames:
    """Every name a selector may need, lower-cased where HTML ignores case (tags and attribute names). Frozen, so
    that a trimming already done for the same names can be reused."""

    tags: frozenset[str]
    classes: frozenset[str]
    ids: frozenset[str]
    attributes: tuple[tuple[str, frozenset[str]], ...]  # (name, the values pages give it), sorted by name
    script_words: frozenset[str]
    script_prefixes: frozenset[str]  # "md-tag--": a script adds a name beginning so
    script_classes: frozenset[str]  # added with classList or className
    script_tags: frozenset[str]

    @cached_property
    def _attribute_values(self) -> dict[str, frozenset[str]]:
        return dict(self.attributes)

    @cached_property
    def _class_blocks(self) -> frozenset[str]:
        return frozenset(_block(name) for name in self.classes)

    @cached_property
    def _id_blocks(self) -> frozenset[str]:
        return frozenset(_block(name) for name in self.ids)

    def _in_scripts(self, name: str) -> bool:
        return name in self.script_words or any(name.startswith(prefix) for prefix in self.script_prefixes)

    def has_tag(self, name: str) -> bool:
        return name.lower() in self.tags or name.lower() in self.script_tags

    def has_class(self, name: str) -> bool:
        return name in self.classes or name in self.script_classes or (
            _block(name) in self._class_blocks and self._in_scripts(name))

    def has_id(self, name: str) -> bool:
        return name in self.ids or (_block(name) in self._id_blocks and self._in_scripts(name))

    def has_attribute(self, name: str, value: str | None = None) -> bool:
        """`[name]`, or `[name=value]` when `value` is given (`~=` passes each word of a value)."""
        name = name.lower()
        if name not in self._attribute_values and name not in self.script_words:
            return False
        if value is None or value in self._attribute_values.get(name, frozenset()):
            return True
        return name not in SET_BY_PAGES_ONLY and self._in_scripts(value)


class _Collector(HTMLParser):
    """Gathers the names of start tags and scripts as they are read; `names()` gives them frozen."""

    def set_cdata_mode(self, *args: object, **kwargs: object) -> None:
        """Never read what follows a tag as its raw text (<script>, <style>, and from Python 3.11.13 <title> and
        <textarea>): it is given start tags only, each followed by the next."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.classes: set[str] = set()
        self.ids: set[str] = set()
        self.attributes: dict[str, set[str]] = {}
        self.words: set[str] = set()
        self.prefixes: set[str] = set()
        self.added_classes: set[str] = set()
        self.script_tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            values = self.attributes.setdefault(name, set())
            if value is None:
                continue
            values.add(value)
            values.update(value.split())  # `~=` matches one word of the value
            if name == "class":
                self.classes.update(value.split())
            elif name == "id":
                self.ids.add(value)

    def add_script(self, text: str, search_only: bool = False) -> None:
        """Read a script's names; of the search worker's (`search_only`), only the markup it writes into results."""
        self.script_tags.update(html_tag for _, html_tag in SCRIPT_TAGS.findall(text) if html_tag)
        if search_only:
            return
        self.script_tags.update(tag for tag, _ in SCRIPT_TAGS.findall(text) if tag)
        words = WORD.findall(text)
        self.words.update(words)
        self.words.update("data-" + re.sub(r"[A-Z]", lambda upper: "-" + upper.group(0).lower(), name)
                          for name in DATASET.findall(text))
        # Longer than "md-": a bare "md-" in a script would keep every rule of Material's.
        self.prefixes.update(word for word in words if len(word) > 3 and word[-1] in "-_")
        for found in ADDED_CLASSES.finditer(text):
            self.added_classes.update((found.group(1) or found.group(2)).split())

    def names(self) -> UsedNames:
        return UsedNames(
            tags=frozenset(self.tags), classes=frozenset(self.classes), ids=frozenset(self.ids),
            attributes=tuple(sorted((name, frozenset(values)) for name, values in self.attributes.items())),
            script_words=frozenset(self.words), script_prefixes=frozenset(self.prefixes),
            script_classes=frozenset(self.added_classes), script_tags=frozenset(self.script_tags))


# A start tag, its quoted attribute values read whole (a ">" inside one does not end it); an inline script's text.
START_TAG = re.compile(r"""<[A-Za-z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*>""")
TAG_OPENING = re.compile(r"<[A-Za-z]")
INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script\s*>", re.S | re.I)


def names_in(pages: Iterable[str], scripts: Iterable[tuple[str, bool]] = ()) -> UsedNames:
    """The names in these HTML pages and scripts (each with whether it is search's worker, see `add_script`).
    Pages repeat most of their tags (the header, the menu, the footer) and their inline scripts: each different start
    tag and script is read once, which makes reading a big site several times faster than parsing every page."""
    collector = _Collector()
    tags: dict[str, None] = {}
    inline_scripts: dict[str, None] = {}
    unusual: list[str] = []
    for page in pages:
        found = START_TAG.findall(page)
        if len(found) != len(TAG_OPENING.findall(page)):  # a tag the pattern cannot read whole (an unquoted value
            unusual.append(page)                             # with a quote, a "<b" inside a value): read it whole
        tags.update(dict.fromkeys(found))
        inline_scripts.update(dict.fromkeys(INLINE_SCRIPT.findall(page)))
    for text in ("".join(tags), *unusual):
        collector.feed(text)
        collector.close()
        collector.reset()
    for text in inline_scripts:
        collector.add_script(text)
    for text, search_only in scripts:
        collector.add_script(text, search_only)
    return collector.names()


def used_names(site: Path) -> UsedNames:
    """The names every page of the built `site` (every language) and its scripts may use."""
    return names_in((page.read_text(encoding="utf-8") for page in html_files(site)),
                    ((script.read_text(encoding="utf-8"), _search_only(script.relative_to(site)))
                     for script in sorted(site.rglob("*.js"))))


def _search_only(path: Path) -> bool:
    """The search worker and Lunr's language data run in a web worker: no page, only the markup of the results."""
    return "workers" in path.parts or "lunr" in path.parts
