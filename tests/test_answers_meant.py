"""Every answer meant: the keys people press give the day they meant, and the screen says so."""

from __future__ import annotations

import io
import threading
import time

import pytest
from conftest import days_ago, rows, today

from resilience_cli.prompts import ask_checkin
from resilience_cli.prompts.checkin import _scale_options

ENTER = "\r"
BACKSPACE = "\x7f"
CTRL_C = "\x03"


def asked(given: dict) -> dict:
    """The check-in's answers; a screen the keys waited for that never came fails the test."""
    try:
        return ask_checkin(None, given)
    except KeyboardInterrupt:
        pytest.fail("the words the next keys waited for were never drawn")


def shown(drawn: io.TextIOWrapper) -> str:
    return drawn.buffer.getvalue().decode()


def type_once_shown(pipe, drawn, words: str, then: str) -> None:
    """Type `then` once `words` are on the screen, not before: what a key draws is seen
    before the next key. If they never come, Ctrl-C: the test fails rather than hangs."""
    def wait() -> None:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if words in shown(drawn):
                pipe.send_text(then)
                return
            time.sleep(0.02)
        pipe.send_text(CTRL_C)

    threading.Thread(target=wait, daemon=True).start()


# The person: a digit, then Enter, at every question.
DIGIT_THEN_ENTER = ("2" + ENTER + "0" + ENTER + "0" + ENTER + "2" + ENTER + "3 2" + ENTER + "6.5 7" + ENTER
                    + "1" + ENTER + "3" + ENTER + "6 5" + ENTER + "3" + ENTER + ENTER)
# Every answer field of the record, as that person meant it. The dreams and
# talking ticks sat unticked under the questions answered: no.
MEANT = {
    "shift": "day", "incident": "none", "material": 0, "graphic": None, "interactions": 2,
    "workload": 3, "support": 2, "sleep_hours": 6.5, "sleep_quality": 7, "nightmare": 0,
    "intrusions": 1, "switch_off": 3, "mood": 6, "energy": 5, "talked": 0, "recovery": "people",
    "alcohol_units": None, "note": None, "raise_at_supervision": None, "talking_point": None,
    "supported_colleague": None,
}

# Every question answered (as flags would), with material so that graphic is
# asked: what a test leaves open is exactly what it asks, and "Anything to add?".
ANSWERED = {
    "shift": "day", "incident": "none", "material": 1, "graphic": False, "interactions": 2,
    "workload": 3, "support": 2, "sleep_hours": 6.5, "sleep_quality": 7, "nightmare": False,
    "intrusions": 1, "switch_off": 3, "mood": 6, "energy": 5, "talked": False, "recovery": ("people",),
    "hurt": False,
}


def test_a_digit_then_enter_at_every_question_saves_the_day_meant(cli, keys, terminal, db_path):
    cli("checkin", "--date", days_ago(1), "--mood", "7", "--no-input")  # a journal already: no welcome
    keys.send_text(DIGIT_THEN_ENTER + ENTER * 6)  # then Enter until it exits
    result = cli("checkin")
    assert result.exit_code == 0, result.stderr
    assert f"Saved your check-in for {today():%A} {today().day}" in result.stdout
    [row] = rows(db_path, f"SELECT * FROM checkins WHERE date = '{today().isoformat()}'")
    for name, value in MEANT.items():
        assert (name, row[name]) == (name, value)


def test_a_digit_then_enter_through_the_welcome_and_the_day_question_lands_right(cli, keys, terminal, db_path, home):
    # The first run at noon, after a night: the nation (2, Wales) and the service (1, prison),
    # each digit's Enter confirming it; Enter skips each of the own numbers; then the night (4)
    # and the day question (1, the day the night began), each with its Enter; then the rest.
    welcome = "2" + ENTER + "1" + ENTER + ENTER + ENTER
    keys.send_text(welcome + "4" + ENTER + "1" + ENTER + DIGIT_THEN_ENTER[2:] + ENTER * 6)
    result = cli("checkin")
    assert result.exit_code == 0, result.stderr
    [row] = rows(db_path)
    assert (row["date"], row["shift"]) == (days_ago(1), "night")
    for name, value in MEANT.items():
        if name != "shift":
            assert (name, row[name]) == (name, value)
    config = (home / "config.toml").read_text()
    assert 'region = "wales"' in config and '[work]\nservice = "prison"' in config
    assert "[[contacts.own]]" not in config


def test_enter_alone_at_every_question_still_saves_an_all_skipped_day(cli, keys, terminal, db_path):
    cli("checkin", "--date", days_ago(1), "--mood", "7", "--no-input")
    keys.send_text(ENTER * 11)
    assert cli("checkin").exit_code == 0
    [row] = rows(db_path, f"SELECT * FROM checkins WHERE date = '{today().isoformat()}'")
    assert all(row[name] is None for name in MEANT), row


def test_the_enter_confirms_only_straight_after_a_one_key_answer(keys):
    # "2" answers the shift; "0" the incident; then Enter alone skips the
    # material question, as Enter alone does: another key came between.
    keys.send_text("2" + "0" + "x" + ENTER + ENTER * 8)
    answers = ask_checkin(None, {})
    assert (answers["shift"], answers["incident"], answers["material"], answers["interactions"]) == (
        "day", "none", None, None)


