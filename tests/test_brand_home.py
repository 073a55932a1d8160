"""The clinic's colours have one home, `extra.brand` in mkdocs.yml, and one reader, `scripts/site/brand.py` (held
by tests/test_architecture.py): no file keeps default colours of its own."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def test_no_template_or_drawing_keeps_default_brand_colours() -> None:
    """The stylesheet template and the preview image take every colour from the settings: a default in either
    would quietly show the first clinic's colours on a site whose settings lack one."""
    for file in (ROOT / "overrides" / "assets" / "css" / "brand.css",
                 ROOT / "scripts" / "release" / "preview_image.py"):
        text = file.read_text(encoding="utf-8")
        assert not re.findall(r"#[0-9a-fA-F]{6}\b", text), file


def test_only_the_brand_stylesheet_sets_the_clinics_colours() -> None:
    """site.css loads after brand.css: a --brand-primary set there would paint every clinic's pages in the first
    clinic's colours, whatever extra.brand says."""
    setters = [f"{file.relative_to(ROOT).as_posix()}: {name}"
               for file in sorted([*(ROOT / "docs" / "assets").rglob("*.css"), *(ROOT / "overrides").rglob("*.css")])
               if file.name != "brand.css"
               for name in re.findall(r"(--brand-primary[\w-]*)\s*:", file.read_text(encoding="utf-8"))]
    assert setters == []
