"""`{{ clinic.phone }}`-style placeholders in Markdown, as a Python-Markdown extension.

An engine-neutral home for the clinic's details in page text: any engine that runs Python-Markdown
extensions (MkDocs now, its successor later) expands them the same way.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from scripts.clinic import display_values

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][\w.]*)\s*\}\}")
NAMESPACE = "clinic"
# Placeholders worked out from other settings, and the settings to fill in for them.
SET_FROM = {"phone_tel": "phone", "sms_link": "sms", "address": "street_address, city, region and postcode"}


def placeholder_values(clinic: dict[str, Any]) -> dict[str, str]:
    """Each placeholder name a page may use (e.g. clinic.phone, clinic.phone_tel) and the text it stands for."""
    return {f"{NAMESPACE}.{key}": value for key, value in display_values(clinic).items()}


def known_names(clinic: dict[str, Any]) -> set[str]:
    """Every placeholder name a page may use, e.g. clinic.phone and clinic.phone_tel."""
    return set(placeholder_values(clinic))


def unknown_placeholder_message(name: str, clinic: dict[str, Any]) -> str:
    known = ", ".join("{{ " + n + " }}" for n in sorted(known_names(clinic)))
    return f"unknown placeholder '{{{{ {name} }}}}': check the spelling; the placeholders are {known}"


def placeholder_problems(text: str, clinic: dict[str, Any], front_matter_end: int = 0) -> list[tuple[int, str]]:
    """(line, message) for each placeholder a page cannot use: an unknown name, a clinic detail that is empty
    (it would print nothing, or make a dead link), or one in the front matter (only the page text is filled in)."""
    values = placeholder_values(clinic)
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        for match in PLACEHOLDER.finditer(line):
            name = match.group(1)
            if number <= front_matter_end:
                problems.append((number, f"placeholder '{{{{ {name} }}}}' in the front matter: placeholders work "
                                         "only in the page text, so word this line without the clinic's detail "
                                         "and put the detail, with its placeholder, in the page text"))
            elif name not in values:
                problems.append((number, unknown_placeholder_message(name, clinic)))
            elif not values[name]:
                key = name.removeprefix(f"{NAMESPACE}.")
                problems.append((number, f"'{{{{ {name} }}}}' is empty, so the page would show nothing there (or a "
                                         f"dead link): fill in '{SET_FROM.get(key, key)}' under extra: clinic: in "
                                         "mkdocs.yml, or take the placeholder out of this page"))
    return problems


def expand(text: str, clinic: dict[str, Any]) -> str:
    """The text with every placeholder replaced; raises ValueError naming the first one it cannot fill in."""
    problems = placeholder_problems(text, clinic)
    if problems:
        line, message = problems[0]
        raise ValueError(f"line {line} of the page text: {message}")
    values = placeholder_values(clinic)
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], text)


class _PlaceholderPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, clinic: dict[str, Any]) -> None:
        super().__init__(md)
        self.clinic = clinic

    def run(self, lines: list[str]) -> list[str]:
        return expand("\n".join(lines), self.clinic).split("\n")


class PlaceholderExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {"clinic": [{}, "The clinic's details (extra.clinic in mkdocs.yml)"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API name)
        # Before every other preprocessor, so expanded values are ordinary Markdown text.
        md.preprocessors.register(_PlaceholderPreprocessor(md, self.getConfig("clinic")), "clinic_placeholders", 40)


def makeExtension(**kwargs: Any) -> PlaceholderExtension:  # noqa: N802 (Python-Markdown's API name)
    return PlaceholderExtension(**kwargs)
