"""aftercare: what a check-in calls for, decided without a terminal or a database."""

from __future__ import annotations

import datetime as dt

from resilience_cli.aftercare import after_saving, before_saving
from resilience_cli.model import CheckIn
from resilience_cli.rules.engine import RuleContext
from resilience_cli.safety import SafetyAnswer

DAY = dt.date(2026, 11, 27)


def day(ago: int, **answers) -> CheckIn:
    return CheckIn(id=str(ago), date=(DAY - dt.timedelta(days=ago)).isoformat(),
                   **{"shift": "day", "mood": 6, "sleep_quality": 6, "intrusions": 0, **answers})


def test_a_calm_day_asks_nothing_more():
    before = before_saving(RuleContext(to=DAY, records=[day(n) for n in range(1, 8)]), DAY,
                           {"mood": 6}, safety_weekly=False)
    assert (before.safety, before.again, before.followup) == (False, False, None)


def test_distress_in_the_answers_asks_the_safety_question():
    before = before_saving(RuleContext(to=DAY, records=[]), DAY, {"mood": 1}, safety_weekly=False)
    assert (before.safety, before.again) == (True, False)
    # Intrusions 3 or more with sleep quality 3 or less count too; 4 does not.
    assert before_saving(RuleContext(to=DAY, records=[]), DAY, {"intrusions": 3, "sleep_quality": 3},
                         safety_weekly=False).safety is True
    assert before_saving(RuleContext(to=DAY, records=[]), DAY, {"intrusions": 3, "sleep_quality": 4},
                         safety_weekly=False).safety is False


def test_after_a_yes_the_next_check_in_asks_again_in_its_own_words():
    yes = SafetyAnswer("s", (DAY - dt.timedelta(days=1)).isoformat(), "yes", "x")
    before = before_saving(RuleContext(to=DAY, records=[day(1)], safety=[yes]), DAY, {"mood": 7},
                           safety_weekly=False)
    assert (before.safety, before.again) == (True, True)


def test_the_day_three_follow_up_is_due_after_a_significant_incident():
    records = [day(3, incident="significant"), day(2), day(1)]
    before = before_saving(RuleContext(to=DAY, records=records), DAY, {"mood": 6}, safety_weekly=False)
    assert before.followup is not None
    assert (before.followup.kind, before.followup.incident_date) == ("day3", DAY - dt.timedelta(days=3))


def test_a_yes_shows_the_crisis_box_and_nothing_else():
    record = day(0, mood=1)
    yes = SafetyAnswer("s", DAY.isoformat(), "yes", "x")  # saved with the check-in
    plan = after_saving(RuleContext(to=DAY, records=[record], safety=[yes]), record, safety_answer="yes")
    assert plan.crisis_only and plan.averages == {} and not plan.distress_box
    assert [i.rule for i in plan.items] == ["R1"]


def test_a_first_very_bad_day_gets_the_distress_box_on_its_own():
    record = day(0, mood=1)
    plan = after_saving(RuleContext(to=DAY, records=[record]), record, safety_answer="no")
    assert (plan.crisis_only, plan.distress_box, plan.rest_r5) == (False, True, None)
    assert plan.averages == {"sleep_hours": None, "sleep_quality": None, "mood": None, "energy": None}


def test_the_averages_are_of_the_days_before():
    history = [day(n, mood=n) for n in range(1, 5)]  # moods 1 to 4 on the four days before
    record = day(0, mood=9)
    plan = after_saving(RuleContext(to=DAY, records=sorted([*history, record], key=lambda r: r.date)), record,
                        safety_answer=None)
    assert plan.averages["mood"] == 2.5
