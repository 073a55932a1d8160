"""The settings files as MkDocs itself reads them: every shape the build refuses, the check refuses first.

Each language's settings file (mkdocs.yml, mkdocs.<lang>.yml with what it INHERITs) goes through MkDocs' own
validation (`MkDocsConfig.validate()`: the theme, the plugins and the Markdown extensions load, exactly as in
`mkdocs build`), and each refusal becomes a problem at the setting's line, in plain words. Validation only
loads things: no build event runs, so the MkDocs hook (scripts/site/mkdocs_hooks.py) is imported but never
called. `mkdocs build --strict` (and `strict: true`) also stops on MkDocs' warnings, so they are errors here.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig

from scripts.problems import Problem
from scripts.site.languages import languages
from scripts.site.settings import SettingPath, load_settings_text, setting_line
from scripts.site.yaml_text import yaml_error_message

TYPE_WORDS = {
    "bool": "true or false, without quotes",
    "str": "text",
    "int": "a whole number",
    "float": "a number",
    "dict": "a group of settings, each `name: value` on its own line, indented under it",
    "list": "a list, each item on its own line starting with `- `",
    "NoneType": "empty",
}
SAME_AS_MAIN = "write it as it is written on the main branch"


def mkdocs_settings_problems(root: Path) -> list[Problem]:
    """What MkDocs refuses in every language's settings file, with file, line and fix; [] when it builds. A
    translation's settings INHERIT the English ones: a mistake in the English file is reported once, there."""
    problems: set[Problem] = set()
    english: list[tuple[str, str]] = []
    for language in languages(root):
        if language.config.is_file():
            unreadable = _yaml_problems(language.config, root)
            if unreadable:
                problems.update(unreadable)
                continue
            _, refused = validated(language.config)
            problems.update(_located(language.config, root, [pair for pair in refused if pair not in english]))
            english = english or refused
    return sorted(problems)


def _chain(config_path: Path) -> list[Path]:
    """The settings file and the files it INHERITs, nearest first."""
    chain = [config_path]
    while len(chain) < 10:  # INHERIT chains are short; never loop forever on a file that inherits itself
        parent = _own_settings(chain[-1]).get("INHERIT")
        if not parent or not (chain[-1].parent / str(parent)).is_file():
            break
        chain.append(chain[-1].parent / str(parent))
    return chain


def _shown(file: Path, root: Path) -> str:
    return file.resolve().relative_to(root.resolve()).as_posix()


