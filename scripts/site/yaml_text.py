"""Mistakes in YAML (the settings file and pages' front matter) put in words marketing can act on."""

from __future__ import annotations

import yaml

from scripts.problems import Problem

CURLY = ("\u201c", "\u201d", "\u2018", "\u2019")  # “ ” ‘ ’, which word processors type for quotes


def yaml_error_message(error: yaml.YAMLError, what: str) -> str:
    """A YAML syntax error in words marketing can act on, naming the cause where it is a common one."""
    reason = str(getattr(error, "problem", None) or "it cannot be read")
    if "\\t" in reason or "\t" in reason:  # PyYAML names a tab as \\t
        return f"{what} has a tab here: indent with spaces (two per level), never with tabs"
    return (f"{what} is not valid YAML ({reason}): check this line's indentation (spaces, lined up with the lines "
            "around it), colons and quotes")


def curly_quote_problems(node: yaml.Node | None, shown: str, first_line: int = 1) -> list[Problem]:
    """A value wrapped in curly quotes (“...”), which YAML keeps as part of the text."""
    if isinstance(node, yaml.ScalarNode):
        value = str(node.value)
        if node.style is None and value[:1] in CURLY and value[-1:] in CURLY:
            return [Problem(shown, node.start_mark.line + first_line,
                            f"the value {value} is in curly quotes (“ ”), which would show as part of it: type "
                            "straight quotes (\") instead, or none")]
        return []
    children = node.value if isinstance(node, yaml.SequenceNode) else [
        part for pair in node.value for part in pair] if isinstance(node, yaml.MappingNode) else []
    return [problem for child in children for problem in curly_quote_problems(child, shown, first_line)]


def unreadable_file_problem(shown: str, error: Exception) -> Problem:
    """Why a data file cannot be read, at its line where YAML knows it: a syntax error, or a date that is not a day
    of the calendar (which PyYAML raises as a ValueError)."""
    if isinstance(error, yaml.YAMLError):
        mark = getattr(error, "problem_mark", None)
        return Problem(shown, mark.line + 1 if mark else 0, yaml_error_message(error, shown))
    return Problem(shown, 0, f"{shown} has a value that cannot be read ({error}): write dates as YYYY-MM-DD, days "
                             "that exist on the calendar")
