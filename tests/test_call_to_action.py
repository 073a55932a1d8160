"""Calling or booking is one tap away on every page, with or without a booking site."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from scripts.built_site import page_paths
from scripts.served_site import free_port, serve
from scripts.site.addresses import page_url
from scripts.site.languages import languages
from scripts.site.settings import load_settings
from tests.browser_helpers import open_context
from tests.conftest import CONTACT, PHONE, ROOT, build_variant

BOOKING = "https://booking.example.org/clinic"
WITH_BOOKING = {("extra", "clinic", "booking_url"): BOOKING}
TEL = CONTACT["phone_tel"]


@pytest.fixture(scope="module")
def booking_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_variant(tmp_path_factory.mktemp("booking"), WITH_BOOKING)


@pytest.fixture(scope="module")
def call_only_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of a clinic without a booking site (whatever the real settings say today)."""
    return build_variant(tmp_path_factory.mktemp("call-only"), {("extra", "clinic", "booking_url"): ""})


def html_pages(site: Path) -> dict[str, str]:
    return {path: (site / (path or "index.html") if path.endswith(".html") or not path
                   else site / path / "index.html").read_text(encoding="utf-8")
            for path in page_paths(site)}


def neutral_pages() -> set[str]:
    """The built paths of pages whose front matter asks for a neutral call to action (cta: neutral)."""
    return {page_url(page.relative_to(ROOT / "docs").as_posix()).lstrip("/") for page in languages(ROOT)[0].pages
            if re.search(r"^cta:\s*neutral\s*$", page.read_text(encoding="utf-8"), re.MULTILINE)}


def test_without_a_booking_site_every_page_offers_one_call_to_book_control(call_only_site: Path) -> None:
    for path, html in html_pages(call_only_site).items():
        header = re.findall(r'<a class="cta-button cta-button--header" href="([^"]+)">([^<]+)</a>', html)
        label = "Call us" if path in neutral_pages() else "Call to book"
        assert header == [(TEL, label)], path
        assert "Book</a>" not in html, f"/{path} shows a Book link that would only dial the phone"


def test_a_page_where_patients_decide_says_call_us_rather_than_call_to_book(tmp_path: Path) -> None:
    risks = (ROOT / "docs" / "risks.md").read_text(encoding="utf-8")
    if "cta: neutral" not in risks:
        risks = risks.replace("---\n", "---\ncta: neutral\n", 1)
    site = build_variant(tmp_path, {("extra", "clinic", "booking_url"): ""}, {"docs/risks.md": risks})
    html = (site / "risks" / "index.html").read_text(encoding="utf-8")
    assert ">Call us</a>" in html and "Call us: " in html
    assert "Call to book" not in html and "book your consultation" not in html
    other = next(page.stem for page in sorted((ROOT / "docs").glob("*.md"))
                 if page.stem not in ("index", "risks") and f"{page.stem}/" not in neutral_pages()
                 and (site / page.stem / "index.html").is_file())
    assert "Call to book" in (site / other / "index.html").read_text(encoding="utf-8")


def test_with_a_booking_site_every_page_offers_book_and_call(booking_site: Path) -> None:
    for path, html in html_pages(booking_site).items():
        assert f'<a class="cta-button cta-button--header" href="{BOOKING}" rel="noopener noreferrer">Book</a>' in html
        assert f'class="call-bar__action" href="{TEL}"' in html, path


def test_every_link_to_the_booking_site_hides_which_page_the_patient_was_reading(booking_site: Path) -> None:
    for path, html in html_pages(booking_site).items():
        links = re.findall(rf'<a [^>]*href="{re.escape(BOOKING)}"[^>]*>', html)
        assert links, path
        assert all('rel="noopener noreferrer"' in link for link in links), (path, links)


def test_every_page_ends_with_questions_call_us_or_book(built_site: Path) -> None:
    for path, html in html_pages(built_site).items():
        block = html[html.index('<aside class="cta-block"'):]
        title = "¿Preguntas?" if path.startswith("es/") else "Questions?"  # the page's language
        assert title in block and f'href="{TEL}">{CONTACT["phone"]}</a>' in block, path


@pytest.mark.parametrize("variant", ["call only", "with booking"])
def test_on_a_phone_call_and_book_are_visible_without_scrolling_and_big_enough(
        browser, call_only_site: Path, booking_site: Path, variant: str) -> None:
    site = call_only_site if variant == "call only" else booking_site
    with serve(site, free_port()) as url, open_context(browser, url, PHONE) as (page, _):
        for path in ("", "aftercare/", "contact/"):
            page.goto(url + path)
            for selector in (".call-bar a[href^='tel:']", ".call-bar a[href^='tel:'], .call-bar a[href^='https:']"):
                box = page.locator(selector).last.bounding_box()
                assert box and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], (path, selector)
                assert box["width"] >= 44 and box["height"] >= 44, (path, selector, box)


def test_the_call_bar_never_covers_the_end_of_the_page(browser, base_url: str) -> None:
    with open_context(browser, base_url, PHONE) as (page, _):
        page.goto(base_url + "before/")
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        bar_top = page.locator(".call-bar").bounding_box()["y"]
        footer = page.locator(".md-footer-meta").bounding_box()
        assert footer["y"] + footer["height"] <= bar_top + 1


def test_the_call_bar_is_not_printed(browser, base_url: str) -> None:
    with open_context(browser, base_url, PHONE) as (page, _):
        page.goto(base_url + "before/")
        page.emulate_media(media="print")
        assert not page.locator(".call-bar").is_visible()


def test_a_clinic_name_with_markup_is_shown_as_text_everywhere(tmp_path: Path) -> None:
    name = "<script>alert(1)</script> & Co"
    site = build_variant(tmp_path, {("extra", "clinic", "name"): name})
    for path, html in html_pages(site).items():
        assert "<script>alert(1)" not in html, path
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
            assert json.loads(block)["@graph"][0]["name"] == name
    pages = html_pages(site)  # shown as text: on the home page (the header names the clinic on every page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in pages[""]


def test_the_404_page_offers_search_the_main_pages_and_a_way_to_call(built_site: Path) -> None:
    html = (built_site / "404.html").read_text(encoding="utf-8")
    assert "We cannot find that page" in html and 'class="md-search"' in html
    main_pages = [entry.removesuffix(".md") + "/" for entry in load_settings(ROOT / "mkdocs.yml")["nav"]
                  if isinstance(entry, str) and entry != "index.md"][:4]
    for page in main_pages:
        assert f'href="/{page}"' in html or f'href="{page}"' in html, page
    assert 'class="cta-block"' in html and TEL in html
