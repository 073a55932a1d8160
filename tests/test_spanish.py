"""The Spanish edition in the browser and in the built pages: lang, hreflang and the language switch, Spanish
search, the Spanish 404 page, the templates' words in Spanish, the note that calls may be answered in English,
and promotions in Spanish.

Accessibility (axe), the strict CSP and the first-visit budgets are checked on every page of the built site,
Spanish pages included, by tests/test_pages_in_browser.py, tests/test_security_headers.py and tests/test_budgets.py;
the first test here makes sure the Spanish pages really are among those pages.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from scripts.built_site import page_paths
from scripts.release.build import build_into
from scripts.served_site import free_port, serve
from scripts.site.addresses import page_url
from scripts.site.front_matter import load_front_matter
from scripts.site.languages import languages
from scripts.site.settings import SettingPath, load_settings, with_settings
from tests.browser_helpers import open_context
from tests.conftest import DESKTOP, PHONE, ROOT, TEST_TODAY, copy_project

SPANISH_DOCS = ROOT / "docs" / "es"
CALLS_IN_ENGLISH = "es posible que le contesten en inglés"
# Ends far in the future, so that site.js (which uses the browser's own date) keeps showing them.
ENGLISH_ONLY = {"text": "Ask about our winter offer.", "start": "2026-11-01", "end": "2099-12-31"}
BOTH = {"text": "Ask about our spring offer.", "text_es": "Pregunte por nuestra oferta de primavera.",
        "start": "2026-11-01", "end": "2099-12-31"}


def spanish_paths(site: Path) -> list[str]:
    """The Spanish pages of the built site ("es/", "es/riesgos/"), without the 404 page."""
    return [path for path in page_paths(site) if path.startswith("es/") and not path.endswith("404.html")]


def html_of(site: Path, path: str) -> str:
    return (site / path / "index.html" if not path.endswith(".html") else site / path).read_text(encoding="utf-8")


def build_both_languages(tmp_path: Path, settings: dict[SettingPath, Any], **env: str) -> Path:
    """A copy of the project with some mkdocs.yml settings changed, built in both languages like `make build`
    (mkdocs.es.yml INHERITs mkdocs.yml, so the Spanish pages get the change too)."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(with_settings(config.read_text(encoding="utf-8"), settings), encoding="utf-8")
    site = tmp_path / "site"
    build_into(site, project, {"SITE_TODAY": TEST_TODAY, **env})
    return site


def test_the_site_wide_browser_tests_cover_every_spanish_page(built_site: Path) -> None:
    """Axe, the CSP and the budgets run over page_paths(built_site): the Spanish pages must be in it."""
    built = set(page_paths(built_site))
    spanish = languages(ROOT)[1]
    wanted = {page_url(spanish.key(page)).lstrip("/") for page in spanish.pages}
    assert wanted and wanted <= built, wanted - built
    assert "es/404.html" in built


def sitemap_alternates(site: Path) -> dict[str, dict[str, str]]:
    """Each address in the sitemaps of both languages -> its hreflang alternates ({"en": url, "es": url, ...})."""
    found = {}
    for sitemap in (site / "sitemap.xml", site / "es" / "sitemap.xml"):
        for entry in re.findall(r"<url>(.*?)</url>", sitemap.read_text(encoding="utf-8"), re.S):
            loc = re.search(r"<loc>([^<]+)</loc>", entry).group(1)
            found[loc] = dict(re.findall(r'<xhtml:link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)"/>', entry))
    return found


def test_every_spanish_page_is_lang_es_with_hreflang_alternates_for_both_languages(built_site: Path) -> None:
    """hreflang is in the sitemaps (Material fetches a sitemap.xml beside every <link rel="alternate"> in a page)."""
    alternates, problems = sitemap_alternates(built_site), []
    for path in spanish_paths(built_site):
        html = html_of(built_site, path)
        if not re.search(r'<html lang="es"', html):
            problems.append(f"/{path}: not <html lang=\"es\">")
        if '<link rel="alternate" hreflang' in html:
            problems.append(f"/{path}: hreflang links in the page make Material fetch /{path}sitemap.xml (a 404)")
        inside = path.removeprefix("es/").rstrip("/")
        source = SPANISH_DOCS / f"{inside or 'index'}.md"
        source = source if source.is_file() else SPANISH_DOCS / inside / "index.md"  # a folder's page (a hub)
        if not load_front_matter(source.read_text(encoding="utf-8")).get("translation_of"):
            continue  # a page with no English page (the glossary) has no alternates
        address = next((loc for loc in alternates if loc.endswith("/" + path)), None)
        mine = alternates.get(address) or {}
        english = mine.get("en", "")
        if not address or mine.get("es") != address or not english or mine.get("x-default") != english \
                or alternates.get(english, {}).get("es") != address:
            problems.append(f"/{path}: hreflang alternates in the sitemaps are {mine}, its English page's "
                            f"{alternates.get(english)}")
    assert not problems, "\n".join(problems)


