"""The office's details from `extra.clinic` in mkdocs.yml: validation with plain-English fixes, and display values
(the clinical answers are scripts/site/answers.py's)."""

from __future__ import annotations

import difflib
import re
from datetime import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlparse

import phonenumbers

from scripts.problems import Problem
from scripts.site.answer_schema import SCHEMA
from scripts.site.settings import setting_line

CLINIC = ("extra", "clinic")  # where the clinic's details are in mkdocs.yml
PHONE_REGION = "US"
EMAIL_PATTERN = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[A-Za-z]{2,}$")
TIME_PATTERN = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# The office's details (the clinical answers live in data/answers.yml): scripts/site/answer_schema.py lists each.
KNOWN_KEYS = {answer.key for answer in SCHEMA if answer.home == "clinic"}
LIST_KEYS = {"hours", "languages_spoken"}  # settings that are lists, not text
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
PHONE_KEYS = ("phone", "sms")
POSTCODE = re.compile(r"^\d{5}(-\d{4})?$")
REGION = re.compile(r"^[A-Z]{2}$")
# Parameters that tell an advertiser who clicked: a health site sends none.
TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_eid|_hsenc|igshid)$", re.I)


def _as_text(value: Any) -> str:
    """A setting as patients read it: YAML reads a bare yes / no as true / false, so turn those back."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value if value is not None else "").strip()


def parse_phone(value: str) -> phonenumbers.PhoneNumber | None:
    """The phone number if it is a valid US number written in digits, else None (letters such as 1-800-FLOWERS
    dial on a keypad but not from a link, and the clinic's patients call a US number)."""
    if re.search(r"[A-Za-z]", str(value)):
        return None
    try:
        number = phonenumbers.parse(str(value), PHONE_REGION)
    except phonenumbers.NumberParseException:
        return None
    valid = phonenumbers.is_valid_number(number) and phonenumbers.region_code_for_number(number) == PHONE_REGION
    return number if valid else None


def validate_clinic(clinic: dict[str, Any], config_path: Path) -> list[Problem]:
    """Every problem with the clinic's details, each naming the setting, the value and the fix."""
    path = str(config_path)
    problems: list[Problem] = []

    def problem(key: str, message: str) -> None:
        problems.append(Problem(path, setting_line(config_path, *CLINIC, key), message))

    for key in sorted(set(clinic) - KNOWN_KEYS):
        guess = difflib.get_close_matches(key, sorted(KNOWN_KEYS), n=1, cutoff=0.6)
        hint = f"did you mean '{guess[0]}'?" if guess else f"the settings are {', '.join(sorted(KNOWN_KEYS))}"
        problem(key, f"clinic setting '{key}' is not one we know: check the spelling ({hint})")
    if not str(clinic.get("name") or "").strip():
        problem("name", "clinic 'name' is empty: write the clinic's name, e.g. name: Sunrise Skin Studio")
    for key in PHONE_KEYS:
        value = str(clinic.get(key) or "").strip()
        if key == "phone" and not value:
            problem(key, "clinic 'phone' is empty: every page offers a call, so write the clinic's "
                         "phone number, e.g. phone: \"(714) 555-0142\"")
        elif value and parse_phone(value) is None:
            problem(key, f"clinic '{key}' is '{value}', which is not a valid US phone number: write "
                         "the 10 digits with the area code, e.g. \"(714) 555-0142\"")
    booking = str(clinic.get("booking_url") or "").strip()
    if booking and (urlparse(booking).scheme != "https" or not urlparse(booking).netloc):
        problem("booking_url", f"clinic 'booking_url' is '{booking}': it must be a full secure "
                               "address starting with https://, or left empty")
    elif booking and (tracking := [name for name, _ in parse_qsl(urlparse(booking).query) if TRACKING.match(name)]):
        problem("booking_url", f"clinic 'booking_url' has tracking parameters ({', '.join(tracking)}): a health site "
                               "tells no advertiser who clicked; remove them (everything from their name to the next "
                               "&)")
    postcode = _as_text(clinic.get("postcode"))
    if postcode and not POSTCODE.match(postcode):
        problem("postcode", f"clinic 'postcode' is '{postcode}': write the 5-digit ZIP code in quotes, e.g. "
                            "\"92656\", or leave it empty")
    region = _as_text(clinic.get("region"))
    if region and not REGION.match(region):
        problem("region", f"clinic 'region' is '{region}': write the state's two capital letters, e.g. CA")
    map_url = str(clinic.get("map_url") or "").strip()
    if map_url and (urlparse(map_url).scheme != "https" or not urlparse(map_url).netloc):
        problem("map_url", f"clinic 'map_url' is '{map_url}': it must start with https://, or be "
                           "left empty (we then link the address to the phone's map app)")
    email = str(clinic.get("email") or "").strip()
    if email and not EMAIL_PATTERN.match(email):
        problem("email", f"clinic 'email' is '{email}', which is not an email address: write it "
                         "like hello@example.com, or leave it empty")
    problems.extend(_hours_problems(clinic.get("hours") or [], config_path))
    spoken = clinic.get("languages_spoken") or []
    if not isinstance(spoken, list) or not all(LANGUAGE_CODE.match(str(code)) for code in spoken):
        problem("languages_spoken", f"clinic 'languages_spoken' is {spoken!r}: write the languages the phone team "
                                    "speaks as a list of two-letter codes, e.g. [en, es], or [] if not known")
    return problems


def _hours_problems(hours: Any, config_path: Path) -> list[Problem]:
    path, line = str(config_path), setting_line(config_path, *CLINIC, "hours")
    example = "- {day: Monday, opens: \"09:00\", closes: \"17:00\"} (or - {day: Sunday, closed: true})"
    if not isinstance(hours, list):
        return [Problem(path, line, f"clinic 'hours' must be a list of days, e.g. {example}")]
    problems, seen = [], {}
    for index, entry in enumerate(hours):
        line = setting_line(config_path, *CLINIC, "hours", index)
        closed = isinstance(entry, dict) and set(entry) == {"day", "closed"} and entry["closed"] is True
        if not isinstance(entry, dict) or not (closed or set(entry) == {"day", "opens", "closes"}):
            problems.append(Problem(path, line, f"clinic 'hours' entry {entry!r} needs day, opens and closes, "
                                                f"or day and closed: true, e.g. {example}"))
            continue
        day = str(entry["day"])
        if day not in DAYS:
            problems.append(Problem(path, line, f"clinic 'hours' day '{day}' is not a day of the "
                                                f"week: write one of {', '.join(DAYS)}"))
        elif day in seen:
            problems.append(Problem(path, line, f"clinic 'hours' lists {day} twice (also on line {seen[day]}): "
                                                "keep one line per day"))
        seen.setdefault(day, line)
        if closed:
            continue
        opens, closes = str(entry["opens"]), str(entry["closes"])
        bad_times = [t for t in (opens, closes) if not TIME_PATTERN.match(t)]
        for value in bad_times:
            problems.append(Problem(path, line, f"clinic 'hours' time '{value}' on {day} is not a "
                                                "24-hour time: write it as HH:MM in quotes, e.g. \"17:30\""))
        if not bad_times and time.fromisoformat(closes) <= time.fromisoformat(opens):
            problems.append(Problem(path, line, f"clinic 'hours' on {day}: closing time {closes} is "
                                                f"not after opening time {opens}: check the two times"))
    return problems


def twelve_hour(value: str, words: dict | None = None) -> str:
    """A 24-hour time as patients say it: "09:00" -> "9 am", "17:30" -> "5:30 pm", "12:00" -> "noon" (in another
    language with `words`, extra.ui: hours_am, hours_pm, hours_noon)."""
    words = words or {}
    moment = time.fromisoformat(value)
    if moment == time(12):
        return str(words.get("hours_noon") or "noon")
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    half = (words.get("hours_am") or "am") if moment.hour < 12 else (words.get("hours_pm") or "pm")
    return f"{hour}{minutes} {half}"


def opening_hours(hours: list[dict[str, Any]], words: dict | None = None) -> list[dict[str, str]]:
    """Each day of the settings as patients read it: {"day": "Monday", "text": "9 am to 5 pm"} or "Closed"; in
    another language with `words` (extra.ui: days, hours_range, hours_closed and the words of twelve_hour)."""
    words = words or {}
    days, closed = words.get("days") or {}, str(words.get("hours_closed") or "Closed")
    span = str(words.get("hours_range") or "{opens} to {closes}")
    return [{"day": str(days.get(str(entry["day"])) or entry["day"]),
             "text": closed if entry.get("closed") else span.format(opens=twelve_hour(str(entry["opens"]), words),
                                                                   closes=twelve_hour(str(entry["closes"]), words))}
            for entry in hours]


def phone_display(value: str) -> tuple[str, str]:
    """A phone number as pages show it and as a link dials it: ("(949) 916-7166", "+19499167166"); both empty when
    it is not a valid US number."""
    number = parse_phone(value) if value else None
    if number is None:
        return "", ""
    return (phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL),
            phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def display_values(clinic: dict[str, Any], language: str = "en") -> dict[str, str]:
    """What templates and placeholders show of the office's details: the phone in national format, its tel: link,
    and the rest as text. `language`: the page's, for whether the phone team speaks it."""
    values = {key: _as_text(clinic.get(key)) for key in sorted(KNOWN_KEYS - LIST_KEYS)}
    for key, scheme, link in (("phone", "tel:", "phone_tel"), ("sms", "sms:", "sms_link")):
        shown, dialled = phone_display(values[key])
        values[link] = scheme + dialled if dialled else ""
        values[key] = shown or values[key]
    address = ", ".join(
        part for part in (values["street_address"], values["city"],
                          " ".join(p for p in (values["region"], values["postcode"]) if p)) if part
    )
    values["address"] = address
    # "yes" when the phone team speaks the page's language, else empty: a translation's
    # `<!-- if not clinic.speaks_this_language -->` blocks say what to do when calls may be answered in English.
    values["speaks_this_language"] = "yes" if language in (clinic.get("languages_spoken") or []) else ""
    if not values["map_url"] and values["street_address"]:
        # A geo-less maps: link opens the phone's own map app, with no third party embedded in our page.
        values["map_url"] = "https://maps.apple.com/?q=" + quote(f"{values['name']}, {address}")
    return values
