"""Waiting until a page in Chromium has finished loading what it loads, without Playwright's fixed delay.

Playwright's "networkidle" waits 500 ms after the last request even when nothing is left to load; over every page,
viewport and scheme of the tests that is minutes of waiting. Counting the page's requests from before it starts
loading tells when the last one ended, so the wait can be as short as the page allows.
"""

from __future__ import annotations

import time
from typing import Any

# After the last request ends, how long nothing new must start before the page counts as settled.
QUIET_MS = 150
SETTLE_TIMEOUT_MS = 15_000


class NetworkWatch:
    """The requests of one Playwright page still in flight, and when the last one started or ended."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.in_flight: set[Any] = set()
        self.last_activity = time.monotonic()
        page.on("request", self._started)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", self._ended)

    def _started(self, request: Any) -> None:
        self.in_flight.add(request)
        self.last_activity = time.monotonic()

    def _ended(self, request: Any) -> None:
        self.in_flight.discard(request)
        self.last_activity = time.monotonic()

    def wait_until_quiet(self, quiet_ms: int = QUIET_MS, timeout_ms: int = SETTLE_TIMEOUT_MS) -> None:
        """Return once no request is in flight and none has started or ended for `quiet_ms`."""
        deadline = time.monotonic() + timeout_ms / 1000
        # Quiet counts from now at the earliest: events Playwright has not delivered yet get their chance.
        self.last_activity = max(self.last_activity, time.monotonic())
        while self.in_flight or (time.monotonic() - self.last_activity) * 1000 < quiet_ms:
            if time.monotonic() > deadline:
                pending = ", ".join(sorted(request.url for request in self.in_flight)) or "none"
                raise TimeoutError(f"{self.page.url} kept loading for {timeout_ms} ms (still in flight: {pending})")
            self.page.wait_for_timeout(20)  # lets Playwright deliver the page's request events meanwhile

    def stop(self) -> None:
        self.page.remove_listener("request", self._started)
        self.page.remove_listener("requestfinished", self._ended)
        self.page.remove_listener("requestfailed", self._ended)


def open_settled(page: Any, url: str, quiet_ms: int = QUIET_MS) -> Any:
    """Open `url` in `page` and wait until its network is quiet; return the main response."""
    watch = NetworkWatch(page)
    try:
        response = page.goto(url, wait_until="load")
        watch.wait_until_quiet(quiet_ms)
    finally:
        watch.stop()
    return response
