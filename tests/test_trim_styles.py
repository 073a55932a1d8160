"""Which rules of Material's stylesheet the trimming keeps (scripts/release/unused_rules.py, used_names.py,
unused_properties.py, trim_styles.py); that the trimmed site looks the same is tests/test_trimmed_styles.py's."""

from __future__ import annotations

import re
from pathlib import Path

from scripts.release.trim_styles import trim_site
from scripts.release.unused_properties import without_unused_properties
from scripts.release.unused_rules import trimmed_stylesheet
from scripts.release.used_names import SET_BY_PAGES_ONLY, UsedNames, names_in, used_names

PAGE = ('<html class="no-js"><body dir="ltr"><header class="md-header md-header--shadow" data-md-component="header">'
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer"><p>Hi</p></header>'
        '<script>document.documentElement.classList.add("js")</script></body></html>')
BUNDLE = 'x("details",{class:"md-search-result__more"});e.classList.toggle("md-tooltip2--active",l);var a="md-tag--"'


def names(page: str = PAGE, script: str = BUNDLE) -> UsedNames:
    return names_in([page], [(script, False)])


def kept(css: str, found: UsedNames | None = None) -> str:
    return trimmed_stylesheet(css, found or names()).strip()


def test_a_rule_goes_only_when_none_of_its_selectors_can_match() -> None:
    assert kept(".md-header{a:b}.md-tabs{c:d}.md-tabs,.md-header--shadow p{e:f}") == \
        ".md-header{a:b}.md-header--shadow p{e:f}"
    assert kept("table{a:b}p{c:d}#__drawer{e:f}#__search{g:h}") == "p{c:d}#__drawer{e:f}"


def test_every_tag_of_every_page_counts_whatever_comes_before_it() -> None:
    """Pages are read by their different start tags: a tag after a <title>, <textarea> or <script>, one with an
    unquoted value holding a quote, and one with a tag in a value are all read, and so is each page's inline script."""
    pages = ['<head><title>Aftercare</title><script>el.classList.add("md-tooltip--on")</script></head>'
             '<body><textarea>Write here</textarea><div class="after-textarea"></div></body>',
             "<p class=lead data-note=don't>Hi</p><a title=\"<b>bold</b>\" class=\"with-markup\">x</a>"]
    found = names_in(pages)
    assert {"after-textarea", "lead", "with-markup"} <= found.classes
    assert {"title", "textarea", "div", "p", "a"} <= found.tags
    assert "md-tooltip--on" in found.script_classes


def test_states_and_negations_need_nothing_and_is_where_need_one_of_theirs() -> None:
    assert kept(".md-header:hover:not(.md-tabs)::before{a:b}") == ".md-header:hover:not(.md-tabs)::before{a:b}"
    assert kept(":is(.md-tabs,.md-header) p{a:b}:where(.md-tabs,.x) p{c:d}") == ":is(.md-tabs,.md-header) p{a:b}"
    assert kept(".md-header:has(.md-tabs){a:b}") == ""


def test_attributes_by_name_and_by_value_and_dir_only_as_pages_write_it() -> None:
    assert kept('[data-md-toggle=drawer]{a:b}[data-md-toggle=search]{c:d}[data-md-component]{e:f}') == \
        "[data-md-toggle=drawer]{a:b}[data-md-component]{e:f}"
    found = names(script=BUNDLE + ';getAttribute("dir")==="rtl"')
    assert kept("[dir=ltr] p{a:b}[dir=rtl] p{c:d}", found) == "[dir=ltr] p{a:b}"


def test_what_scripts_add_counts_only_within_components_the_pages_have_or_by_classlist() -> None:
    found = names(script=BUNDLE + ';q("md-header__title--active");q("md-version__list")')
    assert kept(".js p{a:b}.md-tooltip2--active{c:d}.md-header__title--active{e:f}.md-version__list{g:h}"
                ".md-search-result__more summary{i:j}", found) == \
        ".js p{a:b}.md-tooltip2--active{c:d}.md-header__title--active{e:f}"


def test_at_rules_wrap_what_stays_and_font_faces_keyframes_and_prints_stay() -> None:
    css = ("@media print{.md-header{display:none}.md-tabs{x:y}}@media screen{.md-tabs{x:y}}"
           "@font-face{font-family:x;src:url(a.woff2)}@keyframes spin{0%{a:b}to{c:d}}")
    assert kept(css) == ("@media print{.md-header{display:none}}@font-face{font-family:x;src:url(a.woff2)}"
                         "@keyframes spin{0%{a:b}to{c:d}}")


def test_a_list_naming_a_browsers_own_pseudo_class_stays_whole() -> None:
    """Chromium drops a whole list with `::-moz-…` in it; shortened to its other selectors, it would apply."""
    assert kept(".md-tabs::-moz-range-thumb,.md-header{a:b}") == ".md-tabs::-moz-range-thumb,.md-header{a:b}"


def test_custom_properties_nothing_reads_go_and_the_ones_read_through_others_stay() -> None:
    css = ":root{--a:red;--b:var(--c);--c:blue;--d:url(icon.svg);--e:1px}p{color:var(--a)}"
    assert without_unused_properties(css, frozenset({"--e"})) == ":root{--a:red;--e:1px}p{color:var(--a)}"
    assert without_unused_properties(css + "q{x:var(--b)}", frozenset()) == \
        ":root{--a:red;--b:var(--c);--c:blue}p{color:var(--a)}q{x:var(--b)}"


def test_no_script_sets_an_attribute_whose_values_only_pages_give(built_site: Path) -> None:
    """SET_BY_PAGES_ONLY (`dir`) holds only while Material's bundle and ours read it and never write it."""
    for script in built_site.rglob("*.js"):
        text = script.read_text(encoding="utf-8")
        for name in SET_BY_PAGES_ONLY:
            assert not re.search(rf"""setAttribute\(\s*["']{name}["']|\.{name}\s*=[^=]""", text), script


def test_the_built_site_ships_one_trimmed_stylesheet_that_every_page_names(tmp_path: Path, built_site: Path) -> None:
    sheets = list(built_site.rglob("main.*.min.css"))
    assert len(sheets) == 1 and sheets[0].stat().st_size < 80_000, sheets
    assert not list(built_site.rglob("main.*.min.css.map")), "the source map maps the whole file, no longer shipped"
    home = (built_site / "index.html").read_text(encoding="utf-8")
    [joined] = re.findall(r'<link rel="stylesheet" href="(assets/stylesheets/styles\.[0-9a-f]{8}\.min\.css)">', home)
    assert (built_site / joined).read_text(encoding="utf-8").startswith(sheets[0].read_text(encoding="utf-8"))
    assert "md-header" in used_names(built_site).classes
    assert trim_site(tmp_path) == {}, "a folder without Material's stylesheet is left as it is"
