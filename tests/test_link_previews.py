"""Links pasted into mail and chat apps preview well: every page has a description, a canonical address,
Open Graph and Twitter card tags with absolute URLs from site_url, and a branded 1200x630 image."""

from __future__ import annotations

import functools
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urlparse

from PIL import Image

from scripts.built_site import page_paths
from scripts.built_site import target_file as page_file
from scripts.release.preview_image import OUTPUT, PreviewText, missing_glyphs, preview_from_settings, preview_text
from scripts.site.addresses import page_url
from scripts.site.languages import language_of, languages
from scripts.site.treatments import language_treatments, page_treatment
from tests.conftest import ROOT

OPEN_GRAPH = ("og:title", "og:description", "og:url", "og:image", "og:type", "og:site_name")
ABSOLUTE = ("og:url", "og:image", "twitter:image", "canonical")
TRACKING = ("utm_", "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "igshid",
            "yclid", "twclid", "li_fat_id", "wbraid", "gbraid", "ttclid", "_ga", "_gl", "ref_src")


class _HeadParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: dict[str, str] = {}
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "meta" and (values.get("property") or values.get("name")):
            self.tags.setdefault(values.get("property") or values["name"], values.get("content", ""))
        elif tag == "link" and values.get("rel") == "canonical":
            self.tags["canonical"] = values.get("href", "")
        names = ("content",) if tag == "meta" else ("href", "src", "action")
        self.links += [values[name] for name in names if values.get(name)]


def parsed(site: Path, path: str) -> _HeadParser:
    parser = _HeadParser()
    parser.feed(page_file(site, "/" + path).read_text(encoding="utf-8"))
    return parser


def published(site: Path) -> list[str]:
    return [path for path in page_paths(site) if not path.endswith("404.html")]  # each language's 404 page


def site_url(site: Path) -> str:
    return parsed(site, "").tags["canonical"]


def test_the_preview_image_is_a_1200x630_png_under_60_kb(built_site: Path) -> None:
    with Image.open(built_site / OUTPUT) as image:
        assert (image.format, image.size) == ("PNG", (1200, 630))
    assert (built_site / OUTPUT).stat().st_size < 60_000


def test_the_built_preview_image_shows_the_current_clinic_details(built_site: Path) -> None:
    assert (built_site / OUTPUT).read_bytes() == preview_from_settings(ROOT / "mkdocs.yml")


def test_every_character_of_each_preview_image_has_a_glyph() -> None:
    """No "Gu▯a": the font draws every letter of each language's preview text (accents included)."""
    texts = {language.code: preview_text(language.config) for language in languages(ROOT)}
    assert {code: missing_glyphs(text) for code, text in texts.items() if missing_glyphs(text)} == {}


def test_a_character_the_font_lacks_is_reported() -> None:
    """The companion: characters the font has no glyph for are found, and the accented letters are not."""
    assert missing_glyphs(PreviewText("Clínica 一", "Guía", ("señal ¿qué?",), "\U0001d11e")) == ["一", "\U0001d11e"]


def test_every_page_has_a_description_canonical_open_graph_and_twitter_card(built_site: Path) -> None:
    base = site_url(built_site)
    problems = []
    for path in published(built_site):
        tags = parsed(built_site, path).tags
        expected = ("description", "canonical", *OPEN_GRAPH, "twitter:card", "twitter:image")
        problems += [f"/{path}: no {name}" for name in expected if not tags.get(name, "").strip()]
        problems += [f"/{path}: {name} is {tags[name]!r}, not an absolute URL under {base}"
                     for name in ABSOLUTE if tags.get(name) and not tags[name].startswith(base)]
        if tags.get("og:url") != tags.get("canonical") or tags.get("canonical") != base + path:
            problems.append(f"/{path}: og:url {tags.get('og:url')!r} and canonical {tags.get('canonical')!r} "
                            f"are not the page's address {base + path}")
    assert base.startswith("http://127.0.0.1:"), base
    assert not problems, "\n".join(problems)


@functools.cache
def _treatment_at(path: str) -> str | None:
    """The treatment of the page published at `path` (e.g. "es/riesgos/"), from its source."""
    for language in languages(ROOT):
        found = language_treatments(language.config)
        for page in language.pages:
            if page_url(language.key(page)).lstrip("/") == path:
                return page_treatment(language.docs, page, found)
    return None


@functools.cache
def _drawn(config: Path, treatment: str | None) -> bytes:
    return preview_from_settings(config, treatment)


def expected_preview(path: str) -> bytes:
    """The preview image a page's tags must name: its treatment's, in its language (or the site's)."""
    return _drawn(language_of(ROOT, path).config, _treatment_at(path))


def test_every_preview_image_url_resolves_to_the_image_in_the_built_site(built_site: Path) -> None:
    base = site_url(built_site)
    problems = []
    for path in published(built_site):
        tags = parsed(built_site, path).tags
        for name in ("og:image", "twitter:image"):
            target = built_site / tags.get(name, "").removeprefix(base)
            if not tags.get(name, "").startswith(base) or not target.is_file():
                problems.append(f"/{path}: {name} {tags.get(name)!r} is not a file of the built site")
            elif target.read_bytes() != expected_preview(path):
                problems.append(f"/{path}: {name} is not the preview image of its language and treatment")
    assert not problems, "\n".join(problems)


def tracking_parameters(url: str) -> list[str]:
    """The tracking parameters (utm_source, fbclid, gclid...) in a URL's query string or fragment."""
    parts = urlparse(url)
    names = [name for name, _ in parse_qsl(parts.query, keep_blank_values=True)]
    names += [name for name, _ in parse_qsl(parts.fragment, keep_blank_values=True) if "=" in parts.fragment]
    return [name for name in names if name.lower().startswith(TRACKING)]


def test_the_tracking_check_finds_tracking_parameters() -> None:
    assert tracking_parameters("https://example.com/?utm_source=mail&x=1") == ["utm_source"]
    assert tracking_parameters("https://example.com/a?fbclid=abc") == ["fbclid"]
    assert tracking_parameters("https://example.com/a?page=2#gclid=1") == ["gclid"]
    assert tracking_parameters("https://doi.org/10.1097/01.dss.0000790428.70373.f6") == []


def test_no_link_on_any_page_carries_tracking_parameters(built_site: Path) -> None:
    problems = []
    for path in [*published(built_site), "404.html", "es/404.html"]:
        for link in parsed(built_site, path).links:
            if found := tracking_parameters(link):
                problems.append(f"/{path}: {link} carries {', '.join(found)}")
    link_sheet = (built_site / "links.txt").read_text(encoding="utf-8")
    problems += [f"links.txt: {line}" for line in link_sheet.splitlines()
                 if tracking_parameters(line.rpartition(": ")[2])]
    assert not problems, "\n".join(problems)
