"""The site's settings file (mkdocs.yml) read without MkDocs: its values, and the line of each setting.

Line numbers come from the YAML parser's own marks, so a message about `extra: clinic: name:` points at that
line even when `theme: name:` comes first in the file.
"""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path
from typing import Any

import yaml

SettingPath = tuple[str | int, ...]


class _SettingsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: tags such as !ENV and !!python/name become their plain value, and dates
    stay text, so an impossible date (2026-11-31) is reported by its setting instead of stopping the parse."""


_SettingsLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    return None


_SettingsLoader.add_multi_constructor("!", _any_tag)
_SettingsLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def _merged(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """MkDocs' INHERIT rule: mappings merge key by key, anything else in the child replaces the parent's."""
    merged = dict(parent)
    for key, value in child.items():
        merged[key] = _merged(parent[key], value) if isinstance(value, dict) and isinstance(parent.get(key), dict) \
            else value
    return merged


@functools.lru_cache(maxsize=16)
def _parsed(text: str) -> Any:
    return yaml.load(text, Loader=_SettingsLoader)  # noqa: S506 (a SafeLoader)


def load_settings(config_path: Path) -> dict[str, Any]:
    """A settings file (mkdocs.yml, or a translation's mkdocs.es.yml with the settings it INHERITs) as a dict;
    raises yaml.YAMLError on a syntax error.

    The build reads the settings for every page (Python-Markdown's extensions are set up per page), so a file's
    parse is remembered by its text: otherwise a site's build time would grow with the square of its pages."""
    settings = own_settings(config_path)
    parent = settings.pop("INHERIT", None)
    if parent:
        settings = _merged(load_settings(config_path.parent / str(parent)), settings)
    return settings


def own_settings(config_path: Path) -> dict[str, Any]:
    """A settings file's own settings, without those it INHERITs (what a translation says for itself)."""
    settings = copy.deepcopy(_parsed(config_path.read_text(encoding="utf-8")))
    return settings if isinstance(settings, dict) else {}


def extra_settings(config_path: Path) -> dict[str, Any]:
    """The `extra:` settings, or {} if the file is missing or cannot be read."""
    try:
        extra = load_settings(config_path).get("extra")
    except (OSError, yaml.YAMLError):
        return {}
    return extra if isinstance(extra, dict) else {}


def redirect_maps(settings: dict[str, Any]) -> dict[str, str]:
    """The redirects plugin's `redirect_maps` (old page -> new page), {} without the plugin."""
    for plugin in settings.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("redirects"), dict):
            return dict((plugin["redirects"] or {}).get("redirect_maps") or {})
    return {}


def nav_pages(nav: Any) -> list[str]:
    """Every Markdown page named in `nav`, in order (sections and titled entries included)."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, list):
        return [page for entry in nav for page in nav_pages(entry)]
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in nav_pages(value)]
    return []


def _walk(node: yaml.Node, path: SettingPath, lines: dict[SettingPath, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                lines.setdefault((*path, key.value), key.start_mark.line + 1)
                _walk(value, (*path, key.value), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines.setdefault((*path, index), item.start_mark.line + 1)
            _walk(item, (*path, index), lines)


def setting_lines(config_path: Path) -> dict[SettingPath, int]:
    """The line of every setting, by its path: ("extra", "clinic", "name") or ("extra", "promotions", 0)."""
    try:
        return dict(_lines_of(config_path.read_text(encoding="utf-8")))
    except OSError:
        return {}


@functools.lru_cache(maxsize=32)
def _lines_of(text: str) -> dict[SettingPath, int]:
    """Worked out once per text: every message about a settings file asks for a line."""
    try:
        root = yaml.compose(text, Loader=_SettingsLoader)  # noqa: S506
    except yaml.YAMLError:
        return {}
    lines: dict[SettingPath, int] = {}
    if root is not None:
        _walk(root, (), lines)
    return lines


def setting_line(config_path: Path, *path: str | int) -> int:
    """The line of one setting, or of the nearest setting above it that exists (0 if none does)."""
    lines = setting_lines(config_path)
    while path and path not in lines:
        path = path[:-1]
    return lines.get(path, 0)


def _node_at(root: yaml.Node, path: SettingPath) -> tuple[yaml.Node | None, yaml.Node | None]:
    """(the node at `path`, its parent mapping), each None where the path ends early."""
    node, parent = root, None
    for step in path:
        parent = node
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            node = next((value for key, value in node.value if key.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            node = None
        if node is None:
            return None, parent
    return node, parent


def with_settings(text: str, changes: dict[SettingPath, Any]) -> str:
    """The settings file's text with some values replaced (or added to their mapping), everything else kept
    as written: comments, order and tags such as !ENV. Values are written as JSON, which YAML reads."""
    for path, value in changes.items():
        root = yaml.compose(text, Loader=_SettingsLoader)  # noqa: S506
        node, parent = _node_at(root, path)
        written = json.dumps(value, ensure_ascii=False)
        if node is not None:
            start, end = node.start_mark.index, node.end_mark.index
            # A block list or mapping ends where the next setting starts: keep the blank lines and comments
            # between them.
            kept = text[start:end].split("\n")
            while len(kept) > 1 and (not kept[-1].strip() or kept[-1].lstrip().startswith("#")):
                kept.pop()
            end = start + len("\n".join(kept).rstrip())
            if isinstance(node, yaml.ScalarNode) and start == end:  # an empty value, right after "key:"
                written = " " + written
            text = text[:start] + written + text[end:]
        elif isinstance(parent, yaml.MappingNode) and parent.value and len(path) > 1:
            column = parent.value[0][0].start_mark.column
            # After the last value's last line: a block value ends where the next setting starts, so without this
            # the new key would land after the comments between them, under the next setting.
            last = text[:parent.value[-1][1].end_mark.index].split("\n")
            while len(last) > 1 and (not last[-1].strip() or last[-1].lstrip().startswith("#")):
                last.pop()
            line_end = text.find("\n", len("\n".join(last)))
            line_end = len(text) if line_end < 0 else line_end
            text = text[:line_end] + f"\n{' ' * column}{path[-1]}: {written}" + text[line_end:]
        else:
            raise KeyError(f"no setting {'.'.join(map(str, path[:-1]))} to add {path[-1]} to")
    return text


def is_flow_style(text: str, path: SettingPath) -> bool:
    """Whether the setting at `path` is written in YAML's flow style (`[a, b]`, `{a: b}`), not one item a line."""
    node, _ = _node_at(yaml.compose(text, Loader=_SettingsLoader), path)  # noqa: S506
    return bool(getattr(node, "flow_style", False))


def with_list_item(text: str, path: SettingPath, item: str) -> str:
    """The settings file's text with `item` added at the end of the list at `path`, as one more line in the
    list's own style (`- item`), everything else kept as written."""
    node, _ = _node_at(yaml.compose(text, Loader=_SettingsLoader), path)  # noqa: S506
    if not isinstance(node, yaml.SequenceNode) or node.flow_style or not node.value:
        current = load_settings_text(text)
        for step in path:
            current = current[step]
        return with_settings(text, {path: [*current, item]})
    last = node.value[-1]
    dash_column = text.rfind("-", 0, last.start_mark.index) - text.rfind("\n", 0, last.start_mark.index) - 1
    line_end = text.find("\n", last.end_mark.index if last.end_mark.index > last.start_mark.index
                         else last.start_mark.index)
    line_end = len(text) if line_end < 0 else line_end
    return text[:line_end] + f"\n{' ' * dash_column}- {item}" + text[line_end:]


def with_lines_after(text: str, path: SettingPath, lines: list[str]) -> str:
    """The settings file's text with `lines` (indented as they should be) added right after the setting at `path`
    (a mapping key or a list item, with everything under it), before the comments and blank lines that follow it:
    how a block such as a new treatment or a menu section is added in the file's own style, everything else kept."""
    node, _ = _node_at(yaml.compose(text, Loader=_SettingsLoader), path)  # noqa: S506
    if node is None:
        raise KeyError(f"no setting {'.'.join(map(str, path))} to add lines after")
    kept = text[node.start_mark.index:node.end_mark.index].split("\n")
    while len(kept) > 1 and (not kept[-1].strip() or kept[-1].lstrip().startswith("#")):
        kept.pop()
    end = node.start_mark.index + len("\n".join(kept).rstrip())
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return text[:line_end] + "".join(f"\n{line}" for line in lines) + text[line_end:]


def setting_column(text: str, path: SettingPath) -> int:
    """The column a setting starts at: a key's, or a list item's dash."""
    node, parent = _node_at(yaml.compose(text, Loader=_SettingsLoader), path)  # noqa: S506
    if node is None:
        raise KeyError(f"no setting {'.'.join(map(str, path))}")
    if isinstance(parent, yaml.MappingNode):
        return next(key.start_mark.column for key, value in parent.value if value is node)
    return node.start_mark.column - 2 if text[node.start_mark.index - 2] == "-" else node.start_mark.column


def load_settings_text(text: str) -> dict[str, Any]:
    """Settings from their text (see load_settings)."""
    settings = yaml.load(text, Loader=_SettingsLoader)  # noqa: S506
    return settings if isinstance(settings, dict) else {}
