"""A library of treatments: each treatment's hub lists its pages, the home page lists the live treatments (and keeps
its journey while there is one), "Next step" stays inside a treatment, the 404 page offers the hubs, the staff link
sheet groups every published address by treatment, the language switch works both ways on pages in folders, and
every address the URL contract promises still resolves. On a copy with a second treatment
(tests/project_changes.py: add_fixture_treatment), published and as a draft, in both languages."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from scripts.built_site import target_file
from scripts.release.build import build_into
from scripts.release.url_contract import broken_urls, redirect_targets
from scripts.site.addresses import CONTRACT, page_url, read_contract
from scripts.site.front_matter import load_front_matter
from scripts.site.languages import Language, languages
from scripts.site.settings import load_settings, nav_pages, redirect_maps
from scripts.site.treatments import language_treatments, page_treatment
from tests.conftest import TEST_TODAY, copy_project
from tests.project_changes import FIXTURE_TREATMENT, add_fixture_treatment

SITE_URL = "http://127.0.0.1:8000/"  # the copies are built, never served
CLINIC = "Clinic"  # the link sheet's group of shared pages
SWITCH = re.compile(r'<p class="language-switch"[^>]*>\s*<a href="([^"]+)" hreflang="([\w-]+)"')
FOOTER = re.compile(r'<a href="([^"]+)" class="md-footer__link md-footer__link--(prev|next)"')


@dataclass(frozen=True)
class Hub:
    name: str  # the menu section's title: the treatment's name in that language
    key: str
    address: str  # "/es/microneedling/"
    description: str
    pages: list[str]  # the section's other pages' addresses, in menu order


def build(tmp_path_factory: pytest.TempPathFactory, ready: bool) -> tuple[Path, Path]:
    project = copy_project(tmp_path_factory.mktemp("treatments") / "project")
    add_fixture_treatment(project, ready=ready)
    site = project.parent / "site"
    build_into(site, project, {"SITE_TODAY": TEST_TODAY, "SITE_URL": SITE_URL, "SITE_SHOW_DRAFTS": "0"})
    return project, site


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return build(tmp_path_factory, ready=True)


@pytest.fixture(scope="module")
def draft(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return build(tmp_path_factory, ready=False)


def address(language: Language, page: str) -> str:
    """A page's address by its path inside the language's docs folder ("/es/riesgos/")."""
    return page_url(language.prefix + page)


def live_hubs(project: Path, language: Language) -> list[Hub]:
    """The hubs the settings publish: each menu section whose first page is a hub, of a treatment that is ready."""
    found = language_treatments(language.config)
    hubs = []
    for entry in load_settings(language.config)["nav"]:
        for title, value in (entry.items() if isinstance(entry, dict) else []):
            pages = nav_pages(value)
            meta = load_front_matter((language.docs / pages[0]).read_text(encoding="utf-8"))
            key = page_treatment(language.docs, language.docs / pages[0], found)
            if meta.get("template") == "hub.html" and key and found[key].ready:
                hubs.append(Hub(str(title), key, address(language, pages[0]), str(meta.get("description")),
                                [address(language, page) for page in pages[1:]]))
    return hubs


def treatment_by_address(project: Path) -> dict[str, str | None]:
    """Every page's address -> its treatment's key (None for a shared page), in every language."""
    return {address(language, page.relative_to(language.docs).as_posix()):
            page_treatment(language.docs, page, language_treatments(language.config))
            for language in languages(project) for page in language.pages}


def page_html(site: Path, url_path: str) -> str:
    return target_file(site, url_path).read_text(encoding="utf-8")


def resolved(link: str, url_path: str) -> str:
    """A link's address path, as seen from the page at `url_path`."""
    return urlparse(urljoin(SITE_URL.rstrip("/") + url_path, link)).path


def home_list(site: Path, home: str) -> list[tuple[str, str, str]]:
    """The treatments the home page lists: (name, hub address, its one line)."""
    found = re.findall(r'<a class="hub-list__name" href="([^"]+)"[^>]*>([^<]+)</a>\s*<p>([^<]*)</p>',
                       page_html(site, home))
    return [(html.unescape(name), resolved(href, home), html.unescape(line)) for href, name, line in found]


