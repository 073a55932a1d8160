"""The benchmark's results: one data structure, written as Markdown (for people and README) and JSON."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from scripts.bench import budgets
from scripts.bench.first_visit import SETTLE_MS
from scripts.bench.lighthouse_runs import LighthouseRun
from scripts.bench.pages import PageFigures
from scripts.bench.scaling import Comparison


@dataclass
class BenchResult:
    machine: dict[str, str]
    pages: list[PageFigures]
    lighthouse: dict[str, LighthouseRun]
    lighthouse_runs: int
    site_build: Comparison
    scaling: list[Comparison]
    notes: list[str] = field(default_factory=list)


def _kb(size: int) -> str:
    return f"{size / 1000:.1f}"


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f}"


def _page_name(path: str) -> str:
    return "/" + path


def _comparison_json(comparison: Comparison) -> dict[str, Any]:
    return {**asdict(comparison), "ratio": round(comparison.ratio, 3)}


def to_json(result: BenchResult) -> str:
    """Every figure, as JSON (bytes, seconds and milliseconds unrounded)."""
    data = {
        "machine": result.machine,
        "pages": [asdict(page) for page in result.pages],
        "lighthouse": {path: asdict(run) for path, run in result.lighthouse.items()},
        "lighthouse_runs": result.lighthouse_runs,
        "site_build": _comparison_json(result.site_build),
        "scaling": [_comparison_json(point) for point in result.scaling],
        "budgets": [{"budget": name, "met": met, "measured": measured}
                    for name, met, measured in budget_checks(result)],
        "notes": result.notes,
    }
    return json.dumps(data, indent=2) + "\n"


def marginal_seconds_per_page(scaling: list[Comparison]) -> list[tuple[int, int, float]]:
    """Between consecutive sizes: (from pages, to pages, our extra seconds per extra page)."""
    return [(a.pages, b.pages, (b.ours.seconds - a.ours.seconds) / (b.pages - a.pages))
            for a, b in zip(scaling, scaling[1:], strict=False) if b.pages > a.pages]


def budget_checks(result: BenchResult) -> list[tuple[str, bool, str]]:
    """Each budget of issue 9: its name, whether it is met, and the worst measured figure."""
    checks = []
    if result.pages:
        heaviest = max(result.pages, key=lambda page: page.gzip_bytes)
        busiest = max(result.pages, key=lambda page: page.requests)
        shiftiest = max(result.pages, key=lambda page: page.layout_shift)
        checks += [
            (f"first visit <= {budgets.MAX_FIRST_VISIT_GZIP_BYTES // 1000} KB gzipped",
             heaviest.gzip_bytes <= budgets.MAX_FIRST_VISIT_GZIP_BYTES,
             f"{_kb(heaviest.gzip_bytes)} KB ({_page_name(heaviest.path)})"),
            (f"first visit <= {budgets.MAX_FIRST_VISIT_REQUESTS} requests",
             busiest.requests <= budgets.MAX_FIRST_VISIT_REQUESTS, f"{busiest.requests} ({_page_name(busiest.path)})"),
            ("CLS 0 (phone, fonts delayed 1 s)", shiftiest.layout_shift <= budgets.MAX_LAYOUT_SHIFT,
             f"{shiftiest.layout_shift:.4f} ({_page_name(shiftiest.path)})"),
        ]
    if result.lighthouse:
        slowest = min(result.lighthouse.items(), key=lambda item: item[1].performance)
        latest = max(result.lighthouse.items(), key=lambda item: item[1].lcp_ms)
        checks += [
            (f"Lighthouse performance >= {budgets.MIN_LIGHTHOUSE_PERFORMANCE}",
             slowest[1].performance >= budgets.MIN_LIGHTHOUSE_PERFORMANCE,
             f"{slowest[1].performance:.0f} ({_page_name(slowest[0])})"),
            (f"LCP < {budgets.MAX_LCP_MS / 1000:.1f} s", latest[1].lcp_ms < budgets.MAX_LCP_MS,
             f"{latest[1].lcp_ms / 1000:.2f} s ({_page_name(latest[0])})"),
        ]
    checks.append((f"our build <= {budgets.MAX_BUILD_RATIO} x plain Material",
                   result.site_build.ratio <= budgets.MAX_BUILD_RATIO, f"{result.site_build.ratio:.2f} x"))
    marginal = marginal_seconds_per_page(result.scaling)
    if len(marginal) >= 2:
        # Linear: each extra page costs no more in a big site than in a small one (1.5 x allows for noise).
        first, last = marginal[0][2], marginal[-1][2]
        checks.append(("build time grows linearly with pages", last <= 1.5 * max(first, 1e-9),
                       ", ".join(f"{a}->{b} pages: {cost * 1000:.0f} ms/page" for a, b, cost in marginal)))
    return checks


def to_markdown(result: BenchResult) -> str:
    """The results as Markdown tables."""
    machine = result.machine
    lines = [
        f"Measured {machine['date']} on {machine['cores']} cores, {machine['os']}, {machine['chromium']}, "
        f"Python {machine['python']}, MkDocs {machine['mkdocs']}, Material {machine['mkdocs-material']}, "
        f"Lighthouse {machine['lighthouse']}.",
        "",
        f"**Pages**: a first visit at phone size (390 x 844) with an empty cache, until no request has been in "
        f"flight for {SETTLE_MS} ms (everything loaded after the page included: the search index); bytes are "
        f"response bodies (gzipped: text at level 6). Lighthouse: "
        f"mobile preset (simulated slow 4G, 4 x CPU slowdown), median of {result.lighthouse_runs} run(s).",
        "",
        "| Page | Requests | Raw KB | Gzipped KB | Font files | CLS (fonts +1 s) "
        "| Performance | Accessibility | Best practices | SEO | LCP s | CLS | TBT ms |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for page in result.pages:
        run = result.lighthouse.get(page.path)
        scores = (f"{run.performance:.0f} | {run.accessibility:.0f} | {run.best_practices:.0f} | {run.seo:.0f} | "
                  f"{run.lcp_ms / 1000:.2f} | {run.cls:.3f} | {run.tbt_ms:.0f}") if run else "- | - | - | - | - | - | -"
        lines.append(f"| `{_page_name(page.path)}` | {page.requests} | {_kb(page.raw_bytes)} | {_kb(page.gzip_bytes)} "
                     f"| {page.font_requests} | {page.layout_shift:.4f} | {scores} |")
    site = result.site_build
    lines += [
        "",
        f"**Build time** of this site ({site.pages} Markdown pages), median of {site.ours.runs} builds each "
        "(a fresh `python -m mkdocs build` process each time):",
        "",
        "| Build | Seconds | Output MB |",
        "|---|--:|--:|",
        f"| ours (overrides, hooks, extensions, strict) | {site.ours.seconds:.2f} | {_mb(site.ours.output_bytes)} |",
        f"| plain Material, same Markdown and nav | {site.plain.seconds:.2f} | {_mb(site.plain.output_bytes)} |",
        f"| ratio | {site.ratio:.2f} x | |",
        "",
        "**Scaling**: generated pages (copies of one of ours, in the nav as topics of ten pages and parts of ten "
        "topics) added to this site:",
        "",
        "| Pages | Builds each | Ours s | Plain Material s | Ratio | Ours MB | Plain Material MB |",
        "|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for point in result.scaling:
        lines.append(f"| {point.pages:,} | {point.ours.runs} | {point.ours.seconds:.2f} | {point.plain.seconds:.2f} "
                     f"| {point.ratio:.2f} x | {_mb(point.ours.output_bytes)} | {_mb(point.plain.output_bytes)} |")
    lines += ["", "**Budgets** (issue 9):", "", "| Budget | Met | Worst measured |", "|---|---|---|"]
    lines += [f"| {name} | {'yes' if met else '**no**'} | {measured} |"
              for name, met, measured in budget_checks(result)]
    if result.notes:
        lines += ["", *(f"- {note}" for note in result.notes)]
    return "\n".join(lines) + "\n"


def write_results(result: BenchResult, folder: Path) -> tuple[Path, Path]:
    """Write bench.md and bench.json into `folder`; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    markdown, data = folder / "bench.md", folder / "bench.json"
    markdown.write_text(to_markdown(result), encoding="utf-8")
    data.write_text(to_json(result), encoding="utf-8")
    return markdown, data
