"""Changes made to a copy of the project the way marketing makes them (README, CONTRIBUTING), for the tests.
Pages are chosen from the settings and the URL contract, never by today's names, so the tests survive the
very changes they describe."""

from __future__ import annotations

import posixpath
import re
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from scripts.content.front_matter import MAX_DESCRIPTION, MAX_TITLE
from scripts.release.sign_off import sign_off, sign_off_answers
from scripts.site.addresses import CONTRACT, page_url, read_contract
from scripts.site.answer_schema import ANSWERS_FILE
from scripts.site.answers import answers_version
from scripts.site.front_matter import load_front_matter, split_front_matter
from scripts.site.languages import languages
from scripts.site.page_version import page_version
from scripts.site.reviewers import REVIEWERS_FILE, load_registry
from scripts.site.settings import SettingPath, load_settings, nav_pages, with_settings
from scripts.site.treatments import Treatment, language_treatments, treatment_section

REWORDED = "Looking after your skin at first"


def git(project: Path, *args: str) -> str:
    """Run git in a copy of the project as a test author; its output."""
    return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=project,
                          check=True, capture_output=True, text=True).stdout


def set_settings(project: Path, changes: dict[SettingPath, Any]) -> None:
    config = project / "mkdocs.yml"
    config.write_text(with_settings(config.read_text(encoding="utf-8"), changes), encoding="utf-8")


def contract_sections(project: Path, page: str) -> list[str]:
    """The section ids of a page that the URL contract lists."""
    return [url.split("#", 1)[1] for url in read_contract(project / CONTRACT) if url.startswith(page_url(page) + "#")]


def page_with_sections(project: Path, skip: tuple[str, ...] = ()) -> str:
    """The first page of the menu (not the home page or a page in a folder, such as a hub), at any depth of its
    sections, whose sections the URL contract lists."""
    return next(entry for entry in nav_pages(load_settings(project / "mkdocs.yml")["nav"])
                if "/" not in entry and entry != "index.md" and entry not in skip
                and contract_sections(project, entry))