def test_the_home_page_lists_every_live_treatment_in_each_language(live: tuple[Path, Path]) -> None:
    project, site = live
    for language in languages(project):
        hubs = live_hubs(project, language)
        assert FIXTURE_TREATMENT in [hub.key for hub in hubs] and len(hubs) > 1
        home = address(language, "index.md")
        assert home_list(site, home) == [(hub.name, hub.address, hub.description) for hub in hubs], language.code


def test_with_one_live_treatment_the_home_page_keeps_its_journey(draft: tuple[Path, Path]) -> None:
    project, site = draft
    for language in languages(project):
        home = page_html(site, address(language, "index.md"))
        assert [hub.key for hub in live_hubs(project, language)] != [] and 'class="hub-list' not in home
    real = [url.split("#")[1] for url in read_contract(project / CONTRACT) if url.startswith("/#")]
    home = page_html(site, "/")
    assert real and all(f'id="{anchor}"' in home for anchor in real)
    assert FIXTURE_TREATMENT not in home


def test_the_home_pages_blocks_stay_under_their_treatments_name(live: tuple[Path, Path]) -> None:
    """The anchors the URL contract promises on the home page still lead to the same words, under the name of the
    treatment they are about, below the list."""
    project, site = live
    for language in languages(project):
        home_path = address(language, "index.md")
        home = page_html(site, home_path)
        first = live_hubs(project, language)[0]
        anchors = [url.split("#")[1] for url in read_contract(project / CONTRACT) if url.startswith(home_path + "#")]
        heading = home.index(f">{html.escape(first.name)}</h2>", home.index('class="hub-list"'))
        assert anchors and all(home.index(f'id="{anchor}"') > heading for anchor in anchors), language.code


def test_each_hub_lists_the_pages_of_its_menu_section_in_order(live: tuple[Path, Path]) -> None:
    project, site = live
    for language in languages(project):
        for hub in live_hubs(project, language):
            listed = page_html(site, hub.address).split('class="hub-pages"', 1)[1].split("</nav>", 1)[0]
            links = [resolved(href, hub.address) for href in re.findall(r'<a href="([^"]+)"', listed)]
            assert links == hub.pages, hub.address


def test_next_step_never_leads_into_another_treatment(live: tuple[Path, Path]) -> None:
    project, site = live
    treatments = treatment_by_address(project)
    crossings, kept = [], 0
    for url_path, treatment in treatments.items():
        if not target_file(site, url_path).is_file():
            continue  # not in this build (the link sheet, say, is built; a hidden page is not)
        for link, direction in FOOTER.findall(page_html(site, url_path)):
            other = treatments.get(resolved(link, url_path))
            kept += bool(treatment and other is None)
            if treatment and other and other != treatment:
                crossings.append(f"{url_path}: {direction} leads to {resolved(link, url_path)}")
    assert crossings == [] and kept, crossings
    for language in languages(project):  # each treatment's last page no longer leads into the next one's hub
        hubs = live_hubs(project, language)
        for hub, following in zip(hubs, hubs[1:], strict=False):
            nexts = [resolved(link, hub.pages[-1]) for link, direction in FOOTER.findall(page_html(site, hub.pages[-1]))
                     if direction == "next"]
            assert following.address not in nexts, hub.pages[-1]


def contact_page(language: Language) -> str:
    """The address of the language's contact page (its template says what it is)."""
    return next(address(language, page.relative_to(language.docs).as_posix()) for page in language.pages
                if load_front_matter(page.read_text(encoding="utf-8")).get("template") == "contact.html")


def not_found_offers(site: Path, language: Language) -> list[str]:
    page = page_html(site, "/" + language.prefix + "404.html")
    offered = page.split('class="md-content"', 1)[1].split("<ul>", 1)[1].split("</ul>", 1)[0]
    return [urlparse(urljoin(SITE_URL, href)).path for href in re.findall(r'href="([^"]+)"', offered)]


