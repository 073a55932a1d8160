"""Pages load Material's script bundle by its address, which the theme's upgrades change (its name carries a hash):
the build finds it among the theme's files, and says so plainly when it cannot."""

from __future__ import annotations

import pytest

from scripts.site.theme_script import theme_script


def test_the_bundle_is_found_among_the_sites_files() -> None:
    files = ["assets/javascripts/bundle.a5f9d56c.min.js", "assets/javascripts/bundle.a5f9d56c.min.js.map",
             "assets/javascripts/workers/search.a7633da7.min.js", "index.md"]
    assert theme_script(files) == "assets/javascripts/bundle.a5f9d56c.min.js"


@pytest.mark.parametrize("files", [[], ["assets/javascripts/bundle.1.min.js", "assets/javascripts/bundle.2.min.js"]],
                         ids=["none", "two"])
def test_a_theme_that_names_its_script_differently_stops_the_build_saying_so(files: list[str]) -> None:
    with pytest.raises(ValueError, match="has the theme changed how it names its script"):
        theme_script(files)
