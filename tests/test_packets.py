"""make packets: a clinician's review packet says what changed since the last sign-off, word by word and nothing
else, shows the translation beside its English version and ends with the sign-off sheet; its id is the page's
version, stable until the page changes; printed, it is the page marked as a draft for review (never "Reviewed by")
followed by the packet's parts, all readable by pdftotext. The fixture is a copy of the project in git, with a test
reviewer (not a person) who signed two pages, one of which was then changed by one sentence."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path
from typing import NamedTuple

import pytest

from scripts.release.packet_content import Packet, gather
from scripts.release.packet_diff import ADDED, REMOVED, marked, word_diff
from scripts.release.packet_document import packet_html
from scripts.release.packets import make_packets, named_pages
from scripts.release.sign_off import sign_off
from scripts.site.front_matter import load_front_matter, split_front_matter
from scripts.site.includes import INCLUDE, INCLUDES
from scripts.site.languages import languages, translations
from scripts.site.page_version import page_version
from scripts.site.review import ReviewState, review_record
from tests.conftest import ROOT, TEST_TODAY, copy_project
from tests.project_changes import git

TODAY = date.fromisoformat(TEST_TODAY)
# A reviewer for the copy only: no real person, credential or licence.
TEST_REVIEWER = """reviewers:
  - id: test-reviewer
    name: Test Reviewer
    role: physician
    credentials:
      en: MD (a test fixture, not a person)
      es: MD (dato de prueba)
    licence: {board: Test Board, number: TEST-0}
    languages: [en, es]
    since: 2026-01-01
"""
# The new sentence: the first of these that shares no word with the sentence it replaces.
NEW_SENTENCES = ("Wash the pillowcase often.", "Change bedding every night.")
SIMPLE_ITEM = re.compile(r"^- ([A-Z][a-z][^*_`\[\]{}<>()!?:;\"\n]*\.)$", re.MULTILINE)  # one plain sentence


def clinical_with_translation(project: Path) -> list[Path]:
    """The project's English clinical pages that have a translation and a plain list item of their own to change (a
    take-home sheet's lists are all included from shared files), in menu-file order."""
    english, translated = languages(project)[0], translations(project, languages(project)[1].code)
    return [page for page in english.pages if english.key(page) in translated
            and load_front_matter(text := page.read_text(encoding="utf-8")).get("clinical") is True
            and SIMPLE_ITEM.search(split_front_matter(text)[1])]


def translation_of(project: Path, page: Path) -> Path:
    spanish = languages(project)[1]
    return spanish.docs / translations(project, spanish.code)[page.name].removeprefix(spanish.prefix)


def one_sentence(page: Path) -> tuple[str, str]:
    """A list item of one plain sentence that appears once in the page, and a new sentence sharing no word with it."""
    body = split_front_matter(page.read_text(encoding="utf-8"))[1]
    for old in SIMPLE_ITEM.findall(body):
        new = next((new for new in NEW_SENTENCES if not set(new.lower().split()) & set(old.lower().split())), None)
        if body.count(old) == 1 and new:
            return old, new
    raise AssertionError(f"{page.name} has no list item of one plain sentence to change")


class Fixture(NamedTuple):
    project: Path
    changed: Path  # a page signed off, then changed by one sentence
    old: str
    new: str
    unchanged: Path  # a page signed off and not changed since


