"""A plain summary of a pull request for the people reviewing it: the pages it changes with their reading
grades before and after, what the content check found (with file and line), new addresses for the URL contract,
where the screenshots and the review packets of its clinical pages are, and the go-live readiness (make readiness).

    python -m scripts.release.pr_summary --base origin/main >> "$GITHUB_STEP_SUMMARY"
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from scripts.content import readability
from scripts.content.check import check_site
from scripts.problems import Severity
from scripts.project import project_root
from scripts.release.readiness import readiness
from scripts.site.dates import today
from scripts.site.front_matter import load_front_matter
from scripts.site.languages import Language, languages
from scripts.site.page_details import details_of_page, page_details
from scripts.site.review import ReviewState, page_review, review_record
from scripts.site.settings import extra_settings


def changed_pages(root: Path, base: str) -> list[tuple[str, Language]]:
    """The pages of every language that the branch changes since it left `base` (added, edited or renamed), at
    any depth of their folders, each with its language."""
    result = subprocess.run(["git", "diff", "--name-only", "--diff-filter=AMR", f"{base}...HEAD", "--", "docs/"],
                            cwd=root, capture_output=True, text=True)
    pages = {page.relative_to(root).as_posix(): language for language in languages(root) for page in language.pages}
    return sorted((name, pages[name]) for name in result.stdout.split() if name in pages)


def reading_of(text: str, clinic: dict, language: Language) -> str:
    """The page's reading level by its language's rule (its grade; Spanish: its reading ease)."""
    reading = readability.reading_level(readability.prose_from_markdown(text, clinic), load_front_matter(text),
                                        language.code)
    return f"{reading.value} ({reading.rule.measure})" if reading else f"no rule for {language.name}"


def reading_at(root: Path, base: str, page: str, clinic: dict, language: Language) -> str:
    """The page's reading level at `base` ("new" when it did not exist there)."""
    result = subprocess.run(["git", "show", f"{base}:{page}"], cwd=root, capture_output=True, text=True)
    return reading_of(result.stdout, clinic, language) if result.returncode == 0 else "new"


def summary(root: Path, base: str) -> str:
    details = {language.code: page_details(language.config) for language in languages(root)}
    lines = ["## What this pull request changes for patients", ""]
    pages = changed_pages(root, base)
    if pages:
        lines += ["| page | reading level before | after |", "|---|--:|--:|"]
        for page, language in pages:
            text = (root / page).read_text(encoding="utf-8")
            clinic = details_of_page(root, str(page).removeprefix("docs/"), text, details[language.code])
            after = reading_of(text, clinic, language)
            lines.append(f"| `{page}` | {reading_at(root, base, page, clinic, language)} | {after} |")
    else:
        lines.append("No page of the guide changes.")
    problems = check_site(root)
    for severity, heading in ((Severity.ERROR, "Content check: errors (fix these before merging)"),
                              (Severity.WARNING, "Content check: warnings"),
                              (Severity.NOTE, "Notes (nothing to fix): new addresses for the URL contract, and "
                                              "pages awaiting a medical sign-off with the lines that record one")):
        found = [problem for problem in problems if problem.severity is severity]
        if found:
            lines += ["", f"### {heading}", ""] + [f"- `{problem.path}{f':{problem.line}' if problem.line else ''}`: "
                                                   f"{problem.message}" for problem in found]
    if not any(problem.severity is Severity.ERROR for problem in problems):
        lines += ["", "The content check passed."]
    run = [os.environ.get(name, "") for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_RUN_ID")]
    if all(run):
        lines += ["", f"Screenshots of every page (phone and desktop, light and dark): the `screenshots` artifact of "
                      f"[this run]({run[0]}/{run[1]}/actions/runs/{run[2]})."]
    packets = clinical_packets(root, pages)
    if packets and all(run):
        lines += ["", "Review packets for the medical reviewer (each changed clinical page printed as a draft with its "
                      "packet id, what changed since its last sign-off word by word, its translation, sources, clinic "
                      f"answers and the sign-off sheet): the `review-packets` artifact of [this run]({run[0]}/{run[1]}"
                      f"/actions/runs/{run[2]}), or `make packets PAGES=\"{' '.join(packets)}\"`."]
        lines += [f"- `{page}`: packet `{packet}`" for page, packet in packets.items()]
    day = today(extra_settings(root / "mkdocs.yml").get("timezone"))
    lines += ["", readiness(root, day, problems).markdown().rstrip("\n")]
    return "\n".join(lines) + "\n"


def clinical_packets(root: Path, pages: list[tuple[str, Language]]) -> dict[str, str]:
    """The changed pages that get a review packet (those with medical content), with their packet ids."""
    record = review_record(root)
    day = today(extra_settings(root / "mkdocs.yml").get("timezone"))
    reviews = {page: page_review(root, root / page, day, record) for page, _ in pages}
    return {page: review.version for page, review in reviews.items() if review.state is not ReviewState.NOT_CLINICAL}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="origin/main", help="the branch the pull request goes into")
    args = parser.parse_args()
    print(summary(project_root(), args.base))
    return 0


if __name__ == "__main__":
    sys.exit(main())
