"""`make bench`: page weight, layout shift and Lighthouse scores of every page, and build times against plain
Material, reported as Markdown (printed, and bench-results/bench.md) and JSON (bench-results/bench.json).

Five parts, all run by default; `--only` picks some (e.g. `make bench BENCH_ARGS="--only build"`, about a minute):
pages (first visits, layout shift and Lighthouse, ours and plain Material's of the same Markdown, in the same run),
looks (the trimmed stylesheet against the whole one at desktop widths, every page, light and dark), build (the
budget's build ratio: this site plus 100 generated pages, median of --build-runs builds of each side), scaling
(build times at --sizes generated pages), treatments (build times with 0, 1 and 10 treatments).

The site is built (strict, as published) into a temporary folder with site_url set to a local server on
127.0.0.1, which serves it with the security headers the build writes for the host.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from scripts.bench import budgets
from scripts.bench import lighthouse_runs as bench_lighthouse
from scripts.bench import scaling as bench_build
from scripts.bench.machine_info import machine_info
from scripts.bench.pages import PageFigures, measure_pages
from scripts.bench.report import BenchResult, Looks, to_markdown, write_results
from scripts.bench.visual_comparison import differing_pages, finish_both, serve_all
from scripts.built_site import page_paths
from scripts.chromium import CHROMIUM, CHROMIUM_ARGS
from scripts.project import project_root
from scripts.release.build import build_into
from scripts.release.security_headers import parse_headers_file
from scripts.served_site import free_port, serve
from scripts.site.languages import languages

ROOT = project_root()
LARGE_SITE = 1000  # from this many generated pages on, builds are repeated only --large-runs times
PARTS = ("pages", "looks", "build", "scaling", "treatments")
DESKTOP_WIDTHS = (1024, 1440)  # the table of contents beside the page with the menu in a drawer; both sidebars
DESKTOP_HEIGHT = 900


def progress(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=",".join(PARTS),
                        help=f"the parts to run, comma-separated, of {', '.join(PARTS)} (default: all)")
    parser.add_argument("--runs", type=int, default=budgets.LIGHTHOUSE_RUNS,
                        help="Lighthouse runs per page, each side (median; 0 skips Lighthouse)")
    parser.add_argument("--lighthouse-pages", choices=("sample", "all"), default="sample",
                        help="Lighthouse on each language's home page and heaviest page (sample, about 8 minutes "
                             "at 5 runs), or on every page (all, about an hour)")
    parser.add_argument("--build-runs", type=int, default=budgets.BUILD_RATIO_RUNS,
                        help=f"builds of each side for the build ratio (median; the budget asks for "
                             f"{budgets.BUILD_RATIO_RUNS})")
    parser.add_argument("--sizes", default="10,100,1000", help="generated pages for the scaling table ('' skips)")
    parser.add_argument("--scaling-runs", type=int, default=3, help="builds each per size below 1,000 pages")
    parser.add_argument("--large-runs", type=int, default=1, help="builds each per size of 1,000 pages or more")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results", help="folder for bench.md and .json")
    args = parser.parse_args(argv)
    args.only = {part.strip() for part in args.only.split(",") if part.strip()}
    if unknown := args.only - set(PARTS):
        parser.error(f"--only: unknown part(s) {', '.join(sorted(unknown))}; choose from {', '.join(PARTS)}")
    return args


def lighthouse_sample(pages: list[PageFigures], prefixes: list[str]) -> list[str]:
    """Each language's home page and its heaviest page on a first visit (`prefixes`: each language's, "" and "es/")."""
    longest_first = sorted(prefixes, key=len, reverse=True)  # "es/" before ""
    by_language: dict[str, list[PageFigures]] = {}
    for page in pages:
        prefix = next(prefix for prefix in longest_first if page.path.startswith(prefix))
        by_language.setdefault(prefix, []).append(page)
    chosen = []
    for prefix, own in sorted(by_language.items()):
        heaviest = max(own, key=lambda page: page.gzip_bytes).path
        chosen += [path for path in dict.fromkeys((prefix, heaviest)) if path in {page.path for page in own}]
    return chosen


def measure_served_site(lighthouse_runs: int, every_page: bool) -> tuple[list, dict, list, dict]:
    """Build the site, and plain Material's of the same Markdown, serve both on 127.0.0.1 (gzipped) and measure every
    page of ours, and the same page of plain Material's, in Chromium and Lighthouse, in turns."""
    port, plain_port = free_port(), free_port()
    with tempfile.TemporaryDirectory(prefix="bench-served-") as folder:
        site, plain_site = Path(folder) / "site", Path(folder) / "plain-site"
        progress("building the site to serve, and plain Material's of the same Markdown")
        build_into(site, ROOT, {"SITE_URL": f"http://127.0.0.1:{port}/"})
        bench_build.build_plain(bench_build.plain_material_projects(ROOT, Path(folder) / "plain"), plain_site)
        headers_file = site / "_headers"
        headers = parse_headers_file(headers_file.read_text(encoding="utf-8")) if headers_file.exists() else {}
        paths = page_paths(site)
        plain_built = set(page_paths(plain_site))
        plain_paths = [path for path in paths if path in plain_built]
        with serve(site, port, headers, compress=True) as base_url, \
                serve(plain_site, plain_port, {}, compress=True) as plain_url:
            progress(f"first visits and layout shift of {len(paths)} pages in Chromium, and plain Material's")
            pages, plain_pages = measure_pages(base_url, paths), measure_pages(plain_url, plain_paths)
            lighthouse, plain_lighthouse = {}, {}
            prefixes = [language.prefix for language in languages(ROOT)]
            measured = (paths if every_page else lighthouse_sample(pages, prefixes)) if lighthouse_runs > 0 else []
            for number, path in enumerate(measured, start=1):
                progress(f"Lighthouse {number}/{len(measured)}: /{path} ({lighthouse_runs} runs each side)")
                lighthouse[path] = bench_lighthouse.measure(base_url + path, lighthouse_runs)
                if path in plain_paths:
                    plain_lighthouse[path] = bench_lighthouse.measure(plain_url + path, lighthouse_runs)
    return pages, lighthouse, plain_pages, plain_lighthouse


