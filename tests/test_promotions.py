"""Promotions: shown only between their dates, dismissible, hidden in the browser once ended; an ended one
fails the build with a message asking to remove it."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from scripts.release.security_headers import parse_headers_file
from scripts.served_site import free_port, serve
from scripts.site.promotions import showing_today, validate_promotions
from tests.browser_helpers import open_context
from tests.conftest import PHONE, build_variant

PROMOTIONS = [
    {"text": "Book a consultation in December and ask about our winter offer.", "link": "/contact/",
     "start": "2026-11-01", "end": "2026-12-31"},
    {"text": "This spring offer has not started yet.", "start": "2027-03-01", "end": "2027-03-31"},
]


@pytest.fixture(scope="module")
def promotion_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_variant(tmp_path_factory.mktemp("promotion"), {("extra", "promotions"): PROMOTIONS})


def test_only_the_promotion_whose_dates_include_today_is_shown(promotion_site: Path) -> None:
    html = (promotion_site / "before" / "index.html").read_text(encoding="utf-8")
    assert 'data-promotion-end="2026-12-31"' in html and "winter offer" in html
    assert "spring offer" not in html


def test_without_promotions_there_is_no_announcement_bar(tmp_path: Path) -> None:
    site = build_variant(tmp_path, {("extra", "promotions"): []})
    html = (site / "index.html").read_text(encoding="utf-8")
    assert not re.search(r'class="[^"]*\bmd-banner\b', html), "an announcement bar without a promotion"


def test_an_ended_promotion_is_hidden_and_never_stops_the_build(tmp_path: Path) -> None:
    """The day after a promotion ends, publishing must go on: the promotion is just not shown any more."""
    ended = {"text": "Summer offer", "start": "2026-06-01", "end": "2026-08-31"}
    site = build_variant(tmp_path, {("extra", "promotions"): [ended]})
    assert "Summer offer" not in (site / "index.html").read_text(encoding="utf-8")
    [problem] = validate_promotions([ended], datetime(2026, 11, 25).date(), Path("mkdocs.yml"))
    assert problem.severity == "warning" and "ended on 2026-08-31, so it is no longer shown" in problem.message


def test_promotion_dates_are_checked_with_clear_messages() -> None:
    today = datetime(2026, 11, 25).date()
    problems = validate_promotions([{"text": "Offer", "start": "2026-12-10", "end": "2026-12-01"},
                                    {"text": "Other", "start": "soon", "end": "2026-12-01",
                                     "link": "http://example.org"}], today, Path("mkdocs.yml"))
    assert [p.message for p in problems] == [
        "promotion 'Offer' ends (2026-12-01) before it starts (2026-12-10): check the two dates",
        "promotion 'Other': 'start': 'soon' is not a date: write it as YYYY-MM-DD, e.g. 2026-11-25",
        "promotion 'Other': link 'http://example.org' must start with https:// or be a page of this site "
        "starting with /",
    ]
    assert showing_today([{"text": "x", "start": "2026-11-25", "end": "2026-11-25"}], today)


def served(site: Path):  # noqa: ANN201 (a context manager from tests/site_server.py)
    """The variant site with the security headers its build wrote, as a host would send them."""
    return serve(site, free_port(), parse_headers_file((site / "_headers").read_text(encoding="utf-8")))


def test_visitors_can_dismiss_the_promotion_and_it_stays_dismissed(browser, promotion_site: Path) -> None:
    with served(promotion_site) as url, open_context(browser, url, PHONE) as (page, log):
        page.goto(url + "before/")
        banner = page.locator("[data-md-component=announce] .md-banner")
        assert banner.is_visible()
        page.locator(".md-banner__button").click()
        page.goto(url + "during/")
        assert not page.locator("[data-md-component=announce] .md-banner").is_visible()
        assert not log.console_errors


def test_the_promotion_hides_itself_after_its_end_date_even_on_an_old_build(browser, promotion_site: Path) -> None:
    with served(promotion_site) as url, open_context(browser, url, PHONE) as (page, log):
        page.clock.set_fixed_time(datetime(2027, 1, 2, 10, 0))
        page.goto(url + "before/")
        page.wait_for_load_state("networkidle")
        assert not page.locator(".promotion").is_visible()
        assert not page.locator("[data-md-component=announce]").is_visible()


def test_a_promotion_ends_at_the_clinics_midnight_not_the_visitors(browser, promotion_site: Path) -> None:
    """On the clinic's last day of the offer (evening in California), a visitor whose own date is already the
    next day still sees it."""
    with served(promotion_site) as url:
        with open_context(browser, url, PHONE, timezone_id="Pacific/Kiritimati") as (page, log):
            page.clock.set_fixed_time("2027-01-01T04:00:00Z")  # 2026-12-31 20:00 in Aliso Viejo
            page.goto(url + "before/")
            page.wait_for_load_state("networkidle")
            assert page.evaluate("new Date().getDate()") == 1  # the visitor's own calendar has moved on
            assert page.locator(".promotion").is_visible()
            assert not log.console_errors
