"""Files that pages include with pymdownx.snippets: a line `--8<-- "name"` (base_path docs/_includes in mkdocs.yml)
stands for the file's text. HTML includes are the illustrations; Markdown includes (`.md`) are text that several
pages share, such as the aftercare rules that the aftercare page and its printable sheet both show.

The inlining here is the one snippets does, so that what the version id, the review packets and the content check
read is what patients see: each line of the file in place of the include line, every line indented as the include
line is (an include inside an admonition stays inside it), and the file's last newline kept as an empty line.

A Markdown include is checked as part of each page that includes it, as patients read it there (its claims in the
page's language, its spelling, placeholders, links relative to the page, headings, reading level): `whole_page`
inlines it, and `in_their_files` reports each problem at the file and line it was written on, naming the page. The
HTML includes are checked on their own (scripts/content/check.py, `check_includes`)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from scripts.problems import Problem, Severity
from scripts.site.page import Page

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


# Any snippets marker line: the one-line form above, its block form (a line of --8<-- alone), or a name with a line
# or section selector ("file.md:1:2", "file.md:section").
SNIPPET_MARK = re.compile(r"^[ \t]*;?-{1,}8<-{1,}")


def include_problems(text: str, read: FileReader) -> list[tuple[int, str]]:
    """(line, message) for each include the version id, the packets and the check could not follow: only a whole
    file named on one line is read by all of them, so any other form could change text patients read unseen."""
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
        if not SNIPPET_MARK.match(line):
            continue
        match = INCLUDE.fullmatch(line)
        name = match.group(2).strip() if match else ""
        if not match or ":" in name:
            problems.append((number, "include the whole file on one line, as --8<-- \"folder/file.md\" (no block "
                                     "form, no line or section selector): shared text is signed off as a whole file"))
        elif read(include_path(name)) is None:
            problems.append((number, f"there is no {include_path(name)} to include: check the file's name"))
    return problems


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


# --- checking a page with the text it includes (the content check, and the build's own refusals) -------------

LINE_REFERENCE = re.compile(r"\bline (\d+)\b")


def whole_page(page: Page, read: FileReader) -> tuple[Page, list[Line]]:
    """The page with its Markdown includes inlined (front matter untouched), and where each of its lines comes
    from."""
    lines = page.text.split("\n")
    head = [Line(text, page.path, number) for number, text in enumerate(lines[:page.front_matter_end], 1)]
    body = inlined_lines("\n".join(lines[page.front_matter_end:]), read, page.path, markdown_only=True,
                         first_line=page.front_matter_end + 1)
    origins = head + body
    return dataclasses.replace(page, text="\n".join(line.text for line in origins)), origins


def in_their_files(problems: list[Problem], page: str, origins: list[Line]) -> list[Problem]:
    """The problems found in a whole page (`whole_page`), each at the file and line its text was written on; one in
    an included file says which page it was found on, since the same file may read differently on another."""
    if all(origin.path == page and origin.number == index for index, origin in enumerate(origins, 1)):
        return problems  # nothing was inlined

    def where(number: int) -> Line | None:
        return origins[number - 1] if 0 < number <= len(origins) else None

    found = []
    for problem in problems:
        origin = where(problem.line) if problem.path == page else None
        if origin is None:
            found.append(problem)
            continue

        def reference(match: re.Match[str], here: str = origin.path) -> str:
            other = where(int(match.group(1)))
            if other is None:
                return match.group(0)
            return f"line {other.number}" + ("" if other.path == here else f" of {other.path}")

        message = LINE_REFERENCE.sub(reference, problem.message)
        if origin.path != page:
            message += f" (on {page}, which includes this file)"
        found.append(Problem(origin.path, origin.number, message, problem.severity))
    return found


def unused_includes(root: Path, bodies: list[str], read: FileReader) -> list[Problem]:
    """A warning for each Markdown include that no page (of these `bodies`) includes: nobody reads it, and the check
    would not either."""
    used = {name for body in bodies for name in included_names(body, read)}
    folder = root / INCLUDES
    problems = []
    for file in sorted(folder.rglob(f"*{MARKDOWN}")):
        name = file.relative_to(folder).as_posix()
        if name not in used:
            problems.append(Problem(file.relative_to(root).as_posix(), 0, "no page includes this file, so patients "
                                    "never see it and the content check does not read it: include it in a page with "
                                    f"a line --8<-- \"{name}\", or delete it", Severity.WARNING))
    return problems
