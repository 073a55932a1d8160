"""The content check: every page in docs/ and the site settings, with plain-English fixes.

    python -m scripts.content.check [--root .] [--time]

Prints errors sorted by file and line as `path:line: message`, then warnings, then a summary; exits 1 when
there are errors. Under GitHub Actions it also prints workflow annotations for the pull request's diff.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import yaml

from scripts.content import readability, structure
from scripts.content.code_owners import code_owner_problems
from scripts.content.drafts import with_drafts
from scripts.content.front_matter import check_front_matter
from scripts.content.headings import check_headings
from scripts.content.images import check_images
from scripts.content.journey_check import check_treatments
from scripts.content.links import Site, check_links
from scripts.content.mkdocs_settings import mkdocs_settings_problems
from scripts.content.raw_html import check_html
from scripts.content.reading import check_reading
from scripts.content.review_record import check_review_record, page_problems
from scripts.content.settings import check_settings, settings_claim_problems, settings_file_problems
from scripts.content.spelling import check_spelling, load_words
from scripts.content.treatment_pages import translation_settings_problems, treatment_key_problems
from scripts.problems import Problem, Severity
from scripts.site.claims import CLAIMS_FILE, Claim, check_claims, claims_file, load_claims
from scripts.site.dates import today
from scripts.site.front_matter import split_front_matter
from scripts.site.includes import in_their_files, include_problems, unused_includes, whole_page
from scripts.site.languages import language_of, languages
from scripts.site.page import Page, parse_page
from scripts.site.page_details import details_of_page, page_details
from scripts.site.page_version import working_tree
from scripts.site.placeholders import placeholder_problems
from scripts.site.review import ReviewRecord, review_record
from scripts.site.settings import extra_settings, load_settings
from scripts.site.sources import SOURCES_FILE, load_sources

CONFIG_FILE = "mkdocs.yml"
T = TypeVar("T")
ID = re.compile(r"""\sid\s*=\s*["']([^"']+)["']""")


@dataclass
class Context:
    """Everything a page is checked against, loaded once per run."""

    root: Path
    details: dict[str, dict[str, Any]]  # by language: everything its pages show of the clinic (page_details)
    sources: dict[str, dict[str, Any]]
    claims: list[Claim]  # English
    words: frozenset[str]  # English
    translated: dict[str, tuple[list[Claim], frozenset[str]]]  # a translation's language -> its claims and words
    today: date
    site: Site
    html: dict[str, str]  # page text -> its body's HTML, rendered once for anchors and reading level
    pages: dict[str, str]  # page path inside docs/ -> its text
    problems: list[Problem]  # data files that could not be read
    review: ReviewRecord  # who may sign, and every sign-off


def body_html(text: str, clinic: dict[str, Any] | None, config_path: Path) -> str:
    """The HTML of the page's body, as the site whose settings are `config_path` renders it (placeholders
    filled in)."""
    return readability.render(split_front_matter(text)[1], clinic, config_path)


class SettingsMissingError(FileNotFoundError):
    """The folder being checked has no mkdocs.yml: its pages cannot be checked against anyone else's settings."""


def missing_settings_message(root: Path) -> str:
    return (f"{CONFIG_FILE} is missing from {root}: the content check reads the clinic's details, the Markdown "
            f"extensions and the languages from the checked folder's own {CONFIG_FILE}; restore it from the main "
            "branch")


def load_context(root: Path, pages: dict[str, str] | None = None) -> Context:
    """The settings, sources, claims and project words under `root`, and the anchors of its pages (`pages`
    maps a path inside docs/ to its text; by default every docs/*.md). Raises SettingsMissingError without
    `root`'s own mkdocs.yml: nothing here ever falls back to another project's settings."""
    if not (root / CONFIG_FILE).is_file():
        raise SettingsMissingError(missing_settings_message(root))
    extra = extra_settings(root / CONFIG_FILE)
    clinic = extra.get("clinic") or {}
    details = {language.code: page_details(language.config) for language in languages(root)}
    if pages is None:
        pages = {path.relative_to(root / "docs").as_posix(): path.read_text(encoding="utf-8")
                 for path in page_files(root)}
    problems: list[Problem] = []
    sources = _load(root, SOURCES_FILE, load_sources, {}, problems)
    claims = _load(root, CLAIMS_FILE, load_claims, [], problems)
    translated = {}
    for language in languages(root)[1:]:
        file = claims_file(language.code)
        if (root / file).is_file():
            language_claims = _load(root, file, lambda root, code=language.code: load_claims(root, code), [],
                                    problems)
        else:  # a new language may start without one: say so, naming it, rather than check nothing silently
            language_claims = []
            problems.append(Problem(file.as_posix(), 0, f"there is no list of claims we must not make in "
                                    f"{language.name} ({file.as_posix()}), so its pages are not checked for them: "
                                    "add one, like data/claims.es.yml", Severity.WARNING))
        translated[language.code] = (language_claims, load_words(root, language.code))
    html = {text: body_html(text, details_of_page(root, name, text, details[language_of(root, name).code]),
                            root / CONFIG_FILE)
            for name, text in pages.items()}
    site = Site(
        docs=root / "docs",
        # The ids a link can point to with #: headings (toc slugs or explicit {#id}) and any other id.
        anchors={name: set(ID.findall(html[text])) for name, text in pages.items()},
        source_urls=frozenset(str(entry.get("url") or "").rstrip("/") for entry in sources.values()),
        own_urls=frozenset(str(clinic.get(key) or "") for key in ("booking_url", "map_url")),
    )
    return Context(root, details, sources, claims, load_words(root), translated, today(extra.get("timezone")), site,
                   html, pages, problems, review_record(root))


