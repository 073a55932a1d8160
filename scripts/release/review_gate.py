"""The review gate: clinical pages that are awaiting review or overdue may not be published by accident."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from scripts.site.dates import as_date
from scripts.site.front_matter import load_front_matter
from scripts.site.review import ReviewState, review_state


def unreviewed_pages(root: Path, today: date) -> list[str]:
    """'docs/page.md: why' for each clinical page awaiting its first review or overdue for review."""
    found = []
    for file in sorted((root / "docs").glob("*.md")):
        meta = load_front_matter(file.read_text(encoding="utf-8"))
        shown = file.relative_to(root).as_posix()
        state = review_state(meta, today)
        if state is ReviewState.AWAITING:
            found.append(f"{shown}: awaiting review by the medical team")
        elif state is ReviewState.OVERDUE:
            found.append(f"{shown}: review overdue since {as_date(meta['next_review']).isoformat()}")
    return found
