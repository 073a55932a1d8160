"""`{{ clinic.phone }}`-style placeholders in Markdown, as a Python-Markdown extension.

An engine-neutral home for the clinic's details in page text: any engine that runs Python-Markdown
extensions (MkDocs now, its successor later) expands them the same way.

Text that depends on whether the clinic has given an answer sits in a block of HTML comments, so the raw
Markdown still reads cleanly:

    <!-- if treatment.device_name -->  (also `if not clinic.KEY`, `if treatment.KEY is yes`)
    We use the {{ treatment.device_name }}.
    <!-- else -->
    Ask us which device we use.
    <!-- end -->
"""

from __future__ import annotations

import difflib
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from scripts.site.answer_schema import SCHEMA, Answer
from scripts.site.answers import answer_values
from scripts.site.clinic import display_values
from scripts.site.page_details import page_details

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][\w.]*)\s*\}\}")
CONDITION = re.compile(r"^\s*<!--\s*if\s+(not\s+)?([A-Za-z_][\w.]*)(?:\s+is\s+(\S+))?\s*-->\s*$")
ELSE = re.compile(r"^\s*<!--\s*else\s*-->\s*$")
END = re.compile(r"^\s*<!--\s*end\s*-->\s*$")
CONDITION_HELP = ("write <!-- if clinic.KEY -->, <!-- if not clinic.KEY --> or <!-- if clinic.KEY is yes -->, "
                  "then the text, optionally <!-- else --> and other text, then <!-- end -->, each on its own line")
NAMESPACE = "clinic"
# Placeholders worked out from other settings, and the settings to fill in for them.
SET_FROM = {"phone_tel": "phone", "sms_link": "sms", "after_hours_phone_tel": "after_hours_phone",
            "address": "street_address, city, region and postcode", "speaks_this_language": "languages_spoken"}
HOMES = {"clinic": "under extra: clinic: in mkdocs.yml", "treatment": "under the page's treatment in mkdocs.yml "
         "(extra: treatments:)", "clinical": "under clinic: in data/answers.yml",
         "treatment clinical": "under the page's treatment in data/answers.yml (treatments:)"}


def answers_named(name: str) -> list[Answer]:
    """The schema's answers a placeholder name stands for (clinic.phone and clinic.phone_tel: phone; clinic.address:
    street_address, city, region and postcode), so a page's use of a worked-out name counts for its settings."""
    space, _, key = name.partition(".")
    settings = re.split(r",\s*|\s+and\s+", SET_FROM.get(key, key)) if space == NAMESPACE else [key]
    return [answer for setting in settings for answer in SCHEMA if answer.key == setting and answer.namespace == space]


def placeholder_values(clinic: dict[str, Any]) -> dict[str, str]:
    """Each placeholder name a page may use (e.g. clinic.phone, clinic.phone_tel) and the text it stands for."""
    return dict(_values_of(json.dumps(clinic, sort_keys=True, default=str)))


@functools.lru_cache(maxsize=8)
def _values_of(clinic_json: str) -> dict[str, str]:
    """Worked out once per set of details: every page of every build asks several times (formatting the phone
    number is slow)."""
    details = json.loads(clinic_json)
    office = display_values(details, str(details.get("language") or "en"))
    return {**{f"{NAMESPACE}.{key}": value for key, value in office.items()}, **answer_values(details)}


def known_names(clinic: dict[str, Any]) -> set[str]:
    """Every placeholder name a page may use, e.g. clinic.phone and clinic.phone_tel."""
    return set(placeholder_values(clinic))


def unknown_placeholder_message(name: str, clinic: dict[str, Any]) -> str:
    names = sorted(known_names(clinic))
    if name.startswith("treatment.") and clinic.get("treatment") is None and any(
            answer.namespace == "treatment" and answer.key == name.split(".", 1)[1] for answer in SCHEMA):
        return (f"'{{{{ {name} }}}}' is a treatment's answer, and this page belongs to no treatment: put the page in "
                "its treatment's folder or name it in the front matter (treatment: KEY, a key of extra: treatments: "
                "in mkdocs.yml), or take the placeholder out")
    # The closest name, whether the page wrote clinic. or treatment. (an answer may have moved to the treatment).
    by_key = {known.split(".", 1)[1]: known for known in names}
    guess = [by_key[key] for key in difflib.get_close_matches(name.split(".", 1)[-1], list(by_key), n=1, cutoff=0.6)]
    known = f"did you mean {{{{ {guess[0]} }}}}?" if guess else "the placeholders are " + ", ".join(
        "{{ " + n + " }}" for n in names)
    return f"unknown placeholder '{{{{ {name} }}}}': check the spelling; {known}"


