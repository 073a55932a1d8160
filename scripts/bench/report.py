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
from scripts.bench.scaling import RATIO_GENERATED, TREATMENT_SIZES, Comparison


@dataclass
class BenchResult:
    machine: dict[str, str]
    pages: list[PageFigures]
    lighthouse: dict[str, LighthouseRun]
    lighthouse_runs: int
    build_ratio: Comparison | None  # the budget's figure: ours against plain Material, same pages (None: not run)
    scaling: list[Comparison]
    notes: list[str] = field(default_factory=list)
    treatments: list[Comparison] = field(default_factory=list)  # with 0, 1, 10 fixture treatments (TREATMENT_SIZES)
    # Plain Material building the same Markdown, measured in the same run (pages: the same paths).
    plain_pages: list[PageFigures] = field(default_factory=list)
    plain_lighthouse: dict[str, LighthouseRun] = field(default_factory=dict)
    looks: Looks | None = None  # the trimmed stylesheet compared at desktop widths


@dataclass
class Looks:
    """The visual comparison of the whole and the trimmed stylesheet at desktop widths."""

    widths: list[int]
    pages: int
    differing: list[str]  # "/page (scheme, width px): share of pixels differ", for each above the threshold


def _kb(size: int) -> str:
    return f"{size / 1000:.1f}"


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f}"


def _page_name(path: str) -> str:
    return "/" + path


def _comparison_json(comparison: Comparison | None) -> dict[str, Any] | None:
    return {**asdict(comparison), "ratio": round(comparison.ratio, 3)} if comparison else None


def build_ratio_budget_name(comparison: Comparison) -> str:
    return (f"our build <= {budgets.MAX_BUILD_RATIO} x plain Material ({comparison.pages:,} pages, median of "
            f"{comparison.ours.runs})")


