"""A clone with nothing beside it passes its tests: the tests that compare pages with the team's reference material
skip, saying why, where that folder is absent, and fail where CI requires it (REQUIRE_SOURCE_MATERIAL=1)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REQUIRE_SOURCE_MATERIAL, ROOT


@pytest.fixture(scope="module")
def lone_clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's files (not its environment or build output), in a folder with no reference material beside it;
    without git, since this also runs in copies of the project that have none."""
    project = tmp_path_factory.mktemp("lone") / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "public",
                                                                 "screenshots", "bench-results", "__pycache__"))
    assert not (project.parent / "shared").exists()
    return project


def run_source_material_tests(project: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key != REQUIRE_SOURCE_MATERIAL}
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-n", "0", "-rs", "-q",
                           "-m", "source_material"], cwd=project, capture_output=True, text=True,
                          env={**environment, **env})


def test_without_the_reference_material_its_tests_skip_saying_why(lone_clone: Path) -> None:
    result = run_source_material_tests(lone_clone)
    assert result.returncode == 0, result.stdout[-3000:]
    assert " skipped" in result.stdout and " passed" not in result.stdout and " failed" not in result.stdout
    assert "reference material" in result.stdout and "CI runs this test" in result.stdout


def test_where_ci_requires_the_reference_material_a_missing_folder_fails(lone_clone: Path) -> None:
    result = run_source_material_tests(lone_clone, **{REQUIRE_SOURCE_MATERIAL: "1"})
    assert result.returncode == 1
    assert " skipped" not in result.stdout
    assert f"{REQUIRE_SOURCE_MATERIAL}=1 says it must be" in result.stdout
