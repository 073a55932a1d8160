"""Start a new page: docs/<slug>.md with every front-matter field and the standard sections.

    python -m scripts.content.new_page "How long does redness last?"          # a clinical page
    python -m scripts.content.new_page "Parking at the clinic" --not-clinical  # no medical content
    python -m scripts.content.new_page "¿Cuánto dura el enrojecimiento?" --translates redness.md  # its Spanish page

The new page fails the content check until its description (and, for a clinical page, its sources) are
written: that is on purpose.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from markdown.extensions.toc import slugify

from scripts.content.code_owners import CODEOWNERS, with_rule
from scripts.site.front_matter import load_front_matter, split_front_matter
from scripts.site.languages import Language, language, languages
from scripts.site.page_version import page_version
from scripts.site.review import REVIEW_KEYS
from scripts.site.settings import SettingPath, load_settings, with_list_item
from scripts.site.treatments import language_treatments, treatment_of, treatment_section

CLINICAL_FIELDS = """\
sources: []
# Left empty until a clinician signs the page off: make sign-off fills them in, with the review log.
reviewed_by:
last_reviewed:
next_review:
reviewed_version:
"""

BODY = """\
## The short answer

<!-- Answer the question in the title in two or three short sentences. Use "you" and "we".
     Keep sentences to 20 words or fewer. Put the plain word first and the medical term after it
     in brackets, e.g. numbing cream (topical anesthetic). -->

## What you need to know

<!-- The details, in short paragraphs (three sentences at most) or a list. Each heading is a question
     a patient would ask, e.g. "## How long does it take?". Use ### under a ## heading, never skip a level. -->

## Questions?

Call us at [{{ clinic.phone }}]({{ clinic.phone_tel }}). We are happy to help.
"""


def slug(title: str) -> str:
    """The file name for a title: lowercase words joined by hyphens, e.g. how-long-does-redness-last."""
    return slugify(title, "-")


def page_text(title: str, clinical: bool = True) -> str:
    """The new page's Markdown: front matter with every field, then the standard sections."""
    front = [
        "---",
        *(["# The name this page's sign-offs are logged under: never change it, even when the page moves.",
           f"page_id: {slug(title)}"] if clinical else []),
        f"title: {json.dumps(title, ensure_ascii=False)}",
        "# One or two plain sentences for search results and link previews (160 characters at most).",
        "description: \"\"",
        f"clinical: {'true' if clinical else 'false'}",
        "# The highest school grade this page may read at: 8, or 6 for aftercare and when-to-get-help pages.",
        "reading_grade: 8",
    ]
    return "\n".join(front) + "\n" + (CLINICAL_FIELDS if clinical else "") + "---\n\n" + BODY


def new_page(title: str, docs: Path, clinical: bool = True, treatment: str | None = None) -> Path:
    """Write docs/<slug>.md (a treatment's page: in its folder) and add it at the end of the menu (nav: in mkdocs.yml
    beside docs/; a treatment's page: at the end of its menu section); raises FileExistsError rather than overwrite
    a page, ValueError for an empty title or an unknown treatment."""
    if not title.strip() or not slug(title):
        raise ValueError("write the page's title, e.g. make new-page TITLE=\"How long does redness last?\"")
    config = docs.parent / "mkdocs.yml"
    folder, menu = place_in_treatment(config, treatment)
    path = docs / folder / f"{slug(title)}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:  # "x": fails if the file exists
        file.write(page_text(title.strip(), clinical))
    if config.is_file() and isinstance(load_settings(config).get("nav"), list):
        config.write_text(with_list_item(config.read_text(encoding="utf-8"), menu, path.relative_to(docs).as_posix()),
                          encoding="utf-8")
    if clinical:
        ask_medical_reviewers(path, docs.parent)
    return path


def place_in_treatment(config: Path, treatment: str | None) -> tuple[str, SettingPath]:
    """Where a new page of `treatment` goes in the language whose settings are `config`: its folder inside the docs
    folder, and its menu list (the treatment's section, or the whole menu without one). ("", nav) for no treatment."""
    if not treatment:
        return "", ("nav",)
    found = language_treatments(config)
    if treatment not in found:
        known = ", ".join(found) or "none yet (make new-treatment starts one)"
        raise ValueError(f"there is no treatment '{treatment}' in {config.name} (extra: treatments:): the treatments "
                         f"are {known}")
    located = treatment_section(load_settings(config).get("nav"), found[treatment].hub)
    return found[treatment].folder, ("nav", located[0], located[1]) if located else ("nav",)