def _condition_holds(match: re.Match[str], values: dict[str, str]) -> bool:
    negated, name, wanted = match.groups()
    return _holds(bool(negated), name, wanted or "", values)


def _holds(negated: bool, name: str, wanted: str, values: dict[str, str]) -> bool:
    value = values[name]
    holds = value.lower() == wanted.lower() if wanted else bool(value)
    return not holds if negated else holds


@dataclass(frozen=True)
class ConditionalBlock:
    """One `<!-- if -->` block of a page, with both of its wordings (for the clinician's review packet)."""

    line: int  # of the `if`, in the text given
    name: str  # e.g. clinic.device_name
    negated: bool  # `if not clinic.KEY`
    wanted: str  # "yes" in `if clinic.KEY is yes`; "" when the block asks only whether there is an answer
    text_if: str  # the lines shown while the condition holds
    text_else: str  # the lines shown otherwise ("" without `<!-- else -->`)

    def holds(self, clinic: dict[str, Any]) -> bool:
        """Whether the page shows `text_if` with these details (an unknown name shows it, as the page does)."""
        values = placeholder_values(clinic)
        return self.name not in values or _holds(self.negated, self.name, self.wanted, values)


def conditional_blocks(text: str) -> list[ConditionalBlock]:
    """Every well-formed `<!-- if -->` block of the text, in order (the check reports the others)."""
    blocks: list[ConditionalBlock] = []
    opened: re.Match[str] | None = None
    line, wording = 0, 0
    parts: tuple[list[str], list[str]] = ([], [])  # the lines of the open block's two wordings
    for number, text_line in enumerate(text.split("\n"), 1):
        condition = CONDITION.match(text_line)
        if condition and opened is None:
            opened, line, parts, wording = condition, number, ([], []), 0
        elif opened is not None and ELSE.match(text_line):
            wording = 1
        elif opened is not None and END.match(text_line):
            negated, name, wanted = opened.groups()
            blocks.append(ConditionalBlock(line, name, bool(negated), wanted or "", "\n".join(parts[0]),
                                           "\n".join(parts[1])))
            opened = None
        elif opened is not None:
            parts[wording].append(text_line)
    return blocks


