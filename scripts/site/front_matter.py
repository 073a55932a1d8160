"""A page's front matter: where it ends (MkDocs' own rule, so the check and the build always agree) and its
values (dates kept as text, so a bad date is reported by its key instead of crashing the parse)."""

from __future__ import annotations

import copy
import functools
from typing import Any

import yaml
from mkdocs.utils.meta import YAML_RE


class FrontMatterLoader(yaml.SafeLoader):
    """YAML that keeps dates as text."""


class FastFrontMatterLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same rules on libyaml's parser, about ten times faster (every page's front matter is read by every
    build); a page it refuses is read again by FrontMatterLoader, whose error messages the checks explain."""


FrontMatterLoader.yaml_implicit_resolvers = FastFrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def front_matter_end(text: str) -> int | None:
    """The line of the front matter's closing --- (or ...); 0 without front matter, None if a page starts
    with --- but MkDocs would not find the front matter's end."""
    match = YAML_RE.match(text)
    if match:
        return text.count("\n", 0, match.end())
    return None if text.split("\n", 1)[0].strip() == "---" else 0


def split_front_matter(text: str) -> tuple[str, str, int]:
    """(front matter's YAML, the page's body, the number of lines before the body)."""
    match = YAML_RE.match(text)
    if not match:
        return "", text, 0
    return match.group(1), text[match.end():], text.count("\n", 0, match.end())


@functools.lru_cache(maxsize=1024)
def _parsed(front_matter: str) -> Any:
    try:
        return yaml.load(front_matter, Loader=FastFrontMatterLoader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError:
        return yaml.load(front_matter, Loader=FrontMatterLoader)  # noqa: S506 (the same error, in its own words)


def parse_front_matter(front_matter: str) -> Any:
    """The values of a front matter's YAML text (anything YAML holds); raises yaml.YAMLError when it cannot be
    read. Remembered by their text: every page's build reads its translations' front matter."""
    return copy.deepcopy(_parsed(front_matter))


def load_front_matter(text: str) -> dict[str, Any]:
    """A page's front matter values ({} without front matter); raises yaml.YAMLError when it cannot be read."""
    values = parse_front_matter(split_front_matter(text)[0])
    return values if isinstance(values, dict) else {}
