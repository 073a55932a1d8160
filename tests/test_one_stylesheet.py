"""Each page links one stylesheet holding Material's trimmed one, brand.css and site.css in their order
(scripts/release/one_stylesheet.py); what it looks like is tests/test_trimmed_styles.py's."""

from __future__ import annotations

from pathlib import Path

from scripts.release.one_stylesheet import join_stylesheets
from tests.test_shared_assets import write

LINKS = ('<link rel="stylesheet" href="{0}assets/stylesheets/main.1.min.css">\n'
         '<link rel="stylesheet" href="{0}assets/css/brand.css">\n'
         '<link rel="stylesheet" href="{0}assets/css/site.css">\n')


def test_pages_at_any_depth_link_one_file_with_the_three_in_order(tmp_path: Path) -> None:
    write(tmp_path / "assets/stylesheets/main.1.min.css", "a{b:c}\n")
    write(tmp_path / "assets/css/brand.css", ":root{--brand:red}\n")
    write(tmp_path / "assets/css/site.css", "p{color:var(--brand)}\n")
    write(tmp_path / "index.html", "<head>" + LINKS.format("") + "<title>t</title></head>")
    write(tmp_path / "es/que-es/index.html", "<head>" + LINKS.format("../../") + "</head>")
    write(tmp_path / "404.html", "<head>" + LINKS.format("/") + "</head>")
    other = ('<link rel="stylesheet" href="https://cdn.example/x.css">\n'
             '<link rel="stylesheet" href="assets/css/site.css">\n')
    write(tmp_path / "elsewhere.html", other)

    [written] = join_stylesheets(tmp_path)

    assert (tmp_path / written).read_text(encoding="utf-8") == "a{b:c}\n:root{--brand:red}\np{color:var(--brand)}\n"
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == \
        f'<head><link rel="stylesheet" href="{written}">\n<title>t</title></head>'
    assert f'href="../../{written}"' in (tmp_path / "es/que-es/index.html").read_text(encoding="utf-8")
    assert f'href="/{written}"' in (tmp_path / "404.html").read_text(encoding="utf-8")
    assert (tmp_path / "elsewhere.html").read_text(encoding="utf-8") == other, "a page linking another host's file"
    assert (tmp_path / "assets/css/site.css").is_file(), "our files stay for whatever links them directly"
