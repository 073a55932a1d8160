"""The content check, one bad fixture per rule: each asserts the exact message and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts.content.check import check_page, check_site, load_context
from scripts.content.settings import check_settings
from scripts.problems import Severity
from scripts.site.claims import (
    Claim,
    claim_needle,
    claim_pattern,
    find_claims,
    load_claims,
    without_accents,
)
from tests.conftest import ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "content_check"
SITE = FIXTURES / "site"
TODAY = "2026-11-25"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITE_TODAY", TODAY)


def problems(name: str, severity: Severity = Severity.ERROR, site: Path = SITE) -> list[str]:
    """The problems of fixture page `name`, checked as if it were site/docs/<name>."""
    text = (FIXTURES / "pages" / name).read_text(encoding="utf-8")
    pages = {path.name: path.read_text(encoding="utf-8") for path in (site / "docs").glob("*.md")}
    context = load_context(site, {**pages, name: text})
    return [str(p) for p in sorted(check_page(site / "docs" / name, text, context)) if p.severity is severity]


def warnings(name: str) -> list[str]:
    return problems(name, Severity.WARNING)


def settings_problems(name: str) -> list[str]:
    return [str(p) for p in check_settings(FIXTURES / "settings" / name, FIXTURES, load_claims(SITE))]


def test_the_fixture_site_passes() -> None:
    assert check_site(SITE) == []


# 1. Front matter


def test_yaml_syntax_error_is_reported_with_its_line() -> None:
    assert problems("yaml_syntax_error.md") == [
        "docs/yaml_syntax_error.md:3: the front matter is not valid YAML (mapping values are not allowed here): "
        "check this line's indentation (spaces, lined up with the lines around it), colons and quotes; put a value in "
        "double quotes if it contains a colon or starts with a quote"
    ]


def test_page_without_front_matter() -> None:
    assert problems("no_front_matter.md") == [
        "docs/no_front_matter.md:1: the page has no front matter: start it with a line of ---, then title:, "
        "description: and clinical:, then another ---"
    ]


def test_missing_required_key() -> None:
    assert problems("missing_key.md") == [
        "docs/missing_key.md:1: the front matter has no 'description': add a line such as description: One or two "
        "plain sentences about the page (160 characters at most)"
    ]


def test_unknown_key_suggests_the_intended_key() -> None:
    assert problems("unknown_key.md") == [
        "docs/unknown_key.md:8: unknown front matter key 'reviewd_by': did you mean reviewed_by?"
    ]


def test_long_description() -> None:
    assert problems("long_description.md") == [
        "docs/long_description.md:3: 'description' is 166 characters: shorten it to 160 or fewer (search results "
        "cut off the rest)"
    ]


def test_review_lines_the_review_log_does_not_have() -> None:
    """Review lines typed by hand, with no sign-off in the log, do not make a page reviewed: each is an error."""
    assert problems("half_review.md") == [
        "docs/half_review.md:8: 'reviewed_by' is 'Dr. Jane Smith', and data/review-log.yml has no sign-off of this "
        "page in this language: a review is recorded in the log and these lines together (make sign-off writes "
        "both); leave it empty until then",
        "docs/half_review.md:9: 'last_reviewed' is '2026-06-01', and data/review-log.yml has no sign-off of this "
        "page in this language: a review is recorded in the log and these lines together (make sign-off writes "
        "both); leave it empty until then",
    ]


def test_a_clinical_page_needs_a_page_id() -> None:
    assert problems("no_page_id.md") == [
        "docs/no_page_id.md:2: a clinical page needs a page_id, the name its sign-offs are logged under, e.g. "
        "page_id: no_page_id: once given, never change it, even when the page moves"
    ]


def test_a_page_awaiting_sign_off_gets_the_lines_that_record_one() -> None:
    notes = problems("no_sources.md", Severity.NOTE)
    assert len(notes) == 1 and "awaiting medical sign-off" in notes[0]
    assert "reviewed_by: jane-smith" in notes[0] and "page: no-sources, language: en" in notes[0]


# 3. Claims


def test_claims_in_title_and_text() -> None:
    assert problems("claim_phrase.md") == [
        "docs/claim_phrase.md:2: 'painless' is a claim we must not make: most people feel some discomfort. Write "
        "instead: numbing cream makes it more comfortable",
        "docs/claim_phrase.md:9: 'cure' is a claim we must not make: it can improve the look of some scars; it does "
        "not cure anything. Write instead: can improve the look of",
        "docs/claim_phrase.md:9: 'no downtime' is a claim we must not make: redness and swelling are expected for a "
        "few days. Write instead: most people get back to normal activities within a few days",
    ]


@pytest.mark.parametrize("text", ["No down-time at all.", "no downtime", "Zero down time!",
                                  "It is approved by the FDA.", "An FDA-approved treatment.", "It is pain-free."])
def test_the_real_claims_list_catches_other_spellings(text: str) -> None:
    assert find_claims(text, load_claims(ROOT)), text


@pytest.mark.parametrize(("phrase", "text"), [
    ("doesn't hurt", "It DOESN’T\nhurt."), ("guarantee*", "We guaranteed it."), ("FDA approved", "F.D.A.-Approved!"),
    ("painless", "A paınless procedure (a dotless i)."), ("indoloro", "Es INDOLÓRO."),
    ("100% safe", "It is 100% SAFE."),
])
def test_a_claim_is_found_in_any_case_spelling_or_line_break(phrase: str, text: str) -> None:
    """The check skips a claim whose longest word is missing from the text (for speed): never when it is there in
    another case, with accents, across a line or with a dotless i."""
    plain = without_accents(phrase)
    claim = Claim(phrase, "why", "instead", claim_pattern(plain), claim_needle(plain))
    assert [item[2] for item in find_claims(text, [claim])] == [claim]


def test_claim_excused_with_a_reason() -> None:
    assert problems("claim_excused.md") == []


def test_claim_marker_without_a_reason() -> None:
    assert problems("claim_marker_without_reason.md") == [
        "docs/claim_marker_without_reason.md:7: the claim-ok marker has no reason: write why the wording is "
        "accurate, e.g. <!-- claim-ok: says the FDA did not approve it -->"
    ]


def test_claims_match_whole_words_only() -> None:
    assert problems("claim_whole_words.md") == []  # "secure", "procure", "curious" are not "cure"


def test_claims_ignore_hyphens_and_cover_image_descriptions() -> None:
    assert problems("claim_hyphenated.md") == [
        "docs/claim_hyphenated.md:7: 'FDA-approved' is a claim we must not make: the FDA cleared certain devices; "
        "it did not approve the procedure. Write instead: FDA-cleared device",
        "docs/claim_hyphenated.md:9: 'erases-scars' is a claim we must not make: it can make some scars less "
        "noticeable; it does not remove them. Write instead: can make some acne scars less noticeable",
        "docs/claim_hyphenated.md:11: 'painless' is a claim we must not make: most people feel some discomfort. "
        "Write instead: numbing cream makes it more comfortable",
    ]


# 4. Reading level


def test_grade_too_high_lists_the_hardest_sentences() -> None:
    assert problems("grade_too_high.md") == [
        "docs/grade_too_high.md:12: reading grade 21.0 is above this page's target of 6: use shorter sentences and "
        "plainer words, starting with the hardest: "
        "line 12: \"Individuals experiencing persistent inflammatory manifestations should promptly contact their "
        "treating practitioner for evaluation.\" (grade 26.7); "
        "line 8: \"Postprocedural erythema and transient edema are anticipated physiological consequences of "
        "controlled dermal microinjury.\" (grade 24.0); "
        "line 10: \"Keep your skin clean.\" (grade -2.2)"
    ]


# 5. Images


def test_image_problems() -> None:
    no_alt = ("has no description (alt text): describe what it shows between the [ ], or, if it is only decoration, "
              "put { .decorative } right after it")
    assert problems("image_problems.md") == [
        f"docs/image_problems.md:7: image 'face.svg' {no_alt}",
        "docs/image_problems.md:9: image 'assets/images/missing.png' does not exist: check the file name (capitals "
        "count) and that the file is in docs/assets/images/",
        f"docs/image_problems.md:11: image 'face.svg' {no_alt}",
        "docs/image_problems.md:13: remote image: save it under docs/assets/images/ and use that file (a remote "
        "image tells a third party who reads the page)",
    ]


def test_big_image(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    (site / "docs" / "assets" / "images" / "face.svg").write_bytes(b"<svg/>" + b" " * 210 * 1024)
    assert [str(p) for p in check_site(site)] == [
        "docs/index.md:9: image 'face.svg' is 210 KB, over the 200 KB limit: compress it, e.g. export it as WebP "
        "or make it smaller",
        "docs/index.md:11: image 'face.svg' is 210 KB, over the 200 KB limit: compress it, e.g. export it as WebP "
        "or make it smaller",
    ]


# 6. Links


def test_link_problems() -> None:
    assert problems("link_problems.md") == [
        "docs/link_problems.md:7: link 'aftercare.md#when-to-call' points to a section that does not exist: the "
        "sections of aftercare.md are the-first-day, when-to-call-us",
        "docs/link_problems.md:7: link to 'after-care.md', a page that does not exist: check the file name in docs/ "
        "(e.g. aftercare.md)",
        "docs/link_problems.md:9: link '#missing-section' points to a section that does not exist: "
        "link_problems.md has no sections to link to",
        "docs/link_problems.md:9: link '/index.md' starts with /: link to the page's file instead, e.g. aftercare.md "
        "or aftercare.md#when-to-get-help",
        "docs/link_problems.md:11: link 'http://www.aad.org/news/microneedling' is not secure: use https:// instead "
        "of http://",
        "docs/link_problems.md:11: link 'https://www.fda.gov/medical-devices/aesthetic-cosmetic-devices/"
        "microneedling-devices?utm_source=newsletter&utm_medium=email' has tracking parameters (utm_source, "
        "utm_medium): remove them so readers are not tracked",
        "docs/link_problems.md:13: email link 'mailto:hello-at-example.com' is not an email address: write it as "
        "mailto:name@example.com",
        "docs/link_problems.md:13: phone link 'tel:555-0100' is not a valid phone number: write tel:+1 and the 10 "
        "digits, e.g. tel:+17145550142, or use {{ clinic.phone_tel }}",
        "docs/link_problems.md:15: link 'https://blog.example.com/microneedling' is not in data/sources.yml: cite "
        "only listed sources (add the source's full citation there first)",
    ]


# 7. Sources


def test_unknown_source_id() -> None:
    assert problems("sources_problems.md") == [
        "docs/sources_problems.md:8: source 'made-up-source' is not in data/sources.yml: cite a listed id, or add "
        "the source's full citation to data/sources.yml first"
    ]


def test_clinical_page_without_sources() -> None:
    assert problems("no_sources.md") == [
        "docs/no_sources.md:5: a clinical page needs its sources: list their ids from data/sources.yml under "
        "sources:, e.g. sources: [fda-microneedling-devices]"
    ]


# 8. Placeholders


def test_unknown_placeholder() -> None:
    found = problems("unknown_placeholder.md")
    assert len(found) == 1
    assert found[0].startswith(
        "docs/unknown_placeholder.md:7: unknown placeholder '{{ clinic.mobile }}': check the spelling; the "
        "placeholders are {{ clinic.address }},"
    )


def test_placeholder_of_an_empty_clinic_detail() -> None:
    assert problems("empty_placeholder.md") == [
        "docs/empty_placeholder.md:7: '{{ clinic.street_address }}' is empty, so the page would show nothing there "
        "(or a dead link): fill in 'street_address' under extra: clinic: in mkdocs.yml, put the sentence inside "
        "<!-- if clinic.street_address --> ... <!-- end -->, or take the placeholder out of this page"
    ]


def test_placeholder_in_front_matter() -> None:
    assert problems("placeholder_in_front_matter.md") == [
        "docs/placeholder_in_front_matter.md:3: placeholder '{{ clinic.phone }}' in the front matter: placeholders "
        "work only in the page text, so word this line without the clinic's detail and put the detail, with its "
        "placeholder, in the page text"
    ]


# 9. Headings


def test_h1_in_body_and_skipped_level() -> None:
    assert problems("heading_problems.md") == [
        "docs/heading_problems.md:7: remove the level-1 heading '# Aftercare': the title is shown as the page's "
        "heading; start sections with '## '",
        "docs/heading_problems.md:15: heading 'At night' is level 4 right after level 2: use '### ' so no level is "
        "skipped",
    ]


# 10. Raw HTML


def test_raw_html() -> None:
    assert problems("raw_html.md") == [
        "docs/raw_html.md:7: remove the <script>: pages may not run scripts",
        "docs/raw_html.md:9: remove the <iframe>: embedded pages add third-party requests and trackers; link to the "
        "page instead",
        "docs/raw_html.md:11: remove the onclick= attribute from <p>: pages may not run scripts",
        "docs/raw_html.md:11: remove the style= attribute from <p>: styles live in docs/assets/css/site.css",
    ]


# 11. Spelling


def test_spelling_is_a_warning_and_skips_code_and_links() -> None:
    assert problems("spelling.md") == []
    assert warnings("spelling.md") == [
        "docs/spelling.md:7: 'collagne' may be misspelled: did you mean collage or collagen? if it is right, add it "
        "to data/words.txt"
    ]


# Settings: mkdocs.yml


def test_promotions() -> None:
    assert settings_problems("promotions.yml") == [
        "settings/promotions.yml:7: promotion 'Summer glow offer' ended on 2026-08-31, so it is no longer shown: "
        "remove it from mkdocs.yml (extra.promotions) when convenient",
        "settings/promotions.yml:10: promotion 'Winter offer' ends (2027-01-01) before it starts (2027-01-31): check "
        "the two dates",
        "settings/promotions.yml:13: promotion 'Painless treatments with no downtime': link 'http://example.com/offer' "
        "must start with https:// or be a page of this site starting with /",
        "settings/promotions.yml:13: promotion 'Painless treatments with no downtime': 'Painless' is a claim we must "
        "not make: most people feel some discomfort. Write instead: numbing cream makes it more comfortable",
        "settings/promotions.yml:13: promotion 'Painless treatments with no downtime': 'no downtime' is a claim we "
        "must not make: redness and swelling are expected for a few days. Write instead: most people get back to "
        "normal activities within a few days",
    ]


def test_invalid_phone_in_settings_with_tags_mkdocs_uses() -> None:
    assert settings_problems("bad_phone.yml") == [
        "settings/bad_phone.yml:6: clinic 'phone' is '555-0100', which is not a valid US phone number: write the 10 "
        "digits with the area code, e.g. \"(714) 555-0142\""
    ]


def test_settings_yaml_error_is_reported_with_its_line() -> None:
    assert settings_problems("yaml_error.yml") == [
        "settings/yaml_error.yml:5: the settings file is not valid YAML (expected <block end>, but found "
        "'<block mapping start>'): check this line's indentation (spaces, lined up with the lines around it), colons "
        "and quotes"
    ]
