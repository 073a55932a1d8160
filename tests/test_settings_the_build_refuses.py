"""Every settings shape the build refuses, `make check` refuses first: MkDocs' own validation runs on each
language's settings file, and each refusal is a message with the file, the line and the fix, never a traceback.
Each test changes one thing in a copy of the project, the way a web editor or a hurried hand would."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from scripts.content.check import check_site
from scripts.content.mkdocs_settings import validated
from scripts.release.build import run_mkdocs
from scripts.site.languages import languages
from scripts.site.settings import load_settings
from tests.conftest import ROOT, TEST_TODAY, copy_project
from tests.project_changes import set_settings


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def errors(project: Path) -> list[str]:
    return [str(problem) for problem in check_site(project) if problem.severity == "error"]


def replace_line(project: Path, file: str, pattern: str, new: str | None) -> int:
    """Replace (or, with None, delete) the first line matching `pattern`; the number of the line it was."""
    path = project / file
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(n for n, line in enumerate(lines) if re.match(pattern, line))
    if new is None:
        del lines[index]
    else:
        lines[index] = re.sub(pattern, new, lines[index])
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1


def line_of(project: Path, file: str, pattern: str) -> int:
    lines = (project / file).read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines) if re.match(pattern, line)) + 1


def site_url_as_a_list(file: str) -> Callable[[Path], tuple[str, int]]:
    """What a form-based editor saves: `site_url: !ENV [SITE_URL, "…"]` loses its tag and becomes a list."""
    def change(project: Path) -> tuple[str, int]:
        return file, replace_line(project, file, r"^site_url: !ENV \[", "site_url: [")
    return change


def nav_entry_a_number(project: Path) -> tuple[str, int]:
    set_settings(project, {("nav",): [*load_settings(project / "mkdocs.yml")["nav"], 42]})
    lines = (project / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    nav = line_of(project, "mkdocs.yml", r"^nav:")
    return "mkdocs.yml", next(n for n in range(nav, len(lines) + 1) if re.search(r"\b42\b", lines[n - 1]))


def theme_without_name(project: Path) -> tuple[str, int]:
    replace_line(project, "mkdocs.yml", r"^  name: material$", None)
    return "mkdocs.yml", line_of(project, "mkdocs.yml", r"^theme:")


def use_directory_urls_yes(project: Path) -> tuple[str, int]:
    return "mkdocs.yml", replace_line(project, "mkdocs.yml", r"^use_directory_urls: .*", 'use_directory_urls: "yes"')


def redirect_maps_a_list(project: Path) -> tuple[str, int]:
    """A plugin option of the wrong type: the redirects written as a list instead of old: new pairs."""
    plugins = load_settings(project / "mkdocs.yml")["plugins"]
    index = next(i for i, plugin in enumerate(plugins) if isinstance(plugin, dict) and "redirects" in plugin)
    line = line_of(project, "mkdocs.yml", r"^\s+redirect_maps:")
    set_settings(project, {("plugins", index, "redirects", "redirect_maps"): ["faq.md", "questions.md"]})
    return "mkdocs.yml", line


REFUSED = {
    "site_url as a list": (site_url_as_a_list("mkdocs.yml"), 'site_url: !ENV [SITE_URL, "http'),
    "site_url as a list in the Spanish settings": (site_url_as_a_list("mkdocs.es.yml"), "site_url: !ENV [SITE_URL, "),
    "a menu entry that is a number": (nav_entry_a_number, "write the file name of a page in docs/"),
    "theme without its name": (theme_without_name, "put back name: material"),
    'use_directory_urls: "yes"': (use_directory_urls_yes, "write use_directory_urls: true or use_directory_urls: "
                                                          "false, without quotes"),
    "a plugin option of the wrong type": (redirect_maps_a_list, "the setting 'redirect_maps' of the plugin "
                                                                "'redirects' (under plugins:) must be a group of "
                                                                "settings"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_the_check_refuses_it_with_file_line_and_fix(project: Path, case: str) -> None:
    change, fix = REFUSED[case]
    file, line = change(project)
    [message] = errors(project)  # reported once, alone: not once per language, not with a cascade
    assert message.startswith(f"{file}:{line}: ") and fix in message
    assert "Traceback" not in message and "<class" not in message.split(" (the build says:")[0]


def test_the_command_prints_the_message_never_a_traceback(project: Path) -> None:
    site_url_as_a_list("mkdocs.yml")(project)
    result = subprocess.run([sys.executable, "-m", "scripts.content.check", "--root", str(project)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert result.stdout.startswith("mkdocs.yml:") and "a web editor probably removed the !ENV" in result.stdout


def test_validation_loads_the_settings_without_running_the_hook() -> None:
    """The hook's on_config would add extra.contact and friends: validation must only load, not build."""
    for language in languages(ROOT):
        config, refused = validated(language.config)
        assert refused == []
        assert not {"contact", "opening_hours", "showing_promotions", "sources"} & set(config.extra)


def build_every_language(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """A strict MkDocs build of each language as `make build` runs it; the first that fails, or the last."""
    for language in languages(project):
        result = run_mkdocs(project, site / language.code, {"SITE_TODAY": TEST_TODAY}, capture=True,
                            config=language.config.name)
        if result.returncode:
            break
    return result


@pytest.mark.parametrize("case", REFUSED)
def test_the_check_and_a_real_build_agree(tmp_path: Path, case: str) -> None:
    """Both refuse, and the check quotes the build's own words. (Both accept the real project: see
    test_marketing_mistakes.py::test_the_real_project_passes and the strict build every browser test uses.)"""
    project = copy_project(tmp_path / "project")
    REFUSED[case][0](project)
    found = errors(project)
    built = build_every_language(project, tmp_path / "site")
    assert found and built.returncode, (found, built.stderr[-2000:])
    for message in found:
        said = message.split(" (the build says: ", 1)[1].removesuffix(")")
        assert said in built.stderr
