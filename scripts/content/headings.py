"""Headings: no H1 in the body (the title is the page's heading) and no skipped levels."""

from __future__ import annotations

import re

from scripts.problems import Problem
from scripts.site.page import Page, line_of, mask_code

HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
SETEXT_H1 = re.compile(r"^(\S.*)\n=+[ \t]*$", re.MULTILINE)
ATTRS = re.compile(r"\s*\{[^}]*\}\s*$")


def headings(page: Page) -> list[tuple[int, int, str]]:
    """(line, level, text) for each heading in the body, outside code."""
    body = mask_code(page.body)
    found = [(line_of(body, m.start()), len(m.group(1)), ATTRS.sub("", m.group(2))) for m in HEADING.finditer(body)]
    found += [(line_of(body, m.start()), 1, m.group(1).strip()) for m in SETEXT_H1.finditer(body)]
    return sorted(found)


def check_headings(page: Page) -> list[Problem]:
    problems, previous = [], 1  # the title is the level-1 heading
    for line, level, text in headings(page):
        if level == 1:
            problems.append(Problem(page.path, line, f"remove the level-1 heading '# {text}': the title is shown "
                                                     "as the page's heading; start sections with '## '"))
        elif level > previous + 1:
            problems.append(Problem(page.path, line, f"heading '{text}' is level {level} right after level "
                                                     f"{previous}: use '{'#' * (previous + 1)} ' so no level "
                                                     "is skipped"))
        previous = level
    return problems