def _load(root: Path, file: Path, loader: Callable[[Path], T], empty: T, problems: list[Problem]) -> T:
    """What `loader` reads from a data file, or `empty` with a problem saying why the file cannot be read."""
    if not (root / file).is_file():
        problems.append(Problem(file.as_posix(), 0, f"{file.as_posix()} is missing: restore it from the main branch"))
        return empty
    try:
        return loader(root)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problems.append(Problem(file.as_posix(), mark.line + 1 if mark else 0,
                                f"{file.as_posix()} is not valid YAML ({getattr(error, 'problem', None) or error}): "
                                "check this line's indentation, dashes, colons and quotes"))
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        problems.append(Problem(file.as_posix(), 0, f"{file.as_posix()} cannot be read ({error}): each entry "
                                                    "needs all its fields, as in the entries around it"))
    return empty


def _source_problems(page: Page, sources: dict[str, dict[str, Any]]) -> list[Problem]:
    cited = page.meta.get("sources") or []
    if page.meta.get("clinical") is True and not cited:
        return [Problem(page.path, page.key_line("sources") if "sources" in page.meta else page.key_line("clinical"),
                        "a clinical page needs its sources: list their ids from data/sources.yml under "
                        "sources:, e.g. sources: [fda-microneedling-devices]")]
    lines = page.text.split("\n")
    problems = []
    for source_id in cited if isinstance(cited, list) else []:
        if source_id in sources:
            continue
        line = next((n for n in range(page.key_line("sources"), page.front_matter_end + 1)
                     if str(source_id) in lines[n - 1]), page.key_line("sources"))
        problems.append(Problem(page.path, line, f"source '{source_id}' is not in data/sources.yml: cite a listed "
                                                 "id, or add the source's full citation to data/sources.yml first"))
    return problems


def check_page(path: Path, text: str, context: Context) -> list[Problem]:
    """Every problem in one page (errors and warnings), the text it includes from docs/_includes/ (Markdown) read
    as part of it and reported at its own file and line."""
    page = parse_page(path, text, context.root)
    problems = check_front_matter(page)
    if page.problems:  # without readable front matter, the rest would only add noise
        return problems
    language_of_page = language_of(context.root, page.path.removeprefix("docs/"))
    details = details_of_page(context.root, page.path.removeprefix("docs/"), text,
                              context.details[language_of_page.code])
    problems += treatment_key_problems(page, language_of_page)
    problems += _source_problems(page, context.sources)
    language = language_of_page.code
    problems += page_problems(page, language_of_page, context.review, context.today)
    whole, origins = whole_page(page, working_tree(context.root))
    found = [Problem(page.path, line, message)
             for line, message in placeholder_problems(whole.text, details, page.front_matter_end)]
    found += check_headings(whole)
    claims, words = context.translated.get(language, (context.claims, context.words))
    found += check_claims(whole, claims)
    found += check_images(whole, context.site.docs)
    found += check_links(whole, context.site)
    found += check_html(whole)
    found += check_reading(whole, details, context.html.get(text), language)
    if language == "en":  # pyspellchecker's Spanish list lacks most plurals and verb forms: no Spanish spell check
        found += check_spelling(whole, words, language)
    problems += [Problem(page.path, line, message)
                 for line, message in include_problems(page.text, working_tree(context.root))]
    return problems + in_their_files(found, page.path, origins)


def page_files(root: Path) -> list[Path]:
    """Every page of every language: docs/*.md and each translation's docs/<language>/*.md."""
    return [page for language in languages(root) for page in language.pages]


