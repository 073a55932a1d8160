"""`make screenshots`: every page of a fresh build at phone (390 x 844) and desktop (1280 x 800) size, in the
light and the dark scheme, as PNGs in screenshots/ with an index.html that shows each page's four side by side.

For people reviewing a pull request (the workflow uploads the folder). Debian's Chromium through Playwright;
the site is served on 127.0.0.1 with its own security headers, so what is seen is what a host would send.
"""

from __future__ import annotations

import argparse
import html
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from scripts.built_site import page_paths
from scripts.chromium import CHROMIUM, CHROMIUM_ARGS
from scripts.project import project_root
from scripts.release.build import build_into
from scripts.release.security_headers import parse_headers_file
from scripts.served_site import free_port, serve

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
SCHEMES = ("light", "dark")


def shot_name(path: str, viewport: str, scheme: str) -> str:
    """"aftercare/" -> "aftercare-phone-light.png"; the home page is "home"."""
    stem = path.strip("/").replace("/", "-").removesuffix(".html") or "home"
    return f"{stem}-{viewport}-{scheme}.png"


def index_html(paths: list[str], full_page: bool) -> str:
    """One row per page: phone light, phone dark, desktop light, desktop dark."""
    rows = []
    for path in paths:
        cells = "".join(
            f'<figure><a href="{name}"><img src="{name}" alt="/{html.escape(path)} at {viewport} size, {scheme}" '
            f'loading="lazy"></a><figcaption>{viewport}, {scheme}</figcaption></figure>'
            for viewport in VIEWPORTS for scheme in SCHEMES
            for name in [html.escape(shot_name(path, viewport, scheme))])
        rows.append(f"<section><h2>/{html.escape(path)}</h2><div class=row>{cells}</div></section>")
    extent = "whole pages" if full_page else "the first screen of each page"
    return ("<!doctype html><html lang=en><meta charset=utf-8><title>Screenshots</title><style>"
            "body{font:14px system-ui,sans-serif;margin:1rem}.row{display:flex;gap:1rem;align-items:flex-start}"
            "figure{margin:0}img{display:block;border:1px solid #999;max-height:70vh;width:auto;max-width:22vw}"
            f"</style><h1>Screenshots</h1><p>{extent}, phone 390 x 844 and desktop 1280 x 800, light and dark.</p>"
            + "".join(rows) + "</html>\n")


def take_screenshots(site: Path, port: int, output: Path, paths: list[str] | None = None,
                     full_page: bool = False) -> list[Path]:
    """Screenshot `paths` (default: every page) of the built `site`, served on `port` (the port its site_url
    names, so the page's own addresses point at it), into `output`; returns the PNGs written."""
    output.mkdir(parents=True, exist_ok=True)
    paths = page_paths(site) if paths is None else paths
    headers_file = site / "_headers"
    headers = parse_headers_file(headers_file.read_text(encoding="utf-8")) if headers_file.exists() else {}
    written = []
    with serve(site, port, headers) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        try:
            for viewport, size in VIEWPORTS.items():
                for scheme in SCHEMES:
                    context = browser.new_context(viewport=size, color_scheme=scheme)
                    page = context.new_page()
                    for path in paths:
                        page.goto(url + path, wait_until="networkidle")
                        target = output / shot_name(path, viewport, scheme)
                        page.screenshot(path=str(target), full_page=full_page)
                        written.append(target)
                    context.close()
        finally:
            browser.close()
    (output / "index.html").write_text(index_html(paths, full_page), encoding="utf-8")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=Path("screenshots"), help="folder (default: screenshots/)")
    parser.add_argument("--full-page", action="store_true", help="whole pages, not only the first screen")
    parser.add_argument("pages", nargs="*", help='URL paths, e.g. "" "aftercare/" (default: every page)')
    args = parser.parse_args()
    port = free_port()
    root = project_root()
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        build_into(site, root, {"SITE_URL": f"http://127.0.0.1:{port}/"})
        written = take_screenshots(site, port, args.output, args.pages or None, args.full_page)
    print(f"{len(written)} screenshots in {args.output}/ (open {args.output}/index.html)")


if __name__ == "__main__":
    main()
