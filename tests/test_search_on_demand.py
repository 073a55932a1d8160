"""Search (its index, its worker and Lunr's language data) loads when somebody first searches, not on every first
visit; and search then works, in every language."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import material
import pytest

from scripts.quiet_network import open_settled
from scripts.site.languages import Language, languages
from tests.browser_helpers import is_search_file, open_context
from tests.conftest import PHONE, ROOT

BASE = Path(material.__file__).parent / "templates" / "base.html"


def search_requests(urls: list[str]) -> list[str]:
    return [url for url in urls if is_search_file(url)]


@pytest.mark.parametrize("language", languages(ROOT), ids=lambda language: language.code)
def test_a_first_visit_loads_nothing_of_search_and_a_tap_then_typing_finds_pages(browser, base_url,
                                                                                  language: Language) -> None:
    """Each language's home page: no search request while it loads and settles; the patient taps the search button
    and types a word of the page's heading, and results from that language's pages appear."""
    with open_context(browser, base_url, PHONE, has_touch=True, is_mobile=True) as (page, log):
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        open_settled(page, base_url + language.prefix, 400)
        assert not search_requests(requested), f"/{language.prefix} loads search before it is used: {requested}"
        word = max(page.locator("h1").first.inner_text().split(), key=len).strip("¿?")
        page.locator("label.md-header__button[for=__search]").tap()
        page.locator("input.md-search__input").press_sequentially(word, delay=50)
        first = page.locator(".md-search-result__item a").first
        first.wait_for(timeout=15_000)
        assert urlparse(first.get_attribute("href") or "").path.startswith("/" + language.prefix), \
            "a result from another language's index"
        loaded = search_requests(requested)
        assert any(url.endswith(language.prefix + "search/search_index.json") for url in loaded), loaded
        assert any("/workers/search." in url for url in loaded), f"Material's worker was not loaded: {loaded}"
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


def test_a_search_results_address_still_highlights_the_words_it_found(browser, base_url) -> None:
    """A result's link carries ?h=<words>: Material needs the index to highlight them, so such an address loads it at
    once instead of waiting for the search button."""
    with open_context(browser, base_url, PHONE) as (page, log):
        page.goto(base_url + "what-is-it/?h=microneedling")
        page.locator("mark[data-md-highlight]").first.wait_for(timeout=15_000)
        assert not log.console_errors
