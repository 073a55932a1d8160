"""The link-preview image (Open Graph / Twitter card): one branded 1200x630 PNG for every page, drawn offline
with Pillow from the clinic's details in mkdocs.yml by every build (the post-build step), so it always shows
the current details and nobody has to redraw it by hand.

Pillow's bundled font (`ImageFont.load_default`), so the picture is the same on every machine.
"""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from scripts.site.settings import load_settings

OUTPUT = Path("assets/images/preview.png")  # in the built site
SIZE = (1200, 630)
WHITE = "#ffffff"
# The site's default colours, used when extra.brand does not set them (as overrides/assets/css/brand.css does).
DEFAULT_BRAND = {"primary": "#0b5563", "primary_dark": "#073a44", "primary_light": "#d8eef1"}


def preview_image(clinic_name: str, title: str, description: str, place: str,
                  brand: dict[str, str] | None = None) -> Image.Image:
    """The preview picture, in the clinic's colours: its name, the site's title and description, where it is."""
    colours = {**DEFAULT_BRAND, **{key: value for key, value in (brand or {}).items() if value}}
    image = Image.new("RGB", SIZE, colours["primary"])
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, SIZE[1] - 96, SIZE[0], SIZE[1]), fill=colours["primary_dark"])
    draw.text((80, 118), clinic_name, font=ImageFont.load_default(size=56), fill=WHITE, anchor="lm",
              stroke_width=1, stroke_fill=WHITE)
    draw.text((80, 230), title, font=ImageFont.load_default(size=88), fill=WHITE, stroke_width=2,
              stroke_fill=WHITE)
    body = ImageFont.load_default(size=40)
    for line_number, line in enumerate(textwrap.wrap(description, width=46)[:3]):
        draw.text((80, 360 + 54 * line_number), line, font=body, fill=colours["primary_light"])
    draw.text((80, SIZE[1] - 48), place, font=ImageFont.load_default(size=36), fill=WHITE, anchor="lm")
    return image.quantize(colors=32, dither=Image.Dither.NONE)


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def preview_from_settings(config_path: Path) -> bytes:
    """The PNG for the site described by `config_path` (mkdocs.yml)."""
    settings = load_settings(config_path)
    clinic = (settings.get("extra") or {}).get("clinic") or {}
    place = ", ".join(part for part in (clinic.get("city"), clinic.get("region")) if part)
    footer = "  |  ".join(part for part in (place, clinic.get("phone")) if part)
    return png_bytes(preview_image(clinic.get("name") or "", settings.get("site_name") or "",
                                   settings.get("site_description") or "", footer,
                                   (settings.get("extra") or {}).get("brand")))
