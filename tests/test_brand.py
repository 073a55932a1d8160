"""Text on the brand colours is readable: a contrast ratio of at least 4.5:1, measured in the browser."""

from __future__ import annotations

import pytest

from tests.browser_helpers import open_context
from tests.conftest import PHONE

# Elements whose background is a brand colour, and the text on them.
BRAND_ELEMENTS = [".md-header", ".call-bar__action--primary", ".cta-button--header",
                  ".call-clinic > .admonition-title", ".urgent-care > .admonition-title",
                  ".emergency > .admonition-title"]

CONTRAST = """selector => {
    const el = document.querySelector(selector);
    const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
    const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
    const style = getComputedStyle(el);
    const [a, b] = [lum(style.color), lum(style.backgroundColor)].sort((x, y) => y - x);
    return {ratio: (a + 0.05) / (b + 0.05), color: style.color, background: style.backgroundColor};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_on_brand_colours_has_at_least_4_5_to_1_contrast(browser, base_url, scheme: str) -> None:
    with open_context(browser, base_url, PHONE, scheme) as (page, _):
        page.goto(base_url + "aftercare/")
        for selector in BRAND_ELEMENTS:
            measured = page.evaluate(CONTRAST, selector)
            assert measured["ratio"] >= 4.5, (selector, scheme, measured)
