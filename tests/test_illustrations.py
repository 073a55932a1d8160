"""The illustrations (issue 13): every `figure.illustration` in the built site is an inline SVG image with a name,
coloured only by the stylesheet's classes, with readable text in both colour schemes, that fits a 360 px phone.

The illustrations are found in the built HTML, so a new one is checked without changing this file.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from scripts.built_site import page_paths
from tests.browser_helpers import open_context
from tests.conftest import PHONE

NARROW_PHONE = {"width": 360, "height": 740}
MIN_CONTRAST = 4.5
MIN_TEXT_PX = 12  # the smallest text on a 360 px phone
# Presentation attributes that would colour or style an element outside the stylesheet.
STYLING_ATTRIBUTES = ("style", "fill", "stroke", "color", "stop-color", "flood-color", "lighting-color", "opacity",
                      "fill-opacity", "stroke-opacity", "font-size", "font-family")


class _FigureCounter(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "figure" and "illustration" in (dict(attrs).get("class") or "").split():
            self.count += 1


@pytest.fixture(scope="module")
def illustrated(built_site: Path) -> dict[str, int]:
    """Each page with illustrations ("what-is-it/") and how many it has, read from the built HTML."""
    found = {}
    for path in page_paths(built_site):
        counter = _FigureCounter()
        html = built_site / path if path.endswith(".html") else built_site / path / "index.html"
        counter.feed(html.read_text(encoding="utf-8"))
        if counter.count:
            found[path] = counter.count
    assert sum(found.values()) >= 3, f"issue 13 asks for at least three illustrations; the site has {found}"
    return found


def figures(page, path: str, expected: int) -> list:
    found = page.locator("figure.illustration").all()
    assert len(found) == expected, f"/{path}: {len(found)} illustrations in the browser, {expected} in the HTML"
    return found


def test_every_illustration_is_an_inline_svg_image_with_a_name(browser, base_url: str,
                                                              illustrated: dict[str, int]) -> None:
    """The name Chromium's accessibility tree gives the SVG, so a missing or broken aria-labelledby fails."""
    problems = []
    with open_context(browser, base_url, PHONE) as (page, _log):
        cdp = page.context.new_cdp_session(page)
        for path, count in illustrated.items():
            page.goto(base_url + path)
            for index, figure in enumerate(figures(page, path, count)):
                label = f"/{path} illustration {index + 1}"
                svgs = figure.locator(":scope > svg")
                if svgs.count() != 1 or figure.locator("img, object, embed, iframe").count():
                    problems.append(f"{label}: needs exactly one inline <svg> (no <img>: it ignores dark mode)")
                    continue
                if svgs.get_attribute("role") != "img":
                    problems.append(f"{label}: the <svg> needs role=\"img\"")
                svgs.evaluate("svg => svg.setAttribute('data-ax-probe', '')")
                root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
                node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "[data-ax-probe]"})["nodeId"]
                ax = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})["nodes"][0]
                svgs.evaluate("svg => svg.removeAttribute('data-ax-probe')")
                name = (ax.get("name") or {}).get("value", "").strip()
                role = (ax.get("role") or {}).get("value")
                if ax.get("ignored") or role != "image" or not name:
                    problems.append(f"{label}: accessible role {role!r} and name {name!r}: give the <svg> "
                                    "aria-labelledby pointing at its <title>")
                if not figure.locator(":scope > figcaption").count():
                    problems.append(f"{label}: needs a <figcaption>")
    assert not problems, "\n".join(problems)


NO_STYLING = """(figure, names) => [...figure.querySelectorAll('*'), figure].flatMap(el => [
    ...(el.localName === 'style' ? ['a <style> element'] : []),
    ...names.filter(name => el.hasAttribute(name)).map(name => `${name}= on <${el.localName}>`),
])"""


def test_no_illustration_has_a_style_attribute_or_colours_of_its_own(browser, base_url: str,
                                                                      illustrated: dict[str, int]) -> None:
    """The CSP forbids style= and <style>; colours in attributes would also ignore the dark scheme."""
    problems = []
    with open_context(browser, base_url, PHONE) as (page, _log):
        for path, count in illustrated.items():
            page.goto(base_url + path)
            for index, figure in enumerate(figures(page, path, count)):
                problems += [f"/{path} illustration {index + 1}: {found}: use a class from site.css"
                             for found in figure.evaluate(NO_STYLING, list(STYLING_ATTRIBUTES))]
    assert not problems, "\n".join(problems)


