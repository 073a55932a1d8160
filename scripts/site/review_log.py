"""The review log (data/review-log.yml): one entry appended for each sign-off, never edited afterwards. It is the
record a page's review state is read from; the page's front matter repeats its latest entry for readers of the
file. Entries are keyed by the page's stable id (front matter `page_id`) and language, not by its file, so a page
can move without losing its history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from scripts.site.dates import as_date

LOG_FILE = Path("data/review-log.yml")
APPROVED = "approved"
NOT_CLINICAL = "not clinical"  # the medical team's decision that a page no longer has medical content
DECISIONS = (APPROVED, NOT_CLINICAL)
FIELDS = ("page", "language", "version", "reviewer", "reviewer_as_then", "date", "next_review", "scope",
          "decision", "changes", "file")


@dataclass(frozen=True)
class LogEntry:
    page: str
    language: str
    version: str
    reviewer: str
    reviewer_as_then: dict[str, Any]
    date: date | None
    next_review: date | None
    scope: str
    decision: str
    changes: str
    file: str
    line: int = 0  # where the entry starts in the log file

    def as_yaml_item(self) -> dict[str, Any]:
        """The entry as written to the log."""
        return {"page": self.page, "language": self.language, "version": self.version, "reviewer": self.reviewer,
                "reviewer_as_then": self.reviewer_as_then, "date": self.date, "next_review": self.next_review,
                "scope": self.scope, "decision": self.decision, "changes": self.changes, "file": self.file}


def entry_from(item: dict[str, Any], line: int = 0) -> LogEntry:
    as_then = item.get("reviewer_as_then")
    return LogEntry(page=str(item.get("page") or ""), language=str(item.get("language") or ""),
                    version=str(item.get("version") or ""), reviewer=str(item.get("reviewer") or ""),
                    reviewer_as_then=as_then if isinstance(as_then, dict) else {}, date=as_date(item.get("date")),
                    next_review=as_date(item.get("next_review")), scope=str(item.get("scope") or ""),
                    decision=str(item.get("decision") or ""), changes=str(item.get("changes") or ""),
                    file=str(item.get("file") or ""), line=line)


def parse_log(text: str) -> list[LogEntry]:
    """The entries of a log file's text, each with its line; a YAMLError when it is not YAML."""
    node = yaml.compose(text)
    items = yaml.safe_load(text) or []
    if not isinstance(items, list):
        raise yaml.YAMLError("the review log must be a list of entries, each starting with '- '")
    lines = [child.start_mark.line + 1 for child in node.value] if isinstance(node, yaml.SequenceNode) else []
    return [entry_from(item if isinstance(item, dict) else {}, line) for item, line in zip(items, lines, strict=False)]


def load_log(root: Path) -> list[LogEntry]:
    """The log's entries in order (none when the file is missing or unreadable, which the check reports)."""
    file = root / LOG_FILE
    try:
        return parse_log(file.read_text(encoding="utf-8")) if file.is_file() else []
    except (yaml.YAMLError, ValueError):  # PyYAML raises ValueError for a date such as 2026-02-30
        return []


def page_entries(entries: list[LogEntry], page_id: str, language: str) -> list[LogEntry]:
    return [entry for entry in entries if entry.page == page_id and entry.language == language]


def latest_entry(entries: list[LogEntry], page_id: str, language: str) -> LogEntry | None:
    """The page's most recent sign-off or decision in that language (the log's order is the order of events)."""
    found = page_entries(entries, page_id, language)
    return found[-1] if found else None


def rewritten_entries(before: list[LogEntry], after: list[LogEntry]) -> list[LogEntry]:
    """Entries of `before` that `after` no longer holds unchanged at the same place (the log is append-only)."""
    def same(one: LogEntry, other: LogEntry) -> bool:
        return one.as_yaml_item() == other.as_yaml_item()
    return [entry for index, entry in enumerate(before) if index >= len(after) or not same(entry, after[index])]


def entry_text(entry: LogEntry) -> str:
    """The entry as YAML text to append to the log."""
    return yaml.safe_dump([entry.as_yaml_item()], sort_keys=False, allow_unicode=True, width=100)
