"""Smaller first visits: our stylesheet and script without their comments, and pages without the blank
lines and indentation between tags, as written into the built site. The sources keep every comment.

Only whitespace that the browser ignores is removed (a run of spaces and line breaks between two tags
becomes one line break), never inside <pre>, <textarea> or <script>; inline scripts are left exactly as
they are, so the Content-Security-Policy hashes (computed after this) still match.
"""

from __future__ import annotations

import re
from pathlib import Path

from scripts.built_site import html_files

# A /* ... */ comment. Our CSS and JS put none inside strings or regular expressions (tests/test_slim_assets.py).
BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.S)
BLANK_LINES = re.compile(r"\n\s*\n+")
BETWEEN_TAGS = re.compile(r">[ \t\r\n]*\n[ \t\r\n]*<")
KEEP_AS_IS = re.compile(r"<(pre|textarea|script)\b.*?</\1>", re.S | re.I)
ASSETS = ("assets/css/site.css", "assets/js/site.js")


def without_comments(text: str) -> str:
    """CSS or JavaScript without /* */ comments, blank lines or trailing spaces."""
    stripped = BLOCK_COMMENT.sub("", text)
    lines = [line.rstrip() for line in stripped.splitlines()]
    return BLANK_LINES.sub("\n", "\n".join(line for line in lines if line.strip())) + "\n"


def without_indentation(html: str) -> str:
    """HTML with each run of whitespace between two tags that spans a line break reduced to one line break."""
    kept: list[str] = []

    def hold(match: re.Match[str]) -> str:
        kept.append(match.group(0))
        return f"\0{len(kept) - 1}\0"

    slim = BETWEEN_TAGS.sub(">\n<", KEEP_AS_IS.sub(hold, html))
    return re.sub(r"\0(\d+)\0", lambda match: kept[int(match.group(1))], slim)


def slim_site(site: Path) -> None:
    """Rewrite the built site's own stylesheet, script and HTML pages in place."""
    for asset in [path for name in ASSETS for path in (site / name, *site.glob(f"*/{name}"))]:  # each language's copy
        if asset.is_file():
            asset.write_text(without_comments(asset.read_text(encoding="utf-8")), encoding="utf-8")
    for page in html_files(site):
        text = page.read_text(encoding="utf-8")
        slim = without_indentation(text)
        if slim != text:
            page.write_text(slim, encoding="utf-8")
