"""The clinic's colours (`extra.brand` in mkdocs.yml): written as #rrggbb, and readable where the site uses
them, at WCAG AA contrast (4.5:1 for text)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from scripts.problems import Problem
from scripts.site.settings import setting_line

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


def validate_brand(brand: Any, config_path: Path) -> list[Problem]:
    path = str(config_path)
    if not brand:
        return []
    if not isinstance(brand, dict):
        return [Problem(path, setting_line(config_path, "extra", "brand"), "'brand' must list the colours, "
                                                                         "e.g. primary: \"#0b5563\"")]
    problems = [Problem(path, setting_line(config_path, "extra", "brand", key),
                        f"brand colour '{key}' is '{value}': write it as # and six hex digits, e.g. \"#0b5563\"")
                for key, value in brand.items() if not HEX.match(str(value))]
    if problems:
        return problems
    for key, other, where in PAIRS:
        colour, against = brand.get(key), brand.get(other, other)
        if colour and against and HEX.match(str(against)) and contrast(colour, against) < AA:
            problems.append(Problem(path, setting_line(config_path, "extra", "brand", key),
                                    f"brand colour '{key}' ({colour}) is hard to read with {where}: its contrast is "
                                    f"{contrast(colour, against):.1f}:1 and must be at least {AA}:1; choose a "
                                    f"{'darker' if other in (WHITE, 'primary_light') else 'lighter'} colour"))
    return problems
