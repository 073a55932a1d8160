"""Files that pages include with pymdownx.snippets: a line `--8<-- "name"` (base_path docs/_includes in mkdocs.yml)
stands for the file's text. HTML includes are the illustrations; Markdown includes (`.md`) are text that several
pages share, such as the aftercare rules that the aftercare page and its printable sheet both show.

The inlining here is the one snippets does, so that what the version id, the review packets and the content check
read is what patients see: each line of the file in place of the include line, every line indented as the include
line is (an include inside an admonition stays inside it), and the file's last newline kept as an empty line."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

INCLUDES = Path("docs/_includes")  # pymdownx.snippets' base_path (mkdocs.yml)
INCLUDE = re.compile(r"""^[ \t]*-{1,}8<-{1,}[ \t]+(["'])([^"'\n]+)\1[ \t]*$""", re.MULTILINE)
MARKDOWN = ".md"
TAB_LENGTH = 4  # Python-Markdown's, which snippets uses to expand an include line's indentation

# A project file's text by its path from the project's root (None when absent): the working tree, or a commit.
FileReader = Callable[[str], "str | None"]


class Line(NamedTuple):
    """A line of a text with its includes inlined, and where it comes from."""

    text: str
    path: str  # the file it was written in: the page's own path, or docs/_includes/…
    number: int  # its line in that file, from 1


def include_path(name: str) -> str:
    """The project path of an included file, from its name in the include line."""
    return (INCLUDES / name).as_posix()


def inlined_lines(text: str, read: FileReader, path: str = "", markdown_only: bool = False, first_line: int = 1,
                  seen: tuple[str, ...] = ()) -> list[Line]:
    """The lines of `text` (written in `path` from line `first_line`) with each include line replaced by its
    file's lines, at any depth. With `markdown_only`, only Markdown includes are inlined (the illustrations stay
    include lines). An include of a missing file, or of a file already being inlined, stays as it is."""
    lines = []
    for number, line in enumerate(text.split("\n"), first_line):
        match = INCLUDE.fullmatch(line)
        name = match.group(2).strip() if match else ""
        included = (read(include_path(name)) if match and name not in seen
                    and (not markdown_only or name.endswith(MARKDOWN)) else None)
        if included is None:
            lines.append(Line(line, path, number))
            continue
        indent = line[:len(line) - len(line.lstrip(" \t"))].expandtabs(TAB_LENGTH)
        lines += [Line(indent + inner.text, inner.path, inner.number)
                  for inner in inlined_lines(included, read, include_path(name), markdown_only, 1, (*seen, name))]
    return lines


def with_includes(body: str, read: FileReader) -> str:
    """The body with each `--8<-- "file"` line replaced by that file's text (and its own includes)."""
    return "\n".join(line.text for line in inlined_lines(body, read))


def included_names(body: str, read: FileReader) -> list[str]:
    """The name of every file the body includes, at any depth, in the order they first appear."""
    return list(dict.fromkeys(line.path.removeprefix(INCLUDES.as_posix() + "/")
                              for line in inlined_lines(body, read, "") if line.path))
