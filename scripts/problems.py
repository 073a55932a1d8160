"""One shape for every problem our checks find, so they can be sorted and printed together."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"  # for information only, e.g. new addresses for the URL contract


@dataclass(frozen=True, order=True)
class Problem:
    """A problem in a file, with the line where we know it (0 when we do not)."""

    path: str
    line: int
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"
