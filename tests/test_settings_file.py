"""The settings file as the build and the checks read it: an edit is always seen, even in a running preview."""

from __future__ import annotations

from pathlib import Path

import yaml

from scripts.site.settings import load_settings, with_settings


def test_an_edited_settings_file_is_read_again_even_when_its_size_is_unchanged(tmp_path: Path) -> None:
    """`make serve` rebuilds in the same process: a new phone number of the same length must show at once."""
    config = tmp_path / "mkdocs.yml"
    config.write_text("extra:\n  clinic:\n    phone: (714) 555-0142\n", encoding="utf-8")
    assert load_settings(config)["extra"]["clinic"]["phone"] == "(714) 555-0142"
    config.write_text("extra:\n  clinic:\n    phone: (714) 555-0143\n", encoding="utf-8")
    assert load_settings(config)["extra"]["clinic"]["phone"] == "(714) 555-0143"


def test_changing_the_values_read_does_not_change_the_next_read(tmp_path: Path) -> None:
    """The build fills in settings (display forms, today's promotions); another reader must get the file's own."""
    config = tmp_path / "mkdocs.yml"
    config.write_text("extra:\n  clinic:\n    name: Our clinic\n", encoding="utf-8")
    load_settings(config)["extra"]["clinic"]["name"] = "Changed in memory"
    assert load_settings(config)["extra"]["clinic"]["name"] == "Our clinic"


def test_a_translation_reads_the_settings_it_inherits_as_they_are_now(tmp_path: Path) -> None:
    english, spanish = tmp_path / "mkdocs.yml", tmp_path / "mkdocs.es.yml"
    spanish.write_text("INHERIT: mkdocs.yml\nextra:\n  language: es\n", encoding="utf-8")
    english.write_text("extra:\n  clinic:\n    phone: (714) 555-0142\n", encoding="utf-8")
    assert load_settings(spanish)["extra"]["clinic"]["phone"] == "(714) 555-0142"
    english.write_text("extra:\n  clinic:\n    phone: (714) 555-0143\n", encoding="utf-8")
    assert load_settings(spanish)["extra"] == {"clinic": {"phone": "(714) 555-0143"}, "language": "es"}


def test_a_setting_added_after_a_block_mapping_stays_in_its_own_mapping() -> None:
    """An added key goes after the last key's last line, not after the comments that lead into the next setting."""
    text = "extra:\n  treatments:\n    first:\n      name: First\n  # The next setting.\n  promotions: []\n"
    changed = with_settings(text, {("extra", "treatments", "second"): {"name": "Second"}})
    assert yaml.safe_load(changed)["extra"] == {
        "treatments": {"first": {"name": "First"}, "second": {"name": "Second"}}, "promotions": []}
    assert changed.index("second") < changed.index("# The next setting.")