def _yaml_problems(config_path: Path, root: Path) -> list[Problem]:
    """A YAML mistake in the settings file or a file it INHERITs, at its line."""
    for file in _chain(config_path):
        try:
            load_settings_text(file.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            return [Problem(_shown(file, root), mark.line + 1 if mark else 0,
                            yaml_error_message(error, "the settings file"))]
    return []


@contextlib.contextmanager
def _quiet_mkdocs_log() -> Iterator[None]:
    """MkDocs and its plugins log while loading; the check reports problems its own way."""
    logger = logging.getLogger("mkdocs")
    handlers, propagate = logger.handlers[:], logger.propagate
    logger.handlers, logger.propagate = [logging.NullHandler()], False
    try:
        yield
    finally:
        logger.handlers, logger.propagate = handlers, propagate


def validated(config_path: Path) -> tuple[MkDocsConfig, list[tuple[str, str]]]:
    """The settings as MkDocs loaded them, and what it refused as (setting, MkDocs' words): its errors, then its
    warnings (a strict build stops on both)."""
    config = MkDocsConfig(config_file_path=str(config_path))
    for _, option in config._schema:  # MkDocs keeps an option's warnings on its one shared instance, and leaves
        option.reset_warnings()       # them there when validation fails: clear what an earlier file left
    with _quiet_mkdocs_log():
        try:
            with config_path.open("rb") as file:
                config.load_file(file)
            errors, warnings = config.validate()
        except Exception as error:  # noqa: BLE001 (whatever MkDocs raises, the check reports it without a traceback)
            return config, [("", str(error))]
    return config, [(key, str(error)) for key, error in errors] + [(key, str(warning)) for key, warning in warnings]




def _located(config_path: Path, root: Path, refused: list[tuple[str, str]]) -> list[Problem]:
    problems = []
    for key, said in refused:
        file, path = _where(config_path, key, said)
        line = setting_line(file, *path) if path else 0
        problems.append(Problem(_shown(file, root), line, plain_message(key, said, _value(file, path))))
    return problems


def _own_settings(file: Path) -> dict[str, Any]:
    try:
        return load_settings_text(file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return {}


def _where(config_path: Path, key: str, said: str) -> tuple[Path, SettingPath]:
    """The file of the INHERIT chain that writes the refused setting, and the setting's path in it: the nearest
    file where MkDocs' message points inside the setting, else the nearest that writes the setting at all."""
    if not key:
        inherit = re.match(r"Inherited config file '([^']*)' does not exist", said)
        return config_path, ("INHERIT",) if inherit else ()
    writing = [file for file in _chain(config_path) if key in _own_settings(file)] or [config_path]
    for file in writing:
        inside = _inside(key, said, _own_settings(file).get(key))
        if inside:
            return file, (key, *inside)
    return writing[0], (key,)


def _inside(key: str, said: str, value: Any) -> SettingPath:
    """Where, inside setting `key` (as written), MkDocs' message points."""
    if key == "plugins" and isinstance(value, list):
        named = re.match(r"""Plugin '([^']+)' option '([^']+)'|The "([^"]+)" plugin is not installed""", said)
        if named:
            name = named.group(1) or named.group(3)
            for index, entry in enumerate(value):
                written = entry if isinstance(entry, str) else next(iter(entry), "") if isinstance(entry, dict) else ""
                if written in (name, name.rsplit("/", 1)[-1]):  # Material's search is "material/search"
                    return (index, written, named.group(2)) if named.group(2) else (index,)
    if key == "markdown_extensions" and isinstance(value, list):
        named = re.match(r"Failed to load extension '([^']+)'", said)
        for index, entry in enumerate(value):
            written = entry if isinstance(entry, str) else next(iter(entry), "") if isinstance(entry, dict) else ""
            if named and written == named.group(1):
                return (index,)
    if key == "nav":
        return _bad_nav_item(value)
    if key == "theme" and isinstance(value, dict) and "name" in value:
        return ("name",)
    subs = tuple(re.findall(r"Sub-option '([^']+)'", said))
    return subs[-1:] if subs else ()


def _bad_nav_item(nav: Any, path: SettingPath = ()) -> SettingPath:
    """The first menu entry that is neither a page nor a `Title: page` (or `Title: [entries]`) pair."""
    if not isinstance(nav, list):
        return path
    for index, entry in enumerate(nav):
        if isinstance(entry, str):
            continue
        if isinstance(entry, dict) and len(entry) == 1:
            title, inner = next(iter(entry.items()))
            if isinstance(inner, str):
                continue
            if isinstance(inner, list):
                found = _bad_nav_item(inner, (*path, index, title))
                if found != (*path, index, title):
                    return found
                continue
        return (*path, index)
    return path


def _value(file: Path, path: SettingPath) -> Any:
    value: Any = _own_settings(file)
    for step in path:
        if isinstance(value, dict) and step in value or isinstance(value, list) and isinstance(step, int) \
                and step < len(value):
            value = value[step]
        else:
            return None
    return value


def _words(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'the text "{value}"'
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of settings"
    return "empty" if value is None else str(value)


def _type_fix(name: str, wanted: str, value: Any) -> str:
    if wanted == "bool":
        return f"write {name}: true or {name}: false, without quotes"
    return SAME_AS_MAIN


def plain_message(key: str, said: str, value: Any) -> str:
    """MkDocs' refusal of setting `key` (in its words, `said`) as what is wrong and how to fix it, in plain words,
    ending with MkDocs' own first line so a developer can match it to the build's output."""
    first = said.strip().split("\n")[0]
    last = said.strip().split("\n")[-1].strip()
    own_words = f" (the build says: {first.rstrip('.')})"
    name = key
    plugin = re.match(r"Plugin '([^']+)' option '([^']+)': (.*)", first)
    if plugin:
        name, first = plugin.group(2), plugin.group(3)
        where = f"the setting '{name}' of the plugin '{plugin.group(1).rsplit('/', 1)[-1]}' (under plugins:)"
    else:
        subs = re.findall(r"Sub-option '([^']+)'", first)
        name = subs[-1] if subs else key
        first = re.sub(r"^(Sub-option '[^']+': )+", "", first)
        where = f"the setting '{name}'" + (f" (under {key}:)" if subs else "")
    if not key and said.startswith("Inherited config file"):
        return ("INHERIT: names a settings file that does not exist: write INHERIT: mkdocs.yml (the English "
                "settings, which every translation shares)")
    if not key:
        return (f"MkDocs cannot read this settings file ({last.rstrip('.')}): {SAME_AS_MAIN}, and check the "
                "indentation, dashes, colons and quotes")
    if key == "site_url" and isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value):
        return (f"site_url (the site's web address) is a list here, not one address: a web editor probably removed "
                f"the !ENV in front of the brackets. Write the line as site_url: !ENV [{value[0]}, \"{value[1]}\"]"
                + own_words)
    if key == "nav":
        return ("each entry of the menu (nav:) is a page's file name, such as - aftercare.md, or a title and a "
                f"page, such as - Aftercare: aftercare.md; {_words(value)} is neither: write the file name of a page "
                "in docs/, or remove the line" + own_words)
    if key == "theme" and first.startswith("No theme name set"):
        return "theme: has no name: put back name: material as the first line under theme:" + own_words
    if key == "theme" and first.startswith("Unrecognised theme name"):
        return "theme: names a theme that is not installed: write name: material under theme:" + own_words
    typed = re.match(r"Expected type: <class '(\w+)'> but received: <class '(\w+)'>", first)
    if typed:
        got = _words(value) if value is not None and type(value).__name__ == typed.group(2) else \
            TYPE_WORDS.get(typed.group(2), typed.group(2))
        return (f"{where} must be {TYPE_WORDS.get(typed.group(1), typed.group(1))}, not {got}: "
                f"{_type_fix(name, typed.group(1), value)}" + own_words)
    string = re.match(r"Expected a string, got <class '(\w+)'>", first)
    if string:
        return (f"{where} must be one piece of text, not {TYPE_WORDS.get(string.group(1), string.group(1))}: "
                f"{SAME_AS_MAIN}" + own_words)
    choice = re.match(r"Expected one of \[(.*)\], got (.*)", first)
    if choice:
        return (f"{where} must be one of {choice.group(1).replace(chr(39), '')}, not {choice.group(2)}: write one "
                "of them" + own_words)
    unknown = re.match(r"Unrecognised configuration name: (.*)", first)
    if unknown:
        return (f"'{unknown.group(1)}' is not a setting the site knows: check its spelling and indentation against "
                "the main branch, or remove it" + own_words)
    missing_plugin = re.match(r'The "([^"]+)" plugin is not installed', first)
    if missing_plugin:
        return (f"the plugin '{missing_plugin.group(1)}' under plugins: is not installed: check its spelling "
                "against the main branch, or remove it" + own_words)
    extension = re.match(r"Failed to load extension '([^']+)'", first)
    if extension:
        return (f"the Markdown extension '{extension.group(1)}' under markdown_extensions: cannot be loaded "
                f"({last.rstrip('.')}): check its name and its options against the main branch" + own_words)
    return (f"the build refuses {where}: compare it with the same setting on the main branch and put back its "
            "shape (indentation, dashes, quotes)" + own_words)
