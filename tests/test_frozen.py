"""frozen.Frozen: the read-only values that replaced dataclasses on the check-in's path."""

from __future__ import annotations

import datetime as dt

import pytest

from resilience_cli.frozen import Fresh, Frozen
from resilience_cli.insights import Stats, Trends, Window
from resilience_cli.rules.thresholds import THRESHOLD_NAMES, Thresholds


class Pair(Frozen):
    left: int
    right: str = "r"
    seen: list = Fresh(list)


def test_values_by_position_or_name_with_defaults_each_their_own():
    a, b = Pair(1), Pair(left=1, right="r")
    assert (a.left, a.right, a.seen) == (1, "r", [])
    assert a == b and Pair(2) != Pair(3)
    assert hash(Stats(1, 2.0, 1.0, 3.0)) == hash(Stats(1, 2.0, 1.0, 3.0))
    assert a.seen is not b.seen  # a new list for each value, as default_factory gave
    assert repr(Pair(1, "x")) == "Pair(left=1, right='x', seen=[])"
    assert Pair(1).replace(right="y") == Pair(1, "y")


@pytest.mark.parametrize("make", [lambda: Pair(), lambda: Pair(1, "r", [], 4), lambda: Pair(1, left=2),
                                  lambda: Pair(1, wrong=2)])
def test_a_missing_repeated_or_unknown_value_is_refused(make):
    with pytest.raises(TypeError):
        make()


def test_read_only_and_compared_only_with_its_own_kind():
    p = Pair(1)
    with pytest.raises(AttributeError):
        p.left = 2
    assert Pair(1) != (1, "r", [])
    assert Window.ending(dt.date(2026, 1, 7), 7) == Window(dt.date(2026, 1, 1), dt.date(2026, 1, 7))
    assert Stats(1, 2.0, 1.0, 3.0) == Stats(count=1, mean=2.0, low=1.0, high=3.0)
    assert Trends.__init__ is Frozen.__init__


def test_thresholds_are_read_only_with_every_name_in_order():
    assert THRESHOLD_NAMES[:3] == ("min_checkins", "low_mood", "low_mood_checkins")
    assert THRESHOLD_NAMES[-1] == "silence_days"
    t = Thresholds(low_mood=3)
    assert (t.low_mood, t.min_checkins) == (3, 4)
    assert t == Thresholds(low_mood=3) != Thresholds()
    assert t.replace(min_checkins=5) == Thresholds(low_mood=3, min_checkins=5)
    with pytest.raises(AttributeError):
        t.low_mood = 4
    with pytest.raises(TypeError):
        Thresholds(no_such=1)


def test_a_dataclass_field_as_a_default_is_refused_when_the_class_is_defined():
    from dataclasses import field

    with pytest.raises(TypeError, match="use Fresh"):
        class Wrong(Frozen):
            items: list = field(default_factory=list)