# Backspace goes back to the answer given; Enter keeps it.

def test_backspace_comes_back_to_the_choice_given_and_enter_keeps_it(keys):
    keys.send_text("4" + BACKSPACE + ENTER + ENTER * 10)
    answers = ask_checkin(None, {})
    assert answers["shift"] == "night"
    assert answers["incident"] is None


def test_backspace_comes_back_to_the_line_typed_and_enter_keeps_it(keys):
    keys.send_text("2" + "0" + "0" + "1" + "3 2" + ENTER + BACKSPACE + ENTER + "6.5 7" + ENTER + ENTER * 5)
    answers = ask_checkin(None, {})
    assert (answers["workload"], answers["support"], answers["sleep_hours"], answers["sleep_quality"]) == (
        3, 2, 6.5, 7)


def test_backspace_comes_back_to_the_ticks_given_and_enter_keeps_them(keys):
    given = {"shift": "rest", "sleep_hours": 7.0, "sleep_quality": 7, "nightmare": False, "intrusions": 0,
             "switch_off": 3, "mood": 6, "energy": 5}
    keys.send_text("13t" + ENTER + BACKSPACE + ENTER + ENTER)
    answers = ask_checkin(None, given)
    assert (answers["recovery"], answers["talked"]) == (("exercise", "people"), True)


def test_backspace_at_a_note_comes_back_to_anything_to_add_on_its_choice(keys):
    given = {"shift": "rest", "sleep_hours": 7.0, "sleep_quality": 7, "nightmare": False, "intrusions": 0,
             "switch_off": 3, "mood": 6, "energy": 5, "recovery": (), "talked": False}
    # Both chosen; the note typed; Backspace on the empty talking point comes back to
    # "Anything to add?" on "both"; Enter keeps it, the note comes back as typed.
    keys.send_text("3" + "slept well" + ENTER + BACKSPACE + ENTER + ENTER + "breaks" + ENTER)
    answers = ask_checkin(None, given)
    assert (answers["note"], answers["raise_at_supervision"], answers["talking_point"]) == (
        "slept well", True, "breaks")


# A key that is not an answer says at once which keys are.

@pytest.mark.parametrize("question,given_but,wrong,hint", [
    ("Were you involved in", "incident", "9", "That key is not an answer here: press 0, 1, 2 or s."),
    ("Did unwanted memories", "intrusions", "7", "That key is not an answer here: press 0, 1, 2, 3, 4 or s."),
    ("Did any of it include", "graphic", "5", "That key is not an answer here: press 0/n, 1/y or s."),
])
def test_a_key_that_is_not_an_answer_shows_the_keys_that_are(screen, question, given_but, wrong, hint):
    pipe, drawn = screen
    given = {n: v for n, v in ANSWERED.items() if n != given_but}
    pipe.send_text(wrong)
    type_once_shown(pipe, drawn, hint, "0" + ENTER * 2)
    answers = asked(given)
    assert answers[given_but] in ("none", 0, False)
    screen_text = shown(drawn)
    assert screen_text.index(question) < screen_text.index(hint)
    assert len(hint) < 60  # one line, even on a narrow terminal's 80 columns less the indent


# A paste of several lines into a one-line answer is one line, all of it in view.

def test_a_pasted_paragraph_becomes_one_line_all_visible(screen):
    pipe, drawn = screen
    given = dict(ANSWERED)
    pipe.send_text("1")  # anything to add: a private note
    type_once_shown(pipe, drawn, "Anything you want to remember?",
                    "\x1b[200~abc\ndef\r\nghi\x1b[201~")
    # On the screen, in the answer's line, before Enter is pressed.
    type_once_shown(pipe, drawn, "abc def ghi", ENTER)
    answers = asked(given)
    assert answers["note"] == "abc def ghi"


# Every scale lists each key once.

@pytest.mark.parametrize("name", ["material", "interactions", "intrusions", "switch_off"])
def test_every_scale_shows_each_key_once(name):
    for option in _scale_options(name):
        assert not option.title.startswith(option.key), option


def test_the_scale_on_the_screen_shows_its_key_once(screen):
    pipe, drawn = screen
    pipe.send_text("2" + ENTER * 2)
    given = {n: v for n, v in ANSWERED.items() if n != "switch_off"}
    assert ask_checkin(None, given)["switch_off"] == 2
    text = shown(drawn)
    assert "0  not at all" in text and "4  completely" in text
    assert "0  0" not in text and "4  4" not in text


def test_the_follow_up_scales_show_each_key_once_and_the_answer_in_full(screen):
    from resilience_cli.prompts import ask_followup

    pipe, drawn = screen
    pipe.send_text("1" + "5" + ENTER + "0" + "4" + "n")
    assert ask_followup() == {"intrusions": 1, "sleep_quality": 5, "avoidance": 0, "support": 4, "trim": "no"}
    text = shown(drawn)
    assert "0  not at all" in text and "0  0" not in text and "4  4" not in text
    assert "How supported have you felt since?  4  very" in text
