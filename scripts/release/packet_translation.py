"""A translation beside its English version, section by section (split at the `##` headings), for the packet: a
Spanish page beside its English page at the version it translates, an English page beside each translation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path
from typing import Any

import yaml

from scripts.release.packet_html import markdown_html
from scripts.site.front_matter import load_front_matter, split_front_matter
from scripts.site.languages import ENGLISH, Language, language_of_file, languages, translations
from scripts.site.page_details import details_of_page
from scripts.site.page_version import FileReader, page_version, version_of, working_tree
from scripts.site.review_history import signed_text

SECTION_START = re.compile(r"^(?=## )", re.MULTILINE)
HEADING = re.compile(r"^##\s+(.*?)\s*(?:\{[^}]*\})?\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Column:
    """One language's version of the page, as sections of rendered HTML."""

    language: str  # e.g. "English"
    code: str  # e.g. "en"
    file: str  # e.g. docs/aftercare.md
    version: str
    sections: list[str]


@dataclass(frozen=True)
class SideBySide:
    english: Column
    translation: Column
    notes: list[str]  # which English version is shown, whether the translation is behind, whether counts differ

    @property
    def rows(self) -> list[tuple[str, str]]:
        return list(zip_longest(self.english.sections, self.translation.sections, fillvalue=""))


def sections(text: str, read: FileReader, clinic: dict[str, Any], config: Path) -> list[str]:
    """The page's body cut before each `##` heading (the part before the first heading is a section too), each as
    the packet shows it, with the clinic's answers as the page shows them now."""
    body = split_front_matter(text)[1].strip()
    return [markdown_html(part, read, clinic, config) for part in SECTION_START.split(body) if part.strip()]


def _column(root: Path, language: Language, file: Path, text: str, read: FileReader) -> Column:
    """One language's column, with the clinic's answers as that language's pages show them."""
    shown = file.resolve().relative_to(root.resolve()).as_posix()
    return Column(language.name, language.code, shown, version_of(text, read),
                  sections(text, read, details_of_page(root, language.key(file), text), language.config))


def _counted(english: Column, translation: Column) -> list[str]:
    if len(english.sections) == len(translation.sections):
        return []
    return [f"The section counts differ: {english.language} has {len(english.sections)}, {translation.language} has "
            f"{len(translation.sections)}. Rows after the first difference may not line up."]


def _meta(text: str) -> dict[str, Any]:
    try:
        return load_front_matter(text)
    except yaml.YAMLError:
        return {}


def beside_english(root: Path, page: Path) -> list[SideBySide]:
    """For a translation: its English page at the version it translates (or as it is now, saying so). For an
    English page: each of its translations, saying when one translates an earlier English version."""
    here = language_of_file(root, page)
    text = page.read_text(encoding="utf-8")
    read = working_tree(root)
    every = {language.code: language for language in languages(root)}
    if here.code != ENGLISH:
        source = str(_meta(text).get("translation_of") or "")
        english_file = every[ENGLISH].docs / source
        if not source or not english_file.is_file():
            return []
        wanted = str(_meta(text).get("translated_from") or "")
        now = page_version(root, english_file)
        earlier = signed_text(root, english_file, wanted) if wanted and wanted != now else None
        english_text = earlier or english_file.read_text(encoding="utf-8")
        notes = ([f"The English page at version {wanted}, the version this translation translates; it is version "
                  f"{now} now: compare the translation with the English page as it is now too."] if earlier else
                 [f"The English page as it is now (version {now}), which this translation translates."]
                 if wanted == now else
                 [f"This translation says it translates English version {wanted or '(none given)'}, which git does "
                  f"not show; the English page is shown as it is now (version {now})."])
        english = _column(root, every[ENGLISH], english_file, english_text, read)
        translation = _column(root, here, page, text, read)
        return [SideBySide(english, translation, notes + _counted(english, translation))]
    key = here.key(page)
    english = _column(root, here, page, text, read)
    found = []
    for language in list(every.values())[1:]:
        translated = translations(root, language.code).get(key)
        if not translated:
            continue
        file = language.docs / translated.removeprefix(language.prefix)
        translation_text = file.read_text(encoding="utf-8")
        translation = _column(root, language, file, translation_text, read)
        wanted = str(_meta(translation_text).get("translated_from") or "")
        notes = [] if wanted == english.version else [
            f"The {language.name} page translates English version {wanted or '(none given)'}, not this version "
            f"({english.version}): it needs updating after this page is signed."]
        found.append(SideBySide(english, translation, notes + _counted(english, translation)))
    return found
