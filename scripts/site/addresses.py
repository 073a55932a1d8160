"""A page's address on the site, from its Markdown file (MkDocs' use_directory_urls), and the addresses the site
promises to keep (the URL contract, data/url-contract.txt)."""

from __future__ import annotations

from pathlib import Path

CONTRACT = Path("data/url-contract.txt")


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


def read_contract(path: Path) -> list[str]:
    """The addresses the URL contract lists (`/page/` or `/page/#section`), as written."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [line.strip() for line in lines if line.strip() and not line.startswith("# ")]
