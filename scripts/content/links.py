"""Links: pages and #anchors that exist, secure external links that are in the sources list, well-formed
tel: and mailto: links, and no tracking parameters."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlparse

from scripts.problems import Problem
from scripts.site.clinic import EMAIL_PATTERN, parse_phone
from scripts.site.page import URL, Page, blank, line_of, mask_code

INLINE = re.compile(r"(?<!!)\[[^\]\n]*\]\(\s*<?(?P<target>[^)\s>]+)>?(?:\s+[\"'][^\"'\n]*[\"'])?\s*\)")
REFERENCE = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*<?(?P<target>\S+?)>?(?:\s|$)", re.MULTILINE)
HREF = re.compile(r"""<a\b[^<>]*?\shref\s*=\s*["'](?P<target>[^"']+)["']""", re.IGNORECASE)
EMBEDDED = re.compile(r"""!\[[^\]\n]*\]\([^)\n]*\)|\ssrc\s*=\s*["'][^"']*["']""", re.IGNORECASE)
TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|_ga|_gl|igshid|"
                      r"yclid|twclid|ttclid|li_fat_id|mkt_tok|_hsenc|_hsmi|vero_id|oly_anon_id|oly_enc_id)$",
                      re.IGNORECASE)


@dataclass(frozen=True)
class Site:
    """What links are checked against: the pages' anchors, the cited URLs and the clinic's own URLs."""

    docs: Path
    anchors: dict[str, set[str]]  # page path inside docs/ (e.g. aftercare.md) -> its ids
    source_urls: frozenset[str]
    own_urls: frozenset[str]  # the clinic's booking and map addresses


def _normal(url: str) -> str:
    return url.rstrip("/")


def links(page: Page) -> list[tuple[int, str]]:
    """(line, target) of every link in the body (Markdown, reference and <a href>), outside code."""
    body = mask_code(page.body)
    found = {(line_of(body, m.start("target")), m.group("target")) for pattern in (INLINE, REFERENCE, HREF)
             for m in pattern.finditer(body)}
    return sorted(found)


def check_links(page: Page, site: Site) -> list[Problem]:
    problems = [problem for line, target in links(page) if "{{" not in target
                for problem in _target_problems(page, line, target, site)]
    # Every web address, also bare ones, must be secure, untracked and cited; images and embedded files are
    # left to the image and HTML checks.
    body = EMBEDDED.sub(blank, mask_code(page.body))
    for match in URL.finditer(body):
        url, line = match.group(0).rstrip(".,;:!?"), line_of(body, match.start())
        problems += _url_problems(page.path, line, url, site)
    return problems


def _target_problems(page: Page, line: int, target: str, site: Site) -> list[Problem]:
    parts, path = urlparse(target), page.path
    if parts.scheme == "tel":
        number = unquote(parts.path)
        if parse_phone(number) is None or not re.fullmatch(r"\+?[\d\-.() ]+", number):
            return [Problem(path, line, f"phone link '{target}' is not a valid phone number: write tel:+1 and the "
                                        "10 digits, e.g. tel:+17145550142, or use {{ clinic.phone_tel }}")]
        return []
    if parts.scheme == "mailto":
        address = unquote(parts.path)
        if not EMAIL_PATTERN.match(address):
            return [Problem(path, line, f"email link '{target}' is not an email address: write it as "
                                        "mailto:name@example.com")]
        return []
    if parts.scheme or target.startswith("//"):
        return []  # web addresses: see _url_problems
    if target.startswith("/"):
        return [Problem(path, line, f"link '{target}' starts with /: link to the page's file instead, e.g. "
                                    "aftercare.md or aftercare.md#when-to-get-help")]
    own_key = page.path.removeprefix("docs/")
    here = posixpath.dirname(own_key)
    file_part = unquote(parts.path)
    if not file_part:
        return _anchor_problems(path, line, target, own_key, parts.fragment, site)
    resolved = posixpath.normpath(posixpath.join(here, file_part))
    if file_part.endswith(".md"):
        if resolved not in site.anchors:
            return [Problem(path, line, f"link to '{file_part}', a page that does not exist: check the file name "
                                        "in docs/ (e.g. aftercare.md)")]
        return _anchor_problems(path, line, target, resolved, parts.fragment, site)
    if not (site.docs / resolved).is_file():
        suggestion = f" (did you mean {resolved.rstrip('/')}.md?)" if resolved.rstrip("/") + ".md" in site.anchors \
            else ""
        return [Problem(path, line, f"link to '{file_part}', which is not a file in docs/: link to the page's "
                                    f"Markdown file{suggestion}")]
    return []


def _anchor_problems(path: str, line: int, target: str, page_key: str, fragment: str, site: Site) -> list[Problem]:
    if fragment and fragment not in site.anchors.get(page_key, set()):
        known = ", ".join(sorted(site.anchors.get(page_key, set())))
        where = f"the sections of {page_key} are {known}" if known else f"{page_key} has no sections to link to"
        return [Problem(path, line, f"link '{target}' points to a section that does not exist: {where}")]
    return []


def _url_problems(path: str, line: int, url: str, site: Site) -> list[Problem]:
    parts = urlparse(url)
    if parts.scheme in ("tel", "mailto"):
        return []
    problems = []
    if parts.scheme == "http":
        problems.append(Problem(path, line, f"link '{url}' is not secure: use https:// instead of http://"))
    tracking = [key for key, _ in parse_qsl(parts.query, keep_blank_values=True) if TRACKING.match(key)]
    if tracking:
        problems.append(Problem(path, line, f"link '{url}' has tracking parameters ({', '.join(tracking)}): "
                                            "remove them so readers are not tracked"))
    own = any(_normal(url).startswith(_normal(mine)) for mine in site.own_urls if mine)
    secure = "https://" + url[len("http://"):] if parts.scheme == "http" else url
    if not own and not tracking and _normal(secure) not in site.source_urls:
        problems.append(Problem(path, line, f"link '{url}' is not in data/sources.yml: cite only listed sources "
                                            "(add the source's full citation there first)"))
    return problems
