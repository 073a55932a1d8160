"""Our copies of Material's partials say which file they were forked from and its sha256: when an upgrade of
Material changes that file, this fails and names it, so whoever upgrades re-applies our change to the new one."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
import pytest

from tests.conftest import ROOT

FORKED = re.compile(r"Forked from Material [\d.]+ (?P<path>\S+) \(sha256 (?P<sha>[0-9a-f]{64})\)")
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
MATERIAL_FILES = {path.relative_to(MATERIAL_TEMPLATES).as_posix() for path in MATERIAL_TEMPLATES.rglob("*.html")}
# A template that extends one of Material's (main.html, 404.html) uses its blocks: only a copy is a fork.
OVERRIDES = sorted(path for path in (ROOT / "overrides").rglob("*.html")
                   if path.relative_to(ROOT / "overrides").as_posix() in MATERIAL_FILES
                   and "{% extends" not in path.read_text(encoding="utf-8"))


def test_every_template_that_replaces_one_of_materials_records_what_it_was_forked_from() -> None:
    assert OVERRIDES, "no override replaces a Material template: remove this test"
    for path in OVERRIDES:
        assert FORKED.search(path.read_text(encoding="utf-8")), (
            f"{path.relative_to(ROOT)} replaces Material's file of the same name but does not say which version "
            "it was forked from: add {#- Forked from Material X.Y.Z partials/NAME (sha256 ...) -#} on its first line")


@pytest.mark.parametrize("path", OVERRIDES, ids=lambda path: path.name)
def test_materials_original_has_not_changed_since_we_forked_it(path: Path) -> None:
    found = FORKED.search(path.read_text(encoding="utf-8"))
    assert found, path
    original = MATERIAL_TEMPLATES / found["path"]
    assert hashlib.sha256(original.read_bytes()).hexdigest() == found["sha"], (
        f"Material's {found['path']} changed since {path.relative_to(ROOT)} was forked from it: compare the two, "
        "re-apply our change to the new file, and record its new sha256"
    )
