"""A review packet as one self-contained HTML document (the template scripts/release/packet.html)."""

from __future__ import annotations

import functools
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from scripts.release.packet_content import Packet
from scripts.release.packet_diff import ADDED, BREAK, REMOVED, Piece

TEMPLATE = "packet.html"


def marked_html(pieces: tuple[Piece, ...]) -> Markup:
    """Changed words as HTML that says them in words too: <del>[- … -]</del> and <ins>[+ … +]</ins>."""
    shown = []
    for piece in pieces:
        text = Markup("<br>").join(escape(line) for line in piece.text.split(BREAK))
        if piece.kind == REMOVED:
            text = Markup("<del>[- {} -]</del>").format(text)
        elif piece.kind == ADDED:
            text = Markup("<ins>[+ {} +]</ins>").format(text)
        shown.append(text)
    return Markup(" ").join(shown)


@functools.cache
def _environment() -> Environment:
    environment = Environment(loader=FileSystemLoader(Path(__file__).parent), autoescape=select_autoescape(["html"]),
                              trim_blocks=True, lstrip_blocks=True)
    environment.filters["marked"] = marked_html
    return environment


def packet_html(packet: Packet, with_page: bool) -> str:
    """The packet's parts as HTML; `with_page` adds the page's own text as part 1 (the HTML file), where the PDF
    starts with the page's printout instead."""
    return _environment().get_template(TEMPLATE).render(p=packet, with_page=with_page)
