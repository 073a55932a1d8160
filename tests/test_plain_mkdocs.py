"""README's plain-MkDocs commands give the whole site: run from README.md itself in a copy of the project, they
build every language (each language's settings file), and no internal link in the result leads nowhere."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from scripts.built_site import broken_links, target_file
from scripts.site.addresses import page_url
from scripts.site.languages import languages
from tests.conftest import ROOT, copy_project

MARKER = "**The whole site with plain MkDocs.**"
LOCAL_SITE_URL = "http://127.0.0.1:8000/"  # where mkdocs.yml addresses the site without SITE_URL


def readme_commands(readme: Path = ROOT / "README.md") -> list[str]:
    """The commands of the first ```sh block after README's plain-MkDocs sentence, one per line."""
    text = readme.read_text(encoding="utf-8")
    assert MARKER in text, f"README.md no longer has the sentence {MARKER!r} before its plain-MkDocs commands"
    block = re.search(r"^```sh\n(.*?)^```", text[text.index(MARKER):], re.M | re.S)
    assert block, f"README.md has no ```sh block after {MARKER!r}"
    commands = [line.split(" #", 1)[0].strip() for line in block.group(1).splitlines()]
    return [command for command in commands if command and not command.startswith("#")]


def missing_or_broken(site: Path, root: Path, base_url: str = LOCAL_SITE_URL) -> list[str]:
    """What a built `site` lacks: every page of every language (each language with a settings file, in its own
    folder), the 404 pages, and every internal link and #anchor leading somewhere."""
    problems = []
    for language in languages(root):
        for page in language.pages:
            address = page_url(language.key(page))
            if not target_file(site, address).is_file():
                problems.append(f"{language.code}: no page at {address} (from {page.relative_to(root).as_posix()})")
        if not (site / language.prefix / "404.html").is_file():
            problems.append(f"{language.code}: no /{language.prefix}404.html")
    return problems + broken_links(site, base_url)


def test_the_readme_commands_give_the_whole_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    bin_folder = str(Path(sys.executable).parent)  # the project venv's python and mkdocs come first on PATH
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "SITE_URL")}
    env.update(PATH=os.pathsep.join([bin_folder, env.get("PATH", "")]), NO_MKDOCS_2_WARNING="1")
    for command in readme_commands():
        result = subprocess.run(shlex.split(command), cwd=project, env=env, capture_output=True, text=True)
        assert result.returncode == 0, f"{command}\n{result.stderr[-3000:]}"
    assert missing_or_broken(project / "site", project) == []
    assert (project / "site" / "_headers").is_file() and (project / "site" / "_redirects").is_file()


def test_the_readme_commands_build_every_language() -> None:
    commands = readme_commands()
    assert commands[0] == "mkdocs build" and commands[-1].startswith("python -m scripts.release.post_build site")
    for language in languages(ROOT)[1:]:
        assert f"mkdocs build --config-file {language.config.name} --site-dir site/{language.code}" in commands


def test_a_site_without_a_language_is_reported(built_site: Path, tmp_path: Path, site_port: int) -> None:
    """The checking function itself: a site with the Spanish folder removed lacks its pages, and the English
    pages' language switch leads nowhere."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    base_url = f"http://127.0.0.1:{site_port}/"
    assert missing_or_broken(site, ROOT, base_url) == []
    for language in languages(ROOT)[1:]:
        shutil.rmtree(site / language.code)
    found = missing_or_broken(site, ROOT, base_url)
    for language in languages(ROOT)[1:]:
        assert f"{language.code}: no page at /{language.prefix}" in "\n".join(found)
        assert any(f": ../{language.prefix}" in problem or f": {language.prefix}" in problem for problem in found)
