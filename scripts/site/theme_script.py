"""The address of the theme's script bundle, which pages load only when first needed (overrides/partials/
material-on-demand.html): its name carries a hash that changes with every upgrade of the theme."""

from __future__ import annotations

from collections.abc import Iterable
from fnmatch import fnmatch

BUNDLE = "assets/javascripts/bundle.*.min.js"


def theme_script(paths: Iterable[str]) -> str:
    """The one site file (of `paths`, relative to the site) that is the theme's script bundle."""
    found = sorted(path for path in paths if fnmatch(path, BUNDLE))
    if len(found) != 1:
        raise ValueError(f"expected one theme script matching {BUNDLE}, found {found or 'none'}: "
                         "has the theme changed how it names its script?")
    return found[0]
