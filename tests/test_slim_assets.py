"""The built site's CSS, JS and pages are written smaller without changing what they do."""

from __future__ import annotations

import subprocess

from scripts.release.slim_assets import without_comments, without_indentation
from tests.conftest import ROOT


def test_comments_go_and_rules_stay() -> None:
    css = "/* brand */\n:root {\n  --a: #fff; /* white */\n}\n\n\n.b { color: red; }\n"
    assert without_comments(css) == ":root {\n  --a: #fff;\n}\n.b { color: red; }\n"


def test_our_script_still_parses_without_its_comments(tmp_path) -> None:
    slim = tmp_path / "site.js"
    slim.write_text(without_comments((ROOT / "docs/assets/js/site.js").read_text(encoding="utf-8")), encoding="utf-8")
    assert "/*" not in slim.read_text(encoding="utf-8")
    result = subprocess.run(["node", "--check", str(slim)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_indentation_between_tags_goes_but_pre_and_scripts_stay_exactly() -> None:
    html = ("<ul>\n    <li>a</li>\n\n    <li><b>b</b> <i>c</i></li>\n</ul>\n"
            "<pre>\n  x\n</pre>\n<script>\n  var a;\n</script>")
    assert without_indentation(html) == ("<ul>\n<li>a</li>\n<li><b>b</b> <i>c</i></li>\n</ul>\n"
                                         "<pre>\n  x\n</pre>\n<script>\n  var a;\n</script>")


def test_the_built_site_ships_our_stylesheet_without_comments(built_site) -> None:
    css = (built_site / "assets/css/site.css").read_text(encoding="utf-8")
    assert "/*" not in css and "--brand-primary" in css
