"""The treatments the guide explains: one home for what a treatment is, which pages belong to it, and which are
drafts.

A treatment is an entry of `extra: treatments:` in mkdocs.yml (its name, other names, price, and whether it is
ready) plus a folder of pages: docs/<key>/ in English, docs/<code>/<folder>/ in a translation (the folder is
the entry's `folder:` in that language's settings file, which also gives the treatment's name in that language).
A page belongs to the treatment whose folder holds it, or that its front matter names (`treatment: KEY`: how
microneedling's first pages, which keep their addresses at the site's root, belong to it). Its clinical answers
are in data/answers.yml under `treatments: KEY:`.

A treatment that is not `ready: true` is a draft: `make serve` and `make build` (pull-request builds) show its
pages marked DRAFT and kept out of search engines; a published build leaves them out, with their menu section.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from scripts.site.front_matter import load_front_matter
from scripts.site.settings import load_settings, nav_pages

SETTINGS = ("extra", "treatments")  # in mkdocs.yml (and each translation's settings file, for its own words)
KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Builds that show drafts (make serve, make build) set it; a build without it (make publish, a host's own
# `mkdocs build`) never publishes a draft.
SHOW_DRAFTS = "SITE_SHOW_DRAFTS"
# Treatments the publish step holds back (ready, but a clinical page is not signed): comma-separated keys.
WITHHELD = "SITE_WITHHELD_TREATMENTS"


@dataclass(frozen=True)
class Treatment:
    key: str  # "microneedling", "chemical-peels": its English folder and its id everywhere
    name: str  # in the language of the settings it was read from
    also_called: str
    folder: str  # its folder inside that language's docs folder
    ready: bool
    price: Any = None  # {from, to, per} in whole dollars, or empty

    @property
    def hub(self) -> str:
        """Its hub page, inside its language's docs folder."""
        return f"{self.folder}/index.md"


def treatments(settings: dict[str, Any]) -> dict[str, Treatment]:
    """Every treatment of a settings file (as loaded with what it INHERITs), by key, in the file's order."""
    entries = (settings.get("extra") or {}).get("treatments")
    found = {}
    for key, entry in (entries.items() if isinstance(entries, dict) else []):
        entry = entry if isinstance(entry, dict) else {}
        found[str(key)] = Treatment(
            key=str(key), name=str(entry.get("name") or "").strip(),
            also_called=str(entry.get("also_called") or "").strip(),
            folder=str(entry.get("folder") or key).strip("/"), ready=entry.get("ready") is True,
            price=entry.get("price"))
    return found


def language_treatments(config: Path) -> dict[str, Treatment]:
    """The treatments as a language's settings file gives them (names and folder in that language)."""
    try:
        return treatments(load_settings(config)) if config.is_file() else {}
    except yaml.YAMLError:
        return {}  # the check reports the settings file with its line


def treatment_findings(settings: dict[str, Any]) -> list[tuple[tuple[str | int, ...], str]]:
    """(setting path, message) for each treatment entry written wrongly."""
    entries = (settings.get("extra") or {}).get("treatments")
    if entries is None:
        return []
    if not isinstance(entries, dict):
        return [(SETTINGS, "'treatments' must list each treatment by its key, e.g. microneedling: {name: "
                           "Microneedling, ready: true}")]
    found = []
    for key, entry in entries.items():
        where = (*SETTINGS, key)
        if not KEY.fullmatch(str(key)):
            found.append((where, f"the treatment key '{key}' must be lowercase words joined by hyphens, e.g. "
                                 "chemical-peels: it is the treatment's folder and address"))
        if not isinstance(entry, dict):
            found.append((where, f"'{key}' needs its details: name (and also_called, price, ready)"))
            continue
        if not str(entry.get("name") or "").strip():
            found.append((where, f"'{key}' has no name: write the name patients know, e.g. name: Chemical peels"))
        if "ready" in entry and not isinstance(entry["ready"], bool):
            found.append(((*where, "ready"), f"'ready' is '{entry['ready']}': write true (published once its "
                                             "clinical pages are signed) or false (a draft)"))
        if "folder" in entry and not KEY.fullmatch(str(entry["folder"] or "")):
            found.append(((*where, "folder"), f"'folder' is '{entry['folder']}': lowercase words joined by "
                                              "hyphens, without accents, e.g. peelings-quimicos"))
    # Patients, staff and the review gate tell treatments apart by name and by folder.
    for field_name in ("name", "folder"):
        seen: dict[str, str] = {}
        for key, each in treatments(settings).items():
            value = getattr(each, field_name).lower()
            if value and value in seen:
                found.append(((*SETTINGS, key), f"'{key}' has the same {field_name} as '{seen[value]}' "
                                                 f"({getattr(each, field_name)}): give each treatment its own"))
            seen.setdefault(value, key)
    return found


