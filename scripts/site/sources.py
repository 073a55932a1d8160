"""The project's sources list (data/sources.yml): the only sources a page may cite."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SOURCES_FILE = Path("data/sources.yml")


def load_sources(root: Path) -> dict[str, dict[str, Any]]:
    """Sources by id."""
    entries = yaml.safe_load((root / SOURCES_FILE).read_text(encoding="utf-8")) or []
    return {entry["id"]: entry for entry in entries}


def unknown_source_ids(page_sources: Any, sources: dict[str, dict[str, Any]]) -> list[str]:
    """The ids a page cites that are not in the sources list."""
    return [str(source_id) for source_id in (page_sources or []) if source_id not in sources]
