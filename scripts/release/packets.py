"""`make packets`: for each clinical page awaiting sign-off (never signed, changed since its sign-off, or overdue),
or for the pages named, a review packet that a clinician reads on paper or on screen, in review-packets/:

- `<page>-<packet id>.pdf`: the page as patients print it, marked as a draft for review with its packet id, then
  what changed since the last sign-off (word by word), the translation beside its English version, the sources,
  the clinic's answers with both wordings, and the sign-off sheet last;
- `<page>-<packet id>.html`: the same parts in one self-contained file, the page's text first.

The packet id is the page's version id: `make sign-off PAGE=… REVIEWER=… PACKET=…` records a sign-off only for the
packet of the page as it is.

    python -m scripts.release.packets [--pages docs/aftercare.md docs/es/cuidados-despues.md] [--out review-packets]
"""

from __future__ import annotations

import argparse
import html
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from scripts.project import project_root
from scripts.release.packet_content import Packet, gather
from scripts.release.packet_document import packet_html
from scripts.release.packet_print import PrintingError, draft_site, join_pdfs, needed_tools, printer
from scripts.site.dates import today
from scripts.site.languages import languages
from scripts.site.review import ReviewRecord, ReviewState, page_review, review_record
from scripts.site.settings import extra_settings

OUT = Path("review-packets")
NEEDS_SIGN_OFF = (ReviewState.AWAITING, ReviewState.CHANGED, ReviewState.OVERDUE)


def awaiting_pages(root: Path, day: date, record: ReviewRecord) -> list[Path]:
    """Every clinical page of every language whose review is awaited, changed or overdue."""
    return [page for language in languages(root) for page in language.pages
            if page_review(root, page, day, record).state in NEEDS_SIGN_OFF]


def named_pages(root: Path, names: list[str], day: date, record: ReviewRecord) -> tuple[list[Path], list[str]]:
    """The named files that are clinical pages (as paths from the project's folder or the working folder), and a
    note for each other name, which gets no packet (a file outside the pages, or a page with no medical content)."""
    every = {page.resolve() for language in languages(root) for page in language.pages}
    pages, notes = [], []
    for name in names:
        found = next((candidate.resolve() for candidate in (Path(name), root / name) if candidate.is_file()), None)
        if found not in every:
            notes.append(f"{name}: not a page of the guide, so no packet")
        elif page_review(root, found, day, record).state is ReviewState.NOT_CLINICAL:
            notes.append(f"{name}: not clinical, so no medical review and no packet")
        elif found not in pages:
            pages.append(found)
    return pages, notes


def index_html(packets: list[Packet]) -> str:
    """A list of the packets written, for whoever opens the folder (or the pull request's artifact)."""
    rows = "".join(f'<li><a href="{html.escape(packet.name)}.pdf">{html.escape(packet.file)}</a> '
                   f"({html.escape(packet.language)}), packet {packet.packet_id}, {packet.review.state.value} "
                   f'(<a href="{html.escape(packet.name)}.html">HTML</a>)</li>' for packet in packets)
    return ('<!doctype html><html lang="en"><meta charset="utf-8"><title>Review packets</title>'
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">'
            "<style>body{font:16px/1.5 sans-serif;margin:2rem}</style><h1>Review packets</h1>"
            f"<ul>{rows}</ul></html>\n")


def make_packets(root: Path, pages: list[Path], out: Path, day: date, record: ReviewRecord | None = None,
                 browser: Any = None) -> list[Packet]:
    """Write the packets of `pages` into `out` (one build of the site, one browser: `browser`, a Playwright
    Chromium, or Debian's Chromium started for them); returns them."""
    record = record or review_record(root)
    packets = [gather(root, page, day, record) for page in pages]
    out.mkdir(parents=True, exist_ok=True)
    for packet in packets:
        (out / f"{packet.name}.html").write_text(packet_html(packet, with_page=True), encoding="utf-8")
    with draft_site(root) as url, printer(url, browser) as printing, \
            tempfile.TemporaryDirectory(prefix="packets-") as folder:
        for packet in packets:
            page_pdf, parts_pdf = Path(folder) / f"{packet.name}-page.pdf", Path(folder) / f"{packet.name}-parts.pdf"
            printing.print_page(packet.url_path, page_pdf)
            printing.print_document(packet_html(packet, with_page=False), parts_pdf,
                                    html.escape(f"Review packet {packet.packet_id}, {packet.file}, sheet"))
            join_pdfs([page_pdf, parts_pdf], out / f"{packet.name}.pdf")
    (out / "index.html").write_text(index_html(packets), encoding="utf-8")
    return packets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", nargs="*", default=None,
                        help="page files (default: every clinical page awaiting sign-off, changed or overdue)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"the folder for the packets (default: {OUT}/)")
    args = parser.parse_args(argv)
    root = project_root()
    missing = needed_tools()
    if missing:
        print(f"Printing packets needs Debian's {' and '.join(missing)}: run make browser.", file=sys.stderr)
        return 1
    day = today(extra_settings(root / "mkdocs.yml").get("timezone"))
    record = review_record(root)
    names = [name for entry in args.pages or [] for name in entry.split()]  # PAGES="a b" may arrive as one
    pages, notes = named_pages(root, names, day, record) if args.pages is not None else (
        awaiting_pages(root, day, record), [])
    for note in notes:
        print(f"Note: {note}.", file=sys.stderr)
    if not pages:
        print("No clinical page needs a packet: nothing written.")
        return 0
    started = time.monotonic()
    out = args.out if args.out.is_absolute() else root / args.out
    try:
        packets = make_packets(root, pages, out, day, record)
    except subprocess.CalledProcessError:
        print("The site did not build, so no packet was printed: fix the errors above (make check).", file=sys.stderr)
        return 1
    except PrintingError as error:
        print(f"Not printed: {error}", file=sys.stderr)
        return 1
    shown = out.relative_to(root) if out.is_relative_to(root) else out
    for packet in packets:
        print(f"{packet.file}: packet {packet.packet_id} ({packet.review.state.value}) -> {shown}/{packet.name}.pdf "
              "and .html")
    print(f"{len(packets)} packet(s) in {time.monotonic() - started:.0f} s; open {shown}/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
