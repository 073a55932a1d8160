"""The sign-off instructions stay real: README's "Medical sign-off" (where the publish refusal sends people) names
`make sign-off` as `make help` lists it, with only the variables its recipe reads, and the lines it tells a
clinician to paste without a terminal are a log entry and review lines the check accepts; the pull-request form
keeps its block for the medical reviewer."""

from __future__ import annotations

import re
import subprocess

import yaml

from scripts.site.review import REVIEW_KEYS
from scripts.site.review_log import DECISIONS, parse_log
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
HEADING = "Medical sign-off"


def section(text: str, heading: str) -> str:
    """A `## heading` section, up to the next `## ` heading."""
    found = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## )", text, re.M | re.S)
    assert found, f"no '## {heading}' section"
    return found.group(1)


def test_every_pointer_to_the_readme_section_finds_it() -> None:
    """The publish refusal, the review log's errors and the Makefile send people to this section by its name."""
    pointer = re.compile(r'README, \\?"' + re.escape(HEADING))
    files = [*(ROOT / "scripts").rglob("*.py"), ROOT / "Makefile"]
    assert any(pointer.search(file.read_text(encoding="utf-8")) for file in files), "nothing points to the section"
    assert section(README, HEADING).strip()


def test_the_section_names_make_sign_off_as_make_help_lists_it_and_make_packets() -> None:
    text = section(README, HEADING)
    assert "make packets" in text and "make sign-off" in text
    shown = subprocess.run(["make", "--no-print-directory", "help"], cwd=ROOT, capture_output=True, text=True).stdout
    assert re.search(r"^make sign-off PAGE=\S+ REVIEWER=\S+ PACKET=\S+", shown, re.M)
    recipe = re.search(r"^sign-off:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert recipe, "the Makefile has no sign-off target"
    read = set(re.findall(r"\$\((\w+)\)", recipe.group(1))) - {"PYTHON"}
    commands = re.findall(r"make sign-off ([^`\n]*)", text)
    assert any("PACKET=" in command for command in commands), "README shows no make sign-off line to copy"
    for command in commands:
        given = set(re.findall(r"\b([A-Z]+)=", command))
        assert given <= read, f"README's 'make sign-off {command}' sets {sorted(given - read)}, which it ignores"


def test_the_lines_to_paste_without_a_terminal_are_a_complete_sign_off() -> None:
    blocks = re.findall(r"^\s*```yaml\n(.*?)^\s*```", section(README, HEADING), re.M | re.S)
    review_lines = [yaml.safe_load(block) for block in blocks if block.lstrip().startswith("reviewed_by:")]
    entries = [parse_log(block) for block in blocks if block.lstrip().startswith("- {")]
    assert len(review_lines) == 1 and len(entries) == 1 and len(entries[0]) == 1
    lines, entry = review_lines[0], entries[0][0]
    assert tuple(lines) == REVIEW_KEYS
    assert entry.decision in DECISIONS and entry.page and entry.language
    assert (entry.reviewer, entry.date, entry.next_review, entry.version) == (
        lines["reviewed_by"], lines["last_reviewed"], lines["next_review"], lines["reviewed_version"])


def test_the_pull_request_form_has_the_medical_reviewers_block() -> None:
    form = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    block = form[form.index("## For the medical reviewer"):]
    for words in ("[ ] I read each packet in the `review-packets` artifact in full", "marked changes", "sources",
                  "translation", "Packet ids I sign off:", "My id in `data/reviewers.yml`:", "Decision", "approve"):
        assert words in block, f"the pull-request form's medical reviewer block lacks {words!r}"


def test_contributing_keeps_the_sections_others_point_to() -> None:
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for heading in ("Medical review", "For the medical team"):  # CODEOWNERS and the pull-request form name them
        assert section(contributing, heading)
