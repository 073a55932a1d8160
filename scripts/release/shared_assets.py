"""One copy of the theme's files for every language. Each translation is its own MkDocs build into its own folder
(site/es/), and each build copies Material's stylesheet, script bundle, search worker and Lunr files into that
folder's assets/ again: a patient going from an English page to a Spanish one downloaded about 58 KB a second time,
under a second address. This step removes each translation's copy of every file that the root's assets/ holds byte
for byte, and points the translation's pages at the root's copy (the addresses stay relative, so the site still
works under any path). A file that differs (each language's link-preview image) stays where it is.

It works over the built folder only, like the rest of the post-build step, so it works after any engine.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from pathlib import Path

from scripts.built_site import html_files

# A quoted address in a page that names something under an assets/ folder: an attribute (href, src) or a string in
# Material's JSON configuration block (its search worker).
ASSET_ADDRESS = re.compile(r"""(?P<quote>["'])(?P<address>[^"'\s<>]*assets/[^"'\s<>]*)(?P=quote)""")


def share_assets(site: Path, prefixes: Iterable[str]) -> list[str]:
    """For each translation folder `site/<prefix>` ("es/"), remove the files of its assets/ that are the same as the
    root's, and rewrite its pages to use the root's copy. Returns the removed files, relative to `site`."""
    removed: list[str] = []
    for prefix in prefixes:
        folder = site / prefix / "assets"
        if not prefix or not folder.is_dir():
            continue
        shared = set()
        for copy in sorted(path for path in folder.rglob("*") if path.is_file()):
            inside = copy.relative_to(folder).as_posix()
            original = site / "assets" / inside
            if original.is_file() and original.read_bytes() == copy.read_bytes():
                shared.add(inside)
        for page in html_files(site / prefix):
            html = page.read_text(encoding="utf-8")
            pointed = _pointed_at_root(html, page.parent.relative_to(site).as_posix(), prefix, shared)
            if pointed != html:
                page.write_text(pointed, encoding="utf-8")
        for inside in sorted(shared):
            (folder / inside).unlink()
            removed.append(f"{prefix}assets/{inside}")
        for empty in sorted((path for path in folder.rglob("*") if path.is_dir()), reverse=True):
            if not any(empty.iterdir()):
                empty.rmdir()
    return removed


def _pointed_at_root(html: str, page_folder: str, prefix: str, shared: set[str]) -> str:
    """`html` (a page in `page_folder`, relative to the site) with each address of a translation's shared file
    replaced by the address of the root's copy, written the same way (relative or from the site's root)."""

    def replace(match: re.Match[str]) -> str:
        address = match.group("address")
        path, cut, rest = _split(address)
        if "://" in path or path.startswith("//"):  # a full address (the preview image's): not a file we share
            return match.group(0)
        if path.startswith("/"):  # from the host's root (the 404 page): .../es/assets/x -> .../assets/x
            marker = f"/{prefix}assets/"
            head, found, inside = path.rpartition(marker)
            new = f"{head}/assets/{inside}" if found and inside in shared else None
        else:
            target = posixpath.normpath(posixpath.join(page_folder, path))
            inside = target.removeprefix(f"{prefix}assets/")
            new = posixpath.relpath(f"assets/{inside}", page_folder) if inside != target and inside in shared else None
        if new is None:
            return match.group(0)
        return f"{match.group('quote')}{new}{cut}{rest}{match.group('quote')}"

    return ASSET_ADDRESS.sub(replace, html)


def _split(address: str) -> tuple[str, str, str]:
    """An address's path, and what follows it (a query or fragment) with its separator."""
    for separator in ("?", "#"):
        if separator in address:
            path, rest = address.split(separator, 1)
            return path, separator, rest
    return address, "", ""
