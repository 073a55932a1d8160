"""MkDocs hooks for the design (issue 14): a thin dispatcher to plain functions, like mkdocs_hooks.py.

- every page's template gets `guide_review` ("reviewed" or "awaiting"), for the home page's trust line;
- after the build, our CSS and JS are written without comments and pages without indentation
  (scripts/site/slim_assets.py); another engine simply ships the commented files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from scripts.site.review_summary import guide_review_state
from scripts.site.slim_assets import slim_site


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation,
                    **_: Any) -> dict[str, Any]:
    context["guide_review"] = guide_review_state((item.meta for item in nav.pages), config.extra["today"])
    return context


def on_post_build(config: MkDocsConfig) -> None:
    slim_site(Path(config.site_dir))