@pytest.fixture(scope="module")
def fixture(tmp_path_factory: pytest.TempPathFactory) -> Fixture:
    """The copy in git: a test reviewer signs two clinical pages (committed), then one sentence of the first
    changes (not committed, as in a pull request being prepared)."""
    copy = copy_project(tmp_path_factory.mktemp("packets") / "project")
    git(copy, "init", "-q", "-b", "main")
    git(copy, "add", "-A")
    git(copy, "commit", "-qm", "the guide")
    reviewers = copy / "data" / "reviewers.yml"
    text = reviewers.read_text(encoding="utf-8")
    assert "\nreviewers: []\n" in text
    reviewers.write_text(text.replace("\nreviewers: []\n", "\n" + TEST_REVIEWER), encoding="utf-8")
    changed, unchanged = clinical_with_translation(copy)[:2]
    for page in (changed, unchanged):
        sign_off(copy, page, "test-reviewer", page_version(copy, page), TODAY)
    git(copy, "add", "-A")
    git(copy, "commit", "-qm", "Medical sign-off of two pages by the test reviewer")
    old, new = one_sentence(changed)
    changed.write_text(changed.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return Fixture(copy, changed, old, new, unchanged)


def packet_of(project: Path, page: Path) -> Packet:
    return gather(project, page, TODAY, review_record(project))


def marks(text: str) -> tuple[list[str], list[str]]:
    """The removed and the added words a packet marks."""
    return re.findall(r"\[- (.*?) -\]", text, re.S), re.findall(r"\[\+ (.*?) \+\]", text, re.S)


def test_a_page_never_signed_off_asks_for_the_whole_page(fixture: Fixture) -> None:
    page = translation_of(fixture.project, fixture.changed)  # its English page was signed off, it never was
    packet = packet_of(fixture.project, page)
    assert packet.review.state is ReviewState.AWAITING and packet.changes is None
    document = packet_html(packet, with_page=True)
    assert "Never signed off: review the whole page" in document
    assert marks(document) == ([], [])


def test_the_changes_are_exactly_the_changed_sentence(fixture: Fixture) -> None:
    packet = packet_of(fixture.project, fixture.changed)
    assert packet.review.state is ReviewState.CHANGED
    assert packet.changes is not None and packet.changes.fields == []
    assert [passage.marked.count("[") for passage in packet.changes.passages] == [2]
    document = packet_html(packet, with_page=True)
    assert marks(document) == ([fixture.old], [fixture.new])
    assert "Last signed off on" in document and "Test Reviewer (test-reviewer)" in document


def test_a_changed_illustration_is_named_with_its_changed_words(fixture: Fixture) -> None:
    """The signed version is then found in the sign-off's own commit, with the illustration as it was."""
    name = next(match.group(2) for match in INCLUDE.finditer(split_front_matter(
        fixture.changed.read_text(encoding="utf-8"))[1]) if match.group(2).endswith(".html"))
    file = fixture.project / INCLUDES / name
    text = file.read_text(encoding="utf-8")
    title = re.search(r"<title[^>]*>(.*?)</title>", text).group(1)
    try:
        file.write_text(text.replace(f">{title}</title>", f">{title} today</title>", 1), encoding="utf-8")
        packet = packet_of(fixture.project, fixture.changed)
        assert packet.changes is not None
        [change] = packet.changes.fields
        assert change.summary == f"Illustration changed: {name}."
        assert marks(marked(change.pieces)) == ([], ["today"])
        assert marks(" ".join(passage.marked for passage in packet.changes.passages)) == ([fixture.old], [fixture.new])
    finally:
        file.write_text(text, encoding="utf-8")


def test_the_translation_is_beside_its_english_page_and_the_sign_off_sheet_is_last(fixture: Fixture) -> None:
    spanish = translation_of(fixture.project, fixture.changed)
    packet = packet_of(fixture.project, fixture.changed)
    [pair] = packet.beside
    assert pair.translation.file == spanish.relative_to(fixture.project).as_posix()
    assert len(pair.english.sections) == len(pair.translation.sections) > 1
    first_spanish_heading = re.search(r"^## (.+?) \{", spanish.read_text(encoding="utf-8"), re.M).group(1)
    assert first_spanish_heading in " ".join(pair.translation.sections)
    assert "translates English version" in " ".join(pair.notes)  # the English page changed after it was translated
    document = packet_html(packet, with_page=True)
    sheet = " ".join(document[document.index('id="sheet"'):].split())
    assert document.index('id="translation"') < document.index('id="sheet"')
    assert f"make sign-off PAGE={packet.file} REVIEWER=__________ PACKET={packet.packet_id}" in sheet
    for words in ("Decision:", "approved after the changes below", "not approved", "Changes needed",
                  "Next review due", "Signature", "Reviewer id", "License"):
        assert words in sheet, words
    assert "test-reviewer: Test Reviewer, MD (a test fixture, not a person)" in sheet


def test_the_html_packet_needs_nothing_from_anywhere(fixture: Fixture) -> None:
    document = packet_html(packet_of(fixture.project, fixture.changed), with_page=True)
    assert not re.search(r"<script|<link|<img|<iframe|\bsrc=|url\(|@import", document)
    assert "default-src 'none'" in document


def test_the_packet_id_is_the_pages_version_stable_until_the_page_changes(fixture: Fixture) -> None:
    page = fixture.changed
    first, second = packet_of(fixture.project, page), packet_of(fixture.project, page)
    assert first.packet_id == second.packet_id == page_version(fixture.project, page)
    assert first.name == second.name and first.packet_id in first.name
    text = page.read_text(encoding="utf-8")
    try:
        page.write_text(text + "\nOne more sentence.\n", encoding="utf-8")
        assert packet_of(fixture.project, page).packet_id != first.packet_id
    finally:
        page.write_text(text, encoding="utf-8")


def test_a_one_word_change_marks_one_word() -> None:
    pieces = word_diff(["Stay out of the sun for about 2 weeks."], ["Stay out of the sun for about 3 weeks."])
    assert [(piece.kind, piece.text) for piece in pieces if piece.kind != "same"] == [(REMOVED, "2"), (ADDED, "3")]


def test_only_clinical_pages_get_a_packet() -> None:
    english = languages(ROOT)[0]
    plain = next(page for page in english.pages
                 if load_front_matter(page.read_text(encoding="utf-8")).get("clinical") is not True)
    clinical = clinical_with_translation(ROOT)[0]
    names = [f"docs/{english.key(plain)}", f"docs/{english.key(clinical)}", "README.md"]
    pages, notes = named_pages(ROOT, names, TODAY, review_record(ROOT))
    assert pages == [clinical.resolve()]
    assert len(notes) == 2 and "not clinical" in notes[0] and "not a page" in notes[1]


def test_pull_requests_upload_the_packets_of_the_pages_they_change() -> None:
    workflow = (ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    assert "make packets PAGES=" in workflow and "name: review-packets" in workflow
    assert "path: review-packets/" in workflow
    assert "/review-packets/" in (ROOT / ".gitignore").read_text(encoding="utf-8")


def test_a_build_for_patients_never_says_draft(built_site: Path) -> None:
    """Only a packet's build (SITE_REVIEW_DRAFT=1) marks pages as drafts; every other build shows the review."""
    pages = {page: page.read_text(encoding="utf-8") for page in built_site.rglob("*.html")}
    assert any("review-status" in text for text in pages.values())
    assert [page.name for page, text in pages.items() if "review-status--draft" in text] == []


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_the_printed_packet_is_the_draft_page_then_the_packet(fixture: Fixture, browser: object,
                                                              tmp_path: Path) -> None:
    """One draft build, two pages printed: the changed page, and a page whose sign-off still holds (it must not
    say "Reviewed by" either: the packet asks for a new signature)."""
    packets = make_packets(fixture.project, [fixture.changed, fixture.unchanged], tmp_path / "out", TODAY,
                           browser=browser)
    assert [packet.review.state for packet in packets] == [ReviewState.CHANGED, ReviewState.REVIEWED]
    for packet in packets:
        pdf = tmp_path / "out" / f"{packet.name}.pdf"
        assert pdf.is_file() and (tmp_path / "out" / f"{packet.name}.html").is_file()
        text = pdf_text(pdf)
        sheets = text.split("\f")
        assert f"Draft for medical review, packet {packet.packet_id}" in " ".join(text.split())
        assert "Reviewed by" not in text
        assert packet.title.split()[0] in sheets[0]  # the page's own printout comes first
        last = next(sheet for sheet in reversed(sheets) if sheet.strip())
        for words in ("Sign-off sheet", "Decision", "Next review due", packet.packet_id):
            assert words in last, (packet.file, words)
    changed_text = pdf_text(tmp_path / "out" / f"{packets[0].name}.pdf")
    assert "[-" in changed_text and "[+" in changed_text
    assert "No change since that sign-off" in pdf_text(tmp_path / "out" / f"{packets[1].name}.pdf")
