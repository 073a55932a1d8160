"""The clinic's colours have one home, `extra.brand` in mkdocs.yml, and one reader, `scripts/site/brand.py`: no
other module reads the `brand` setting, and no file keeps default colours of its own."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from scripts.site import brand
from tests.conftest import ROOT

READER = ROOT / "scripts" / "site" / "brand.py"
KEY = brand.KEY
# The access methods by which a settings mapping gives up a key.
GETTERS = {"get", "pop", "setdefault", "__getitem__"}


def _key_names(tree: ast.AST) -> set[str]:
    """Names that stand for the key: assigned "brand" (KEY = "brand") or imported from the brand module."""
    names = {target.id for node in ast.walk(tree) if isinstance(node, ast.Assign) and _is_key(node.value, set())
             for target in node.targets if isinstance(target, ast.Name)}
    return names | {alias.asname or alias.name for node in ast.walk(tree)
                    if isinstance(node, ast.ImportFrom) and node.module == brand.__name__ for alias in node.names
                    if alias.name == "KEY"}


def _is_key(node: ast.AST, names: set[str]) -> bool:
    return (isinstance(node, ast.Constant) and node.value == KEY or isinstance(node, ast.Name) and node.id in names
            or isinstance(node, ast.Attribute) and node.attr == "KEY" and isinstance(node.value, ast.Name)
            and node.value.id == "brand")  # brand.KEY


def _reads_key(node: ast.AST, names: set[str]) -> bool:
    if isinstance(node, ast.Subscript):  # settings["brand"]
        return _is_key(node.slice, names)
    if isinstance(node, ast.Attribute):  # config.extra.brand
        return node.attr == KEY
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in GETTERS:
        return bool(node.args) and _is_key(node.args[0], names)  # extra.get("brand")
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "getattr":
        return len(node.args) > 1 and _is_key(node.args[1], names)  # getattr(extra, "brand")
    return False


def brand_reads(source: str) -> list[int]:
    """The lines of `source` (Python) that read the `brand` key from a mapping or an object: settings["brand"],
    extra.get("brand"), extra[KEY] with KEY = "brand", getattr(config, "brand") or config.extra.brand."""
    tree = ast.parse(source)
    names = _key_names(tree)
    return sorted(node.lineno for node in ast.walk(tree) if _reads_key(node, names))


def other_brand_readers(scripts: Path, reader: Path) -> list[str]:
    """`file:line` for every read of the `brand` setting in the modules under `scripts` other than `reader`."""
    return [f"{module.relative_to(scripts.parent).as_posix()}:{line}"
            for module in sorted(scripts.rglob("*.py")) if module.resolve() != reader.resolve()
            for line in brand_reads(module.read_text(encoding="utf-8"))]


def test_only_the_brand_module_reads_the_brand_setting() -> None:
    assert brand_reads(READER.read_text(encoding="utf-8")), "brand.py no longer reads the brand key: update READER"
    assert other_brand_readers(ROOT / "scripts", READER) == [], "ask scripts.site.brand.brand_colours(settings)"


def test_a_planted_read_of_the_brand_setting_is_reported(tmp_path: Path) -> None:
    """The companion: a copy of scripts/ with a module that reads the colours itself is caught, in each spelling."""
    scripts = tmp_path / "scripts"
    for module in (ROOT / "scripts").rglob("*.py"):
        (scripts / module.relative_to(ROOT / "scripts")).parent.mkdir(parents=True, exist_ok=True)
        (scripts / module.relative_to(ROOT / "scripts")).write_text(module.read_text(encoding="utf-8"))
    (scripts / "release" / "poster.py").write_text(
        "def colours(settings, config):\n"
        "    primary = settings['extra']['brand']['primary']\n"
        "    dark = (settings.get('extra') or {}).get('brand', {}).get('primary_dark')\n"
        "    return primary, dark, config.extra.brand, getattr(config.extra, 'brand')\n"
        "from scripts.site.brand import KEY as COLOURS\n"
        "def again(extra):\n"
        "    return extra[COLOURS]\n", encoding="utf-8")
    reader = scripts / READER.relative_to(ROOT / "scripts")
    assert other_brand_readers(scripts, reader) == [
        "scripts/release/poster.py:2", "scripts/release/poster.py:3", "scripts/release/poster.py:4",
        "scripts/release/poster.py:4", "scripts/release/poster.py:7"]


def test_no_template_or_drawing_keeps_default_brand_colours() -> None:
    """The stylesheet template and the preview image take every colour from the settings: a default in either
    would quietly show the first clinic's colours on a site whose settings lack one."""
    for file in (ROOT / "overrides" / "assets" / "css" / "brand.css",
                 ROOT / "scripts" / "release" / "preview_image.py"):
        text = file.read_text(encoding="utf-8")
        assert not re.findall(r"#[0-9a-fA-F]{6}\b", text), file
