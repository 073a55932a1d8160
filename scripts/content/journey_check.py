"""Every treatment has the whole journey (scripts/content/journey.py), in every language: each page, each required
section id, the front matter the journey asks (clinical, the neutral call to action, the reading grade, the sheet's
full page), and no required section left with only its writing note. A draft treatment's findings are warnings
(scripts/content/drafts.py); a ready one's are errors."""

from __future__ import annotations

import re
from pathlib import Path

from scripts.content.drafts import Draft, as_draft
from scripts.content.headings import HEADING
from scripts.content.journey import JOURNEY, Stage
from scripts.problems import Problem
from scripts.site.includes import whole_page
from scripts.site.languages import Language, languages
from scripts.site.page import COMMENT, Page, mask_code, parse_page
from scripts.site.page_version import working_tree
from scripts.site.settings import load_settings, nav_pages, setting_line
from scripts.site.treatments import SETTINGS, Treatment, language_treatments, page_treatment

EXPLICIT_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
BOX = re.compile(r"^!!!\s+([\w-]+)", re.M)


def section_lines(body: str) -> list[tuple[int, int, str | None]]:
    """(line, level, explicit id or None) of each heading of a page's body, outside code."""
    masked = mask_code(body)  # code and HTML comments blanked, lines kept
    found = []
    for match in HEADING.finditer(masked):
        explicit = EXPLICIT_ID.search(match.group(2))
        found.append((masked.count("\n", 0, match.start()) + 1, len(match.group(1)),
                      explicit.group(1) if explicit else None))
    return found


def section_text(body: str, sections: list[tuple[int, int, str | None]], index: int) -> str:
    """The lines of one section of a body (`section_lines`), its subsections included, without its heading."""
    line, level, _ = sections[index]
    end = next((other for other, deeper, _ in sections[index + 1:] if deeper <= level), None)
    return "\n".join(body.split("\n")[line:end - 1 if end else None])


def empty_section(body: str, sections: list[tuple[int, int, str | None]], index: int) -> bool:
    """Whether a section holds nothing but headings of its subsections and writing notes (HTML comments)."""
    lines = section_text(body, sections, index).split("\n")
    return not COMMENT.sub("", "\n".join(each for each in lines if not HEADING.fullmatch(each))).strip()


def journey_pages(language: Language, treatment: Treatment) -> dict[str, Path]:
    """Each stage's page of a treatment in a language, where it exists: its hub is <folder>/index.md; the other
    pages are the treatment's pages (by folder or front matter) with the stage's file name, its folder's first."""
    own = [page for page in language.pages if page_treatment(language.docs, page, {treatment.key: treatment})
           == treatment.key]
    found = {}
    for each in JOURNEY:
        name = each.files.get(language.code)
        if each.key == "hub":
            hub = language.docs / treatment.hub
            if hub.is_file():
                found[each.key] = hub
            continue
        candidates = sorted((page for page in own if page.name == name),
                            key=lambda page: page.parent != language.docs / treatment.folder)
        if candidates:
            found[each.key] = candidates[0]
    return found


def _has_menu_section(language: Language, pages: list[Path]) -> bool:
    """Whether the language's menu lists any of these pages inside a section (the treatment's own, led by its hub).
    A treatment whose pages are listed one by one (microneedling's, before treatments were grouped) has no hub to
    ask for."""
    inside = {page.relative_to(language.docs).as_posix() for page in pages}
    nav = load_settings(language.config).get("nav")
    return isinstance(nav, list) and any(isinstance(entry, dict) and inside & set(nav_pages(entry)) for entry in nav)


def _page_problems(root: Path, language: Language, each: Stage, page: Path) -> list[Problem]:
    parsed = parse_page(page, page.read_text(encoding="utf-8"), root)
    if parsed.problems:
        return []  # the page's own check reports unreadable front matter
    problems = []
    folder = page.parent.relative_to(language.docs).as_posix().removeprefix(".")
    for key, wanted in each.required_front_matter(language.code, folder).items():
        if parsed.meta.get(key) != wanted:
            line = f"{key}: {str(wanted).lower() if isinstance(wanted, bool) else wanted}"
            problems.append(Problem(parsed.path, parsed.key_line(key),
                                    f"the {each.key} page of every treatment has {line} (scripts/content/journey.py): "
                                    "write that line in its front matter"))
    sections = section_lines(parsed.body)
    ids = {section_id: index for index, (_, _, section_id) in enumerate(sections) if section_id}
    for section in each.sections:
        wanted_id = section.ids.get(language.code)
        if wanted_id is None:
            continue
        if wanted_id not in ids:
            problems.append(Problem(parsed.path, parsed.front_matter_end + 1,
                                    f"the section #{wanted_id} is missing: every treatment's {each.key} page has "
                                    f"{'#' * section.level} {section.headings[language.code]} {{#{wanted_id}}} (links "
                                    "and staff rely on it)"))
        elif empty_section(parsed.body, sections, ids[wanted_id]):
            problems.append(Problem(parsed.path, sections[ids[wanted_id]][0],
                                    f"the section #{wanted_id} has only its writing note: write it (the note says "
                                    "what goes there), or ask the medical team what to say"))
        elif section.boxes and (boxes := _boxes(parsed, root, wanted_id)) != list(section.boxes):
            problems.append(Problem(parsed.path, sections[ids[wanted_id]][0],
                                    f"the section #{wanted_id} needs its boxes, in this order: "
                                    f"{', '.join(f'!!! {box}' for box in section.boxes)} (as on microneedling's "
                                    f"aftercare page); it has {', '.join(boxes) or 'none'}"))
    return problems


def _boxes(page: Page, root: Path, section_id: str) -> list[str]:
    """The boxes (admonitions) of one section, in order, with the text it includes."""
    whole = whole_page(page, working_tree(root))[0]
    sections = section_lines(whole.body)
    index = next(index for index, (_, _, found) in enumerate(sections) if found == section_id)
    return BOX.findall(mask_code(section_text(whole.body, sections, index)))


def treatment_problems(root: Path, language: Language, treatment: Treatment) -> list[Problem]:
    """Every missing piece of one treatment's journey in one language."""
    found = journey_pages(language, treatment)
    shown, config = language.config.name, language.config
    problems = []
    for each in JOURNEY:
        if each.key not in found:
            if each.key == "hub" and not _has_menu_section(language, list(found.values())):
                continue
            missing = f"docs/{language.prefix}{treatment.folder}/{each.files[language.code]}"
            problems.append(Problem(shown, setting_line(config, *SETTINGS, treatment.key),
                                    f"{treatment.name or treatment.key} has no {each.key} page: write {missing} "
                                    "(make new-treatment writes every journey page of a new treatment)"))
            continue
        problems += _page_problems(root, language, each, found[each.key])
    return problems


def check_treatments(root: Path) -> list[Problem]:
    """Every treatment's journey in every language: a ready treatment's missing pieces are errors, a draft's
    warnings."""
    problems = []
    # A language the journey has no file names for yet (a new translation) is checked once journey.py has them.
    for language in (each for each in languages(root) if all(each.code in stage.files for stage in JOURNEY)):
        for treatment in language_treatments(language.config).values():
            found = treatment_problems(root, language, treatment)
            draft = Draft(treatment.key, treatment.name or treatment.key, language.config.name)
            problems += found if treatment.ready else [as_draft(problem, draft) for problem in found]
    return problems