def treatment_of(page: str, meta: dict[str, Any], found: dict[str, Treatment]) -> str | None:
    """The key of the treatment a page belongs to (its path inside its language's docs folder, e.g.
    "chemical-peels/before.md"): the one whose folder holds it, else the one its front matter names."""
    first = page.split("/", 1)[0] if "/" in page else ""
    by_folder = next((each.key for each in found.values() if each.folder == first), None)
    return by_folder or (str(meta["treatment"]) if meta.get("treatment") else None)


def page_treatment(docs: Path, page: Path, found: dict[str, Treatment]) -> str | None:
    """`treatment_of` for a page file (its front matter read here; unreadable front matter names none)."""
    try:
        meta = load_front_matter(page.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        meta = {}
    return treatment_of(page.relative_to(docs).as_posix(), meta, found)


def hidden_treatments(found: dict[str, Treatment], show_drafts: bool, withheld: Iterable[str] = ()) -> set[str]:
    """The treatments a build leaves out: drafts (unless it shows them) and those held back at publishing."""
    held = {key.strip() for key in withheld if key.strip()}
    return {key for key, each in found.items() if (not each.ready and not show_drafts) or key in held}


def hidden_by_environment(found: dict[str, Treatment], environment: Mapping[str, str]) -> set[str]:
    """The treatments a build run with these environment variables leaves out (SHOW_DRAFTS, WITHHELD)."""
    return hidden_treatments(found, environment.get(SHOW_DRAFTS) == "1", environment.get(WITHHELD, "").split(","))


def hidden_pages(docs: Path, pages: Iterable[Path], found: dict[str, Treatment], hidden: set[str]) -> set[str]:
    """The pages (paths inside `docs`, e.g. "chemical-peels/before.md") of the hidden treatments."""
    return {page.relative_to(docs).as_posix() for page in pages if page_treatment(docs, page, found) in hidden}


def crosses(here: str | None, there: str | None) -> bool:
    """Whether a link from a page of treatment `here` to a page of treatment `there` leads into another treatment
    (a page of no treatment, such as contact, is shared by all, so a link to or from it never does): the "Next
    step" at the foot of a page must not, or a patient reading about one treatment drifts into another's pages."""
    return bool(here and there and here != there)


def drafts(found: dict[str, Treatment]) -> set[str]:
    return {key for key, each in found.items() if not each.ready}


def is_draft_page(docs: Path, page: Path, found: dict[str, Treatment]) -> bool:
    """Whether a page (a file inside `docs`, its language's folder) belongs to a draft treatment: never published,
    so never reviewed or gated until its treatment is marked ready."""
    key = page_treatment(docs, page, found)
    return key is not None and key in drafts(found)


def without_pages(nav: Any, hidden: Callable[[str], bool]) -> Any:
    """A `nav:` setting without the pages `hidden(path)` names, and without a section left empty."""
    if isinstance(nav, list):
        kept = [without_pages(item, hidden) for item in nav]
        return [item for item in kept if item is not None]
    if isinstance(nav, dict):
        kept = {title: without_pages(value, hidden) for title, value in nav.items()}
        kept = {title: value for title, value in kept.items() if value not in (None, [])}
        return kept or None
    if isinstance(nav, str) and "://" not in nav and hidden(nav):
        return None
    return nav


def treatment_section(nav: Any, hub: str) -> tuple[int, str, list[str]] | None:
    """(index in the menu, title, pages) of the menu section whose first page is the hub `hub`, or None."""
    for index, entry in enumerate(nav if isinstance(nav, list) else []):
        for title, value in (entry.items() if isinstance(entry, dict) else []):
            pages = nav_pages(value)
            if pages[:1] == [hub]:
                return index, str(title), pages
    return None
