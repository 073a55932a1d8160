"""Reading a built site: its pages (redirect stubs left out), and every page's links and ids.

One crawler over the built HTML finds every internal link and #anchor, including those templates generate
(the strict MkDocs build only sees links written in Markdown).
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}


def html_files(site: Path) -> list[Path]:
    """Every HTML file of the built site, redirect stubs and each language's pages included."""
    return sorted(site.rglob("*.html"))


def page_paths(site: Path) -> list[str]:
    """Every HTML page of the built site as a URL path ("" for the home page, "about/", "404.html")."""
    paths = []
    for html in html_files(site):
        if 'http-equiv="refresh"' in html.read_text(encoding="utf-8")[:2000]:
            continue
        paths.append(html.relative_to(site).as_posix().removesuffix("index.html"))
    return paths


# Sections that repeat on every page (sources list, closing call to action): not what staff link to.
SKIPPED_SECTIONS = {"cta-block", "page-sources"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class PageParser(HTMLParser):
    """A built page: every id, every link, the ids of its content's h2/h3 sections, and whether it redirects."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.sections: list[str] = []
        self.redirect = False
        self._open: list[tuple[str, set[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            self.redirect = True
        if values.get("id"):
            self.ids.add(values["id"])
            inside = [classes for _, classes in self._open]
            if (tag in ("h2", "h3") and any("md-content__inner" in classes for classes in inside)
                    and not any(classes & SKIPPED_SECTIONS for classes in inside)):
                self.sections.append(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        target = values.get(LINK_ATTRIBUTES.get(tag, ""))
        if target:
            self.links.append(target)
        if tag not in VOID:
            self._open.append((tag, set((values.get("class") or "").split())))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                return


def parse(page: Path) -> PageParser:
    parser = PageParser()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def target_file(site: Path, url_path: str) -> Path:
    """The built file of an address's path: `/before/` -> site/before/index.html."""
    url_path = url_path.split("#", 1)[0]
    path = site / unquote(url_path).lstrip("/")
    return path / "index.html" if url_path.endswith("/") or path.is_dir() else path


def broken_links(site: Path, base_url: str = "http://site.invalid/") -> list[str]:
    """Every internal link or anchor in the built site that leads nowhere, as 'page: link (why)'."""
    parsed = {page: parse(page) for page in sorted(site.rglob("*.html"))}
    problems = []
    for page, parser in parsed.items():
        page_url = urljoin(base_url, page.relative_to(site).as_posix().removesuffix("index.html"))
        for link in parser.links:
            absolute = urlparse(urljoin(page_url, link))
            if absolute.scheme not in ("http", "https") or absolute.netloc != urlparse(base_url).netloc:
                continue
            target = target_file(site, absolute.path)
            where = f"/{page.relative_to(site).as_posix()}: {link}"
            if not target.exists():
                problems.append(f"{where} (no such file {target.relative_to(site).as_posix()})")
            elif absolute.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if unquote(absolute.fragment) not in ids:
                    problems.append(f"{where} (no #{absolute.fragment} on that page)")
    return problems
