"""On paper a link cannot be followed: give each link to one of our own pages its full address, which the
print stylesheet shows after the link's text (links to other sites already show their absolute `href`)."""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

# Links written in Markdown: `<a href="…">`, or `<a class="…" href="…">` when the link has attributes of its own
# (`{ .next-step }`), relative (no scheme), and not just a #fragment on this page.
RELATIVE_LINK = re.compile(r'<a\b[^>]*?\shref="(?P<href>(?![a-zA-Z][a-zA-Z0-9+.-]*:|#)[^"]*)"')


def with_print_addresses(content: str, page_url: str) -> str:
    """The page's HTML with `data-print-address="<absolute URL>"` on each relative link."""
    if not page_url:
        return content

    def add(match: re.Match[str]) -> str:
        absolute = urljoin(page_url, html.unescape(match.group("href")))
        return f'{match.group(0)} data-print-address="{html.escape(absolute)}"'

    return RELATIVE_LINK.sub(add, content)
