"""How the pages fit together, checked before any build: every page in the menu (`nav`) and every menu entry a
page; redirects that lead somewhere and do not hide a page; every section the URL contract promises still on
its page; promotion links to pages that exist; titles and file names short enough to keep."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pathspec
import yaml

from scripts.problems import Problem, Severity
from scripts.site.addresses import CONTRACT, page_url, read_contract
from scripts.site.front_matter import load_front_matter
from scripts.site.languages import ENGLISH_SETTINGS, LANGUAGE_WORDS, Language, languages
from scripts.site.settings import load_settings, nav_pages, redirect_maps, setting_line

MAX_TITLE = 70
MAX_FILE_NAME = 70


def _not_in_nav(settings: dict[str, Any]) -> set[str]:
    return {line.strip().lstrip("/") for line in str(settings.get("not_in_nav") or "").splitlines() if line.strip()}


def check_nav(language: Language) -> list[Problem]:
    """Every page of a language (at any depth of its folder) in its menu, and every menu entry a page."""
    settings, docs, config, shown = load_settings(language.config), language.docs, language.config, \
        language.config.name
    if "nav" not in settings:  # without a nav, MkDocs lists every page itself
        return []
    pages = {path.relative_to(docs).as_posix() for path in language.pages}
    listed = nav_pages(settings.get("nav"))
    prefix = f"docs/{language.prefix}"
    problems = [Problem(shown, setting_line(config, "nav"),
                        f"the menu (nav: in {shown}) lists {name}, but there is no {prefix}{name}: check the "
                        "spelling, or remove it from nav")
                for name in listed if name not in pages]
    problems += [Problem(f"{prefix}{name}", 1, f"this page is not in the menu: add '- {name}' under nav: in {shown} "
                                               "where it belongs in the patient's journey")
                 for name in sorted(pages - set(listed) - _not_in_nav(settings))]
    return problems


def check_redirects(settings: dict[str, Any], docs: Path, config: Path, shown: str) -> list[Problem]:
    problems = []
    for old, new in redirect_maps(settings).items():
        line = setting_line(config, "plugins")
        target = str(new).split("#", 1)[0]
        if not (docs / target).is_file():
            problems.append(Problem(shown, line, f"the redirect {old} -> {new} leads to docs/{target}, which does "
                                                 "not exist: point it at the page that now holds the content"))
        if (docs / old).is_file():
            problems.append(Problem(shown, line, f"the redirect from {old} hides the page docs/{old}, which still "
                                                 "exists: remove the redirect, or move the page"))
    return problems


def _own_template(page: Path) -> bool:
    try:
        return "template" in load_front_matter(page.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return False


def check_contract_sections(root: Path, anchors: dict[str, set[str]], settings: dict[str, Any]) -> list[Problem]:
    """A section the URL contract lists that is gone from its page (and not redirected elsewhere)."""
    moved = {page_url(old) for old in redirect_maps(settings)}
    # A page with its own template (e.g. the contact page) gets sections from it: the built-site tests check those.
    by_url = {page_url(name): name for name in anchors if not _own_template(root / "docs" / name)}
    problems = []
    for url in read_contract(root / CONTRACT):
        page, _, section = url.partition("#")
        if not section or page in moved or page not in by_url or section in anchors[by_url[page]]:
            continue
        problems.append(Problem(f"docs/{by_url[page]}", 0,
                                f"the section #{section} is gone, but staff links to {url} must keep working: put "
                                f"{{#{section}}} back on the heading that now holds that content (the URL contract, "
                                f"{CONTRACT.as_posix()})"))
    return problems


def check_promotion_links(settings: dict[str, Any], docs: Path, config: Path, shown: str) -> list[Problem]:
    pages = {page_url(path.relative_to(docs).as_posix()) for path in docs.rglob("*.md")}
    problems = []
    promotions = (settings.get("extra") or {}).get("promotions") or []
    for index, promotion in enumerate(promotions if isinstance(promotions, list) else []):
        link = str(promotion.get("link") or "") if isinstance(promotion, dict) else ""
        path = link.split("#", 1)[0]
        if link.startswith("/") and path not in pages:
            problems.append(Problem(shown, setting_line(config, "extra", "promotions", index, "link"),
                                    f"promotion link {link} is not a page of this site: use a page's address, "
                                    f"e.g. {sorted(pages)[0] if pages else '/contact/'}"))
    return problems


def check_page_names(root: Path, language: Language) -> list[Problem]:
    """File names become permanent addresses: keep them short."""
    return [Problem(path.relative_to(root).as_posix(), 1,
                    f"the file name is {len(path.stem)} characters: shorten it to {MAX_FILE_NAME} or fewer (it "
                    "becomes the page's permanent address)")
            for path in language.pages if len(path.stem) > MAX_FILE_NAME]


def check_translation_folders(root: Path) -> list[Problem]:
    """Each translation is its own settings file and its own folder: the English build must leave that folder to
    it, and the settings file must say which language it is and how the other languages offer it."""
    found = languages(root)
    english_excludes = pathspec.GitIgnoreSpec.from_lines(str(load_settings(found[0].config).get("exclude_docs")
                                                             or "").splitlines())
    problems = []
    translated = {language.docs.resolve() for language in found[1:]}
    for folder in sorted(path for path in found[0].docs.iterdir() if path.is_dir()):
        if folder.resolve() not in translated and english_excludes.match_file(f"{folder.name}/page.md") \
                and not folder.name.startswith(("_", ".")) and any(folder.rglob("*.md")):
            problems.append(Problem(f"docs/{folder.name}/", 0,
                                    f"the pages in docs/{folder.name}/ are left out of the English build as if the "
                                    "folder were a translation's (exclude_docs in mkdocs.yml): give the folder a "
                                    f"longer name, or add the language's settings file, mkdocs.{folder.name}.yml"))
    for language in found[1:]:
        shown = language.config.name
        folder = language.docs.relative_to(found[0].docs).as_posix() if language.docs.is_relative_to(found[0].docs) \
            else ""
        if folder and not english_excludes.match_file(f"{folder}/page.md"):
            problems.append(Problem(ENGLISH_SETTINGS, setting_line(found[0].config, "exclude_docs"),
                                    f"docs/{folder}/ (the {language.name} pages) would also be built as English pages: "
                                    f"add /{folder}/ under exclude_docs"))
        settings = load_settings(language.config)
        if (settings.get("extra") or {}).get("language") != language.code:
            problems.append(Problem(shown, setting_line(language.config, "extra", "language") or 1,
                                    f"{shown} is the settings file of the language '{language.code}': set "
                                    f"extra: language: {language.code}"))
        missing = [key for key in LANGUAGE_WORDS if not language.words.get(key)]
        if missing:
            problems.append(Problem(shown, setting_line(language.config, "extra", "this_language") or 1,
                                    f"{shown} does not say how the other languages offer it ({', '.join(missing)}): "
                                    "add under extra: this_language: {this_page: \"…\", guide: \"…\", in_english: …}, "
                                    "written in that language (in_english: its name in English), as mkdocs.yml does"))
    return problems


HEADING_ID = re.compile(r"<h[23][^>]*\sid=\"([^\"]+)\"")


def new_addresses(root: Path, html: dict[str, str]) -> list[Problem]:
    """Pages and sections (h2 and h3) that are not in the URL contract yet: reported, never refused, so a
    browser-only editor can add a page; a developer adds them with `make url-contract`."""
    if not (root / CONTRACT).is_file():
        return []
    listed = set(read_contract(root / CONTRACT))
    problems = []
    for name, body in sorted(html.items()):
        url = page_url(name)
        new = ([url] if url not in listed else []) + [f"{url}#{section}" for section in HEADING_ID.findall(body)
                                                       if f"{url}#{section}" not in listed]
        if new:
            problems.append(Problem(f"docs/{name}", 0, f"new address(es) for the URL contract: {', '.join(new)} "
                                                       "(nothing to do: a developer adds them to data/url-contract.txt "
                                                       "with `make url-contract`; from then on they must keep working)",
                                    Severity.NOTE))
    return problems
