"""Security headers for static hosts, computed from the built site: `_headers` (Netlify, Cloudflare Pages),
an nginx include, and the same Content-Security-Policy as a <meta> tag in every page (for GitHub Pages).

Material's few inline scripts are allowed by their sha256 hashes, taken from the built HTML after every
build, so no page needs 'unsafe-inline'.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from scripts.built_site import html_files

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
DATA_TYPES = ("application/json", "application/ld+json")
META_ANCHOR = '<meta charset="utf-8">'

OTHER_HEADERS = {
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), "
                          "browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def inline_script_hashes(site: Path) -> list[str]:
    """CSP source expressions for every executable inline script in the built site, sorted and unique."""
    hashes = set()
    for page in html_files(site):
        for match in INLINE_SCRIPT.finditer(page.read_text(encoding="utf-8")):
            attrs = match.group("attrs")
            if "src=" in attrs or any(kind in attrs for kind in DATA_TYPES):
                continue
            digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
            hashes.add("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return sorted(hashes)


def content_security_policy(script_hashes: list[str], for_meta: bool = False) -> str:
    """The policy; a <meta> tag cannot carry frame-ancestors, so it is left out there."""
    directives = [
        "default-src 'none'",
        "script-src 'self' " + " ".join(script_hashes),
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    if not for_meta:
        directives.append("frame-ancestors 'none'")
    return "; ".join(directive.strip() for directive in directives)


def all_headers(script_hashes: list[str]) -> dict[str, str]:
    return {"Content-Security-Policy": content_security_policy(script_hashes), **OTHER_HEADERS}


def headers_file(headers: dict[str, str]) -> str:
    """Netlify / Cloudflare Pages `_headers`: every path gets every header."""
    return "/*\n" + "".join(f"  {name}: {value}\n" for name, value in headers.items())


def nginx_include(headers: dict[str, str]) -> str:
    """`add_header` lines for an nginx server block (`include .../security-headers.conf;`)."""
    return "".join(f'add_header {name} "{value}" always;\n' for name, value in headers.items())


def add_meta_policy(site: Path, policy: str) -> None:
    """Put the policy in a <meta> at the top of every page's head, before any script can run."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    for page in html_files(site):
        text = page.read_text(encoding="utf-8")
        if 'http-equiv="Content-Security-Policy"' in text:
            continue
        if META_ANCHOR in text:
            text = text.replace(META_ANCHOR, META_ANCHOR + "\n    " + tag, 1)
        else:  # redirect stubs have no charset meta: put it first in the head
            text = re.sub(r"<head>", "<head>\n" + tag, text, count=1, flags=re.I)
        page.write_text(text, encoding="utf-8")


def write_security_files(site: Path, noindex: bool = False) -> dict[str, str]:
    """Compute the hashes from the built site, write `_headers` and `nginx/security-headers.conf`, and add the
    meta policy to every page. Returns the headers. `noindex` (a preview) also tells search engines to keep out."""
    hashes = inline_script_hashes(site)
    headers = all_headers(hashes) | ({"X-Robots-Tag": "noindex, nofollow"} if noindex else {})
    (site / "_headers").write_text(headers_file(headers), encoding="utf-8")
    (site / "nginx").mkdir(exist_ok=True)
    (site / "nginx" / "security-headers.conf").write_text(nginx_include(headers), encoding="utf-8")
    add_meta_policy(site, content_security_policy(hashes, for_meta=True))
    return headers


def parse_headers_file(text: str) -> dict[str, str]:
    """The headers of a `_headers` file's `/*` block (used to serve the site in tests exactly as a host would)."""
    headers = {}
    for line in text.splitlines()[1:]:
        name, _, value = line.strip().partition(": ")
        if name:
            headers[name] = value
    return headers
