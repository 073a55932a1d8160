"""Whether a reviewed page changed after its review, from git: the review is the commit that recorded the
page's current `last_reviewed`; the page is stale when its text below the front matter differs from the text
at that commit. Without the history (not a git checkout, or a shallow clone) nobody can tell, and the page
counts as awaiting review."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.site.front_matter import load_front_matter, split_front_matter


@dataclass(frozen=True)
class ReviewedVersion:
    """The page as it was when its current review was recorded."""

    commit: str  # "" when the review is recorded in the working tree and not committed yet
    text: str
    changed_since: bool  # the page's text (below the front matter) changed after that commit


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)


def history_available(root: Path) -> bool:
    """True in a git checkout with its full history (a shallow clone cannot show when a page changed)."""
    result = _git(root, "rev-parse", "--is-shallow-repository")
    return result.returncode == 0 and result.stdout.strip() == "false"


def _review_of(text: str) -> tuple[str, str]:
    try:
        meta = load_front_matter(text)
    except yaml.YAMLError:
        return "", ""
    return str(meta.get("reviewed_by") or ""), str(meta.get("last_reviewed") or "")


def reviewed_version(root: Path, page: Path) -> ReviewedVersion | None:
    """The version of `page` that its current review covers, or None when git cannot tell."""
    if not history_available(root):
        return None
    current = page.read_text(encoding="utf-8")
    review = _review_of(current)
    path = page.resolve().relative_to(root.resolve()).as_posix()
    commits = _git(root, "log", "--format=%H", "--", path).stdout.split()
    reviewed, reviewed_text = "", current
    for commit in commits:  # newest first: walk back while the recorded review is the current one
        text = _git(root, "show", f"{commit}:{path}").stdout
        if _review_of(text) != review:
            break
        reviewed, reviewed_text = commit, text
    return ReviewedVersion(reviewed, reviewed_text,
                           split_front_matter(reviewed_text)[1] != split_front_matter(current)[1])


def translation_behind(root: Path, translation_of: str, translated_from: str,
                       published_english: str | None = None) -> bool | None:
    """Whether the English page `translation_of` (inside docs/) changed below its front matter after the commit
    `translated_from` that the translation records; None when git cannot tell (no history, unknown commit).
    `published_english`: the English text that will be published, when it is not the current one (a changed page
    is published at its reviewed version)."""
    if not history_available(root) or not translated_from:
        return None
    english = root / "docs" / translation_of
    then = _git(root, "show", f"{translated_from}:docs/{translation_of}")
    if then.returncode != 0 or not english.is_file():
        return None
    now = published_english if published_english is not None else english.read_text(encoding="utf-8")
    return split_front_matter(then.stdout)[1] != split_front_matter(now)[1]
