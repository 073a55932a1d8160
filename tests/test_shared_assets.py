"""Every language loads Material's files from one copy at the root: a translation's own copy is removed after the
build and its pages point at the root's (scripts/release/shared_assets.py)."""

from __future__ import annotations

from pathlib import Path

from scripts.release.shared_assets import share_assets
from scripts.site.languages import languages
from tests.conftest import ROOT

# A Spanish page as MkDocs writes it into site/es/<page>/: Material's files from es/assets/, addressed relatively (its
# JSON configuration names the search worker), our stylesheet already from the root, its own preview image.
PAGE = ('<link rel="stylesheet" href="../../assets/css/site.css">'
        '<meta property="og:image" content="https://clinic.example/es/assets/images/preview.png">'
        '<img src="../assets/images/preview.png">'
        '<script id="__config" type="application/json">{"search": "../assets/javascripts/worker.js"}</script>'
        '<script src="../assets/javascripts/bundle.js?v=1"></script>')


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_translations_copy_of_a_root_file_goes_and_its_pages_point_at_the_root(tmp_path: Path) -> None:
    for folder in ("", "es/"):
        write(tmp_path / folder / "assets/javascripts/bundle.js", "bundle")
        write(tmp_path / folder / "assets/javascripts/worker.js", "worker")
    write(tmp_path / "assets/images/preview.png", "English preview")
    write(tmp_path / "es/assets/images/preview.png", "Spanish preview")  # differs: each language keeps its own
    write(tmp_path / "es/que-es/index.html", PAGE)
    write(tmp_path / "es/404.html", '<script src="/es/assets/javascripts/bundle.js"></script>')

    removed = share_assets(tmp_path, ["", "es/"])

    assert removed == ["es/assets/javascripts/bundle.js", "es/assets/javascripts/worker.js"]
    assert not (tmp_path / "es/assets/javascripts").exists()
    assert (tmp_path / "es/assets/images/preview.png").read_text(encoding="utf-8") == "Spanish preview"
    assert (tmp_path / "es/que-es/index.html").read_text(encoding="utf-8") == (
        PAGE.replace('"../assets/javascripts/', '"../../assets/javascripts/'))
    assert (tmp_path / "es/404.html").read_text(encoding="utf-8") == \
        '<script src="/assets/javascripts/bundle.js"></script>'


def test_the_built_translations_hold_no_copy_of_a_file_the_root_has(built_site: Path) -> None:
    """Broken addresses are tests/test_site_links.py's to find; here: no second copy is left to download."""
    copies = []
    for language in languages(ROOT):
        folder = built_site / language.prefix / "assets"
        if not language.prefix or not folder.is_dir():
            continue
        for copy in folder.rglob("*"):
            original = built_site / "assets" / copy.relative_to(folder)
            if copy.is_file() and original.is_file() and original.read_bytes() == copy.read_bytes():
                copies.append(copy.relative_to(built_site).as_posix())
    assert not copies, f"a translation's own copy of the root's files: {copies}"
    assert any(language.prefix for language in languages(ROOT)), "no translation to check"
