"""Clinic details: bad values fail with the setting, the value and the fix; good ones display well."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.site.clinic import display_values, opening_hours, validate_clinic

CONFIG = Path("mkdocs.yml")
GOOD = {"name": "Alladerm", "phone": "(949) 916-7166", "city": "Aliso Viejo", "region": "CA"}


def messages(clinic: dict) -> list[str]:
    return [problem.message for problem in validate_clinic(clinic, CONFIG)]


def test_the_real_defaults_are_valid() -> None:
    assert messages(GOOD) == []


def test_phone_is_shown_in_national_format_and_linked_in_e164() -> None:
    values = display_values({**GOOD, "phone": "949.916.7166"})
    assert values["phone"] == "(949) 916-7166"
    assert values["phone_tel"] == "tel:+19499167166"


@pytest.mark.parametrize(("clinic", "expected"), [
    ({**GOOD, "phone": "555-1234"},
     "clinic 'phone' is '555-1234', which is not a valid US phone number: write the 10 digits with the "
     "area code, e.g. \"(714) 555-0142\""),
    ({**GOOD, "phone": ""},
     "clinic 'phone' is empty: every page offers a call, so write the clinic's phone number, "
     "e.g. phone: \"(714) 555-0142\""),
    ({**GOOD, "sms": "12"},
     "clinic 'sms' is '12', which is not a valid US phone number: write the 10 digits with the area code, "
     "e.g. \"(714) 555-0142\""),
    ({**GOOD, "booking_url": "http://book.example.com"},
     "clinic 'booking_url' is 'http://book.example.com': it must be a full secure address starting with "
     "https://, or left empty"),
    ({**GOOD, "email": "hello@"},
     "clinic 'email' is 'hello@', which is not an email address: write it like hello@example.com, "
     "or leave it empty"),
    ({**GOOD, "hours": [{"day": "Monday", "opens": "9am", "closes": "17:00"}]},
     "clinic 'hours' time '9am' on Monday is not a 24-hour time: write it as HH:MM in quotes, e.g. \"17:30\""),
    ({**GOOD, "hours": [{"day": "Monday", "opens": "17:00", "closes": "09:00"}]},
     "clinic 'hours' on Monday: closing time 09:00 is not after opening time 17:00: check the two times"),
    ({**GOOD, "hours": [{"day": "Mon", "opens": "09:00", "closes": "17:00"}]},
     "clinic 'hours' day 'Mon' is not a day of the week: write one of Monday, Tuesday, Wednesday, Thursday, "
     "Friday, Saturday, Sunday"),
    ({**GOOD, "fone": "x"},
     "clinic setting 'fone' is not one we know: check the spelling (did you mean 'phone'?)"),
])
def test_a_bad_setting_is_reported_with_its_value_and_the_fix(clinic: dict, expected: str) -> None:
    assert messages(clinic) == [expected]


def test_a_problem_points_at_the_line_of_the_setting(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nextra:\n  clinic:\n    name: A\n    phone: \"123\"\n", encoding="utf-8")
    (problem,) = validate_clinic({"name": "A", "phone": "123"}, config)
    assert (problem.line, str(problem).split(":")[1]) == (5, "5")


def test_a_bad_opening_hours_entry_is_reported_at_its_own_line(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("extra:\n  clinic:\n    name: A\n    phone: \"(949) 916-7166\"\n    hours:\n"
                      "      - {day: Monday, opens: \"09:00\", closes: \"17:00\"}\n"
                      "      - {day: Tuesday, opens: \"9am\", closes: \"17:00\"}\n", encoding="utf-8")
    hours = [{"day": "Monday", "opens": "09:00", "closes": "17:00"},
             {"day": "Tuesday", "opens": "9am", "closes": "17:00"}]
    (problem,) = validate_clinic({**GOOD, "hours": hours}, config)
    assert problem.line == 7


def test_unknown_details_stay_empty_and_no_map_link_is_made_up() -> None:
    values = display_values(GOOD)
    assert values["booking_url"] == values["email"] == values["map_url"] == values["street_address"] == ""
    assert values["address"] == "Aliso Viejo, CA"


@pytest.mark.parametrize(("setting", "value", "start"), [
    ("booking_url", "https://book.example.test/?utm_source=site&x=1",
     "clinic 'booking_url' has tracking parameters (utm_source)"),
    ("postcode", "9265", "clinic 'postcode' is '9265': write the 5-digit ZIP code"),
    ("region", "Calif.", "clinic 'region' is 'Calif.': write the state's two capital letters"),
    ("device_name", "Pen X", "clinic setting 'device_name' is not one we know"),  # a clinical answer: data/answers.yml
])
def test_a_wrong_office_detail_names_the_setting_and_the_fix(setting: str, value: str, start: str) -> None:
    [message] = messages({**GOOD, setting: value})
    assert message.startswith(start)


def test_the_office_details_may_all_be_filled_in() -> None:
    office = {"booking_url": "https://book.example.test/alladerm?service=12", "postcode": "92656-1234",
              "sms": "(714) 555-0142", "email": "hello@example.test", "languages_spoken": ["en", "es"]}
    assert messages({**GOOD, **office}) == []


def test_a_translation_knows_whether_the_phone_team_speaks_its_language() -> None:
    assert display_values(GOOD, "es")["speaks_this_language"] == ""
    assert display_values({**GOOD, "languages_spoken": ["en"]}, "es")["speaks_this_language"] == ""
    assert display_values({**GOOD, "languages_spoken": ["en", "es"]}, "es")["speaks_this_language"] == "yes"
    assert display_values({**GOOD, "languages_spoken": ["en"]}, "en")["speaks_this_language"] == "yes"


def test_a_clinic_setting_message_points_at_that_settings_line_not_an_earlier_key_of_the_same_name(
        tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Guide\ntheme:\n  name: material\nextra:\n  clinic:\n    phone: \"(714) 555-0142\"\n"
                      "    name: \"\"\n    hours:\n      - {day: Monday, opens: \"09:00\", closes: \"17:00\"}\n"
                      "      - {day: Funday, opens: \"09:00\", closes: \"17:00\"}\n", encoding="utf-8")
    clinic = {"phone": "(714) 555-0142", "name": "", "hours": [
        {"day": "Monday", "opens": "09:00", "closes": "17:00"}, {"day": "Funday", "opens": "09:00", "closes": "17:00"}]}
    lines = {problem.message.split(":")[0]: problem.line for problem in validate_clinic(clinic, config)}
    assert lines == {"clinic 'name' is empty": 7, "clinic 'hours' day 'Funday' is not a day of the week": 10}


@pytest.mark.parametrize("phone", ["1-800-FLOWERS", "949-916-SKIN", "+44 20 7946 0958", "+52 55 1234 5678"])
def test_a_phone_number_in_letters_or_from_another_country_is_refused(phone: str) -> None:
    [message] = messages({**GOOD, "phone": phone})
    assert message.startswith(f"clinic 'phone' is '{phone}', which is not a valid US phone number")


def test_opening_hours_may_have_closed_days_and_read_as_patients_say_them() -> None:
    hours = [{"day": "Monday", "opens": "09:00", "closes": "17:30"}, {"day": "Saturday", "opens": "10:00",
             "closes": "12:00"}, {"day": "Sunday", "closed": True}]
    assert messages({**GOOD, "hours": hours}) == []
    assert opening_hours(hours) == [{"day": "Monday", "text": "9 am to 5:30 pm"},
                                    {"day": "Saturday", "text": "10 am to noon"}, {"day": "Sunday", "text": "Closed"}]


def test_a_day_listed_twice_is_refused() -> None:
    hours = [{"day": "Monday", "opens": "09:00", "closes": "17:00"}, {"day": "Monday", "closed": True}]
    [message] = messages({**GOOD, "hours": hours})
    assert message.startswith("clinic 'hours' lists Monday twice")
