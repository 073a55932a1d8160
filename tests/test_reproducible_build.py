"""Building twice from the same commit gives byte-identical output."""

from __future__ import annotations

import filecmp
from pathlib import Path

from scripts.release.build import build_into
from tests.conftest import ROOT


def differences(comparison: filecmp.dircmp) -> list[str]:
    found = [f"{comparison.left}/{name}" for name in comparison.diff_files + comparison.left_only
             + comparison.right_only + comparison.funny_files]
    for sub in comparison.subdirs.values():
        found += differences(sub)
    return found


def test_two_builds_of_the_same_commit_are_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    build_into(first, ROOT)
    build_into(second, ROOT)
    filecmp.clear_cache()
    assert differences(filecmp.dircmp(first, second, ignore=[])) == []
    assert "<lastmod>" in (first / "sitemap.xml").read_text(encoding="utf-8")
