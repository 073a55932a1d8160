"""Claims we must not make (data/claims.yml): whole words, any case, hyphen or space alike.

A line is excused only by `<!-- claim-ok: REASON -->` on the same line, with a reason.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.problems import Problem, Severity
from scripts.site.page import Page, line_of, mask_markup

CLAIMS_FILE = Path("data/claims.yml")
MARKER = re.compile(r"<!--\s*claim-ok\s*:?(.*?)-->", re.IGNORECASE)
SEPARATOR = r"[\s\-‐‑–]*"  # space, hyphen, non-breaking hyphen, en dash, or nothing


@dataclass(frozen=True)
class Claim:
    phrase: str
    why: str
    instead: str
    pattern: re.Pattern[str]
    needle: str = ""  # a piece of the phrase every match contains, case folded ("" for none): most texts lack it


def claim_needle(phrase: str) -> str:
    """The longest piece of the phrase that its pattern matches letter for letter (any case): a word, or the part of
    a word before or after an apostrophe or a trailing *; an acronym (F.D.A.) gives none."""
    pieces = [part for word in re.split(r"[\s\-]+", phrase.strip()) if word
              and not (word.rstrip("*").isupper() and word.rstrip("*").isalpha() and len(word.rstrip("*")) > 1)
              for part in re.split(r"['’]", word.rstrip("*"))]
    return max(pieces, key=len, default="").casefold()


def _word_pattern(word: str) -> str:
    """One word of a phrase: an acronym also with dots (FDA, F.D.A.), either apostrophe (doesn't, doesn’t), and a
    trailing * for every ending (guarantee* is guarantee, guarantees, guaranteed, guaranteeing)."""
    stem, every_ending = (word[:-1], True) if word.endswith("*") else (word, False)
    if stem.isupper() and stem.isalpha() and len(stem) > 1:
        pattern = "".join(re.escape(letter) + r"\.?" for letter in stem)
    else:
        pattern = "['’]".join(re.escape(part) for part in re.split(r"['’]", stem))
    return pattern + (r"\w*" if every_ending else "")


def claim_pattern(phrase: str) -> re.Pattern[str]:
    """A pattern for the phrase as whole words, ignoring case, with any hyphens, spaces or line breaks between
    words."""
    words = [_word_pattern(word) for word in re.split(r"[\s\-]+", phrase.strip()) if word]
    return re.compile(r"(?<![\w-])" + SEPARATOR.join(words) + r"(?![\w-])", re.IGNORECASE)


def claims_file(language: str = "en") -> Path:
    """data/claims.yml for English, data/claims.<language>.yml for a translation."""
    return CLAIMS_FILE if language == "en" else CLAIMS_FILE.with_suffix(f".{language}.yml")


def without_accents(text: str) -> str:
    """The text with accents taken off letter by letter (same length, so offsets still match): "está" -> "esta"."""
    if text.isascii():
        return text
    return text.translate({ord(char): unicodedata.normalize("NFD", char)[0] for char in set(text) if ord(char) > 127})


def load_claims(root: Path, language: str = "en") -> list[Claim]:
    """The claims list of a language; a malformed file raises ValueError naming the entry. A translation without a
    list has none (the content check warns about it, naming the language); English always has one."""
    file = claims_file(language)
    if language != "en" and not (root / file).is_file():
        return []
    return list(_claims_of((root / file).read_text(encoding="utf-8"), file.as_posix()))


@functools.lru_cache(maxsize=16)
def _claims_of(text: str, file: str) -> tuple[Claim, ...]:
    """Worked out once per list's text (the check, the build and the settings check each ask)."""
    entries = yaml.safe_load(text) or []
    claims = []
    for entry in entries:
        if not isinstance(entry, dict) or not all(str(entry.get(k) or "").strip() for k in ("phrase", "why",
                                                                                                "instead")):
            raise ValueError(f"{file}: entry {entry!r} needs phrase, why and instead")
        phrase = str(entry["phrase"])
        claims.append(Claim(phrase, str(entry["why"]).strip(), str(entry["instead"]).strip(),
                            claim_pattern(without_accents(phrase)), claim_needle(without_accents(phrase))))
    return tuple(claims)


def claim_message(found: str, claim: Claim) -> str:
    why = claim.why.rstrip(".")
    return f"'{found}' is a claim we must not make: {why}. Write instead: {claim.instead}"


def find_claims(text: str, claims: list[Claim]) -> list[tuple[int, str, Claim]]:
    """(offset, text found, claim) for each claim in the text, longest match first where two overlap."""
    found: list[tuple[int, str, Claim]] = []
    taken: list[range] = []
    plain = without_accents(text)  # whole words, accents or not: "indoloro" matches "indolóro"
    # To skip, at the speed of a substring search, a claim whose words are not there. A pattern's i (any case) also
    # matches the dotless ı, which case folding keeps.
    folded = plain.casefold().replace("ı", "i")
    for claim in sorted(claims, key=lambda c: -len(c.phrase)):
        if claim.needle not in folded:
            continue
        for match in claim.pattern.finditer(plain):
            if any(match.start() in span for span in taken):
                continue
            taken.append(range(match.start(), match.end()))
            found.append((match.start(), " ".join(text[match.start():match.end()].split()), claim))
    return sorted(found, key=lambda item: item[0])


def check_text(path: str, text: str, raw: str, claims: list[Claim], first_line: int = 1) -> list[Problem]:
    """Claims in `text` (a masked copy of `raw`, same length); excused by a marker with a reason on the line."""
    raw_lines = raw.split("\n")
    problems = []
    for offset, found, claim in find_claims(text, claims):
        index = line_of(text, offset) - 1
        end_index = line_of(text, offset + len(found)) - 1
        markers = [m for i in {index, end_index} for m in MARKER.finditer(raw_lines[i])]
        if any(m.group(1).strip() for m in markers):
            continue
        if not markers:
            problems.append(Problem(path, first_line + index, claim_message(found, claim)))
    for index, line in enumerate(raw_lines):
        for marker in MARKER.finditer(line):
            if not marker.group(1).strip():
                problems.append(Problem(path, first_line + index, "the claim-ok marker has no reason: write why "
                                        "the wording is accurate, e.g. <!-- claim-ok: says the FDA did not "
                                        "approve it -->"))
            elif not find_claims(text.split("\n")[index], claims):
                problems.append(Problem(path, first_line + index, "this line has a claim-ok marker but no "
                                        "listed claim: remove the marker", Severity.WARNING))
    return problems


def check_claims(page: Page, claims: list[Claim]) -> list[Problem]:
    """Claims in the page's title, description and text (image descriptions included)."""
    lines = page.text.split("\n")
    visible = [" " * len(line) for line in lines]
    for key in ("title", "description"):  # only these front matter values are shown to readers
        number = page.key_lines.get(key)
        if number:
            visible[number - 1] = " " * (len(key) + 1) + lines[number - 1][len(key) + 1:]
            for following in range(number, page.front_matter_end - 1):  # a value folded over several lines
                if not lines[following].startswith((" ", "\t")):
                    break
                visible[following] = lines[following]
    masked = "\n".join(visible[:page.front_matter_end] + mask_markup(page.body).split("\n")[page.front_matter_end:])
    # Image descriptions (alt text) stay visible: mask_markup blanks the link target, not the [text].
    return check_text(page.path, masked, page.text, claims)
