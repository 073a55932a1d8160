"""Build times: our build against plain Material building exactly the same Markdown pages, on this site with
generated pages added (issue 22: the benchmark compares like with like).

- Ours: every language as `make build` builds it (scripts/release/build.py): a strict `python -m mkdocs build`
  of mkdocs.yml (English, at the root), one of each translation's settings file (mkdocs.es.yml, into es/), then
  the post-build step (`python -m scripts.release.post_build`: preview images, redirect files, slimmer assets,
  security headers). The post-build is timed as part of ours: `make build` and `make publish` always run it, and
  work moved into it from the MkDocs hooks must not escape the budget. Its share is reported beside the total.
- Plain Material: each language its own default Material build (`site_name`, `theme: material` in that
  language, the language's `exclude_docs` and `nav:`, MkDocs' defaults otherwise, so the search plugin) of a
  copy of the same docs folder, into the same place (English at the root, each translation in its folder).
  `template:` lines are taken out of the front matter, because Material has no such templates;
  `{{ clinic.x }}` placeholders stay as literal text.
- Both sides must build the same pages: after the first run the two sites' HTML pages (redirect stubs left
  out) are compared, and any difference stops the benchmark (PageSetMismatchError) rather than report a ratio.
- Every step is a fresh process (interpreter start and imports included), timed by the wall clock, into a new
  temporary folder; ours and plain Material are built in turns, so other work on the machine slows both alike.
- Generated pages copy one of our English pages, and are added to the English navigation as a growing site
  would be organised: topics of ten pages, parts of ten topics, with no more than ten new entries at the top.
  Material's `navigation.prune`, which we use, renders only the open branch of that tree on each page, so a
  page's navigation does not grow with the site. (A flat list of 100 top-level topics would be listed in full
  on every page: each page would then cost more as the site grows, for us and for plain Material alike.)
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.built_site import page_paths
from scripts.content.new_treatment import new_treatment
from scripts.release.build import build_languages, copy_project
from scripts.site.languages import languages
from scripts.site.settings import load_settings

SAMPLE_PAGE = "what-is-it.md"  # the body every generated page copies
TREATMENT_SIZES = (0, 1, 10)  # fixture treatments (make new-treatment, both languages) for the library's scaling
SECTION_SIZE = 10
RATIO_GENERATED = 100  # generated pages added to the site the budget ratio is measured on (128 pages in all today)
# No git history in a copy: the same sitemap dates every run. Draft treatments built as a pull request's build does
# (plain Material builds every page it is given, so both sides build the same pages).
BENCH_ENV = {"SOURCE_DATE_EPOCH": "0", "SITE_SHOW_DRAFTS": "1"}


@dataclass(frozen=True)
class BuildTime:
    """The median build time of some runs and the size of what the build wrote."""

    seconds: float
    runs: int
    output_bytes: int
    post_build_seconds: float = 0.0  # the median of the post-build step alone (ours only), part of `seconds`


@dataclass(frozen=True)
class Comparison:
    """Our build against plain Material on the same pages."""

    pages: int  # Markdown pages built by each side, every language (404 pages not counted)
    ours: BuildTime
    plain: BuildTime

    @property
    def ratio(self) -> float:
        return self.ours.seconds / self.plain.seconds


class PageSetMismatchError(ValueError):
    """The two sides of a comparison built different pages: their times do not compare like with like."""


@dataclass(frozen=True)
class PlainBuild:
    """One language's plain Material project, and where its site goes inside the built folder ("" or "es/")."""

    project: Path
    prefix: str


