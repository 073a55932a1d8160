"""The take-home aftercare sheet (issue 25): in each language, a page whose printout is one side of Letter and of A4
with its text at 11 pt or more, carrying every sign of the aftercare page's three help tiers, 911, the clinic's
phone and a QR code back to the full aftercare page. It shows the aftercare page's facts through the same shared
files (docs/_includes/), so the two cannot disagree; its address is kept in the URL contract and on the staff link
sheet. Printed by Debian's Chromium and read back with poppler-utils and zbar-tools, as tests/test_print.py does."""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts.built_site import target_file
from scripts.content.check import check_page, load_context
from scripts.site.addresses import CONTRACT, page_url, read_contract
from scripts.site.front_matter import load_front_matter, split_front_matter
from scripts.site.includes import MARKDOWN, included_names
from scripts.site.languages import languages
from scripts.site.page_version import working_tree
from scripts.site.settings import load_settings
from tests.browser_helpers import open_context
from tests.conftest import CONTACT, DESKTOP, ROOT, take_home_sheets
from tests.test_print import PAPERS, decode_qr, plain, print_on_each_paper, sheet_texts, squash

MIN_POINTS = 11.0
TIERS = ("call-clinic", "urgent-care", "emergency")  # the care cards' classes, least to most urgent
CARD = re.compile(r'<div class="admonition (call-clinic|urgent-care|emergency)">\s*<p class="admonition-title">'
                  r'(.*?)</p>(.*?)</div>', re.S)
ITEM = re.compile(r"<li>(.*?)</li>", re.S)
TAG = re.compile(r"<[^>]+>")
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
# The font size of every paragraph and list item of the sheet's text that prints (not its title or review line).
SIZES_SCRIPT = """() => [...document.querySelectorAll("article p, article li")]
  .filter((element) => element.getClientRects().length > 0 && !element.closest(".sheet-head"))
  .map((element) => ({text: element.textContent.trim().slice(0, 60),
                      points: parseFloat(getComputedStyle(element).fontSize) * 72 / 96}))"""


def text_of(markup: str) -> str:
    return " ".join(html.unescape(TAG.sub(" ", markup)).split())


def help_tiers(page_html: str) -> list[tuple[str, str, list[str]]]:
    """(tier, title, signs) of each care card of a built page, in order."""
    return [(tier, text_of(title), [text_of(item) for item in ITEM.findall(body)])
            for tier, title, body in CARD.findall(page_html)]


@dataclass(frozen=True)
class Sheet:
    path: str  # its address path, e.g. "aftercare-sheet/"
    full: str  # the full page's, e.g. "aftercare/"
    source: Path  # docs/aftercare-sheet.md
    full_source: Path  # docs/aftercare.md


def sheets() -> list[Sheet]:
    """Every take-home sheet of every language (front matter `sheet_of:`), with the full page it comes from."""
    found = []
    for language in languages(ROOT):
        for page in language.pages:
            full = load_front_matter(page.read_text(encoding="utf-8")).get("sheet_of")
            if full:
                found.append(Sheet(page_url(language.key(page)).lstrip("/"),
                                   page_url(language.prefix + str(full)).lstrip("/"), page, language.docs / str(full)))
    assert {sheet.path: sheet.full for sheet in found} == take_home_sheets()
    return found


# --- the sources: one sheet per language, from the same shared files as its aftercare page ------------------------


def test_every_language_has_a_sheet_of_its_aftercare_page() -> None:
    found = sheets()
    assert len(found) == len(languages(ROOT)) >= 2
    english = next(sheet for sheet in found if sheet.source.parent == ROOT / "docs")
    english_meta = load_front_matter(english.source.read_text(encoding="utf-8"))
    assert english.full_source == ROOT / "docs" / "aftercare.md" and english_meta["clinical"] is True
    for sheet in found:
        meta = load_front_matter(sheet.source.read_text(encoding="utf-8"))
        full_meta = load_front_matter(sheet.full_source.read_text(encoding="utf-8"))
        assert meta["page_id"] == english_meta["page_id"] != full_meta["page_id"], sheet.source
        assert meta["clinical"] is True and meta["reading_grade"] <= 6 and meta["sources"], sheet.source
        if sheet is not english:  # the translation of the English sheet, leading to the translated aftercare page
            assert meta["translation_of"] == english.source.name
            assert full_meta["translation_of"] == english.full_source.name


def test_the_sheet_and_its_page_include_the_same_shared_files() -> None:
    read = working_tree(ROOT)
    for sheet in sheets():
        body = split_front_matter(sheet.source.read_text(encoding="utf-8"))[1]
        shared = [name for name in included_names(body, read) if name.endswith(MARKDOWN)]
        on_page = [name for name in included_names(sheet.full_source.read_text(encoding="utf-8"), read)
                   if name.endswith(MARKDOWN)]
        assert shared and shared == on_page, (sheet.source, shared, on_page)


def test_the_sheet_states_no_fact_of_its_own() -> None:
    """Its own text is headings and one short line: every list and care card comes from the shared files."""
    for sheet in sheets():
        body = split_front_matter(sheet.source.read_text(encoding="utf-8"))[1]
        own = [line for line in body.splitlines() if line.strip() and not line.startswith(("## ", "--8<--"))]
        assert len(own) <= 1 and not any(line.lstrip().startswith(("-", "!!!", "*", "1.")) for line in own), own


