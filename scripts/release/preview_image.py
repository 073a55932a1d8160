"""The link-preview image (Open Graph / Twitter card): one branded 1200x630 PNG per language, drawn offline
with Pillow from that language's settings by every build (the post-build step), so it always shows the
current details and nobody has to redraw it by hand.

What it says comes from one function, `preview_text` (the clinic's name, the site's title and description,
where the clinic is and its phone); what it looks like from `draw_preview`, which draws exactly that text in
the clinic's colours (`scripts.site.brand.brand_colours`). A test reads the text and compares the pixels.

The font is Lato (SIL Open Font License), shipped by the pinned PyPI package font-lato: it has every accented
letter the Spanish preview needs ("Guía"), which Pillow's built-in font lacks, and the same file draws the same
picture on every machine, a host's build machine included, with nothing to install beside Python.
"""

from __future__ import annotations

import importlib.resources
import io
import textwrap
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from scripts.site.brand import WHITE, brand_colours
from scripts.site.clinic import display_values
from scripts.site.settings import load_settings
from scripts.site.treatments import treatments

OUTPUT = Path("assets/images/preview.png")  # in the built site
SIZE = (1200, 630)
FONTS = importlib.resources.files("font_lato") / "files"
FONT, FONT_BOLD = FONTS / "Lato-Regular.ttf", FONTS / "Lato-Bold.ttf"
NO_SUCH_CHARACTER = "\U000f0000"  # Supplementary Private Use Area-A: in no font's character map
DESCRIPTION_WIDTH, DESCRIPTION_LINES = 56, 3  # characters a line (Lato at 38 px), lines: what fits the margins


@dataclass(frozen=True)
class PreviewText:
    """Every word the preview image shows, line by line as drawn."""

    clinic_name: str
    title: str
    description: tuple[str, ...]
    footer: str

    def lines(self) -> list[str]:
        return [self.clinic_name, self.title, *self.description, self.footer]


def treatment_output(key: str) -> Path:
    """Where a treatment's own preview image is, in its language's part of the built site."""
    return OUTPUT.with_name(f"preview-{key}.png")


def preview_text(config_path: Path, treatment: str | None = None) -> PreviewText:
    """What the preview image of the site (or translation) whose settings are `config_path` says: read from
    that language's settings (a translation INHERITs the clinic's details and sets its own title). A treatment's
    pages have their own, titled with the treatment's name in that language."""
    settings = load_settings(config_path)
    named = treatments(settings).get(treatment or "")
    clinic = (settings.get("extra") or {}).get("clinic") or {}
    place = ", ".join(str(part) for part in (clinic.get("city"), clinic.get("region")) if part)
    phone = display_values(clinic)["phone"]  # as the pages show it, not as typed in the settings
    footer = "  |  ".join(part for part in (place, phone) if part)
    description = textwrap.wrap(str(settings.get("site_description") or ""), width=DESCRIPTION_WIDTH)
    title = named.name if named else str(settings.get("site_name") or "")
    return PreviewText(str(clinic.get("name") or ""), title,
                       tuple(description[:DESCRIPTION_LINES]), footer)


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    with importlib.resources.as_file(FONT_BOLD if bold else FONT) as path:
        return ImageFont.truetype(str(path), size=size)


def _drawn(face: ImageFont.FreeTypeFont, char: str) -> bytes:
    image = Image.new("L", (2 * face.size, 2 * face.size))
    ImageDraw.Draw(image).text((face.size // 2, face.size // 2), char, font=face, fill=255)
    return image.tobytes()


def missing_glyphs(text: PreviewText) -> list[str]:
    """The characters of the text that the fonts have no glyph for (they would be drawn as a box): [] when all
    are there. A character a font lacks is drawn as its glyph 0, the same box for every such character, and
    Pillow has no public query for glyph 0: so compare with a character no font has (a private-use one)."""
    characters = sorted(set("".join(text.lines())) - set(" \t\n"))
    missing = set()
    for face in (font(40), font(40, bold=True)):
        box = _drawn(face, NO_SUCH_CHARACTER)
        missing |= {char for char in characters if _drawn(face, char) == box}
    return sorted(missing)


def draw_preview(text: PreviewText, colours: dict[str, str]) -> Image.Image:
    """The preview picture of `text`, in the clinic's colours (`brand_colours`)."""
    image = Image.new("RGB", SIZE, colours["primary"])
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, SIZE[1] - 96, SIZE[0], SIZE[1]), fill=colours["primary_dark"])
    draw.text((80, 118), text.clinic_name, font=font(52, bold=True), fill=WHITE, anchor="lm")
    draw.text((80, 230), text.title, font=font(76, bold=True), fill=WHITE)
    body = font(38)
    for line_number, line in enumerate(text.description):
        draw.text((80, 360 + 54 * line_number), line, font=body, fill=colours["primary_light"])
    draw.text((80, SIZE[1] - 48), text.footer, font=font(34), fill=WHITE, anchor="lm")
    return image.quantize(colors=32, dither=Image.Dither.NONE)


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def preview_png(text: PreviewText, colours: dict[str, str]) -> bytes:
    """The PNG file of `text` drawn in `colours`."""
    return png_bytes(draw_preview(text, colours))


def preview_from_settings(config_path: Path, treatment: str | None = None) -> bytes:
    """The PNG for the site described by `config_path` (mkdocs.yml, or a translation's settings file), or for one
    of its treatments."""
    return preview_png(preview_text(config_path, treatment), brand_colours(load_settings(config_path)))