def tree_size(folder: Path) -> int:
    """The bytes of every file under `folder`."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def _failed(what: str, output: str) -> RuntimeError:
    return RuntimeError(f"{what} failed:\n{output[-3000:]}")


def build_ours(project: Path, site: Path) -> tuple[float, float]:
    """Build `project` into `site` as `make build` does (every language, then the post-build step); the
    wall-clock seconds of the whole and of the post-build step. Raises RuntimeError with the output on failure."""
    start = time.perf_counter()
    try:
        build_languages(site, project, BENCH_ENV, capture=True)
    except subprocess.CalledProcessError as error:
        raise _failed(f"our build of {project}", error.stderr or "") from error
    post_build_start = time.perf_counter()
    env = {**os.environ, **BENCH_ENV, "NO_MKDOCS_2_WARNING": "1",
           "PYTHONPATH": os.pathsep.join(p for p in (str(project), os.environ.get("PYTHONPATH", "")) if p)}
    result = subprocess.run([sys.executable, "-m", "scripts.release.post_build", str(site), "--config", "mkdocs.yml"],
                            cwd=project, env=env, capture_output=True, text=True)
    end = time.perf_counter()
    if result.returncode != 0:
        raise _failed(f"the post-build step of {project}", result.stderr)
    return end - start, end - post_build_start


def build_plain(builds: list[PlainBuild], site: Path) -> float:
    """Build each language's plain Material project into its place in `site`; the wall-clock seconds."""
    start = time.perf_counter()
    for build in builds:
        command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site / build.prefix)]
        result = subprocess.run(command, cwd=build.project, env={**os.environ, **BENCH_ENV, "NO_MKDOCS_2_WARNING": "1"},
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise _failed(f"the plain Material build of {build.project}", result.stderr)
    return time.perf_counter() - start


def same_pages(ours: Path, plain: Path) -> list[str]:
    """The HTML pages (redirect stubs left out) both built sites have; raises PageSetMismatchError, naming them, when
    a page was built by one side only."""
    ours_pages, plain_pages = set(page_paths(ours)), set(page_paths(plain))
    if ours_pages != plain_pages:
        only_ours = ", ".join(f"/{page}" for page in sorted(ours_pages - plain_pages)) or "none"
        only_plain = ", ".join(f"/{page}" for page in sorted(plain_pages - ours_pages)) or "none"
        raise PageSetMismatchError(f"the two builds made different pages (only ours: {only_ours}; only plain Material: "
                             f"{only_plain}), so their times would not compare like with like")
    return sorted(ours_pages)


def markdown_page_count(pages: list[str]) -> int:
    """The pages built from Markdown: every page but each language's 404 page (which the theme makes)."""
    return sum(1 for page in pages if not page.endswith("404.html"))


def compare(ours: Path, plain: list[PlainBuild], runs: int) -> Comparison:
    """The medians of `runs` builds of each side, in turns, each into a fresh folder deleted afterwards.
    Raises PageSetMismatchError if the two sides built different pages."""
    totals, post_builds, plain_times = [], [], []
    pages: list[str] = []
    sizes = (0, 0)
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="bench-site-") as folder:
            ours_site, plain_site = Path(folder) / "ours", Path(folder) / "plain"
            total, post_build = build_ours(ours, ours_site)
            totals.append(total)
            post_builds.append(post_build)
            plain_times.append(build_plain(plain, plain_site))
            if not pages:
                pages = same_pages(ours_site, plain_site)
                sizes = (tree_size(ours_site), tree_size(plain_site))
    return Comparison(markdown_page_count(pages),
                      BuildTime(statistics.median(totals), runs, sizes[0], statistics.median(post_builds)),
                      BuildTime(statistics.median(plain_times), runs, sizes[1]))


def plain_material_projects(project: Path, destination: Path) -> list[PlainBuild]:
    """For each language of `project`: a default Material project with a copy of that language's docs folder
    (front matter `template:` lines removed), its `exclude_docs` and its navigation."""
    builds = []
    for language in languages(project):
        settings = load_settings(language.config)
        folder = destination / language.code
        shutil.copytree(language.docs, folder / "docs")
        for page in (folder / "docs").rglob("*.md"):
            text = page.read_text(encoding="utf-8")
            page.write_text(re.sub(r"(?m)^template: .*\n", "", text), encoding="utf-8")
        config = {"site_name": settings["site_name"], "theme": {"name": "material", "language": language.code},
                  **({"exclude_docs": settings["exclude_docs"]} if settings.get("exclude_docs") else {}),
                  "nav": settings["nav"]}
        (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                           encoding="utf-8")
        builds.append(PlainBuild(folder, language.prefix))
    return builds


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


def prepare_sides(root: Path, count: int, folder: Path) -> tuple[Path, list[PlainBuild]]:
    """In `folder`: a copy of our project with `count` generated pages added, and plain Material's projects of
    the same Markdown."""
    ours = copy_project(root, folder / "ours")
    names = generate_pages(ours / "docs", count)
    if names:
        add_nav_sections(ours / "mkdocs.yml", names)
    return ours, plain_material_projects(ours, folder / "plain")


def add_fixture_treatments(project: Path, count: int) -> None:
    """`count` treatments started with make new-treatment (each its journey in every language, as drafts)."""
    for number in range(1, count + 1):
        new_treatment(project, f"Fixture treatment {number}",
                      {language.code: f"Fixture treatment {number} {language.code}"
                       for language in languages(project)[1:]})


def compare_treatments(root: Path, count: int, runs: int) -> Comparison:
    """Our project and plain Material, each with `count` fixture treatments added, `runs` builds each."""
    with tempfile.TemporaryDirectory(prefix="bench-treatments-") as folder:
        ours = copy_project(root, Path(folder) / "ours")
        add_fixture_treatments(ours, count)
        return compare(ours, plain_material_projects(ours, Path(folder) / "plain"), runs)


def compare_generated(root: Path, count: int, runs: int) -> Comparison:
    """Our project and plain Material, each with `count` generated pages added, `runs` builds each."""
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as folder:
        ours, plain = prepare_sides(root, count, Path(folder))
        return compare(ours, plain, runs)
