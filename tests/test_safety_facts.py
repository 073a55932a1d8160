"""Safety-critical facts, pinned in the built pages inside the card or section where each belongs.

Each test reads what a patient would read (the text of one help card, or one section of a page), so an edit
that deletes a fact, or moves it to a slower tier of help, fails here with the page and the place named.
"""

from __future__ import annotations

import posixpath
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scripts.built_site import target_file
from scripts.site.addresses import page_url
from scripts.site.languages import languages
from tests.conftest import ROOT, build_variant
from tests.project_changes import give_answers

HEADINGS = {"h2": 2, "h3": 3, "h4": 4}
CARDS = ("call-clinic", "urgent-care", "emergency")


class _Page(HTMLParser):
    """The text of a page's help cards (admonitions by kind) and of each section (heading id to the next heading
    of the same or a higher level), from the article only."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cards: dict[str, list[str]] = {}
        self.chunks: list[tuple[int, str, str]] = []  # (level, id, text): level 0 = text, else a heading
        self._stack: list[tuple[str, str | None]] = []  # (tag, card kind that this tag opened)
        self._in_article = 0

    def _card(self) -> str | None:
        return next((kind for _, kind in reversed(self._stack) if kind), None)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if tag == "article":
            self._in_article += 1
        kind = next((c for c in classes if c in CARDS), None) if tag == "div" and "admonition" in classes else None
        if kind:
            self.cards.setdefault(kind, [])
        if self._in_article and tag in HEADINGS and values.get("id"):
            self.chunks.append((HEADINGS[tag], values["id"] or "", ""))
        if tag not in {"br", "hr", "img", "input", "meta", "link", "wbr"}:
            self._stack.append((tag, kind))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._in_article -= 1
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                del self._stack[index:]
                return

    def handle_data(self, data: str) -> None:
        if not self._in_article:
            return
        kind = self._card()
        if kind:
            self.cards[kind].append(data)
        self.chunks.append((0, "", data))

    def card(self, kind: str) -> str:
        assert kind in self.cards, f"no '{kind}' card on this page"
        return _plain(" ".join(self.cards[kind]))

    def section(self, section_id: str) -> str:
        start = next((i for i, (level, ident, _) in enumerate(self.chunks) if level and ident == section_id), None)
        assert start is not None, f"no section with id '{section_id}'"
        level = self.chunks[start][0]
        text = []
        for chunk_level, _, data in self.chunks[start + 1:]:
            if chunk_level and chunk_level <= level:
                break
            text.append(data)
        return _plain(" ".join(text))


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip().lower()


REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"#]+)')


def page(site: Path, name: str) -> _Page:
    """The page at the address /name/, following its redirect if it moved (the URL contract keeps its address)."""
    text = (site / name / "index.html").read_text(encoding="utf-8")
    if moved := REFRESH.search(text):
        target = posixpath.normpath(posixpath.join(name, moved.group(1)))
        text = (site / target / "index.html").read_text(encoding="utf-8")
    parser = _Page()
    parser.feed(text)
    return parser


@pytest.fixture(scope="module")
def aftercare(built_site: Path) -> _Page:
    return page(built_site, "aftercare")


STROKE = ("stroke", "droops", "arm or leg", "speech")


def test_stroke_signs_are_in_the_911_card_and_in_no_slower_tier(aftercare: _Page) -> None:
    emergency = aftercare.card("emergency")
    for words in STROKE:
        assert words in emergency, f"the 911 card no longer mentions {words!r}"
    for slower in ("call-clinic", "urgent-care"):
        card = aftercare.card(slower)
        assert "stroke" not in card and "droop" not in card and "weakness" not in card, (
            f"a stroke sign is in the '{slower}' card: stroke signs need 911")


def test_sudden_loss_of_sight_is_in_the_911_card_and_in_no_slower_tier(aftercare: _Page) -> None:
    emergency = aftercare.card("emergency")
    assert "suddenly lose your sight" in emergency, "sudden loss of sight is not in the 911 card"
    assert "suddenly feel confused or lose your balance" in emergency, "the 911 stroke line lacks confusion/balance"
    for slower in ("call-clinic", "urgent-care"):
        card = aftercare.card(slower)
        assert not re.search(r"sudden\w*[^.]*\b(sight|see|vision)\b", card), (
            f"sudden loss of sight is in the '{slower}' card: it needs 911")
        assert "change in vision" not in card and "blurry vision," not in card, (
            f"the '{slower}' card sends vision changes there without leaving sudden ones to 911")


def test_eye_signs_go_to_an_eye_doctor_or_an_emergency_room_the_same_day(aftercare: _Page) -> None:
    urgent = aftercare.card("urgent-care")
    # Medical review 3, M1: each eye sign, a light-sensitive eye included, goes to an eye doctor the same day.
    assert all(sign in urgent for sign in ("eye pain", "a red eye", "hurts in bright light", "blisters near the eye"))
    assert "for eye problems, see an eye doctor or go to an emergency room, not an urgent care center" in urgent
    assert "eye" not in aftercare.card("call-clinic"), "eye signs need the same day, not a routine call"


def test_the_risks_page_summary_also_sends_stroke_signs_to_911(built_site: Path) -> None:
    summary = page(built_site, "risks").section("when-to-get-help")
    line_911 = summary[summary.index("call 911"):summary.index("get urgent care")]
    assert "stroke" in line_911 and "droops" in line_911
    assert "suddenly lose your sight" in line_911, "sudden loss of sight is not in the risks page's 911 line"
    slower = summary[summary.index("get urgent care"):]
    assert "stroke" not in slower and "sight" not in slower and "vision" not in slower
    eye_line = slower[slower.index("see an eye doctor"):]
    eye_advice = eye_line[:eye_line.index(".")]
    assert eye_line.startswith("see an eye doctor or go to an emergency room today for")
    assert all(sign in eye_advice for sign in ("eye pain", "a red eye", "hurts in bright light",
                                               "blisters near the eye")), eye_advice
    assert "eye" not in slower[:slower.index("see an eye doctor")], "eye signs are sent to general urgent care"


def test_numbness_of_the_treated_skin_alone_is_a_call_to_the_clinic(aftercare: _Page) -> None:
    assert re.search(r"numbness in the treated skin that lasts past the day", aftercare.card("call-clinic"))
    for faster in ("urgent-care", "emergency"):
        assert "treated skin" not in aftercare.card(faster), f"treated-skin numbness moved to '{faster}'"


def test_numbing_cream_signs_are_911_with_their_time_window(aftercare: _Page) -> None:
    emergency = aftercare.card("emergency")
    window = re.search(r"while numbing cream is on your skin, or in the first few hours after you wipe it off: "
                       r"([^.]*)", emergency)
    assert window, "the 911 card no longer limits numbing-cream signs to while it is on and the hours after"
    same_hours = emergency[emergency.index("in those same hours"):]
    for sign in ("ringing ears", "metal taste", "numb lips", "confusion", "uneven heartbeat", "blue or gray lips",
                 "slow breathing", "very sleepy", "seizure", "trouble breathing", "short of breath",
                 "fast or uneven heartbeat"):  # the last three: the FDA's signs (medical review 3, L7)
        assert sign in window.group(1) or sign in same_hours, sign
    assert "dizziness" not in emergency, "dizziness alone would send people to 911 days later"


def test_before_page_gives_the_fdas_numbing_cream_advice_and_the_911_window(built_site: Path) -> None:
    section = page(built_site, "before").section("numbing-cream")
    for advice in ("only the amount we tell you", "broken", "irritated", "plastic wrap", "heating pad",
                   "do not exercise"):
        assert advice in section, advice
    assert "call 911 if any of these signs start while the cream is on your skin, or in the few hours" in section
    assert "blue or gray lips" in section
    for sign in ("short of breath", "fast, racing or uneven heartbeat", "seizure"):  # medical review 3, L7
        assert sign in section, sign
    # Signs the listed FDA sources do not name are said to be so, not passed off as theirs.
    assert "the last line is not from those sources" in section


def test_the_help_card_says_which_signs_its_sources_do_not_give(aftercare: _Page) -> None:
    help_section = aftercare.section("when-to-get-help")  # medical review 3, L8
    assert "such as those of a stroke, a bad allergy or an infection, are not from those sources" in help_section


def test_home_devices_are_not_cleared_and_long_needles_break_the_skin(built_site: Path) -> None:
    home = page(built_site, "at-home-devices")
    assert re.search(r"\bno\. .*had not cleared any microneedling device for people to buy and use at home",
                     home.section("fda-home"))
    differences = home.section("differences")
    assert "longer needles. these do break the skin" in differences
    assert "same risks" in differences
    risks = home.section("home-risks")
    assert "never share it" in risks and "never use it with serums" in risks
    questions = page(built_site, "questions").section("home-roller")
    assert "longer needles that break the skin" in questions and "none of them is cleared" in questions


def test_is_it_for_me_sorts_the_fdas_list_into_three_tiers(built_site: Path) -> None:
    suitable = page(built_site, "is-it-for-me")
    wait = suitable.section("wait")
    talk = suitable.section("talk-first")
    higher = suitable.section("higher-risk")
    for item in ("cold sore", "skin infection", "tan", "pregnant or breastfeeding", "isotretinoin"):
        assert item in wait, f"{item!r} is not under 'wait until it has passed'"
    for item in ("bleeding or clotting", "blood thinner", "hepatitis or hiv", "chemotherapy",
                 "steroid tablets or have steroid injections", "metals such as nickel", "keloid", "vitiligo"):
        assert item in talk, f"{item!r} is not under 'talk to us first'"
        assert item not in wait and item not in higher, f"{item!r} is in the wrong tier"
    assert "darker skin" in higher and "often still" in higher
    assert "darker skin" not in wait and "darker skin" not in talk, "darker skin belongs in the higher-risk tier"
    assert "cold sore" not in talk and "pregnant" not in talk


def test_age_says_22_and_older_while_the_clinic_has_not_given_its_device_age(built_site: Path) -> None:
    age = page(built_site, "is-it-for-me").section("age")
    assert "aged 22 and older" in age and "set for each device" in age and "ask us about the device" in age


@pytest.mark.parametrize("age", ["25"])
def test_age_shows_the_clinics_own_device_age_once_it_is_set(tmp_path: Path, age: str) -> None:
    site = build_variant(tmp_path,
                         prepare=lambda project: give_answers(project, treatment={"device_min_age": int(age)}))
    text = page(site, "is-it-for-me").section("age")
    assert f"cleared for people aged {age} or older" in text
    assert "22" not in text


def test_without_an_after_hours_line_aftercare_says_where_to_go_when_closed(aftercare: _Page) -> None:
    help_section = aftercare.section("when-to-get-help")
    # Whether the clinic has an after-hours line is not known: the empty state gives a route, not a claim.
    assert "we do not have an after-hours phone line" not in help_section
    assert "when we are closed, go to an urgent care center" in help_section
    assert "for eye problems, see an eye doctor or go to an emergency room" in help_section
    assert "call 911 at any time" in help_section
    assert "ask us for our opening hours" in help_section


def test_an_after_hours_line_is_shown_once_it_is_set(tmp_path: Path) -> None:
    site = build_variant(tmp_path, prepare=lambda project: give_answers(project,
                                                                       clinic={"after_hours_phone": "(714) 555-0142"}))
    help_section = page(site, "aftercare").section("when-to-get-help")
    assert "call our after-hours line at (714) 555-0142" in help_section
    assert "we do not have an after-hours phone line" not in help_section
    # The after-hours line must not replace the 911 reminder (medical review 3, M5).
    assert "call 911 at any time" in help_section
    assert "do not wait long for a call back" in help_section
    contact = page(site, "contact").section("when-you-call")
    assert "reach our after-hours line at (714) 555-0142" in contact and "call 911 at any time" in contact


def test_the_contact_page_links_to_the_reviewed_routing_instead_of_giving_its_own(built_site: Path) -> None:
    # The contact page is not clinical, so it escapes medical review: where to go with a complication lives
    # only on the aftercare page, and the contact page links to it (medical review 3, H1).
    contact = page(built_site, "contact").section("when-you-call")
    for routing in ("urgent care", "eye doctor", "emergency room"):
        assert routing not in contact, f"the contact page gives its own routing: {routing!r}"
    assert "call 911 at any time" in contact
    html = (built_site / "contact" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="[./]*aftercare/#when-to-get-help"', html)


def test_serums_and_prp_are_asked_about_one_by_one_and_aftercare_products_too(built_site: Path) -> None:
    section = page(built_site, "questions").section("serums-prp")
    assert "serums and prp are not the same, so ask about each one" in section
    assert "new, sterile and used only once" in section
    assert "products you may put on your skin in the first days after treatment" in section


def test_serums_and_prp_are_answered_one_by_one(tmp_path: Path) -> None:
    """A serum and PRP carry different risks (medical review 3, M6): a yes to one is never a yes to both."""
    site = build_variant(tmp_path, prepare=lambda project: give_answers(project, treatment={"adds_serums": "yes",
                                                                                           "adds_prp": "no"}))
    section = page(site, "questions").section("serums-prp")
    assert "we may add a serum. ask us which one we would use for you" in section and "risks are not known" in section
    assert "we do not offer prp with microneedling" in section and "we offer prp" not in section


def test_the_spanish_aftercare_page_has_the_same_eye_and_sight_tiers(built_site: Path) -> None:
    cuidados = page(built_site, "es/cuidados-despues")
    emergency = cuidados.card("emergency")
    assert "de repente pierde la vista" in emergency and "pierde el equilibrio" in emergency
    urgent = cuidados.card("urgent-care")
    assert "vea a un médico de los ojos o vaya a la sala de emergencias, no a una clínica de urgencias" in urgent
    assert "pierde la vista" not in urgent and "cambio en la vista" not in urgent
    summary = page(built_site, "es/riesgos").section("cuando-pedir-ayuda")
    line_911 = summary[summary.index("llame al 911"):summary.index("busque atención urgente")]
    assert "pierde la vista" in line_911
    assert "vista" not in summary[summary.index("busque atención urgente"):summary.index("médico de los ojos")]


@pytest.mark.parametrize(("language", "sight", "eye_doctor"), [("en", "sight", "eye doctor"),
                                                                ("es", "vista", "médico de ojos")])
def test_the_help_picture_sends_sight_loss_to_911_and_eyes_to_an_eye_doctor(built_site: Path, language: str,
                                                                            sight: str, eye_doctor: str) -> None:
    """The tier moves (medical review 3, H2 and M1) hold in the picture too, in its drawing and its description."""
    edition = next(found for found in languages(ROOT) if found.code == language)
    pictures = (re.search(r'<figure class="illustration illustration--when-to-get-help".*?</figure>',
                          target_file(built_site, page_url(edition.key(page))).read_text(encoding="utf-8"), re.S)
                for page in edition.pages)
    figure = next(found.group(0) for found in pictures if found)
    texts = [unescape(text) for text in re.findall(r"<text[^>]*>([^<]*)</text>", figure)]
    assert len(texts) == 6, texts  # three tiers, each a title and a line
    urgent, emergency = texts[3].lower(), texts[5].lower()
    assert eye_doctor in urgent and sight not in urgent
    assert sight in emergency
    description = unescape(re.search(r"<desc[^>]*>(.*?)</desc>", figure, re.S).group(1)).lower()
    assert description.index(sight) > description.index("911")
