"""Start a new treatment as a draft: every journey page (scripts/content/journey.py) in English and in each
translation, with its sections and a note of what to write in each, and the treatment's entries in the settings
files, the clinical answers and the menu.

    python -m scripts.content.new_treatment "Chemical peels" --translation es "Peelings químicos"

It writes no medical text: until someone writes them, the pages are headings and writing notes (HTML comments,
never shown). The treatment is a draft (ready: false): `make serve` and pull-request builds show it marked DRAFT,
publishing leaves it out, and the content check reports its missing pieces as warnings until it is marked ready.
A name whose address is already used or promised is refused, and then nothing is written.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from scripts.content.journey import GLOSSARIES, JOURNEY, Stage
from scripts.content.new_page import CLINICAL_FIELDS, ask_medical_reviewers, slug
from scripts.site.addresses import CONTRACT, read_contract
from scripts.site.answer_schema import ANSWERS_FILE, SCHEMA
from scripts.site.front_matter import load_front_matter
from scripts.site.languages import ENGLISH, Language, languages
from scripts.site.settings import (
    is_flow_style,
    load_settings,
    load_settings_text,
    redirect_maps,
    setting_column,
    with_lines_after,
    with_settings,
)
from scripts.site.treatments import KEY, SETTINGS, language_treatments

# Folders and addresses the site itself uses (besides each language's code): a treatment there would hide them.
RESERVED = frozenset({"assets", "search", "links", "_includes", "404", "sitemap"})
SHARED_PAGE = "contact.md"  # in a menu without treatment sections, a new section goes before the contact page


class RefusedError(ValueError):
    """The treatment cannot be started as asked; nothing was written."""


@dataclass(frozen=True)
class Naming:
    """A treatment's name and folder in one language."""

    language: Language
    name: str
    folder: str


def _lowered(name: str) -> str:
    """The name inside a sentence: "Chemical peels" -> "chemical peels"; a brand such as "HydraFacial" (a capital
    after the first letter) keeps its capitals."""
    first = name.split(" ", 1)[0]
    return name[:1].lower() + name[1:] if first[1:] == first[1:].lower() else name


def _taken(naming: Naming, key: str, root: Path) -> str | None:
    """Why the folder of a new treatment would take an address already used or promised, or None."""
    language, folder = naming.language, naming.folder
    where = f"docs/{language.prefix}{folder}"
    address = f"/{language.prefix}{folder}/"
    if folder in RESERVED or folder in {each.code for each in languages(root)}:
        return f"{address} is an address the site itself uses"
    if (language.docs / folder).exists():
        return f"{where}/ already exists"
    if (language.docs / f"{folder}.md").exists():
        return f"the page {where}.md already has the address {address}"
    for old in redirect_maps(load_settings(language.config)):
        if str(old).removesuffix(".md").removesuffix("/index") == folder or str(old).startswith(f"{folder}/"):
            return f"{address} is kept as a redirect for old links ({old} in {language.config.name})"
    promised = next((url for url in read_contract(root / CONTRACT) if url.startswith(address)), None) \
        if (root / CONTRACT).is_file() else None
    if promised:
        return f"the URL contract ({CONTRACT.as_posix()}) promises {promised} to another page"
    found = language_treatments(language.config)
    if key in found or folder in {each.folder for each in found.values()}:
        return f"the treatment {key} already exists"
    return None


