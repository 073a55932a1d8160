"""Our Python is ruff clean."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_ruff_finds_nothing_in_scripts_and_tests() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "scripts", "tests"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
