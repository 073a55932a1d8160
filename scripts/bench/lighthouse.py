"""Run Lighthouse (npm, pinned) against a page with Debian's Chromium, retrying its occasional trace failure."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from scripts.project import project_root

ROOT = project_root()
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run --disable-quic")
ATTEMPTS = 3


class LighthouseError(RuntimeError):
    pass


def run_lighthouse(url: str, categories: tuple[str, ...]) -> dict[str, Any]:
    """The Lighthouse report (mobile preset) for one URL; retries up to three times (e.g. NO_NAVSTART)."""
    errors = []
    for _ in range(ATTEMPTS):
        with tempfile.TemporaryDirectory() as folder:
            output = Path(folder) / "report.json"
            result = subprocess.run(
                [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={output}",
                 f"--only-categories={','.join(categories)}", f"--chrome-flags={CHROME_FLAGS}"],
                capture_output=True, text=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
            )
            report = json.loads(output.read_text(encoding="utf-8")) if output.exists() else {}
        if report.get("categories") and not report.get("runtimeError"):
            return report
        errors.append((report.get("runtimeError") or {}).get("code") or result.stderr[-300:])
    raise LighthouseError(f"Lighthouse failed {ATTEMPTS} times on {url}: {errors}")


def scores(report: dict[str, Any]) -> dict[str, int]:
    """Category scores out of 100."""
    return {key: round(category["score"] * 100) for key, category in report["categories"].items()}


def failing_audits(report: dict[str, Any], category: str) -> list[str]:
    """The audits of a category that did not pass, as 'id: title'."""
    audits = report["audits"]
    return [f"{ref['id']}: {audits[ref['id']]['title']}"
            for ref in report["categories"][category]["auditRefs"]
            if ref.get("weight") and audits[ref["id"]].get("score") is not None and audits[ref["id"]]["score"] < 1]