def test_the_check_refuses_a_sheet_of_a_page_that_does_not_exist() -> None:
    sheet = sheets()[0]
    text = re.sub(r"^sheet_of: .*$", "sheet_of: no-such-page.md", sheet.source.read_text(encoding="utf-8"), flags=re.M)
    problems = [str(problem) for problem in check_page(sheet.source, text, load_context(ROOT))]
    assert any("'sheet_of' is 'no-such-page.md': name the full page this sheet comes from" in problem
               for problem in problems), problems


# --- the built sheet: its cards are the page's, its address is kept ---------------------------------------------------


def test_the_built_sheet_shows_the_pages_care_cards_exactly(built_site: Path) -> None:
    for sheet in sheets():
        on_sheet = help_tiers(target_file(built_site, "/" + sheet.path).read_text(encoding="utf-8"))
        on_page = help_tiers(target_file(built_site, "/" + sheet.full).read_text(encoding="utf-8"))
        assert [tier for tier, _, _ in on_page] == list(TIERS), sheet.full
        assert on_sheet == on_page, sheet.path


def test_the_sheets_address_is_in_the_url_contract_and_on_the_staff_link_sheet(built_site: Path) -> None:
    contract = read_contract(ROOT / CONTRACT)
    links = target_file(built_site, "/links/").read_text(encoding="utf-8")
    plain_links = (built_site / "links.txt").read_text(encoding="utf-8")
    site_url = CANONICAL.search(target_file(built_site, "/").read_text(encoding="utf-8")).group(1)
    for sheet in sheets():
        assert "/" + sheet.path in contract, sheet.path
        assert f"<code>{site_url}{sheet.path}</code>" in links, sheet.path
        assert f"{site_url}{sheet.path}" in plain_links.split(), sheet.path


# --- the printout -------------------------------------------------------------------------------------------------


@dataclass
class Printout:
    sheet: Sheet
    paper: str
    pdf: Path
    pages: list[str]  # each printed side's text
    sizes: list[dict]  # the font size of each printed paragraph and list item

    @property
    def name(self) -> str:
        return f"/{self.sheet.path} on {self.paper}"


@pytest.fixture(scope="module")
def printouts(browser, base_url, tmp_path_factory) -> list[Printout]:
    folder = tmp_path_factory.mktemp("sheets")
    printed = []
    with open_context(browser, base_url, DESKTOP) as (page, log):
        for sheet in sheets():
            page.goto(base_url + sheet.path, wait_until="load")
            page.emulate_media(media="print")
            sizes = page.evaluate(SIZES_SCRIPT)
            printed += [Printout(sheet, paper, pdf, sheet_texts(pdf), sizes)
                        for paper, pdf in print_on_each_paper(page, folder, sheet.path)]
            page.emulate_media(media="screen")
        assert not log.console_errors, log.console_errors
    return printed


def test_each_sheet_prints_on_exactly_one_side_of_letter_and_of_a4(printouts) -> None:
    assert len(printouts) == len(PAPERS) * len(sheets())
    for printout in printouts:
        info = subprocess.run(["pdfinfo", str(printout.pdf)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Pages:\s+1$", info, re.M), f"{printout.name}: {len(printout.pages)} sides"


def test_its_text_is_at_least_11_points(printouts) -> None:
    for printout in printouts:
        assert len(printout.sizes) >= 30, f"{printout.name}: only {len(printout.sizes)} paragraphs and list items"
        small = [size for size in printout.sizes if size["points"] < MIN_POINTS - 0.01]
        assert not small, f"{printout.name}: text under {MIN_POINTS} pt: {small}"


def test_it_carries_every_sign_of_each_help_tier_with_911_and_the_clinics_phone(printouts, built_site) -> None:
    for printout in printouts:
        printed = squash(printout.pages[0])
        tiers = help_tiers(target_file(built_site, "/" + printout.sheet.full).read_text(encoding="utf-8"))
        missing = [text for _, title, signs in tiers for text in (title, *signs) if squash(text) not in printed]
        assert not missing, f"{printout.name} lacks: {missing}"
        assert len(tiers) == len(TIERS) and "911" in printed
        assert plain(CONTACT["phone"]) in printed, f"{printout.name} lacks the clinic's phone {CONTACT['phone']}"
        name = load_settings(ROOT / "mkdocs.yml")["extra"]["clinic"]["name"]
        assert plain(name) in printed


def test_its_qr_code_opens_the_full_aftercare_page(printouts, built_site) -> None:
    for printout in printouts:
        full = CANONICAL.search(target_file(built_site, "/" + printout.sheet.full).read_text(encoding="utf-8"))
        assert full is not None
        assert decode_qr(printout.pdf) == [full.group(1)], printout.name
        assert plain(full.group(1)) in plain(printout.pages[0]), f"{printout.name} does not print {full.group(1)}"


def test_on_screen_it_is_a_page_with_a_print_button(browser, base_url) -> None:
    with open_context(browser, base_url, DESKTOP) as (page, log):
        for sheet in sheets():
            page.goto(base_url + sheet.path, wait_until="load")
            button = page.locator("[data-print-sheet]")
            assert button.is_visible(), sheet.path
            assert page.locator(".md-header").is_visible() and page.locator(".print-details").is_hidden()
            page.evaluate("() => { window.print = () => { document.body.dataset.printed = '1'; }; }")
            button.click()
            assert page.evaluate("() => document.body.dataset.printed") == "1", sheet.path
        assert not log.console_errors, log.console_errors
