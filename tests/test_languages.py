"""A language is one settings file and one folder, and a page may sit at any depth of its language's folder:
a third language added to a copy, and an English and a Spanish page in sub-folders, are built, published,
switched to, listed on the link sheet, checked, graded and gated like every other page."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from scripts.content.check import check_site
from scripts.content.readability import table
from scripts.problems import Severity
from scripts.release.build import build_into, run_mkdocs
from scripts.release.build import copy_project as copy_from
from scripts.release.publish import publish
from scripts.release.review_gate import review_gate
from scripts.site.front_matter import load_front_matter
from scripts.site.languages import ENGLISH, alternates_by_page, languages, translations
from scripts.site.page_version import page_version
from scripts.site.settings import with_list_item
from scripts.site.treatments import language_treatments, page_treatment
from tests.conftest import ROOT, TEST_TODAY, copy_project

FRENCH_SETTINGS = """\
# The French edition: every setting of mkdocs.yml, with the French pages (docs/fr/), menu and words.
INHERIT: mkdocs.yml
docs_dir: docs/fr
site_name: Guide du microneedling
site_description: Des réponses claires sur le microneedling.
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/fr/"]
exclude_docs: |
  /_includes/
theme:
  language: fr
  logo: ../assets/images/logo.svg
  favicon: ../assets/images/favicon.svg
extra:
  language: fr
  this_language: {this_page: "Lire cette page en français", guide: "Lire ce guide en français", in_english: French}
plugins:
  - search:
      lang: fr
nav:
  - index.md
  - contact.md
extra_css:
  - assets/css/brand.css
  - ../assets/css/site.css
extra_javascript:
  - ../assets/js/site.js
"""

SUB_PAGE = """\
---
page_id: sun
title: {title}
description: {description}
clinical: true
sources: [fda-microneedling-devices]
{translation}reviewed_by:
last_reviewed:
next_review:
reviewed_version:
---