def test_the_language_switch_leads_to_the_same_page_in_spanish_and_back(browser, base_url: str) -> None:
    with open_context(browser, base_url, PHONE) as (page, log):
        page.goto(base_url + "aftercare/", wait_until="networkidle")
        page.locator("p.language-switch a").click()
        page.wait_for_url(base_url + "es/cuidados-despues/")
        assert page.locator("html").get_attribute("lang") == "es"
        assert page.locator("h1").first.inner_text().startswith("¿Cómo cuido mi piel")
        page.locator("p.language-switch a").click()
        page.wait_for_url(base_url + "aftercare/")
        assert page.locator("html").get_attribute("lang") == "en"
        assert not log.console_errors and not log.third_party_requests


def test_typing_a_spanish_word_in_search_lists_spanish_pages_and_asks_no_other_host(browser, base_url: str) -> None:
    with open_context(browser, base_url, DESKTOP) as (page, log):
        page.goto(base_url + "es/", wait_until="networkidle")
        search = page.locator("input.md-search__input")
        search.click()
        search.press_sequentially("ampollas", delay=50)  # blisters: on the aftercare and risks pages
        results = page.locator(".md-search-result__item a")
        results.first.wait_for(timeout=10_000)
        hrefs = results.evaluate_all("links => links.map(a => a.href)")
        assert hrefs and all("/es/" in href for href in hrefs), hrefs
        assert any("/es/cuidados-despues/" in href or "/es/riesgos/" in href for href in hrefs), hrefs
        page.wait_for_load_state("networkidle")
        assert not log.third_party_requests and not log.console_errors


def test_the_templates_words_on_spanish_pages_are_spanish(built_site: Path) -> None:
    html = html_of(built_site, "es/cuidados-despues/")
    for words in ("¿Preguntas?", '<h2 id="sources">Fuentes</h2>', "Teléfono: ", "Esta página en internet: ",
                  'aria-label="Revisión médica"', 'aria-label="Llamar o hacer una cita"',
                  "Nuestro equipo médico todavía no ha revisado esta página.", 'title="Enlace a esta sección"',
                  "En esta página", "Paso siguiente", "Ir al contenido"):
        assert words in html, words
    for english in ("Questions?", ">Sources<", "This page online", "awaiting review by our clinic",
                    "Call or book", "Call to book", "Medical review", "Link to this section",
                    "Tabla de contenidos", "Saltar a contenido", "documentos encontrados"):
        assert english not in html, english
    graph = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert [node["inLanguage"] for node in graph["@graph"] if node["@type"] == "MedicalWebPage"] == ["es"]
    assert 'title="Link to this section"' in html_of(built_site, "aftercare/")  # each build its own tooltip


def test_every_word_the_templates_add_has_its_spanish() -> None:
    """INHERIT merges extra: a key missing from mkdocs.es.yml would show its English word on Spanish pages."""
    english = load_settings(ROOT / "mkdocs.yml")["extra"]["ui"]
    spanish = load_settings(ROOT / "mkdocs.es.yml")["extra"]["ui"]
    assert set(english) == set(spanish), set(english) ^ set(spanish)
    same = [key for key in english if english[key] == spanish[key] and "{" not in str(english[key])]
    assert not same, f"not translated: {same}"


def test_the_spanish_404_page_is_in_spanish_and_the_english_one_offers_the_spanish_guide(built_site: Path) -> None:
    spanish = html_of(built_site, "es/404.html")
    assert '<html lang="es"' in spanish and "No encontramos esa página" in spanish
    assert "We cannot find that page" not in spanish and "¿Preguntas?" in spanish
    english = html_of(built_site, "404.html")
    offer = re.search(r'<p class="language-switch" lang="es">\s*<a href="([^"]+)" hreflang="es">([^<]+)</a>', english)
    assert offer and offer.group(1).endswith("/es/") and offer.group(2) == "Lea esta guía en español", offer


def test_the_staff_link_sheet_lists_every_spanish_page_and_its_sections(built_site: Path) -> None:
    """Every Spanish patient page; staff pages (noindex, out of the menu, such as the glossary) are left out,
    as the English sheet leaves itself out."""
    text = (built_site / "links.txt").read_text(encoding="utf-8")
    sheet = (built_site / "links" / "index.html").read_text(encoding="utf-8")
    staff = [path for path in spanish_paths(built_site)
             if 'name="robots" content="noindex' in html_of(built_site, path)]
    assert staff == ["es/glosario/"]
    for path in sorted(set(spanish_paths(built_site)) - set(staff)):
        address = re.escape(f"/{path}") + r"\n"
        assert re.search(r": https?://[^/]+" + address, text), path
        assert f'/{path}"' in sheet, path
    assert re.search(r": https?://[^/]+/es/cuidados-despues/#cuando-pedir-ayuda\n", text)


