"""What a first visit of a page transfers, measured in Chromium: every request's response body, raw and gzipped.

The raw size is the (decoded) body's length; the gzipped size is what a host that compresses text (HTML, CSS,
JS, JSON, SVG, XML) sends, as scripts/compression.py does it, whether or not the local server compressed it.
Formats that are already compressed (WOFF2, PNG, JPEG, WebP) count at their raw size. Headers are not counted.
Use a fresh browser context for each page, so that nothing comes from the cache.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from playwright.sync_api import Error as PlaywrightError

from scripts.compression import gzipped, is_compressible

FONT_SUFFIXES = (".woff2", ".woff", ".ttf", ".otf", ".eot")


@dataclass(frozen=True)
class Transfer:
    """One request of a page load and the size of its response body."""

    url: str
    resource_type: str
    content_type: str
    raw_bytes: int
    gzip_bytes: int


@dataclass(frozen=True)
class PageWeight:
    """Everything one first visit of a page requested."""

    url: str
    transfers: tuple[Transfer, ...]

    @property
    def raw_bytes(self) -> int:
        return sum(transfer.raw_bytes for transfer in self.transfers)

    @property
    def gzip_bytes(self) -> int:
        return sum(transfer.gzip_bytes for transfer in self.transfers)

    @property
    def requests(self) -> int:
        return len(self.transfers)

    @property
    def font_urls(self) -> list[str]:
        return [transfer.url for transfer in self.transfers if is_font(transfer.url, transfer.resource_type)]


def is_font(url: str, resource_type: str) -> bool:
    """A font file, whether Chromium says so or its name does."""
    return resource_type == "font" or urlparse(url).path.lower().endswith(FONT_SUFFIXES)


def compressed_size(body: bytes, content_type: str) -> int:
    """The bytes a compressing host would send for this body."""
    return len(gzipped(body)) if is_compressible(content_type) else len(body)


def _transfer(request: Any) -> Transfer:
    response = request.response()
    body = b""
    content_type = ""
    if response is not None:
        content_type = response.headers.get("content-type", "")
        try:
            body = response.body()
        except PlaywrightError:  # a redirect or an aborted response has no body to count
            body = b""
    return Transfer(request.url, request.resource_type, content_type, len(body), compressed_size(body, content_type))


class TransferRecorder:
    """Every http(s) request a page makes from now until `stop()`, with its response body's size."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.finished: list[Any] = []
        page.on("requestfinished", self._record)
        page.on("requestfailed", self._record)

    def _record(self, request: Any) -> None:
        if request.url.startswith(("http:", "https:")):
            self.finished.append(request)

    def stop(self) -> None:
        self.page.remove_listener("requestfinished", self._record)
        self.page.remove_listener("requestfailed", self._record)

    def weight(self, url: str) -> PageWeight:
        """What was transferred so far, as the first visit of `url`."""
        return PageWeight(url, tuple(_transfer(request) for request in self.finished))
