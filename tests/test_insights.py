"""Pure insights on small hand-built journals, with exact expected numbers."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resilience_cli.insights import (
    Change,
    Window,
    comparisons,
    daily,
    exposure,
    history_needed,
    recent_average,
    recovery_counts,
    rolling_mean,
    stats,
    to_json_dict,
    trends,
)
from resilience_cli.model import NUMERIC_FIELDS, CheckIn


def ci(date: str, **answers) -> CheckIn:
    return CheckIn(id=date, date=date, created_at="x", updated_at="x", **answers)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def test_window_bounds_are_inclusive_and_exact():
    w = Window.ending(d("2026-11-27"), 28)
    assert (w.start, w.end, w.days) == (d("2026-10-31"), d("2026-11-27"), 28)
    assert w.previous() == Window(d("2026-10-03"), d("2026-10-30"))
    assert w.baseline() == Window(d("2026-08-02"), d("2026-10-30"))
    assert len(w.dates()) == 28


def test_a_window_across_a_year_end():
    records = [ci("2025-12-30", mood=4), ci("2025-12-31", mood=5), ci("2026-01-01", mood=9),
               ci("2026-01-02", mood=None), ci("2026-01-03", mood=6)]
    w = Window.ending(d("2026-01-02"), 3)
    assert [r.date for r in w.select(records)] == ["2025-12-31", "2026-01-01", "2026-01-02"]
    assert stats(w.select(records), "mood").mean == 7.0
    assert daily(records, "mood", w) == [5.0, 9.0, None]


def test_a_window_across_the_uk_clock_change_counts_calendar_days():
    # Clocks went back on 25 October 2026: the window is still 7 calendar days.
    w = Window.ending(d("2026-10-28"), 7)
    assert w.dates()[0] == d("2026-10-22") and w.dates()[-1] == d("2026-10-28")
    records = [ci(day.isoformat(), sleep_hours=7.0) for day in w.dates()]
    assert stats(w.select(records), "sleep_hours").count == 7


def test_skipped_answers_and_gaps_are_left_out_not_zero():
    records = [ci("2026-11-01", mood=8), ci("2026-11-02", mood=None), ci("2026-11-04", mood=4)]
    result = stats(records, "mood")
    assert (result.count, result.mean, result.low, result.high) == (2, 6.0, 4.0, 8.0)
    w = Window(d("2026-11-01"), d("2026-11-04"))
    assert daily(records, "mood", w) == [8.0, None, None, 4.0]


def test_rolling_mean_uses_only_answered_days_in_the_span():
    records = [ci("2026-11-01", mood=2), ci("2026-11-03", mood=4), ci("2026-11-05", mood=9)]
    w = Window(d("2026-11-03"), d("2026-11-05"))
    assert rolling_mean(records, "mood", w, span=3) == [3.0, 4.0, 6.5]


def test_recent_average_needs_three_answers_and_excludes_the_day():
    records = [ci("2026-11-24", mood=4), ci("2026-11-25", mood=6), ci("2026-11-27", mood=10)]
    assert recent_average(records, "mood", d("2026-11-27")) is None
    records.append(ci("2026-10-31", mood=8))
    assert recent_average(records, "mood", d("2026-11-27")) == 6.0
    # 28 days before 27 November start on 30 October; 29 October is outside.
    records.append(ci("2026-10-29", mood=0))
    assert recent_average(records, "mood", d("2026-11-27")) == 6.0


def test_change_words_respect_direction_and_the_steady_band():
    assert Change.between("mood", 6.4, 6.0).direction == "same"
    assert Change.between("mood", 6.5, 6.0) == Change(0.5, "up", True)
    assert Change.between("sleep_hours", 6.0, 6.5) == Change(-0.5, "down", False)
    assert Change.between("sleep_hours", 6.8, 7.0).direction == "same"
    assert Change.between("intrusions", 2.0, 1.0) == Change(1.0, "up", False)
    assert Change.between("switch_off", 2.25, 2.0).direction == "up"


def test_exposure_and_recovery_counts():
    records = [
        ci("2026-11-01", shift="day", material=3, incident="significant", graphic=True,
           recovery=("exercise", "people")),
        ci("2026-11-02", shift="night", material=2, incident="none", recovery=()),
        ci("2026-11-03", shift="rest", material=0, incident="minor", recovery=None),
        ci("2026-11-04", shift=None, material=None, recovery=("people",)),
    ]
    e = exposure(records)
    assert (e.material_days, e.minor_incidents, e.significant_incidents, e.graphic_days,
            e.heavy_days, e.working_days) == ({0: 1, 1: 0, 2: 1, 3: 1}, 1, 1, 1, 3, 3)
    counts = recovery_counts(records)
    assert (counts["exercise"], counts["people"], counts["nothing"], counts["outdoors"]) == (1, 2, 1, 0)


def _exposure_journal() -> list[CheckIn]:
    # Heavy days on 1, 3, 5; the sleep that follows a day is in the next check-in.
    return [
        ci("2026-11-01", material=3, sleep_hours=7.0, talked=True, mood=7),
        ci("2026-11-02", material=0, sleep_hours=5.0, talked=True, mood=8),
        ci("2026-11-03", incident="minor", material=0, sleep_hours=7.0, talked=True, mood=6),
        ci("2026-11-04", material=0, sleep_hours=6.0, talked=False, mood=4),
        ci("2026-11-05", material=2, sleep_hours=8.0, talked=False, mood=5),
        ci("2026-11-06", material=1, sleep_hours=4.0, talked=False, mood=None),
        ci("2026-11-07", material=0, sleep_hours=8.0, talked=None, mood=9),
        ci("2026-11-08", material=0, sleep_hours=9.0),
    ]


def test_sleep_after_heavy_exposure_days():
    found = {c.id: c for c in comparisons(_exposure_journal(), Window(d("2026-11-01"), d("2026-11-08")))}
    c = found["sleep_after_heavy_exposure"]
    # After heavy days (1, 3, 5): 5, 6, 4. After other days (2, 4, 6, 7): 7, 8, 8, 9.
    assert (c.with_mean, c.with_count, c.without_mean, c.without_count) == (5.0, 3, 8.0, 4)


def test_a_comparison_needs_three_days_on_each_side():
    found = {c.id for c in comparisons(_exposure_journal(), Window(d("2026-11-01"), d("2026-11-08")))}
    # Talked: 3 yes with mood, but only 2 "no" days with a mood answer.
    assert "mood_when_talked" not in found
    assert "sleep_after_heavy_exposure" in found


def test_sleep_by_shift_and_switching_off_after_incidents():
    records = []
    for i in range(1, 7):
        night = i % 2 == 0
        records.append(ci(f"2026-11-{i:02d}", shift="night" if night else "day",
                          sleep_hours=5.0 if night else 7.5,
                          incident="minor" if night else "none", switch_off=1 if night else 3))
    records.append(ci("2026-11-07", shift="rest", sleep_hours=9.0, incident="minor", switch_off=0))
    found = {c.id: c for c in comparisons(records, Window(d("2026-11-01"), d("2026-11-07")))}
    shift = found["sleep_nights_vs_days"]
    assert (shift.with_mean, shift.with_count, shift.without_mean, shift.without_count) == (5.0, 3, 7.5, 3)
    off = found["switch_off_after_incidents"]  # rest days are not working days
    assert (off.with_mean, off.with_count, off.without_mean, off.without_count) == (1.0, 3, 3.0, 3)


def test_trends_summary_with_previous_window_and_baseline():
    end = d("2026-11-27")
    records = [ci((end - dt.timedelta(days=i)).isoformat(), mood=8 if i < 7 else 5) for i in range(120)]
    result = trends(records, end, 7)
    mood = result.metrics["mood"]
    assert (mood.now.mean, mood.now.count, mood.previous.mean, mood.baseline.count) == (8.0, 7, 5.0, 90)
    assert mood.change == Change(3.0, "up", True)
    assert mood.baseline_change == Change(3.0, "up", True)
    assert result.checked_in == 7
    assert result.metrics["energy"].now.count == 0
    assert result.metrics["energy"].change is None


def test_baseline_needs_fourteen_answers():
    end = d("2026-11-27")
    records = [ci((end - dt.timedelta(days=i)).isoformat(), mood=5) for i in range(7 + 13)]
    assert trends(records, end, 7).metrics["mood"].baseline_change is None
    records.append(ci((end - dt.timedelta(days=20)).isoformat(), mood=5))
    assert trends(records, end, 7).metrics["mood"].baseline_change == Change(0.0, "same", None)


def test_history_needed_covers_previous_window_baseline_and_rolling_span():
    span = history_needed(d("2026-11-27"), 28)
    assert (span.start, span.end) == (d("2026-08-02"), d("2026-11-27"))
    long = history_needed(d("2026-11-27"), 365)
    assert long.start == d("2026-11-27") - dt.timedelta(days=2 * 365 - 1)


def test_json_form_has_the_contract_keys():
    end = d("2026-11-27")
    records = [ci("2026-11-27", mood=6, sleep_hours=7.5), ci("2026-11-26", mood=None)]
    out = to_json_dict(trends(records, end, 28))
    assert out["window"] == {"from": "2026-10-31", "to": "2026-11-27", "days": 28}
    assert set(out["metrics"]) == set(NUMERIC_FIELDS)
    assert (out["metrics"]["mood"]["mean"], out["metrics"]["mood"]["count"]) == (6.0, 1)
    assert (out["metrics"]["energy"]["mean"], out["metrics"]["energy"]["count"]) == (None, 0)
    assert out["metrics"]["sleep_hours"]["daily"][-1] == 7.5
    assert len(out["metrics"]["sleep_hours"]["daily"]) == 28


# Properties over random journals.

DAY0 = d("2026-01-01")
records_st = st.lists(
    st.tuples(st.integers(0, 120), st.one_of(st.none(), st.integers(0, 10)),
              st.one_of(st.none(), st.floats(0, 24, allow_nan=False).map(lambda x: round(x * 4) / 4))),
    max_size=80,
    unique_by=lambda t: t[0],
).map(lambda items: [ci((DAY0 + dt.timedelta(days=o)).isoformat(), mood=m, sleep_hours=s)
                     for o, m, s in items])


@settings(max_examples=150, deadline=None)
@given(records=records_st, end_offset=st.integers(0, 130), days=st.integers(1, 60))
def test_properties_of_every_window(records, end_offset, days):
    end = DAY0 + dt.timedelta(days=end_offset)
    result = trends(records, end, days)
    w = result.window
    assert w.days == days and w.end == end
    assert result.checked_in <= days
    # Every figure against one worked out here, independently of insights' own helpers.
    start = end - dt.timedelta(days=days - 1)
    inside = [r for r in records if start <= dt.date.fromisoformat(r.date) <= end]
    assert result.checked_in == len(inside)
    for name in ("mood", "sleep_hours"):
        m = result.metrics[name]
        values = [getattr(r, name) for r in inside if getattr(r, name) is not None]
        assert m.now.count == len(values)
        if values:
            assert abs(m.now.mean - sum(values) / len(values)) < 1e-9
            assert (m.now.low, m.now.high) == (min(values), max(values))
        assert m.now.count <= days
        assert len(m.daily) == days and len(m.rolling) == days
        if m.now.count:
            assert m.now.low - 1e-9 <= m.now.mean <= m.now.high + 1e-9
            assert m.now.count == sum(v is not None for v in m.daily)
        else:
            assert m.now.mean is None


@pytest.mark.parametrize("days", [1, 7, 28, 365])
def test_previous_window_touches_the_window(days):
    w = Window.ending(d("2026-03-01"), days)
    assert w.previous().end + dt.timedelta(days=1) == w.start
    assert w.previous().days == days
