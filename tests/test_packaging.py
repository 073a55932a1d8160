"""The project's Python is an installed package: plain `mkdocs build` works in the environment without
PYTHONPATH, and no other installed distribution provides a package of the same name."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from tests.conftest import ROOT


def test_plain_mkdocs_build_works_without_pythonpath(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    result = subprocess.run([str(mkdocs), "build", "--strict", "--site-dir", str(tmp_path / "site")], cwd=ROOT,
                            env={**env, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "aftercare" / "index.html").is_file()


def test_no_other_installed_distribution_provides_a_scripts_package() -> None:
    others = sorted(
        distribution.metadata["Name"] for distribution in metadata.distributions()
        if distribution.metadata["Name"] != "microneedling-guide"
        and any(str(file).startswith("scripts/") and str(file).endswith(".py") for file in distribution.files or [])
    )
    assert not others, f"these installed packages also provide a 'scripts' package: {others}"
    import scripts

    assert Path(scripts.__file__).resolve().parent == ROOT / "scripts"
