"""The site settings in mkdocs.yml: the clinic's details and the promotions (dates, links, claims)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from scripts.check_claims import Claim, claim_message, find_claims
from scripts.clinic import validate_clinic
from scripts.problems import Problem
from scripts.promotions import validate_promotions
from scripts.today import today


class _SettingsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: tags such as !ENV and !!python/name become their plain value."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    return None


_SettingsLoader.add_multi_constructor("!", _any_tag)
_SettingsLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def load_settings(config_path: Path) -> dict[str, Any]:
    """mkdocs.yml as a dict; raises yaml.YAMLError on a syntax error."""
    settings = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_SettingsLoader)  # noqa: S506
    return settings if isinstance(settings, dict) else {}


def extra_settings(config_path: Path) -> dict[str, Any]:
    """The `extra:` settings, or {} if the file is missing or cannot be read."""
    try:
        extra = load_settings(config_path).get("extra")
    except (OSError, yaml.YAMLError):
        return {}
    return extra if isinstance(extra, dict) else {}


def check_settings(config_path: Path, root: Path, claims: list[Claim]) -> list[Problem]:
    """Every problem with the clinic's details and promotions, with paths relative to the root."""
    shown = config_path.resolve().relative_to(root.resolve()).as_posix()
    try:
        settings = load_settings(config_path)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None) or "it cannot be read"
        return [Problem(shown, mark.line + 1 if mark else 0, f"the settings are not valid YAML ({reason}): check "
                                                             "this line's indentation, colons and quotes")]
    extra = settings.get("extra") or {}
    clinic, promotions = extra.get("clinic") or {}, extra.get("promotions") or []
    day = today(extra.get("timezone"))
    problems = validate_clinic(clinic, config_path) + validate_promotions(promotions, day, config_path)
    lines = config_path.read_text(encoding="utf-8").splitlines()
    for promotion in promotions if isinstance(promotions, list) else []:
        text = str(promotion.get("text") or "") if isinstance(promotion, dict) else ""
        line = next((n for n, content in enumerate(lines, 1) if text and text in content), 0)
        problems += [Problem(shown, line, f"promotion '{text}': {claim_message(found, claim)}")
                     for _, found, claim in find_claims(text, claims)]
    return [replace(problem, path=shown) for problem in problems]
