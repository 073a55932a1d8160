"""The pages of a built site, found in the build (redirect stubs left out)."""

from __future__ import annotations

from pathlib import Path


def page_paths(site: Path) -> list[str]:
    """Every HTML page of the built site as a URL path ("" for the home page, "about/", "404.html")."""
    paths = []
    for html in sorted(site.rglob("*.html")):
        if 'http-equiv="refresh"' in html.read_text(encoding="utf-8")[:2000]:
            continue
        paths.append(html.relative_to(site).as_posix().removesuffix("index.html"))
    return paths
