"""The guide's languages: English in docs/ built from mkdocs.yml at the site's root, and each translation in
its own folder (docs/<code>/) built from its own settings file, mkdocs.<code>.yml (which INHERITs mkdocs.yml),
under /<code>/. A language is that one settings file and that one folder: everything that asks which languages
exist, or which pages one has, asks `languages()` and `Language.pages`. A translated page names the English page it
translates (`translation_of:`) and the English version it translates (`translated_from:`, a version id)."""

from __future__ import annotations

import functools
import os
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pathspec
import yaml

from scripts.site.addresses import page_url
from scripts.site.front_matter import load_front_matter, split_front_matter
from scripts.site.settings import load_settings, nav_pages, own_settings
from scripts.site.treatments import (
    Treatment,
    hidden_by_environment,
    hidden_pages,
    language_treatments,
    page_treatment,
    without_pages,
)

ENGLISH = "en"
ENGLISH_SETTINGS = "mkdocs.yml"
# mkdocs.es.yml, mkdocs.fr.yml, mkdocs.pt-br.yml: a translation's settings file names its language.
TRANSLATION_SETTINGS = re.compile(r"mkdocs\.([a-z]{2,3}(?:-[a-z0-9]+)?)\.yml")
LANGUAGE_WORDS = ("this_page", "guide", "in_english")  # extra.this_language in each settings file


@dataclass(frozen=True)
class Language:
    code: str  # "en", "es"
    config: Path  # mkdocs.yml, mkdocs.es.yml
    docs: Path  # docs, docs/es
    prefix: str  # "" or "es/": where its pages are, inside docs/ and on the site
    words: dict[str, str]  # this_page, guide, in_english: how the other languages offer it (extra.this_language)
    excluded: tuple[str, ...]  # its settings' exclude_docs patterns, and the translations' folders (English)

    @property
    def pages(self) -> list[Path]:
        """Every Markdown page the language's build publishes, at any depth of its folder."""
        spec = pathspec.GitIgnoreSpec.from_lines(self.excluded)
        return sorted(path for path in self.docs.rglob("*.md")
                      if not any(part.startswith(".") for part in path.relative_to(self.docs).parts)
                      and not spec.match_file(path.relative_to(self.docs).as_posix()))

    def key(self, page: Path) -> str:
        """A page's path inside docs/ ("es/riesgos.md"), as every message and the site's addresses name it."""
        return self.prefix + page.relative_to(self.docs).as_posix()

    @property
    def name(self) -> str:
        """The language's name for staff and reviewers ("Spanish")."""
        return self.words.get("in_english") or self.code


def _language(code: str, config: Path, translations: tuple[str, ...] = ()) -> Language:
    settings = load_settings(config) if config.is_file() else {}
    docs = config.parent / str(settings.get("docs_dir") or "docs")
    own = own_settings(config).get("extra") if config.is_file() else None
    words = (own or {}).get("this_language") if isinstance(own, dict) else None
    excluded = tuple(str(settings.get("exclude_docs") or "").splitlines()) + tuple(f"/{t}/" for t in translations)
    return Language(code, config, docs, "" if code == ENGLISH else f"{code}/",
                    {str(key): str(value) for key, value in (words or {}).items()} if isinstance(words, dict) else {},
                    excluded)


def languages(root: Path) -> list[Language]:
    """English first, then every translation that has its settings file (mkdocs.<code>.yml), by code."""
    files = sorted(root.glob("mkdocs*.yml"))
    return list(_languages(root, tuple((file.name, file.read_text(encoding="utf-8")) for file in files)))


@functools.lru_cache(maxsize=16)
def _languages(root: Path, settings_texts: tuple[tuple[str, str], ...]) -> tuple[Language, ...]:
    """Worked out once per set of settings files (every page of a check or a build asks)."""
    codes = tuple(sorted(match.group(1) for name, _ in settings_texts
                         if (match := TRANSLATION_SETTINGS.fullmatch(name))))
    return (_language(ENGLISH, root / ENGLISH_SETTINGS, codes),
            *(_language(code, root / f"mkdocs.{code}.yml") for code in codes))


def language(root: Path, code: str) -> Language:
    """One language by its code; ValueError naming the languages there are."""
    for found in languages(root):
        if found.code == code:
            return found
    known = ", ".join(found.code for found in languages(root))
    raise ValueError(f"there is no language '{code}': the languages are {known} (each translation has its own "
                     f"settings file, mkdocs.<code>.yml)")


def language_built_by(config_path: Path) -> Language:
    """The language a settings file builds: one of `languages()`, found by its file (never by what the file
    says of itself), or, for another settings file (a test's or the benchmark's), English-like from that file."""
    config_path = config_path.resolve()
    found = next((each for each in languages(config_path.parent) if each.config.resolve() == config_path), None)
    return found or _language(ENGLISH, config_path)


def language_of(root: Path, page_key: str) -> Language:
    """The language of a page by its path inside docs/ ("es/riesgos.md" is Spanish)."""
    found = languages(root)
    return next((lang for lang in found[1:] if page_key.startswith(lang.prefix)), found[0])


def language_of_file(root: Path, page: Path) -> Language:
    """The language of a page file: the translation whose folder holds it, or English."""
    found, page = languages(root), page.resolve()
    return next((lang for lang in found[1:] if page.is_relative_to(lang.docs.resolve())), found[0])


def language_words(root: Path) -> dict[str, dict[str, str]]:
    """Each language's words for the language switch and the 404 page, by code (from its own settings file)."""
    return {found.code: found.words for found in languages(root)}


