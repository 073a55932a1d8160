"""Every page works with a keyboard and reflows at 320 px, and search finds a page as you type. (axe-core and
tap-target sizes are checked on each page's visit in tests/test_pages_in_browser.py.)"""

from __future__ import annotations

from scripts.built_site import page_paths
from tests.browser_helpers import open_context
from tests.conftest import DESKTOP, PHONE


def test_first_tab_stop_is_skip_to_content_and_focus_is_visible(browser, base_url, built_site) -> None:
    problems = []
    with open_context(browser, base_url, DESKTOP) as (page, _):
        for path in page_paths(built_site):
            page.goto(base_url + path)
            page.keyboard.press("Tab")
            focused = page.evaluate("""() => {
                const el = document.activeElement, style = getComputedStyle(el);
                const box = el.getBoundingClientRect();
                return {text: el.textContent.trim(), visible: box.width > 0 && box.height > 0,
                        outline: style.outlineStyle !== 'none' || style.boxShadow !== 'none'};
            }""")
            # Material's words for the link, in the page's language (Spanish: partials/languages/custom-es.html).
            skip = "Ir al contenido" if path.startswith("es/") else "Skip to content"
            if focused["text"] != skip or not focused["visible"]:
                problems.append(f"/{path}: the first Tab stop is {focused['text']!r}, not a visible {skip!r}")
            elif not focused["outline"]:
                problems.append(f"/{path}: 'Skip to content' has focus but no visible focus outline")
    assert not problems, "\n".join(problems)


def test_keyboard_reaches_call_book_and_content_links_in_visual_order_without_positive_tabindex(
        browser, base_url, built_site) -> None:
    problems = []
    with open_context(browser, base_url, PHONE) as (page, _):
        for path in page_paths(built_site):
            page.goto(base_url + path)
            positive = page.evaluate("[...document.querySelectorAll('[tabindex]')]"
                                     ".filter(e => e.tabIndex > 0).map(e => e.outerHTML.slice(0, 80))")
            problems += [f"/{path}: positive tabindex on {html}" for html in positive]
            reached, content_tops = set(), []
            for _ in range(300):
                page.keyboard.press("Tab")
                step = page.evaluate("""() => {
                    const el = document.activeElement;
                    if (el === document.body || el.dataset.tabSeen) return {done: true};
                    el.dataset.tabSeen = "1";
                    const shown = e => { const s = getComputedStyle(e);
                        return s.outlineStyle !== 'none' || s.boxShadow !== 'none'; };
                    const box = el.getBoundingClientRect();
                    return {done: false, href: el.getAttribute('href') || '', html: el.outerHTML.slice(0, 80),
                            inContent: !!el.closest('.md-content'), top: box.top + window.scrollY,
                            focusShown: shown(el) || [...(el.labels || [])].some(shown)
                                    || (el.nextElementSibling?.tagName === 'LABEL' && shown(el.nextElementSibling))};
                }""")
                if step["done"]:
                    break
                reached.add(step["href"])
                if step["inContent"]:
                    content_tops.append((step["top"], step["html"]))
                if not step["focusShown"]:
                    problems.append(f"/{path} (phone): no visible focus on {step['html']}")
            for (before, _), (after, html) in zip(content_tops, content_tops[1:], strict=False):
                if after < before - 2:
                    problems.append(f"/{path} (phone): focus jumps back up the page to {html}")
            wanted = page.evaluate("""[...document.querySelectorAll('.md-content a[href], .call-bar a, .cta-button')]
                .filter(a => a.offsetParent !== null).map(a => a.getAttribute('href'))""")
            problems += [f"/{path} (phone): Tab never reaches the link to {href}" for href in wanted
                         if href not in reached]
    assert not problems, "\n".join(sorted(set(problems)))


def test_no_page_scrolls_sideways_at_320_pixels(browser, base_url, built_site) -> None:
    problems = []
    with open_context(browser, base_url, {"width": 320, "height": 640}) as (page, _):
        for path in page_paths(built_site):
            page.goto(base_url + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 320:
                problems.append(f"/{path}: the page is {width} px wide at a 320 px screen")
    assert not problems, "\n".join(problems)


def test_typing_sunscreen_in_search_lists_the_aftercare_page(browser, base_url) -> None:
    with open_context(browser, base_url, DESKTOP) as (page, _):
        page.goto(base_url)
        search = page.locator("input.md-search__input")
        search.click()
        search.press_sequentially("sunscreen", delay=50)
        results = page.locator(".md-search-result__item a")
        results.first.wait_for(timeout=10_000)
        hrefs = results.evaluate_all("links => links.map(a => a.href)")
        assert any("/aftercare/" in href for href in hrefs), hrefs