def reword_heading(project: Path) -> tuple[str, str]:
    """Reword the first heading with an explicit {#id} on a page, keeping the id; returns (page, id)."""
    for page in sorted((project / "docs").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        heading = re.search(r"^## (.+?) \{#([\w-]+)\}$", text, re.M)
        if heading and heading.group(2) in contract_sections(project, page.name):
            page.write_text(text.replace(heading.group(0), f"## {REWORDED} {{#{heading.group(2)}}}"), encoding="utf-8")
            return page.name, heading.group(2)
    raise AssertionError("no heading with an explicit id that the URL contract lists")


def renamed_in_menu(nav: Any, old: str, new: str) -> Any:
    """A `nav:` setting with the page `old` listed as `new`, inside sections too."""
    if isinstance(nav, list):
        return [renamed_in_menu(entry, old, new) for entry in nav]
    if isinstance(nav, dict):
        return {title: renamed_in_menu(value, old, new) for title, value in nav.items()}
    return new if nav == old else nav


def move_page(project: Path, old: str, new: str) -> None:
    """Rename a page, point the menu and every link at its new name, and add a redirect from the old one."""
    (project / "docs" / old).rename(project / "docs" / new)
    for page in (project / "docs").glob("*.md"):
        page.write_text(page.read_text(encoding="utf-8").replace(f"({old}", f"({new}"), encoding="utf-8")
    for page in (project / "docs").glob("*/*.md"):  # translations name the English page they translate
        page.write_text(page.read_text(encoding="utf-8").replace(f"translation_of: {old}\n",
                                                                 f"translation_of: {new}\n"), encoding="utf-8")
    settings = load_settings(project / "mkdocs.yml")
    redirects = next(i for i, plugin in enumerate(settings["plugins"])
                     if isinstance(plugin, dict) and "redirects" in plugin)
    set_settings(project, {("nav",): renamed_in_menu(settings["nav"], old, new),
                           ("plugins", redirects, "redirects", "redirect_maps", old): new})
    owners = project / ".github" / "CODEOWNERS"  # a clinical page's review rule follows it
    if owners.is_file():
        owners.write_text(owners.read_text(encoding="utf-8").replace(f"/docs/{old} ", f"/docs/{new} "),
                          encoding="utf-8")


TEST_REVIEWER = "test-reviewer"
TEST_DAY_LINE = "(714) 555-0100"  # a made-up day line for copies that give an after-hours line
TEST_REVIEWER_NAME = "Dr. Test Reviewer"
CREDENTIALS = {"en": "MD (a made-up reviewer for the tests)", "es": "MD (un revisor inventado para las pruebas)"}


def list_test_reviewer(project: Path, reads: tuple[str, ...] = ("en", "es"), reviewer_id: str = TEST_REVIEWER,
                       role: str = "physician", name: str = TEST_REVIEWER_NAME) -> None:
    """Add a made-up clinician (never a real person) to the copy's reviewers list, as the medical team would."""
    file = project / REVIEWERS_FILE
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    data["reviewers"].append({
        "id": reviewer_id, "name": name, "role": role,
        "credentials": {code: CREDENTIALS[code] for code in reads},
        "licence": {"board": "Test Medical Board", "number": "TEST-0001"},
        "licence_checked": {"date": "2026-02-01", "by": "the test office"},
        "languages": list(reads), "relationship": {code: "none: a test fixture" for code in reads},
        "since": "2026-01-01"})
    file.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def sign(project: Path, page: Path, day: str = "2026-03-01", following: str = "2027-03-01",
         reviewer: str = TEST_REVIEWER) -> None:
    """Record the reviewer's sign-off of the page as it is now (make sign-off with the current packet id)."""
    sign_off(project, page, reviewer, page_version(project, page), date.fromisoformat(day),
             date.fromisoformat(following))


def clinical_pages(project: Path) -> list[Path]:
    """Every clinical page of every language."""
    return [page for language in languages(project) for page in language.pages
            if load_front_matter(page.read_text(encoding="utf-8")).get("clinical") is True]


def first_treatment(project: Path) -> str:
    """The key of the copy's first treatment (extra: treatments: in mkdocs.yml), whichever it is."""
    return next(iter(load_settings(project / "mkdocs.yml")["extra"]["treatments"]))


def give_answers(project: Path, clinic: dict[str, Any] | None = None, treatment: dict[str, Any] | None = None,
                 signed: bool = True) -> None:
    """Fill in clinical answers in the copy's data/answers.yml, as the medical director would, and (unless told
    not to) record a made-up clinician's sign-off of them, so pages show them."""
    file = project / ANSWERS_FILE
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    if (clinic or {}).get("after_hours_phone") and not (clinic or {}).get("after_hours_forwarded"):
        # The copy's own day line, so the after-hours answer is never refused for being the clinic's day line
        # (whatever number marketing gives the clinic).
        set_settings(project, {("extra", "clinic", "phone"): TEST_DAY_LINE})
    data["clinic"].update(clinic or {})
    data["treatments"][first_treatment(project)].update(treatment or {})
    file.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    if signed:
        if TEST_REVIEWER not in load_registry(project).reviewers:
            list_test_reviewer(project)
        sign_off_answers(project, TEST_REVIEWER, answers_version(data), date(2026, 3, 1))


def bring_translations_up_to_date(project: Path) -> None:
    """Each translation says it translates its English page as it is now, as a translator does after catching up
    (an everyday change to an English page leaves them behind)."""
    english = languages(project)[0]
    for language in languages(project)[1:]:
        for page in language.pages:
            text = page.read_text(encoding="utf-8")
            source = str(load_front_matter(text).get("translation_of") or "")
            if source and (english.docs / source).is_file():
                version = page_version(project, english.docs / source)
                page.write_text(re.sub(r"^translated_from:.*$", f"translated_from: {version}", text, count=1,
                                       flags=re.M), encoding="utf-8")


def sign_every_page(project: Path, day: str = "2026-03-01", following: str = "2027-03-01") -> None:
    """A made-up clinician who reads every language signs off every clinical page, translations brought up to date
    first (the state just before go-live)."""
    bring_translations_up_to_date(project)
    list_test_reviewer(project)
    for page in clinical_pages(project):
        sign(project, page, day, following)


# A second treatment for the tests, made from copies of the first treatment's pages (never published: a fixture).
FIXTURE_TREATMENT = "chemical-peels"
FIXTURE_NAMES = {"en": "Chemical peels", "es": "Peelings químicos"}
FIXTURE_FOLDERS = {"en": FIXTURE_TREATMENT, "es": "peelings-quimicos"}
REVIEW_LINES = re.compile(r"^(reviewed_by|last_reviewed|next_review|reviewed_version):.*$", re.M)
LINK = re.compile(r"\]\((?!https?:|mailto:|tel:|#|/|\{\{)([^)\s#]+)")


def add_fixture_treatment(project: Path, ready: bool = True) -> None:
    """Add chemical peels to a copy, as `make new-treatment` and its writers would once done: a copy of each page of
    the first treatment's menu section (hub first) in docs/chemical-peels/ and docs/es/peelings-quimicos/, titles
    and descriptions naming chemical peels, no `treatment:` line (the folder says it), their own page ids and no
    sign-off; Spanish pages translate the new English ones. Its registry entry (ready or a draft) and a menu section
    after the first treatment's, in each language."""
    first = first_treatment(project)
    for language in languages(project):
        code = language.code
        if code not in FIXTURE_NAMES:
            continue
        own = language_treatments(language.config)[first]
        located = treatment_section(load_settings(language.config)["nav"], own.hub)
        assert located, f"the first treatment has no menu section in {language.config.name}"
        index, _, pages = located
        folder = language.docs / FIXTURE_FOLDERS[code]
        folder.mkdir()
        names = {posixpath.basename(page) for page in pages}
        for page in pages:
            copied = fixture_page((language.docs / page).read_text(encoding="utf-8"), "/" not in page, names, own, code)
            (folder / posixpath.basename(page)).write_text(copied, encoding="utf-8")
        # Spanish pages translate the English fixture pages (their folder is the English one).
        if code != "en":
            for page in folder.glob("*.md"):
                page.write_text(re.sub(rf"^translation_of: {FIXTURE_FOLDERS[code]}/", f"translation_of: "
                                       f"{FIXTURE_TREATMENT}/", page.read_text(encoding="utf-8"), flags=re.M),
                                encoding="utf-8")
        nav = load_settings(language.config)["nav"]
        section = {FIXTURE_NAMES[code]: [f"{FIXTURE_FOLDERS[code]}/{posixpath.basename(page)}" for page in pages]}
        entry = {"name": FIXTURE_NAMES[code], "ready": ready} if code == "en" else {
            "name": FIXTURE_NAMES[code], "folder": FIXTURE_FOLDERS[code]}
        text = language.config.read_text(encoding="utf-8")
        language.config.write_text(with_settings(text, {("nav",): [*nav[:index + 1], section, *nav[index + 1:]],
                                                        ("extra", "treatments", FIXTURE_TREATMENT): entry}),
                                   encoding="utf-8")


def fixture_page(text: str, at_root: bool, names: set[str], own: Treatment, code: str) -> str:
    """A copy of one of the first treatment's pages, as the fixture treatment's page in the language `code`."""
    head, body, _ = split_front_matter(text)
    head = re.sub(r"^treatment:.*\n", "", head + "\n", flags=re.M)
    head = REVIEW_LINES.sub(r"\1:", head)
    head = re.sub(r"^page_id: (.+)$", rf"page_id: {FIXTURE_TREATMENT}-\1", head, flags=re.M)
    head = re.sub(r"^(title|description): (.+)$", lambda line: named(line, own.name, FIXTURE_NAMES[code]), head,
                  flags=re.M)
    head = re.sub(r"^(translation_of|sheet_of): (\S+)$",
                  lambda line: f"{line.group(1)}: {moved(line.group(2), own.folder, FIXTURE_FOLDERS[code])}", head,
                  flags=re.M)
    if at_root:  # a page from the root, now a folder down: its links to the shared pages go up a folder
        body = LINK.sub(lambda link: "](" + (link.group(1) if link.group(1) in names else "../" + link.group(1)), body)
    return f"---\n{head.rstrip()}\n---\n{body}"


def named(line: re.Match[str], name: str, fixture: str) -> str:
    """A title or description line naming the fixture treatment instead of the first one, within the check's
    length limits (a longer name would make the copy fail the check that a real treatment must pass)."""
    key, original = line.groups()
    value = re.sub(re.escape(name), lambda found: fixture if found.group(0)[0].isupper() else fixture.lower(),
                   original, flags=re.I)
    limit = MAX_TITLE if key == "title" else MAX_DESCRIPTION
    if value == original:
        value = f"{original} ({fixture})"
    while len(value) > limit:
        value = " ".join(value.split(" ")[:-1]).rstrip(",;:") if " " in value else value[:limit]
    return f"{key}: {value}"


def moved(page: str, folder: str, fixture_folder: str) -> str:
    """A page named in front matter (translation_of, sheet_of), as the fixture's copy of it."""
    return f"{fixture_folder}/{posixpath.basename(page)}" if "/" not in page or page.startswith(folder + "/") \
        else page
