"""`make new-treatment`: a new treatment's journey in both languages as a draft, which the content check passes with
warnings and, marked ready, fails with each missing piece; names whose address is taken are refused."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scripts.content.check import check_site
from scripts.content.journey import GLOSSARIES, JOURNEY
from scripts.content.journey_check import section_lines, treatment_problems
from scripts.content.new_page import new_page, new_translation
from scripts.content.new_treatment import main as new_treatment_main
from scripts.content.readability import render
from scripts.problems import Problem, Severity
from scripts.release.review_gate import review_gate
from scripts.site.addresses import CONTRACT
from scripts.site.answer_schema import ANSWERS_FILE
from scripts.site.answers import answers_version, read_answers
from scripts.site.claims import load_claims
from scripts.site.dates import today
from scripts.site.front_matter import load_front_matter, split_front_matter
from scripts.site.languages import languages
from scripts.site.settings import load_settings, setting_line
from scripts.site.treatments import language_treatments
from tests.conftest import ROOT, TEST_TODAY, copy_project
from tests.project_changes import set_settings

NAME, NAME_ES = "Chemical peels", "Peelings químicos"
KEY, FOLDER_ES = "chemical-peels", "peelings-quimicos"
SETTINGS_FILES = ("mkdocs.yml", "mkdocs.es.yml", ANSWERS_FILE.as_posix())


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITE_TODAY", TEST_TODAY)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def scaffold(project: Path, name: str = NAME, name_es: str = NAME_ES) -> int:
    return new_treatment_main([name, "--translation", "es", name_es, "--root", str(project)])


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with the new treatment scaffolded (read only: tests that change it make their own)."""
    project = copy_project(tmp_path_factory.mktemp("drafted") / "project")
    assert scaffold(project) == 0
    return project


@pytest.fixture
def ready(tmp_path: Path) -> Path:
    """A copy with the new treatment scaffolded and then marked ready, as its going-live pull request does."""
    project = copy_project(tmp_path / "project")
    assert scaffold(project) == 0
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    entry = text.index(f"    {KEY}:\n")
    config.write_text(text[:entry] + text[entry:].replace("ready: false", "ready: true", 1), encoding="utf-8")
    assert language_treatments(config)[KEY].ready
    return project


def journey_file(project: Path, code: str, stage_file: str) -> Path:
    language = next(each for each in languages(project) if each.code == code)
    return language.docs / (KEY if code == "en" else FOLDER_ES) / stage_file


def line_of(file: Path, pattern: str) -> int:
    """The line of a file on which `pattern` is first found."""
    return next(number for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1)
                if re.search(pattern, line))


def errors(problems: list[Problem]) -> list[str]:
    return [str(problem) for problem in problems if problem.severity is Severity.ERROR]


def test_a_draft_passes_the_check_with_warnings_that_name_it(drafted: Path) -> None:
    problems = check_site(drafted)
    assert errors(problems) == []
    warnings = [problem for problem in problems if problem.severity is Severity.WARNING]
    assert any(problem.path == "mkdocs.yml" and NAME in problem.message and "draft" in problem.message
               for problem in warnings)
    drafts = [problem for problem in warnings if problem.path.startswith((f"docs/{KEY}/", f"docs/es/{FOLDER_ES}/"))]
    assert drafts and all(f"draft: {NAME}" in problem.message or f"draft: {NAME_ES}" in problem.message
                          for problem in drafts)
    # Never published, so it awaits no sign-off and adds no address to the URL contract yet.
    assert not [problem for problem in problems if problem.severity is Severity.NOTE and KEY in problem.path]


