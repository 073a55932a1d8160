"""`make bench`'s page figures: Lighthouse on each language's home page and heaviest page by default, and the
budgets issue 27 set (LCP, blocking time, layout shift, performance, the trimmed stylesheet's looks at desktop
widths) reported as met or not."""

from __future__ import annotations

from scripts.bench import budgets
from scripts.bench.lighthouse_runs import LighthouseRun
from scripts.bench.pages import PageFigures
from scripts.bench.report import BenchResult, Looks, budget_checks, to_markdown
from scripts.bench.run import lighthouse_sample

MACHINE = {key: "-" for key in ("date", "cores", "os", "chromium", "python", "mkdocs", "mkdocs-material", "lighthouse",
                                 "load")}
FAST = LighthouseRun(100, 100, 100, 100, lcp_ms=900, cls=0.0, tbt_ms=0)


def figures(path: str, gzip_bytes: int) -> PageFigures:
    return PageFigures(path, gzip_bytes * 4, gzip_bytes, 5, 0, 0.0)


def result(lighthouse: dict[str, LighthouseRun], looks: Looks | None = None) -> BenchResult:
    pages = [figures(path, 20_000) for path in lighthouse]
    return BenchResult(MACHINE, pages, lighthouse, budgets.LIGHTHOUSE_RUNS, None, [], [], [], looks=looks)


def checks_not_met(bench: BenchResult) -> list[str]:
    return [f"{name}: {measured}" for name, met, measured in budget_checks(bench) if not met]


def test_lighthouse_measures_each_languages_home_and_heaviest_page() -> None:
    pages = [figures("", 20_000), figures("aftercare/", 25_000), figures("about/", 21_000),
             figures("es/", 21_000), figures("es/que-es/", 26_000), figures("es/acerca-de/", 22_000)]
    assert lighthouse_sample(pages, ["", "es/"]) == ["", "aftercare/", "es/", "es/que-es/"]


def test_a_slow_or_blocking_page_fails_its_lighthouse_budgets_naming_it() -> None:
    assert checks_not_met(result({"": FAST, "aftercare/": FAST})) == []
    slow = LighthouseRun(97, 100, 100, 100, lcp_ms=1_400, cls=0.0, tbt_ms=80)
    failed = checks_not_met(result({"": FAST, "aftercare/": slow}))
    assert len(failed) == 3 and all("/aftercare/" in line for line in failed), failed


def test_a_desktop_view_that_looks_different_fails_the_looks_budget_and_is_listed() -> None:
    looks = Looks([1024, 1440], 30, ["/aftercare/ (dark, 1440 px): 0.52% of pixels differ"])
    bench = result({"": FAST}, looks)
    assert any("looks the same" in line for line in checks_not_met(bench))
    assert "/aftercare/ (dark, 1440 px)" in to_markdown(bench)