{body}
"""


def last_commit(page: str) -> str:
    """The English version of the page its Spanish translation records."""
    spanish = ROOT / "docs" / translations(ROOT, "es")[page]
    return str(load_front_matter(spanish.read_text(encoding="utf-8"))["translated_from"])


def french_page(english: str, title: str, template: str = "") -> str:
    """A short French page translating an English one."""
    return (f"---\ntitle: {title}\ndescription: Une page du guide en français.\nclinical: false\n"
            + (f"template: {template}\n" if template else "")
            + f"translation_of: {english}\ntranslated_from: {last_commit(english)}\n---\n\n"
            "## Nous appeler {#appeler}\n\nNous répondons à vos questions.\n")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy with a French edition (one settings file, one folder) and a clinical page in a sub-folder of docs/
    and of docs/es/, each in its language's menu."""
    project = copy_project(tmp_path_factory.mktemp("languages") / "project")
    (project / "mkdocs.fr.yml").write_text(FRENCH_SETTINGS, encoding="utf-8")
    (project / "docs" / "fr").mkdir()
    (project / "docs" / "fr" / "index.md").write_text(french_page("index.md", "Le microneedling"), encoding="utf-8")
    (project / "docs" / "fr" / "contact.md").write_text(french_page("contact.md", "Nous appeler", "contact.html"),
                                                        encoding="utf-8")
    (project / "docs" / "guides").mkdir()
    (project / "docs" / "guides" / "sun.md").write_text(SUB_PAGE.format(
        title="Can I go in the sun after it?", description="How to look after your skin in the sun.", translation="",
        body="## The short answer\n\nStay out of strong sun for a few days. Wear a hat."), encoding="utf-8")
    (project / "docs" / "es" / "guias").mkdir()
    (project / "docs" / "es" / "guias" / "sol.md").write_text(SUB_PAGE.format(
        title="¿Puedo salir al sol después?", description="Cómo cuidar su piel del sol.",
        translation="translation_of: guides/sun.md\ntranslated_from: "
                    f"{page_version(project, project / 'docs' / 'guides' / 'sun.md')}\n",
        body="## La respuesta corta\n\nNo se ponga al sol fuerte por unos días. Use un sombrero."), encoding="utf-8")
    for config, page in (("mkdocs.yml", "guides/sun.md"), ("mkdocs.es.yml", "guias/sol.md")):
        path = project / config
        path.write_text(with_list_item(path.read_text(encoding="utf-8"), ("nav",), page), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def site(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("languages-site")
    build_into(site, project, {"SITE_TODAY": TEST_TODAY})
    return site


def test_the_languages_are_the_settings_files(project: Path) -> None:
    assert [language.code for language in languages(project)] == ["en", "es", "fr"]
    french = languages(project)[2]
    assert [french.key(page) for page in french.pages] == ["fr/contact.md", "fr/index.md"]
    assert "guides/sun.md" in [languages(project)[0].key(page) for page in languages(project)[0].pages]
    assert "es/guias/sol.md" in [languages(project)[1].key(page) for page in languages(project)[1].pages]


def test_a_third_language_is_built_and_switched_to_from_the_same_english_page(site: Path) -> None:
    french = (site / "fr" / "contact" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in french
    english = (site / "contact" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="\.\./fr/contact/" hreflang="fr">Lire cette page en français</a>', english)
    assert re.search(r'<a href="[./]*contact/" hreflang="en">Read this page in English</a>', french)
    assert "Lire ce guide en français" in (site / "404.html").read_text(encoding="utf-8")


def test_the_link_sheet_lists_every_language_and_sub_folder_page(site: Path) -> None:
    sheet = (site / "links" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 id="pages-fr"[^>]*>French pages', sheet)
    for address in ("fr/contact/", "guides/sun/", "es/guias/sol/"):
        assert address in sheet, address


def test_sub_folder_pages_are_built_with_their_language_switch(site: Path) -> None:
    english = (site / "guides" / "sun" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="\.\./\.\./es/guias/sol/" hreflang="es">', english)
    assert (site / "es" / "guias" / "sol" / "index.html").is_file()


def test_every_language_and_sub_folder_is_checked_with_its_own_file_name(project: Path, tmp_path: Path) -> None:
    problems = check_site(project)
    assert not [str(p) for p in problems if p.severity is Severity.ERROR]
    warnings = [str(p) for p in problems if p.severity is Severity.WARNING]
    assert any(w.startswith("docs/fr/contact.md:") and "no reading-level rule for the language 'fr'" in w
               for w in warnings), warnings
    assert any("no list of claims we must not make in French" in w for w in warnings), warnings
    broken = copy_from(project, tmp_path / "copy")
    for page in ("fr/contact.md", "guides/sun.md", "es/guias/sol.md"):
        file = broken / "docs" / page
        file.write_text(file.read_text(encoding="utf-8") + "\n{{ clinic.nonsense }}\n", encoding="utf-8")
    errors = [str(p) for p in check_site(broken) if p.severity is Severity.ERROR]
    for page in ("fr/contact.md", "guides/sun.md", "es/guias/sol.md"):
        assert any(e.startswith(f"docs/{page}:") and "nonsense" in e for e in errors), (page, errors)


def test_sub_folder_pages_are_graded_and_gated(project: Path) -> None:
    grades, _ = table(project)
    assert re.search(r"^\| guides/sun\.md \| -?[\d.]+ \| 8 \| pass \|", grades, re.M)
    assert re.search(r"^\| es/guias/sol\.md \| [\d.]+ \| 70 \| pass \|", grades, re.M)
    assert re.search(r"^\| fr/contact\.md \| \| \| FAIL \| no reading-level rule for French \(fr\)", grades, re.M)
    blocking = review_gate(project, date.fromisoformat(TEST_TODAY)).blocking
    assert any(line.startswith("docs/guides/sun.md: never signed off") for line in blocking)
    assert any(line.startswith("docs/es/guias/sol.md: never signed off") for line in blocking)
    assert {"English, guides", "Spanish, guias"} <= set(review_gate(project, date.fromisoformat(TEST_TODAY))
                                                       .blocking_by_group)


def test_a_third_language_is_published(project: Path, tmp_path: Path) -> None:
    public = tmp_path / "public"
    publish(public, "https://www.example-clinic.test/", preview=True, root=project)
    assert (public / "fr" / "contact" / "index.html").is_file()
    assert (public / "guides" / "sun" / "index.html").is_file()


def test_an_error_in_a_translated_page_names_that_file(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    spanish = languages(project)[1]
    page = next(page for page in spanish.pages if page.name != "index.md")
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ clinic.nonsense }}\n", encoding="utf-8")
    result = run_mkdocs(project, tmp_path / "es", {"SITE_TODAY": TEST_TODAY}, capture=True,
                        config=spanish.config.name)
    assert result.returncode != 0
    assert re.search(rf"{re.escape(page.relative_to(project).as_posix())}:\d+: ", result.stderr), result.stderr[-2000:]


def test_a_two_letter_english_folder_is_not_silently_left_out(tmp_path: Path) -> None:
    """Translations' folders are left out of the English build by their two-letter names: an English folder with
    such a name (docs/rf/ for RF microneedling) must be reported, not quietly never published."""
    project = copy_project(tmp_path / "project")
    (project / "docs" / "rf").mkdir()
    (project / "docs" / "rf" / "index.md").write_text("---\ntitle: RF\ndescription: RF.\nclinical: false\n---\n\nHi.\n",
                                                      encoding="utf-8")
    errors = [str(p) for p in check_site(project) if p.severity is Severity.ERROR]
    assert any(e.startswith("docs/rf/: the pages in docs/rf/ are left out of the English build") for e in errors), \
        errors


def test_no_language_switch_or_hreflang_leads_to_a_page_a_build_leaves_out(tmp_path: Path) -> None:
    """A treatment ready in English but still a draft in a translation (ready: false in its settings file): the
    English pages offer no link to the unpublished translation, and the translation's pages none to English."""
    project = copy_project(tmp_path / "project")
    translation = languages(project)[1]
    key = next(iter(language_treatments(translation.config)))
    config = translation.config
    text = config.read_text(encoding="utf-8")
    assert f"    {key}: {{" in text  # its entry written on one line, as the translation's settings file has it
    config.write_text(text.replace(f"    {key}: {{", f"    {key}: {{ready: false, ", 1), encoding="utf-8")
    assert not language_treatments(config)[key].ready
    english = languages(project)[0]
    ours = [page.relative_to(english.docs).as_posix() for page in english.pages
            if page_treatment(english.docs, page, language_treatments(english.config)) == key]
    assert ours
    site = "https://clinic.example/"
    shown = alternates_by_page(project, ENGLISH, site, {})
    assert all([each["lang"] for each in shown[page]] == [ENGLISH] for page in ours), {page: shown[page]
                                                                                       for page in ours}
    shared = next(page for page in shown if page not in ours and len(shown[page]) > 1)  # others keep their switch
    assert {each["lang"] for each in shown[shared]} == {ENGLISH, translation.code}
    drafts_shown = alternates_by_page(project, ENGLISH, site, {"SITE_SHOW_DRAFTS": "1"})  # make serve shows both
    assert any(len(drafts_shown[page]) == 2 for page in ours)
