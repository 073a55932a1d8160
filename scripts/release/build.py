"""Build the site into a fresh folder and swap it into place only if the build succeeded.

A failed strict MkDocs build still writes a whole site/, so building in place could publish a broken site.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.project import project_root
from scripts.release.post_build import finish_site
from scripts.site.languages import languages
from scripts.site.treatments import SHOW_DRAFTS


def last_commit_epoch(root: Path) -> str | None:
    """The last commit's time, so the sitemap's dates (and so the output) do not change with the clock; None
    outside a git checkout (or where git refuses the folder), and then the build uses today's date."""
    result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True)
    epoch = result.stdout.strip()
    if not epoch:
        print(f"Note: no git commit date ({result.stderr.strip() or 'not a git checkout'}); the sitemap uses "
              "today's date.", file=sys.stderr)
    return epoch or None


PROJECT_PARTS = ("docs", "overrides", "scripts", "data", "pyproject.toml")  # and every language's settings file
LOCAL_SITE_URL = "http://127.0.0.1:8000/"  # the address mkdocs.yml falls back to


def copy_project(root: Path, destination: Path) -> Path:
    """Our sources (not the venv or any build output), to build a variant of the site."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in (*PROJECT_PARTS, *(language.config.name for language in languages(root))):
        source = root / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, destination / name)
    return destination


def run_mkdocs(root: Path, destination: Path, extra_env: dict[str, str] | None = None, strict: bool = True,
               capture: bool = False, config: str = "mkdocs.yml") -> subprocess.CompletedProcess[str]:
    """`python -m mkdocs build` of the project at `root` into `destination`, with the project's own code first
    on the path (so a copy of the project builds with its own code) and the sitemap dated by the last commit.

    Not `--quiet`: MkDocs 1.6 then stops counting warnings, and strict mode would let a broken link through.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    if not env.get("SOURCE_DATE_EPOCH"):
        env.pop("SOURCE_DATE_EPOCH", None)
        if epoch := last_commit_epoch(root):
            env["SOURCE_DATE_EPOCH"] = epoch
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(root), env.get("PYTHONPATH", "")) if p)
    command = [sys.executable, "-m", "mkdocs", "build", "--config-file", config, "--site-dir", str(destination),
               *(["--strict"] * strict)]
    return subprocess.run(command, cwd=root, env=env, capture_output=capture, text=True)


def build_languages(destination: Path, root: Path, extra_env: dict[str, str] | None = None,
                    capture: bool = False) -> None:
    """Build every language with MkDocs (strict) into `destination`: English at its root, each translation in
    its own folder. Raise CalledProcessError on failure (with MkDocs' output in it when `capture`)."""
    run_mkdocs(root, destination, extra_env, capture=capture).check_returncode()
    site_url = (extra_env or {}).get("SITE_URL") or os.environ.get("SITE_URL") or LOCAL_SITE_URL
    for language in languages(root)[1:]:
        run_mkdocs(root, destination / language.code, {**(extra_env or {}), "SITE_URL": site_url + language.prefix},
                   capture=capture, config=language.config.name).check_returncode()


def build_into(destination: Path, root: Path, extra_env: dict[str, str] | None = None) -> None:
    """Build every language with MkDocs (strict) into `destination` (English at its root, each translation in
    its own folder), then add what hosts need beside the pages; raise CalledProcessError on failure."""
    build_languages(destination, root, extra_env)
    env = {**os.environ, **(extra_env or {})}
    finish_site(destination, root / "mkdocs.yml", noindex=env.get("SITE_NOINDEX") == "1", environment=env)


def build_and_swap(target: Path, root: Path, extra_env: dict[str, str] | None = None) -> None:
    """Replace `target` with a new build, leaving it untouched if the build fails."""
    target = target.resolve()
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    try:
        build_into(staging, root, extra_env)
    except subprocess.CalledProcessError:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    retired = target.with_name(f".{target.name}-old")
    shutil.rmtree(retired, ignore_errors=True)
    if target.exists():
        target.rename(retired)
    # mkdtemp makes the folder private to its owner; a web server's own user must be able to read it.
    staging.chmod(0o755)
    staging.rename(target)
    shutil.rmtree(retired, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    args = parser.parse_args()
    root = project_root()
    try:
        # Shows draft treatments, marked DRAFT (a pull request's build is where they are read); make publish never.
        build_and_swap(root / args.site_dir if not args.site_dir.is_absolute() else args.site_dir, root,
                       {SHOW_DRAFTS: "1"})
    except subprocess.CalledProcessError:
        print(f"The build failed, so {args.site_dir}/ was left as it was. Fix the errors above.", file=sys.stderr)
        return 1
    print(f"Built the site into {args.site_dir}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
