"""Images: a description (alt text) or the decorative marker, a file that exists, at most 200 KB.

Mark an image that adds nothing for a reader as decorative by putting `{ .decorative }` right after it:
`![](assets/images/pattern.svg){ .decorative }` (it is then hidden from screen readers).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

from scripts.problems import Problem
from scripts.site.page import Page, line_of, mask_code

MAX_BYTES = 200 * 1024
MARKDOWN_IMAGE = re.compile(
    r"!\[(?P<alt>[^\]\n]*)\]\(\s*<?(?P<src>[^)\s>]+)>?(?:\s+[\"'][^\"'\n]*[\"'])?\s*\)(?P<attrs>\{[^}\n]*\})?"
)
HTML_IMAGE = re.compile(r"<img\b([^<>]*)>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
DECORATIVE = "decorative"


def images(page: Page) -> list[tuple[int, str, str, bool]]:
    """(line, alt text, src, decorative) for every image in the body, outside code."""
    body, found = mask_code(page.body), []
    for match in MARKDOWN_IMAGE.finditer(body):
        classes = re.findall(r"\.([\w-]+)", match.group("attrs") or "")
        found.append((line_of(body, match.start()), match.group("alt").strip(), match.group("src"),
                      DECORATIVE in classes))
    for match in HTML_IMAGE.finditer(body):
        attributes = {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
                      for m in ATTRIBUTE.finditer(match.group(1))}
        found.append((line_of(body, match.start()), attributes.get("alt", "").strip(), attributes.get("src", ""),
                      DECORATIVE in attributes.get("class", "").split()))
    return sorted(found)


def check_images(page: Page, docs: Path) -> list[Problem]:
    problems = []
    for line, alt, src, decorative in images(page):
        name = Path(urlparse(src).path).name or src
        if not alt and not decorative:
            problems.append(Problem(page.path, line, f"image '{name}' has no description (alt text): describe what "
                                                     "it shows between the [ ], or, if it is only decoration, "
                                                     "put { .decorative } right after it"))
        if "{{" in src:
            continue
        if urlparse(src).scheme or src.startswith("//"):
            if urlparse(src).scheme in ("http", "https", "") :
                problems.append(Problem(page.path, line, "remote image: save it under docs/assets/images/ and "
                                                         "use that file (a remote image tells a third party who "
                                                         "reads the page)"))
            continue
        target = (docs / unquote(urlparse(src).path.lstrip("/"))) if src.startswith("/") else \
            (page.file.parent / unquote(urlparse(src).path))
        if not target.is_file():
            problems.append(Problem(page.path, line, f"image '{src}' does not exist: check the file name (capitals "
                                                     "count) and that the file is in docs/assets/images/"))
        elif target.stat().st_size > MAX_BYTES:
            size = round(target.stat().st_size / 1024)
            problems.append(Problem(page.path, line, f"image '{name}' is {size} KB, over the 200 KB limit: "
                                                     "compress it, e.g. export it as WebP or make it smaller"))
    return problems
