"""README's engine section names every value and filter the MkDocs hook makes: a new engine needs each one moved,
so a value the hook sets without README saying so would be found only when a build with another engine fails."""

from __future__ import annotations

import ast
import re

from tests.conftest import ROOT

HOOKS = ROOT / "scripts" / "site" / "mkdocs_hooks.py"
SECTION_START = "**What depends on MkDocs"


def hook_names(source: str) -> set[str]:
    """What the hook sets: `extra["x"] = …`, `context["x"] = …`, `page.meta["x"] = …` and `env.filters["x"] = …`,
    as "extra.x", "x" (a template variable), "page.meta.x" and "filter x"."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] \
            if isinstance(node, ast.AnnAssign | ast.AugAssign) else []
        for target in targets:
            if not (isinstance(target, ast.Subscript) and isinstance(target.slice, ast.Constant)
                    and isinstance(target.slice.value, str)):
                continue
            name, owner = target.slice.value, ast.unparse(target.value)
            if owner in ("extra", "config.extra", 'config["extra"]'):
                found.add(f"extra.{name}")
            elif owner == "context":
                found.add(name)
            elif owner == "page.meta":
                found.add(f"page.meta.{name}")
            elif owner == "env.filters":
                found.add(f"filter {name}")
            else:
                found.add(f"{owner}.{name}")  # a new kind of value: README must name it too
    return found


def engine_section(readme: str) -> str:
    """README's section on what depends on MkDocs: from its bold lead-in to the next heading."""
    start = readme.index(SECTION_START)
    end = readme.find("\n## ", start)
    return readme[start:end if end > 0 else len(readme)]


def unlisted(names: set[str], section: str) -> list[str]:
    """The names the section does not write as code: `extra.contact`, `review_state`, `page.meta.alternates`,
    filter `qr_svg`."""
    spans = set(re.findall(r"`([^`]+)`", section))
    return sorted(name for name in names if not (f"filter `{name.removeprefix('filter ')}`" in section
                                                 if name.startswith("filter ") else name in spans))


def test_the_readme_names_every_value_and_filter_the_hook_makes() -> None:
    names = hook_names(HOOKS.read_text(encoding="utf-8"))
    assert {"extra.contact", "review_state", "page.meta.alternates", "filter qr_svg"} <= names  # the parse works
    assert unlisted(names, engine_section((ROOT / "README.md").read_text(encoding="utf-8"))) == []


def test_a_value_the_readme_does_not_name_is_reported() -> None:
    source = HOOKS.read_text(encoding="utf-8") + (
        '\n\ndef on_post_page(output, page, config):\n    config.extra["loyalty_points"] = 3\n'
        '    page.meta["badge"] = "new"\n    return output\n')
    section = engine_section((ROOT / "README.md").read_text(encoding="utf-8"))
    assert unlisted(hook_names(source), section) == ["extra.loyalty_points", "page.meta.badge"]


def templates_using(name: str) -> set[str]:
    """The files in overrides/ that read a hook-made value or filter, by file name."""
    short = name.removeprefix("filter ").rsplit(".", 1)[-1]
    pattern = (rf"\|\s*{short}\b" if name.startswith("filter ") else rf"extra\.{short}\b" if name.startswith("extra.")
               else rf"\b{short}\b")
    return {path.name for path in (ROOT / "overrides").rglob("*") if path.is_file()
            and re.search(pattern, re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S))}


def test_each_value_names_the_templates_that_read_it() -> None:
    section = engine_section((ROOT / "README.md").read_text(encoding="utf-8"))
    for name in hook_names(HOOKS.read_text(encoding="utf-8")):
        written = f"filter `{name.removeprefix('filter ')}`" if name.startswith("filter ") else f"`{name}`"
        row = next((line for line in section.splitlines() if line.strip().startswith(f"| {written}")), None)
        used = templates_using(name)
        if row is None:
            assert not used, f"README's table has no row for {name}, which {sorted(used)} read"
            continue
        assert [template for template in sorted(used) if f"`{template}`" not in row and f"/{template}`" not in row] \
            == [], f"README's row for {name} does not name every template that reads it"
