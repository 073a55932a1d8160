"""Every page of the built site in Chromium, at phone and desktop size, in the light and the dark scheme: it loads
privately, without errors and within the site's Content-Security-Policy; axe-core (WCAG 2.0-2.2 A/AA and best
practices) finds no violation; and controls are big enough to tap.

Each page is opened once per size and scheme and everything is checked on that one visit; the tests read what the
visit found. The dark scheme changes colours only (the `prefers-color-scheme: dark` blocks of docs/assets/css/site.css),
so in it axe runs its colour rules, and every rule runs in the light scheme.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from scripts.built_site import page_paths
from scripts.quiet_network import open_settled
from tests.browser_helpers import open_context
from tests.conftest import DESKTOP, PHONE, ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
SIZES = {"phone": PHONE, "desktop": DESKTOP}

# Runs axe by `tags`, as axe chooses the rules for them; with `coloursOnly`, every rule but the colour ones (axe
# tags those "cat.color") is switched off.
RUN_AXE = """([tags, coloursOnly]) => {
  const off = axe.getRules(tags).filter((rule) => coloursOnly && !rule.tags.includes("cat.color"))
    .map((rule) => [rule.ruleId, {enabled: false}]);
  return axe.run(document, {runOnly: {type: "tag", values: tags}, rules: Object.fromEntries(off)});
}"""

# Controls outside running text: 24 px at least (WCAG 2.2 target size), the call and book buttons 44 px.
SMALL_CONTROLS = """() => [...document.querySelectorAll(
        'button, label.md-icon, .md-header a, .md-footer a, .call-bar a, .cta-button, .copy-link')]
    .filter(e => { const s = getComputedStyle(e);
        return e.offsetParent !== null && s.visibility !== 'hidden'
            && s.opacity !== '0' && s.pointerEvents !== 'none'; })
    .map(e => { const b = e.getBoundingClientRect();
        const big = e.matches('.call-bar a, .cta-button') ? 44 : 24;
        return {html: e.outerHTML.slice(0, 70), w: b.width, h: b.height, big}; })
    .filter(b => b.w < b.big || b.h < b.big)"""

# Records each policy violation from the start of every page load.
RECORD_VIOLATIONS = ("window.__violations = [];document.addEventListener('securitypolicyviolation',"
                     " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));")


@dataclass
class Visit:
    """What one size and scheme's visit of every page found, as lines naming the page."""

    size: str
    scheme: str
    loading: list[str] = field(default_factory=list)
    accessibility: list[str] = field(default_factory=list)
    small_controls: list[str] = field(default_factory=list)
    pages: int = 0


def visit_every_page(browser, base_url: str, built_site: Path, size: str, scheme: str) -> Visit:
    visit = Visit(size, scheme)
    axe_source = AXE.read_text(encoding="utf-8")
    with open_context(browser, base_url, SIZES[size], scheme) as (page, log):
        page.add_init_script(RECORD_VIOLATIONS)
        for path in page_paths(built_site):
            where = f"/{path} ({size}, {scheme})"
            response = open_settled(page, base_url + path)
            visit.loading += [f"{where}: policy violation: {v}" for v in page.evaluate("window.__violations")]
            if path != "404.html" and (response is None or response.status != 200):
                visit.loading.append(f"{where}: HTTP {response.status if response else 'no response'}")
            visit.loading += [f"{where}: console error: {error}" for error in log.console_errors]
            visit.loading += [f"{where}: request to a third party: {url}" for url in log.third_party_requests]
            log.console_errors.clear()
            log.third_party_requests.clear()

            visit.small_controls += [f"{where}: {b['w']:.0f}x{b['h']:.0f} px, needs {b['big']}: {b['html']}"
                                     for b in page.evaluate(SMALL_CONTROLS)]

            # Evaluated, not added as a <script>: the page's policy rightly forbids inline scripts.
            page.evaluate(axe_source)
            result = page.evaluate(RUN_AXE, [AXE_TAGS, scheme == "dark"])
            visit.accessibility += [f"{where}: {violation['id']}: {violation['help']} at "
                                    f"{' '.join(node['target'])}: {node['failureSummary']}"
                                    for violation in result["violations"] for node in violation["nodes"]]
            visit.pages += 1
    return visit


class EveryPage:
    """The checks on one visit of every page at the size and scheme a subclass names. Each subclass is one unit of
    work for the test workers (`--dist loadscope`), so its pages are visited once."""

    size: str
    scheme: str

    @pytest.fixture(scope="class")
    @classmethod
    def visit(cls, browser, base_url, built_site) -> Visit:
        assert AXE.exists(), "axe-core is missing: run `npm ci` (make test does)"
        return visit_every_page(browser, base_url, built_site, cls.size, cls.scheme)

    def test_every_page_loads_without_errors_policy_violations_or_third_party_requests(self, visit: Visit) -> None:
        assert visit.pages, "no page was visited"
        assert not visit.loading, "\n".join(visit.loading)

    def test_axe_finds_no_violation_on_any_page(self, visit: Visit) -> None:
        assert not visit.accessibility, "\n".join(visit.accessibility)

    def test_controls_outside_running_text_are_at_least_24_pixels_and_call_book_44(self, visit: Visit) -> None:
        assert not visit.small_controls, "\n".join(visit.small_controls)


class TestOnAPhoneInLight(EveryPage):
    size, scheme = "phone", "light"


class TestOnAPhoneInDark(EveryPage):
    size, scheme = "phone", "dark"


class TestOnADesktopInLight(EveryPage):
    size, scheme = "desktop", "light"


class TestOnADesktopInDark(EveryPage):
    size, scheme = "desktop", "dark"


# What a dark-scheme block may change, for the colour-only axe passes above to see everything it changes.
COLOUR_PROPERTY = re.compile(r"--[\w-]+|color|color-scheme|background(-color)?|fill|stroke|box-shadow|"
                             r"(border|outline|text-decoration|caret|accent)(-\w+)?-color")


def dark_scheme_properties(css: str) -> list[str]:
    """The properties set inside the stylesheet's `prefers-color-scheme: dark` blocks."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    properties = []
    for start in re.finditer(r"@media[^{]*prefers-color-scheme:\s*dark[^{]*\{", css):
        depth, end = 1, start.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(css[end], 0)
            end += 1
        properties += re.findall(r"([\w-]+)\s*:[^;{}]*[;}]", css[start.end():end])
    return properties


def test_the_dark_scheme_changes_colours_only() -> None:
    stylesheets = [*ROOT.glob("docs/**/*.css"), *ROOT.glob("overrides/**/*.css")]
    found = {path.relative_to(ROOT): dark_scheme_properties(path.read_text(encoding="utf-8")) for path in stylesheets}
    assert any(found.values()), "no dark-scheme block found: is the stylesheet still docs/assets/css/site.css?"
    other = [f"{path}: {name}" for path, names in found.items() for name in names
             if not COLOUR_PROPERTY.fullmatch(name)]
    assert not other, ("a dark-scheme block changes more than colours, so axe must run every rule in the dark "
                       "scheme too (RUN_AXE's coloursOnly):\n" + "\n".join(other))
