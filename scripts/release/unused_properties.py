"""Custom properties (`--md-admonition-icon--note: url("data:image/svg+xml;…")`) that nothing reads.

Material defines its colours, and an icon for every admonition, tab, task list and footnote, as custom properties on
`:root`; after `trim_styles` drops the rules that used them, their definitions still weigh kilobytes. A definition
goes when no `var(--name…)` is left in the stylesheet and the name appears nowhere else (our stylesheets, pages and
scripts, which may read or set it); repeated, because a removed definition may have been the last to read
another property.
"""

from __future__ import annotations

import re

import tinycss2
from tinycss2.ast import AtRule, Declaration, Node, QualifiedRule

from scripts.release.unused_rules import GROUPING_AT_RULES

READ = re.compile(r"var\(\s*(--[\w-]+)")
NAMED = re.compile(r"--[\w-]+")


def _declarations(rule: QualifiedRule) -> list[Node]:
    return tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)


def _grouped(rule: AtRule) -> list[Node]:
    return tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)


def _defined(rules: list[Node]) -> set[str]:
    """The custom properties that the rules (at any depth of @media and the like) define."""
    found: set[str] = set()
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            found.update(declaration.name for declaration in _declarations(rule)
                         if isinstance(declaration, Declaration) and declaration.name.startswith("--"))
        elif isinstance(rule, AtRule) and rule.lower_at_keyword in GROUPING_AT_RULES and rule.content is not None:
            found |= _defined(_grouped(rule))
    return found


def _rules_without(rules: list[Node], unread: set[str]) -> str:
    out: list[str] = []
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            declarations = _declarations(rule)
            kept = [declaration.serialize().strip() for declaration in declarations
                    if not (isinstance(declaration, Declaration) and declaration.name in unread)]
            if kept:
                out.append(f"{tinycss2.serialize(rule.prelude)}{{{';'.join(kept)}}}")
        elif isinstance(rule, AtRule) and rule.lower_at_keyword in GROUPING_AT_RULES and rule.content is not None:
            inside = _rules_without(_grouped(rule), unread)
            if inside:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inside}}}")
        else:
            out.append(rule.serialize())
    return "".join(out)


def without_unused_properties(css: str, named_elsewhere: frozenset[str]) -> str:
    """`css` without the custom property definitions that neither `css` itself reads nor `named_elsewhere` names
    (NAMED.findall of our stylesheets, pages and scripts)."""
    while True:
        rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
        unread = _defined(rules) - set(READ.findall(css)) - named_elsewhere
        if not unread:
            return css
        css = _rules_without(rules, unread)
