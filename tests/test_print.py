"""Every page prints cleanly on Letter and A4 in Chromium: the clinic's name, phone and the page's address
on top with a QR code back to the page (a take-home sheet's lead to its full page), link addresses after their
text, the review status, no navigation or call bar, and care cards and short lists kept on one sheet. The PDFs are
read back with poppler-utils and the QR code decoded with zbar-tools."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from scripts.built_site import page_paths
from scripts.quiet_network import open_settled
from tests.browser_helpers import open_context
from tests.conftest import CONTACT, DESKTOP, take_home_sheets

PAPERS = ("Letter", "A4")
# What the print stylesheet adds after a link's text: " (https://…)", " (tel:…)", " (mailto:…)".
LINK_ADDRESS = re.compile(r"\((?:https?:|tel:|mailto:)[^()]*\)")
CARD_SCALES = (0.8, 1.0, 1.2)
SHORT_LIST = 8  # lists of up to this many items fit on a sheet, so they must not be split

FACTS_SCRIPT = """(shortList) => {
  const squash = (text) => text.replace(/\\s+/g, " ").trim();
  const texts = (selector) => [...document.querySelectorAll(selector)]
    .map((element) => squash(element.textContent)).filter(Boolean);
  const article = document.querySelector("article");
  return {
    canonical: document.querySelector("link[rel=canonical]").href,
    clinic: squash(document.querySelector(".print-details__clinic strong")?.textContent || ""),
    article: squash(article.textContent),
    chrome: [...texts(".md-header__topic"), ...texts(".md-header .cta-button"), ...texts(".md-skip"),
             ...texts(".md-nav--primary .md-nav__link"), ...texts(".call-bar a"), ...texts(".md-footer__link")],
    search: document.querySelector(".md-search__input")?.getAttribute("placeholder") || "",
    review: texts(".review-status"),
    cards: [...article.querySelectorAll(".admonition.call-clinic, .admonition.urgent-care, .admonition.emergency")]
      .map((card) => ({title: squash(card.querySelector(".admonition-title").textContent),
                       last: squash(card.querySelector("li:last-child").textContent)})),
    lists: [...article.querySelectorAll("ul, ol")]
      .filter((list) => list.children.length <= shortList && list.getClientRects().length > 0)
      .map((list) => [squash(list.firstElementChild.textContent), squash(list.lastElementChild.textContent)]),
    links: [...article.querySelectorAll("a[href]:not(.headerlink)")]
      .filter((a) => !a.getAttribute("href").startsWith("#") && squash(a.textContent))
      .filter((a) => a.getClientRects().length > 0)  // printed at all (facts are read in print media)
      .map((a) => ({text: squash(a.textContent), href: a.getAttribute("href"), absolute: a.href})),
  };
}"""


@dataclass
class Printout:
    path: str
    paper: str
    pdf: Path
    sheets: list[str]  # the text of each printed sheet
    facts: dict[str, Any]

    @property
    def name(self) -> str:
        return f"/{self.path} on {self.paper}"

    @property
    def address(self) -> str:
        """The address the printout gives: the page's own, or for a take-home sheet its full page's."""
        full = take_home_sheets().get(self.path)
        return self.facts["canonical"].removesuffix(self.path) + full if full else self.facts["canonical"]


def plain(text: str) -> str:
    """Text without whitespace and hyphens: PDF lines break anywhere, and pdftotext drops a hyphen at a break."""
    return re.sub(r"[\s\-\u00ad\u2010\u2011]", "", text)


def squash(text: str) -> str:
    """Plain text without the link addresses that print after each link."""
    return plain(LINK_ADDRESS.sub("", "".join(text.split())))


def is_phone_number_of(text: str, address: str) -> bool:
    """Whether a link's text is the phone number its tel: address calls (so it need not print the address)."""
    digits = re.sub(r"\D", "", text)
    return address.startswith("tel:") and len(digits) >= 7 and re.sub(r"\D", "", address).endswith(digits)


def print_on_each_paper(page: Any, folder: Path, path: str) -> list[tuple[str, Path]]:
    """The open page printed on each paper size, as (paper, PDF file), the files named after the page's path."""
    printed = []
    for paper in PAPERS:
        pdf = folder / f"{path.strip('/').replace('/', '-') or 'home'}-{paper}.pdf"
        page.pdf(path=str(pdf), format=paper)
        printed.append((paper, pdf))
    return printed


def sheet_texts(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def decode_qr(pdf: Path) -> list[str]:
    """The QR codes zbarimg finds at the top of the first printed sheet (its top 4 inches, at 150 dpi), where the
    code belongs: beside the clinic's name, phone and the page's address."""
    image = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "-x", "0", "-y", "0", "-W", "1400",
                    "-H", str(4 * 150), "-singlefile", str(pdf), str(image)], check=True)
    result = subprocess.run(["zbarimg", "--quiet", "--raw", str(image) + ".png"], capture_output=True, text=True)
    return result.stdout.splitlines()


