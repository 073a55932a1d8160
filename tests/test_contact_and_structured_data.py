"""The contact page shows what we know and leaves out what we do not; structured data describes the clinic."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import build_variant

# A small clinic that has given only its name, phone and town (whatever the real settings say today).
FEW_DETAILS = {
    ("extra", "clinic", "name"): "Sunrise Skin Studio", ("extra", "clinic", "phone"): "(559) 555-0187",
    ("extra", "clinic", "city"): "Fresno", ("extra", "clinic", "region"): "CA",
    **{("extra", "clinic", key): "" for key in ("email", "booking_url", "street_address", "postcode", "map_url")},
    ("extra", "clinic", "hours"): [],
}
FULL_DETAILS = {
    **FEW_DETAILS,
    ("extra", "clinic", "email"): "hello@clinic.example",
    ("extra", "clinic", "booking_url"): "https://booking.example.org/clinic",
    ("extra", "clinic", "street_address"): "1 Example Way",
    ("extra", "clinic", "postcode"): "92656",
    ("extra", "clinic", "hours"): [{"day": "Monday", "opens": "09:00", "closes": "17:00"},
                                   {"day": "Sunday", "closed": True}],
}


@pytest.fixture(scope="module")
def few_details_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_variant(tmp_path_factory.mktemp("few"), FEW_DETAILS)


@pytest.fixture(scope="module")
def full_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_variant(tmp_path_factory.mktemp("full"), FULL_DETAILS)


def json_ld(html: str) -> list[dict]:
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)["@graph"]


def test_with_unknown_details_the_contact_page_has_no_empty_sections_or_dead_links(few_details_site: Path) -> None:
    html = (few_details_site / "contact" / "index.html").read_text(encoding="utf-8")
    for heading in ("Opening hours", "Email", "Book online"):
        assert f">{heading}</h2>" not in html
    assert 'href=""' not in html and "mailto:" not in html and "map app" not in html
    assert 'href="tel:+15595550187">Call (559) 555-0187</a>' in html
    assert "Sunrise Skin Studio, Fresno, CA." in html


def test_with_full_details_the_contact_page_shows_them_all(full_site: Path) -> None:
    html = (full_site / "contact" / "index.html").read_text(encoding="utf-8")
    assert '<a href="mailto:hello@clinic.example">hello@clinic.example</a>' in html
    assert "Sunrise Skin Studio, 1 Example Way, Fresno, CA 92656." in html
    assert ">Open the address in your map app</a>" in html
    assert "<td>Monday</td><td>9 am to 5 pm</td>" in html and "<td>Sunday</td><td>Closed</td>" in html
    assert 'href="https://booking.example.org/clinic" rel="noopener noreferrer">Book a consultation</a>' in html


def test_every_page_describes_the_clinic_and_clinical_pages_describe_the_procedure(few_details_site: Path) -> None:
    home = json_ld((few_details_site / "index.html").read_text(encoding="utf-8"))
    assert [item["@type"] for item in home] == ["MedicalClinic"]
    assert home[0] | {"url": ""} == {
        "@type": "MedicalClinic", "name": "Sunrise Skin Studio", "telephone": "+15595550187", "url": "",
        "address": {"@type": "PostalAddress", "addressCountry": "US", "addressLocality": "Fresno",
                    "addressRegion": "CA"}}
    aftercare = json_ld((few_details_site / "aftercare" / "index.html").read_text(encoding="utf-8"))
    page = aftercare[1]
    assert page["@type"] == "MedicalWebPage" and page["audience"]["audienceType"] == "Patient"
    assert page["about"]["@type"] == "MedicalProcedure"
    assert "lastReviewed" not in page and "reviewedBy" not in page


def test_opening_hours_appear_in_structured_data_when_known(full_site: Path) -> None:
    clinic = json_ld((full_site / "index.html").read_text(encoding="utf-8"))[0]
    assert clinic["openingHoursSpecification"] == [{"@type": "OpeningHoursSpecification",
                                                    "dayOfWeek": "https://schema.org/Monday",
                                                    "opens": "09:00", "closes": "17:00"}]
    assert clinic["address"]["streetAddress"] == "1 Example Way"
