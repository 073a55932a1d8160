"""Markdown rendered the way the site renders it: with the extensions, and their settings, that mkdocs.yml
lists under `markdown_extensions` (never a copy of that list), so the content check and the reading grade
read the same HTML as patients."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import markdown

from scripts.site.settings import load_settings

PLACEHOLDERS = "scripts.site.placeholders"


def _module_path(name: str) -> str:
    """Python-Markdown's own extensions by their module path: a short name such as "toc" makes it scan every
    installed package's entry points, which is slow."""
    return name if "." in name else f"markdown.extensions.{name}"


def markdown_extensions(config_path: Path) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The extensions (module paths) and their settings, as listed in mkdocs.yml, without our placeholder
    extension (callers fill in the clinic's details their own way)."""
    names, configs = [], {}
    for entry in load_settings(config_path).get("markdown_extensions") or []:
        name, config = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name == PLACEHOLDERS:
            continue
        names.append(_module_path(name))
        if config:
            configs[_module_path(name)] = config
    return names, configs


@functools.cache
def site_markdown(config_path: Path) -> markdown.Markdown:
    """A Markdown converter with the site's extensions (reset it before each page)."""
    names, configs = markdown_extensions(config_path)
    return markdown.Markdown(extensions=names, extension_configs=configs)
