"""Each mistake marketing can make in a pull request makes `make check` fail first, naming the file, the line
(or setting) and the fix, in words, with no traceback. Each test changes one thing in a copy of the project."""

from __future__ import annotations

import posixpath
import re
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.content.check import check_site
from scripts.site.addresses import CONTRACT, read_contract
from scripts.site.settings import load_settings, nav_pages
from tests.conftest import ROOT, copy_project, run_build
from tests.project_changes import set_settings


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """What the content check reads: the pages, the data files, the settings and what they name (the theme's
    overrides/, the hook), which MkDocs loads when the check validates the settings as the build does."""
    return copy_project(tmp_path / "project")


def errors(project: Path) -> list[str]:
    return [str(problem) for problem in check_site(project) if problem.severity == "error"]




def edit(project: Path, page: str, old: str, new: str) -> int:
    """Replace text in a page; the line where the new text starts."""
    path = project / "docs" / page
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{page} no longer contains {old!r}"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text[:text.index(new)].count("\n") + 1 + (len(new) - len(new.lstrip("\n")))


def nav(project: Path) -> list:
    return load_settings(project / "mkdocs.yml")["nav"]


def redirects_index(project: Path) -> int:
    plugins = load_settings(project / "mkdocs.yml")["plugins"]
    return next(i for i, plugin in enumerate(plugins) if isinstance(plugin, dict) and "redirects" in plugin)


# A page the tests change: the first page of the menu after the home page and the treatments' hubs (whatever its
# name is today).
PAGE = next(entry for entry in nav_pages(load_settings(ROOT / "mkdocs.yml")["nav"])
            if posixpath.basename(entry) != "index.md")
# A section staff link to: the first one the URL contract lists whose {#id} is written in its page's Markdown.
SECTION_PAGE, SECTION = next(
    (page.name, section) for line in read_contract(ROOT / CONTRACT) if "#" in line
    for section in [line.split("#", 1)[1]] for page in sorted((ROOT / "docs").glob("*.md"))
    if f"{{#{section}}}" in page.read_text(encoding="utf-8"))
PAGE_URL = "/" + PAGE.removesuffix(".md") + "/"


def test_the_real_project_passes(project: Path) -> None:
    assert errors(project) == []


def test_a_page_missing_from_the_menu(project: Path) -> None:
    (project / "docs" / "new-question.md").write_text((project / "docs" / PAGE).read_text(encoding="utf-8"))
    assert "docs/new-question.md:1: this page is not in the menu: add '- new-question.md' under nav: in mkdocs.yml " \
           "where it belongs in the patient's journey" in errors(project)


def test_a_menu_entry_without_a_page(project: Path) -> None:
    set_settings(project, {("nav",): [*nav(project), "price-list.md"]})
    [message] = [e for e in errors(project) if "price-list.md" in e]
    assert message.startswith("mkdocs.yml:") and "there is no docs/price-list.md" in message


def test_a_redirect_to_a_missing_page_and_one_that_hides_a_page(project: Path) -> None:
    set_settings(project, {("plugins", redirects_index(project), "redirects", "redirect_maps"):
                           {"old-aftercare.md": "after-care.md", PAGE: "index.md"}})
    found = errors(project)
    assert any("the redirect old-aftercare.md -> after-care.md leads to docs/after-care.md, which does not exist"
               in e for e in found)
    assert any(f"the redirect from {PAGE} hides the page docs/{PAGE}, which still exists" in e for e in found)


def test_a_section_id_staff_link_to_is_removed(project: Path) -> None:
    edit(project, SECTION_PAGE, f"{{#{SECTION}}}", "")
    assert any(e.startswith(f"docs/{SECTION_PAGE}") and f"the section #{SECTION} is gone" in e
               for e in errors(project))


def test_a_promotion_linking_to_a_missing_page(project: Path) -> None:
    set_settings(project, {("extra", "promotions"): [
        {"text": "Ask about our winter offer.", "link": "/winter-offer/", "start": "2026-11-01", "end": "2099-12-31"}]})
    [message] = [e for e in errors(project) if "/winter-offer/" in e]
    assert message.startswith("mkdocs.yml:") and "is not a page of this site" in message


def test_a_sentence_over_30_words_on_an_easy_page(project: Path) -> None:
    long = ("If you have any questions at all about what you read on this page or about anything else, you can "
            "call us on any day of the week and we will be glad to help you with them.")
    line = edit(project, PAGE, "\n## ", f"\n{long}\n\n## ")
    assert any(e.startswith(f"docs/{PAGE}:{line}: this sentence has 38 words") for e in errors(project))


def test_front_matter_without_any_text_after_it(project: Path) -> None:
    (project / "docs" / "empty.md").write_text("---\ntitle: Empty?\ndescription: Nothing yet.\nclinical: false\n---\n")
    set_settings(project, {("nav",): [*nav(project), "empty.md"]})
    assert "docs/empty.md:5: the page has no text after its front matter: write the page below the closing ---" \
           in errors(project)


def test_a_title_or_file_name_over_70_characters(project: Path) -> None:
    name = "what-happens-to-my-skin-in-the-weeks-and-months-after-a-course-of-microneedling"
    title = "What happens to my skin in the weeks and months after a course of microneedling?"
    (project / "docs" / f"{name}.md").write_text(f"---\ntitle: {title}\ndescription: Later.\nclinical: false\n---\n"
                                                 "\nIt changes slowly.\n")
    set_settings(project, {("nav",): [*nav(project), f"{name}.md"]})
    found = errors(project)
    assert any(e.startswith(f"docs/{name}.md:2: 'title' is {len(title)} characters: shorten it to 70") for e in found)
    assert any(e.startswith(f"docs/{name}.md:1: the file name is {len(name)} characters") for e in found)


