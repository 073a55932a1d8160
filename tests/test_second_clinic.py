"""The site is a generator: another clinic changes the settings and its logo file, not code. Built from a
second, fictional clinic's settings, no built file carries any of the first clinic's details."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from PIL import Image

from scripts.release.preview_image import OUTPUT, PreviewText, preview_png, preview_text, treatment_output
from scripts.site.brand import brand_colours
from scripts.site.languages import languages
from scripts.site.settings import load_settings
from scripts.site.treatments import language_treatments
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


def first_clinic_in(text: str) -> list[str]:
    """The first clinic's details that `text` carries (each phone format too)."""
    squeezed = re.sub(r"\D", "", text)
    return [f"the first clinic's {label} ({value})" for label, value in first_clinic_details().items()
            if value.lower() in text.lower() or (label == "phone digits" and value in squeezed)]


def pixels(png: bytes) -> bytes:
    with Image.open(io.BytesIO(png)) as image:
        return image.convert("RGB").tobytes()


def preview_problems(text: PreviewText, png: bytes, colours: dict[str, str]) -> list[str]:
    """What is wrong with a preview image `png` said to show `text`: the text names the first clinic, or the
    picture is not that text drawn in `colours` (so the text checked is really the text drawn)."""
    # Joined with spaces: a name the description wraps across two lines ("Aliso" / "Viejo") is still found.
    problems = [f"its text names {found}" for found in first_clinic_in(" ".join(text.lines()))]
    if pixels(png) != pixels(preview_png(text, colours)):
        problems.append(f"its pixels are not {text} drawn")
    return problems


def test_each_link_preview_image_says_the_second_clinics_details(second_site: Path) -> None:
    project = second_site.parent / "project"
    found = {}
    for language in languages(project):  # each language has its own preview image, with its own title
        text = preview_text(language.config)
        assert text.clinic_name == "Sunrise Skin Studio" and "Fresno" in text.footer, text
        found[language.code] = preview_problems(text, (second_site / language.prefix / OUTPUT).read_bytes(),
                                                brand_colours(load_settings(language.config)))
        for key in language_treatments(language.config):  # and each treatment's own
            found[f"{language.code} {key}"] = preview_problems(
                preview_text(language.config, key),
                (second_site / language.prefix / treatment_output(key)).read_bytes(),
                brand_colours(load_settings(language.config)))
    assert found and not any(found.values()), found


def test_the_check_sees_the_first_clinics_name_in_the_preview(second_site: Path) -> None:
    """The companion: the first clinic's name, planted in what is drawn or in the text, is reported."""
    config = second_site.parent / "project" / "mkdocs.yml"
    second, colours = preview_text(config), brand_colours(load_settings(config))
    planted = dataclasses.replace(second, clinic_name=first_clinic_details()["name"])
    # drawn with the first clinic's name, though its settings say the second's: the pixels give it away
    assert preview_problems(second, preview_png(planted, colours), colours) == [f"its pixels are not {second} drawn"]
    # the text itself names the first clinic: reported even when the picture matches it
    assert preview_problems(planted, preview_png(planted, colours), colours) == [
        f"its text names the first clinic's name ({first_clinic_details()['name']})"]


def test_the_preview_is_not_drawn_in_the_first_clinics_colours(second_site: Path) -> None:
    with Image.open(second_site / OUTPUT) as image:
        colours = {"#" + bytes(rgb).hex() for _, rgb in image.convert("RGB").getcolors(maxcolors=1 << 16)}
    first = set(brand_colours(load_settings(ROOT / "mkdocs.yml")).values())
    assert "#6a2c70" in colours and not colours & first, colours & first