@pytest.fixture(scope="module")
def spanish_speaking_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of a clinic whose phone team speaks Spanish, with one promotion in both languages and one in
    English only."""
    return build_both_languages(tmp_path_factory.mktemp("habla-espanol"), {
        ("extra", "clinic", "languages_spoken"): ["en", "es"], ("extra", "promotions"): [ENGLISH_ONLY, BOTH]})


def test_spanish_pages_say_calls_may_be_in_english_until_the_clinic_speaks_spanish(
        built_site: Path, spanish_speaking_site: Path) -> None:
    for path in ("es/contacto/", "es/cuidados-despues/", "es/404.html"):
        assert CALLS_IN_ENGLISH in html_of(built_site, path), path
        assert CALLS_IN_ENGLISH not in html_of(spanish_speaking_site, path), path
    contact = html_of(built_site, "es/contacto/")
    call = contact.index('<h2 id="call">')
    assert call < contact.index(CALLS_IN_ENGLISH) < contact.index('<h2 id="where">')  # beside the phone number
    assert not any("calls-in-english" in html_of(built_site, path) for path in page_paths(built_site)
                   if not path.startswith("es/"))


def test_the_spanish_call_bar_says_the_line_may_answer_in_english(built_site: Path,
                                                                 spanish_speaking_site: Path) -> None:
    """The phone's call button is the most visible "Llámenos": a second line in it says the call may be in
    English, until the clinic's phone team speaks Spanish (never on English pages)."""
    note = '<small class="call-bar__note">Es posible que contesten en inglés</small>'
    for path in ("es/", "es/cuidados-despues/", "es/riesgos/"):
        html = html_of(built_site, path)
        bar = html[html.index('<nav class="call-bar"'):]
        assert note in bar[:bar.index("</nav>")], path
        assert "call-bar__note" not in html_of(spanish_speaking_site, path), path
    assert "call-bar__note" not in html_of(built_site, "aftercare/")


def test_spanish_safety_steps_say_what_to_do_when_the_line_answers_only_in_english(
        built_site: Path, spanish_speaking_site: Path) -> None:
    """While the phone team does not speak Spanish, every safety "call us" page sends a reader nobody can help in
    Spanish to urgent care the same day, and the urgent box's "call us first" does not hold them back; 911's free
    interpreter is explained whatever the clinic speaks."""
    fallback, interpreter = "nadie le puede ayudar en español", "pida un intérprete"
    for path in ("es/cuidados-despues/", "es/riesgos/", "es/contacto/"):
        html, speaking = html_of(built_site, path), html_of(spanish_speaking_site, path)
        assert fallback in html and "urgent care" in html and interpreter in html.lower(), path
        assert fallback not in speaking, path
    for path in ("es/cuidados-despues/", "es/antes/", "es/riesgos/", "es/contacto/", "es/acerca-de/"):
        for site in (built_site, spanish_speaking_site):
            assert '"Spanish" o "español"' in html_of(site, path).replace("&quot;", '"'), path
    aftercare = html_of(built_site, "es/cuidados-despues/")
    urgent = aftercare[aftercare.index("Busque atención urgente hoy"):aftercare.index("Llame al 911 ahora")]
    assert "le pueden atender en español enseguida, llámenos primero" in urgent
    assert "Si estamos abiertos, llámenos primero" not in urgent
    assert "Si estamos abiertos, llámenos primero" in html_of(spanish_speaking_site, "es/cuidados-despues/")
    call_box = aftercare[aftercare.index("Llame a la clínica si nota"):aftercare.index("Busque atención urgente hoy")]
    assert CALLS_IN_ENGLISH in call_box.lower()  # beside the clinic's number, not only at the end of the page


def test_a_promotion_without_spanish_text_is_not_on_spanish_pages(browser, spanish_speaking_site: Path) -> None:
    english, spanish = html_of(spanish_speaking_site, "before/"), html_of(spanish_speaking_site, "es/antes/")
    assert "winter offer" in english and "spring offer" in english and "oferta de primavera" not in english
    assert "oferta de primavera" in spanish and "winter offer" not in spanish and "spring offer" not in spanish
    port = free_port()
    with serve(spanish_speaking_site, port) as url, open_context(browser, url, PHONE) as (page, _):
        page.goto(url + "es/antes/")
        assert page.locator(".promotion").all_inner_texts() == [BOTH["text_es"]]


def test_a_source_in_english_says_so_on_spanish_pages_and_not_on_english_ones(built_site: Path) -> None:
    spanish = (built_site / "es" / "riesgos" / "index.html").read_text(encoding="utf-8")
    sources = spanish[spanish.index('<section class="page-sources"'):]
    sources = sources[:sources.index("</section>")]
    assert sources.count("<li>") == sources.count("(en inglés)") > 0  # every listed source is in English today
    assert sources.count('hreflang="en" lang="en"') == sources.count('<span lang="en">') == sources.count("<li>")
    assert " and colleagues" not in sources and " y colaboradores, " in sources
    english = (built_site / "risks" / "index.html").read_text(encoding="utf-8")
    assert "(en inglés)" not in english
