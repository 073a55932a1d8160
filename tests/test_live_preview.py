"""`make serve`: an edit to a page reaches the page open in the browser by itself (live reload). The published
site's strict Content-Security-Policy is written after the build (scripts/release/post_build.py), so the local
preview is not blocked by it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from scripts.served_site import free_port
from tests.browser_helpers import open_context
from tests.conftest import DESKTOP, copy_project


def wait_until_serving(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stderr.read() if server.stderr else "mkdocs serve stopped"
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"mkdocs serve did not answer at {url}")


def test_an_edit_reaches_the_open_page_without_a_manual_refresh(browser, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
        cwd=project, env={**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1",
                          "SITE_URL": url}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_until_serving(url + "during/", server)
        with open_context(browser, url, DESKTOP) as (page, log):
            page.goto(url + "during/")  # live reload keeps a request open: the page never goes network-idle
            page.wait_for_timeout(1500)
            during = project / "docs" / "during.md"
            during.write_text(during.read_text(encoding="utf-8") + "\nThis sentence was just added.\n",
                              encoding="utf-8")
            page.get_by_text("This sentence was just added.").wait_for(timeout=30_000)
            assert not [error for error in log.console_errors if "Content Security Policy" in error]
    finally:
        server.terminate()
        server.wait(timeout=10)
