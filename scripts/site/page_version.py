"""A page's version id: a fingerprint of everything patients read on it as clinical content, which is what a
clinician signs (the packet id). It covers the title, the description, whether the page is clinical, its sources
(each cited source's title, publisher and year, not its address, so mending a link unsigns nothing), the body
with the files it includes (the illustrations, and text shared with other pages: a change to such a file gives
every page that includes it a new version), and for a translation the English version it translates. Placeholders
count by name, not value, so a new phone number or promotion never unsigns a page; the review lines themselves are
not part of it."""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import Any

import yaml

from scripts.site.front_matter import load_front_matter, split_front_matter
from scripts.site.includes import FileReader, with_includes
from scripts.site.sources import SOURCES_FILE

SOURCE_FIELDS = ("title", "publisher", "year")
VERSION_LENGTH = 12  # hex digits: short enough to read aloud from a printed packet


def working_tree(root: Path) -> FileReader:
    def read(path: str) -> str | None:
        file = root / path
        return file.read_text(encoding="utf-8") if file.is_file() else None
    return read


@functools.lru_cache(maxsize=8)
def _sources_by_id(text: str) -> dict[Any, dict[str, Any]]:
    """The sources file's entries by id, parsed once per text (every page's version reads it)."""
    try:
        entries = yaml.safe_load(text) or []
    except yaml.YAMLError:
        entries = []
    return {entry.get("id"): entry for entry in entries if isinstance(entry, dict)} if isinstance(entries, list) \
        else {}


def _cited(ids: Any, read: FileReader) -> list[dict[str, Any]]:
    by_id = _sources_by_id(read(SOURCES_FILE.as_posix()) or "")
    return [{"id": str(source_id), **{key: by_id.get(source_id, {}).get(key) for key in SOURCE_FIELDS}}
            for source_id in (ids if isinstance(ids, list) else [])]


def version_content(text: str, read: FileReader) -> dict[str, Any]:
    """What a page's version covers, as data (the packet lists its parts)."""
    meta = load_front_matter(text)
    body = split_front_matter(text)[1].replace("\r\n", "\n").strip()
    return {"title": meta.get("title"), "description": meta.get("description"), "clinical": meta.get("clinical"),
            "sources": _cited(meta.get("sources"), read), "translated_from": meta.get("translated_from"),
            "body": with_includes(body, read)}


def version_of(text: str, read: FileReader) -> str:
    """The version id of a page whose file text is `text`, its includes and sources read through `read`."""
    content = json.dumps(version_content(text, read), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:VERSION_LENGTH]


def page_version(root: Path, page: Path) -> str:
    """The version id of a page file as it is now in the working tree."""
    return version_of(page.read_text(encoding="utf-8"), working_tree(root))