def ask_medical_reviewers(page: Path, root: Path) -> None:
    """A rule in .github/CODEOWNERS for a new clinical page, so its changes need the medical reviewers."""
    owners = root / CODEOWNERS
    if owners.is_file():
        owners.write_text(with_rule(owners.read_text(encoding="utf-8"), page.resolve().relative_to(root.resolve())
                                    .as_posix()), encoding="utf-8")


def translation_language(root: Path, code: str | None) -> Language:
    """The language a new translation is in: the one asked for, or the only translation there is."""
    translated = languages(root)[1:]
    if code:
        return language(root, code)
    if len(translated) == 1:
        return translated[0]
    known = ", ".join(found.code for found in translated) or "none yet (add its settings file, mkdocs.<code>.yml)"
    raise ValueError(f"say which language to translate into, e.g. LANGUAGE={translated[0].code if translated else 'es'}"
                     f": the translations are {known}")


def new_translation(title: str, english: str, docs: Path, code: str | None = None) -> Path:
    """Start docs/<language>/<slug>.md as the translation of docs/<english>: the English page's front matter
    (title and description to translate, the same sources and settings, the review left empty), its text to
    translate, and translation_of / translated_from linking the two; added at the end of that language's menu."""
    source = docs / english
    if not source.is_file():
        raise ValueError(f"there is no docs/{english} to translate: write the English page's file name, e.g. "
                         "aftercare.md")
    if not title.strip() or not slug(title):
        raise ValueError("write the translated page's title, e.g. TITLE=\"¿Cómo cuido mi piel?\"")
    front, body, _ = split_front_matter(source.read_text(encoding="utf-8"))
    version = page_version(docs.parent, source)
    kept = [line for line in front.splitlines() if not line.startswith(("title:", *(f"{key}:" for key in REVIEW_KEYS)))]
    translated = translation_language(docs.parent, code)
    # A treatment's page is translated into that treatment's folder and menu section in the other language.
    english_treatments = language_treatments(docs.parent / "mkdocs.yml")
    treatment = treatment_of(english, load_front_matter(source.read_text(encoding="utf-8")), english_treatments)
    folder, menu = place_in_treatment(translated.config, treatment if treatment and "/" in english else None)
    path = translated.docs / folder / f"{slug(title)}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:
        file.write("---\n" + f"title: {json.dumps(title.strip(), ensure_ascii=False)}\n" + "\n".join(kept) +
                   f"\ntranslation_of: {english}\ntranslated_from: {version}\n"
                   "# Left empty until a clinician who reads this language signs the page off (make sign-off).\n"
                   + "".join(f"{key}:\n" for key in REVIEW_KEYS) + "---\n\n"
                   "<!-- Translate the description above and the English text below, heading by heading. Give every "
                   "heading its own id in this language, e.g. ## ¿Qué es? {#que-es}, and link to this language's "
                   "pages. -->\n\n" + body)
    config = translated.config
    if config.is_file() and isinstance(load_settings(config).get("nav"), list):
        config.write_text(with_list_item(config.read_text(encoding="utf-8"), menu,
                                         path.relative_to(translated.docs).as_posix()), encoding="utf-8")
    if load_front_matter(source.read_text(encoding="utf-8")).get("clinical") is True:
        ask_medical_reviewers(path, docs.parent)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Start a new page in docs/ with all its front matter.")
    parser.add_argument("title", help="the page's title: the question a patient asks")
    parser.add_argument("--not-clinical", action="store_true", help="the page has no medical content")
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="the pages folder (default: docs)")
    parser.add_argument("--translates", help="start a translation of this English page, e.g. aftercare.md")
    parser.add_argument("--treatment", help="the treatment the page is about, by its key in mkdocs.yml (extra: "
                                            "treatments:), e.g. chemical-peels: the page goes in its folder and menu")
    parser.add_argument("--language", help="the translation's language code, e.g. es (needed when there are several)")
    args = parser.parse_args(argv)
    try:
        if args.translates:
            translated = translation_language(args.docs.parent, args.language)
            path = new_translation(args.title, args.translates, args.docs, translated.code)
            print(f"Created {path}, the {translated.name} version of docs/{args.translates}, and added it to the "
                  f"{translated.name} menu ({translated.config.name}). Next: translate it, then run make check.")
            return 0
        path = new_page(args.title, args.docs, clinical=not args.not_clinical, treatment=args.treatment)
    except FileExistsError:
        print(f"{args.docs / (slug(args.title) + '.md')} already exists: choose another title or edit that page",
              file=sys.stderr)
        return 1
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    where = f"its treatment's menu section ({args.treatment})" if args.treatment else "the menu"
    print(f"Created {path} and added it at the end of {where} (nav: in mkdocs.yml; move its line to where it "
          "belongs in the patient's journey). Next: write its description and text, then run make check.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
