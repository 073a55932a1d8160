"""Debian's Chromium: where it is and how to start it as root, offline (the same flags as tests/conftest.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# No sandbox (root), and none of Chromium's background calls to Google's servers.
CHROMIUM_ARGS = (
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
)


def chromium_version(chromium: Path = CHROMIUM) -> str:
    """E.g. "Chromium 156.0.8078.108"."""
    result = subprocess.run([str(chromium), "--version"], capture_output=True, text=True, check=False)
    return " ".join(result.stdout.split()[:2]) or "unknown"
