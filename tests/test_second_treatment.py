"""A second treatment's life, on a copy where every page of the first is signed: written as a draft (the check
passes with warnings, a pull request's build shows it marked DRAFT, the published site has none of it), marked
ready but not yet signed (publishing holds it back by name and publishes the first), then signed (published, and
every place that names a treatment names it, never the first)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from scripts.content.check import check_site
from scripts.problems import Severity
from scripts.release.build import build_into
from scripts.release.preview_image import preview_text
from scripts.release.publish import PublishRefusedError, publish
from scripts.site.addresses import page_url
from scripts.site.front_matter import load_front_matter
from scripts.site.languages import Language, languages
from scripts.site.settings import load_settings
from scripts.site.treatments import language_treatments, page_treatment
from tests.conftest import copy_project
from tests.project_changes import (
    FIXTURE_NAMES,
    FIXTURE_TREATMENT,
    add_fixture_treatment,
    bring_translations_up_to_date,
    clinical_pages,
    first_treatment,
    set_settings,
    sign,
    sign_every_page,
)

REAL_URL = "https://www.example-clinic.test/"
TITLE = re.compile(r"<title>([^<]*)</title>")
ALT = re.compile(r'<meta property="og:image:alt" content="([^"]*)">')
IMAGE = re.compile(r'<meta property="og:image" content="([^"]*)">')
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
FOOTER = re.compile(r'class="md-footer__link md-footer__link--(?:prev|next)"[^>]*aria-label="([^"]*)"')


def fixture_pages(project: Path) -> list[tuple[Language, Path]]:
    """The second treatment's pages, each with its language."""
    return [(language, page) for language in languages(project) for page in language.pages
            if page_treatment(language.docs, page, language_treatments(language.config)) == FIXTURE_TREATMENT]


def address(language: Language, page: Path) -> str:
    return page_url(language.key(page)).lstrip("/")


