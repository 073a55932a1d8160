"""The URL contract: every published page address and linkable section, kept in data/url-contract.txt.

Staff paste these links into emails that live for years, so a listed address must keep resolving in the
built site, or be covered by a redirect (mkdocs-redirects `redirect_maps`) whose target has the section.
`python -m scripts.release.url_contract --update` (`make url-contract`) adds new pages and sections from a fresh
build; it never removes a line: retiring an address takes a redirect, and then the line stays.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from scripts.built_site import html_files, parse
from scripts.built_site import target_file as page_file
from scripts.project import project_root
from scripts.site.addresses import CONTRACT, page_url, read_contract
from scripts.site.settings import load_settings, redirect_maps

ROOT = project_root()
HEADER = """\
# The URL contract: every published page and linkable section (h2/h3 with an id), as paths from site_url.
# Never delete or edit a line: the tests fail if one stops resolving without a redirect in mkdocs.yml.
# New pages and sections are added with `make url-contract`.
"""
def published_urls(site: Path) -> list[str]:
    """Every page (redirect pages included) and every content section of a built site, as `/page/#id`."""
    urls = []
    for html_file in (file for file in html_files(site) if file.name == "index.html"):
        url = "/" + html_file.parent.relative_to(site).as_posix().removeprefix(".") + "/"
        url = url.replace("//", "/")
        parsed = parse(html_file)
        urls.append(url)
        if not parsed.redirect:
            urls += [f"{url}#{section}" for section in parsed.sections]
    return sort_urls(urls)


def sort_urls(urls: list[str] | set[str]) -> list[str]:
    return sorted(set(urls), key=lambda url: (url.split("#", 1)[0], "#" in url, url))


def write_contract(path: Path, urls: list[str]) -> None:
    path.write_text(HEADER + "".join(url + "\n" for url in sort_urls(urls)), encoding="utf-8")


def updated_contract(listed: list[str], found: list[str]) -> list[str]:
    """The contract with the new addresses added; nothing listed is ever dropped."""
    return sort_urls(set(listed) | set(found))


def redirect_targets(redirect_maps: dict[str, str]) -> dict[str, str]:
    """Old page path -> new address, from mkdocs-redirects' map (`faq.md: questions.md` -> `/faq/`: `/questions/`)."""
    return {page_url(old): page_url(new) for old, new in redirect_maps.items()}


def _resolves(site: Path, path: str, fragment: str) -> bool:
    html_file = page_file(site, path)
    if not html_file.is_file():
        return False
    parsed = parse(html_file)
    return not parsed.redirect and (not fragment or fragment in parsed.ids)


def broken_urls(site: Path, contract: list[str], redirects: dict[str, str]) -> list[str]:
    """A message for each listed address that no longer leads to its page and section in the built site."""
    problems = []
    for url in contract:
        path, _, fragment = url.partition("#")
        if path not in redirects and _resolves(site, path, fragment):
            continue
        if path not in redirects:
            where = "section" if fragment and page_file(site, path).is_file() else "page"
            problems.append(f"{url}: this {where} is in data/url-contract.txt but no longer in the built site, and "
                            "no redirect covers it: restore it, or add a redirect in mkdocs.yml `redirect_maps`")
            continue
        target = redirects[path]
        target_path, _, target_fragment = target.partition("#")
        # A redirect with its own #section lands there; otherwise the listed #section must exist on the target.
        landing = f"{target_path}#{target_fragment or fragment}" if target_fragment or fragment else target_path
        if not _resolves(site, target_path, target_fragment or fragment):
            problems.append(f"{url}: redirects to {landing}, which does not resolve in the built site: fix the "
                            "redirect in mkdocs.yml `redirect_maps`")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="add new pages and sections from a fresh build")
    parser.add_argument("--site-dir", type=Path, help="check or update from this built site instead of building")
    args = parser.parse_args()
    contract_path = ROOT / CONTRACT
    with tempfile.TemporaryDirectory() as scratch:
        site = args.site_dir
        if site is None:
            from scripts.release.build import build_into

            site = Path(scratch) / "site"
            build_into(site, ROOT)
        listed = read_contract(contract_path)
        if args.update:
            updated = updated_contract(listed, published_urls(site))
            write_contract(contract_path, updated)
            print(f"{CONTRACT}: {len(updated) - len(listed)} new address(es), {len(updated)} in all")
            listed = updated
        problems = broken_urls(site, listed, redirect_targets(redirect_maps(load_settings(ROOT / "mkdocs.yml"))))
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
