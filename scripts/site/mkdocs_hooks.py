"""MkDocs hooks: a thin dispatcher to the plain functions in scripts/ (no logic lives here).

The successor engine ignores `hooks:`; everything below is also reachable from `make check`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from scripts.problems import Problem, Severity
from scripts.site import (
    answers,
    brand,
    clinic,
    includes,
    languages,
    page_details,
    placeholders,
    promotions,
    review,
    review_text,
    sources,
    structured_data,
    treatments,
)
from scripts.site.claims import check_claims, load_claims
from scripts.site.dates import DEFAULT_TIMEZONE, long_date, today
from scripts.site.front_matter import front_matter_end
from scripts.site.page import parse_page
from scripts.site.page_version import working_tree
from scripts.site.print_links import with_print_addresses
from scripts.site.qr_code import qr_svg
from scripts.site.theme_script import theme_script


def _fail(problems: list[Any]) -> None:
    """Stop the build on errors; warnings (such as an ended promotion, which is simply not shown) do not."""
    errors = [problem for problem in problems if getattr(problem, "severity", Severity.ERROR) is Severity.ERROR]
    if errors:
        raise PluginError("\n".join(str(problem) for problem in sorted(errors)))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    extra, config_path = config.extra, Path(config.config_file_path)
    root = config_path.parent
    extra["timezone"] = extra.get("timezone") or DEFAULT_TIMEZONE
    day = today(extra["timezone"])
    details = extra.get("clinic") or {}
    _fail(clinic.validate_clinic(details, config_path.relative_to(root))
          + answers.answers_problems(root, config_path)
          + promotions.validate_promotions(extra.get("promotions") or [], day, config_path.relative_to(root))
          # brand.css has no default colours: a missing one would be an empty CSS value, so refuse it here too.
          + brand.validate_brand(config, config_path.relative_to(root)))
    here = languages.language_built_by(config_path)
    extra["contact"] = clinic.display_values(details, here.code)
    # Everything pages may show of the clinic, in this build's language (one reading); each page then gets its own
    # treatment's answers (on_page_markdown).
    extra["page_details"] = page_details.page_details(config_path)
    # The treatments, and those this build leaves out with their pages and menu entries: drafts, unless the build
    # shows them (make serve, make build), and any the publish step holds back (not every clinical page signed).
    extra["treatments"] = found = treatments.treatments({"extra": extra})
    hidden = treatments.hidden_by_environment(found, os.environ)
    extra["hidden_pages"] = treatments.hidden_pages(here.docs, here.pages, found, hidden)
    config.nav = treatments.without_pages(config.nav, lambda path: path in extra["hidden_pages"])
    extra["draft_treatments"] = treatments.drafts(found) - hidden
    # The heading links' tooltip in this build's language (the toc settings are shared through INHERIT).
    if "toc" in config.mdx_configs and (extra.get("ui") or {}).get("heading_link"):
        config.mdx_configs["toc"]["permalink_title"] = extra["ui"]["heading_link"]
    extra["opening_hours"] = clinic.opening_hours(details.get("hours") or [], extra.get("ui") or {})
    extra["showing_promotions"] = promotions.showing_today(extra.get("promotions") or [], day)
    extra["sources"] = sources.load_sources(root)
    extra["claims"] = load_claims(root, here.code)
    extra["today"] = day
    # Each page's review, from the review log and the page's version (the one rule, scripts/site/review.py).
    record = review.review_record(root)
    extra["review_record"] = record
    extra["page_reviews"] = {str(page.resolve()): review.page_review(root, page, day, record) for page in here.pages}
    # The whole edition in one word (none, some or all of its clinical pages reviewed), for its review sentences.
    extra["guide_review"] = review_text.guide_state(each.state for each in extra["page_reviews"].values())
    # Each page in every language it exists in: for the language switch (templates) and the sitemap's hreflang.
    extra["page_alternates"] = languages.alternates_by_page(root, here.code, config.site_url or "")
    # Every language's words for the language switch and the 404 page, from its own settings file.
    extra["languages"] = languages.language_words(root)
    # The staff link sheet (English site) also lists each translation's pages and sections, by treatment, leaving out
    # the treatments this build leaves out.
    extra["translated_link_sheets"] = [
        {"lang": language.code, "groups": languages.link_sheet(
            language, lambda theirs: treatments.hidden_by_environment(theirs, os.environ))}
        for language in languages.languages(root)[1:]] if here.code == languages.ENGLISH else []
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path in config.extra["hidden_pages"]:
        found = files.get_file_from_path(path)
        if found is not None:
            files.remove(found)
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["qr_svg"] = qr_svg
    env.filters["long_date"] = long_date
    env.globals["material_script"] = theme_script(file.src_uri for file in files)
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source_path = page.file.src_uri
    raw = page.file.content_string
    # The page's own treatment: its answers fill its {{ treatment.* }} placeholders; its name, its title and data.
    treatment = treatments.treatment_of(source_path, page.meta, config.extra["treatments"])
    page.meta["treatment"] = treatment
    details = page_details.for_treatment(config.extra["page_details"], treatment)
    placeholders.use_details(config.markdown_extensions, config.mdx_configs, details)
    root = Path(config.config_file_path).resolve().parent
    shown = Path(page.file.abs_src_path).resolve().relative_to(root).as_posix()  # docs/es/riesgos.md, not riesgos.md
    parsed = parse_page(Path(page.file.abs_src_path), raw, root)
    # The text it includes from docs/_includes/ is checked as part of it, each problem named at its own file and line.
    whole, origins = includes.whole_page(parsed, working_tree(root))
    found = [Problem(shown, line, message) for line, message
             in placeholders.placeholder_problems(whole.text, details, front_matter_end(raw) or 0)]
    # Front matter MkDocs could not read (it would build the page without it, as if it were not clinical).
    found += [problem for problem in parsed.problems if problem.severity is Severity.ERROR]
    found += [problem for problem in check_claims(whole, config.extra["claims"]) if problem.severity is Severity.ERROR]
    problems = [str(problem) for problem in includes.in_their_files(found, shown, origins)]
    problems += [f"{shown}:{line}: {message}" for line, message in includes.include_problems(raw, working_tree(root))]
    problems += [
        f"{shown}: source '{source_id}' is not in data/sources.yml: cite a listed id, or add the "
        "source's full citation to data/sources.yml first"
        for source_id in sources.unknown_source_ids(page.meta.get("sources"), config.extra["sources"])
    ]
    _fail(problems)
    # The same page in the other languages: for the language switch (templates) and the sitemap's hreflang links.
    page.meta["alternates"] = config.extra["page_alternates"].get(source_path, [])
    # The clinicians who review this language's pages, with their relationship to the clinic (about pages).
    return review_text.with_reviewer_list(markdown, config.extra["review_record"].registry,
                                          config.extra.get("language") or "en", config.extra["today"])


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    html = review_text.only_true_sentences(html, config.extra["guide_review"])
    return with_print_addresses(html, page.canonical_url or "")


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation,
                    **_: Any) -> dict[str, Any]:
    extra = config.extra
    context["guide_review"] = extra["guide_review"]
    source = Path(page.file.abs_src_path).resolve()
    page_review = extra["page_reviews"].get(str(source)) or review.page_review(
        Path(config.config_file_path).resolve().parent, source, extra["today"], extra["review_record"])
    context["review_state"] = page_review.state.value
    context["review_version"] = page_review.version  # the packet id a review packet's printout shows
    language = extra.get("language") or "en"
    signed = review_text.signed_review(page_review, language, extra["review_record"].registry, extra.get("ui") or {})
    context["review_signed"] = signed
    # "Next step" (navigation.footer) and its "Previous" never lead from one treatment into another.
    for neighbour in ("previous_page", "next_page"):
        other = getattr(page, neighbour)
        if other is not None and treatments.crosses(page.meta.get("treatment"), other.meta.get("treatment")):
            setattr(page, neighbour, None)
    treatment = extra["treatments"].get(page.meta.get("treatment") or "")
    context["treatment_name"] = treatment.name if treatment is not None else ""
    context["draft_notice"] = treatment is not None and treatment.key in extra["draft_treatments"]
    if context["draft_notice"]:
        page.meta["robots"] = "noindex, nofollow"  # kept out of search engines and the sitemap
    graph = structured_data.page_graph(page.meta, page.canonical_url or "", config.site_url or "",
                                       extra["contact"], (extra.get("clinic") or {}).get("hours") or [],
                                       treatment, signed, language)
    context["json_ld"] = structured_data.to_script_json(graph)
    return context