# The colour behind a point of a text: the painted layers under it (SVG shapes of the figure, then the figure's
# HTML ancestors), composited from the bottom up over white; then the text's own colour over that.
CONTRAST = """figure => {
    figure.scrollIntoView({block: 'center'});
    const svg = figure.querySelector('svg');
    const parse = c => { const m = c && c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
        const v = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
        return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1]; };
    const over = ([r, g, b, a], [R, G, B]) => [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a)];
    const lum = c => { const [r, g, b] = c.map(v => { v /= 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
    const opacity = el => { let o = 1; for (let e = el; e && e !== svg.parentElement; e = e.parentElement)
        o *= Number(getComputedStyle(e).opacity); return o; };
    const paint = el => { const s = getComputedStyle(el);
        const c = parse(svg.contains(el) && el !== svg ? s.fill : s.backgroundColor);
        if (!c) return null;
        c[3] *= (svg.contains(el) && el !== svg ? Number(s.fillOpacity) : 1) * opacity(el); return c; };
    const results = [];
    for (const text of svg.querySelectorAll('text')) {
        const box = text.getBoundingClientRect(), y = box.top + box.height / 2;
        const colour = paint(text);
        let worst = null;
        const frame = svg.getBoundingClientRect();
        const inside = x => Math.min(Math.max(x, frame.left + 1), frame.right - 1);
        for (const x of [box.left + 2, box.left + box.width / 2, box.right - 2].map(inside)) {
            const layers = [];
            for (const el of document.elementsFromPoint(x, y)) {
                if (!(svg.contains(el) || el.contains(figure)) || el.closest('text')) continue;
                const c = paint(el);
                if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
            }
            const back = layers.reverse().reduce((under, c) => over(c, under), [255, 255, 255]);
            const [a, b] = [lum(over(colour, back)), lum(back)].sort((p, q) => q - p);
            const ratio = (a + 0.05) / (b + 0.05);
            if (!worst || ratio < worst.ratio) worst = {ratio, background: back.map(Math.round).join(',')};
        }
        results.push({text: text.textContent, colour: getComputedStyle(text).fill, ...worst});
    }
    return results;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_illustration_text_has_at_least_4_5_to_1_contrast(browser, base_url: str, illustrated: dict[str, int],
                                                          scheme: str) -> None:
    problems = []
    with open_context(browser, base_url, PHONE, scheme) as (page, _log):
        for path, count in illustrated.items():
            page.goto(base_url + path)
            wanted = "dark" if scheme == "dark" else "normal"  # site.css follows the phone's setting
            assert page.evaluate("getComputedStyle(document.documentElement).colorScheme") == wanted
            for index, figure in enumerate(figures(page, path, count)):
                measured = figure.evaluate(CONTRAST)
                assert measured, f"/{path} illustration {index + 1} has no text to measure"
                problems += [f"/{path} illustration {index + 1} ({scheme}): {m['text']!r} is {m['colour']} on "
                             f"rgb({m['background']}): {m['ratio']:.2f}:1" for m in measured
                             if m["ratio"] < MIN_CONTRAST]
    assert not problems, f"text under {MIN_CONTRAST}:1 (set the colours in site.css):\n" + "\n".join(problems)


LAYOUT = """figure => {
    const svg = figure.querySelector('svg'), frame = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')].map(t => ({t, box: t.getBoundingClientRect(),
        px: parseFloat(getComputedStyle(t).fontSize) * svg.getScreenCTM().a}));
    const problems = [];
    if (frame.left < 0 || frame.right > document.documentElement.clientWidth)
        problems.push(`the drawing runs from ${frame.left} to ${frame.right} px`);
    texts.forEach(({t, box, px}, i) => {
        if (px < MIN) problems.push(`'${t.textContent}' is ${px.toFixed(1)} px`);
        if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5 || box.top < frame.top - 0.5
            || box.bottom > frame.bottom + 0.5) problems.push(`'${t.textContent}' is cut off at the edge`);
        texts.slice(i + 1).forEach(({t: u, box: b}) => {
            if (box.left < b.right - 1 && b.left < box.right - 1 && box.top < b.bottom - 1 && b.top < box.bottom - 1)
                problems.push(`'${t.textContent}' overlaps '${u.textContent}'`);
        });
    });
    return problems;
}"""


def test_illustrations_fit_a_360_px_phone_with_readable_separate_labels(browser, base_url: str,
                                                                       illustrated: dict[str, int]) -> None:
    problems = []
    with open_context(browser, base_url, NARROW_PHONE) as (page, _log):
        for path, count in illustrated.items():
            page.goto(base_url + path)
            scroll = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            if scroll[0] > scroll[1]:
                problems.append(f"/{path}: scrolls sideways at 360 px ({scroll[0]} px wide)")
            for index, figure in enumerate(figures(page, path, count)):
                layout = figure.evaluate(LAYOUT.replace("MIN", str(MIN_TEXT_PX)))
                problems += [f"/{path} illustration {index + 1} at 360 px: {problem}" for problem in layout]
    assert not problems, "\n".join(problems)
