"""The site settings: the clinic's details, its clinical answers (data/answers.yml), the promotions (dates, links,
claims) and the claims any settings text would make."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import yaml

from scripts.problems import Problem
from scripts.site.answers import answers_problems
from scripts.site.brand import validate_brand
from scripts.site.claims import Claim, claim_message, claims_file, find_claims, load_claims
from scripts.site.clinic import validate_clinic
from scripts.site.dates import today
from scripts.site.languages import languages
from scripts.site.promotions import validate_promotions
from scripts.site.settings import load_settings, own_settings, setting_line
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
    problems += answers_problems(root, config_path)
    return [replace(problem, path=shown) if problem.path == str(config_path) else problem for problem in problems]


def _texts(value: object, path: tuple[str | int, ...]) -> list[tuple[tuple[str | int, ...], str]]:
    """Every text in a settings value, with its path (the words of extra.ui are nested)."""
    if isinstance(value, str):
        return [(path, value)]
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in _texts(item, (*path, str(key)))]
    if isinstance(value, list):
        return [found for index, item in enumerate(value) for found in _texts(item, (*path, index))]
    return []


def settings_claim_problems(root: Path) -> list[Problem]:
    """Claims in what every page shows from the settings, in each language against its own list: the site's name
    and description, the treatment's names and the template words (extra.ui) of each settings file."""
    problems = []
    for language in languages(root):
        file = root / claims_file(language.code)
        if not file.is_file() or not language.config.is_file():
            continue
        try:
            claims = load_claims(root, language.code)
        except (yaml.YAMLError, KeyError, TypeError, ValueError):
            continue  # the check reports the broken list with its line
        own = own_settings(language.config)
        extra = own.get("extra") or {}
        shown = language.config.relative_to(root).as_posix()
        texts = [(("site_name",), str(own.get("site_name") or "")), (("site_description",),
                                                                      str(own.get("site_description") or ""))]
        entries = extra.get("treatments") if isinstance(extra.get("treatments"), dict) else {}
        for treatment, entry in entries.items():
            texts += _texts({key: (entry or {}).get(key) for key in ("name", "also_called")} if isinstance(
                entry, dict) else {}, ("extra", "treatments", treatment))
        texts += _texts(extra.get("ui") or {}, ("extra", "ui"))
        problems += [Problem(shown, setting_line(language.config, *path), f"'{path[-1]}' is '{text}': "
                             f"{claim_message(found, claim)}")
                     for path, text in texts for _, found, claim in find_claims(text, claims)]
    return problems
