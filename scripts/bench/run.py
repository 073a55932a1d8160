"""`make bench`: page weight, layout shift and Lighthouse scores of every page, and build times against plain
Material, reported as Markdown (printed, and bench-results/bench.md) and JSON (bench-results/bench.json).

Three parts, all run by default; `--only` picks some (e.g. `make bench BENCH_ARGS="--only build"`, about a minute):
pages (first visits, layout shift, Lighthouse), build (the budget's build ratio: 124 pages, median of
--build-runs builds of each side), scaling (build times at --sizes generated pages).

The site is built (strict, as published) into a temporary folder with site_url set to a local server on
127.0.0.1, which serves it with the security headers the build writes for the host.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from scripts.bench import budgets
from scripts.bench import lighthouse_runs as bench_lighthouse
from scripts.bench import scaling as bench_build
from scripts.bench.machine_info import machine_info
from scripts.bench.pages import measure_pages
from scripts.bench.report import BenchResult, to_markdown, write_results
from scripts.built_site import page_paths
from scripts.project import project_root
from scripts.release.build import build_into
from scripts.release.security_headers import parse_headers_file
from scripts.served_site import free_port, serve

ROOT = project_root()
LARGE_SITE = 1000  # from this many generated pages on, builds are repeated only --large-runs times
PARTS = ("pages", "build", "scaling", "treatments")


def progress(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=",".join(PARTS),
                        help=f"the parts to run, comma-separated, of {', '.join(PARTS)} (default: all)")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (median; 0 skips Lighthouse)")
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


def measure_served_site(lighthouse_runs: int) -> tuple[list, dict]:
    """Build the site, serve it on 127.0.0.1 and measure every page in Chromium and Lighthouse."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="bench-served-") as folder:
        site = Path(folder) / "site"
        progress("building the site to serve")
        build_into(site, ROOT, {"SITE_URL": f"http://127.0.0.1:{port}/"})
        headers_file = site / "_headers"
        headers = parse_headers_file(headers_file.read_text(encoding="utf-8")) if headers_file.exists() else {}
        paths = page_paths(site)
        with serve(site, port, headers, compress=True) as base_url:
            progress(f"first visits and layout shift of {len(paths)} pages in Chromium")
            pages = measure_pages(base_url, paths)
            lighthouse = {}
            for number, path in enumerate(paths if lighthouse_runs > 0 else [], start=1):
                progress(f"Lighthouse {number}/{len(paths)}: /{path} ({lighthouse_runs} runs)")
                lighthouse[path] = bench_lighthouse.measure(base_url + path, lighthouse_runs)
    return pages, lighthouse


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()] if "scaling" in args.only else []
    notes = []
    pages, lighthouse = measure_served_site(args.runs) if "pages" in args.only else ([], {})
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
    if "pages" in args.only and args.runs < 3:
        notes.append(f"Lighthouse ran {args.runs} time(s) per page (a quick run; the budget asks for the median of 3).")
    treatments = []
    for count in bench_build.TREATMENT_SIZES if "treatments" in args.only else ():
        progress(f"treatments: {count} fixture treatments, {args.scaling_runs} build(s) each")
        treatments.append(bench_build.compare_treatments(ROOT, count, args.scaling_runs))
    result = BenchResult(machine_info(ROOT), pages, lighthouse, args.runs, build_ratio, scaling, notes, treatments)
    markdown, data = write_results(result, args.out)
    print(to_markdown(result))
    progress(f"wrote {markdown} and {data}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
