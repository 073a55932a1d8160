"""Every style a page needs in one request: Material's trimmed stylesheet, `brand.css` and `site.css`, which each page
links one after the other, written into one file (in the same order, so the cascade is the same) that the page links
instead. Three requests before the first paint become one, and the one file compresses better than three.

The file is named by its content's hash (a changed colour or rule gets a new address, so no browser keeps an old
copy), and sits beside Material's stylesheet; our files stay where they were for whatever links them directly.
It works over the built folder only, like the rest of the post-build step, so it works after any engine. It runs
after `trim_styles` and `slim_assets` (it joins the files as shipped) and before the security headers.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

from scripts.built_site import html_files

# A stylesheet link as MkDocs and Material write it: rel first, then a relative or root-relative address.
LINK = re.compile(r'<link rel="stylesheet" href="(?P<href>[^"]+\.css)">\n?')
FOLDER = "assets/stylesheets"


def _file(site: Path, page: Path, href: str) -> Path | None:
    """The built file a page's stylesheet address names, or None for an address outside the site."""
    if "://" in href or href.startswith("//") or "?" in href or "#" in href:
        return None
    if href.startswith("/"):
        target = site / href.lstrip("/")
    else:
        target = page.parent / href
    target = Path(posixpath.normpath(target.as_posix()))
    return target if target.is_file() and target.is_relative_to(site) else None


def join_stylesheets(site: Path) -> list[str]:
    """Point each page that links two or more of the site's own stylesheets at one file holding them in order.
    Returns the files written, relative to `site`."""
    written: dict[tuple[Path, ...], Path] = {}
    for page in html_files(site):
        html = page.read_text(encoding="utf-8")
        links = list(LINK.finditer(html))
        files = tuple(_file(site, page, link.group("href")) for link in links)
        if len(links) < 2 or None in files:
            continue  # a redirect stub, or a stylesheet from elsewhere: left as it is
        if files not in written:
            text = "\n".join(path.read_text(encoding="utf-8").rstrip("\n") for path in files) + "\n"
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
            written[files] = site / FOLDER / f"styles.{digest}.min.css"
            written[files].write_text(text, encoding="utf-8")
        first = links[0].group("href")
        root_relative = first.startswith("/")
        target = written[files].relative_to(site).as_posix()
        href = (first[:len(first) - len(files[0].relative_to(site).as_posix())] + target if root_relative
                else posixpath.relpath(target, page.parent.relative_to(site).as_posix()))
        joined = html[:links[0].start()] + f'<link rel="stylesheet" href="{href}">\n' + "".join(
            html[links[index].end():links[index + 1].start()] for index in range(len(links) - 1)
        ) + html[links[-1].end():]
        page.write_text(joined, encoding="utf-8")
    return sorted(path.relative_to(site).as_posix() for path in written.values())
