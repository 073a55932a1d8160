"""Material's stylesheet trimmed to the rules our pages can use: about 137 KB of rules for every feature of the
theme, of which our pages use a small part, and a patient pays for all of it before reading a word.

Rules whose selectors can match nothing that any page of any language holds, or that a script may add at run time,
go (`unused_rules`, `used_names`), then the custom properties nothing reads any more (`unused_properties`). The result
is written under a new content-hashed name (a browser that cached the old file under the old name keeps a copy that
fits the old pages) and every page points at it.

It works over the built folder only, like the rest of the post-build step, so it works after any engine. It runs
after `shared_assets` (one copy for every language, read against every language's pages) and before the security
headers.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from scripts.built_site import html_files
from scripts.release.unused_properties import NAMED, without_unused_properties
from scripts.release.unused_rules import trimmed_stylesheet
from scripts.release.used_names import UsedNames, used_names

STYLESHEETS = "assets/stylesheets/main.*.min.css"
HASHED_NAME = re.compile(r"^(?P<stem>main)\.[0-9a-f]+\.min\.css$")
OUR_STYLESHEETS = "assets/css/*.css"  # site.css and brand.css read Material's custom properties


@lru_cache(maxsize=4)
def _trimmed(css: str, names: UsedNames, named_elsewhere: frozenset[str]) -> str:
    """The same stylesheet and names give the same result: the tests finish many builds of the same site in one
    process, and trimming takes about half a second."""
    return without_unused_properties(trimmed_stylesheet(css, names), named_elsewhere)


def trim_site(site: Path) -> dict[str, str]:
    """Trim each of Material's main stylesheets in the built `site`, write it under a name with its own content
    hash, and point every page at it. Returns {old name: new name}."""
    names = used_names(site)
    # Where a custom property may be read or set besides Material's stylesheet: ours, the pages and the scripts.
    named_elsewhere = frozenset(NAMED.findall("\n".join(
        path.read_text(encoding="utf-8") for pattern in (OUR_STYLESHEETS, "**/*.js", "**/*.html")
        for path in sorted(site.glob(pattern)))))
    renamed: dict[str, str] = {}
    for sheet in sorted(site.rglob(STYLESHEETS)):
        match = HASHED_NAME.match(sheet.name)
        if not match:
            continue
        trimmed = _trimmed(sheet.read_text(encoding="utf-8"), names, named_elsewhere)
        digest = hashlib.sha256(trimmed.encode("utf-8")).hexdigest()[:8]
        new = sheet.with_name(f"{match.group('stem')}.{digest}.min.css")
        sheet.unlink()
        sheet.with_name(sheet.name + ".map").unlink(missing_ok=True)  # it maps the whole file, no longer shipped
        new.write_text(trimmed, encoding="utf-8")
        renamed[sheet.name] = new.name
    if renamed:
        pattern = re.compile("|".join(re.escape(old) for old in renamed))
        for page in html_files(site):
            html = page.read_text(encoding="utf-8")
            pointed = pattern.sub(lambda found: renamed[found.group(0)], html)
            if pointed != html:
                page.write_text(pointed, encoding="utf-8")
    return renamed
