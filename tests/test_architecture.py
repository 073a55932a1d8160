"""The arrows point down: scripts/ has a shared core (its top-level modules) under four parts, and each part
imports only from the parts below it, so the site never needs the checks, the checks never need publishing, and
nothing but the benchmark itself needs the benchmark. Imports inside functions count too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

# What each part may import from scripts/ (README's folder table says the same).
MAY_IMPORT = {
    "core": {"core"},
    "site": {"core", "site"},
    "content": {"core", "site", "content"},
    "release": {"core", "site", "content", "release"},
    "bench": {"core", "site", "content", "release", "bench"},
}


def part_of(module: str) -> str:
    """The part of `scripts` a dotted module name belongs to ("scripts.site.claims" -> "site")."""
    parts = module.split(".")
    return parts[1] if len(parts) >= 2 and parts[1] in MAY_IMPORT else "core"


def wrong_way_imports(scripts: Path) -> list[str]:
    """'file:line imports module (part -> part)' for every import of scripts/ that points up or sideways."""
    found = []
    for file in sorted(scripts.rglob("*.py")):
        module = ".".join(("scripts", *file.relative_to(scripts).with_suffix("").parts))
        here = part_of(module)
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"), str(file))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                # `from . import x` / `from ..site import claims`: relative to this module's package
                package = module.split(".")[:-node.level] if node.level else []
                base = ".".join([*package, *([node.module] if node.module else [])])
                # `from scripts import bench` and `from scripts.site import claims` import modules
                names = [f"{base}.{alias.name}" if base.count(".") <= 1 else base for alias in node.names]
            else:
                continue
            for name in names:
                if name.startswith("scripts.") and part_of(name) not in MAY_IMPORT[here]:
                    found.append(f"{file.relative_to(scripts.parent).as_posix()}:{node.lineno} imports {name} "
                                 f"({here} -> {part_of(name)})")
    return found


def test_every_import_in_scripts_points_down() -> None:
    assert wrong_way_imports(ROOT / "scripts") == []


def test_an_import_pointing_up_is_found(tmp_path: Path) -> None:
    scripts = tmp_path / "scripts"
    for folder in ("site", "content", "bench"):
        (scripts / folder).mkdir(parents=True)
    (scripts / "site" / "hook.py").write_text("def f():\n    from scripts.content.claims import load_claims\n",
                                              encoding="utf-8")
    (scripts / "served.py").write_text("from scripts.bench import compression\n", encoding="utf-8")
    (scripts / "content" / "fine.py").write_text("from scripts.site.page import Page\nimport scripts.problems\n",
                                                 encoding="utf-8")
    (scripts / "chromium.py").write_text("from scripts import bench\n", encoding="utf-8")
    (scripts / "site" / "relative.py").write_text("from ..content import claims\nfrom . import page\n",
                                                  encoding="utf-8")
    assert wrong_way_imports(scripts) == [
        "scripts/chromium.py:1 imports scripts.bench (core -> bench)",
        "scripts/served.py:1 imports scripts.bench.compression (core -> bench)",
        "scripts/site/hook.py:2 imports scripts.content.claims (site -> content)",
        "scripts/site/relative.py:1 imports scripts.content.claims (site -> content)",
    ]


# Settings with one reader each: any other module asks that one (two readers that must agree are a bug waiting).
ONE_READER = {"redirect_maps": "scripts/site/settings.py", "brand": "scripts/site/brand.py"}
GETTERS = {"get", "pop", "setdefault", "__getitem__"}  # how a settings mapping gives up a key


def _key_names(tree: ast.AST, key: str, reader_module: str) -> set[str]:
    """Names that stand for the key: assigned it (KEY = "brand"), or the reader module's KEY imported."""
    assigned = {target.id for node in ast.walk(tree) if isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Constant) and node.value.value == key
                for target in node.targets if isinstance(target, ast.Name)}
    return assigned | {alias.asname or alias.name for node in ast.walk(tree)
                       if isinstance(node, ast.ImportFrom) and node.module == reader_module for alias in node.names
                       if alias.name == "KEY"}


def _is_key(node: ast.AST, key: str, names: set[str]) -> bool:
    return (isinstance(node, ast.Constant) and node.value == key or isinstance(node, ast.Name) and node.id in names
            or isinstance(node, ast.Attribute) and node.attr == "KEY")  # brand.KEY


def _reads_key(node: ast.AST, key: str, names: set[str]) -> bool:
    if isinstance(node, ast.Subscript):  # settings["brand"]
        return _is_key(node.slice, key, names)
    if isinstance(node, ast.Attribute):  # config.extra.brand
        return node.attr == key
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in GETTERS:
        return bool(node.args) and _is_key(node.args[0], key, names)  # extra.get("brand")
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "getattr":
        return len(node.args) > 1 and _is_key(node.args[1], key, names)  # getattr(extra, "brand")
    return False


def setting_readers(scripts: Path, key: str, reader: str) -> list[str]:
    """'file:line' for every read of the setting `key` in the modules of scripts/ other than `reader` (a path like
    scripts/site/brand.py): settings["key"], x.get("key"), x[KEY] with KEY = "key", getattr(x, "key"), x.key."""
    reader_module = reader.removesuffix(".py").replace("/", ".")
    found = []
    for file in sorted(scripts.rglob("*.py")):
        shown = file.relative_to(scripts.parent).as_posix()
        if shown == reader:
            continue
        tree = ast.parse(file.read_text(encoding="utf-8"), str(file))
        names = _key_names(tree, key, reader_module)
        found += [f"{shown}:{node.lineno}" for node in ast.walk(tree) if _reads_key(node, key, names)]
    return sorted(found)


@pytest.mark.parametrize("key", sorted(ONE_READER))
def test_each_shared_setting_has_one_reader(key: str) -> None:
    assert setting_readers(ROOT / "scripts", key, ONE_READER[key]) == [], f"ask {ONE_READER[key]}"


def test_a_second_reader_of_a_setting_is_found_in_each_spelling(tmp_path: Path) -> None:
    scripts = tmp_path / "scripts"
    (scripts / "site").mkdir(parents=True)
    (scripts / "release").mkdir()
    (scripts / "site" / "brand.py").write_text("KEY = 'brand'\ndef colours(s):\n    return s[KEY]\n",
                                               encoding="utf-8")
    (scripts / "release" / "poster.py").write_text(
        "def colours(settings, config):\n"
        "    primary = settings['extra']['brand']['primary']\n"
        "    dark = (settings.get('extra') or {}).get('brand', {}).get('primary_dark')\n"
        "    return primary, dark, config.extra.brand, getattr(config.extra, 'brand')\n"
        "from scripts.site.brand import KEY as COLOURS\n"
        "def again(extra):\n"
        "    return extra[COLOURS]\n", encoding="utf-8")
    assert setting_readers(scripts, "brand", "scripts/site/brand.py") == [
        "scripts/release/poster.py:2", "scripts/release/poster.py:3", "scripts/release/poster.py:4",
        "scripts/release/poster.py:4", "scripts/release/poster.py:7"]
    assert setting_readers(scripts, "redirect_maps", "scripts/site/settings.py") == []
