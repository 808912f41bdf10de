"""The journal's views read the question catalogue (issue 23, questions as data).

- `log`'s columns are the answers whose FieldSpec has a `log` heading: one more
  needs no edit in render/logtable.py;
- the demo's made-up data draws every answer its story does not tell from the
  answer's kind and scale, so a new question has sample answers with no edit
  in sample.py, and every other answer stays as it was.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from resilience_cli import sample
from resilience_cli.model import FIELD_SPECS, CheckIn, FieldSpec, validate_answer
from resilience_cli.render import logtable


def _log(monkeypatch, name: str, heading: str, word: str) -> None:
    """A log column for `name`: log=True on its FieldSpec, and its two messages in journal.po."""
    from resilience_cli import messages

    spec = FIELD_SPECS[name]
    monkeypatch.setitem(FIELD_SPECS, name, FieldSpec(**{f: getattr(spec, f) for f in FieldSpec._fields} | {"log": True}))
    english = messages._catalogue("en", "journal")
    monkeypatch.setitem(english.messages, f"journal.log.heading.{name}", heading)
    monkeypatch.setitem(english.messages, f"journal.log.line.{name}", word + " {value}")


def test_a_question_given_a_log_heading_gets_its_column(monkeypatch):
    _log(monkeypatch, "workload", "Load", "load")
    record = CheckIn(id="x", date="2026-11-27", shift="day", workload=3, mood=6)
    header, rows = logtable.log_rows([record])
    assert header.split() == ["Day", "Shift", "Incident", "Mat.", "Host.", "Sleep", "Mood", "Energy", "Off",
                              "Support", "Load", "Also"]
    assert rows[0].split() == ["2026-11-27", "day", "-", "-", "-", "-", "6", "-", "-", "-", "3"]
    assert logtable.log_lines([record]) == [
        "2026-11-27  day, incident -, material -, host. -, sleep -, mood 6, energy -, off -, support -, load 3"]
    assert logtable.heading("workload") == "Load"


def test_a_log_column_follows_its_answers_kind(monkeypatch):
    # A yes-or-no answer reads yes or no; a choice, its value.
    _log(monkeypatch, "talked", "Talked", "talked")
    header, rows = logtable.log_rows([CheckIn(id="x", date="2026-11-27", talked=True),
                                      CheckIn(id="y", date="2026-11-28", talked=False)])
    assert header.split()[-2:] == ["Talked", "Also"]
    assert [row.split()[-1] for row in rows] == ["yes", "no"]


def test_every_answer_can_be_made_up_from_the_catalogue_alone():
    rng = random.Random(1)
    for name, spec in FIELD_SPECS.items():
        for _n in range(50):
            value = sample.drawn(spec, rng)
            if spec.setting or spec.kind == "text":
                assert value is None, name
            else:
                assert validate_answer(name, value) == value, name


def test_an_answer_the_story_does_not_tell_is_made_up_and_changes_no_other(monkeypatch):
    end = dt.date(2026, 11, 27)
    before = sample.generate(end, 120)
    # As if hurt and the good-moment tick were questions added after the story was written.
    monkeypatch.setattr(sample, "UNANSWERED", ())
    after = sample.generate(end, 120)
    assert [dataclasses.replace(r, hurt=None, good_moment=None) for r in after] == before
    working = [r for r in after if r.shift != "rest"]
    assert {r.hurt for r in working} == {True, False}
    # Not asked on a rest day, so not answered on one.
    assert all(r.hurt is None and r.good_moment is None for r in after if r.shift == "rest")
    # The optional questions and the person's own words stay unanswered.
    assert all(r.alcohol_units is None and r.note is None for r in after)