def compare_looks() -> Looks:
    """The trimmed stylesheet against the whole one, every page at DESKTOP_WIDTHS, light and dark."""
    with tempfile.TemporaryDirectory(prefix="bench-looks-") as folder, sync_playwright() as playwright:
        sites = finish_both(Path(folder), ROOT, {})
        paths = page_paths(sites["trimmed"])
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        try:
            with serve_all(sites) as served:
                differing = [view for width in DESKTOP_WIDTHS for view in differing_pages(
                    browser, served, paths, {"width": width, "height": DESKTOP_HEIGHT})]
        finally:
            browser.close()
    return Looks(list(DESKTOP_WIDTHS), len(paths), differing)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()] if "scaling" in args.only else []
    notes = []
    pages, lighthouse, plain_pages, plain_lighthouse = ([], {}, [], {})
    if "pages" in args.only:
        every_page = args.lighthouse_pages == "all"
        pages, lighthouse, plain_pages, plain_lighthouse = measure_served_site(args.runs, every_page)
    looks = None
    if "looks" in args.only:
        progress(f"looks: every page at {', '.join(map(str, DESKTOP_WIDTHS))} px, light and dark, whole and trimmed")
        looks = compare_looks()
    build_ratio = None
    if "build" in args.only:
        progress(f"build ratio: ours and plain Material, {bench_build.RATIO_GENERATED} generated pages, "
                 f"{args.build_runs} builds each")
        build_ratio = bench_build.compare_generated(ROOT, bench_build.RATIO_GENERATED, args.build_runs)
        if args.build_runs < budgets.BUILD_RATIO_RUNS:
            notes.append(f"The build ratio is the median of {args.build_runs} build(s) of each side (a quick run; "
                         f"the budget asks for the median of {budgets.BUILD_RATIO_RUNS}).")
    scaling = []
    for size in sizes:
        runs = args.large_runs if size >= LARGE_SITE else args.scaling_runs
        if build_ratio and size == bench_build.RATIO_GENERATED and args.build_runs >= runs:
            scaling.append(build_ratio)  # the same site, already measured (with more builds)
            continue
        progress(f"scaling: {size} generated pages, {runs} build(s) each")
        scaling.append(bench_build.compare_generated(ROOT, size, runs))
    if any(size >= LARGE_SITE for size in sizes) and args.large_runs < args.scaling_runs:
        notes.append(f"Sites of {LARGE_SITE:,} generated pages or more were built {args.large_runs} time(s) each, "
                     f"not {args.scaling_runs}, to keep the benchmark under about 15 minutes.")
    if "pages" in args.only and args.runs < budgets.LIGHTHOUSE_RUNS:
        notes.append(f"Lighthouse ran {args.runs} time(s) per page (a quick run; the budget asks for the median of "
                     f"{budgets.LIGHTHOUSE_RUNS}).")
    treatments = []
    for count in bench_build.TREATMENT_SIZES if "treatments" in args.only else ():
        progress(f"treatments: {count} fixture treatments, {args.scaling_runs} build(s) each")
        treatments.append(bench_build.compare_treatments(ROOT, count, args.scaling_runs))
    result = BenchResult(machine_info(ROOT), pages, lighthouse, args.runs, build_ratio, scaling, notes, treatments,
                         plain_pages, plain_lighthouse, looks)
    markdown, data = write_results(result, args.out)
    print(to_markdown(result))
    progress(f"wrote {markdown} and {data}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
