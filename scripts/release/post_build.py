"""What a static host needs beside the pages, which MkDocs does not write: the link-preview image drawn from
the clinic's details, 301 redirect files for every moved address, one copy of Material's files for every language,
Material's stylesheet trimmed to the rules our pages use and joined with ours into one file, our CSS, JS and pages
written smaller, and the security headers (with the same Content-Security-Policy in a <meta> tag of every page).

`make build`, `make publish` and the tests run it after MkDocs; after a plain `mkdocs build`, run
`python -m scripts.release.post_build site/`. It works over the built folder only, so it works after any engine.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from scripts.release import host_redirects, preview_image, security_headers
from scripts.release.one_stylesheet import join_stylesheets
from scripts.release.shared_assets import share_assets
from scripts.release.slim_assets import slim_site
from scripts.release.trim_styles import trim_site
from scripts.site.languages import languages
from scripts.site.settings import load_settings, redirect_maps
from scripts.site.treatments import hidden_by_environment, language_treatments


def finish_site(site: Path, config_path: Path, noindex: bool = False,
                environment: Mapping[str, str] | None = None, trim: bool = True) -> None:
    """Write the link-preview images, the redirect files and the security headers into the built `site`.
    `noindex`: a preview that search engines must not index (robots.txt and an X-Robots-Tag header say so).
    `environment`: the build's (by default this process's), which says the treatments the build left out (drafts,
    those held back): they get no preview image.
    `trim`: False leaves Material's stylesheet whole and each stylesheet its own request (the visual check compares
    both: tests/test_trimmed_styles.py)."""
    for language in languages(config_path.parent):  # each language's previews, with its own words
        folder = site / language.prefix
        (folder / preview_image.OUTPUT).parent.mkdir(parents=True, exist_ok=True)
        (folder / preview_image.OUTPUT).write_bytes(preview_image.preview_from_settings(language.config))
        found = language_treatments(language.config)
        for key in found.keys() - hidden_by_environment(found, os.environ if environment is None else environment):
            (folder / preview_image.treatment_output(key)).write_bytes(
                preview_image.preview_from_settings(language.config, key))
    host_redirects.write_redirect_files(site, redirect_maps(load_settings(config_path)))
    # Every language's pages load the root's one copy of Material's files (before the headers hash the pages).
    share_assets(site, [language.prefix for language in languages(config_path.parent)])
    # After sharing (one stylesheet, read against every language's pages), before the headers hash the pages.
    if trim:
        trim_site(site)
    # Last, so the hashes cover every inline script of every page, the redirect stubs included.
    _list_every_sitemap(site)
    slim_site(site)  # before the headers: they hash the inline scripts as shipped
    if trim:
        join_stylesheets(site)  # after slimming: it joins our stylesheet as shipped
    if noindex:
        (site / "robots.txt").write_text("# A preview: not for search engines.\nUser-agent: *\nDisallow: /\n",
                                         encoding="utf-8")
    security_headers.write_security_files(site, noindex)


def _list_every_sitemap(site: Path) -> None:
    """robots.txt at the root names each language's sitemap (a translation is built with its own)."""
    robots = site / "robots.txt"
    if not robots.is_file():
        return
    text = robots.read_text(encoding="utf-8")
    first = next((line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("Sitemap:")), "")
    extra = [f"Sitemap: {first.removesuffix('sitemap.xml')}{folder.name}/sitemap.xml\n"
             for folder in sorted(site.iterdir())
             if (folder / "sitemap.xml").is_file() and (folder / "robots.txt").is_file()]
    if first and extra and extra[0] not in text:
        robots.write_text(text.rstrip("\n") + "\n" + "".join(extra), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", type=Path, help="the built site's folder, e.g. site/")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args()
    finish_site(args.site, args.config)
    print(f"Wrote the preview image, redirect files and security headers into {args.site}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
