"""Opening pages in Chromium while recording console errors and blocking (and recording) third-party requests."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlparse

# What search costs: its index, its worker (ours and Material's) and Lunr's language data.
SEARCH_FILES = re.compile(r"/search/search_index\.json$|/workers/search|/lunr/")


def is_search_file(url: str) -> bool:
    """A request that only search needs."""
    return bool(SEARCH_FILES.search(urlparse(url).path))


@dataclass
class PageLog:
    console_errors: list[str] = field(default_factory=list)
    third_party_requests: list[str] = field(default_factory=list)


@contextmanager
def open_context(browser: object, base_url: str, viewport: dict[str, int], scheme: str = "light",
                 **options: object) -> Iterator[tuple[object, PageLog]]:
    """A browser context whose every request is routed: the test server's go through, others are aborted."""
    origin = urlparse(base_url).netloc
    log = PageLog()
    context = browser.new_context(viewport=viewport, color_scheme=scheme, **options)

    def route(route: object) -> None:
        url = route.request.url
        if urlparse(url).netloc == origin or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            log.third_party_requests.append(url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda message: message.type == "error" and log.console_errors.append(message.text))
    page.on("pageerror", lambda error: log.console_errors.append(str(error)))
    try:
        yield page, log
    finally:
        context.close()
