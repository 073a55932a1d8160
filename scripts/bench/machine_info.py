"""A one-line description of the machine and tools a benchmark ran on, so its figures can be compared."""

from __future__ import annotations

import json
import os
import platform
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from scripts.chromium import chromium_version


def os_name(os_release: Path = Path("/etc/os-release")) -> str:
    """E.g. "Debian GNU/Linux 12 (bookworm)"."""
    if os_release.exists():
        for line in os_release.read_text(encoding="utf-8").splitlines():
            if line.startswith("PRETTY_NAME="):
                return line.split("=", 1)[1].strip('"')
    return platform.platform()


def npm_version(root: Path, package: str) -> str:
    """The installed version of an npm package under root/node_modules."""
    manifest = root / "node_modules" / package / "package.json"
    return json.loads(manifest.read_text(encoding="utf-8"))["version"] if manifest.exists() else "missing"


def machine_info(root: Path) -> dict[str, str]:
    """Cores, operating system, browser and tool versions, the date and time (UTC) and the load average."""
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cores": str(os.cpu_count()),
        "os": os_name(),
        "python": platform.python_version(),
        "chromium": chromium_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "lighthouse": npm_version(root, "lighthouse"),
        "load": " / ".join(f"{load:.2f}" for load in os.getloadavg()),  # 1, 5 and 15 minutes
    }
