"""Markdown includes (docs/_includes/**/*.md): text that several pages share, checked as part of each page that
includes it, as patients read it there. Its claims in the page's language, its spelling, placeholders, links
(relative to the page, as MkDocs resolves them), headings and reading level are the page's; a problem in it is
reported at its own file and line, naming the page. The HTML includes (the illustrations) are checked on their own
(check.py, `check_includes`)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from scripts.problems import Problem, Severity
from scripts.site.includes import INCLUDES, MARKDOWN, FileReader, Line, included_names, inlined_lines
from scripts.site.page import Page

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
