"""Rules of a stylesheet that can match nothing in the built site (see `used_names`).

A selector can match when every class, id, tag and attribute it requires is used somewhere; what follows `:not(`
requires nothing, `:is(`, `:where(` and `:has(` need one of their selectors, and states (`:hover`, `:checked`,
`:focus-visible`) and pseudo-elements require nothing. A rule goes when none of its selectors can match. @media,
@supports and @layer blocks keep the rules that stay (and go when none does); @font-face, @keyframes and every other
at-rule stay as they are.
"""

from __future__ import annotations

import tinycss2
from tinycss2.ast import (
    AtRule,
    FunctionBlock,
    HashToken,
    IdentToken,
    LiteralToken,
    Node,
    QualifiedRule,
    SquareBracketsBlock,
    StringToken,
    WhitespaceToken,
)

from scripts.release.used_names import UsedNames

GROUPING_AT_RULES = frozenset({"media", "supports", "layer", "container", "document", "-moz-document"})
# Pseudo-classes that match when one of the selectors inside them can.
ANY_OF = frozenset({"is", "where", "has", "matches", "-webkit-any", "-moz-any"})


def _split_commas(tokens: list[Node]) -> list[list[Node]]:
    parts: list[list[Node]] = [[]]
    for token in tokens:
        if isinstance(token, LiteralToken) and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _attribute_matches(block: SquareBracketsBlock, names: UsedNames) -> bool:
    """`[name]`, `[name=value]` and `[name~=value]` by their value; the other operators by the name alone."""
    inside = [token for token in block.content if not isinstance(token, WhitespaceToken)]
    if not inside or not isinstance(inside[0], IdentToken):
        return True  # a namespace or something unusual: keep
    name = inside[0].value
    operator = "".join(token.value for token in inside[1:] if isinstance(token, LiteralToken))
    values = [token.value for token in inside[1:] if isinstance(token, IdentToken | StringToken)]
    if operator in ("=", "~=") and len(values) == 1:  # not `[a=b i]`, which ignores case
        return names.has_attribute(name, values[0])
    return names.has_attribute(name)


def selector_can_match(tokens: list[Node], names: UsedNames) -> bool:
    """Whether one complex selector (its tokens, no top-level comma) could match an element of the site."""
    previous: Node | None = None
    before_previous: Node | None = None
    for token in tokens:
        after_colon = isinstance(previous, LiteralToken) and previous.value == ":"
        if isinstance(token, IdentToken):
            if isinstance(previous, LiteralToken) and previous.value == "." and not names.has_class(token.value):
                return False
            if previous is None or isinstance(previous, WhitespaceToken) or (
                    isinstance(previous, LiteralToken) and previous.value in (">", "+", "~")):
                if not names.has_tag(token.value):
                    return False
        elif isinstance(token, HashToken) and not names.has_id(token.value):
            return False
        elif isinstance(token, SquareBracketsBlock) and not _attribute_matches(token, names):
            return False
        elif isinstance(token, FunctionBlock) and after_colon and not (
                isinstance(before_previous, LiteralToken) and before_previous.value == ":"):  # not a ::pseudo()
            if token.lower_name in ANY_OF and not any(
                    selector_can_match(part, names) for part in _split_commas(token.arguments)):
                return False
        before_previous, previous = previous, token
    return True


def _vendor_specific(tokens: list[Node]) -> bool:
    """A `:-webkit-…` or `::-moz-…` selector: a browser drops a whole selector list that holds one it does not know."""
    text = tinycss2.serialize(tokens)
    return ":-" in text


def _trimmed_rule(rule: QualifiedRule, names: UsedNames) -> str | None:
    selectors = _split_commas(rule.prelude)
    kept = [selector for selector in selectors if selector_can_match(selector, names)]
    if not kept:
        return None
    # Keep a list whole when it names a browser's own pseudo-class: shortened, it could start to apply where the
    # browser ignored it before.
    if len(kept) < len(selectors) and any(_vendor_specific(selector) for selector in selectors):
        kept = selectors
    prelude = ",".join(tinycss2.serialize(selector).strip() for selector in kept)
    return f"{prelude}{{{tinycss2.serialize(rule.content)}}}"


def _trimmed_rules(rules: list[Node], names: UsedNames) -> str:
    out: list[str] = []
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            text = _trimmed_rule(rule, names)
        elif isinstance(rule, AtRule) and rule.lower_at_keyword in GROUPING_AT_RULES and rule.content is not None:
            inside = _trimmed_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True),
                                    names)
            text = f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inside}}}" if inside else None
        elif isinstance(rule, AtRule):
            text = rule.serialize()
        else:  # a parse error: browsers drop what does not parse, so leaving it out changes nothing
            text = None
        if text:
            out.append(text)
    return "".join(out)


def trimmed_stylesheet(css: str, names: UsedNames) -> str:
    """`css` with only the rules that can apply to the site; comments (the source map's address) go."""
    return _trimmed_rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), names) + "\n"
