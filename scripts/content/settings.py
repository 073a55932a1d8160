"""The site settings in mkdocs.yml: the clinic's details and the promotions (dates, links, claims)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import yaml

from scripts.problems import Problem
from scripts.site.brand import validate_brand
from scripts.site.claims import Claim, claim_message, find_claims, load_claims
from scripts.site.clinic import validate_clinic
from scripts.site.dates import today
from scripts.site.promotions import validate_promotions
from scripts.site.settings import load_settings, setting_line
from scripts.site.yaml_text import curly_quote_problems, yaml_error_message


def settings_file_problems(config_path: Path, root: Path) -> list[Problem]:
    """Why mkdocs.yml cannot be read (reported alone, first), or curly quotes around a value; [] when fine."""
    shown = config_path.resolve().relative_to(root.resolve()).as_posix()
    try:
        load_settings(config_path)
        tree = yaml.compose(config_path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.constructor.ConstructorError:
        tree = None  # tags such as !ENV: read by load_settings, but not by a plain composer
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [Problem(shown, mark.line + 1 if mark else 0, yaml_error_message(error, "the settings file"))]
    return curly_quote_problems(tree, shown)


def check_settings(config_path: Path, root: Path, claims: list[Claim]) -> list[Problem]:
    """Every problem with the clinic's details and promotions, with paths relative to the root."""
    shown = config_path.resolve().relative_to(root.resolve()).as_posix()
    problems = settings_file_problems(config_path, root)
    if problems and not problems[0].message.startswith("the value"):
        return problems
    settings = load_settings(config_path)
    extra = settings.get("extra") or {}
    clinic, promotions = extra.get("clinic") or {}, extra.get("promotions") or []
    day = today(extra.get("timezone"))
    problems += validate_clinic(clinic, config_path) + validate_promotions(promotions, day, config_path)
    problems += validate_brand(settings, config_path)
    spanish = load_claims(root, "es") if (root / "data" / "claims.es.yml").is_file() else []
    for index, promotion in enumerate(promotions if isinstance(promotions, list) else []):
        # The English text against the English claims, its Spanish text (text_es) against the Spanish ones.
        for key, key_claims in (("text", claims), ("text_es", spanish)):
            text = str(promotion.get(key) or "") if isinstance(promotion, dict) else ""
            line = setting_line(config_path, "extra", "promotions", index, key)
            problems += [Problem(shown, line, f"promotion '{text}': {claim_message(found, claim)}")
                         for _, found, claim in find_claims(text, key_claims)]
    return [replace(problem, path=shown) for problem in problems]
