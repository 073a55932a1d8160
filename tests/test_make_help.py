"""`make help` lists every task a person can run."""

from __future__ import annotations

import re
import subprocess

from tests.conftest import ROOT


def test_make_help_lists_every_target() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = {name for line in re.findall(r"^\.PHONY:(.*)$", makefile, re.M) for name in line.split()} - {"help"}
    shown = subprocess.run(["make", "--no-print-directory", "help"], cwd=ROOT, capture_output=True, text=True).stdout
    listed = set(re.findall(r"^make ([\w-]+)", shown, re.M))
    assert targets <= listed, f"make help does not list: {sorted(targets - listed)}"
