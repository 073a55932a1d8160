"""What the built site can put in a page: the names a stylesheet rule's selector must find for the rule to apply.

Read from every HTML page of every language (tags, classes, ids, attributes and their values) and from every
script (the site's files and each page's inline scripts): a script can add a class or an element at run time (Material's
bundle opens the drawer and the search dialog, writes search results, tooltips and copy buttons), so every word in a
script counts as a name a page may use, and a word that a script ends with `-` or `_` before adding a variable part
(`md-tag--${…}`) counts as the start of such names. Counting too much only keeps a rule; counting too little would
lose one, so this errs on the side of too much.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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


@dataclass
class UsedNames:
    """Every name a selector may need, lower-cased where HTML ignores case (tags and attribute names)."""

    tags: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    attributes: dict[str, set[str]] = field(default_factory=dict)  # name -> the values pages give it
    script_words: set[str] = field(default_factory=set)
    script_prefixes: set[str] = field(default_factory=set)  # "md-tag--": a script adds a name beginning so
    script_classes: set[str] = field(default_factory=set)  # added with classList or className
    script_tags: set[str] = field(default_factory=set)

    def add_script(self, text: str, search_only: bool = False) -> None:
        """Read a script's names; of the search worker's (`search_only`), only the markup it writes into results."""
        self.script_tags.update(html_tag for _, html_tag in SCRIPT_TAGS.findall(text) if html_tag)
        if search_only:
            return
        self.script_tags.update(tag for tag, _ in SCRIPT_TAGS.findall(text) if tag)
        words = WORD.findall(text)
        self.script_words.update(words)
        self.script_words.update("data-" + re.sub(r"[A-Z]", lambda upper: "-" + upper.group(0).lower(), name)
                                 for name in DATASET.findall(text))
        # Longer than "md-": a bare "md-" in a script would keep every rule of Material's.
        self.script_prefixes.update(word for word in words if len(word) > 3 and word[-1] in "-_")
        for found in ADDED_CLASSES.finditer(text):
            self.script_classes.update((found.group(1) or found.group(2)).split())

    def _in_scripts(self, name: str) -> bool:
        return name in self.script_words or any(name.startswith(prefix) for prefix in self.script_prefixes)

    def has_tag(self, name: str) -> bool:
        return name.lower() in self.tags or name.lower() in self.script_tags

    def _block_in_pages(self, name: str, found: set[str]) -> bool:
        """Whether a page has a name of the same BEM block (md-search-result for md-search-result__more): Material's
        bundle names every component it has (tooltips, code copy buttons, version menus, content tabs), but it only
        builds inside a component a page has, so a name of a block no page has can only come from classList."""
        block = BLOCK.split(name, maxsplit=1)[0]
        return any(BLOCK.split(other, maxsplit=1)[0] == block for other in found)

    def has_class(self, name: str) -> bool:
        return name in self.classes or name in self.script_classes or (
            self._in_scripts(name) and self._block_in_pages(name, self.classes))

    def has_id(self, name: str) -> bool:
        return name in self.ids or (self._in_scripts(name) and self._block_in_pages(name, self.ids))

    def has_attribute(self, name: str, value: str | None = None) -> bool:
        """`[name]`, or `[name=value]` when `value` is given (`~=` passes each word of a value)."""
        name = name.lower()
        if name not in self.attributes and name not in self.script_words:
            return False
        if value is None:
            return True
        if value in self.attributes.get(name, set()):
            return True
        return name not in SET_BY_PAGES_ONLY and self._in_scripts(value)


class _Collector(HTMLParser):
    def __init__(self, names: UsedNames) -> None:
        super().__init__(convert_charrefs=True)
        self.names = names
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.tags.add(tag)
        self.in_script = tag == "script"
        for name, value in attrs:
            values = self.names.attributes.setdefault(name, set())
            if value is None:
                continue
            values.add(value)
            values.update(value.split())  # `~=` matches one word of the value
            if name == "class":
                self.names.classes.update(value.split())
            elif name == "id":
                self.names.ids.add(value)

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.names.add_script(data)


def used_names(site: Path) -> UsedNames:
    """The names every page of the built `site` (every language) and its scripts may use."""
    names = UsedNames()
    for page in html_files(site):
        collector = _Collector(names)
        collector.feed(page.read_text(encoding="utf-8"))
        collector.close()
    for script in sorted(site.rglob("*.js")):
        names.add_script(script.read_text(encoding="utf-8"), _search_only(script.relative_to(site)))
    return names


def _search_only(path: Path) -> bool:
    """The search worker and Lunr's language data run in a web worker: no page, only the markup of the results."""
    return "workers" in path.parts or "lunr" in path.parts
