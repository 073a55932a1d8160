"""Text on the brand colours is readable: a contrast ratio of at least 4.5:1, measured in the browser against
the colour actually behind the text, in the light and the dark scheme."""

from __future__ import annotations

import pytest

from tests.browser_helpers import open_context
from tests.conftest import PHONE

# Elements whose background is a brand colour (their own, or one showing through them), and the text on them.
BRAND_ELEMENTS = [".md-header", ".call-bar__action--primary", ".cta-button--header",
                  ".call-clinic > .admonition-title", ".urgent-care > .admonition-title",
                  ".emergency > .admonition-title"]
AA = 4.5

# The colour behind an element is not its own background-color when that is (semi-)transparent, as Material's
# .md-header can be: walk up its ancestors, compositing each background over the next, down to an opaque one or,
# past the root, the page's canvas (the root's or body's background, which CSS draws over the whole canvas; or the
# browser's own canvas: white, or Chromium's dark canvas when the page uses the dark colour scheme). The text
# colour, if semi-transparent, is composited over that.
CONTRAST = """selector => {
    const el = document.querySelector(selector);
    if (!el) return null;
    const parse = c => { const v = c.match(/[\\d.]+/g).map(Number);
        return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1]; };
    const over = (top, bottom) => { const a = top[3] + bottom[3] * (1 - top[3]);
        return a === 0 ? [0, 0, 0, 0] : [0, 1, 2].map(i => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a)
            .concat([a]); };
    const root = document.documentElement;
    const dark = getComputedStyle(root).colorScheme.includes("dark")
        && matchMedia("(prefers-color-scheme: dark)").matches;
    const own = [root, document.body].map(node => parse(getComputedStyle(node).backgroundColor))
        .find(colour => colour[3] > 0);
    const canvas = dark ? [18, 18, 18, 1] : [255, 255, 255, 1];
    let behind = own ? over(own, canvas) : canvas;
    const layers = [];
    for (let node = el; node && node !== root && node !== document.body; node = node.parentElement) {
        const colour = parse(getComputedStyle(node).backgroundColor);
        if (colour[3] > 0) layers.push(colour);
        if (colour[3] >= 1) break;
    }
    for (const layer of layers.reverse()) behind = over(layer, behind);
    const text = over(parse(getComputedStyle(el).color), behind);
    const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
    const [a, b] = [lum(text), lum(behind)].sort((x, y) => y - x);
    const rgb = c => `rgb(${c.slice(0, 3).map(Math.round).join(", ")})`;
    return {ratio: (a + 0.05) / (b + 0.05), color: rgb(text), background: rgb(behind),
            own_background: getComputedStyle(el).backgroundColor};
}"""


def contrast(page: object, selector: str) -> dict[str, object]:
    """The contrast of the first `selector`'s text with the colour behind it: {ratio, color, background, ...}."""
    measured = page.evaluate(CONTRAST, selector)
    assert measured is not None, f"no {selector} on the page"
    return measured


def low_contrast(page: object, selectors: list[str]) -> list[tuple[str, dict[str, object]]]:
    """The selectors whose text is below 4.5:1 against what is behind it, with what was measured."""
    return [(selector, measured) for selector in selectors
            if (measured := contrast(page, selector))["ratio"] < AA]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_on_brand_colours_has_at_least_4_5_to_1_contrast(browser, base_url, scheme: str) -> None:
    with open_context(browser, base_url, PHONE, scheme) as (page, _):
        page.goto(base_url + "aftercare/")
        assert low_contrast(page, BRAND_ELEMENTS) == [], scheme


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_white_text_on_a_transparent_header_over_a_white_page_is_caught(browser, scheme: str) -> None:
    """The companion: a transparent header shows the page behind it; white text on it over a white page is
    unreadable, whatever the header's own (transparent) background-color says."""
    page_html = ("<!doctype html><html><body style='background: #fff; margin: 0'><div style='background: "
                 "rgba(255, 255, 255, 0.6)'><header class='md-header' style='background: transparent; color: #fff'>"
                 "Clinic</header></div></body></html>")
    with open_context(browser, "http://127.0.0.1/", PHONE, scheme) as (page, _):
        page.set_content(page_html)
        [(selector, measured)] = low_contrast(page, [".md-header"])
        assert selector == ".md-header" and measured["ratio"] < 1.01, measured
        assert measured["background"] == "rgb(255, 255, 255)", measured


def test_a_transparent_header_planted_in_a_real_page_is_caught(browser, base_url) -> None:
    """The companion on the real page: the header made transparent, with white text, over a white page."""
    with open_context(browser, base_url, PHONE, "light", bypass_csp=True) as (page, _):
        page.goto(base_url + "aftercare/")
        page.add_style_tag(content=".md-header { background: transparent !important; color: #fff !important } "
                                   "html, body { background: #fff !important }")
        assert [selector for selector, _ in low_contrast(page, BRAND_ELEMENTS)] == [".md-header"]
