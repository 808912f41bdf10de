"""The answers on their way from the questions to the row: a typed value, read once."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from resilience_cli.aftercare import prospective
from resilience_cli.model import CLEAR, Answers, CheckIn
from resilience_cli.rules.engine import RuleContext
from resilience_cli.store import JournalStore

DAY = dt.date(2026, 11, 27)
# As the questions leave them: a value, CLEAR for an earlier answer set back to
# skipped, None for one not given (kept on an amended day).
FROM_THE_QUESTIONS = {"mood": 5, "shift": CLEAR, "graphic": False, "energy": None, "recovery": ()}


def test_the_markers_are_read_once_into_given_and_cleared():
    answers = Answers.of(FROM_THE_QUESTIONS)
    assert answers == Answers(given={"mood": 5, "graphic": False, "recovery": ()}, cleared=frozenset({"shift"}))
    assert Answers.of(answers) is answers
    assert answers.changes() == {"mood": 5, "graphic": False, "recovery": (), "shift": None}
    # Read-only, like the other values on the check-in's path.
    with pytest.raises(AttributeError, match="read-only"):
        answers.cleared = frozenset()  # type: ignore[misc]


def test_an_amendment_writes_the_given_clears_the_cleared_and_keeps_the_rest():
    record = CheckIn(id="x", date=DAY.isoformat(), mood=3, shift="night", energy=4, created_at="a", updated_at="a")
    amended = record.amended(Answers.of(FROM_THE_QUESTIONS), "b")
    assert (amended.mood, amended.shift, amended.energy, amended.graphic, amended.recovery) == (5, None, 4, False, ())
    # The dict with markers still means the same (the importer amends with one).
    assert record.amended(FROM_THE_QUESTIONS, "b") == amended


@pytest.mark.parametrize("typed", [True, False])
def test_the_store_saves_the_typed_answers_as_it_saved_the_markers(db_path, typed):
    store = JournalStore.open(db_path, create=True)
    assert store is not None
    with store:
        first, created = store.save(DAY, {"mood": 4, "shift": "night", "energy": 6}, now="2026-11-27T06:00:00Z")
        assert created is True
        answers = Answers.of(FROM_THE_QUESTIONS) if typed else FROM_THE_QUESTIONS
        second, created = store.save(DAY, answers, now="2026-11-27T09:00:00Z")
        assert created is False
    row = sqlite3.connect(db_path).execute(
        "SELECT id, mood, shift, energy, graphic, recovery, updated_at FROM checkins").fetchall()
    assert row == [(first.id, 5, None, 6, 0, "", "2026-11-27T09:00:00Z")]
    assert (second.mood, second.shift, second.energy) == (5, None, 6)


def test_a_new_day_saves_only_what_was_given(db_path):
    store = JournalStore.open(db_path, create=True)
    assert store is not None
    with store:
        record, created = store.save(DAY, Answers(given={"mood": 7}, cleared=frozenset({"shift"})))
    assert created is True
    assert (record.mood, record.shift, record.energy) == (7, None, None)


def test_the_rules_see_the_answers_as_they_will_be_saved():
    before = RuleContext(to=DAY, records=[CheckIn(id="x", date=DAY.isoformat(), mood=3, shift="night", energy=4)])
    (record,) = prospective(before, DAY, Answers.of(FROM_THE_QUESTIONS)).records
    assert (record.id, record.mood, record.shift, record.energy, record.graphic) == ("x", 5, None, 4, False)
