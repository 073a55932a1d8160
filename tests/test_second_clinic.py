"""The site is a generator: another clinic changes the settings and its logo file, not code. Built from a
second, fictional clinic's settings, no built file carries any of the first clinic's details."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from scripts.release.preview_image import OUTPUT, preview_from_settings
from scripts.site.settings import load_settings
from tests.conftest import ROOT, build_variant

SECOND_CLINIC = {
    ("site_description",): "Clear answers about microneedling from Sunrise Skin Studio, a clinic in Fresno, CA.",
    ("extra", "clinic", "name"): "Sunrise Skin Studio",
    ("extra", "clinic", "phone"): "(559) 555-0187",
    ("extra", "clinic", "city"): "Fresno",
    ("extra", "clinic", "region"): "CA",
    ("extra", "clinic", "booking_url"): "https://book.sunrise-skin.example/consult",
    ("extra", "clinic", "hours"): [{"day": "Tuesday", "opens": "10:00", "closes": "18:00"}],
    ("extra", "brand"): {"primary": "#6a2c70", "primary_dark": "#431a47", "primary_light": "#f3e6f4",
                         "primary_on_dark": "#e2b6e6"},
}
SECOND_LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" role="img" aria-label="Sunrise Skin '
               'Studio"><circle cx="24" cy="24" r="20" fill="#ffffff"/></svg>')
LOGO = "docs/assets/images/logo.svg"


def first_clinic_details() -> dict[str, str]:
    """The first clinic's details as they could appear in a built file, each phone format included."""
    clinic = load_settings(ROOT / "mkdocs.yml")["extra"]["clinic"]
    digits = re.sub(r"\D", "", str(clinic["phone"]))[-10:]
    details = {"name": str(clinic["name"]), "city": str(clinic["city"]),
               "phone": f"{digits[3:6]}-{digits[6:]}", "phone digits": digits}
    if clinic.get("booking_url"):
        details["booking host"] = urlparse(clinic["booking_url"]).netloc
    return {label: value for label, value in details.items() if value}


@pytest.fixture(scope="module")
def second_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_variant(tmp_path_factory.mktemp("second-clinic"), SECOND_CLINIC, {LOGO: SECOND_LOGO})


def test_no_built_file_names_the_first_clinic(second_site: Path) -> None:
    found = []
    for file in sorted(path for path in second_site.rglob("*") if path.is_file()):
        try:
            text = file.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # images: the preview image is checked below, the logo is the second clinic's file
        squeezed = re.sub(r"\D", "", text)
        for label, value in first_clinic_details().items():
            if value.lower() in text.lower() or (label == "phone digits" and value in squeezed):
                found.append(f"{file.relative_to(second_site)}: the first clinic's {label} ({value})")
    assert not found, "\n".join(found)


def test_the_second_clinics_own_details_are_what_patients_see(second_site: Path) -> None:
    contact = (second_site / "contact" / "index.html").read_text(encoding="utf-8")
    assert "Sunrise Skin Studio" in contact and 'href="tel:+15595550187"' in contact
    assert "https://book.sunrise-skin.example/consult" in contact
    assert (second_site / "assets" / "images" / "logo.svg").read_text(encoding="utf-8") == SECOND_LOGO
    assert "--brand-primary: #6a2c70" in (second_site / "assets" / "css" / "brand.css").read_text(encoding="utf-8")


def test_the_link_preview_image_is_drawn_from_the_second_clinics_settings(second_site: Path) -> None:
    second = second_site.parent / "project" / "mkdocs.yml"
    assert (second_site / OUTPUT).read_bytes() == preview_from_settings(second)
    assert preview_from_settings(second) != preview_from_settings(ROOT / "mkdocs.yml")
