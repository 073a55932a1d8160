"""The medical sign-off record, checked: the reviewers list (data/reviewers.yml), the review log
(data/review-log.yml, which only grows), and each clinical page's id and review lines, which must repeat the log's
latest sign-off. For a page awaiting sign-off it prints the lines that record one, for someone without a terminal.
The rules a sign-off must meet are scripts/site/review.py's; this module reports them with file and line."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from scripts.problems import Problem, Severity
from scripts.site.answer_schema import ANSWERS_FILE
from scripts.site.answers import ANSWERS_PAGE, answers_given, answers_version, read_answers
from scripts.site.dates import as_date, months_after
from scripts.site.front_matter import load_front_matter
from scripts.site.languages import ENGLISH, Language, languages
from scripts.site.page import Page, parse_page
from scripts.site.page_details import signed_answers_version
from scripts.site.review import REVIEW_KEYS, ReviewRecord, ReviewState, page_review, signature_problems
from scripts.site.review_history import log_at_base
from scripts.site.review_log import APPROVED, DECISIONS, LOG_FILE, LogEntry, latest_entry, parse_log, rewritten_entries
from scripts.site.reviewers import REVIEWERS_FILE, ROLES, read_registry_file
from scripts.site.treatments import is_draft_page, language_treatments
from scripts.site.yaml_text import unreadable_file_problem

PAGE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
VERSION = re.compile(r"[0-9a-f]{12}")
DUE_SOON = timedelta(days=60)  # how early the check starts saying a page's next review is coming
LOG, REGISTRY = LOG_FILE.as_posix(), REVIEWERS_FILE.as_posix()


def check_review_record(root: Path, record: ReviewRecord, today: date) -> list[Problem]:
    """The reviewers list, the review log (complete, only grown, each page's latest sign-off valid), and page ids
    used once per language. Each page's own review lines are checked with the page (`page_problems`)."""
    every = languages(root)
    problems = registry_problems(root, [language.code for language in every], today)
    problems += log_file_problems(root) + append_only_problems(root)
    ids: dict[tuple[str, str], list[Page]] = defaultdict(list)
    for language in every:
        for file in language.pages:
            page = parse_page(file, file.read_text(encoding="utf-8"), root)
            if not page.problems and page.meta.get("page_id"):
                ids[(str(page.meta["page_id"]), language.code)].append(page)
    for (page_id, _language), pages in ids.items():
        problems += [Problem(page.path, page.key_line("page_id"), f"page_id '{page_id}' is also the id of "
                             f"{pages[0].path}: each page of a language needs its own id") for page in pages[1:]]
    problems += log_entry_problems(record, {*ids, (ANSWERS_PAGE, ENGLISH)}, today)
    return problems + answers_sign_off_problems(root, today)


def answers_sign_off_problems(root: Path, today: date) -> list[Problem]:
    """A warning while clinical answers are filled in but not signed off: pages say "ask us" until they are."""
    try:
        data = read_answers(root)
    except (yaml.YAMLError, ValueError):
        return []  # the settings check reports it
    version = answers_version(data)
    if not answers_given(data) or signed_answers_version(root, today) == version:
        return []
    return [Problem(ANSWERS_FILE.as_posix(), 0, f"the clinical answers are filled in but not signed off (version "
                                               f"{version}), so pages still say \"ask us\": a listed clinician signs "
                                               f"them with make sign-off ANSWERS=1 REVIEWER=… PACKET={version}",
                    Severity.WARNING)]


def _line_of_item(node: yaml.Node | None, index: int) -> int:
    if isinstance(node, yaml.SequenceNode) and index < len(node.value):
        return node.value[index].start_mark.line + 1
    return 0


def registry_problems(root: Path, codes: list[str], today: date) -> list[Problem]:
    """The reviewers list: each reviewer complete, their role and languages known, their license checked."""
    if not (root / REVIEWERS_FILE).is_file():
        return []  # nobody may sign: every clinical page awaits review, and publishing stops there
    try:
        data = read_registry_file(root)
        node = yaml.compose((root / REVIEWERS_FILE).read_text(encoding="utf-8"))
    except (yaml.YAMLError, ValueError) as error:
        return [unreadable_file_problem(REGISTRY, error)]
    if not isinstance(data, dict) or not isinstance(data.get("reviewers"), list):
        return [Problem(REGISTRY, 0, f"{REGISTRY} needs a 'policy:' and a 'reviewers:' list, as in the file's "
                                     "example")]
    problems = _policy_problems(data.get("policy"))
    entries = next((value for key, value in node.value if key.value == "reviewers"), None)
    seen: set[str] = set()
    for index, entry in enumerate(data["reviewers"]):
        line = _line_of_item(entries, index)
        problems += [Problem(REGISTRY, line, message, severity)
                     for message, severity in _reviewer_problems(entry, codes, today, seen)]
    return problems


def _policy_problems(policy: Any) -> list[Problem]:
    if not isinstance(policy, dict):
        return [Problem(REGISTRY, 0, "the 'policy:' is missing: it says whose sign-off counts (signers), the longest "
                                     "time between reviews (months) and whether pages show licenses (show_licence)")]
    problems = []
    signers = policy.get("signers")
    if not isinstance(signers, list) or not signers or any(role not in ROLES for role in signers):
        problems.append(Problem(REGISTRY, 0, f"policy 'signers' is {signers!r}: list one or more of "
                                             f"{', '.join(ROLES)}"))
    months = policy.get("months")
    if not isinstance(months, int) or isinstance(months, bool) or not 1 <= months <= 24:
        problems.append(Problem(REGISTRY, 0, f"policy 'months' is {months!r}: write the longest time between two "
                                             "reviews of a page, in months, e.g. months: 12"))
    return problems


def _reviewer_problems(entry: Any, codes: list[str], today: date, seen: set[str]) -> list[tuple[str, Severity]]:
    if not isinstance(entry, dict):
        return [("each reviewer is a group of lines starting with '- id:', as in the example", Severity.ERROR)]
    found: list[str] = []
    reviewer_id = str(entry.get("id") or "")
    who = entry.get("name") or reviewer_id or "this reviewer"
    if not PAGE_ID.fullmatch(reviewer_id):
        found.append(f"id '{reviewer_id}': give each reviewer a short id of lower-case letters, digits and "
                     "dashes, e.g. jane-doe")
    elif reviewer_id in seen:
        found.append(f"id '{reviewer_id}' is listed twice: each reviewer is listed once")
    seen.add(reviewer_id)
    if not str(entry.get("name") or "").strip():
        found.append(f"{who}: write their full name under name:")
    if entry.get("role") not in ROLES:
        found.append(f"{who}: role '{entry.get('role')}' is not one we know: write one of {', '.join(ROLES)}")
    spoken = entry.get("languages")
    if not isinstance(spoken, list) or not spoken or any(code not in codes for code in spoken):
        found.append(f"{who}: languages {spoken!r}: list the page languages they read and may sign, from "
                     f"{', '.join(codes)}")
        spoken = []
    for key, what in (("credentials", "their credentials as patients read them after their name"),
                      ("relationship", "their relationship to the clinic, for the conflict-of-interest statement")):
        texts = entry.get(key) if isinstance(entry.get(key), dict) else {}
        missing = [code for code in spoken if not str(texts.get(code) or "").strip()]
        if missing:
            found.append(f"{who}: write {what} under {key}: in {', '.join(missing)}")
    licence = entry.get("licence") if isinstance(entry.get("licence"), dict) else {}
    if not str(licence.get("board") or "").strip() or not str(licence.get("number") or "").strip():
        found.append(f"{who}: write their license board and number under licence: {{board: …, number: …}}, as "
                     "the state license search shows them")
    checked = entry.get("licence_checked") if isinstance(entry.get("licence_checked"), dict) else {}
    checked_on = as_date(checked.get("date"))
    if checked_on is None or checked_on > today or not str(checked.get("by") or "").strip():
        found.append(f"{who}: write when and by whom the license was last looked up under licence_checked: "
                     "{date: YYYY-MM-DD, by: …}")
    since, until = as_date(entry.get("since")), entry.get("until")
    if since is None:
        found.append(f"{who}: write the first day their sign-off counts under since: (YYYY-MM-DD)")
    if until is not None and (as_date(until) is None or (since and as_date(until) < since)):
        found.append(f"{who}: 'until' is {until!r}: leave it empty, or write their last day (YYYY-MM-DD) after "
                     "'since'")
    problems = [(message, Severity.ERROR) for message in found]
    if checked_on and checked_on <= today and months_after(checked_on, 12) < today:
        problems.append((f"{who}: their license was last looked up on {checked_on}: look it up again and update "
                         "licence_checked", Severity.WARNING))
    return problems


def log_file_problems(root: Path) -> list[Problem]:
    """The log file is there and readable, and each entry is complete."""
    file = root / LOG_FILE
    if not file.is_file():
        return []  # no sign-off yet (a log removed since the base branch is reported as entries removed)
    try:
        entries = parse_log(file.read_text(encoding="utf-8"))
    except (yaml.YAMLError, ValueError) as error:
        return [unreadable_file_problem(LOG, error)]
    problems = []
    for entry in entries:
        missing = [name for name, value in (("page", entry.page), ("language", entry.language),
                                            ("reviewer", entry.reviewer), ("date", entry.date)) if not value]
        if entry.decision not in DECISIONS:
            missing.append(f"decision (one of: {', '.join(DECISIONS)})")
        if entry.decision == APPROVED and not VERSION.fullmatch(entry.version):
            missing.append("version (the packet id signed)")
        if missing:
            problems.append(Problem(LOG, entry.line, f"this entry has no valid {', '.join(missing)}: entries are "
                                                     "written by make sign-off (README, \"Medical sign-off\")"))
    return problems


def append_only_problems(root: Path) -> list[Problem]:
    """Earlier entries changed or removed since the base branch (the log only grows)."""
    base = log_at_base(root)
    file = root / LOG_FILE
    if base is None:
        return []
    try:
        before = parse_log(base.text)
        after = parse_log(file.read_text(encoding="utf-8")) if file.is_file() else []
    except (yaml.YAMLError, ValueError):
        return []  # log_file_problems reports an unreadable log; an unreadable base is not this change's fault
    return [Problem(LOG, after[before.index(entry)].line if before.index(entry) < len(after) else 0,
                    f"the entry for page '{entry.page}' ({entry.language}) signed on {entry.date} by "
                    f"{entry.reviewer} was changed or removed since {base.name}: the log only grows; put the "
                    "entry back exactly as it was, and record a correction as a new entry at the end")
            for entry in rewritten_entries(before, after)]


def log_entry_problems(record: ReviewRecord, pages: set[tuple[str, str]], today: date) -> list[Problem]:
    """Each page's latest log entry: it names a page that exists, and a sign-off that counts."""
    problems = []
    latest: dict[tuple[str, str], LogEntry] = {}
    for entry in record.log:
        latest[(entry.page, entry.language)] = entry
    for (page_id, code), entry in latest.items():
        if entry.decision != APPROVED:
            problems += [Problem(LOG, entry.line, f"the decision that '{page_id}' ({code}) is not clinical does not "
                                                  f"count: {why}")
                         for why in signature_problems(entry, record.registry, code, today)]
            continue
        if (page_id, code) not in pages:
            problems.append(Problem(LOG, entry.line, f"no page in '{code}' has page_id: {page_id}, signed off here: "
                                                     "if the page moved, give it back its page_id; if it was taken "
                                                     "down, record decision: not clinical for it"))
        problems += [Problem(LOG, entry.line, f"the sign-off of '{page_id}' ({code}) does not count: {why}")
                     for why in signature_problems(entry, record.registry, code, today)]
    return problems


def page_problems(page: Page, language: Language, record: ReviewRecord, today: date) -> list[Problem]:
    """A page's id, and its review lines against the log; a note with the lines that record a sign-off."""
    meta, path = page.meta, page.path
    page_id = str(meta.get("page_id") or "")
    clinical = meta.get("clinical") is True
    if not page_id:
        if not clinical:
            return []
        return [Problem(path, page.key_line("title"), f"a clinical page needs a page_id, the name its sign-offs are "
                                                      f"logged under, e.g. page_id: {page.file.stem}: once given, "
                                                      "never change it, even when the page moves")]
    problems = []
    if not PAGE_ID.fullmatch(page_id):
        problems.append(Problem(path, page.key_line("page_id"), f"page_id '{page_id}': write lower-case letters, "
                                                                "digits and dashes, e.g. page_id: aftercare"))
    english_id = _english_page_id(page.root, str(meta.get("translation_of") or "")) \
        if language.code != ENGLISH else None
    if english_id and english_id != page_id:
        problems.append(Problem(path, page.key_line("page_id"), f"page_id is '{page_id}', and the English page it "
                                                                f"translates has page_id: {english_id}: a "
                                                                f"translation keeps its page's id"))
    if is_draft_page(language.docs, page.file, language_treatments(language.config)):
        return problems  # a draft treatment's page is never published, so it awaits no sign-off yet
    latest = latest_entry(record.log, page_id, language.code)
    signed = latest if latest is not None and latest.decision == APPROVED else None
    problems += _front_matter_against_log(page, signed)
    review = page_review(page.root, page.file, today, record, page.text)
    if review.state in (ReviewState.AWAITING, ReviewState.CHANGED):
        problems.append(_how_to_sign(page, review.version, language, review.state, signed, record))
    elif review.state is ReviewState.OVERDUE:
        problems.append(Problem(path, page.key_line("next_review"), f"its review was due {signed.next_review}: it "
                                "still shows its signed version, marked as being checked again; make packets and "
                                "ask the medical team to review it", Severity.WARNING))
    elif signed is not None and signed.next_review and signed.next_review - today <= DUE_SOON:
        problems.append(Problem(path, page.key_line("next_review"), f"its next review is due {signed.next_review}: "
                                "make packets and ask the medical team to review it before then", Severity.WARNING))
    return problems


def _english_page_id(root: Path, source: str) -> str | None:
    english = root / "docs" / source
    if not source or not english.is_file():
        return None
    try:
        return str(load_front_matter(english.read_text(encoding="utf-8")).get("page_id") or "") or None
    except yaml.YAMLError:
        return None


def _front_matter_against_log(page: Page, signed: LogEntry | None) -> list[Problem]:
    """The review lines repeat the log's latest sign-off, or are empty when there is none."""
    written = {key: page.meta.get(key) for key in REVIEW_KEYS}
    expected = {"reviewed_by": signed.reviewer, "last_reviewed": signed.date, "next_review": signed.next_review,
                "reviewed_version": signed.version} if signed else dict.fromkeys(REVIEW_KEYS)
    problems = []
    for key in REVIEW_KEYS:
        shown, wanted = written[key], expected[key]
        same = (as_date(shown) == wanted) if key in ("last_reviewed", "next_review") and wanted else \
            (str(shown or "").strip() == str(wanted or ""))
        if same:
            continue
        said = "empty" if shown is None or str(shown).strip() == "" else f"'{shown}'"
        if signed is None:
            message = (f"'{key}' is {said}, and {LOG} has no sign-off of this page in this language: a review is "
                       "recorded in the log and these lines together (make sign-off writes both); leave it empty "
                       "until then")
        else:
            message = (f"'{key}' is {said}, and its latest sign-off in {LOG} (line {signed.line}) says {wanted}: "
                       f"these lines repeat the log; write {key}: {wanted}")
        problems.append(Problem(page.path, page.key_line(key), message))
    return problems


def _how_to_sign(page: Page, version: str, language: Language, state: ReviewState, signed: LogEntry | None,
                 record: ReviewRecord) -> Problem:
    """A note: what awaits sign-off, and the lines a clinician's sign-off adds (what make sign-off writes)."""
    readers = [reviewer.id for reviewer in record.registry.reviewers.values()
               if language.code in reviewer.languages and reviewer.role in record.registry.policy.signers]
    reviewer = readers[0] if len(readers) == 1 else "REVIEWER-ID"
    months = record.registry.policy.months
    why = ("changed since its sign-off of version " + signed.version if state is ReviewState.CHANGED and signed
           else "awaiting medical sign-off")
    who = ("no reviewer who may sign it is listed in " + REGISTRY + " yet" if not readers
           else "reviewers who may sign it: " + ", ".join(readers))
    return Problem(page.path, page.key_line("page_id"), (
        f"{why}; its version now is {version} ({who}). `make packets PAGES={page.path}` prints it for review; "
        f"`make sign-off PAGE={page.path} REVIEWER=… PACKET={version}` records a sign-off. Without a terminal, write "
        f"in this front matter reviewed_by: {reviewer} / last_reviewed: YYYY-MM-DD / next_review: YYYY-MM-DD (within "
        f"{months} months) / reviewed_version: {version}, and add at the end of {LOG}: - {{page: "
        f"{page.meta.get('page_id')}, language: {language.code}, version: {version}, reviewer: {reviewer}, date: "
        "YYYY-MM-DD, next_review: YYYY-MM-DD, decision: approved, scope: whole page}"), Severity.NOTE)

