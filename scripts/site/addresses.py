"""A page's address on the site, from its Markdown file (MkDocs' use_directory_urls)."""

from __future__ import annotations


def page_url(markdown_path: str) -> str:
    """The directory URL of a Markdown page: `before.md` -> `/before/`, `index.md` -> `/`, `es/index.md` -> `/es/`,
    with any `#section` kept; a full web address is returned as it is."""
    if markdown_path.startswith(("http://", "https://")):
        return markdown_path
    path, _, fragment = markdown_path.partition("#")
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
    stem = stem.rstrip("/")
    url = f"/{stem}/" if stem else "/"
    return url + (f"#{fragment}" if fragment else "")
