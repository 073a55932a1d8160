"""Build times: our build against a plain Material build of the same Markdown, and both on generated sites.

Every build is a fresh `python -m mkdocs build` subprocess (interpreter start and imports included, the same
for both), timed by the wall clock, into a new temporary folder.

- Ours: the project as it is (overrides, hooks, our Markdown extension, strict), or a copy of it with
  generated pages added to its navigation.
- Plain Material: `site_name`, `theme: material` and the same `nav:` only (MkDocs' defaults otherwise, so the
  search plugin), with a copy of the same docs/ folder. `template:` lines are taken out of the front matter,
  because Material has no such templates; `{{ clinic.x }}` placeholders stay as literal text.
- Generated pages copy one of our pages, and are added to the navigation as a growing site would be organised:
  topics of ten pages, parts of ten topics, with no more than ten new entries at the top. Material's
  `navigation.prune`, which we use, renders only the open branch of that tree on each page, so a page's
  navigation does not grow with the site. (A flat list of 100 top-level topics would be listed in full on every
  page: each page would then cost more as the site grows, for us and for plain Material alike.)
"""

from __future__ import annotations

import re
import shutil
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from scripts.release.build import copy_project, run_mkdocs

SAMPLE_PAGE = "what-is-it.md"  # the body every generated page copies
PLAIN_CONFIG = "site_name: Microneedling guide\ntheme:\n  name: material\n"
SECTION_SIZE = 10


@dataclass(frozen=True)
class BuildTime:
    """The median build time of some runs and the size of what the build wrote."""

    seconds: float
    runs: int
    output_bytes: int


@dataclass(frozen=True)
class Comparison:
    """Our build against plain Material on the same pages."""

    pages: int
    ours: BuildTime
    plain: BuildTime

    @property
    def ratio(self) -> float:
        return self.ours.seconds / self.plain.seconds


def tree_size(folder: Path) -> int:
    """The bytes of every file under `folder`."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def build_once(project: Path, site: Path, strict: bool) -> float:
    """Build `project` into `site`; the wall-clock seconds. Raises RuntimeError with MkDocs' output on failure."""
    start = time.perf_counter()
    result = run_mkdocs(project, site, {"SOURCE_DATE_EPOCH": "0"}, strict=strict, capture=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"the build of {project} failed:\n{result.stderr[-3000:]}")
    return elapsed


def median_build(project: Path, runs: int, strict: bool) -> BuildTime:
    """The median of `runs` builds of `project`, each into a fresh folder that is deleted afterwards."""
    times, size = [], 0
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="bench-site-") as folder:
            site = Path(folder) / "site"
            times.append(build_once(project, site, strict))
            size = tree_size(site)
    return BuildTime(statistics.median(times), runs, size)


def nav_block(config: Path) -> str:
    """The `nav:` list of a mkdocs.yml, as its text."""
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index("nav:\n")
    end = start + 1
    while end < len(lines) and lines[end].startswith("  "):
        end += 1
    return "".join(lines[start:end])


def plain_material_project(project: Path, destination: Path) -> Path:
    """A default Material project with a copy of `project`'s docs/ (front matter `template:` lines removed)
    and its navigation."""
    shutil.copytree(project / "docs", destination / "docs")
    for page in (destination / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"(?m)^template: .*\n", "", text), encoding="utf-8")
    (destination / "mkdocs.yml").write_text(PLAIN_CONFIG + nav_block(project / "mkdocs.yml"), encoding="utf-8")
    return destination


def generate_pages(docs: Path, count: int) -> list[str]:
    """Write `count` pages into `docs`, each a copy of SAMPLE_PAGE with its own title; their file names."""
    body = (docs / SAMPLE_PAGE).read_text(encoding="utf-8")
    names = []
    for number in range(1, count + 1):
        name = f"generated-{number:04d}.md"
        (docs / name).write_text(re.sub(r"(?m)^title: .*$", f"title: Generated page {number}", body, count=1),
                                 encoding="utf-8")
        names.append(name)
    return names


def nav_tree(names: list[str], fan_out: int = SECTION_SIZE) -> list:
    """`names` grouped as a growing site would be: topics of `fan_out` pages, then parts of `fan_out` topics,
    and so on until the top holds no more than `fan_out` entries. A section is a (title, children) pair."""
    if fan_out < 2:
        raise ValueError(f"fan_out must be 2 or more, not {fan_out}")
    tree, title = list(names), "Topic"
    while title == "Topic" or len(tree) > fan_out:
        tree = [(f"{title} {first // fan_out + 1}", tree[first:first + fan_out])
                for first in range(0, len(tree), fan_out)]
        title = "Part"
    return tree


def nav_lines(tree: list, indent: str = "  ") -> list[str]:
    """`tree` (from nav_tree) as the lines of a MkDocs `nav:` list."""
    lines = []
    for entry in tree:
        if isinstance(entry, tuple):
            lines.append(f"{indent}- {entry[0]}:\n")
            lines.extend(nav_lines(entry[1], indent + "    "))
        else:
            lines.append(f"{indent}- {entry}\n")
    return lines


def add_nav_sections(config: Path, names: list[str], fan_out: int = SECTION_SIZE) -> None:
    """Append `names` to the end of mkdocs.yml's top-level `nav:` list, nested by nav_tree."""
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    end = lines.index("nav:\n") + 1
    while end < len(lines) and lines[end].startswith("  "):
        end += 1
    config.write_text("".join(lines[:end] + nav_lines(nav_tree(names, fan_out)) + lines[end:]), encoding="utf-8")


def compare_site(root: Path, runs: int) -> Comparison:
    """Our real site against plain Material with the same docs/, `runs` builds each."""
    with tempfile.TemporaryDirectory(prefix="bench-plain-") as folder:
        plain = median_build(plain_material_project(root, Path(folder)), runs, strict=False)
    ours = median_build(root, runs, strict=True)
    return Comparison(len(list((root / "docs").rglob("*.md"))), ours, plain)


def compare_generated(root: Path, count: int, runs: int) -> Comparison:
    """Our project and plain Material, each with `count` generated pages added, `runs` builds each."""
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as folder:
        ours_project = copy_project(root, Path(folder) / "ours")
        names = generate_pages(ours_project / "docs", count)
        add_nav_sections(ours_project / "mkdocs.yml", names)
        plain_project = plain_material_project(ours_project, Path(folder) / "plain")
        ours = median_build(ours_project, runs, strict=True)
        plain = median_build(plain_project, runs, strict=False)
        pages = len(list((ours_project / "docs").rglob("*.md")))
    return Comparison(pages, ours, plain)
