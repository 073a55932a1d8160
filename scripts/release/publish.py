"""Publish the site: check everything, build into a new folder beside the published one, and swap it in
only when the build and every check passed. Refuses unreviewed medical content unless asked for a preview.

    SITE_URL=https://www.example-clinic.com/ python -m scripts.release.publish [--site-dir public] [--preview]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

import yaml

from scripts.content.check import check_site
from scripts.content.links import INLINE
from scripts.problems import Severity
from scripts.project import project_root
from scripts.release.build import LOCAL_SITE_URL, build_and_swap, copy_project, last_commit_epoch
from scripts.release.review_gate import review_gate
from scripts.site.dates import today
from scripts.site.languages import languages
from scripts.site.treatments import SHOW_DRAFTS, WITHHELD, language_treatments, page_treatment

ROOT = project_root()


class PublishRefusedError(Exception):
    pass


def site_url_problem(site_url: str) -> str | None:
    """Why this SITE_URL cannot be published to, or None."""
    parsed = urlparse(site_url)
    if not site_url or site_url == LOCAL_SITE_URL:
        where = "set to the local preview address" if site_url else "not set"
        return (f"SITE_URL is {where}: publishing needs the site's real address, e.g. "
                "SITE_URL=https://www.example-clinic.com/ make publish")
    if parsed.scheme != "https" or not parsed.netloc or parsed.hostname in {"127.0.0.1", "localhost"}:
        return f"SITE_URL is '{site_url}': it must be the site's public https:// address"
    if not site_url.endswith("/"):
        return f"SITE_URL is '{site_url}': end it with a slash, e.g. {site_url}/"
    return None


def site_address(root: Path) -> str:
    """The address publishing uses: $SITE_URL, or else the `site_url` setting of mkdocs.yml as MkDocs reads it
    (a plain address, or the value of an `!ENV [VARIABLE, …, fallback]` tag: here the local preview address)."""
    if os.environ.get("SITE_URL"):
        return os.environ["SITE_URL"]
    try:
        settings = yaml.compose((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError):
        return ""
    values = settings.value if isinstance(settings, yaml.MappingNode) else []
    node = next((value for key, value in values if key.value == "site_url"), None)
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(node.value, "") if node.tag == "!ENV" else node.value
    if isinstance(node, yaml.SequenceNode) and node.tag == "!ENV" and node.value:
        items = [str(item.value) for item in node.value]
        variables, fallback = (items[:-1], items[-1]) if len(items) > 1 else (items, "")
        return next((os.environ[name] for name in variables if os.environ.get(name)), fallback)
    return ""


def publish(site_dir: Path, site_url: str, preview: bool, root: Path = ROOT) -> list[str]:
    """Publish into `site_dir`; returns the warnings to show. Raises PublishRefusedError saying why not."""
    problem = site_url_problem(site_url)
    if problem:
        raise PublishRefusedError(problem)
    errors = [str(p) for p in check_site(root) if p.severity is Severity.ERROR]
    if errors:
        raise PublishRefusedError("the content check found errors (run `make check`):\n" + "\n".join(errors))
    warnings = []
    gate = review_gate(root, today())
    ready = [key for key, each in language_treatments(root / "mkdocs.yml").items() if each.ready]
    # One treatment never blocks another: a treatment with a page that blocks is held back, the others publish. A
    # blocking page of no treatment (a shared page), or every treatment held back, leaves nothing safe to publish.
    if gate.blocking and not preview and (gate.shared_blocking or set(ready) <= set(gate.withheld)):
        raise PublishRefusedError("these clinical pages have no valid medical sign-off, so the site is not "
                                  "published:\n" + gate.report() + "\nAsk the medical team to review and sign "
                                  "them (README, \"Medical sign-off\"), or publish a clearly labelled preview "
                                  "with `make publish PREVIEW=1`.")
    withheld = {} if preview else gate.withheld
    if linking := links_into(root, set(withheld)):
        raise PublishRefusedError(
            "these pages link to the pages of " + ", ".join(withheld.values()) + ", which has a page without a "
            "valid medical sign-off and so is held back: publishing it without them would leave dead links. Sign "
            "its pages (README, \"Medical sign-off\"), or link to it only from its own pages:\n" + "\n".join(linking)
            + "\n" + gate.report())
    if withheld:
        warnings.append("NOT PUBLISHED: " + ", ".join(withheld.values()) + " (every page of it is left out, with "
                        "its menu section, until each of its clinical pages has a valid medical sign-off; the other "
                        "treatments are published):\n" + gate.report())
    elif gate.blocking:
        warnings.append("WARNING: PUBLISHING UNREVIEWED MEDICAL CONTENT (preview). These pages have no valid "
                        "medical sign-off:\n" + gate.report())
    warnings += gate.notes
    # Never a draft, whatever this shell's environment says (make serve and make build show them).
    environment = {"SITE_URL": site_url, SHOW_DRAFTS: "0", **({"SITE_NOINDEX": "1"} if preview else {}),
                   **({WITHHELD: ",".join(withheld)} if withheld else {})}
    # The build decides each page's review state from the log and the page's version (no git needed), so the
    # changed pages, put back at their signed text here, show their sign-off exactly as the gate decided.
    try:
        with tempfile.TemporaryDirectory() as scratch:
            source = copy_project(root, Path(scratch) / "project")
            for page, text in gate.signed_texts.items():
                (source / page).write_text(text, encoding="utf-8")
            epoch = last_commit_epoch(root)
            build_and_swap(site_dir, source, {**environment, **({"SOURCE_DATE_EPOCH": epoch} if epoch else {})})
    except subprocess.CalledProcessError as error:
        raise PublishRefusedError(f"the build failed, so {site_dir} was left as it was") from error
    return warnings


def links_into(root: Path, held: set[str]) -> list[str]:
    """'docs/page.md: links to docs/other.md' for each link from a page that will be published to a page of a
    held-back treatment (it would be a dead link, and the strict build would stop on it)."""
    found = []
    for language in languages(root):
        treatments = language_treatments(language.config)
        of = {page.resolve(): page_treatment(language.docs, page, treatments) for page in language.pages}
        for page, own in of.items():
            if own in held:
                continue
            for match in INLINE.finditer(page.read_text(encoding="utf-8")):
                target = (page.parent / match.group("target").split("#", 1)[0]).resolve()
                if target != page and of.get(target, own) in held:
                    found.append(f"{page.relative_to(root.resolve()).as_posix()}: links to "
                                 f"{target.relative_to(root.resolve()).as_posix()}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site-dir", type=Path, default=ROOT / "public")
    parser.add_argument("--preview", action="store_true", help="publish even if pages await medical review")
    args = parser.parse_args()
    try:
        warnings = publish(args.site_dir, site_address(ROOT), args.preview)
    except PublishRefusedError as refusal:
        print(f"Not published: {refusal}", file=sys.stderr)
        return 1
    for warning in warnings:
        print("\n" + "!" * 72 + "\n" + warning + "\n" + "!" * 72 + "\n", file=sys.stderr)
    print(f"Published the site into {args.site_dir}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
