"""The project's single idea of "today", used by every date rule (promotions, review dates)."""

from __future__ import annotations

import calendar
import os
from datetime import date, datetime
from zoneinfo import ZoneInfo

TODAY_VARIABLE = "SITE_TODAY"
DEFAULT_TIMEZONE = "America/Los_Angeles"


def today(timezone: str | None = None) -> date:
    """Today in the clinic's time zone, or the date in $SITE_TODAY (YYYY-MM-DD) so tests are deterministic."""
    override = os.environ.get(TODAY_VARIABLE, "").strip()
    if override:
        try:
            return date.fromisoformat(override)
        except ValueError as error:
            raise ValueError(
                f"{TODAY_VARIABLE}={override!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-11-25"
            ) from error
    return datetime.now(ZoneInfo(timezone or DEFAULT_TIMEZONE)).date()


def as_date(value: object) -> date | None:
    """A date from YAML (already a date, or a date and time: its day) or from YYYY-MM-DD text; None if neither."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def date_problem(value: object) -> str:
    """Why a value is not a date, in words: "2026-11-31 is not a day of the calendar (November has 30 days)"."""
    text = str(value).strip()
    parts = text.split("-")
    if len(parts) == 3 and all(part.isdigit() for part in parts) and len(parts[0]) == 4:
        year, month, day = (int(part) for part in parts)
        if not 1 <= month <= 12:
            return f"{text} has no month {month}: the month is the middle number, 01 to 12"
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            return f"{text} is not a day of the calendar ({calendar.month_name[month]} {year} has {days} days)"
    return f"'{text}' is not a date: write it as YYYY-MM-DD, e.g. 2026-11-25"


def long_date(value: object, words: dict | None = None) -> str:
    """A front-matter date as patients read it ("June 1, 2026"), whether YAML gave a date or quoted text; in
    another language with `words` (extra.ui: its `date` pattern and `months`, e.g. "1 de junio de 2026")."""
    day = as_date(value)
    if not day:
        return str(value)
    if words and words.get("date") and len(words.get("months") or []) == 12:
        return str(words["date"]).format(month=words["months"][day.month - 1], day=day.day, year=day.year)
    return f"{day:%B} {day.day}, {day.year}"


def months_after(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it is shorter: 31 January + 1 month = 28 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
