"""`make intake`: the questionnaire the clinic fills in, written to intake/ as questionnaire.md (to read on screen or
edit) and questionnaire.pdf (to print and fill in by hand).

Everything in it comes from the schema of the clinic's answers (scripts/site/answer_schema.py), the answers as the
files hold them now, and a scan of every page of every language: for each answer, the question, why patients need
it, boxes for the allowed answers, where to find it, who answers, the answer now, and every page line that shows it
(file:line) with what the page says while it is blank. Part 1 is for the medical director (the clinical answers,
signed as a group), part 2 for the office. Nothing in it is a value of our own: a blank stays "not answered yet".

    python -m scripts.release.intake [--out intake]
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import markdown
import yaml

from scripts.chromium import CHROMIUM
from scripts.project import project_root
from scripts.release.packet_print import PrintingError, printer
from scripts.site.answer_schema import ANSWERS_FILE, SCHEMA, Answer
from scripts.site.answers import (
    PRICE_PER,
    answer_value,
    answers_given,
    answers_version,
    is_answered,
    load_roles,
    read_answers,
)
from scripts.site.dates import today
from scripts.site.languages import ENGLISH, languages
from scripts.site.page_details import signed_answers_version
from scripts.site.placeholders import (
    HOMES,
    PLACEHOLDER,
    SET_FROM,
    ConditionalBlock,
    answers_named,
    conditional_blocks,
)
from scripts.site.reviewers import load_registry
from scripts.site.settings import extra_settings
from scripts.site.treatments import treatments

OUT = Path("intake")
NOT_ANSWERED = "not answered yet"
PARTS = (("Part 1. For the medical director", True), ("Part 2. For the office", False))
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
BLANK = "`____________________`"
PHONE = "`(___) ___-____`"  # in code spans: bare underscores would read as Markdown emphasis
YES_NO = "[ ] yes   [ ] no"
ATTRIBUTES = re.compile(r"\{\s*[:#.][^}]*\}")  # attr_list, e.g. { .next-step } after a button link
LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
# The PDF is one document with nothing to fetch: the policy refuses any request, and the printer refuses any host but
# this one, which cannot exist (.invalid is reserved).
NO_HOST = "http://questionnaire.invalid/"
CSS = """
body { font: 10.5pt/1.45 "DejaVu Sans", sans-serif; color: #000; }
h1 { font-size: 17pt; margin: 0 0 .5em; }
h2 { font-size: 14pt; border-bottom: 2px solid #000; margin-top: 1.5em; }
h2 + p { margin-top: .4em; }
h3 { font-size: 11.5pt; margin: 1.6em 0 .3em; break-after: avoid; }
p, li { margin: .25em 0; }
p { white-space: pre-wrap; }  /* keeps the spaces between boxes on one line */
code { font: 10pt "DejaVu Sans Mono", monospace; }
table { border-collapse: collapse; margin: .4em 0; break-inside: avoid; }
th, td { border: 1px solid #000; padding: .2em .8em; text-align: left; }
.box { font-size: 13pt; }
h2 ~ h2 { break-before: page; }  /* each part from a new sheet, to hand to whoever answers it */
"""


@dataclass(frozen=True)
class Place:
    """A page line that shows an answer: one of its placeholders, or the `<!-- if -->` of a block that asks for it."""

    file: str  # docs/es/contacto.md
    line: int
    language: str  # "Spanish"
    source: str  # the line as written
    name: str  # the name the line uses, e.g. clinic.phone_tel
    blank: str | None  # a block: what the page says while the name is blank ("": nothing); a placeholder: None


def while_blank(block: ConditionalBlock) -> str:
    """The wording a block shows while its name is blank: a blank value never holds `if NAME` nor `if NAME is X`, so
    the `else` wording shows, or, for `if not NAME`, the first."""
    return block.text_if if block.negated else block.text_else


def places(root: Path) -> dict[Answer, list[Place]]:
    """Every page line, in every language, that shows each answer (a worked-out name such as clinic.phone_tel
    counts for the setting it comes from), in the languages' order, then by file and line."""
    found: dict[Answer, list[Place]] = defaultdict(list)
    for language in languages(root):
        for page in language.pages:
            text = page.read_text(encoding="utf-8")
            lines = text.split("\n")
            shown = [(block.line, block.name, while_blank(block)) for block in conditional_blocks(text)]
            shown += [(number, match.group(1), None) for number, line in enumerate(lines, 1)
                      for match in PLACEHOLDER.finditer(line)]
            for number, name, blank in sorted(shown, key=lambda each: each[0]):
                place = Place(page.relative_to(root).as_posix(), number, language.name, lines[number - 1].strip(),
                              name, blank)
                for answer in answers_named(name):
                    # clinic.phone and clinic.phone_tel on one line: one place
                    if (place.file, place.line) not in {(each.file, each.line) for each in found[answer]}:
                        found[answer].append(place)
    return found


def plain(text: str) -> str:
    """Page Markdown as words on one line: placeholders by their names, links as their text, no attribute lists."""
    named = PLACEHOLDER.sub(lambda match: f"«{match.group(1)}»", text)
    return " ".join(LINK.sub(_link_words, ATTRIBUTES.sub("", named)).split())


def _link_words(link: re.Match[str]) -> str:
    # A button whose address is the answer ("Book a consultation" to the booking page) names it after its words.
    words, target = link.groups()
    return f"{words} ({target})" if "«" in target and "«" not in words else words


def _place_line(place: Place) -> str:
    where = f"- {place.language}, `{place.file}:{place.line}`"
    if place.blank is None:
        return f"{where}: “{plain(place.source)}”"
    said = f"the page says: “{plain(place.blank)}”" if place.blank.strip() else "the page shows nothing here."
    key = place.name.partition(".")[2]
    # A worked-out name (speaks_this_language) is blank on its own terms: say which, and what it comes from.
    blank = f"«{place.name}» (worked out from {SET_FROM[key]})" if key in SET_FROM else "it"
    return f"{where}: `{place.source}`. While {blank} is blank, {said}"


def boxes(answer: Answer, root: Path) -> list[str]:
    """The allowed answers as boxes to tick or blanks to fill, as Markdown lines."""
    name = f"{answer.namespace}.{answer.key}"
    if name == "treatment.performer_roles":
        roles = load_roles(root)
        ticks = [f"- [ ] {(role.get('words') or {}).get(ENGLISH) or role_id} (`{role_id}`), licensed by the "
                 f"{role.get('board')}" + (", only under a supervising doctor" if role.get("supervised") else "")
                 for role_id, role in roles.allowed.items()]
        refused = sorted({str(role.get("id")).replace("_", " ") for role in roles.refused.values()})
        return [*ticks, "", f"Not allowed to do it (data/roles.yml says why): {', '.join(refused)}."]
    if name == "clinic.supervising_physician":
        return [f"Name: {BLANK}   [ ] MD   [ ] DO", "", f"License board: {BLANK}   License number: `__________`"]
    # The schema's "…, or empty" answers may be none at all: a box says so, so a blank is never a guess.
    none = "   [ ] none" if "or empty" in answer.allowed else ""
    if name in ("clinic.phone", "clinic.sms", "clinic.after_hours_phone"):
        return [PHONE + none]
    if name in ("clinic.after_hours_forwarded", "treatment.adds_serums", "treatment.adds_prp"):
        return [YES_NO]
    if name == "treatment.price":
        return ["`$_____` to `$_____` per " + " ".join(f"[ ] {per}" for per in PRICE_PER) + "   [ ] no price given"]
    if name == "treatment.device_clearance":
        return ["`K______` or `DEN______`"]
    if name == "treatment.device_min_age":
        return ["`____` years and older"]
    if name == "clinic.hours":
        return ["| Day | Opens | Closes | Closed |", "|---|---|---|---|",
                *(f"| {day} | `__:__` | `__:__` | [ ] |" for day in DAYS)]
    if name == "clinic.languages_spoken":
        return ["   ".join(f"[ ] {found.name} (`{found.code}`)" for found in languages(root)) + f"   other: {BLANK}"]
    return [BLANK + none]


def now_text(answer: Answer, value: Any, signed: bool) -> str:
    """The answer as its file holds it now, and for a clinical one whether pages show it yet."""
    if not is_answered(value):
        shown = NOT_ANSWERED + (" (the file says false, its default)" if value is False else "")
    elif isinstance(value, bool):
        shown = "`yes`" if value else "`no`"
    elif isinstance(value, dict | list):
        shown = f"`{yaml.safe_dump(value, default_flow_style=True, sort_keys=False, allow_unicode=True).strip()}`"
    else:
        shown = f"`{value}`"
    if not answer.clinical:
        return shown + "."
    if not is_answered(value):
        return shown + ". Clinical answers show on pages only once signed (`make sign-off ANSWERS=1`)."
    return shown + (". Signed: pages show it." if signed else
                    ". Not signed yet: pages show it only once signed (`make sign-off ANSWERS=1`).")


def section(number: int, answer: Answer, value: Any, where: list[Place], root: Path, signed: bool,
            treatment: str = "") -> list[str]:
    """One answer's part of the questionnaire, as Markdown lines (`treatment`: the treatment it is asked of, named
    when the guide has several)."""
    shown = [_place_line(place) for place in where] or [
        "- No page's text names it: the site's page templates or the data for search engines use it (see why "
        "patients need it)."]
    return [f"### {number}. {f'{treatment}: ' if treatment else ''}{answer.question} "
            f"(`{answer.namespace}.{answer.key}`)", "",
            f"**Why patients need it:** {answer.why}", "",
            f"**Your answer** (allowed: {answer.allowed}):", "", *boxes(answer, root), "",
            f"**Where to find it:** {answer.where}", "",
            f"**Who answers:** {answer.who}. Kept {HOMES[answer.home]}, as `{answer.key}`.", "",
            f"**Now:** {now_text(answer, value, signed)}", "",
            "**Where it shows**, in every language, and what the page says while it is blank:", "", *shown, ""]


def _intro(day: date, signers: list[str], policy_roles: str) -> list[str]:
    listed = ", ".join(signers) if signers else (
        "none yet (the medical team adds the clinician first; README, \"Adding a reviewer\")")
    return [
        "# Questions for the clinic: the treatment guide", "",
        f"Made on {day.isoformat()} from the website's files (`make intake`). Each answer below fills in a sentence "
        "on the guide's pages, in English and in Spanish. Until a question is answered, the pages say something "
        "honest instead, such as \"ask us\": each question shows that wording too.", "",
        "**Nothing is invented.** Answer only what you know to be true. A question you leave blank stays \"not "
        "answered yet\", and the pages keep their \"ask us\" wording. We never fill in an answer for you.", "",
        "**How to return it.** Tick the boxes and fill in the blanks, on paper or in this file (write `[x]` in a "
        "box), and give it to whoever looks after the website. They copy each answer into the file named under it, "
        "and `make check` checks it against its rules (a role that may do the treatment, the form of an FDA "
        "number) and says what to fix. Then this questionnaire is printed again, showing the answers as they "
        "are now.", "",
        "**Who signs.** Part 1 holds the clinical answers. A clinician listed in data/reviewers.yml whose role may "
        f"sign ({policy_roles}) signs them together, as a group, once they are in the file. Pages show them only "
        f"after that sign-off, and any change needs a new one. Listed and able to sign today: {listed}. Part 2 "
        "holds the office's details: they need no medical sign-off and show at the next publish.", ""]


def _sign_off_sheet(data: dict[str, Any], signed_version: str | None) -> list[str]:
    """The foot of part 1: the answers' version, whether it is signed, and the lines the clinician fills in."""
    if not answers_given(data):
        return ["**Sign-off.** No clinical answer is in the file yet, so there is nothing to sign. Once the answers "
                "are in data/answers.yml, print this questionnaire again and sign that copy.", ""]
    version = answers_version(data)
    state = "signed" if signed_version == version else "not signed yet"
    return [f"**Sign-off of the clinical answers above, version `{version}`** ({state}). I have checked every "
            "answer in this part, as printed here.", "",
            f"Reviewer id: {BLANK}   Name and credentials: {BLANK}", "",
            f"Date: `____-__-__`   Signature: {BLANK}", "",
            f"To record it: `make sign-off ANSWERS=1 REVIEWER=__________ PACKET={version}`.", ""]


def questionnaire(root: Path, day: date) -> str:
    """The questionnaire as Markdown: the introduction, then each part's answers in the schema's order."""
    extra = extra_settings(root / "mkdocs.yml")
    data = read_answers(root)
    registry = load_registry(root)
    signers = [f"{reviewer.name} (`{reviewer.id}`)" for reviewer in registry.reviewers.values()
               if reviewer.role in registry.policy.signers and ENGLISH in reviewer.languages
               and reviewer.active_on(day)]
    signed_version = signed_answers_version(root, day)
    signed = signed_version is not None and signed_version == answers_version(data)
    found = places(root)
    offered = treatments({"extra": extra})
    lines = _intro(day, signers, ", ".join(role.replace("_", " ") for role in registry.policy.signers))
    number = 0
    for title, clinical in PARTS:
        kept = ANSWERS_FILE.as_posix() if clinical else "mkdocs.yml"
        lines += [f"## {title}", "",
                  f"These answers are kept in {kept}.", ""]
        for answer in (each for each in SCHEMA if each.clinical == clinical):
            # A treatment's answer is asked of each treatment (named when there are several).
            for key, name in ([(key, each.name) for key, each in offered.items()]
                              if answer.namespace == "treatment" else [("", "")]):
                number += 1
                lines += section(number, answer, answer_value(answer, extra, data, key), found.get(answer, []), root,
                                 signed, name if len(offered) > 1 else "")
        if clinical:
            lines += _sign_off_sheet(data, signed_version)
    return "\n".join(lines)


def questionnaire_html(text: str) -> str:
    """The Markdown as one self-contained page to print: inline styles, no script, nothing fetched."""
    body = markdown.markdown(text, extensions=["tables", "sane_lists"]).replace(
        "[ ]", '<span class="box">☐</span>')
    return ('<!doctype html><html lang="en"><head><meta charset="utf-8">'
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">'
            f"<title>Questions for the clinic</title><style>{CSS}</style></head><body>{body}</body></html>\n")


def write_questionnaire(root: Path, out: Path, day: date, browser: Any = None) -> tuple[Path, Path]:
    """Write questionnaire.md and questionnaire.pdf into `out` (printed by `browser`, a Playwright Chromium, or by
    Debian's Chromium started for it); returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    text = questionnaire(root, day)
    written = out / "questionnaire.md", out / "questionnaire.pdf"
    written[0].write_text(text + "\n", encoding="utf-8")
    with printer(NO_HOST, browser) as printing:
        printing.print_document(questionnaire_html(text), written[1],
                                html.escape(f"Questions for the clinic, made on {day.isoformat()}, sheet"))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT, help=f"the folder to write into (default: {OUT}/)")
    args = parser.parse_args(argv)
    root = project_root()
    if not CHROMIUM.exists():
        print("Printing the questionnaire needs Debian's chromium: run make browser.", file=sys.stderr)
        return 1
    out = args.out if args.out.is_absolute() else root / args.out
    started = time.monotonic()
    try:
        written = write_questionnaire(root, out, today(extra_settings(root / "mkdocs.yml").get("timezone")))
    except yaml.YAMLError:
        print(f"{ANSWERS_FILE.as_posix()} or mkdocs.yml is not valid YAML: run make check, which names the line.",
              file=sys.stderr)
        return 1
    except PrintingError as error:
        print(f"Not printed: {error}", file=sys.stderr)
        return 1
    shown = [path.relative_to(root) if path.is_relative_to(root) else path for path in written]
    print(f"Wrote {shown[0]} and {shown[1]} in {time.monotonic() - started:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
