"""QR codes as inline SVG, made offline with segno, so a printed page leads back to its web address.

The SVG has no `style=` attribute and no script, so it passes the site's strict Content-Security-Policy.
"""

from __future__ import annotations

import segno
from markupsafe import Markup


def qr_svg(url: str, title: str = "QR code: scan to open this page") -> Markup:
    """An inline <svg> QR code for `url`, sized by CSS (no width or height of its own)."""
    if not url:
        return Markup("")
    # A fixed mask skips segno's trial of all eight (three quarters of the build time it took per page);
    # tests/test_print.py decodes every printed code.
    code = segno.make(url, micro=False, error="m", mask=0, boost_error=False)
    svg = code.svg_inline(scale=1, border=4, omitsize=True, svgclass="qr-code", lineclass="qr-code__modules",
                          title=title, dark="#000", light="#fff")
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))