def resolve_conditions(text: str, clinic: dict[str, Any]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The (line number, line) pairs a reader sees once each `<!-- if -->` block is decided by the clinic's
    settings, and (line, message) for each block that is written wrongly."""
    values = placeholder_values(clinic)
    kept: list[tuple[int, str]] = []
    problems: list[tuple[int, str]] = []
    opened, showing = 0, True  # the line of the open `if` (0 outside a block), and whether its text shows
    for number, line in enumerate(text.split("\n"), 1):
        condition, is_else, is_end = CONDITION.match(line), ELSE.match(line), END.match(line)
        if condition:
            name = condition.group(2)
            if opened:
                problems.append((number, f"this 'if' is inside the 'if' of line {opened}: close that one first "
                                         f"with <!-- end -->; {CONDITION_HELP}"))
            else:
                if name not in values:
                    problems.append((number, unknown_placeholder_message(name, clinic)))
                opened, showing = number, name not in values or _condition_holds(condition, values)
            continue
        if is_else or is_end:
            if not opened:
                word = "else" if is_else else "end"
                problems.append((number, f"<!-- {word} --> without an <!-- if --> before it: {CONDITION_HELP}"))
            elif is_else:
                showing = not showing
            else:
                opened, showing = 0, True
            continue
        if showing:
            kept.append((number, line))
    if opened:
        problems.append((opened, f"this <!-- if --> is never closed: add <!-- end --> after its text; "
                                 f"{CONDITION_HELP}"))
    return kept, problems


def _answered_wording(text: str) -> dict[int, str]:
    """Each line inside the wording an `<!-- if -->` block shows once its answer is given (the `if NAME` part, or the
    `else` of `if not NAME`), with that NAME."""
    found: dict[int, str] = {}
    opened: re.Match[str] | None = None
    in_else = False
    for number, line in enumerate(text.split("\n"), 1):
        condition = CONDITION.match(line)
        if condition and opened is None:
            opened, in_else = condition, False
        elif opened is not None and ELSE.match(line):
            in_else = True
        elif opened is not None and END.match(line):
            opened = None
        elif opened is not None and bool(opened.group(1)) == in_else and not opened.group(3):
            found[number] = opened.group(2)
    return found


def _guard_problem(name: str, line: int, guarded: dict[int, str]) -> str | None:
    """A clinical answer's placeholder outside its own "if answered" wording: the page would show an empty answer
    while it is unanswered or unsigned (pages show clinical answers only once a clinician signed them)."""
    answers = [answer for answer in answers_named(name) if answer.clinical]
    if not answers or any(answer in answers_named(guarded.get(line, "")) for answer in answers):
        return None
    return (f"'{{{{ {name} }}}}' is a clinical answer, shown only once it is given and signed: put its sentence "
            f"inside <!-- if {name} --> … <!-- else --> what the page says until then <!-- end -->")


def placeholder_problems(text: str, clinic: dict[str, Any], front_matter_end: int = 0) -> list[tuple[int, str]]:
    """(line, message) for each placeholder a page cannot use: an unknown name, a clinic detail that is empty
    where the page would show it (it would print nothing, or make a dead link), one in the front matter (only
    the page text is filled in), or a conditional block written wrongly."""
    values = placeholder_values(clinic)
    lines, problems = resolve_conditions(text, clinic)
    shown = {number for number, _ in lines}
    guarded = _answered_wording(text)
    for number, line in enumerate(text.split("\n"), 1):
        for match in PLACEHOLDER.finditer(line):
            name = match.group(1)
            if number <= front_matter_end:
                problems.append((number, f"placeholder '{{{{ {name} }}}}' in the front matter: placeholders work "
                                         "only in the page text, so word this line without the clinic's detail "
                                         "and put the detail, with its placeholder, in the page text"))
            elif name not in values:
                problems.append((number, unknown_placeholder_message(name, clinic)))
            elif guard := _guard_problem(name, number, guarded):
                problems.append((number, guard))
            elif not values[name] and number in shown:
                space, key = name.split(".", 1)
                setting = SET_FROM.get(key, key)
                home = next((HOMES[answer.home] for answer in answers_named(name)), HOMES["clinic"])
                problems.append((number, f"'{{{{ {name} }}}}' is empty, so the page would show nothing there (or a "
                                         f"dead link): fill in '{setting}' {home}, put the sentence inside "
                                         f"<!-- if {space}.{setting.split(',')[0]} --> ... <!-- end -->, or take "
                                         "the placeholder out of this page"))
    return sorted(problems)


def expand(text: str, clinic: dict[str, Any]) -> str:
    """The text a reader sees: conditional blocks decided and every placeholder replaced; raises ValueError
    naming the first problem."""
    problems = placeholder_problems(text, clinic)
    if problems:
        line, message = problems[0]
        raise ValueError(f"line {line} of the page text: {message}")
    values = placeholder_values(clinic)
    kept, _ = resolve_conditions(text, clinic)
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], "\n".join(line for _, line in kept))


EXTENSION = "scripts.site.placeholders"
PRIORITY = 31  # Python-Markdown preprocessors run from the highest priority down: pymdownx.snippets is 32


def use_details(extensions: list[Any], configs: dict[str, dict[str, Any]], details: dict[str, Any]) -> None:
    """Give the extension, where a build uses it, the details it fills pages with (worked out once per build)."""
    if EXTENSION in extensions or EXTENSION in configs:
        configs.setdefault(EXTENSION, {})["clinic"] = details


def details_in_use(configs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return (configs.get(EXTENSION) or {}).get("clinic") or {}


class _PlaceholderPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, clinic: dict[str, Any]) -> None:
        super().__init__(md)
        self.clinic = clinic

    def run(self, lines: list[str]) -> list[str]:
        return expand("\n".join(lines), self.clinic).split("\n")


class PlaceholderExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "settings_file": ["mkdocs.yml", "The settings file the pages are built with"],
            "clinic": [{}, "Everything pages show of the clinic (scripts/site/page_details.py); when empty, it is "
                           "worked out from the settings file"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API name)
        clinic = self.getConfig("clinic") or page_details(Path(self.getConfig("settings_file")))
        # After pymdownx.snippets (32), so included files are filled in too, and before Python-Markdown's own
        # preprocessors (30 and below), so expanded values and the chosen wordings are ordinary Markdown text.
        md.preprocessors.register(_PlaceholderPreprocessor(md, clinic), "clinic_placeholders", PRIORITY)


def makeExtension(**kwargs: Any) -> PlaceholderExtension:  # noqa: N802 (Python-Markdown's API name)
    return PlaceholderExtension(**kwargs)
