"""What changed in a page since a clinician signed it, in words: its prose word by word (removed words as
`[- … -]`, added as `[+ … +]`, readable in black and white and by pdftotext) and the parts of its version that are
not prose (title, description, clinical, sources, the illustrations it includes, the English version it
translates). Both versions are read as scripts/site/page_version.py reads them, so the packet shows exactly what
its id covers."""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scripts.content.readability import prose_from_html, render
from scripts.site.front_matter import split_front_matter
from scripts.site.includes import INCLUDE, INCLUDES, MARKDOWN, FileReader, with_includes
from scripts.site.page_version import version_content

SAME, REMOVED, ADDED = "same", "removed", "added"
BREAK = "\n"  # a token between two blocks of prose, so a change across paragraphs keeps them apart
# Unchanged runs this short between two changes join them: "[- Use a clean -] [+ Change your +]" reads better
# than a change, one kept word, another change.
JOIN_BELOW = 3
TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Piece:
    kind: str  # SAME, REMOVED or ADDED
    text: str


@dataclass(frozen=True)
class Passage:
    """One changed passage of the page's prose, under its heading in the new version (the old one if removed)."""

    heading: str
    pieces: tuple[Piece, ...]

    @property
    def marked(self) -> str:
        return marked(self.pieces)


def _tokens(blocks: list[str]) -> list[str]:
    tokens: list[str] = []
    for block in blocks:
        tokens += ([BREAK] if tokens else []) + block.split()
    return tokens


def _joined(tokens: list[str]) -> str:
    return re.sub(rf" ?{BREAK} ?", BREAK, " ".join(tokens))


def word_diff(old: list[str], new: list[str]) -> tuple[Piece, ...]:
    """The words of `new` with those of `old` it lost and gained, in reading order (blocks separated by BREAK)."""
    before, after = _tokens(old), _tokens(new)
    opcodes = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    # A short unchanged run between two changes becomes part of both, so a reworded sentence reads as one change.
    runs = [("change" if tag != "equal" else "equal", i1, i2, j1, j2) for tag, i1, i2, j1, j2 in opcodes]
    for index in range(1, len(runs) - 1):
        kind, i1, i2, j1, j2 = runs[index]
        if kind == "equal" and i2 - i1 < JOIN_BELOW and BREAK not in before[i1:i2]:
            runs[index] = ("change", i1, i2, j1, j2)
    pieces: list[Piece] = []
    removed: list[str] = []
    added: list[str] = []
    for kind, i1, i2, j1, j2 in runs + [("equal", len(before), len(before), len(after), len(after))]:
        if kind == "change":
            removed += before[i1:i2]
            added += after[j1:j2]
            continue
        pieces += [Piece(REMOVED, _joined(removed))] * bool(removed) + [Piece(ADDED, _joined(added))] * bool(added)
        removed, added = [], []
        if i2 > i1:
            pieces.append(Piece(SAME, _joined(before[i1:i2])))
    return tuple(pieces)


def marked(pieces: tuple[Piece, ...]) -> str:
    """The pieces as plain text: removed words as [- … -], added as [+ … +]."""
    shown = {SAME: "{}", REMOVED: "[- {} -]", ADDED: "[+ {} +]"}
    return re.sub(rf" ?{BREAK} ?", BREAK, " ".join(shown[piece.kind].format(piece.text) for piece in pieces))


def _heading_of_blocks(blocks: list[str], headings: list[str]) -> list[str]:
    """For each block, the heading it is under (the blocks include the headings, in order)."""
    under, current, wanted = [], "", list(headings)
    for block in blocks:
        if wanted and block == wanted[0]:
            current = wanted.pop(0)
        under.append(current)
    return under


def prose_passages(old: list[str], new: list[str], old_headings: tuple[str, ...] = (),
                   new_headings: tuple[str, ...] = ()) -> list[Passage]:
    """Each changed run of blocks, word by word, under its heading; unchanged blocks are left out."""
    under_old, under_new = _heading_of_blocks(old, list(old_headings)), _heading_of_blocks(new, list(new_headings))
    passages = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        heading = under_new[j1] if j2 > j1 else under_old[i1] if i2 > i1 else ""
        passages.append(Passage(heading, word_diff(old[i1:i2], new[j1:j2])))
    return passages


@dataclass(frozen=True)
class Version:
    """A page at one version: its file's text, and a reader of the project's files (includes, sources) then."""

    text: str
    read: FileReader
    config: Path  # the settings file whose Markdown extensions render it