def built(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def first_name(project: Path) -> str:
    return language_treatments(project / "mkdocs.yml")[first_treatment(project)].name


@pytest.fixture(scope="module")
def stages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The copy at each stage of the second treatment's life, and what each stage gave."""
    root = tmp_path_factory.mktemp("second-treatment")
    project = copy_project(root / "project")
    sign_every_page(project)
    add_fixture_treatment(project, ready=False)
    found: dict[str, object] = {"project": project}
    found["draft check"] = check_site(project)
    build_into(root / "pull-request", project, {"SITE_SHOW_DRAFTS": "1", "SITE_URL": "http://127.0.0.1:8000/"})
    with pytest.MonkeyPatch.context() as environment:  # a shell that shows drafts (as make serve does) publishes none
        environment.setenv("SITE_SHOW_DRAFTS", "1")
        found["draft published"] = publish(root / "draft-public", REAL_URL, preview=False, root=project)
    set_settings(project, {("extra", "treatments", FIXTURE_TREATMENT, "ready"): True})
    bring_translations_up_to_date(project)
    found["unsigned published"] = publish(root / "unsigned-public", REAL_URL, preview=False, root=project)
    shared = project / "docs" / "contact.md"  # a shared page, linking into the held-back treatment
    before = shared.read_text(encoding="utf-8")
    shared.write_text(before + f"\n[Peels]({FIXTURE_TREATMENT}/aftercare.md)\n", encoding="utf-8")
    with pytest.raises(PublishRefusedError) as refusal:
        publish(root / "linked-public", REAL_URL, preview=False, root=project)
    found["linked refusal"] = str(refusal.value)
    shared.write_text(before, encoding="utf-8")
    for page in clinical_pages(project):
        if page in {file for _, file in fixture_pages(project)}:
            sign(project, page)
    found["signed published"] = publish(root / "signed-public", REAL_URL, preview=False, root=project)
    return found


def test_a_draft_passes_the_check_with_warnings_that_name_it(stages: dict) -> None:
    problems = stages["draft check"]
    assert [str(problem) for problem in problems if problem.severity is Severity.ERROR] == []
    assert any(problem.severity is Severity.WARNING and FIXTURE_NAMES["en"] in problem.message for problem in problems)


def test_a_pull_requests_build_shows_the_draft_marked_draft_and_kept_from_search_engines(stages: dict) -> None:
    site = stages["project"].parent / "pull-request"
    pages = fixture_pages(stages["project"])
    assert pages
    for language, page in pages:
        text = built(site, address(language, page))
        assert 'class="draft-notice"' in text and '<meta name="robots" content="noindex, nofollow">' in text, page


def test_the_published_site_has_none_of_a_draft(stages: dict) -> None:
    site = stages["project"].parent / "draft-public"
    for language, page in fixture_pages(stages["project"]):
        assert not (site / address(language, page)).exists(), page
    folders = [f"/{language_treatments(language.config)[FIXTURE_TREATMENT].folder}/" for language in languages(
        stages["project"])]
    for file in site.rglob("*"):  # no address of it anywhere: menu, home page, link sheet, sitemap, 404 page
        if file.suffix in (".html", ".xml", ".txt"):
            assert not any(folder in file.read_text(encoding="utf-8") for folder in folders), file
    assert stages["draft published"] == []  # nothing held back, nothing to warn about: a draft is not published


def test_ready_but_unsigned_it_is_held_back_by_name_and_the_first_treatment_publishes(stages: dict) -> None:
    project, site = stages["project"], stages["project"].parent / "unsigned-public"
    [warning] = [line for line in stages["unsigned published"] if line.startswith("NOT PUBLISHED")]
    assert warning.startswith(f"NOT PUBLISHED: {FIXTURE_NAMES['en']} ")
    assert f"docs/{FIXTURE_TREATMENT}/" in warning and first_name(project) not in warning.split("\n", 1)[0]
    for language, page in fixture_pages(project):
        assert not (site / address(language, page)).exists(), page
    first = [(language, page) for language in languages(project) for page in language.pages
             if page_treatment(language.docs, page, language_treatments(language.config)) == first_treatment(project)]
    assert first
    for language, page in first:
        assert (site / address(language, page) / "index.html").is_file(), page


def test_a_shared_page_linking_into_a_held_back_treatment_stops_publishing_naming_the_link(stages: dict) -> None:
    refusal = stages["linked refusal"]
    assert f"docs/contact.md: links to docs/{FIXTURE_TREATMENT}/aftercare.md" in refusal
    assert FIXTURE_NAMES["en"] in refusal.split("\n", 1)[0]
    assert not (stages["project"].parent / "linked-public").exists()


def test_signed_it_is_on_the_home_page_in_the_menu_link_sheet_sitemap_and_hreflang(stages: dict) -> None:
    project, site = stages["project"], stages["project"].parent / "signed-public"
    assert not any(line.startswith("NOT PUBLISHED") for line in stages["signed published"])
    for language in languages(project):
        hub = language_treatments(language.config)[FIXTURE_TREATMENT].hub
        home = built(site, language.prefix.rstrip("/"))
        assert f'href="{hub.removesuffix("index.md")}"' in home, language.code  # the home page lists it
        shared = [entry for entry in load_settings(language.config)["nav"] if isinstance(entry, str)][-1]
        menu = built(site, page_url(language.prefix + shared).strip("/"))  # a shared page, with the whole menu
        assert FIXTURE_NAMES[language.code] in menu, language.code  # a menu section of its own
    sheet = (site / "links.txt").read_text(encoding="utf-8")
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for language, page in fixture_pages(project):
        assert REAL_URL + address(language, page) in sheet, page
        own = (site / language.prefix / "sitemap.xml").read_text(encoding="utf-8")  # each language's sitemap
        assert f"<loc>{REAL_URL + address(language, page)}</loc>" in own, page
    english = [page for language, page in fixture_pages(project) if language.code == "en"]
    spanish = {address(language, page) for language, page in fixture_pages(project) if language.code == "es"}
    for page in english:  # each English page tells search engines where its Spanish page is, and the reverse
        entry = sitemap.split(f"<loc>{REAL_URL + address(languages(project)[0], page)}</loc>", 1)[1].split("</url>")[0]
        assert any(f'hreflang="es" href="{REAL_URL + other}"' in entry for other in spanish), page


def test_signed_every_place_that_names_a_treatment_names_it_never_the_first(stages: dict) -> None:
    project, site = stages["project"], stages["project"].parent / "signed-public"
    first = first_name(project).lower()
    for language, page in fixture_pages(project):
        name = FIXTURE_NAMES[language.code]
        text = built(site, address(language, page))
        title, alt = TITLE.search(text).group(1), ALT.search(text).group(1)
        assert first not in title.lower() and first not in alt.lower(), (page, title, alt)
        assert name.lower() in alt.lower() and name.lower() in html.unescape(title).lower(), (page, title)
        assert IMAGE.search(text).group(1).endswith(f"preview-{FIXTURE_TREATMENT}.png")
        assert all(first not in label.lower() for label in FOOTER.findall(text)), page  # "Next step" stays inside
        graph = json.loads(JSON_LD.search(text).group(1))["@graph"]
        about = [node["about"] for node in graph if "about" in node]
        clinical = load_front_matter(page.read_text(encoding="utf-8")).get("clinical") is True
        assert [each["name"] for each in about] == ([name] if clinical else []), (page, about)
    for language in languages(project):
        drawn = " ".join(preview_text(language.config, FIXTURE_TREATMENT).lines())
        assert FIXTURE_NAMES[language.code] in drawn and first not in drawn.lower()
        not_found = (site / language.prefix / "404.html").read_text(encoding="utf-8")
        hub = language_treatments(language.config)[FIXTURE_TREATMENT].hub.removesuffix("index.md")
        assert f"{hub}" in not_found and FIXTURE_NAMES[language.code] in not_found, language.code