def check_includes(root: Path, context: Context) -> list[Problem]:
    """The HTML fragments pages include (docs/_includes/, e.g. the illustrations): raw HTML rules and claims. The
    Markdown ones are checked as part of each page that includes them (check_page); one that no page includes is
    reported."""
    problems = []
    for file in sorted((root / "docs" / "_includes").rglob("*.html")):
        page = Page(file.relative_to(root).as_posix(), file, file.read_text(encoding="utf-8"))
        problems += check_html(page) + check_claims(page, context.claims)
    bodies = [split_front_matter(text)[1] for text in context.pages.values()]
    return problems + unused_includes(root, bodies, working_tree(root))


def check_structure(root: Path, context: Context) -> list[Problem]:
    """The menu, redirects, promised sections, promotion links and file names (see structure.py)."""
    config, docs = root / CONFIG_FILE, root / "docs"
    settings = load_settings(config)
    every = languages(root)
    return ([problem for language in every for problem in structure.check_nav(language)
             + structure.check_page_names(root, language)]
            + structure.check_translation_folders(root)
            + structure.check_redirects(settings, docs, config, CONFIG_FILE)
            + structure.check_contract_sections(root, context.site.anchors, settings)
            + structure.check_promotion_links(settings, docs, config, CONFIG_FILE)
            + structure.new_addresses(root, {name: context.html[text] for name, text in context.pages.items()}))


def check_site(root: Path) -> list[Problem]:
    """Every problem in every language's pages and settings, sorted by file and line. When mkdocs.yml cannot be
    read, or MkDocs refuses a settings file (as the build would), only that is reported: everything else would be a
    cascade of the same mistake; so is a missing mkdocs.yml."""
    if not (root / CONFIG_FILE).is_file():
        return [Problem(CONFIG_FILE, 0, missing_settings_message(root))]
    unreadable = settings_file_problems(root / CONFIG_FILE, root) or mkdocs_settings_problems(root)
    if unreadable:
        return unreadable
    files = page_files(root)
    texts = {file: file.read_text(encoding="utf-8") for file in files}
    context = load_context(root, {file.relative_to(root / "docs").as_posix(): text for file, text in texts.items()})
    problems = [problem for file, text in texts.items() for problem in check_page(file, text, context)]
    problems += context.problems
    problems += check_includes(root, context)
    problems += code_owner_problems(root)
    problems += check_review_record(root, context.review, context.today)
    problems += check_settings(root / CONFIG_FILE, root, context.claims) + settings_claim_problems(root)
    problems += translation_settings_problems(root)
    problems += check_structure(root, context)
    problems += check_treatments(root)
    # A draft treatment's pages are never published: what they still need is a warning until it is marked ready.
    return sorted(set(with_drafts(problems, root)))


def _annotation(problem: Problem) -> str:
    def escape(value: str, extra: str = "") -> str:
        value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return value.replace(":", "%3A").replace(",", "%2C") if extra else value

    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}[problem.severity]
    where = f"file={escape(problem.path, 'property')}" + (f",line={problem.line}" if problem.line else "")
    return f"::{level} {where}::{escape(problem.message)}"


def report(problems: list[Problem], pages: int) -> str:
    """The printed report: errors, then warnings and notes under their own headings, then a one-line summary."""
    errors = [p for p in problems if p.severity is Severity.ERROR]
    warnings = [p for p in problems if p.severity is Severity.WARNING]
    notes = [p for p in problems if p.severity is Severity.NOTE]
    out = [str(p) for p in errors]
    if warnings:
        out += ["", "Warnings (these do not stop publishing, but please fix them):"] + [str(p) for p in warnings]
    if notes:
        out += ["", "Notes (nothing to fix):"] + [str(p) for p in notes]
    if os.environ.get("GITHUB_ACTIONS") == "true":
        out += [_annotation(p) for p in errors + warnings + notes]
    plural = {True: "s", False: ""}
    summary = (f"{len(errors)} error{plural[len(errors) != 1]} and {len(warnings)} warning"
               f"{plural[len(warnings) != 1]} in {pages} page{plural[pages != 1]} and {CONFIG_FILE}")
    if not errors:
        summary += ": the content check passed"
    return "\n".join(out + ([""] if out else []) + [summary])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check every page in docs/ and the settings in mkdocs.yml.")
    parser.add_argument("--root", type=Path, default=Path("."), help="the repository root (default: .)")
    parser.add_argument("--time", action="store_true", help="also print how long the check took")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    problems = check_site(args.root)
    elapsed = time.perf_counter() - started
    print(report(problems, len(page_files(args.root))))
    if args.time:
        print(f"Checked in {elapsed:.2f} s.")
    return 1 if any(p.severity is Severity.ERROR for p in problems) else 0


if __name__ == "__main__":
    sys.exit(main())
