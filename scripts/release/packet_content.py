"""Everything a review packet says about one page, as data for its template: the page's review so far, what
changed since its last sign-off, the translation beside its English version, the sources, the clinic's answers with
both wordings, and the sign-off sheet. The packet id is the page's version id (scripts/site/page_version.py), the
one `make sign-off` asks for."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from scripts.release.packet_diff import Changes, Version, changes_since
from scripts.release.packet_html import markdown_html
from scripts.release.packet_translation import SideBySide, beside_english
from scripts.site.addresses import page_url
from scripts.site.dates import months_after
from scripts.site.front_matter import load_front_matter, split_front_matter
from scripts.site.includes import inlined_lines
from scripts.site.languages import language_of_file
from scripts.site.page_details import details_of_page
from scripts.site.page_version import working_tree
from scripts.site.placeholders import (
    PLACEHOLDER,
    SET_FROM,
    ConditionalBlock,
    conditional_blocks,
    placeholder_values,
)
from scripts.site.review import PageReview, ReviewRecord, ReviewState, page_review, signature_problems
from scripts.site.review_history import signed_page
from scripts.site.review_log import APPROVED, LogEntry, page_entries
from scripts.site.sources import load_sources

CITATION = ("authors", "year", "title", "publisher", "url")


@dataclass(frozen=True)
class Wording:
    label: str  # when the page shows it, e.g. "While device_name is empty"
    html: str
    shown_now: bool


@dataclass(frozen=True)
class ClinicAnswer:
    name: str  # the placeholder's name, e.g. device_name, speaks_es
    setting: str  # the setting that answers it (speaks_this_language: languages_spoken)
    line: int  # in the file that holds the block: the page, or a file it includes
    where: str  # "page line 85", or "line 3 of docs/_includes/…" for a block in an included file
    value: str  # as patients would read it; "" while unanswered
    wordings: tuple[Wording, Wording]


@dataclass(frozen=True)
class SignOffSheet:
    months: int  # the review policy's longest time between reviews
    due_if_signed_today: date
    reviewers: list[str]  # "id: name, credentials" of each listed clinician who may sign this page today
    command: str


@dataclass
class Packet:
    file: str  # docs/aftercare.md
    language: str  # "English"
    language_code: str
    page_id: str
    packet_id: str
    title: str
    url_path: str  # the page's address on the site, e.g. "es/cuidados-despues/"
    made_on: date
    review: PageReview
    history: list[str]  # the page's review so far, in words
    changes: Changes | None  # None: nothing to compare with (never signed, or the signed text is not in git)
    page_html: str
    beside: list[SideBySide]
    sources: list[dict[str, Any]]
    answers: list[ClinicAnswer]
    sheet: SignOffSheet
    notes: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The packet's file name without its suffix: the page's path in docs/ and the packet id."""
        stem = self.file.removeprefix("docs/").removesuffix(".md").replace("/", "-")
        return f"{stem}-{self.packet_id}"


def _labels(block: ConditionalBlock) -> tuple[str, str]:
    """When each of the block's two wordings shows, in words."""
    key = block.name.split(".", 1)[-1]
    shown, other = ((f"While {key} is '{block.wanted}'", f"While {key} is not '{block.wanted}' (or is empty)")
                    if block.wanted else (f"When {key} is answered", f"While {key} is empty"))
    return (other, shown) if block.negated else (shown, other)


def clinic_answers(text: str, clinic: dict[str, Any], config: Path, root: Path) -> list[ClinicAnswer]:
    """Each `<!-- if clinic.KEY -->` (or treatment.KEY) block of the page, and of the text it includes, with the
    answer's value now and both of its wordings."""
    values, read, found = placeholder_values(clinic), working_tree(root), []

    def shown(wording: str) -> str:
        # An empty detail shows as «its name», so a wording that waits for an answer says which one.
        filled = PLACEHOLDER.sub(lambda match: values.get(match.group(1)) or
                                 f"«{match.group(1).split('.', 1)[-1]}»", wording)
        return markdown_html(filled, read, clinic, config) if filled.strip() else ""

    lines = inlined_lines(text, read, markdown_only=True)  # the blocks of the text it includes too
    for block in conditional_blocks("\n".join(line.text for line in lines)):
        holds = block.holds(clinic)
        first, second = _labels(block)
        wordings = (Wording(first, shown(block.text_if), holds), Wording(second, shown(block.text_else), not holds))
        key = block.name.split(".", 1)[-1]
        origin = lines[block.line - 1]
        where = f"line {origin.number} of {origin.path}" if origin.path else f"page line {origin.number}"
        found.append(ClinicAnswer(key, SET_FROM.get(key, key), origin.number, where, values.get(block.name, ""),
                                  wordings))
    return found


