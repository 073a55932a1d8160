"""Raw HTML in pages: nothing that runs code, embeds third parties or styles inline."""

from __future__ import annotations

import re

from scripts.problems import Problem
from scripts.site.page import Page, line_of, mask_code

TAG = re.compile(r"<([A-Za-z][\w-]*)\b([^<>]*)>")
BANNED = {
    "script": "pages may not run scripts",
    "iframe": "embedded pages add third-party requests and trackers; link to the page instead",
    "object": "embedded content adds third-party requests; link to it instead",
    "embed": "embedded content adds third-party requests; link to it instead",
    "style": "styles live in docs/assets/css/site.css",
    "form": "forms send patients' data to a third party; link to the booking page instead",
}
HANDLER = re.compile(r"""\s(on[a-z]+)\s*=""", re.IGNORECASE)
STYLE = re.compile(r"""\sstyle\s*=""", re.IGNORECASE)
REMOTE_SRC = re.compile(r"""\ssrc\s*=\s*["']?(?:https?:)?//""", re.IGNORECASE)


def check_html(page: Page) -> list[Problem]:
    body, problems = mask_code(page.body), []
    for match in TAG.finditer(body):
        name, attributes, line = match.group(1).lower(), match.group(2), line_of(body, match.start())
        if name in BANNED:
            problems.append(Problem(page.path, line, f"remove the <{name}>: {BANNED[name]}"))
        for handler in HANDLER.findall(attributes):
            problems.append(Problem(page.path, line, f"remove the {handler.lower()}= attribute from <{name}>: "
                                                     "pages may not run scripts"))
        if STYLE.search(attributes):
            problems.append(Problem(page.path, line, f"remove the style= attribute from <{name}>: styles live "
                                                     "in docs/assets/css/site.css"))
        if name == "img" and REMOTE_SRC.search(attributes):
            problems.append(Problem(page.path, line, "remote image: save it under docs/assets/images/ and use "
                                                     "that file (a remote image tells a third party who reads "
                                                     "the page)"))
    return problems
