"""The clinic's clinical answers (data/answers.yml) and each treatment's price (mkdocs.yml extra.treatments): typed,
lawful values with plain-English fixes, shown in each page's language, and the clinical ones published only as
a clinician signed them (#23's review log, page id `clinical-answers`)."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from scripts.problems import Problem, Severity
from scripts.site.answer_schema import ANSWERS_FILE, Answer, answers_in
from scripts.site.claims import claim_message, claims_file, find_claims, load_claims
from scripts.site.clinic import parse_phone, phone_display
from scripts.site.languages import languages
from scripts.site.settings import load_settings, setting_line
from scripts.site.treatments import SETTINGS as TREATMENT_SETTINGS
from scripts.site.treatments import treatment_findings
from scripts.site.yaml_text import unreadable_file_problem

ROLES_FILE = Path("data/roles.yml")
ANSWERS_PAGE = "clinical-answers"  # the id their sign-offs are logged under
CLEARANCE = re.compile(r"^(K|DEN)\d{6}$")
PREMARKET = re.compile(r"^P\d{6}$")
PRICE_PER = ("session", "area", "package")
CLEARED_AGE = 22  # the FDA summary the pages cite lists uses for people aged 22 and older
MAX_DEVICE_NAME = 60


@dataclass(frozen=True)
class Roles:
    allowed: dict[str, dict[str, Any]]
    refused: dict[str, dict[str, Any]]  # by every name it goes by


def load_roles(root: Path) -> Roles:
    """The roles list; what cannot be read counts as no role (so no role is allowed, and the check says why)."""
    try:
        data = yaml.safe_load((root / ROLES_FILE).read_text(encoding="utf-8")) if (root / ROLES_FILE).is_file() else {}
    except (yaml.YAMLError, ValueError):
        data = {}
    data = data if isinstance(data, dict) else {}
    listed = [role for role in data.get("allowed") or [] if isinstance(role, dict) and role.get("id")]
    allowed = {str(role["id"]): role for role in listed}
    refused = {}
    for role in data.get("refused") or []:
        if not isinstance(role, dict):
            continue
        also = role.get("also") if isinstance(role.get("also"), list) else []
        for name in [role.get("id"), *also]:
            if name:
                refused[_role_name(str(name))] = role
    return Roles(allowed, refused)


def _role_name(text: str) -> str:
    return re.sub(r"[\s-]+", "_", text.strip().lower())


def read_answers(root: Path) -> dict[str, Any]:
    """data/answers.yml as written ({} when missing); a YAMLError when it is not YAML."""
    file = root / ANSWERS_FILE
    data = yaml.safe_load(file.read_text(encoding="utf-8")) if file.is_file() else {}
    return data if isinstance(data, dict) else {}


def clinic_answers(data: dict[str, Any]) -> dict[str, Any]:
    return data.get("clinic") if isinstance(data.get("clinic"), dict) else {}


def treatment_answers(data: dict[str, Any], treatment: str) -> dict[str, Any]:
    treatments = data.get("treatments") if isinstance(data.get("treatments"), dict) else {}
    return treatments.get(treatment) if isinstance(treatments.get(treatment), dict) else {}


def answer_value(answer: Answer, extra: dict[str, Any], data: dict[str, Any], treatment: str = "") -> Any:
    """One answer as written in its home: `extra` is mkdocs.yml's extra (clinic:, treatments:), `data` is
    data/answers.yml (clinic:, treatments:); a treatment's answers are `treatment`'s. None when it is not there."""
    entries = extra.get("treatments") if isinstance(extra.get("treatments"), dict) else {}
    homes = {"clinic": extra.get("clinic"), "treatment": entries.get(treatment), "clinical": clinic_answers(data),
             "treatment clinical": treatment_answers(data, treatment)}
    home = homes[answer.home]
    return home.get(answer.key) if isinstance(home, dict) else None


def is_answered(value: Any) -> bool:
    """Whether a value is an answer: not empty, not an empty list or fields, not false (the file's default)."""
    return _filled(value)


def clinical_values(data: dict[str, Any]) -> dict[str, Any]:
    """The answers a clinician signs, as data (every treatment's too)."""
    treatments = data.get("treatments") if isinstance(data.get("treatments"), dict) else {}
    # A treatment with no answer yet (a new draft's empty entry) is left out, so adding one keeps the signed answers
    # signed.
    return {"clinic": {key: clinic_answers(data).get(key) for key in answers_in("clinical")},
            "treatments": {name: {key: (answers or {}).get(key) for key in answers_in("treatment clinical")}
                           for name, answers in sorted(treatments.items()) if isinstance(answers, dict)
                           and _filled({key: answers.get(key) for key in answers_in("treatment clinical")})}}


def _filled(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_filled(item) for item in value.values())
    if isinstance(value, list):
        return bool(value)
    return value not in (None, "", False)


def answers_given(data: dict[str, Any]) -> bool:
    """Whether any clinical answer is filled in (with none, there is nothing to sign)."""
    return _filled(clinical_values(data))


def answers_version(data: dict[str, Any]) -> str:
    """The clinical answers' version id: what a clinician signs (like a page's, 12 hex digits)."""
    content = json.dumps(clinical_values(data), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:12]


def unsigned(data: dict[str, Any]) -> dict[str, Any]:
    """The answers with every clinical one emptied: what pages show until a clinician signs them."""
    treatments = data.get("treatments") if isinstance(data.get("treatments"), dict) else {}
    emptied = {"clinic": dict.fromkeys(answers_in("clinical"), "")}
    emptied["treatments"] = {name: dict.fromkeys(answers_in("treatment clinical"), "") for name in treatments}
    return emptied


# Validation: (setting path in its file, message, severity).
Finding = tuple[tuple[str | int, ...], str, Severity]


def answer_findings(data: dict[str, Any], office_phone: str, roles: Roles, claim_check: Any) -> list[Finding]:
    """Every problem with the clinical answers. `claim_check(text) -> list[str]`: the claims a text makes, in
    every language whose pages show it."""
    found: list[Finding] = []
    for section, known in (("clinic", answers_in("clinical")),):
        for key in sorted(set(clinic_answers(data)) - set(known)):
            found.append(((section, key), f"'{key}' is not an answer we know under clinic: the answers are "
                                          f"{', '.join(known)}", Severity.ERROR))
    clinic = clinic_answers(data)
    found += _physician_findings(clinic.get("supervising_physician"))
    found += _after_hours_findings(clinic, office_phone)
    if "treatments" in data and not isinstance(data.get("treatments"), dict):
        found.append((("treatments",), "'treatments' must hold each treatment by name, e.g. treatments: / "
                                       "microneedling: / device_name: …, as the file's own lines show", Severity.ERROR))
    treatments = data.get("treatments") if isinstance(data.get("treatments"), dict) else {}
    for name, answers in treatments.items():
        answers = answers if isinstance(answers, dict) else {}
        where = ("treatments", name)
        known = answers_in("treatment clinical")
        found += [((*where, key), f"'{key}' is not an answer we know for a treatment: the answers are "
                                  f"{', '.join(known)}", Severity.ERROR) for key in sorted(set(answers) - set(known))]
        found += _device_findings(answers, where, claim_check)
        found += _role_findings(answers.get("performer_roles"), (*where, "performer_roles"), roles,
                                _filled(clinic.get("supervising_physician")))
        for key, what in (("adds_serums", "a serum"), ("adds_prp", "PRP")):
            value = answers.get(key)
            if value not in (None, "", True, False) and str(value).lower() not in ("yes", "no"):
                found.append(((*where, key), f"'{key}' is '{value}': write yes or no (do we use {what} with the "
                                             "treatment?), or leave it empty", Severity.ERROR))
    return found


def _physician_findings(value: Any) -> list[Finding]:
    where = ("clinic", "supervising_physician")
    example = ('{name: Jane Doe, degree: MD, licence: {board: Medical Board of California, number: "A000000"}}, '
               "as the state's license search shows them")
    if value in (None, ""):
        return []
    if not isinstance(value, dict):
        return [(where, f"'supervising_physician' is '{value}': write the doctor as {example}", Severity.ERROR)]
    if not _filled(value):
        return []
    licence = value.get("licence") if isinstance(value.get("licence"), dict) else {}
    problems = []
    if not str(value.get("name") or "").strip():
        problems.append("their name")
    if str(value.get("degree") or "").strip().upper() not in ("MD", "DO"):
        problems.append(f"degree MD or DO (not '{value.get('degree') or ''}': the supervising doctor is a physician)")
    if not str(licence.get("board") or "").strip() or not str(licence.get("number") or "").strip():
        problems.append("their license board and number")
    return [(where, f"'supervising_physician' needs {', '.join(problems)}: write {example}", Severity.ERROR)] \
        if problems else []


def _after_hours_findings(clinic: dict[str, Any], office_phone: str) -> list[Finding]:
    value = str(clinic.get("after_hours_phone") or "").strip()
    forwarded = clinic.get("after_hours_forwarded")
    found: list[Finding] = []
    if forwarded not in (None, True, False):
        found.append((("clinic", "after_hours_forwarded"), f"'after_hours_forwarded' is '{forwarded}': write true "
                                                           "or false", Severity.ERROR))
    if not value:
        return found
    number, day_line = parse_phone(value), parse_phone(office_phone) if office_phone else None
    if number is None:
        found.append((("clinic", "after_hours_phone"), f"'after_hours_phone' is '{value}', which is not a valid US "
                                                      "phone number: write the 10 digits with the area code, e.g. "
                                                      "\"(714) 555-0142\"", Severity.ERROR))
    elif day_line is not None and number == day_line and forwarded is not True:
        found.append((("clinic", "after_hours_phone"), "'after_hours_phone' is the clinic's day line: a patient with "
                                                      "a problem at night would reach a phone nobody answers. Write "
                                                      "the number of whoever answers after hours, or, if the day "
                                                      "line is forwarded to them, set after_hours_forwarded: true",
                      Severity.ERROR))
    return found


def _device_findings(answers: dict[str, Any], where: tuple[str, ...], claim_check: Any) -> list[Finding]:
    found: list[Finding] = []
    name = str(answers.get("device_name") or "").strip()
    if name:
        if re.search(r"\bFDA\b", name, re.I):
            found.append(((*where, "device_name"), f"'device_name' is '{name}': write the brand and model only; the "
                                                   "pages say what the FDA did, and \"FDA-approved\" is a claim the "
                                                   "FDA calls misleading for these devices", Severity.ERROR))
        if len(name) > MAX_DEVICE_NAME or urlparse(name).scheme:
            found.append(((*where, "device_name"), f"'device_name' is '{name}': write the brand and model, "
                                                   f"{MAX_DEVICE_NAME} characters at most, with no web address",
                          Severity.ERROR))
        found += [((*where, "device_name"), f"'device_name': {claim}", Severity.ERROR) for claim in claim_check(name)]
    clearance = str(answers.get("device_clearance") or "").strip()
    if clearance and PREMARKET.match(clearance):
        found.append(((*where, "device_clearance"), f"'device_clearance' is '{clearance}', a premarket approval (P) "
                                                    "number: microneedling devices are cleared (K) or granted De Novo "
                                                    "(DEN); check the number on the device's FDA letter",
                      Severity.WARNING))
    elif clearance and not CLEARANCE.match(clearance):
        found.append(((*where, "device_clearance"), f"'device_clearance' is '{clearance}': write the FDA number from "
                                                    "the device's paperwork, K or DEN and 6 digits, e.g. K202243 or "
                                                    "DEN160029, or leave it empty", Severity.ERROR))
    age = answers.get("device_min_age")
    if age not in (None, ""):
        if not isinstance(age, int) or isinstance(age, bool) or not 12 <= age <= 99:
            found.append(((*where, "device_min_age"), f"'device_min_age' is '{age}': write the youngest age the "
                                                      "device is cleared for, as a whole number, e.g. 22, or leave it "
                                                      "empty", Severity.ERROR))
        elif age < CLEARED_AGE:
            found.append(((*where, "device_min_age"), f"'device_min_age' is {age}: the FDA summary the pages cite "
                                                      f"lists uses for people aged {CLEARED_AGE} and older; check the "
                                                      "device's own labeling before publishing a younger age",
                          Severity.WARNING))
    return found


def _role_findings(value: Any, where: tuple[str | int, ...], roles: Roles, supervisor: bool) -> list[Finding]:
    allowed = ", ".join(roles.allowed)
    if value in (None, "", []):
        return []
    if not isinstance(value, list):
        return [(where, f"'performer_roles' is '{value}': write a list of roles, e.g. [registered_nurse], from: "
                        f"{allowed}", Severity.ERROR)]
    found: list[Finding] = []
    for index, role in enumerate(value):
        name = _role_name(str(role))
        if name in roles.allowed:
            continue
        refused = roles.refused.get(name)
        why = f"{refused['why'].strip()}" if refused else "it is not one of the roles that may do it"
        found.append(((*where, index), f"'performer_roles' has '{role}': {why}. Choose from: {allowed} "
                                       f"(data/roles.yml)", Severity.ERROR))
    supervised = [str(role) for role in value if roles.allowed.get(_role_name(str(role)), {}).get("supervised")]
    if supervised and not supervisor:
        found.append((where, f"{', '.join(supervised)} may do it only under a doctor's supervision: fill in "
                             "supervising_physician under clinic:", Severity.ERROR))
    return found


def price_findings(treatment: dict[str, Any], key: str = "") -> list[Finding]:
    """A treatment's price (mkdocs.yml extra.treatments.KEY.price): whole dollars from and to, and per what."""
    price = treatment.get("price")
    where = (*TREATMENT_SETTINGS, key, "price")
    example = "{from: 300, to: 450, per: session}"
    if price in (None, "") or (isinstance(price, dict) and not _filled(price)):
        return []
    if not isinstance(price, dict):
        return [(where, f"'price' is '{price}': write it as {example} (whole dollars; per session, area or "
                        "package), or leave it empty to give prices at the consultation", Severity.ERROR)]
    low, high, per = price.get("from"), price.get("to"), price.get("per")
    numbers = all(isinstance(n, int) and not isinstance(n, bool) for n in (low, high))
    if not numbers or not 0 < low <= high or per not in PRICE_PER:
        return [(where, f"'price' is {price}: write whole dollars from and to (from no more than to) and what it "
                        f"is for, one of {', '.join(PRICE_PER)}, e.g. {example}", Severity.ERROR)]
    return []


def findings_as_problems(findings: list[Finding], file: Path, shown: str) -> list[Problem]:
    return [Problem(shown, setting_line(file, *where), message, severity) for where, message, severity in findings]


def signed_answers(data: dict[str, Any], signed_version: str | None) -> dict[str, Any]:
    """The answers pages may show: as written when none is given or they are the version a clinician signed;
    otherwise with every clinical answer empty (pages then say "ask us")."""
    if not answers_given(data) or signed_version == answers_version(data):
        return data
    return unsigned(data)


def _yes_no(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value or "").strip().lower()
    return text if text in ("yes", "no") else ""


def answer_values(details: dict[str, Any]) -> dict[str, str]:
    """What pages show of the clinical answers and the treatment, by placeholder name, in the page's language
    (details: scripts/site/page_details.py). A value with no wording in that language shows as not answered, so a
    page says "ask us" rather than show English in another language's sentence."""
    words = details.get("words") or {}
    roles = details.get("roles") or {}
    language = str(details.get("language") or "en")
    treatment = details.get("treatment") or {}
    doctor = details.get("supervising_physician") if isinstance(details.get("supervising_physician"), dict) else {}
    doctor_text = ", ".join(part for part in (str(doctor.get("name") or "").strip(),
                                              str(doctor.get("degree") or "").strip().upper()) if part)
    shown, dialled = phone_display(str(details.get("after_hours_phone") or "").strip())
    performers = [str((roles.get(_role_name(str(role))) or {}).get(language) or "")
                  for role in treatment.get("performer_roles") or []]
    joiner = f" {words.get('list_or') or 'or'} "
    values = {
        "clinic.supervising_physician": doctor_text if doctor.get("name") else "",
        "clinic.after_hours_phone": shown,
        "clinic.after_hours_phone_tel": f"tel:{dialled}" if dialled else "",
    }
    if details.get("treatment") is None:
        return values  # a page of no treatment: it has no {{ treatment.* }} to show
    return {
        **values,
        "treatment.device_name": str(treatment.get("device_name") or "").strip(),
        "treatment.device_clearance": str(treatment.get("device_clearance") or "").strip(),
        "treatment.device_min_age": str(treatment.get("device_min_age") or "").strip(),
        "treatment.adds_serums": _yes_no(treatment.get("adds_serums")),
        "treatment.adds_prp": _yes_no(treatment.get("adds_prp")),
        "treatment.performer_roles": joiner.join(performers) if performers and all(performers) else "",
        "treatment.price": _price_text(treatment.get("price"), words),
    }


def _price_text(price: Any, words: dict[str, Any]) -> str:
    if not isinstance(price, dict) or not price_findings({"price": price}) == [] or not _filled(price):
        return ""
    per = (words.get("price_per") or {}).get(str(price.get("per")))
    pattern = words.get("price")
    if not per or not pattern:
        return ""
    return str(pattern).replace("{from}", f"{price['from']:,}").replace("{to}", f"{price['to']:,}").replace(
        "{per}", str(per))


def answers_problems(root: Path, config_path: Path) -> list[Problem]:
    """Every problem with the clinical answers (data/answers.yml) and the treatment's price (config_path's
    extra.treatments), with the rule, the file and the line. The device name is held to every language's claims
    list: every edition shows it."""
    shown_config = config_path.resolve().relative_to(root.resolve()).as_posix()
    settings = load_settings(config_path)
    extra = settings.get("extra") or {}
    entries = extra.get("treatments") if isinstance(extra.get("treatments"), dict) else {}
    findings: list[Finding] = [(where, message, Severity.ERROR) for where, message in treatment_findings(settings)]
    findings += [finding for key, entry in entries.items() if isinstance(entry, dict)
                 for finding in price_findings(entry, str(key))]
    problems = findings_as_problems(findings, config_path, shown_config)
    try:
        data = read_answers(root)
    except (yaml.YAMLError, ValueError) as error:
        return [*problems, unreadable_file_problem(ANSWERS_FILE.as_posix(), error)]
    try:
        every = [claim for language in languages(root) if (root / claims_file(language.code)).is_file()
                 for claim in load_claims(root, language.code)]
    except (yaml.YAMLError, KeyError, TypeError, ValueError):
        every = []  # the content check reports the broken claims list with its line

    def claim_check(text: str) -> list[str]:
        return [claim_message(found, claim) for _, found, claim in find_claims(text, every)]
    office_phone = str((extra.get("clinic") or {}).get("phone") or "")
    findings = answer_findings(data, office_phone, load_roles(root), claim_check)
    return problems + findings_as_problems(findings, root / ANSWERS_FILE, ANSWERS_FILE.as_posix())
