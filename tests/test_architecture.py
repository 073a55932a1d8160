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
    return parts[1] if len(parts) > 2 and parts[1] in MAY_IMPORT else "core"


def wrong_way_imports(scripts: Path) -> list[str]:
    """'file:line imports module (part -> part)' for every import of scripts/ that points up or sideways."""
    found = []
    for file in sorted(scripts.rglob("*.py")):
        module = ".".join(("scripts", *file.relative_to(scripts).with_suffix("").parts))
        here = part_of(module)
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"), str(file))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                # `from scripts.site import claims` imports the module scripts.site.claims
                names = [f"{node.module}.{alias.name}" if node.module.count(".") == 1 and node.module != "scripts"
                         else node.module for alias in node.names]
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
    assert wrong_way_imports(scripts) == [
        "scripts/served.py:1 imports scripts.bench.compression (core -> bench)",
        "scripts/site/hook.py:2 imports scripts.content.claims (site -> content)",
    ]


# Settings with one reader each: any other module asks that one (two readers that must agree are a bug waiting).
ONE_READER = {"redirect_maps": "scripts/site/settings.py"}


def setting_readers(scripts: Path, key: str) -> list[str]:
    """The modules of scripts/ that read the setting `key` themselves: `x["key"]` or `x.get("key")`."""
    readers = []
    for file in sorted(scripts.rglob("*.py")):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"), str(file))):
            if isinstance(node, ast.Subscript):
                looked_up = node.slice
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" \
                    and node.args:
                looked_up = node.args[0]
            else:
                continue
            if isinstance(looked_up, ast.Constant) and looked_up.value == key:
                readers.append(file.relative_to(scripts.parent).as_posix())
                break
    return readers


@pytest.mark.parametrize("key", sorted(ONE_READER))
def test_each_shared_setting_has_one_reader(key: str) -> None:
    assert setting_readers(ROOT / "scripts", key) == [ONE_READER[key]]


def test_a_second_reader_of_a_setting_is_found(tmp_path: Path) -> None:
    (tmp_path / "scripts" / "release").mkdir(parents=True)
    (tmp_path / "scripts" / "settings.py").write_text("def maps(s):\n    return s['redirect_maps']\n",
                                                      encoding="utf-8")
    (tmp_path / "scripts" / "release" / "hosts.py").write_text(
        "def pairs(plugin):\n    return plugin.get('redirect_maps') or {}\n", encoding="utf-8")
    assert setting_readers(tmp_path / "scripts", "redirect_maps") == ["scripts/release/hosts.py",
                                                                      "scripts/settings.py"]
