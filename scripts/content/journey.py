"""Every treatment's journey, as data: the same pages, file names, section ids and front matter for each treatment,
so staff who know one treatment's pages know them all, and a link such as aftercare.md#when-to-get-help means the
same place in every treatment.

One place, read by `make new-treatment` (which writes these pages and sections), by the content check (which asks a
ready treatment for all of them) and by the tests. The ids are microneedling's, which its pages already have.
Headings are the questions patients ask; they name no treatment ("it"), so any treatment can use them. A treatment
may add pages and sections of its own beside these.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Section:
    """A section every treatment's page has: its id and a heading in each language, and what to write there."""

    ids: dict[str, str]  # language code -> the section's id ({#id}), e.g. {"en": "dos", "es": "que-hacer"}
    headings: dict[str, str]  # language code -> the heading's words
    note: str  # what to write in it, for the writer (an HTML comment on the page: never shown)
    level: int = 2
    # Boxes (admonitions, e.g. !!! call-clinic "…") the section must hold, in this order, itself or in text it includes.
    boxes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Stage:
    """One page of the journey."""

    key: str  # "aftercare": its name here and in page ids (<treatment>-aftercare)
    files: dict[str, str]  # language code -> its file in the treatment's folder
    titles: dict[str, str]  # language code -> the title, with {name}: a question naming the treatment
    note: str  # what the page is for, for the writer
    sections: tuple[Section, ...] = ()
    clinical: bool = True
    # Front matter every treatment's page has, with the same value in every language (sheet_of: see `sheet_of`).
    front_matter: dict[str, Any] = field(default_factory=dict)
    sheet_of: str = ""  # a take-home sheet: the stage whose page it prints in short (sheet_of: its file)

    def required_front_matter(self, code: str, folder: str = "") -> dict[str, Any]:
        """The front matter this page must have in a language, in its treatment's `folder` inside that language's
        docs folder ("" at its root): `clinical`, its own settings, and `sheet_of` (a path inside the docs folder,
        as MkDocs names the page: "chemical-peels/aftercare.md")."""
        required = {"clinical": self.clinical, **self.front_matter}
        if self.sheet_of:
            required["sheet_of"] = posixpath.join(folder, stage(self.sheet_of).files[code])
        return required


def _section(en: tuple[str, str], es: tuple[str, str], note: str, level: int = 2,
             boxes: tuple[str, ...] = ()) -> Section:
    """A section from (heading, id) in English and in Spanish."""
    return Section({"en": en[1], "es": es[1]}, {"en": en[0], "es": es[0]}, note, level, boxes)


# "When to get help" in three tiers (STYLE.md): call the clinic, get urgent care today, call 911.
HELP_TIERS = ("call-clinic", "urgent-care", "emergency")


WHEN_TO_GET_HELP = (
    "Three boxes, in this order, as on microneedling's aftercare page (docs/aftercare.md): call the clinic "
    "(call-clinic), get urgent care today (urgent-care), then call 911 (emergency). Each box: at most five "
    "concrete signs, in plain words. The medical team gives the signs; never guess them.")