def test_an_impossible_date_is_a_message_with_its_line(project: Path) -> None:
    set_settings(project, {("extra", "promotions"): [
        {"text": "Ask about our winter offer.", "start": "2026-11-01", "end": "2026-11-31"}]})
    [message] = [e for e in errors(project) if "2026-11-31" in e]
    assert message.startswith("mkdocs.yml:") and "2026-11-31 is not a day of the calendar (November 2026 has 30 " \
                                                 "days)" in message


def test_a_tab_in_the_settings_is_reported_alone_and_first(project: Path) -> None:
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").split("\n")
    line = next(n for n, text in enumerate(lines) if text.startswith("    city:"))
    lines[line] = "\t" + lines[line].lstrip()
    config.write_text("\n".join(lines), encoding="utf-8")
    assert errors(project) == [f"mkdocs.yml:{line + 1}: the settings file has a tab here: indent with spaces (two "
                               "per level), never with tabs"]


@pytest.mark.parametrize("where", ["settings", "front matter"])
def test_curly_quotes_are_named_as_such(project: Path, where: str) -> None:
    if where == "settings":
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace("    sms: \"\"", "    sms: “(714) 555-0142”"))
    else:
        edit(project, PAGE, "title: ", "title: “") and edit(project, PAGE, "?\n", "?”\n")
    assert any("is in curly quotes (“ ”), which would show as part of it: type straight quotes" in e
               for e in errors(project))


@pytest.mark.parametrize("phrase", ["F.D.A. approved", "It doesn't hurt", "We guarantee it", "results are\n"
                                    "permanent"])
def test_claims_in_any_spelling_or_split_over_two_lines(project: Path, phrase: str) -> None:
    line = edit(project, PAGE, "\n## ", f"\n{phrase}.\n\n## ")
    assert any(e.startswith(f"docs/{PAGE}:{line}:") and "is a claim we must not make" in e
               for e in errors(project))


def test_the_command_prints_messages_never_a_traceback(project: Path) -> None:
    set_settings(project, {("extra", "clinic", "phone"): "1-800-SKINCARE",
                           ("extra", "promotions"): [{"text": "Offer", "start": "2026-02-30", "end": "2026-03-01"}]})
    result = subprocess.run([sys.executable, "-m", "scripts.content.check", "--root", str(project)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert "which is not a valid US phone number" in result.stdout and "2026-02-30" in result.stdout


def test_the_build_also_refuses_a_banned_claim_so_the_preview_never_shows_one(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    line = edit(project, PAGE, "\n## ", "\nThe treatment is F.D.A. approved.\n\n## ")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/{PAGE}:{line}: 'F.D.A. approved' is a claim we must not make" in result.stderr


def test_the_build_refuses_front_matter_it_cannot_read_so_a_clinical_page_never_loses_its_review_note(
        tmp_path: Path) -> None:
    """MkDocs would build the page without its front matter: no title, no sources, no review note."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / PAGE
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("\ndescription: ", "\ndescription: 'an unclosed quote\nx: ", 1), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert re.search(rf"docs/{re.escape(PAGE)}:\d+: .*front matter", result.stderr), result.stderr[-2000:]


def test_a_new_section_is_reported_for_the_url_contract_but_not_refused(project: Path) -> None:
    line = edit(project, PAGE, "\n## ", "\n## Can I bring a friend? {#bring-a-friend}\n\nYes, you can.\n\n## ")
    assert line and errors(project) == []
    notes = [str(p) for p in check_site(project) if p.severity == "note"]
    assert any(n.startswith(f"docs/{PAGE}: new address(es) for the URL contract: ") and
               f"{PAGE_URL}#bring-a-friend" in n for n in notes)


def test_a_brand_colour_too_light_for_white_text_is_refused(project: Path) -> None:
    set_settings(project, {("extra", "brand", "primary"): "#7fd3e0"})
    [message] = [e for e in errors(project) if "brand colour 'primary'" in e]
    assert message.startswith("mkdocs.yml:") and "must be at least 4.5:1" in message


def test_a_missing_brand_colour_is_a_message_with_its_line(project: Path) -> None:
    """mkdocs.yml is the colours' one home: without one there is no default to fall back on, so the check says
    which colour is missing, where, and what it is for."""
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").split("\n")
    brand_line = next(n for n, text in enumerate(lines, 1) if text.strip() == "brand:")
    dropped = next(n for n in range(brand_line, len(lines)) if lines[n].strip().startswith("primary_on_dark:"))
    config.write_text("\n".join(lines[:dropped] + lines[dropped + 1:]), encoding="utf-8")
    [message] = [e for e in errors(project) if "primary_on_dark" in e]
    assert message.startswith(f"mkdocs.yml:{brand_line}: brand colour 'primary_on_dark' is missing: add it under "
                              "'brand:'") and "# and six hex digits" in message


def test_missing_brand_colours_stop_the_build_too(tmp_path: Path) -> None:
    """brand.css has no defaults: the build refuses rather than write empty colours."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"\n  brand:\n(    .*\n)+", "\n", text, count=1), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0 and "the clinic's colours are missing: add 'brand:' under 'extra:'" in result.stderr