def cited_sources(meta: dict[str, Any], root: Path) -> list[dict[str, Any]]:
    """Each source the page cites, with its citation and the evidence note from data/sources.yml."""
    listed = load_sources(root)
    cited = meta.get("sources") if isinstance(meta.get("sources"), list) else []
    return [{"id": str(source_id), "listed": source_id in listed,
             **{key: listed.get(source_id, {}).get(key) for key in (*CITATION, "evidence", "language")}}
            for source_id in cited]


def _signer_lines(record: ReviewRecord, language: str, day: date) -> list[str]:
    policy = record.registry.policy
    return [f"{reviewer.id}: {', '.join(part for part in (reviewer.name, reviewer.credentials.get(language)) if part)}"
            for reviewer in record.registry.reviewers.values()
            if reviewer.role in policy.signers and language in reviewer.languages and reviewer.active_on(day)]


def _last_approved(record: ReviewRecord, page_id: str, language: str) -> LogEntry | None:
    approved = [entry for entry in page_entries(record.log, page_id, language) if entry.decision == APPROVED]
    return approved[-1] if approved else None


def _history(review: PageReview, last: LogEntry | None, record: ReviewRecord, day: date) -> list[str]:
    if last is None:
        return ["Never signed off: review the whole page."]
    name = str(last.reviewer_as_then.get("name") or "")
    said = f"Last signed off on {last.date} by {f'{name} ({last.reviewer})' if name else last.reviewer} (packet " \
           f"{last.version})"
    if review.state is ReviewState.AWAITING:
        problems = signature_problems(last, record.registry, review.language, day)
        return [f"{said}, but that sign-off does not count now: review the whole page."] + problems
    if review.state is ReviewState.OVERDUE:
        return [f"{said}; its next review was due {last.next_review}."]
    return [f"{said}."]


def gather(root: Path, page: Path, day: date, record: ReviewRecord) -> Packet:
    """The packet of one page file as it is now."""
    language = language_of_file(root, page)
    text = page.read_text(encoding="utf-8")
    meta = load_front_matter(text)
    review = page_review(root, page, day, record)
    clinic = details_of_page(root, language.key(page), text)
    file = page.resolve().relative_to(root.resolve()).as_posix()
    last = _last_approved(record, review.page_id, language.code) if review.page_id else None
    now = Version(text, working_tree(root), language.config)
    changes, notes = None, []
    if last is not None and last.version != review.version:
        signed = signed_page(root, page, last.version, last.file)
        if signed is None:
            notes.append(f"The signed version ({last.version}) is not in this copy's git history (a shallow clone, "
                         "or the sign-off is not committed yet), so the changes cannot be marked: review the whole "
                         "page.")
        else:
            changes = changes_since(Version(signed[0], signed[1], language.config), now)
    elif last is not None:
        notes.append("No change since that sign-off: this is its next review.")
    months = record.registry.policy.months
    key = language.key(page)
    return Packet(
        file=file, language=language.name, language_code=language.code, page_id=review.page_id,
        packet_id=review.version, title=str(meta.get("title") or ""), url_path=page_url(key).lstrip("/"),
        made_on=day, review=review, history=_history(review, last, record, day), changes=changes,
        page_html=markdown_html(split_front_matter(text)[1], now.read, clinic, language.config),
        beside=beside_english(root, page), sources=cited_sources(meta, root),
        answers=clinic_answers(text, clinic, language.config, root),
        sheet=SignOffSheet(months, months_after(day, months), _signer_lines(record, language.code, day),
                           f"make sign-off PAGE={file} REVIEWER=__________ PACKET={review.version}"),
        notes=notes)