def to_json(result: BenchResult) -> str:
    """Every figure, as JSON (bytes, seconds and milliseconds unrounded)."""
    data = {
        "machine": result.machine,
        "pages": [asdict(page) for page in result.pages],
        "lighthouse": {path: asdict(run) for path, run in result.lighthouse.items()},
        "lighthouse_runs": result.lighthouse_runs,
        "plain_material_pages": [asdict(page) for page in result.plain_pages],
        "plain_material_lighthouse": {path: asdict(run) for path, run in result.plain_lighthouse.items()},
        "looks": asdict(result.looks) if result.looks else None,
        "build_ratio": _comparison_json(result.build_ratio),
        "build_ratio_budget": budgets.MAX_BUILD_RATIO,
        "scaling": [_comparison_json(point) for point in result.scaling],
        "treatments": [{"treatments": count, **(_comparison_json(point) or {})}
                       for count, point in zip(TREATMENT_SIZES, result.treatments, strict=False)],
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
        runs = result.lighthouse.items()
        for name, figure, worst, meets, shown in (
                (f"Lighthouse performance >= {budgets.MIN_LIGHTHOUSE_PERFORMANCE}", "performance", min,
                 lambda value: value >= budgets.MIN_LIGHTHOUSE_PERFORMANCE, lambda value: f"{value:.0f}"),
                (f"LCP <= {budgets.MAX_LCP_MS / 1000:.1f} s", "lcp_ms", max,
                 lambda value: value <= budgets.MAX_LCP_MS, lambda value: f"{value / 1000:.2f} s"),
                (f"TBT <= {budgets.MAX_TBT_MS} ms", "tbt_ms", max,
                 lambda value: value <= budgets.MAX_TBT_MS, lambda value: f"{value:.0f} ms"),
                (f"Lighthouse CLS <= {budgets.MAX_LIGHTHOUSE_CLS:g}", "cls", max,
                 lambda value: value <= budgets.MAX_LIGHTHOUSE_CLS, lambda value: f"{value:.3f}")):
            path, run = worst(runs, key=lambda item, figure=figure: getattr(item[1], figure))
            value = getattr(run, figure)
            checks.append((f"{name} (median of {result.lighthouse_runs})", meets(value),
                           f"{shown(value)} ({_page_name(path)})"))
    if result.looks:
        checks.append((f"the trimmed stylesheet looks the same at {', '.join(map(str, result.looks.widths))} px, "
                       "light and dark", not result.looks.differing,
                       f"{len(result.looks.differing)} of {result.looks.pages * 2 * len(result.looks.widths)} views "
                       "differ"))
    if result.build_ratio:
        checks.append((build_ratio_budget_name(result.build_ratio),
                       result.build_ratio.ratio <= budgets.MAX_BUILD_RATIO, f"{result.build_ratio.ratio:.2f} x"))
    for what, points in (("pages", result.scaling), ("treatments", result.treatments)):
        marginal = marginal_seconds_per_page(points)
        if len(marginal) >= 2:
            # Linear: each extra page costs no more in a big site than in a small one (1.5 x allows for noise).
            first, last = marginal[0][2], marginal[-1][2]
            checks.append((f"build time grows linearly with {what}", last <= 1.5 * max(first, 1e-9),
                           ", ".join(f"{a}->{b} pages: {cost * 1000:.0f} ms/page" for a, b, cost in marginal)))
    return checks


def _lighthouse_cells(run: LighthouseRun | None, full: bool = True) -> str:
    if run is None:
        return " | ".join(["-"] * (7 if full else 3))
    if not full:
        return f"{run.performance:.0f} | {run.lcp_ms / 1000:.2f} | {run.tbt_ms:.0f}"
    return (f"{run.performance:.0f} | {run.accessibility:.0f} | {run.best_practices:.0f} | {run.seo:.0f} | "
            f"{run.lcp_ms / 1000:.2f} | {run.cls:.3f} | {run.tbt_ms:.0f}")


def _pages_markdown(result: BenchResult) -> list[str]:
    plain = {page.path: page for page in result.plain_pages}
    lines = [
        f"**Pages**: a first visit at phone size (390 x 844) with an empty cache, until no request has been in "
        f"flight for {SETTLE_MS} ms (everything loaded after the page included; search loads only when first opened); "
        f"bytes are response bodies (gzipped: text at level 6). Plain Material: the same Markdown built by a default "
        f"Material project per language, served and measured the same way in the same run.",
        "",
        "| Page | Requests | Gzipped KB | Raw KB | Font files | CLS (fonts +1 s) | Plain Material requests "
        "| Plain Material gzipped KB |",
        "|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for page in result.pages:
        other = plain.get(page.path)
        lines.append(f"| `{_page_name(page.path)}` | {page.requests} | {_kb(page.gzip_bytes)} | {_kb(page.raw_bytes)} "
                     f"| {page.font_requests} | {page.layout_shift:.4f} "
                     f"| {other.requests if other else '-'} | {_kb(other.gzip_bytes) if other else '-'} |")
    if result.lighthouse:
        lines += [
            "",
            f"**Lighthouse**: mobile preset (simulated slow 4G, 4 x CPU slowdown), each figure the median of "
            f"{result.lighthouse_runs} run(s), ours and plain Material's in turns.",
            "",
            "| Page | Performance | Accessibility | Best practices | SEO | LCP s | CLS | TBT ms "
            "| Plain Material performance | Plain Material LCP s | Plain Material TBT ms |",
            "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
        ]
        lines += [f"| `{_page_name(path)}` | {_lighthouse_cells(run)} "
                  f"| {_lighthouse_cells(result.plain_lighthouse.get(path), full=False)} |"
                  for path, run in result.lighthouse.items()]
    return lines


def _looks_markdown(looks: Looks) -> list[str]:
    widths = " and ".join(f"{width} px" for width in looks.widths)
    lines = [f"**Looks**: the whole stylesheet and the trimmed, joined one (the same commit, finished both ways), "
             f"every page ({looks.pages}) at {widths}, light and dark, compared pixel by pixel in Chromium (a view "
             f"differs when more than 0.1 % of its pixels do): "
             + ("all the same." if not looks.differing else f"{len(looks.differing)} differ:")]
    return lines + [f"- {view}" for view in looks.differing]


def _build_ratio_markdown(ratio: Comparison) -> list[str]:
    met = ratio.ratio <= budgets.MAX_BUILD_RATIO
    mkdocs_only = (ratio.ours.seconds - ratio.ours.post_build_seconds) / ratio.plain.seconds
    return [
        f"**Build ratio** (the budget: our build <= {budgets.MAX_BUILD_RATIO} x plain Material): "
        f"**{ratio.ratio:.2f} x** ({'met' if met else 'not met'}), median of {ratio.ours.runs} build(s) of each side "
        f"of the same {ratio.pages:,} Markdown pages (this site in every language plus {RATIO_GENERATED} generated "
        "English pages), built in turns, every step a fresh process. Both sides built exactly the same pages "
        "(checked).",
        "",
        "| Build | Seconds | Output MB |",
        "|---|--:|--:|",
        f"| ours: every language as `make build` builds it (strict, our overrides, hooks and extensions), then "
        f"the post-build step ({ratio.ours.post_build_seconds:.2f} s of it) | {ratio.ours.seconds:.2f} "
        f"| {_mb(ratio.ours.output_bytes)} |",
        f"| plain Material: each language its own default build of the same Markdown and nav "
        f"| {ratio.plain.seconds:.2f} | {_mb(ratio.plain.output_bytes)} |",
        f"| **ratio** (budget <= {budgets.MAX_BUILD_RATIO} x) | **{ratio.ratio:.2f} x** | |",
        f"| ratio of the MkDocs builds alone (from the medians) | {mkdocs_only:.2f} x | |",
    ]


def to_markdown(result: BenchResult) -> str:
    """The results as Markdown tables."""
    machine = result.machine
    browser = f"{machine['chromium']}, " if result.pages else ""
    lines = [
        f"Measured {machine['date']} on {machine['cores']} cores, {machine['os']}, {browser}"
        f"Python {machine['python']}, MkDocs {machine['mkdocs']}, Material {machine['mkdocs-material']}"
        + (f", Lighthouse {machine['lighthouse']}" if result.lighthouse else "")
        + f" (load average {machine.get('load', '?')} when the report was written: other work slows builds).",
    ]
    if result.pages:
        lines += ["", *_pages_markdown(result)]
    if result.looks:
        lines += ["", *_looks_markdown(result.looks)]
    if result.build_ratio:
        lines += ["", *_build_ratio_markdown(result.build_ratio)]
    if result.scaling:
        lines += [
            "",
            "**Scaling**: generated English pages (copies of one of ours, in the nav as topics of ten pages and parts "
            "of ten topics) added to this site; built on each side as above:",
            "",
            "| Pages | Builds each | Ours s | Plain Material s | Ratio | Ours MB | Plain Material MB |",
            "|--:|--:|--:|--:|--:|--:|--:|",
        ]
    for point in result.scaling:
        lines.append(f"| {point.pages:,} | {point.ours.runs} | {point.ours.seconds:.2f} | {point.plain.seconds:.2f} "
                     f"| {point.ratio:.2f} x | {_mb(point.ours.output_bytes)} | {_mb(point.plain.output_bytes)} |")
    if result.treatments:
        lines += [
            "",
            f"**A library of treatments**: {', '.join(str(count) for count in TREATMENT_SIZES)} treatments started "
            "with make new-treatment (each its whole journey in every language), built on each side as above:",
            "",
            "| Treatments | Pages | Ours s | Plain Material s | Ratio | Ours MB |",
            "|--:|--:|--:|--:|--:|--:|",
        ]
        lines += [f"| {count} | {point.pages:,} | {point.ours.seconds:.2f} | {point.plain.seconds:.2f} "
                  f"| {point.ratio:.2f} x | {_mb(point.ours.output_bytes)} |"
                  for count, point in zip(TREATMENT_SIZES, result.treatments, strict=False)]
    lines += ["", "**Budgets** (issues 9 and 27):", "", "| Budget | Met | Worst measured |", "|---|---|---|"]
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
