"""Every internal link and #anchor in the built HTML leads somewhere, including template-made ones."""

from __future__ import annotations

from pathlib import Path

from scripts.built_site import broken_links


def test_every_internal_link_and_anchor_in_the_built_site_resolves(built_site: Path, site_port: int) -> None:
    # With the address the site was built for, absolute links (canonical, og:url) are checked too.
    assert broken_links(built_site, f"http://127.0.0.1:{site_port}/") == []


def test_the_crawler_reports_a_missing_page_and_a_missing_anchor(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2><a href="../b/">b</a><a href="#gone">g</a>'
                                               '<a href="#here">h</a><a href="https://example.org/">e</a>')
    assert broken_links(tmp_path) == ["/a/index.html: ../b/ (no such file b/index.html)",
                                      "/a/index.html: #gone (no #gone on that page)"]
