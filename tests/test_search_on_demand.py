"""Search code loads when somebody searches, not on every first visit; and search then works."""

from __future__ import annotations

from pathlib import Path

import material

from tests.browser_helpers import open_context
from tests.conftest import PHONE, ROOT

BASE = Path(material.__file__).parent / "templates" / "base.html"


def test_a_first_visit_loads_no_search_code_and_the_first_search_loads_it_and_finds_pages(browser, base_url) -> None:
    with open_context(browser, base_url, PHONE) as (page, log):
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(base_url + "what-is-it/")
        page.wait_for_load_state("networkidle")
        assert not [url for url in requested if "workers/search." in url or "/lunr/" in url], requested
        page.locator("label.md-header__button[for=__search]").click()
        page.locator("input.md-search__input").press_sequentially("collagen", delay=50)
        page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
        assert [url for url in requested if "workers/search." in url]
        assert not log.console_errors


def test_our_copy_of_materials_config_block_differs_from_it_only_in_the_search_worker() -> None:
    """Material's base.html `config` block is copied into overrides/main.html with one line changed: when an upgrade
    changes the original, this fails, so whoever upgrades copies the new block and changes that line again."""
    original = BASE.read_text(encoding="utf-8")
    original = original[original.index("{% block config %}"):]
    original = original[:original.index("{% endblock %}")]
    ours = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    ours = ours[ours.index("{% block config %}"):]
    ours = ours[:ours.index("{% endblock %}")]
    ours_without_comment = ours.replace(ours[ours.index("\n    {#-"):ours.index("-#}") + 3], "", 1)
    expected = original.replace("workers/search.a7633da7.min.js", "workers/search-on-demand.js")
    assert ours_without_comment == expected