def namings(root: Path, name: str, translated: dict[str, str]) -> list[Naming]:
    """The treatment's name and folder in every language; RefusedError when one is missing or already taken."""
    every = languages(root)
    missing = [language for language in every[1:] if not translated.get(language.code, "").strip()]
    if not name.strip() or missing:
        codes = " ".join(f'NAME_{language.code.upper()}="…"' for language in every[1:])
        raise RefusedError(f"write the treatment's name in every language, e.g. make new-treatment NAME=\"Chemical "
                           f"peels\" {codes}" + (f" (missing: {', '.join(each.name for each in missing)})"
                                                 if missing else ""))
    unknown = sorted(set(translated) - {language.code for language in every[1:]})
    if unknown:
        raise RefusedError(f"there is no language {', '.join(unknown)}: each translation has its own settings file, "
                           "mkdocs.<code>.yml")
    found = [Naming(language, (name if language.code == ENGLISH else translated[language.code]).strip(),
                    slug(name if language.code == ENGLISH else translated[language.code]))
             for language in every]
    for naming in found:
        if not KEY.fullmatch(naming.folder):
            raise RefusedError(f"'{naming.name}' gives no folder name (letters or digits): choose another name")
        if any(naming.language.code not in stage.files for stage in JOURNEY):
            raise RefusedError(f"the journey (scripts/content/journey.py) has no file names in {naming.language.name} "
                               "yet: add them there first")
        why = _taken(naming, found[0].folder, root)
        if why:
            raise RefusedError(f"the name '{naming.name}' would give the treatment the address /"
                               f"{naming.language.prefix}{naming.folder}/, but {why}: choose another name (NAME"
                               f"{'' if naming.language.code == ENGLISH else '_' + naming.language.code.upper()})")
    return found


def _note(text: str) -> str:
    """A writing note: an HTML comment, never shown (and never holding "--", which would end it early)."""
    return "<!-- " + "\n     ".join(textwrap.wrap(text.replace("--", "-"), 104, break_on_hyphens=False)) + " -->"


def _yaml(value: Any) -> str:
    """A value as the settings files write it: text in quotes, an unknown number empty, a mapping on one line."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_yaml(item)}" for key, item in value.items()) + "}"
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False)


def page_text(stage: Stage, key: str, naming: Naming, english: Naming) -> str:
    """One journey page of the new treatment: front matter, then each required section's heading and note."""
    code = naming.language.code
    title = stage.titles[code].format(Name=naming.name, name=_lowered(naming.name))
    front = ["---"]
    if stage.clinical:
        front += ["# The name this page's sign-offs are logged under: never change it, even when the page moves.",
                  f"page_id: {key}-{stage.key}"]
    front += [f"title: {json.dumps(title, ensure_ascii=False)}",
              "# One or two plain sentences for search results and link previews (160 characters at most).",
              *(["# The home page shows it as the treatment's line."] if stage.key == "hub" else []),
              'description: ""', f"treatment: {key}"]
    front += [f"{name}: {_yaml(value).strip(chr(34)) if isinstance(value, str) else _yaml(value)}"
              for name, value in stage.required_front_matter(code, naming.folder).items()]
    if stage.sheet_of:  # its advice is all on the full page too: search shows that page, not both
        front += ["search:", "  exclude: true"]
    if stage.clinical:
        front += CLINICAL_FIELDS.rstrip("\n").split("\n")
    if code != ENGLISH:
        front += [f"translation_of: {english.folder}/{stage.files[ENGLISH]}",
                  "# The version of the English page this translates: make check says it once the English page is "
                  "written.", "translated_from:"]
    body = [_note(stage.note.replace("TREATMENT", key))]
    for section in stage.sections:
        body += ["", f"{'#' * section.level} {section.headings[code]} {{#{section.ids[code]}}}", "",
                 _note(section.note)]
    return "\n".join(front) + "\n---\n\n" + "\n".join(body) + "\n"


def _empty_like(value: Any) -> Any:
    """An answer's empty value, of the same kind as an existing treatment's (text, number, yes/no, list)."""
    if isinstance(value, list):
        return []
    if isinstance(value, dict):
        return {key: _empty_like(item) for key, item in value.items()}
    return None if value is None or isinstance(value, int) and not isinstance(value, bool) else ""


