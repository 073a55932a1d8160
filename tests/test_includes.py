"""Text several pages share (Markdown includes, docs/_includes/**/*.md) reads as pymdownx.snippets includes it: the
clinic's details and answers in it are filled in, the content check reads it as part of each page that includes it
(reported at its own file and line), its change gives every such page a new version, and a review packet names it."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from scripts.content.check import check_site
from scripts.problems import Severity
from scripts.release.packet_content import clinic_answers
from scripts.site.includes import INCLUDES, included_names, inlined_lines, with_includes
from scripts.site.languages import languages
from scripts.site.page_details import page_details
from scripts.site.page_version import page_version, working_tree
from scripts.site.placeholders import PlaceholderExtension
from tests.conftest import ROOT, copy_project

CLINIC = {"name": "Alladerm", "phone": "949 916 7166", "sms": ""}


def snippets_and_placeholders(folder: Path, text: str) -> str:
    """The HTML of `text` as the site renders it: snippets from `folder`, then the placeholders."""
    return markdown.markdown(text, extensions=["admonition", "pymdownx.snippets", PlaceholderExtension(clinic=CLINIC)],
                             extension_configs={"pymdownx.snippets": {"base_path": [str(folder)],
                                                                      "check_paths": True}})


def test_the_clinics_details_and_answers_in_an_included_file_are_filled_in(tmp_path: Path) -> None:
    (tmp_path / "call.md").write_text("Call [{{ clinic.phone }}]({{ clinic.phone_tel }}).\n<!-- if clinic.sms -->\n"
                                      "Or text us.\n<!-- else -->\nWe do not take texts.\n<!-- end -->\n",
                                      encoding="utf-8")
    html = snippets_and_placeholders(tmp_path, '!!! note "Help"\n\n    --8<-- "call.md"\n')
    assert '<a href="tel:+19499167166">(949) 916-7166</a>' in html
    assert "We do not take texts." in html and "Or text us" not in html and "{{" not in html
    assert html.startswith('<div class="admonition note">') and html.endswith("texts.</p>\n</div>")  # in the box


def test_inlining_indents_each_line_as_the_include_line_is_as_snippets_does(tmp_path: Path) -> None:
    files = {"docs/_includes/list.md": "- one\n- two\n", "docs/_includes/outer.md": 'Intro\n--8<-- "list.md"'}
    lines = inlined_lines('Page\n    --8<-- "outer.md"\nEnd', files.get, "docs/page.md")
    assert [line.text for line in lines] == ["Page", "    Intro", "    - one", "    - two", "    ", "End"]
    assert [(line.path, line.number) for line in lines] == [
        ("docs/page.md", 1), ("docs/_includes/outer.md", 1), ("docs/_includes/list.md", 1),
        ("docs/_includes/list.md", 2), ("docs/_includes/list.md", 3), ("docs/page.md", 3)]
    assert with_includes('--8<-- "list.md"', files.get) == "- one\n- two\n"
    assert included_names('x\n--8<-- "outer.md"', files.get) == ["outer.md", "list.md"]


def shared_files(root: Path) -> dict[str, list[str]]:
    """Each Markdown include -> the pages (paths inside the project) that include it."""
    read, found = working_tree(root), {}
    for language in languages(root):
        for page in language.pages:
            for name in included_names(page.read_text(encoding="utf-8"), read):
                if name.endswith(".md"):
                    found.setdefault(name, []).append(page.relative_to(root).as_posix())
    return found


def test_some_text_is_shared_and_each_shared_file_is_included() -> None:
    shared = shared_files(ROOT)
    assert shared, "no page includes shared text (docs/_includes/**/*.md)"
    on_disk = {file.relative_to(ROOT / INCLUDES).as_posix() for file in (ROOT / INCLUDES).rglob("*.md")}
    assert on_disk == set(shared)


@pytest.fixture(scope="module")
def broken_copy(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, list[str]]:
    """A copy of the project whose first shared file has a claim, a misspelling, an unknown placeholder and a
    broken link on one new line; its name and the problems the check finds."""
    project = copy_project(tmp_path_factory.mktemp("includes") / "project")
    name, pages = next((name, pages) for name, pages in sorted(shared_files(project).items())
                       if all(not page.startswith("docs/es/") for page in pages))
    file = project / INCLUDES / name
    text = file.read_text(encoding="utf-8")
    file.write_text(text + "\nIt is painless, so call {{ clinic.fone }} and read [this](nowhere.md) or klinic.\n",
                    encoding="utf-8")
    (project / INCLUDES / "unused.md").write_text("Nobody includes this.\n", encoding="utf-8")
    return project, name, [str(problem) for problem in check_site(project) if problem.severity is not Severity.NOTE]


def test_a_problem_in_shared_text_is_reported_at_its_file_and_line_naming_the_page(broken_copy) -> None:
    project, name, problems = broken_copy
    path = (INCLUDES / name).as_posix()
    line = len((project / path).read_text(encoding="utf-8").split("\n")) - 1
    page = shared_files(project)[name][0]
    found = [problem for problem in problems if problem.startswith(f"{path}:{line}: ")]
    for expected in ("'painless' is a claim we must not make", "unknown placeholder '{{ clinic.fone }}'",
                     "link to 'nowhere.md'", "'klinic' may be misspelled"):
        assert any(expected in problem and problem.endswith(f"(on {page}, which includes this file)")
                   for problem in found), (expected, problems)
    # The page's own lines keep their numbers, although the shared text is inlined above them.
    assert not [problem for problem in problems if problem.startswith(f"{page}:")], problems


def test_shared_text_no_page_includes_is_named(broken_copy) -> None:
    _, _, problems = broken_copy
    assert any(problem.startswith(f"{INCLUDES.as_posix()}/unused.md: no page includes this file")
               for problem in problems), problems


def test_a_change_to_shared_text_gives_every_page_that_includes_it_a_new_version(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    name, pages = max(shared_files(project).items(), key=lambda item: len(item[1]))
    before = {page: page_version(project, project / page) for page in pages}
    file = project / INCLUDES / name
    file.write_text(file.read_text(encoding="utf-8").replace(".", ",", 1), encoding="utf-8")
    assert all(page_version(project, project / page) != version for page, version in before.items())


def test_a_review_packet_lists_the_clinics_answers_of_shared_text_with_their_file_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / INCLUDES / "answer.md").write_text("Intro.\n<!-- if clinic.sms -->\nText us.\n<!-- end -->\n",
                                                  encoding="utf-8")
    text = "---\ntitle: T\n---\n\nFirst.\n\n--8<-- \"answer.md\"\n"
    [answer] = clinic_answers(text, page_details(project / "mkdocs.yml"), project / "mkdocs.yml", project)
    assert (answer.name, answer.where) == ("sms", f"line 2 of {INCLUDES.as_posix()}/answer.md")
