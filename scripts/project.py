"""Where the project is: the folder of the `mkdocs.yml` that commands run from (a copy of the project is a
project too, so this never looks at where this code is installed)."""

from __future__ import annotations

from pathlib import Path

CONFIG_NAME = "mkdocs.yml"


def project_root(start: Path | None = None) -> Path:
    """The nearest folder at or above `start` (the working folder by default) that holds mkdocs.yml; the
    checkout this code is in when there is none."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    return Path(__file__).resolve().parent.parent