def _with_treatment_entry(text: str, path: tuple[str, ...], key: str, lines: list[str]) -> str:
    """`text` with a new entry `key:` (its `lines` below it) after the last entry of the mapping at `path`."""
    entries = load_settings_text(text)
    for step in path:
        entries = entries.get(step) if isinstance(entries, dict) else None
    if not isinstance(entries, dict) or not entries:
        raise RefusedError(f"there is no {': '.join(path)}: in the file to add {key} to: restore it from the main "
                           "branch")
    last = (*path, next(reversed(entries)))
    column = setting_column(text, last)
    return with_lines_after(text, last, [" " * column + f"{key}:", *(" " * (column + 2) + line for line in lines)])


def settings_texts(root: Path, key: str, found: list[Naming]) -> dict[Path, str]:
    """The new text of each settings file: the treatment's entry and its menu section."""
    texts = {}
    for naming in found:
        language = naming.language
        text = language.config.read_text(encoding="utf-8")
        entry = {"name": naming.name, "also_called": ""}
        entry.update({"price": {"from": None, "to": None, "per": ""}, "ready": False} if language.code == ENGLISH
                     else {"folder": naming.folder})
        text = _with_treatment_entry(text, SETTINGS, key, [f"{name}: {_yaml(value)}".rstrip()
                                                           for name, value in entry.items()])
        texts[language.config] = with_menu_section(text, language, naming)
    return texts


def with_menu_section(text: str, language: Language, naming: Naming) -> str:
    """The settings text with the treatment's menu section (its hub first, then the journey) after the last
    treatment's section, or, in a menu without sections, before the contact page (else at the end)."""
    nav = load_settings_text(text).get("nav")
    if not isinstance(nav, list) or not nav:
        return text  # without a menu, MkDocs lists every page itself
    hubs = {each.hub for each in language_treatments(language.config).values()}
    sections = [index for index, entry in enumerate(nav) if isinstance(entry, dict) and any(
        isinstance(value, list) and value and value[0] in hubs for value in entry.values())]
    contact = _contact_page(language)
    after = sections[-1] if sections else next((index - 1 for index, entry in enumerate(nav)
                                                if entry == contact and index > 0), len(nav) - 1)
    pages = [f"{naming.folder}/{stage.files[language.code]}" for stage in JOURNEY]
    if language.code in GLOSSARIES and (language.docs / GLOSSARIES[language.code]).is_file():
        pages.append(f"{naming.folder}/{GLOSSARIES[language.code]}")  # its part of the language's glossary
    if is_flow_style(text, ("nav",)):  # written on one line ([a, b]): rewritten whole, in the same style
        return with_settings(text, {("nav",): [*nav[:after + 1], {naming.name: pages}, *nav[after + 1:]]})
    column = setting_column(text, ("nav", after))
    return with_lines_after(text, ("nav", after), [" " * column + f"- {json.dumps(naming.name, ensure_ascii=False)}:",
                                                   *(" " * (column + 4) + f"- {page}" for page in pages)])


def glossary_text(shared: Path, naming: Naming) -> str:
    """The treatment's part of a translation's glossary: the shared glossary's settings (kept from patients and
    search), a title naming the treatment, and one section with a note of what to list (no words invented)."""
    meta = load_front_matter(shared.read_text(encoding="utf-8"))
    kept = {key: meta[key] for key in ("clinical", "reading_grade", "robots", "search") if key in meta}
    title = f"{str(meta.get('title') or 'Glossary').split(':')[0]}: {naming.name}"
    front = yaml.safe_dump({"title": title, "description": meta.get("description") or title, **kept},
                           allow_unicode=True, sort_keys=False).rstrip("\n")
    return (f"---\n{front}\n---\n\n## {naming.name} {{#{naming.folder}}}\n\n"
            + _note(f"The words the {naming.name} pages use in this language, each with its English term, in a "
                    f"table like the shared glossary's ({shared.name}): | word on the pages | English |. Add a "
                    "word when a page first uses it; the shared glossary keeps the words every treatment uses.")
            + "\n")


def _contact_page(language: Language) -> str:
    """The contact page of a language's menu: contact.md, or the page that translates it."""
    if language.code == ENGLISH:
        return SHARED_PAGE
    for page in language.docs.glob("*.md"):
        if f"translation_of: {SHARED_PAGE}" in page.read_text(encoding="utf-8"):
            return page.name
    return SHARED_PAGE