def translations(root: Path, code: str) -> dict[str, str]:
    """English page -> its translation in `code`, both as paths inside docs/ (e.g. "risks.md" -> "es/riesgos.md")."""
    translated = language(root, code)
    found = {}
    for page in translated.pages:
        try:
            source = load_front_matter(page.read_text(encoding="utf-8")).get("translation_of")
        except yaml.YAMLError:
            continue
        if source:
            found[str(source)] = translated.key(page)
    return found


def page_address(page: str) -> str:
    """The address of a page inside its language's docs folder, relative to that language's root."""
    return page_url(page).removeprefix("/")


def _published(language: Language, environment: Mapping[str, str]) -> set[str]:
    """The pages of a language (paths inside its docs folder) a build with this environment publishes: not those of
    a treatment it leaves out (a draft, or one held back at publishing)."""
    found = language_treatments(language.config)
    left_out = hidden_pages(language.docs, language.pages, found, hidden_by_environment(found, environment))
    return {page.relative_to(language.docs).as_posix() for page in language.pages} - left_out


def alternates_by_page(root: Path, code: str, site_url: str,
                       environment: Mapping[str, str] | None = None) -> dict[str, list[dict[str, str]]]:
    """Every page of the language `code`, by its path inside that language's folder, -> the same page in every
    language it exists in, this page first, as {"lang", "url" (absolute, for hreflang), "href" (relative to the page,
    for the language switch)}. Worked out once per build: every page's translations are read once, not per page."""
    if not site_url:
        return {}
    every = languages(root)
    # Only pages this build and the others publish: a language switch or hreflang never leads to a hidden page.
    published = {found.code: _published(found, os.environ if environment is None else environment)
                 for found in every}
    translated = {found.code: {english: page for english, page in translations(root, found.code).items()
                               if page.removeprefix(found.prefix) in published[found.code]}
                  for found in every[1:]}
    here = next(found for found in every if found.code == code)
    base = site_url.removesuffix(here.prefix) if here.prefix else site_url
    found_pages = {}
    for file in here.pages:
        page = file.relative_to(here.docs).as_posix()
        try:
            meta = load_front_matter(file.read_text(encoding="utf-8"))
        except yaml.YAMLError:
            meta = {}  # the build reports it, with its line
        english = page if code == ENGLISH else str(meta.get("translation_of") or "")
        found = {code: site_url + page_address(page)}
        if english and (root / "docs" / english).is_file() and english in published[ENGLISH]:
            found.setdefault(ENGLISH, base + page_address(english))
        for translation in every[1:]:
            other = translated[translation.code].get(english) if english else None
            if other:
                found.setdefault(translation.code,
                                 base + translation.prefix + page_address(other.removeprefix(translation.prefix)))
        path = urlparse(found[code]).path
        found_pages[page] = [{"lang": lang, "url": url, "href": _relative(urlparse(url).path, path)}
                             for lang, url in found.items()]
    return found_pages


def _relative(target: str, here: str) -> str:
    """A link from the page at path `here` to the path `target`, relative, so it works under any host or folder."""
    link = posixpath.relpath(target, here if here.endswith("/") else posixpath.dirname(here))
    return link + "/" if target.endswith("/") and not link.endswith("/") else link


SECTION = re.compile(r"^##\s+(.+?)\s*\{\s*#([\w-]+)[^}]*\}\s*$", re.MULTILINE)


def link_sheet(language: Language,
               hidden: Callable[[dict[str, Treatment]], set[str]] = lambda found: set()) -> list[dict[str, Any]]:
    """A translation's pages for the staff link sheet, grouped as its menu groups them: one group per menu section
    (a treatment, titled with its name in that language, with its key), in menu order, then one untitled group of
    the pages at the menu's top level (the clinic's shared pages). Each page has its title, description, address
    (relative to the English site's root, e.g. "es/riesgos/") and its sections with explicit ids. `hidden` names
    the treatments the build leaves out (drafts, withheld), given the language's treatments: their pages are not
    listed."""
    nav = load_settings(language.config).get("nav") if language.config.is_file() else []
    found = language_treatments(language.config)
    left_out = hidden_pages(language.docs, language.pages, found, hidden(found))
    nav = without_pages(nav, lambda path: path in left_out) or []
    sections = [entry for entry in nav if _is_section(entry)]
    groups = [{"title": str(title), "key": _treatment_of_pages(language, nav_pages(value), found),
               "pages": _sheet_pages(language, nav_pages(value))}
              for entry in sections for title, value in entry.items()]
    groups.append({"title": "", "key": "",
                   "pages": _sheet_pages(language, nav_pages([entry for entry in nav if entry not in sections]))})
    return [group for group in groups if group["pages"]]


def _treatment_of_pages(language: Language, names: list[str], found: dict[str, Treatment]) -> str:
    """The treatment of a menu section: its first page's (its hub's), or none."""
    first = language.docs / names[0] if names else None
    return (page_treatment(language.docs, first, found) or "") if first and first.is_file() else ""


def _is_section(entry: Any) -> bool:
    """A menu section (`- Title: [pages]`), not a page (`- page.md`, or a titled one, `- Title: page.md`)."""
    return isinstance(entry, dict) and not any(isinstance(value, str) for value in entry.values())


def _sheet_pages(language: Language, names: list[str]) -> list[dict[str, Any]]:
    pages = []
    for name in names:
        source = language.docs / name
        if not source.is_file():
            continue
        text = source.read_text(encoding="utf-8")
        meta = load_front_matter(text)
        body = split_front_matter(text)[1]
        pages.append({"title": str(meta.get("title") or ""), "description": str(meta.get("description") or ""),
                      "url": language.prefix + page_address(str(name)),
                      "sections": [{"title": re.sub(r"[*_`]", "", title), "id": anchor}
                                   for title, anchor in SECTION.findall(body)]})
    return pages
