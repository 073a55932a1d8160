"""The clinic's colours (`extra.brand` in mkdocs.yml): written as #rrggbb, and readable where the site uses
them, at WCAG AA contrast (4.5:1 for text).

mkdocs.yml is their one home: there are no defaults anywhere else (not in the stylesheet template, not in the
preview image), so a missing colour is refused with its line instead of silently drawn in another clinic's
colour. This is the only Python module that reads `extra.brand` (a test over every module's code says so):
others ask `brand_colours(settings)`."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from scripts.problems import Problem
from scripts.site.settings import setting_line

KEY = "brand"
# Every colour the site and the preview image use, and what for (the message for a missing one says so).
COLOURS = {"primary": "the header, buttons and links, with white text on it",
           "primary_dark": "hover and pressed states, and text on primary_light",
           "primary_light": "soft backgrounds (cards, hover)",
           "primary_on_dark": "links and buttons in the dark scheme"}
HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
AA = 4.5
WHITE = "#ffffff"
# Each colour and what the site puts on it (or it on), so each pair must be readable.
PAIRS = (("primary", WHITE, "white text on it (the header, buttons)"),
         ("primary_dark", "primary_light", "on primary_light (cards, hover)"),
         ("primary_on_dark", "primary_dark", "primary_dark text on it in the dark scheme"))


def luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two #rrggbb colours."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


class BrandError(ValueError):
    """The settings' brand colours are missing or malformed (the content check and the build say where)."""


def _brand(settings: Mapping[str, Any]) -> Any:
    return (settings.get("extra") or {}).get(KEY)


def brand_colours(settings: Mapping[str, Any]) -> dict[str, str]:
    """The clinic's colours by name (`COLOURS`), from the settings (mkdocs.yml, loaded); raises BrandError when
    one is missing or malformed, which the content check and the build refuse first."""
    brand = _brand(settings)
    if not isinstance(brand, Mapping):
        raise BrandError("mkdocs.yml has no brand colours under extra: brand: (make check says what to add)")
    wrong = [name for name in COLOURS if not HEX.match(str(brand.get(name) or ""))]
    if wrong:
        raise BrandError(f"mkdocs.yml's brand colours {', '.join(wrong)} are missing or not #rrggbb (make check "
                         "says what to write)")
    return {name: str(brand[name]) for name in COLOURS}


def validate_brand(settings: Mapping[str, Any], config_path: Path) -> list[Problem]:
    """Every problem with the brand colours of `settings` (mkdocs.yml, loaded; or MkDocs' config), with the
    line of the setting and the fix."""
    path, brand = str(config_path), _brand(settings)
    if not isinstance(brand, Mapping) or not brand:
        listed = ", ".join(COLOURS)
        return [Problem(path, setting_line(config_path, "extra", KEY),
                        f"the clinic's colours are missing: add 'brand:' under 'extra:' with {listed}, each written "
                        "as # and six hex digits, e.g. primary: \"#0b5563\"")]
    problems = [Problem(path, setting_line(config_path, "extra", KEY),
                        f"brand colour '{name}' is missing: add it under 'brand:' (it colours {purpose}), written "
                        "as # and six hex digits, e.g. \"#0b5563\"")
                for name, purpose in COLOURS.items() if name not in brand or brand.get(name) in (None, "")]
    problems += [Problem(path, setting_line(config_path, "extra", KEY, key),
                         f"brand colour '{key}' is '{value}': write it as # and six hex digits, e.g. \"#0b5563\"")
                 for key, value in brand.items() if value not in (None, "") and not HEX.match(str(value))]
    if problems:
        return problems
    for key, other, where in PAIRS:
        colour, against = brand.get(key), brand.get(other, other)
        if colour and against and HEX.match(str(against)) and contrast(colour, against) < AA:
            problems.append(Problem(path, setting_line(config_path, "extra", KEY, key),
                                    f"brand colour '{key}' ({colour}) is hard to read with {where}: its contrast is "
                                    f"{contrast(colour, against):.1f}:1 and must be at least {AA}:1; choose a "
                                    f"{'darker' if other in (WHITE, 'primary_light') else 'lighter'} colour"))
    return problems
