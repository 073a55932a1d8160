"""Record a clinician's sign-off of a review packet: the page's review lines and one new entry at the end of the
review log, nothing else. It refuses a packet that no longer matches the page (the page changed after the packet
was made) and a sign-off that would not count (scripts/site/review.py's rules).

    make sign-off PAGE=docs/aftercare.md REVIEWER=jane-doe PACKET=79f92f3247a1 [DATE=YYYY-MM-DD] [NEXT=YYYY-MM-DD]
    make sign-off PAGE=docs/old-page.md REVIEWER=jane-doe PACKET=… DECISION="not clinical"
    make sign-off ANSWERS=1 REVIEWER=jane-doe PACKET=…   (the clinical answers in data/answers.yml, as a group)
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

import yaml

from scripts.project import project_root
from scripts.site.answer_schema import ANSWERS_FILE
from scripts.site.answers import ANSWERS_PAGE, answers_version, read_answers
from scripts.site.dates import months_after, today
from scripts.site.front_matter import front_matter_end, load_front_matter
from scripts.site.languages import ENGLISH, language_of_file
from scripts.site.page_version import page_version
from scripts.site.review import REVIEW_KEYS, review_record, signature_problems
from scripts.site.review_log import APPROVED, DECISIONS, LOG_FILE, LogEntry, entry_text, latest_entry


class SignOffRefusedError(Exception):
    """Why the sign-off was not recorded, with what to do instead."""


def with_review_lines(text: str, values: dict[str, str]) -> str:
    """The page's text with each review line set to its value (added before the closing --- where missing), and
    every other byte as it was."""
    closing = front_matter_end(text)  # the line that closes the front matter (--- or ...)
    if not closing:
        raise SignOffRefusedError("the page's front matter is not closed: run make check")
    lines = text.split("\n")
    head, rest = "\n".join(lines[:closing - 1]) + "\n", "\n".join(lines[closing - 1:])
    for key in REVIEW_KEYS:
        line = f"{key}: {values[key]}".rstrip() + "\n"
        pattern = re.compile(rf"^{key}:.*\n", re.MULTILINE)
        found = pattern.search(head)
        head = head[:found.start()] + line + head[found.end():] if found else head + line
    return head + rest


def with_entry(log_text: str, entry: LogEntry) -> str:
    """The log with the entry added at its end (the empty list `[]` of a new log becomes the first entry)."""
    if re.search(r"^\[\]\s*$", log_text, re.MULTILINE):
        return re.sub(r"^\[\]\s*$\n?", lambda _: entry_text(entry), log_text, count=1, flags=re.MULTILINE)
    return log_text + ("" if log_text.endswith("\n") or not log_text else "\n") + entry_text(entry)


def sign_off(root: Path, page: Path, reviewer_id: str, packet: str, day: date | None = None,
             next_review: date | None = None, decision: str = APPROVED) -> LogEntry:
    """Record the sign-off in the page and the log; returns the log entry. Raises SignOffRefusedError."""
    page = page if page.is_absolute() else root / page
    if not page.is_file() or not page.resolve().is_relative_to(root.resolve()):
        raise SignOffRefusedError(f"there is no page {page} in this project: give its path, e.g. "
                                  "PAGE=docs/aftercare.md")
    shown = page.resolve().relative_to(root.resolve()).as_posix()
    text = page.read_text(encoding="utf-8")
    try:
        meta = load_front_matter(text)
    except yaml.YAMLError as error:
        raise SignOffRefusedError(f"{shown}'s front matter cannot be read: run make check") from error
    page_id = str(meta.get("page_id") or "")
    if not page_id:
        raise SignOffRefusedError(f"{shown} has no page_id: run make check and add the one it suggests")
    if decision not in DECISIONS:
        raise SignOffRefusedError(f"the decision '{decision}' is not one of: {', '.join(DECISIONS)}")
    if decision == APPROVED and meta.get("clinical") is not True:
        raise SignOffRefusedError(f"{shown} says clinical: false: record DECISION=\"not clinical\" instead")
    if decision != APPROVED and meta.get("clinical") is True:
        raise SignOffRefusedError(f"{shown} says clinical: true: set clinical: false before recording that it is "
                                  "not clinical")
    version = page_version(root, page)
    if packet != version:
        raise SignOffRefusedError(f"the page changed after the packet you signed (packet {packet}; {shown} is now "
                                  f"version {version}): make a new packet (make packets PAGES={shown}), read what "
                                  "changed, and sign that one")
    record = review_record(root)
    language = language_of_file(root, page)
    reviewer = record.registry.reviewers.get(reviewer_id)
    day = day or today()
    following = next_review or months_after(day, record.registry.policy.months)
    earlier = latest_entry(record.log, page_id, language.code)
    scope = "whole page, its sources and the clinic answers it shows" + (
        "" if language.code == ENGLISH else ", beside the English version it translates")
    changes = ("never signed off" if earlier is None or earlier.decision != APPROVED
               else "none" if earlier.version == version else f"changed since version {earlier.version}")
    entry = LogEntry(page=page_id, language=language.code, version=version, reviewer=reviewer_id,
                     reviewer_as_then=reviewer.as_then() if reviewer else {}, date=day, next_review=following,
                     scope=scope, decision=decision, changes=changes, file=shown)
    refused = signature_problems(entry, record.registry, language.code, today())
    if refused:
        raise SignOffRefusedError("the sign-off would not count, so nothing was written:\n" + "\n".join(
            f"  {why}" for why in refused))
    values = {"reviewed_by": reviewer_id, "last_reviewed": day.isoformat(), "next_review": following.isoformat(),
              "reviewed_version": version} if decision == APPROVED else dict.fromkeys(REVIEW_KEYS, "")
    log = root / LOG_FILE
    # Both new texts first, then both files, each replaced whole: never a log entry without its page lines.
    new_page = with_review_lines(text, values)
    new_log = with_entry(log.read_text(encoding="utf-8") if log.is_file() else "", entry)
    _replace(log, new_log)
    _replace(page, new_page)
    return entry


def _replace(file: Path, text: str) -> None:
    """Write a file through a temporary file beside it, so it is never left half written."""
    scratch = file.with_name(f".{file.name}.new")
    scratch.write_text(text, encoding="utf-8")
    scratch.replace(file)


def sign_off_answers(root: Path, reviewer_id: str, packet: str, day: date | None = None,
                     next_review: date | None = None) -> LogEntry:
    """Record a clinician's sign-off of the clinical answers (data/answers.yml) as they are now: one log entry."""
    try:
        data = read_answers(root)
    except (yaml.YAMLError, ValueError) as error:
        raise SignOffRefusedError("data/answers.yml cannot be read: run make check") from error
    version = answers_version(data)
    if packet != version:
        raise SignOffRefusedError(f"the clinical answers changed after the sheet you signed (answers {packet}; they "
                                  f"are now {version}): print them again (make intake) and sign that one")
    record = review_record(root)
    reviewer = record.registry.reviewers.get(reviewer_id)
    day = day or today()
    entry = LogEntry(page=ANSWERS_PAGE, language=ENGLISH, version=version, reviewer=reviewer_id,
                     reviewer_as_then=reviewer.as_then() if reviewer else {}, date=day,
                     next_review=next_review or months_after(day, record.registry.policy.months),
                     scope="the clinical answers in data/answers.yml", decision=APPROVED, changes="",
                     file=ANSWERS_FILE.as_posix())
    refused = signature_problems(entry, record.registry, ENGLISH, today())
    if refused:
        raise SignOffRefusedError("the sign-off would not count, so nothing was written:\n" + "\n".join(
            f"  {why}" for why in refused))
    log = root / LOG_FILE
    _replace(log, with_entry(log.read_text(encoding="utf-8") if log.is_file() else "", entry))
    return entry


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--page", type=Path, help="the page, e.g. docs/aftercare.md")
    target.add_argument("--answers", action="store_true", help="the clinical answers in data/answers.yml")
    parser.add_argument("--reviewer", required=True, help="the reviewer's id in data/reviewers.yml")
    parser.add_argument("--packet", required=True, help="the packet id on the signed sheet")
    parser.add_argument("--date", type=date.fromisoformat, help="the day of the sign-off (default: today)")
    parser.add_argument("--next", type=date.fromisoformat, help="the next review (default: the policy's longest)")
    parser.add_argument("--decision", default=APPROVED, help=f"one of: {', '.join(DECISIONS)}")
    args = parser.parse_args(argv)
    try:
        entry = sign_off_answers(project_root(), args.reviewer, args.packet, args.date, args.next) if args.answers \
            else sign_off(project_root(), args.page, args.reviewer, args.packet, args.date, args.next, args.decision)
    except SignOffRefusedError as error:
        print(f"Not recorded: {error}", file=sys.stderr)
        return 1
    print(f"Recorded {entry.reviewer}'s sign-off of {entry.file} (version {entry.version}, next review "
          f"{entry.next_review}) in {LOG_FILE.as_posix()}" + ("" if args.answers else " and its front matter") +
          ". Commit them together, e.g.:\n"
          f"  git commit -m \"Medical sign-off: {entry.file} by {entry.reviewer}, packet {entry.version}\" "
          f"{entry.file} {LOG_FILE.as_posix()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
