"""Whether the trimmed, joined stylesheet (scripts/release/trim_styles.py, one_stylesheet.py) looks exactly like the
whole one and ours: one MkDocs build of the commit, finished twice (whole and trimmed), every page screenshot in both
and compared pixel by pixel. tests/test_trimmed_styles.py compares at phone width; `make bench` (part "looks") at
desktop widths, where a full run of every page in both schemes would cost the tests too much time."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from pathlib import Path
from typing import Any

from PIL import Image, ImageChops

from scripts.quiet_network import open_settled
from scripts.release.build import build_languages
from scripts.release.post_build import finish_site
from scripts.release.security_headers import parse_headers_file
from scripts.served_site import free_port, serve

MOST_DIFFERING = 0.001  # share of pixels: fonts and images render the same from one run to the next
SITES = ("full", "trimmed")
# A context in which to open pages: (browser, base_url, viewport, colour scheme) -> (page, anything).
OpenContext = Callable[[Any, str, dict[str, int], str], AbstractContextManager[tuple[Any, Any]]]


def differing_share(first: bytes, second: bytes) -> float:
    """The share of pixels that differ between two PNG screenshots (1.0 when their sizes differ)."""
    one, two = Image.open(io.BytesIO(first)).convert("RGB"), Image.open(io.BytesIO(second)).convert("RGB")
    if one.size != two.size:
        return 1.0
    differing = ImageChops.difference(one, two).convert("L").point(lambda value: 255 if value else 0)
    return differing.histogram()[255] / (one.size[0] * one.size[1])


def finish_both(folder: Path, project: Path, environment: dict[str, str]) -> dict[str, Path]:
    """One MkDocs build of `project` in `folder`, finished with the whole stylesheet ("full") and with the trimmed one
    joined with ours ("trimmed")."""
    build_languages(folder / "built", project, environment, capture=True)
    sites = {}
    for name in SITES:
        sites[name] = folder / name
        shutil.copytree(folder / "built", sites[name])
        finish_site(sites[name], project / "mkdocs.yml", environment=environment, trim=name == "trimmed")
    return sites


def site_headers(site: Path) -> dict[str, str]:
    return parse_headers_file((site / "_headers").read_text(encoding="utf-8"))


@contextmanager
def serve_all(sites: dict[str, Path]) -> Iterator[dict[str, str]]:
    """Each site served on 127.0.0.1 with the headers its build wrote: name -> base URL."""
    with ExitStack() as stack:
        yield {name: stack.enter_context(serve(site, free_port(), site_headers(site))) for name, site in sites.items()}


@contextmanager
def fresh_context(browser: Any, base_url: str, viewport: dict[str, int], scheme: str) -> Iterator[tuple[Any, None]]:
    """A page in a new browser context of that size and colour scheme."""
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    try:
        yield context.new_page(), None
    finally:
        context.close()


def screenshots(browser: Any, base_url: str, paths: list[str], viewport: dict[str, int], scheme: str,
                open_context: OpenContext = fresh_context) -> dict[str, bytes]:
    """Each page's whole length at `viewport`'s width, in one context per site and scheme."""
    shots = {}
    with open_context(browser, base_url, viewport, scheme) as (page, _):
        for path in paths:
            open_settled(page, base_url + path, 50)  # no script loads anything after the page's own files
            shots[path] = page.screenshot(full_page=True, animations="disabled", caret="hide")
    return shots


def differing_pages(browser: Any, served: dict[str, str], paths: list[str], viewport: dict[str, int],
                    compared: str = "trimmed", schemes: tuple[str, ...] = ("light", "dark"),
                    open_context: OpenContext = fresh_context) -> list[str]:
    """Each page (and scheme) whose screenshot differs between the "full" site and the `compared` one by more than
    MOST_DIFFERING, with its share of differing pixels."""
    found = []
    for scheme in schemes:
        full = screenshots(browser, served["full"], paths, viewport, scheme, open_context)
        other = screenshots(browser, served[compared], paths, viewport, scheme, open_context)
        shares = {path: differing_share(full[path], other[path]) for path in paths}
        found += [f"/{path} ({scheme}, {viewport['width']} px): {share:.2%} of pixels differ"
                  for path, share in shares.items() if share > MOST_DIFFERING]
    return found
