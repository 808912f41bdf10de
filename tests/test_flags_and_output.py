"""Flags read as people write them, one name for each measure, --debug anywhere, --help at any width."""

from __future__ import annotations

import pytest
from conftest import days_ago, rows
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from resilience_cli.cli.app import COMMANDS

ENTER = "\r"


# A decimal comma is a decimal point.

@pytest.mark.parametrize("flag,value,field,saved", [
    ("--sleep-hours", "7,5", "sleep_hours", 7.5),
    ("--sleep-hours", ",5", "sleep_hours", 0.5),
    ("--alcohol-units", "2,5", "alcohol_units", 2.5),
    ("--sleep-hours", "7.5", "sleep_hours", 7.5),
])
def test_a_decimal_comma_in_a_flag(cli, db_path, flag, value, field, saved):
    result = cli("checkin", flag, value, "--no-input")
    assert result.exit_code == 0, result.stderr
    assert rows(db_path)[0][field] == saved


def test_a_comma_in_a_whole_number_is_still_refused(cli, db_path):
    result = cli("checkin", "--mood", "6,5", "--no-input")
    assert (result.exit_code, result.stderr) == (
        2, "Mood (--mood): 6,5 is not a whole number from 0 (very low) to 10 (very good). Nothing was saved.\n")
    assert not db_path.exists()


def test_a_decimal_comma_typed_at_the_sleep_question_and_a_comma_between_mood_and_energy(cli, terminal,
                                                                                          db_path):
    cli("checkin", "--date", "yesterday", "--mood", "7", "--no-input")
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("7,5 8" + ENTER + "6,5" + ENTER + ENTER)  # sleep; mood and energy; nothing to add
        result = cli("checkin", "--shift", "rest", "--intrusions", "0", "--switch-off", "3",
                     "--recovery", "rest", "--no-talked", "--no-raise")
    assert result.exit_code == 0, result.stderr
    today_row = rows(db_path)[-1]
    assert (today_row["sleep_hours"], today_row["sleep_quality"], today_row["mood"], today_row["energy"]) == (
        7.5, 8, 6, 5)


# --material and --interactions take words, as --incident does.

@pytest.mark.parametrize("word,level", [("none", 0), ("a-little", 1), ("some", 2), ("a-lot", 3),
                                        ("A_Little", 1), ("a lot", 3), ("2", 2)])
@pytest.mark.parametrize("flag", ["material", "interactions"])
def test_levels_take_words_and_numbers(cli, db_path, flag, word, level):
    result = cli("checkin", "--shift", "day", f"--{flag}", word, "--no-input")
    assert result.exit_code == 0, result.stderr
    assert rows(db_path)[0][flag] == level


def test_a_level_word_that_is_not_one_names_the_words(cli, db_path):
    result = cli("checkin", "--material", "lots", "--no-input")
    assert (result.exit_code, result.stderr) == (
        2, "Distressing material (--material): 'lots' is not one of none, a-little, some, a-lot (or 0 to 3). "
           "Nothing was saved.\n")
    result = cli("checkin", "--interactions", "4", "--no-input")
    assert result.exit_code == 2 and "4 is not a whole number from 0 (none) to 3 (a lot)" in result.stderr
    assert not db_path.exists()


# One name for the interactions measure wherever it is shown.

def test_the_interactions_measure_has_one_name_everywhere(cli, monkeypatch):
    for ago in range(1, 9):
        cli("checkin", "--date", days_ago(ago), "--shift", "day",
            "--interactions", "some", "--mood", "6", "--no-input")
    name = "Hostile or distressing interactions"
    assert name in cli("show", days_ago(1)).stdout
    trends = " ".join(cli("trends").stdout.split())
    assert "Hostile contact" not in trends and "Hostile or distressing interactions" in trends
    help_text = " ".join(cli("checkin", "--help").stdout.split())
    assert "--interactions L Hostile or distressing interactions" in help_text
    # log abbreviates, and its legend says so, on a wide terminal and a narrow one.
    for columns in ("120", "50"):
        monkeypatch.setenv("COLUMNS", columns)
        log = " ".join(cli("log").stdout.split())
        assert "Host. (short for hostile or distressing interactions)" in log
        assert "hostile contact" not in log.lower()


# --debug after the command name, on every command.

@pytest.mark.parametrize("name", [c[0] for c in COMMANDS] + ["pack"])
def test_debug_is_accepted_after_every_command_name(cli, name):
    result = cli(name, "--debug", "--help")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"Usage: resilience {name}")


def test_debug_after_the_command_shows_the_traceback(cli, monkeypatch):
    from resilience_cli.cli import checkin

    def broken(*args, **kwargs):
        raise RuntimeError("a planted fault")

    monkeypatch.setattr(checkin, "_save_and_confirm", broken)
    without = cli("checkin", "--mood", "5", "--no-input")
    assert without.exit_code == 1 and "Traceback" not in without.stderr
    assert "Run again with --debug to see the details." in without.stderr
    result = cli("checkin", "--mood", "5", "--no-input", "--debug")
    assert result.exit_code == 1
    assert "Traceback (most recent call last)" in result.stderr and "RuntimeError: a planted fault" in result.stderr


# --help fits a 40-column terminal, words whole.

@pytest.mark.parametrize("args", [[], *[[c[0]] for c in COMMANDS], ["pack"], ["pack", "run"]])
def test_help_fits_40_columns_without_splitting_a_word(cli, monkeypatch, args):
    monkeypatch.setenv("COLUMNS", "200")
    wide = cli(*args, "--help").stdout
    monkeypatch.setenv("COLUMNS", "40")
    narrow = cli(*args, "--help").stdout
    # Too long: a line past the edge, unless it is one word longer than the width (a path).
    too_long = [line for line in narrow.splitlines() if len(line) > 40 and len(line.split()) > 1]
    assert not too_long, too_long
    # A word split across two lines would leave pieces the wide help does not hold.
    assert set(narrow.split()) == set(wide.split())
