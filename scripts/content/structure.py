"""How the pages fit together, checked before any build: every page in the menu (`nav`) and every menu entry a
page; redirects that lead somewhere and do not hide a page; every section the URL contract promises still on
its page; promotion links to pages that exist; titles and file names short enough to keep."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from scripts.problems import Problem, Severity
from scripts.release.url_contract import CONTRACT, read_contract
from scripts.site.addresses import page_url
from scripts.site.front_matter import load_front_matter
from scripts.site.settings import redirect_maps, setting_line

MAX_TITLE = 70
MAX_FILE_NAME = 70


def nav_pages(nav: Any) -> list[str]:
    """Every Markdown page named in `nav`, in order (sections and titled entries included)."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, list):
        return [page for entry in nav for page in nav_pages(entry)]
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in nav_pages(value)]
    return []


def _not_in_nav(settings: dict[str, Any]) -> set[str]:
    return {line.strip().lstrip("/") for line in str(settings.get("not_in_nav") or "").splitlines() if line.strip()}


def check_nav(settings: dict[str, Any], docs: Path, config: Path, shown: str,
              skip: tuple[str, ...] = ()) -> list[Problem]:
    """Every page of `docs` (but the folders in `skip`) in the menu of `config`, and every menu entry a page."""
    if "nav" not in settings:  # without a nav, MkDocs lists every page itself
        return []
    pages = {path.relative_to(docs).as_posix() for path in docs.rglob("*.md")
             if not {"_includes", *skip} & set(path.relative_to(docs).parts[:-1])}
    listed = nav_pages(settings.get("nav"))
    shown_docs = docs.as_posix().split("/docs", 1)[-1]
    prefix = f"docs{shown_docs}/" if shown_docs else "docs/"
    problems = [Problem(shown, setting_line(config, "nav"),
                        f"the menu (nav: in {shown}) lists {name}, but there is no {prefix}{name}: check the "
                        "spelling, or remove it from nav")
                for name in listed if name not in pages]
    problems += [Problem(f"{prefix}{name}", 1, f"this page is not in the menu: add '- {name}' under nav: in {shown} "
                                               "where it belongs in the patient's journey")
                 for name in sorted(pages - set(listed) - _not_in_nav(settings))]
    return problems


def check_redirects(settings: dict[str, Any], docs: Path, config: Path, shown: str) -> list[Problem]:
    problems = []
    for old, new in redirect_maps(settings).items():
        line = setting_line(config, "plugins")
        target = str(new).split("#", 1)[0]
        if not (docs / target).is_file():
            problems.append(Problem(shown, line, f"the redirect {old} -> {new} leads to docs/{target}, which does "
                                                 "not exist: point it at the page that now holds the content"))
        if (docs / old).is_file():
            problems.append(Problem(shown, line, f"the redirect from {old} hides the page docs/{old}, which still "
                                                 "exists: remove the redirect, or move the page"))
    return problems


def _own_template(page: Path) -> bool:
    try:
        return "template" in load_front_matter(page.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return False


def check_contract_sections(root: Path, anchors: dict[str, set[str]], settings: dict[str, Any]) -> list[Problem]:
    """A section the URL contract lists that is gone from its page (and not redirected elsewhere)."""
    moved = {page_url(old) for old in redirect_maps(settings)}
    # A page with its own template (e.g. the contact page) gets sections from it: the built-site tests check those.
    by_url = {page_url(name): name for name in anchors if not _own_template(root / "docs" / name)}
    problems = []
    for url in read_contract(root / CONTRACT):
        page, _, section = url.partition("#")
        if not section or page in moved or page not in by_url or section in anchors[by_url[page]]:
            continue
        problems.append(Problem(f"docs/{by_url[page]}", 0,
                                f"the section #{section} is gone, but staff links to {url} must keep working: put "
                                f"{{#{section}}} back on the heading that now holds that content (the URL contract, "
                                f"{CONTRACT.as_posix()})"))
    return problems


def check_promotion_links(settings: dict[str, Any], docs: Path, config: Path, shown: str) -> list[Problem]:
    pages = {page_url(path.relative_to(docs).as_posix()) for path in docs.rglob("*.md")}
    problems = []
    promotions = (settings.get("extra") or {}).get("promotions") or []
    for index, promotion in enumerate(promotions if isinstance(promotions, list) else []):
        link = str(promotion.get("link") or "") if isinstance(promotion, dict) else ""
        path = link.split("#", 1)[0]
        if link.startswith("/") and path not in pages:
            problems.append(Problem(shown, setting_line(config, "extra", "promotions", index, "link"),
                                    f"promotion link {link} is not a page of this site: use a page's address, "
                                    f"e.g. {sorted(pages)[0] if pages else '/contact/'}"))
    return problems


def check_page_names(docs: Path) -> list[Problem]:
    """File names become permanent addresses: keep them short."""
    return [Problem(f"docs/{path.name}", 1, f"the file name is {len(path.stem)} characters: shorten it to "
                                             f"{MAX_FILE_NAME} or fewer (it becomes the page's permanent address)")
            for path in sorted(docs.glob("*.md")) if len(path.stem) > MAX_FILE_NAME]


HEADING_ID = re.compile(r"<h[23][^>]*\sid=\"([^\"]+)\"")


def new_addresses(root: Path, html: dict[str, str]) -> list[Problem]:
    """Pages and sections (h2 and h3) that are not in the URL contract yet: reported, never refused, so a
    browser-only editor can add a page; a developer adds them with `make url-contract`."""
    if not (root / CONTRACT).is_file():
        return []
    listed = set(read_contract(root / CONTRACT))
    problems = []
    for name, body in sorted(html.items()):
        url = page_url(name)
        new = ([url] if url not in listed else []) + [f"{url}#{section}" for section in HEADING_ID.findall(body)
                                                       if f"{url}#{section}" not in listed]
        if new:
            problems.append(Problem(f"docs/{name}", 0, f"new address(es) for the URL contract: {', '.join(new)} "
                                                       "(nothing to do: a developer adds them to data/url-contract.txt "
                                                       "with `make url-contract`; from then on they must keep working)",
                                    Severity.NOTE))
    return problems
