"""Printing review packets with Debian's Chromium (Playwright with `executable_path`: nothing downloads a
browser): each page from one draft build of the site (SITE_REVIEW_DRAFT=1), served on 127.0.0.1 with its own
security headers so it prints exactly as patients print it, then the packet's own parts; poppler's pdfunite joins
them into one PDF. A request to any other host is refused and reported: a packet must not leak what is reviewed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from playwright.sync_api import sync_playwright

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS
from scripts.quiet_network import open_settled
from scripts.release.build import build_into
from scripts.release.security_headers import parse_headers_file
from scripts.served_site import free_port, serve

PAPER = "Letter"  # the clinic's printers (US); the site's print stylesheet also fits A4
DRAFT = {"SITE_REVIEW_DRAFT": "1"}
PARTS_MARGIN = {"top": "0.6in", "bottom": "0.7in", "left": "0.6in", "right": "0.6in"}


class PrintingError(RuntimeError):
    """Why a packet could not be printed, with what to do."""


def needed_tools() -> list[str]:
    """The Debian programs printing needs that are missing (make browser installs them)."""
    return [name for name, found in (("chromium", CHROMIUM.exists()), ("pdfunite", shutil.which("pdfunite")))
            if not found]


@contextmanager
def draft_site(root: Path) -> Iterator[str]:
    """One strict build of every language with each clinical page's review line saying it is a draft with its
    packet id, served on 127.0.0.1; yields the base URL. Raises CalledProcessError if the build fails. Its site_url
    is the site's own (SITE_URL, or the local preview's address as `make build` has it), not the server's, so the
    printout shows the address and QR code patients' printouts show; printing needs nothing from that address."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="packets-site-") as folder:
        site = Path(folder) / "site"
        build_into(site, root, DRAFT)
        headers = parse_headers_file((site / "_headers").read_text(encoding="utf-8"))
        with serve(site, port, headers) as url:
            yield url


class Printer:
    """One Chromium page that prints site pages and packet documents to PDF, refusing requests to other hosts."""

    def __init__(self, browser: Any, base_url: str) -> None:
        self.base_url = base_url
        self.origin = urlparse(base_url).netloc
        self.refused: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 800})
        self.context.route("**/*", self._route)
        self.tab = self.context.new_page()

    def _route(self, route: Any) -> None:
        url = route.request.url
        if urlparse(url).netloc == self.origin or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.refused.append(url)
            route.abort()

    def _no_other_host(self, what: str) -> None:
        if self.refused:
            found, self.refused = sorted(set(self.refused)), []
            raise PrintingError(f"{what} asked for files from another host, which a packet must never do: "
                                + ", ".join(found))

    def print_page(self, path: str, pdf: Path) -> None:
        """The site page at `path` (e.g. "aftercare/"), as a patient's browser prints it."""
        open_settled(self.tab, self.base_url + path)
        self.tab.pdf(path=str(pdf), format=PAPER)
        self._no_other_host(f"/{path}")

    def print_document(self, html: str, pdf: Path, footer: str) -> None:
        """A self-contained HTML document, with `footer` and the sheet number at the foot of each sheet."""
        # From a blank page: content written into the last site page would keep that page's strict CSP (no styles).
        self.tab.goto("about:blank")
        self.tab.set_content(html, wait_until="load")
        template = ('<div style="font: 8px sans-serif; width: 100%; text-align: center;">'
                    f'{footer} <span class="pageNumber"></span> / <span class="totalPages"></span></div>')
        self.tab.pdf(path=str(pdf), format=PAPER, print_background=True, display_header_footer=True,
                     header_template="<span></span>", footer_template=template, margin=PARTS_MARGIN)
        self._no_other_host("the packet document")

    def close(self) -> None:
        self.context.close()


@contextmanager
def printer(base_url: str, browser: Any = None) -> Iterator[Printer]:
    """A Printer in `browser` (a caller's Playwright Chromium: one thread runs one Playwright), or in Debian's
    Chromium started for it."""
    if browser is not None:
        made = Printer(browser, base_url)
        try:
            yield made
        finally:
            made.close()
        return
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        try:
            with printer(base_url, launched) as made:
                yield made
        finally:
            launched.close()


def join_pdfs(parts: list[Path], target: Path) -> None:
    """The PDFs one after the other in `target` (poppler's pdfunite)."""
    result = subprocess.run(["pdfunite", *map(str, parts), str(target)], capture_output=True, text=True)
    if result.returncode != 0:
        raise PrintingError(f"pdfunite could not join {', '.join(part.name for part in parts)}: "
                            f"{result.stderr.strip()}")