JOURNEY: tuple[Stage, ...] = (
    Stage("hub", {"en": "index.md", "es": "index.md"},
          {"en": "{Name} at our clinic", "es": "{Name} en nuestra clínica"},
          "The treatment's first page. Its menu lists the journey pages by itself: write only two or three short "
          "sentences that say what the pages explain. The description above is the line the home page shows.",
          clinical=False, front_matter={"template": "hub.html"}),
    Stage("what-is-it", {"en": "what-is-it.md", "es": "que-es.md"},
          {"en": "What should I know about {name}?", "es": "¿Qué es el tratamiento de {name}?"},
          "What the treatment is, what it can and cannot do, and who does it.", sections=(
              _section(("What is it?", "what-it-is"), ("¿Qué es?", "que-es"),
                       "Say what the treatment is in two or three short sentences. Plain word first, medical term "
                       "after it in brackets."),
              _section(("How does it work?", "how-it-works"), ("¿Cómo funciona?", "como-funciona"),
                       "How it works on the skin, as the sources say it."),
              _section(("What can it help with?", "what-it-can-help"), ("¿Con qué puede ayudar?", "con-que-ayuda"),
                       "Only what the evidence supports (data/claims.yml lists the words we never use)."),
              _section(("What results can I expect?", "results"), ("¿Qué resultados puedo esperar?", "resultados"),
                       "How much it helps, when results show and how long they last, with the sources' numbers."),
              _section(("Who should do the treatment?", "who-performs-it"),
                       ("¿Quién debe hacer el tratamiento?", "quien-lo-hace"),
                       "Who may do it in California, and who does it here (the treatment's answers in "
                       "data/answers.yml).")),
          ),
    Stage("is-it-for-me", {"en": "is-it-for-me.md", "es": "es-para-mi.md"},
          {"en": "Could {name} help me?", "es": "¿Me conviene el tratamiento de {name}?"},
          "Who it may suit and who should wait: the page people read while they decide, so it asks them to call, "
          "not to book.", front_matter={"cta": "neutral"}, sections=(
              _section(("Is it right for me?", "right-for-me"), ("¿Es para mí?", "es-para-mi"),
                       "Who it may suit, and the age its device or product is cleared for, if any."),
              _section(("Who should wait or talk to us first?", "not-suitable"),
                       ("¿Quién debe esperar o hablar antes con nosotros?", "no-conviene"),
                       "The two lists below: reasons to wait, and reasons to talk to us first."),
              _section(("Wait until it has passed", "wait"), ("Espere hasta que pase", "esperar"),
                       "Short-lived reasons to wait (an infection, a medicine), each with how long.", level=3),
              _section(("Talk to us before you book", "talk-first"),
                       ("Hable con nosotros antes de hacer su cita", "hablar-antes"),
                       "Health conditions and skin conditions to tell us about before booking.", level=3),
              _section(("Does my skin tone matter?", "skin-tone"), ("¿Importa el tono de mi piel?", "tono-de-piel"),
                       "What the sources say about darker skin, without promising it is risk-free."),
              _section(("What should I tell you at my consultation?", "tell-us"),
                       ("¿Qué debo decirles en mi consulta?", "que-decirnos"),
                       "A short list: medicines, past treatments, allergies, skin problems."),
              _section(("What if it is not right for me now?", "not-now"),
                       ("¿Y si ahora no me conviene?", "ahora-no"),
                       "What happens next if it is not right for them now."),
              _section(("What else could I try?", "alternatives"),
                       ("¿Qué otras cosas puedo probar?", "otras-opciones"),
                       "Other options, without saying any of them is better.")),
          ),
    Stage("before", {"en": "before.md", "es": "antes.md"},
          {"en": "How do I prepare for {name}?", "es": "¿Cómo me preparo para el tratamiento de {name}?"},
          "The consultation and the weeks and days before the treatment.", sections=(
              _section(("What happens at the consultation?", "consultation"), ("¿Qué pasa en la consulta?", "consulta"),
                       "What we ask, look at and explain at the consultation."),
              _section(("Your preparation checklist", "checklist"), ("Su lista para prepararse", "lista"),
                       "What to do and stop, in time order (### As soon as you book, ### About a week before, ...)."),
              _section(("What to bring", "what-to-bring"), ("Qué traer", "que-traer"), "A short list."),
              _section(("On the day", "on-the-day"), ("El día del tratamiento", "el-dia"),
                       "How to arrive: skin, make-up, time to allow.")),
          ),
    Stage("during", {"en": "during.md", "es": "durante.md"},
          {"en": "What happens during {name}?", "es": "¿Qué pasa durante el tratamiento de {name}?"},
          "The session, step by step.", sections=(
              _section(("What are the steps?", "steps"), ("¿Cuáles son los pasos?", "pasos"),
                       "A numbered list, in the order they happen."),
              _section(("How long does it take?", "how-long"), ("¿Cuánto tarda?", "cuanto-tarda"),
                       "The time in the chair and in the clinic, as the clinic says."),
              _section(("How does it feel?", "how-it-feels"), ("¿Qué se siente?", "que-se-siente"),
                       "Honestly, as the sources describe it (data/claims.yml lists the words we never use)."),
              _section(("What can I ask you?", "questions-to-ask"),
                       ("¿Qué les puedo preguntar?", "preguntas-para-hacer"),
                       "Safety questions patients can ask any clinic."),
              _section(("What happens next?", "next"), ("¿Qué pasa después?", "despues"),
                       "Leaving the clinic, and a link to the aftercare page.")),
          ),
    Stage("aftercare", {"en": "aftercare.md", "es": "cuidados-despues.md"},
          {"en": "How do I care for my skin after {name}?",
           "es": "¿Cómo cuido mi piel después del tratamiento de {name}?"},
          "Recovery, day by day, and when to get help: written at school grade 6, and asking people to call, not "
          "to book.", front_matter={"cta": "neutral", "reading_grade": 6}, sections=(
              _section(("The first 24 hours", "first-24-hours"), ("Las primeras 24 horas", "primeras-24-horas"),
                       "What to do on the first day. Text the take-home sheet repeats goes in docs/_includes/ "
                       "(see the sheet's note)."),
              _section(("Recovery day by day", "recovery-timeline"),
                       ("La recuperación día a día", "recuperacion-dia-a-dia"),
                       "What most people see each day, and when it usually settles."),
              _section(("What to do", "dos"), ("Qué hacer", "que-hacer"), "A short list of things to do."),
              _section(("What to avoid", "donts"), ("Qué evitar", "que-evitar"),
                       "A short list, each with for how long."),
              _section(("What is normal?", "what-is-normal"), ("¿Qué es normal?", "que-es-normal"),
                       "What is common in the first days and should get better each day."),
              _section(("When to get help", "when-to-get-help"), ("Cuándo pedir ayuda", "cuando-pedir-ayuda"),
                       WHEN_TO_GET_HELP, boxes=HELP_TIERS),
              _section(("When will I see results?", "results"), ("¿Cuándo veré resultados?", "resultados"),
                       "When results show, and a link to the what-is-it page's results section.")),
          ),
    Stage("aftercare-sheet", {"en": "aftercare-sheet.md", "es": "hoja-de-cuidados.md"},
          {"en": "After {name}: your aftercare sheet", "es": "Después del tratamiento de {name}: su hoja de cuidados"},
          "The take-home sheet: the aftercare page's advice on one printed page. Never write it twice: put each "
          "part in its own file under docs/_includes/ (e.g. docs/_includes/TREATMENT/aftercare/first-24-hours.md) and "
          "include it both here and on the aftercare page, as microneedling's docs/aftercare-sheet.md does.",
          front_matter={"cta": "neutral", "reading_grade": 6}, sheet_of="aftercare", sections=(
              _section(("The first 24 hours", "first-24-hours"), ("Las primeras 24 horas", "primeras-24-horas"),
                       "Include the aftercare page's first-day text."),
              _section(("The days after", "days-after"), ("Los días después", "dias-despues"),
                       "Include the aftercare page's day-by-day text."),
              _section(("What to avoid, and for how long", "avoid"),
                       ("Qué evitar, y por cuánto tiempo", "que-evitar"), "Include the aftercare page's list."),
              _section(("When to get help", "when-to-get-help"), ("Cuándo pedir ayuda", "cuando-pedir-ayuda"),
                       "Include the aftercare page's three boxes. " + WHEN_TO_GET_HELP, boxes=HELP_TIERS)),
          ),
    Stage("risks", {"en": "risks.md", "es": "riesgos.md"},
          {"en": "What are the risks and side effects of {name}?",
           "es": "¿Qué riesgos tiene el tratamiento de {name}?"},
          "Side effects and risks, as the sources give them, and what to do if something goes wrong.",
          front_matter={"cta": "neutral"}, sections=(
              _section(("What side effects are common?", "common"),
                       ("¿Qué efectos secundarios son comunes?", "comunes"),
                       "The common ones, and how long they last."),
              _section(("What side effects are less common?", "rare"),
                       ("¿Qué efectos secundarios son menos comunes?", "menos-comunes"),
                       "The rarer ones, as the sources report them."),
              _section(("How can I lower the risks?", "how-we-lower-risk"),
                       ("¿Cómo puedo bajar los riesgos?", "como-bajar-riesgos"),
                       "What we do, and what patients can ask any clinic."),
              _section(("When to get help", "when-to-get-help"), ("Cuándo pedir ayuda", "cuando-pedir-ayuda"),
                       "A short pointer to the aftercare page's three boxes (aftercare.md#when-to-get-help)."),
              _section(("What if something goes wrong?", "if-something-goes-wrong"),
                       ("¿Y si algo sale mal?", "si-algo-sale-mal"),
                       "Who to call, and how to report a problem (for example to the FDA's MedWatch).")),
          ),
    Stage("questions", {"en": "questions.md", "es": "preguntas.md"},
          {"en": "What do people ask about {name}?", "es": "¿Qué pregunta la gente sobre {name}?"},
          "Short answers to the questions patients ask, each a ## question with its own {#id}, linking to the "
          "page with more detail.", sections=(
              _section(("How much does it cost?", "cost"), ("¿Cuánto cuesta?", "costo"),
                       "The price comes from mkdocs.yml (the treatment's price): show it with the treatment.price "
                       "placeholder in an if / else block, as docs/questions.md does; never type a number."),
              _section(("How do I book?", "book"), ("¿Cómo hago una cita?", "cita"),
                       "How to book: by phone (the clinic.phone placeholder), and online if the clinic has a "
                       "booking link, as docs/questions.md does.")),
          ),
)


def stage(key: str) -> Stage:
    """One stage of the journey by its key ("aftercare")."""
    return next(each for each in JOURNEY if each.key == key)


# A translation's glossary of the words its pages use (for writers and reviewers, not patients): the shared one at
# the root of its docs folder, and one part per treatment, in the treatment's folder under the same file name.
GLOSSARIES = {"es": "glosario.md"}
