"""The settings' words come from the catalogue: what each setting may be is an id,
looked up only when a mistake is reported, so config.py's start-up reads no words."""

from __future__ import annotations

import pytest

from resilience_cli.config import SETTINGS


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.key)
def test_every_setting_says_what_it_may_be(setting):
    words = setting.allowed_words()
    assert setting.allowed.startswith("settings.allowed.")
    assert words and "{" not in words and "settings." not in words


def test_typed_values_stay_as_typed():
    by_key = {s.key: s for s in SETTINGS}
    assert by_key["questions.alcohol"].allowed_words() == "true or false"
    assert by_key["reflection.day"].allowed_words() == 'a day of the week, such as "friday"'
    assert by_key["work.service"].allowed_words() == "one of prison, probation, police, other"
