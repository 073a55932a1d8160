"""What git remembers of the review: the newest version of a page file that is the version a clinician signed (a
changed page is published at it until the change is signed), and the review log as the base branch has it (the
log only grows). Without the history (not a git checkout, or a shallow clone) neither can be found."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.site.page_version import FileReader, version_of, working_tree
from scripts.site.review_log import LOG_FILE


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)


def history_available(root: Path) -> bool:
    """True in a git checkout with its full history (a shallow clone cannot show earlier versions)."""
    result = _git(root, "rev-parse", "--is-shallow-repository")
    return result.returncode == 0 and result.stdout.strip() == "false"


def _path_in_repository(root: Path, file: Path) -> str | None:
    found = _git(root, "ls-files", "--full-name", "--error-unmatch", "--", str(file.resolve()))
    if found.returncode == 0 and found.stdout.strip():
        return found.stdout.strip()
    top = _git(root, "rev-parse", "--show-toplevel").stdout.strip()
    return file.resolve().relative_to(Path(top).resolve()).as_posix() if top else None


def _texts_in_history(root: Path, file: Path) -> list[str]:
    """The file's committed texts, newest first (none without the history)."""
    if not history_available(root):
        return []
    path = _path_in_repository(root, file)
    if path is None:
        return []
    commits = _git(root, "log", "--format=%H", "--", f":(top){path}").stdout.split()
    shown = (_git(root, "show", f"{commit}:{path}") for commit in commits)
    return [result.stdout for result in shown if result.returncode == 0]


def signed_text(root: Path, page: Path, version: str) -> str | None:
    """The newest committed text of the page file whose version, with today's includes and sources, is `version`;
    None when no commit of the file gives it (the change was in an include or a source, or was committed together
    with the sign-off), or when git cannot tell."""
    read = working_tree(root)
    for text in _texts_in_history(root, page):
        try:
            if version_of(text, read) == version:
                return text
        except yaml.YAMLError:
            continue
    return None


def commit_reader(root: Path, commit: str) -> FileReader:
    """A project file's text as `commit` has it (None where the commit has no such file)."""
    def read(path: str) -> str | None:
        shown = _git(root, "show", f"{commit}:./{path}")  # ./: the path is the project's, wherever git's top is
        return shown.stdout if shown.returncode == 0 else None
    return read


def signing_commit(root: Path, version: str) -> str | None:
    """The commit that first wrote `version` into the review log: the sign-off's commit, which holds the page as it
    was signed, with its includes and sources (None without the history, or before the sign-off is committed)."""
    if not version or not history_available(root):
        return None
    path = _path_in_repository(root, root / LOG_FILE)
    found = _git(root, "log", "--reverse", "--format=%H", "-S", version, "--", f":(top){path}") if path else None
    return found.stdout.split()[0] if found and found.returncode == 0 and found.stdout.split() else None


def signed_page(root: Path, page: Path, version: str, logged_file: str = "") -> tuple[str, FileReader] | None:
    """The text of the page as signed at `version`, and a reader of the project files (includes, sources) as they
    were then: the newest commit of the page with that version (`signed_text`), else the file the log entry names
    (`logged_file`, where the page was then) in the sign-off's own commit; None when git has neither."""
    text = signed_text(root, page, version)
    if text is not None:
        return text, working_tree(root)
    commit = signing_commit(root, version)
    if commit is None:
        return None
    read = commit_reader(root, commit)
    shown = read(logged_file or page.resolve().relative_to(root.resolve()).as_posix())
    return (shown, read) if shown is not None else None


@dataclass(frozen=True)
class BaseLog:
    name: str  # how messages name the base, e.g. "origin/main (3f5fedc)"
    text: str


def log_at_base(root: Path) -> BaseLog | None:
    """The review log as the base branch has it, where the change being checked started from it: the pull
    request's base (GITHUB_BASE_REF) or origin/main; without either, the last commit (so an edit not yet committed
    is still caught). None outside git, or where the base has no log yet."""
    if _git(root, "rev-parse", "--git-dir").returncode != 0:
        return None
    path = _path_in_repository(root, root / LOG_FILE)
    for branch in (os.environ.get("GITHUB_BASE_REF", ""), "main"):
        if branch:
            base = _git(root, "merge-base", "HEAD", f"origin/{branch}").stdout.strip()
            if base:
                break
    else:
        base = _git(root, "rev-parse", "HEAD").stdout.strip()
    if not base or path is None:
        return None
    shown = _git(root, "show", f"{base}:{path}")
    return BaseLog(f"{base[:8]}", shown.stdout) if shown.returncode == 0 else None