def answers_text(root: Path, key: str) -> str:
    """data/answers.yml with the treatment's clinical answers, all empty, each with its question as a comment."""
    file = root / ANSWERS_FILE
    text = file.read_text(encoding="utf-8")
    existing = (load_settings_text(text).get("treatments") or {}).values()
    model = next(iter(existing), {}) if existing else {}
    lines = []
    for answer in SCHEMA:
        if answer.home == "treatment clinical":
            value = _yaml(_empty_like(model.get(answer.key, "") if isinstance(model, dict) else ""))
            lines.append(f"{answer.key}: {value}".rstrip().ljust(24) + f"  # {answer.question} (signed)")
    return _with_treatment_entry(text, ("treatments",), key, lines)


def new_treatment(root: Path, name: str, translated: dict[str, str]) -> list[Path]:
    """Write the draft treatment; returns the pages written. RefusedError, with nothing written, when the name is
    missing or its address is taken."""
    found = namings(root, name, translated)
    key, english = found[0].folder, found[0]
    files = settings_texts(root, key, found)
    files[root / ANSWERS_FILE] = answers_text(root, key)
    pages = {}
    for naming in found:
        for stage in JOURNEY:
            pages[naming.language.docs / naming.folder / stage.files[naming.language.code]] = \
                page_text(stage, key, naming, english)
    for naming in found:
        shared = naming.language.docs / GLOSSARIES.get(naming.language.code, "")
        if naming.language.code in GLOSSARIES and shared.is_file():
            pages[naming.language.docs / naming.folder / shared.name] = glossary_text(shared, naming)
    # Everything is worked out before anything is written: a refusal above leaves the project as it was.
    for file, text in files.items():
        file.write_text(text, encoding="utf-8")
    for page, text in pages.items():
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(text, encoding="utf-8")
        if "\nclinical: true\n" in text:
            ask_medical_reviewers(page, root)
    return list(pages)


NEXT_STEPS = """\
Started {name} as a draft (ready: false), with {count} pages:
{folders}
Its pages are headings and notes of what to write: no medical text. make serve shows them marked DRAFT; publishing
leaves them out. Next:
  1. Check the titles and menu names in mkdocs.yml and {translations} (names of brands keep their capitals).
  2. Write each page: its description, then each section where its note says. make check lists what is missing
     (as warnings while it is a draft).
  3. Cite: list each clinical page's sources (ids from data/sources.yml); the medical team adds new ones there.
  4. Ask the office for the price (mkdocs.yml) and the medical director for the answers in data/answers.yml.
  5. Take it live in one pull request: in mkdocs.yml, under extra: treatments: {key}:, set ready: true.
     make check must then pass with no errors, and a clinician signs each clinical page (make packets, make
     sign-off) before it is published."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Start a new treatment's pages, as a draft, in every language.")
    parser.add_argument("name", help="the treatment's name, as patients know it, e.g. \"Chemical peels\"")
    parser.add_argument("--translation", nargs=2, action="append", default=[], metavar=("CODE", "NAME"),
                        help="its name in a translation, e.g. --translation es \"Peelings químicos\"")
    parser.add_argument("--root", type=Path, default=Path("."), help="the repository root (default: .)")
    args = parser.parse_args(argv)
    try:
        pages = new_treatment(args.root, args.name, dict(args.translation))
    except RefusedError as error:
        print(f"Nothing was written: {error}", file=sys.stderr)
        return 1
    every = languages(args.root)
    folders = sorted({page.parent.relative_to(args.root).as_posix() for page in pages})
    print(NEXT_STEPS.format(name=args.name.strip(), count=len(pages), key=slug(args.name),
                            folders="\n".join(f"  {folder}/" for folder in folders),
                            translations=", ".join(each.config.name for each in every[1:]) or "(no translations)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