def test_a_draft_left_out_of_the_menu_is_still_only_warnings(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    before = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert scaffold(project) == 0
    nav = load_settings(project / "mkdocs.yml")["nav"]
    set_settings(project, {("nav",): [entry for entry in nav if not (isinstance(entry, dict) and NAME in entry)]})
    assert f"{KEY}/index.md" not in (project / "mkdocs.yml").read_text(encoding="utf-8") != before
    problems = check_site(project)
    assert errors(problems) == []
    assert any(problem.path == f"docs/{KEY}/index.md" and "not in the menu" in problem.message for problem in problems)


def test_every_journey_page_section_and_setting_is_written_in_both_languages(drafted: Path) -> None:
    for code in ("en", "es"):
        for stage in JOURNEY:
            page = journey_file(drafted, code, stage.files[code])
            assert page.is_file(), page
            text = page.read_text(encoding="utf-8")
            meta = load_front_matter(text)
            folder = KEY if code == "en" else FOLDER_ES  # sheet_of names the full page inside the docs folder
            for key, value in stage.required_front_matter(code, folder).items():
                assert meta.get(key) == value, (page, key)
            assert meta["treatment"] == KEY and meta["description"] == ""
            if stage.clinical:
                assert meta["page_id"] == f"{KEY}-{stage.key}" and meta["sources"] == []
                assert all(meta[key] is None for key in ("reviewed_by", "last_reviewed", "next_review",
                                                           "reviewed_version"))
            if code == "es":
                assert meta["translation_of"] == f"{KEY}/{stage.files['en']}" and meta["translated_from"] is None
            ids = [found for _, _, found in section_lines(split_front_matter(text)[1])]
            assert ids == [section.ids[code] for section in stage.sections], page
    assert load_settings(drafted / "mkdocs.yml")["extra"]["treatments"][KEY] == {
        "name": NAME, "also_called": "", "price": {"from": None, "to": None, "per": ""}, "ready": False}
    assert load_settings(drafted / "mkdocs.es.yml")["extra"]["treatments"][KEY]["folder"] == FOLDER_ES
    answers = read_answers(drafted)["treatments"]
    assert set(answers[KEY]) == set(next(iter(answers.values())))
    assert not any(answers[KEY].values())


def test_a_draft_renders_only_headings_and_writing_notes(drafted: Path) -> None:
    """No invented text: outside its headings, a drafted page shows nothing (its notes are HTML comments)."""

    class Shown(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.heading, self.headings, self.other = 0, [], []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.heading += tag in ("h2", "h3", "h4")

        def handle_endtag(self, tag: str) -> None:
            self.heading -= tag in ("h2", "h3", "h4")

        def handle_data(self, data: str) -> None:
            if data.strip():
                (self.headings if self.heading else self.other).append(data.strip())

    for code in ("en", "es"):
        for stage in JOURNEY:
            page = journey_file(drafted, code, stage.files[code])
            shown = Shown()
            shown.feed(render(split_front_matter(page.read_text(encoding="utf-8"))[1], None, drafted / "mkdocs.yml"))
            assert shown.other == [], page
            assert len(shown.headings) >= len(stage.sections)


def test_the_settings_files_keep_their_comments_and_the_menu_gets_the_section(drafted: Path) -> None:
    for name in SETTINGS_FILES:
        before = [line.strip() for line in (ROOT / name).read_text(encoding="utf-8").splitlines()
                  if line.strip().startswith("#")]
        after = [line.strip() for line in (drafted / name).read_text(encoding="utf-8").splitlines()
                 if line.strip().startswith("#")]
        assert [line for line in after if line in before] == before, name
    for code, name, folder in (("en", NAME, KEY), ("es", NAME_ES, FOLDER_ES)):
        language = next(each for each in languages(drafted) if each.code == code)
        nav = load_settings(language.config)["nav"]
        section = next(index for index, entry in enumerate(nav) if isinstance(entry, dict) and name in entry)
        glossary = [f"{folder}/{GLOSSARIES[code]}"] if code in GLOSSARIES else []  # its part of the glossary
        assert nav[section][name] == [f"{folder}/{stage.files[code]}" for stage in JOURNEY] + glossary
        # After the last treatment's section: the shared pages (the contact page first) follow.
        following = nav[section + 1]
        assert isinstance(following, str) and following in ("contact.md", "contacto.md")


def test_in_a_flat_menu_the_section_goes_before_the_contact_page(tmp_path: Path) -> None:
    """A menu without treatment sections (the project's first layout) gets the new section before the contact page."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    nav = load_settings(config)["nav"]
    flat = [page for entry in nav for page in (next(iter(entry.values())) if isinstance(entry, dict) else [entry])]
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"^nav:\n(?:  .*\n)+", "nav:\n" + "".join(f"  - {page}\n" for page in flat), text,
                             count=1, flags=re.M), encoding="utf-8")
    assert scaffold(project) == 0
    names = [next(iter(entry)) if isinstance(entry, dict) else entry for entry in load_settings(config)["nav"]]
    assert names[names.index(NAME) + 1] == "contact.md" and names[:names.index(NAME)] == flat[:flat.index("contact.md")]


def test_marked_ready_it_fails_listing_each_missing_piece_with_file_and_line(ready: Path) -> None:
    journey_file(ready, "en", "before.md").unlink()
    aftercare = journey_file(ready, "en", "aftercare.md")
    aftercare.write_text(aftercare.read_text(encoding="utf-8").replace(" {#dos}", ""), encoding="utf-8")
    found = errors(check_site(ready))
    what_is_it = journey_file(ready, "en", "what-is-it.md")
    for expected in (
        f"docs/{KEY}/what-is-it.md:{line_of(what_is_it, '^description:')}: 'description' is empty",
        f"docs/{KEY}/what-is-it.md:{line_of(what_is_it, '^sources:')}: a clinical page needs its sources",
        f"docs/{KEY}/what-is-it.md:{line_of(what_is_it, '{#how-it-works}')}: the section #how-it-works has only its "
        "writing note",
        f"docs/es/{FOLDER_ES}/riesgos.md:1: 'translated_from' is ''",
        f"mkdocs.yml:{line_of(ready / 'mkdocs.yml', f'^    {KEY}:')}: {NAME} has no before page",
    ):
        assert any(line.startswith(expected) for line in found), (expected, found)
    assert any(line.startswith(f"docs/{KEY}/aftercare.md:") and "the section #dos is missing" in line
               for line in found)


def test_a_broken_link_a_banned_claim_and_an_unsourced_page_in_a_ready_treatment_are_caught(ready: Path) -> None:
    claim = "painless"
    assert any(each.phrase.lower() == claim for each in load_claims(ready)), "the claims list no longer has it"
    risks = journey_file(ready, "en", "risks.md")
    text = risks.read_text(encoding="utf-8")
    risks.write_text(text.replace("{#common}\n", f"{{#common}}\n\nIt is {claim}. Read [more](nowhere.md).\n", 1),
                     encoding="utf-8")
    found = errors(check_site(ready))
    written = line_of(risks, claim)
    assert any(line.startswith(f"docs/{KEY}/risks.md:{written}: '{claim}'") for line in found), found
    assert any(line.startswith(f"docs/{KEY}/risks.md:{written}:") and "nowhere.md" in line for line in found), found
    assert any(line.startswith(f"docs/{KEY}/risks.md:{line_of(risks, '^sources:')}: a clinical page needs its "
                               "sources") for line in found)


def test_when_to_get_help_needs_its_three_boxes_in_order(ready: Path) -> None:
    aftercare = journey_file(ready, "en", "aftercare.md")
    boxes = [box for section in next(stage for stage in JOURNEY if stage.key == "aftercare").sections
             for box in section.boxes]
    written = "".join(f'!!! {box} "A made-up box for the test"\n\n    - A made-up sign.\n\n' for box in reversed(boxes))
    aftercare.write_text(aftercare.read_text(encoding="utf-8").replace("{#when-to-get-help}\n",
                                                                       "{#when-to-get-help}\n\n" + written, 1),
                         encoding="utf-8")
    found = errors(check_site(ready))
    heading = line_of(aftercare, "{#when-to-get-help}")
    assert any(line.startswith(f"docs/{KEY}/aftercare.md:{heading}: the section #when-to-get-help needs its boxes")
               for line in found), found


def test_the_publish_gate_skips_a_draft_and_gates_it_once_ready(drafted: Path, ready: Path) -> None:
    day = today(None)
    assert not [line for line in review_gate(drafted, day).blocking if KEY in line or FOLDER_ES in line]
    blocking = review_gate(ready, day).blocking
    assert any(f"docs/{KEY}/aftercare.md" in line for line in blocking)
    assert any(f"docs/es/{FOLDER_ES}/riesgos.md" in line for line in blocking)


def test_a_draft_leaves_the_signed_answers_version_as_it_was(drafted: Path) -> None:
    assert answers_version(read_answers(drafted)) == answers_version(read_answers(ROOT))


def tree(project: Path) -> dict[str, str]:
    return {file.relative_to(project).as_posix(): hashlib.sha256(file.read_bytes()).hexdigest()
            for file in sorted(project.rglob("*")) if file.is_file()}


@pytest.mark.parametrize(("name", "name_es", "why"), [
    ("Risks", NAME_ES, "already has the address"),  # docs/risks.md
    ("Recovery", NAME_ES, "redirect"),
    ("FAQ", NAME_ES, "redirect"),
    ("es", NAME_ES, "the site itself uses"),
    (NAME, "Riesgos", "already has the address"),  # docs/es/riesgos.md
    ("", NAME_ES, "name"),
    (NAME, "", "name"),
])
def test_a_name_whose_address_is_taken_is_refused_and_nothing_is_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, name_es: str, why: str) -> None:
    project = copy_project(tmp_path / "project")
    before = tree(project)
    assert scaffold(project, name, name_es) == 1
    message = capsys.readouterr().err
    assert message.startswith("Nothing was written") and why in message
    assert tree(project) == before


def test_an_existing_treatment_and_a_promised_address_are_refused(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_project(tmp_path / "project")
    existing = next(iter(language_treatments(project / "mkdocs.yml").values()))
    with (project / CONTRACT).open("a", encoding="utf-8") as contract:
        contract.write("/laser-resurfacing/#book\n")  # promised, with no page yet
    before = tree(project)
    assert scaffold(project, existing.name) == 1
    assert scaffold(project, "Laser resurfacing") == 1
    said = capsys.readouterr().err
    assert f"/{existing.key}/" in said and "URL contract" in said
    assert tree(project) == before


def test_each_treatment_of_the_real_site_has_its_whole_journey() -> None:
    for language in languages(ROOT):
        for treatment in language_treatments(language.config).values():
            if treatment.ready:
                assert treatment_problems(ROOT, language, treatment) == [], (language.code, treatment.key)


def test_a_new_page_of_a_treatment_and_its_translation_go_in_its_folder_and_menu_section(tmp_path: Path) -> None:
    """make new-page TREATMENT=…: the page joins its treatment (folder, menu section), and so does its translation."""
    project = copy_project(tmp_path / "project")
    assert scaffold(project) == 0
    page = new_page("How long does peeling last?", project / "docs", treatment=KEY)
    assert page == project / "docs" / KEY / "how-long-does-peeling-last.md"
    translation = new_translation("¿Cuánto dura la descamación?", f"{KEY}/{page.name}", project / "docs", "es")
    assert translation == project / "docs" / "es" / FOLDER_ES / "cuanto-dura-la-descamacion.md"
    for config, name, added in (("mkdocs.yml", NAME, page), ("mkdocs.es.yml", NAME_ES, translation)):
        nav = load_settings(project / config)["nav"]
        section = next(entry[name] for entry in nav if isinstance(entry, dict) and name in entry)
        assert section[-1] == added.relative_to(added.parents[1]).as_posix(), config  # last in its own section
    with pytest.raises(ValueError, match="there is no treatment 'peels'"):
        new_page("Another page", project / "docs", treatment="peels")


def test_each_translation_gets_the_treatments_part_of_its_glossary(drafted: Path) -> None:
    """The glossary has a part per treatment: a page in the treatment's folder, kept from patients and search
    like the shared one, listed in the treatment's menu section, holding only a heading and a note."""
    for language in languages(drafted)[1:]:
        shared = language.docs / GLOSSARIES[language.code]
        part = language.docs / FOLDER_ES / shared.name
        meta = load_front_matter(part.read_text(encoding="utf-8"))
        assert NAME_ES in meta["title"] and meta["robots"] == load_front_matter(
            shared.read_text(encoding="utf-8"))["robots"]
        nav = load_settings(language.config)["nav"]
        assert f"{FOLDER_ES}/{shared.name}" in next(entry[NAME_ES] for entry in nav
                                                    if isinstance(entry, dict) and NAME_ES in entry)
        body = split_front_matter(part.read_text(encoding="utf-8"))[1]
        assert re.sub(r"<!--.*?-->", "", body, flags=re.S).split() == ["##", *NAME_ES.split(), f"{{#{FOLDER_ES}}}"]


def test_two_treatments_with_one_name_are_refused_with_the_line(tmp_path: Path) -> None:
    """Patients, staff and the review gate tell treatments apart by name: a copied entry left with the first
    treatment's name is an error at its line, not a second treatment gated under the first one's name."""
    project = copy_project(tmp_path / "project")
    assert scaffold(project) == 0
    first = next(iter(language_treatments(project / "mkdocs.yml").values()))
    set_settings(project, {("extra", "treatments", KEY, "name"): first.name})
    found = [problem for problem in check_site(project) if problem.severity is Severity.ERROR
             and "same name" in problem.message]
    assert [(problem.path, problem.line) for problem in found] == [
        ("mkdocs.yml", setting_line(project / "mkdocs.yml", "extra", "treatments", KEY))]


def test_a_translations_treatment_entry_written_wrongly_is_refused_at_its_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.es.yml"
    key = next(iter(language_treatments(config)))
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace(f"    {key}: {{", f"    {key}: {{ready: sí, ", 1), encoding="utf-8")
    found = [problem for problem in check_site(project) if problem.severity is Severity.ERROR]
    assert any(problem.path == "mkdocs.es.yml" and problem.line == setting_line(config, "extra", "treatments", key,
                                                                                  "ready")
               and "'ready' is 'sí'" in problem.message for problem in found), found
