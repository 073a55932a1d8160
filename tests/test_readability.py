"""The reading-level measurement shared by the grade table and the content check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scripts.content import readability

ROOT = Path(__file__).resolve().parent.parent

PAGE = """---
title: Aftercare
description: What to do.
clinical: false
---

Your skin will be red. It may feel warm,
like a mild sunburn.

- Keep it **clean**.
- Avoid the sun
    - wear a hat
    - use [sunscreen](https://www.aad.org/news/microneedling)

!!! warning "Call us"
    Call us if the redness spreads.

| Day | What to expect |
|-----|----------------|
| 1   | Redness        |

```
code is not prose
```
"""


def test_html_prose_skips_code_navigation_and_buttons_and_counts_nested_lists_once() -> None:
    html = """
    <nav><p>Menu text</p></nav>
    <p>First <code>code</code> paragraph.</p>
    <ul><li>Outer item<ul><li>Inner item</li></ul></li><li><p>Loose item</p></li></ul>
    <div class="admonition note"><p class="admonition-title">Note</p><p>Admonition text.</p></div>
    <table><tr><th>Day</th><td>Red skin</td></tr></table>
    <pre><code>print("hi")</code></pre><button>Book now</button>
    """
    assert readability.prose_from_html(html) == [
        "First paragraph.", "Outer item", "Inner item", "Loose item", "Admonition text.", "Day", "Red skin",
    ]


def test_markdown_prose_has_sentences_with_their_lines() -> None:
    assert readability.prose_from_markdown(PAGE) == [
        (7, "Your skin will be red."),
        (7, "It may feel warm, like a mild sunburn."),
        (10, "Keep it clean."),
        (11, "Avoid the sun"),
        (12, "wear a hat"),
        (13, "use sunscreen"),
        (16, "Call us if the redness spreads."),
        (18, "Day"),
        (18, "What to expect"),
        (20, "1"),
        (20, "Redness"),
    ]


def test_markdown_prose_uses_the_clinic_details_for_placeholders() -> None:
    page = "Call {{ clinic.name }} today.\n"
    assert readability.prose_from_markdown(page, {"name": "Alladerm"}) == [(1, "Call Alladerm today.")]
    assert readability.prose_from_markdown(page) == [(1, "Call name today.")]


def test_grade_ends_each_block_with_a_full_stop() -> None:
    assert readability.grade(["Keep it clean", "Avoid the sun"]) == readability.grade(
        ["Keep it clean.", "Avoid the sun."])
    assert readability.grade([]) == 0.0


def test_grade_of_a_known_text() -> None:
    assert readability.grade(["The cat sat on the mat."]) == -1.4
    assert readability.grade(readability.prose_from_markdown(PAGE)) == 0.2


def test_hardest_sentences_come_first_with_their_lines() -> None:
    prose = [(3, "Sit. Postinflammatory hyperpigmentation necessitates meticulous photoprotection."),
             (9, "Wear a hat.")]
    assert [(s.line, s.text) for s in readability.hardest_sentences(prose, 2)] == [
        (3, "Postinflammatory hyperpigmentation necessitates meticulous photoprotection."),
        (9, "Wear a hat."),
    ]


def test_target_grade() -> None:
    assert readability.target_grade({}) == 8
    assert readability.target_grade({"reading_grade": 6}) == 6
    assert readability.target_grade({"reading_grade": True}) == 8


def test_syllables_come_from_the_pronouncing_dictionary_and_unknown_words_still_count() -> None:
    assert readability.syllable_count("collagen sunscreen") == 3 + 2
    assert readability.syllable_count("microneedling") >= 2  # not in the dictionary: hyphenation counts it


def test_it_works_with_no_network(tmp_path: Path) -> None:
    script = (
        "import socket\n"
        "def refuse(*args, **kwargs):\n"
        "    raise OSError('no network in this test')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "from scripts.content.readability import grade\n"
        "print(grade(['Microneedling uses tiny needles to help your skin make collagen.']))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60,
                            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "7.2"


def test_the_command_prints_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: Grades\nextra:\n  this_language: {in_english: English}\n",
                                         encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "easy.md").write_text("---\ntitle: Easy\n---\n\nWear a hat. Keep it clean.\n",
                                               encoding="utf-8")
    (tmp_path / "docs" / "hard.md").write_text(
        "---\ntitle: Hard\nreading_grade: 6\n---\n\nPostinflammatory hyperpigmentation necessitates meticulous "
        "photoprotection.\n", encoding="utf-8")
    assert readability.main([str(tmp_path)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "| page (English) | reading grade | target | result | hardest passages |",
        "|---|---|---|---|---|",
        "| easy.md | -2.6 | 8 | pass | line 5: Wear a hat. (-2.6)<br>line 5: Keep it clean. (-2.6) |",
        "| hard.md | 43.0 | 6 | FAIL | line 6: Postinflammatory hyperpigmentation necessitates meticulous "
        "photoprotection. (43.0) |",
    ]