def test_the_404_page_offers_each_live_treatments_hub_and_the_contact_page(live: tuple[Path, Path],
                                                                          draft: tuple[Path, Path]) -> None:
    for project, site in (live, draft):
        for language in languages(project):
            expected = [hub.address for hub in live_hubs(project, language)] + [contact_page(language)]
            assert not_found_offers(site, language) == expected, language.code


def published(site: Path) -> list[str]:
    """Every address in the sitemaps of every language."""
    return [loc for sitemap in sorted(site.rglob("sitemap.xml"))
            for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap.read_text(encoding="utf-8"))]


def test_both_link_sheets_list_every_published_address_under_its_treatment(live: tuple[Path, Path],
                                                                          draft: tuple[Path, Path]) -> None:
    for project, site in (live, draft):
        treatments = treatment_by_address(project)
        names = {(language.prefix, hub.key): hub.name for language in languages(project)
                 for hub in live_hubs(project, language)}
        addresses = published(site)
        assert any(FIXTURE_TREATMENT in url for url in addresses) == (site == live[1])
        # The plain text: "group > title: address", the group the page's treatment's name in its language.
        lines = (site / "links.txt").read_text(encoding="utf-8").splitlines()
        groups = {line.rsplit(": ", 1)[1]: line.split(" > ", 1)[0] for line in lines}
        for url in addresses:
            path = urlparse(url).path
            prefix = next((lang.prefix for lang in languages(project)[1:] if path.startswith("/" + lang.prefix)), "")
            expected = names[(prefix, treatments[path])] if treatments.get(path) else CLINIC
            assert groups.get(url) == expected, (url, groups.get(url))
        # The page: each address after its group's heading (its language and treatment, or clinic).
        sheet = (site / "links" / "index.html").read_text(encoding="utf-8")
        heading = ""
        under = {}
        for kind, value in re.findall(r'<h3 id="([\w-]+)"|data-copy-url="([^"]+)"', sheet):
            heading = kind or heading
            under.setdefault(value, heading) if value else None
        for url in addresses:
            path = urlparse(url).path
            code = next((lang.code for lang in languages(project)[1:] if path.startswith("/" + lang.prefix)), "en")
            assert under.get(url) == f"{code}-{treatments.get(path) or 'clinic'}", (url, under.get(url))


def test_the_language_switch_and_hreflang_work_both_ways_on_pages_in_folders(live: tuple[Path, Path]) -> None:
    project, site = live
    english, spanish = languages(project)[:2]
    sitemaps = "".join(sitemap.read_text(encoding="utf-8") for sitemap in site.rglob("sitemap.xml"))
    pairs = []
    for page in sorted((spanish.docs).rglob("*.md")):
        source = load_front_matter(page.read_text(encoding="utf-8")).get("translation_of") or ""
        if "/" in str(source):  # a page in a folder, and the English page it translates
            pairs.append((address(english, str(source)), address(spanish, page.relative_to(spanish.docs).as_posix())))
    assert any(FIXTURE_TREATMENT in pair[0] for pair in pairs) and len(pairs) > 8
    for there, back in pairs:
        for here, other, code in ((there, back, spanish.code), (back, there, english.code)):
            links = {lang: resolved(href, here) for href, lang in SWITCH.findall(page_html(site, here))}
            assert links.get(code) == other, (here, links)
        assert re.search(rf'hreflang="{spanish.code}" href="{re.escape(SITE_URL.rstrip("/") + back)}"', sitemaps)
        assert re.search(rf'hreflang="{english.code}" href="{re.escape(SITE_URL.rstrip("/") + there)}"', sitemaps)


def test_every_address_of_the_url_contract_still_resolves_with_a_second_treatment(live: tuple[Path, Path],
                                                                                 draft: tuple[Path, Path]) -> None:
    for project, site in (live, draft):
        contract = read_contract(project / CONTRACT)
        assert any(url.startswith("/es/#") for url in contract) and any(url.startswith("/#") for url in contract)
        problems = broken_urls(site, contract, redirect_targets(redirect_maps(load_settings(project / "mkdocs.yml"))))
        assert problems == [], "\n".join(problems)
