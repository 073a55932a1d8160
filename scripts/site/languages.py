"""The guide's languages: English in docs/ built from mkdocs.yml at the site's root, and each translation in
docs/<code>/ built from mkdocs.<code>.yml (which INHERITs mkdocs.yml) under /<code>/. A translated page names
the English page it translates (`translation_of:`) and the English commit it translates (`translated_from:`)."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from scripts.site.addresses import page_url
from scripts.site.front_matter import load_front_matter, split_front_matter
from scripts.site.settings import load_settings

ENGLISH = "en"
TRANSLATIONS = ("es",)


@dataclass(frozen=True)
class Language:
    code: str  # "en", "es"
    config: Path  # mkdocs.yml, mkdocs.es.yml
    docs: Path  # docs, docs/es
    prefix: str  # "" or "es/": where its pages are, inside docs/ and on the site

    @property
    def pages(self) -> list[Path]:
        return sorted(self.docs.glob("*.md"))


def languages(root: Path) -> list[Language]:
    """English, and every translation that has its settings file."""
    found = [Language(ENGLISH, root / "mkdocs.yml", root / "docs", "")]
    found += [Language(code, root / f"mkdocs.{code}.yml", root / "docs" / code, f"{code}/")
              for code in TRANSLATIONS if (root / f"mkdocs.{code}.yml").is_file()]
    return found


def language_of(page_key: str) -> str:
    """The language of a page by its path inside docs/ ("es/riesgos.md" is Spanish)."""
    first = page_key.split("/", 1)[0]
    return first if first in TRANSLATIONS and "/" in page_key else ENGLISH


def translations(root: Path, code: str) -> dict[str, str]:
    """English page -> its translation in `code`, both as paths inside docs/ (e.g. "risks.md" -> "es/riesgos.md")."""
    found = {}
    for page in sorted((root / "docs" / code).glob("*.md")):
        try:
            source = load_front_matter(page.read_text(encoding="utf-8")).get("translation_of")
        except yaml.YAMLError:
            continue
        if source:
            found[str(source)] = f"{code}/{page.name}"
    return found


def page_address(page: str) -> str:
    """The address of a page inside its language's docs folder, relative to that language's root."""
    return page_url(page).removeprefix("/")


def alternates(root: Path, language: str, page: str, meta: dict, site_url: str) -> list[dict[str, str]]:
    """The same page in every language it exists in, this page first, as {"lang", "url" (absolute, for hreflang),
    "href" (relative to this page, for the language switch)}. `page` is inside this language's docs folder."""
    if not site_url:
        return []
    base = site_url.removesuffix(f"{language}/") if language != ENGLISH else site_url
    english = page if language == ENGLISH else str(meta.get("translation_of") or "")
    found = {language: site_url + page_address(page)}
    if english and (root / "docs" / english).is_file():
        found.setdefault(ENGLISH, base + page_address(english))
    for code in TRANSLATIONS:
        translated = translations(root, code).get(english) if english else None
        if translated:
            found.setdefault(code, base + code + "/" + page_address(translated.split("/", 1)[1]))
    here = urlparse(found[language]).path
    return [{"lang": code, "url": url, "href": _relative(urlparse(url).path, here)} for code, url in found.items()]


def _relative(target: str, here: str) -> str:
    """A link from the page at path `here` to the path `target`, relative, so it works under any host or folder."""
    link = posixpath.relpath(target, here if here.endswith("/") else posixpath.dirname(here))
    return link + "/" if target.endswith("/") and not link.endswith("/") else link


SECTION = re.compile(r"^##\s+(.+?)\s*\{\s*#([\w-]+)[^}]*\}\s*$", re.MULTILINE)


def link_sheet(language: Language) -> list[dict[str, Any]]:
    """A translation's pages in its menu's order, each with its title, description, address (relative to the
    English site's root, e.g. "es/riesgos/") and its sections with explicit ids: for the staff link sheet."""
    nav = (load_settings(language.config).get("nav") or []) if language.config.is_file() else []
    pages = []
    for entry in nav:
        name = entry if isinstance(entry, str) else next(iter(entry.values()), "") if isinstance(entry, dict) else ""
        source = language.docs / str(name)
        if not str(name).endswith(".md") or not source.is_file():
            continue
        text = source.read_text(encoding="utf-8")
        meta = load_front_matter(text)
        body = split_front_matter(text)[1]
        pages.append({"title": str(meta.get("title") or ""), "description": str(meta.get("description") or ""),
                      "url": language.prefix + page_address(str(name)),
                      "sections": [{"title": re.sub(r"[*_`]", "", title), "id": anchor}
                                   for title, anchor in SECTION.findall(body)]})
    return pages
