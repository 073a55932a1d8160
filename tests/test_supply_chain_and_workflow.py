"""Dependencies install only from the locks (hashes, no install scripts), the locks hold no machine paths or
hosts, and CI tests every pull request and publishes main daily through the review gate in Debian 12."""

from __future__ import annotations

import json
import re

import yaml

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def test_every_python_package_is_pinned_with_hashes_and_installed_with_require_hashes() -> None:
    lock = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    packages = re.findall(r"^([a-z0-9][\w.-]*)==([\w.]+) \\$", lock, re.M)
    assert len(packages) > 40
    blocks = re.split(r"^(?=[a-z0-9][\w.-]*==)", lock, flags=re.M)[1:]
    assert all("--hash=sha256:" in block for block in blocks)
    assert dict(packages)["mkdocs"] == "1.6.1" and dict(packages)["mkdocs-material"] == "9.8.2"
    assert dict(packages)["mkdocs-redirects"] == "1.2.2"
    assert "--require-hashes" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_npm_packages_come_from_the_lock_without_install_scripts_or_download_addresses() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "npm ci --ignore-scripts" in makefile
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert not [name for name, entry in lock["packages"].items() if "resolved" in entry]
    assert "omit-lockfile-registry-resolved=true" in (ROOT / ".npmrc").read_text(encoding="utf-8")


def test_no_lock_file_records_a_path_or_host_of_this_machine() -> None:
    for name in ("requirements.txt", "package-lock.json"):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert not re.search(r"file://|/opt/|/root/|/work/|--index-url|--extra-index-url|--find-links|registry\.",
                             text), name


def test_ci_tests_pull_requests_and_publishes_daily_through_the_gate_in_debian() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML reads the key `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    assert triggers["schedule"][0]["cron"].split()[2:] == ["*", "*", "*"]
    jobs = workflow["jobs"]
    assert all(job["container"] in {"python:3.11-bookworm", "debian:12"} for job in jobs.values())
    assert any(step.get("run") == "make test" for step in jobs["test"]["steps"])
    assert any(step.get("run") == "make publish" for step in jobs["deploy"]["steps"])
    uses = [step["uses"] for job in jobs.values() for step in job["steps"] if "uses" in step]
    assert uses and all(re.fullmatch(r"[\w-]+/[\w-]+@v\d+", action) for action in uses)


def test_ci_runs_exactly_the_readmes_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test    # run every test" in readme
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1] == "make test"


def test_tests_are_selected_in_one_place() -> None:
    """make test-fast, the workflow and CI choose tests only through the conftest's --fast option, so a green
    `make test-fast` means the same on a laptop and on a pull request."""
    for name in ("Makefile", ".github/workflows/site.yml", ".ci/run"):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert not re.search(r"(^|\s)-m\s+[\"']|PYTEST_ADDOPTS|--deselect", text), f"{name} selects tests itself"
    fast = re.search(r"^test-fast:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert fast and "pytest" in fast.group(1) and "--fast" in fast.group(1)
