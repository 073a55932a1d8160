"""One schema for every answer the clinic gives the site: where it is kept, who answers it, the question, why
patients need it, where to find it, and what is allowed. The settings check, the placeholders, the intake
questionnaire (make intake) and the go-live report (make readiness) all read it; a setting without an entry here is
refused as unknown.

Where answers live: the office's details (name, phone, hours, address, booking, languages) in mkdocs.yml under
extra: clinic:, which marketing edits; each treatment's name and price under extra: treatments: KEY:; the clinical
answers (who treats, the supervising doctor, the after-hours line, and each treatment's device, age and add-ons) in
data/answers.yml, which only the medical team changes and signs off as a group."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SETTINGS = ("extra", "clinic")  # mkdocs.yml
ANSWERS_FILE = Path("data/answers.yml")
OFFICE, MEDICAL_DIRECTOR = "the office", "the medical director"


@dataclass(frozen=True)
class Answer:
    key: str
    home: str  # "clinic" (mkdocs.yml extra.clinic), "treatment" (extra.treatments.KEY), "clinical" (data/answers.yml
    #            clinic:), "treatment clinical" (data/answers.yml treatments.<name>:)
    who: str
    question: str
    why: str
    where: str  # where to find the answer
    allowed: str  # the allowed answers, in words (the questionnaire's boxes)

    @property
    def clinical(self) -> bool:
        """Signed off by a clinician as a group (#23's record), in data/answers.yml."""
        return self.home in ("clinical", "treatment clinical")

    @property
    def namespace(self) -> str:
        """How pages name it: {{ clinic.KEY }} or {{ treatment.KEY }}."""
        return "treatment" if self.home.startswith("treatment") else "clinic"


SCHEMA: tuple[Answer, ...] = (
    Answer("name", "clinic", OFFICE, "What is the clinic's name, as patients know it?",
           "Every page, the printouts and the link previews name the clinic.", "The sign on the door.",
           "text"),
    Answer("phone", "clinic", OFFICE, "Which phone number should patients call?",
           "Every page has a one-tap call button.", "The main line.", "a US number, e.g. (714) 555-0142"),
    Answer("sms", "clinic", OFFICE, "Can patients text the clinic? On which number?",
           "The contact page offers a text message when there is a number for it.", "The texting line, if any.",
           "a US number, or empty"),
    Answer("email", "clinic", OFFICE, "Which email address may patients write to?",
           "The contact page shows it.", "The front desk's address.", "an email address, or empty"),
    Answer("booking_url", "clinic", OFFICE, "Where can patients book online?",
           "The home page's button books in one tap; without it, it offers a call.",
           "The booking system's public page (copy it from the browser's address bar).",
           "an https:// address without tracking parameters (utm_, fbclid, gclid), or empty"),
    Answer("street_address", "clinic", OFFICE, "What is the clinic's street address?",
           "The contact page and search engines show where to come.", "The lease or the sign.", "text"),
    Answer("city", "clinic", OFFICE, "In which city is the clinic?", "As above.", "The address.", "text"),
    Answer("region", "clinic", OFFICE, "In which state?", "As above.", "The address.",
           "the two-letter state code, e.g. CA"),
    Answer("postcode", "clinic", OFFICE, "What is the ZIP code?", "As above.", "The address.",
           "5 digits, or 5+4, e.g. 92656"),
    Answer("map_url", "clinic", OFFICE, "Is there a map link you want patients to use?",
           "The contact page links to it (nothing is embedded).", "The map's share button.",
           "an https:// address, or empty (the phone's own map app is used)"),
    Answer("hours", "clinic", OFFICE, "When is the clinic open, day by day?",
           "The contact page and search engines show when to call or come.", "The front desk.",
           "for each day: opening and closing time, or closed"),
    Answer("languages_spoken", "clinic", OFFICE, "Which languages does the phone team speak?",
           "Until it lists Spanish, Spanish pages say calls may be answered in English and how to get an "
           "interpreter.", "Ask the front desk.", "language codes, e.g. [en, es]"),
    Answer("name", "treatment", OFFICE, "What do you call the treatment?",
           "Search engines are told what the pages are about.", "Your price list.", "text"),
    Answer("also_called", "treatment", OFFICE, "What else is it called?", "As above.", "Your price list.",
           "text, or empty"),
    Answer("price", "treatment", OFFICE, "What is the usual price, and for what?",
           "Patients compare prices; the questions page says it, or asks them to ask.", "Your price list.",
           "whole dollars from and to, per session, area or package, e.g. {from: 300, to: 450, per: session}"),
    Answer("supervising_physician", "clinical", MEDICAL_DIRECTOR,
           "Which doctor (MD or DO) supervises the treatments? Their license board and number?",
           "In California, nurses and physician assistants may do cosmetic medical treatments only under a "
           "doctor's supervision; patients can look the doctor up.", "The doctor's license, on the state's license "
           "search.", "name, MD or DO, license board and number"),
    Answer("after_hours_phone", "clinical", MEDICAL_DIRECTOR,
           "Which number can patients call about a problem when the clinic is closed?",
           "The aftercare and contact pages send patients with a complication there.",
           "Whoever answers after hours.", "a US number that is not the day line (unless that line is forwarded)"),
    Answer("after_hours_forwarded", "clinical", MEDICAL_DIRECTOR,
           "Is the day line forwarded after hours to someone who answers?",
           "Only then may the after-hours number be the day line.", "The phone company's settings.", "yes or no"),
    Answer("device_name", "treatment clinical", MEDICAL_DIRECTOR, "Which device do you use for it?",
           "Patients can check what the FDA cleared it for.", "The device's label.",
           "brand and model, 60 characters at most, without FDA wording"),
    Answer("device_clearance", "treatment clinical", MEDICAL_DIRECTOR, "What is the device's FDA number?",
           "Patients can look it up in the FDA's 510(k) and De Novo databases.",
           "The FDA letter for the device, or the FDA's 510(k) or De Novo database.",
           "K and 6 digits, or DEN and 6 digits (a P number is a premarket approval: check it)"),
    Answer("device_min_age", "treatment clinical", MEDICAL_DIRECTOR,
           "What is the youngest age the device's FDA clearance covers?",
           "The is-it-for-me page says who it is cleared for.", "The device's labeling (indications for use).",
           "a whole number; the FDA summary the pages cite lists 22 and older"),
    Answer("adds_serums", "treatment clinical", MEDICAL_DIRECTOR,
           "Do you put a serum on the skin during the treatment?",
           "The FDA has not cleared the devices for use with serums; patients should know.", "Your protocol.",
           "yes or no"),
    Answer("adds_prp", "treatment clinical", MEDICAL_DIRECTOR,
           "Do you use PRP (platelet-rich plasma) with the treatment?",
           "PRP means a blood draw, and infections have been linked to unsafe PRP practice.", "Your protocol.",
           "yes or no"),
    Answer("performer_roles", "treatment clinical", MEDICAL_DIRECTOR, "Who does the treatment?",
           "Patients should know who treats them and what license they hold.", "Your staff's licenses.",
           "one or more of the roles in data/roles.yml"),
)


def answers_in(home: str) -> dict[str, Answer]:
    return {answer.key: answer for answer in SCHEMA if answer.home == home}
