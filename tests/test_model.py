"""The check-in record: every field's boundaries, on both sides, and date parsing."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from resilience_cli.errors import InvalidInput
from resilience_cli.model import (
    ANSWER_FIELDS,
    FIELD_SPECS,
    MAX_TEXT,
    CheckIn,
    day_words,
    parse_day,
    spoken,
    validate_answer,
)

INT_FIELDS = {
    "material": (0, 3),
    "interactions": (0, 3),
    "workload": (0, 4),
    "sleep_quality": (0, 10),
    "intrusions": (0, 4),
    "switch_off": (0, 4),
    "mood": (0, 10),
    "energy": (0, 10),
    "support": (0, 4),
}


def test_the_fields_are_the_contract():
    assert ANSWER_FIELDS == (
        "shift", "incident", "hurt", "material", "graphic", "interactions", "workload", "sleep_hours",
        "sleep_quality", "nightmare", "intrusions", "switch_off", "mood", "energy",
        "talked", "support", "recovery", "alcohol_units", "note",
        "raise_at_supervision", "talking_point", "supported_colleague", "good_moment",
    )
    assert {n: (s.low, s.high) for n, s in FIELD_SPECS.items() if s.kind == "int"} == INT_FIELDS


@pytest.mark.parametrize("name", INT_FIELDS)
def test_int_scales_accept_both_ends(name):
    low, high = INT_FIELDS[name]
    assert validate_answer(name, low) == low
    assert validate_answer(name, high) == high
    assert validate_answer(name, str(high)) == high
    assert validate_answer(name, " 1 ") == 1


@pytest.mark.parametrize("name", INT_FIELDS)
def test_int_scales_refuse_just_outside(name):
    low, high = INT_FIELDS[name]
    for bad in (low - 1, high + 1, 1.5, "1.5", "x", True):
        with pytest.raises(InvalidInput) as info:
            validate_answer(name, bad)
        message = info.value.message
        assert message.startswith(f"{spoken(name)}: ") and f"a whole number from {low}" in message


def test_int_message_names_field_range_and_value():
    with pytest.raises(InvalidInput) as info:
        validate_answer("mood", 11)
    assert info.value.message == (
        "mood: 11 is not a whole number from 0 (very low) to 10 (very good)."
    )
    assert info.value.exit_code == 2


def test_sleep_hours_bounds():
    assert validate_answer("sleep_hours", 0) == 0.0
    assert validate_answer("sleep_hours", 24) == 24.0
    assert validate_answer("sleep_hours", "6.25") == 6.25
    for bad in (-0.25, 24.25, math.nan, math.inf, "seven"):
        with pytest.raises(InvalidInput) as info:
            validate_answer("sleep_hours", bad)
        assert info.value.message.startswith("hours of sleep: ")
        assert info.value.message.endswith("a number from 0 to 24.")


def test_alcohol_units_have_a_realistic_bound_and_no_negatives():
    assert validate_answer("alcohol_units", 0) == 0.0
    assert validate_answer("alcohol_units", 30.5) == 30.5
    assert validate_answer("alcohol_units", 100) == 100.0
    with pytest.raises(InvalidInput) as info:
        validate_answer("alcohol_units", -1)
    assert info.value.message == "units of alcohol: -1 is not a number from 0 to 100."
    # 1.7e308 once made the weekly mean overflow and `trends --format json` write Infinity.
    with pytest.raises(InvalidInput) as info:
        validate_answer("alcohol_units", "1.7e308")
    assert info.value.message == "units of alcohol: '1.7e308' is not a number, such as 3; give a number from 0 to 100."


@pytest.mark.parametrize("typed", ["٣", "１", "3\u0663", "0x3", "1e1", "inf", "nan", "--3"])
def test_numbers_are_ascii_digits_only(typed):
    with pytest.raises(InvalidInput):
        validate_answer("mood", typed)


def test_minus_zero_is_zero():
    value = validate_answer("sleep_hours", "-0")
    assert value == 0.0 and str(value) == "0.0"


@pytest.mark.parametrize(
    "name,good,bad",
    [
        ("shift", ["rest", "day", "late", "night", "long", "NIGHT"], ["nite", "", "evening"]),
        ("incident", ["none", "minor", "significant"], ["major", "yes"]),
    ],
)
def test_choices(name, good, bad):
    for value in good:
        assert validate_answer(name, value) == value.lower()
    for value in bad:
        with pytest.raises(InvalidInput):
            validate_answer(name, value)


def test_a_typed_slip_is_named_as_the_question_is_known():
    with pytest.raises(InvalidInput) as info:
        validate_answer("sleep_hours", "7h30")
    assert info.value.message == "hours of sleep: '7h30' is not a number, such as 6.5; give a number from 0 to 24."
    with pytest.raises(InvalidInput) as info:
        validate_answer("mood", "six")
    assert info.value.message == (
        "mood: 'six' is not a whole number, such as 5; give a whole number from 0 (very low) to 10 (very good).")


def test_choice_message_lists_what_is_allowed():
    with pytest.raises(InvalidInput) as info:
        validate_answer("shift", "nite")
    assert info.value.message == (
        "kind of day: 'nite' is not one of rest, day, late, night, long, sick, leave, training."
    )


@pytest.mark.parametrize("name", ["graphic", "nightmare", "talked", "raise_at_supervision"])
def test_booleans(name):
    assert validate_answer(name, True) is True
    assert validate_answer(name, False) is False
    for bad in (1, "yes", 0):
        with pytest.raises(InvalidInput):
            validate_answer(name, bad)


def test_recovery_list():
    assert validate_answer("recovery", ["people", "exercise", "people"]) == ("exercise", "people")
    assert validate_answer("recovery", ["nothing"]) == ()
    assert validate_answer("recovery", []) == ()
    assert validate_answer("recovery", ["wind-down"]) == ("wind_down",)
    with pytest.raises(InvalidInput) as info:
        validate_answer("recovery", ["exercise", "gaming"])
    assert info.value.message == (
        "what you did for yourself: 'gaming' is not one of exercise, outdoors, people, hobby, "
        "wind_down, rest, other, nothing."
    )


@pytest.mark.parametrize("bad", [False, 3, {"exercise": True}, 2.5])
def test_recovery_must_be_a_list(bad):
    with pytest.raises(InvalidInput):
        validate_answer("recovery", bad)


@pytest.mark.parametrize("name", ["note", "talking_point"])
@pytest.mark.parametrize("bad", [False, 3, ["a"]])
def test_text_must_be_text(name, bad):
    with pytest.raises(InvalidInput):
        validate_answer(name, bad)


def test_text_fields():
    assert validate_answer("note", "  hard day  ") == "hard day"
    assert validate_answer("note", "   ") is None
    assert validate_answer("note", "x" * MAX_TEXT) == "x" * MAX_TEXT
    with pytest.raises(InvalidInput):
        validate_answer("note", "x" * (MAX_TEXT + 1))


def test_none_is_always_skipped():
    for name in ANSWER_FIELDS:
        assert validate_answer(name, None) is None


def test_unknown_field():
    with pytest.raises(InvalidInput):
        validate_answer("pulse", 3)


TODAY = dt.date(2026, 11, 27)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("today", TODAY),
        ("Yesterday", dt.date(2026, 11, 26)),
        ("2026-11-27", TODAY),
        ("2024-02-29", dt.date(2024, 2, 29)),
        ("2025-12-31", dt.date(2025, 12, 31)),
    ],
)
def test_parse_day(text, expected):
    assert parse_day(text, TODAY) == expected


@pytest.mark.parametrize("text", ["2025-02-29", "2026-13-01", "2026-1-5", "27/11/2026", "tomorrow", ""])
def test_parse_day_refuses_what_is_not_a_date(text):
    with pytest.raises(InvalidInput) as info:
        parse_day(text, TODAY)
    assert info.value.message == (
        f"{text!r} is not a date I can read. Use YYYY-MM-DD, today or yesterday."
    )


def test_parse_day_refuses_the_future_unless_asked():
    with pytest.raises(InvalidInput) as info:
        parse_day("2026-11-28", TODAY)
    assert info.value.message == (
        "2026-11-28 is in the future. A check-in is for a duty day that has started."
    )
    assert parse_day("2026-11-28", TODAY, allow_future=True) == dt.date(2026, 11, 28)


def test_amend_replaces_given_answers_and_keeps_the_rest():
    record = CheckIn(id="x", date="2026-11-27", mood=3, shift="night", recovery=("rest",),
                     created_at="a", updated_at="a")
    amended = record.amended({"mood": 5, "shift": None, "graphic": False, "recovery": ()}, "b")
    assert (amended.id, amended.mood, amended.shift, amended.graphic, amended.recovery) == (
        "x", 5, "night", False, ()
    )
    assert (amended.created_at, amended.updated_at) == ("a", "b")


def test_day_words_is_uk_style():
    assert day_words(dt.date(2026, 11, 27)) == "Friday 27 November 2026"
    assert day_words(dt.date(2026, 1, 1)) == "Thursday 1 January 2026"