@pytest.fixture(scope="module")
def printouts(browser, base_url, built_site, tmp_path_factory) -> list[Printout]:
    """Every published page printed to PDF by Chromium, on Letter and on A4 (Chromium's default margins)."""
    folder = tmp_path_factory.mktemp("print")
    printed = []
    with open_context(browser, base_url, DESKTOP) as (page, log):
        for path in page_paths(built_site):
            if path.endswith("404.html"):  # each language's 404 page
                continue
            open_settled(page, base_url + path)
            page.emulate_media(media="print")
            facts = page.evaluate(FACTS_SCRIPT, SHORT_LIST)
            printed += [Printout(path, paper, pdf, sheet_texts(pdf), facts)
                        for paper, pdf in print_on_each_paper(page, folder, path)]
            page.emulate_media(media="screen")
        assert not log.console_errors, log.console_errors
    assert len(printed) >= 2 * 10
    return printed


def test_the_printout_starts_with_the_clinics_name_phone_and_the_pages_address(printouts) -> None:
    problems = []
    for printout in printouts:
        first = squash(printout.sheets[0])
        for label, expected in (("clinic name", printout.facts["clinic"]), ("phone", CONTACT["phone"]),
                                ("address", printout.address)):
            if not expected or squash(expected) not in first:
                problems.append(f"{printout.name}: the first sheet lacks the {label} {expected!r}")
    assert not problems, "\n".join(problems)


def test_the_printout_of_a_clinical_page_shows_its_review_status(printouts) -> None:
    reviewed = [printout for printout in printouts if printout.facts["review"]]
    assert len(reviewed) >= 2 * 6, "the clinical pages lost their review status"
    problems = [f"{printout.name}: the review status {status!r} is not printed"
                for printout in reviewed for status in printout.facts["review"]
                if squash(status) not in squash("".join(printout.sheets))]
    assert not problems, "\n".join(problems)


def test_the_printout_has_no_navigation_header_search_or_call_bar(printouts) -> None:
    problems = []
    for printout in printouts:
        printed, article = squash("".join(printout.sheets)), squash(printout.facts["article"])
        chrome = [*printout.facts["chrome"], printout.facts["search"]]
        # In any language, the call bar shows the clinic's phone number.
        assert any(CONTACT["phone"] in text for text in chrome), "the call bar or header call button is gone"
        problems += [f"{printout.name}: prints {text!r} from the screen's navigation, header, search or call bar"
                     for text in chrome if squash(text) and squash(text) not in article
                     and squash(text) in printed]
    assert not problems, "\n".join(problems)


def test_every_link_prints_its_full_address_after_its_text(printouts) -> None:
    problems = []
    for printout in printouts:
        printed = plain("".join(printout.sheets))
        for link in printout.facts["links"]:
            address = link["href"] if link["href"].startswith(("http", "tel:", "mailto:")) else link["absolute"]
            expected = plain(f"{link['text']}({address})")
            if is_phone_number_of(link["text"], address):  # the number printed is the address itself
                expected = plain(link["text"])
            if expected not in printed:
                problems.append(f"{printout.name}: the link {link['text']!r} does not print ({address}) after it")
    assert not problems, "\n".join(problems)


def test_no_care_card_is_split_across_sheets(printouts, browser, base_url, tmp_path) -> None:
    """At the print dialog's usual scales too, since the scale moves every page break."""
    with_cards = {printout.path: printout.facts["cards"] for printout in printouts if printout.facts["cards"]}
    assert sum(map(len, with_cards.values())) >= 3, "no care cards found: the aftercare page should have three"
    problems = []
    with open_context(browser, base_url, DESKTOP) as (page, _):
        for path, cards in with_cards.items():
            open_settled(page, base_url + path)
            for paper in PAPERS:
                for scale in CARD_SCALES:
                    pdf = tmp_path / f"cards-{paper}-{scale}.pdf"
                    page.pdf(path=str(pdf), format=paper, scale=scale)
                    sheets = [squash(text) for text in sheet_texts(pdf)]
                    problems += [f"/{path} on {paper} at {scale:.0%}: the care card {card['title']!r} is split "
                                 "across sheets" for card in cards
                                 if not any(squash(card["title"]) in text and squash(card["last"]) in text
                                            for text in sheets)]
    assert not problems, "\n".join(problems)


def test_no_short_list_is_split_across_sheets(printouts) -> None:
    problems = []
    for printout in printouts:
        sheets = [squash(text) for text in printout.sheets]
        for first, last in printout.facts["lists"]:
            if not any(squash(first) in text and squash(last) in text for text in sheets):
                problems.append(f"{printout.name}: the list from {first[:40]!r} to {last[:40]!r} is split")
    assert not problems, "\n".join(problems)


def test_the_printed_qr_code_opens_the_page(printouts) -> None:
    problems = []
    for printout in printouts:
        decoded = decode_qr(printout.pdf)
        if decoded != [printout.address]:
            problems.append(f"{printout.name}: the QR code reads {decoded}, not {printout.address}")
    assert not problems, "\n".join(problems)


def test_the_print_details_are_hidden_on_screen(browser, base_url) -> None:
    with open_context(browser, base_url, DESKTOP) as (page, _):
        page.goto(base_url + "aftercare/", wait_until="networkidle")
        assert page.locator(".print-details").count() == 1
        assert page.locator(".print-details").is_hidden()
        page.emulate_media(media="print")
        assert page.locator(".print-details").is_visible()
