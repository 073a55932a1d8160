"""Every page of the built site is valid HTML according to the Nu Html Checker."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from tests.conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Material deliberately sets autocomplete="off" on its two toggle checkboxes (drawer and search), so that
# browsers do not restore them as ticked after a back navigation. The checker only allows the attribute
# on text-like inputs; this exact message on those two inputs is the only one we accept.
MATERIAL_TOGGLE_AUTOCOMPLETE = "Attribute “autocomplete” is only allowed when the input type is"
MATERIAL_TOGGLES = ('id="__drawer"', 'id="__search"')


def is_materials_deliberate_autocomplete(message: dict, site: Path) -> bool:
    if not message["message"].startswith(MATERIAL_TOGGLE_AUTOCOMPLETE):
        return False
    page = Path(message["url"].removeprefix("file:")).read_text(encoding="utf-8").splitlines()
    return any(toggle in page[message["lastLine"] - 1] for toggle in MATERIAL_TOGGLES)


def test_the_nu_html_checker_finds_no_error_on_any_page(built_site: Path) -> None:
    assert VNU.exists(), "vnu-jar is missing: run `npm ci` (make test does)"
    java = shutil.which("java")
    assert java, "Java is needed for the Nu Html Checker: apt-get install default-jre-headless"
    result = subprocess.run([java, "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json",
                             str(built_site)], capture_output=True, text=True)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [m for m in messages if not is_materials_deliberate_autocomplete(m, built_site)]
    report = [f"{m['url'].removeprefix('file:' + str(built_site))}:{m.get('lastLine')}: {m['message']}"
              for m in errors]
    assert not report, "\n".join(report)
    assert any(m["message"].startswith(MATERIAL_TOGGLE_AUTOCOMPLETE) for m in messages), \
        "the checker did not run on the pages (it always reports Material's toggles)"