def _prose(version: Version) -> tuple[list[str], tuple[str, ...]]:
    """The page's prose blocks with its headings and admonition titles, every clinic answer's wording included
    (placeholders by name), and its headings alone."""
    body = with_includes(split_front_matter(version.text)[1], version.read)
    body = INCLUDE.sub(lambda match: f"(illustration {match.group(2)} not found)", body)
    page = render(body, None, version.config)
    headings = tuple(" ".join(html.unescape(TAG.sub("", text)).replace("¶", "").split())
                     for text in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", page, re.S))
    return prose_from_html(page, titles=True), headings


def included(body: str, read: FileReader) -> dict[str, str]:
    """Every file the body includes, at any depth, by its name under docs/_includes/, with its text."""
    found: dict[str, str] = {}
    pending = [match.group(2).strip() for match in INCLUDE.finditer(body)]
    while pending:
        name = pending.pop(0)
        if name in found:
            continue
        found[name] = read((INCLUDES / name).as_posix()) or ""
        pending += [match.group(2).strip() for match in INCLUDE.finditer(found[name])]
    return found


def _kind(name: str) -> str:
    """What an included file is, in a packet's words: text shared with other pages, or an illustration."""
    return "Shared text" if name.endswith(MARKDOWN) else "Illustration"


def _words_of_html(text: str) -> str:
    """The words an illustration shows or says (its SVG text, title, description and caption)."""
    return " ".join(html.unescape(TAG.sub(" ", INCLUDE.sub(" ", text))).split())


@dataclass(frozen=True)
class FieldChange:
    """One part of the page's version that changed, in words, with its words diffed where it has any."""

    field: str
    summary: str
    pieces: tuple[Piece, ...] = ()


def _source_label(source: dict[str, Any]) -> str:
    parts = [str(source.get(key)) for key in ("title", "publisher", "year") if source.get(key)]
    return f"{source['id']} ({'; '.join(parts)})" if parts else str(source["id"])


def field_changes(old: Version, new: Version) -> list[FieldChange]:
    """The parts of the version other than the prose that differ: title, description, clinical, sources added,
    removed or re-cited, the English version translated, and each file included (an illustration or shared text),
    added, changed or removed."""
    before, after = version_content(old.text, old.read), version_content(new.text, new.read)
    changes = []
    for key, label in (("title", "Title"), ("description", "Description")):
        if before[key] != after[key]:
            changes.append(FieldChange(label, f"{label} changed.", word_diff([str(before[key] or "")],
                                                                              [str(after[key] or "")])))
    if before["clinical"] != after["clinical"]:
        changes.append(FieldChange("Clinical", f"clinical: {before['clinical']} is now clinical: {after['clinical']}."))
    old_sources = {source["id"]: source for source in before["sources"]}
    new_sources = {source["id"]: source for source in after["sources"]}
    changes += [FieldChange("Sources", f"Source added: {_source_label(source)}.")
                for key, source in new_sources.items() if key not in old_sources]
    changes += [FieldChange("Sources", f"Source removed: {_source_label(source)}.")
                for key, source in old_sources.items() if key not in new_sources]
    changes += [FieldChange("Sources", f"Source cited differently: {_source_label(old_sources[key])} is now "
                                       f"{_source_label(source)}.")
                for key, source in new_sources.items() if key in old_sources and old_sources[key] != source]
    if before["translated_from"] != after["translated_from"]:
        changes.append(FieldChange("Translates", f"It now translates English version {after['translated_from']} "
                                                 f"(it translated {before['translated_from'] or 'none'})."))
    old_files = included(split_front_matter(old.text)[1], old.read)
    new_files = included(split_front_matter(new.text)[1], new.read)
    changes += [FieldChange("Includes", f"{_kind(name)} added: {name}.") for name in new_files
                if name not in old_files]
    changes += [FieldChange("Includes", f"{_kind(name)} removed: {name}.") for name in old_files
                if name not in new_files]
    for name, text in new_files.items():
        if name not in old_files or old_files[name] == text:
            continue
        if name.endswith(MARKDOWN):  # its words are the page's prose, marked word by word with the rest
            changes.append(FieldChange("Includes", f"Shared text changed: {name} (the same change is on every page "
                                                   "that includes it; its words are marked in the text above)."))
            continue
        words_before, words_after = _words_of_html(old_files[name]), _words_of_html(text)
        if words_before == words_after:
            changes.append(FieldChange("Includes", f"Illustration changed: {name} (its drawing, not its words)."))
        else:
            changes.append(FieldChange("Includes", f"Illustration changed: {name}.",
                                       word_diff([words_before], [words_after])))
    return changes


@dataclass(frozen=True)
class Changes:
    passages: list[Passage]
    fields: list[FieldChange]


def changes_since(signed: Version, now: Version) -> Changes:
    """What a clinician who signed `signed` needs to read again in `now`."""
    old_prose, old_headings = _prose(signed)
    new_prose, new_headings = _prose(now)
    return Changes(prose_passages(old_prose, new_prose, old_headings, new_headings), field_changes(signed, now))
