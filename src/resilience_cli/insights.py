"""Pure: trends, baselines and comparisons over check-ins.

Every function takes records and dates; none reads the clock, the database or
the terminal. Skipped answers (None) are left out of every mean, never counted
as zero, and days without a check-in are gaps, never zeros.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence

from resilience_cli.frozen import Fresh, Frozen
from resilience_cli.model import (
    FIELD_SPECS,
    NUMERIC_FIELDS,
    RECOVERY,
    CheckIn,
    is_heavy,
    is_working,
)

# The fewest answers an average needs before we show it beside today's.
MIN_FOR_AVERAGE = 3
# The personal baseline: the user's own history before the window.
BASELINE_DAYS = 90
MIN_FOR_BASELINE = 14
# A with/without comparison needs at least this many days on each side.
MIN_PER_SIDE = 3
ROLLING_DAYS = 7

# Metrics where a rising number is a harder time, not an easier one.
# From the question catalogue (FieldSpec.higher_is_harder).
HIGHER_IS_HARDER = frozenset(n for n, s in FIELD_SPECS.items() if s.higher_is_harder)
# Changes smaller than these are "about the same": a step on the scale's
# resolution, not noise dressed up as a trend.
# "incidents" is a count of days in a period (the summary compares two periods').
STEADY_WITHIN = {n: s.steady_within for n, s in FIELD_SPECS.items() if s.steady_within is not None} | {
    "incidents": 0.25}
STEADY_WITHIN_0_10 = 0.5
STEADY_WITHIN_0_4 = 0.25


class Stats(Frozen):
    count: int
    mean: float | None
    low: float | None
    high: float | None


class Window(Frozen):
    start: dt.date
    end: dt.date

    @classmethod
    def ending(cls, end: dt.date, days: int) -> Window:
        return cls(end - dt.timedelta(days=days - 1), end)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Window:
        return Window.ending(self.start - dt.timedelta(days=1), self.days)

    def baseline(self) -> Window:
        return Window.ending(self.start - dt.timedelta(days=1), BASELINE_DAYS)

    def dates(self) -> list[dt.date]:
        return [self.start + dt.timedelta(days=i) for i in range(self.days)]

    def holds(self, record: CheckIn) -> bool:
        return self.start.isoformat() <= record.date <= self.end.isoformat()

    def select(self, records: Iterable[CheckIn]) -> list[CheckIn]:
        start, end = self.start.isoformat(), self.end.isoformat()
        return [r for r in records if start <= r.date <= end]


def values(records: Iterable[CheckIn], name: str) -> list[float]:
    """The answered values of one field (booleans count as 0 and 1)."""
    return [float(v) for r in records if (v := getattr(r, name)) is not None]


def stats(records: Iterable[CheckIn], name: str) -> Stats:
    vals = values(records, name)
    if not vals:
        return Stats(0, None, None, None)
    return Stats(len(vals), sum(vals) / len(vals), min(vals), max(vals))


def recent_average(
    records: Sequence[CheckIn], name: str, before: dt.date, days: int = 28
) -> float | None:
    """The mean of `name` over the `days` days before `before` (not including it).

    None when fewer than MIN_FOR_AVERAGE of those days have an answer.
    """
    window = Window.ending(before - dt.timedelta(days=1), days)
    result = stats(window.select(records), name)
    return result.mean if result.count >= MIN_FOR_AVERAGE else None


def daily(records: Iterable[CheckIn], name: str, window: Window) -> list[float | None]:
    """One value per day of the window, None where there was no answer."""
    by_date = {r.date: getattr(r, name) for r in records}
    out: list[float | None] = []
    for day in window.dates():
        value = by_date.get(day.isoformat())
        out.append(None if value is None else float(value))
    return out


def rolling_mean(
    records: Sequence[CheckIn], name: str, window: Window, span: int = ROLLING_DAYS
) -> list[float | None]:
    """For each day of the window, the mean of the answers in the `span` days up to it."""
    widened = Window(window.start - dt.timedelta(days=span - 1), window.end)
    series = daily(records, name, widened)
    out: list[float | None] = []
    for i in range(span - 1, len(series)):
        vals = [v for v in series[i - span + 1 : i + 1] if v is not None]
        out.append(sum(vals) / len(vals) if vals else None)
    return out


def steady_within(name: str) -> float:
    if name in STEADY_WITHIN:
        return STEADY_WITHIN[name]
    spec = FIELD_SPECS[name]
    return STEADY_WITHIN_0_10 if (spec.high or 0) > 4 else STEADY_WITHIN_0_4


# How each direction of a Change is drawn; words always stand beside it.
ARROWS = {"up": "↑", "down": "↓", "same": "→"}


class Change(Frozen):
    """The difference between two means, in words as well as numbers."""

    amount: float  # now - then
    direction: str  # "up", "down" or "same"
    easier: bool | None  # True when the change is towards an easier time; None when steady

    @classmethod
    def between(cls, name: str, now: float, then: float) -> Change:
        amount = now - then
        if abs(amount) < steady_within(name):
            return cls(amount, "same", None)
        direction = "up" if amount > 0 else "down"
        easier = (direction == "up") != (name in HIGHER_IS_HARDER)
        return cls(amount, direction, easier)


class MetricTrend(Frozen):
    name: str
    now: Stats
    previous: Stats
    baseline: Stats
    daily: list[float | None]
    rolling: list[float | None]

    @property
    def change(self) -> Change | None:
        if self.now.mean is None or self.previous.count < MIN_FOR_AVERAGE:
            return None
        return Change.between(self.name, self.now.mean, self.previous.mean)  # type: ignore[arg-type]

    @property
    def baseline_change(self) -> Change | None:
        if self.now.mean is None or self.baseline.count < MIN_FOR_BASELINE:
            return None
        return Change.between(self.name, self.now.mean, self.baseline.mean)  # type: ignore[arg-type]


class Exposure(Frozen):
    material_days: dict[int, int]  # band -> days
    interaction_days: dict[int, int]  # band -> days
    minor_incidents: int
    significant_incidents: int
    graphic_days: int
    heavy_days: int  # material >= 2, interactions >= 2 or an incident (model.is_heavy)
    working_days: int
    hurt_days: int = 0  # assaulted or physically hurt at work


class Comparison(Frozen):
    """Two groups of days and one measure: an association, never a cause."""

    id: str
    measure: str  # the field compared
    with_label: str
    without_label: str
    with_mean: float
    with_count: int
    without_mean: float
    without_count: int

    @property
    def difference(self) -> float:
        return self.with_mean - self.without_mean


class Trends(Frozen):
    window: Window
    checked_in: int
    metrics: dict[str, MetricTrend]
    exposure: Exposure
    recovery: dict[str, int]  # activity -> days; "nothing" -> days with nothing
    comparisons: list[Comparison] = Fresh(list)
    colleague_days: int | None = None  # None when the optional question was never answered
    # Days of each kind (model.SHIFTS, and "skipped"), every kind listed.
    day_types: dict[str, int] = Fresh(dict)


def exposure(records: Sequence[CheckIn]) -> Exposure:
    def days_at_each_level(name: str) -> dict[int, int]:
        levels = {level: 0 for level in range(4)}
        for r in records:
            value = getattr(r, name)
            if value is not None:
                levels[value] += 1
        return levels

    return Exposure(
        material_days=days_at_each_level("material"),
        interaction_days=days_at_each_level("interactions"),
        minor_incidents=sum(r.incident == "minor" for r in records),
        significant_incidents=sum(r.incident == "significant" for r in records),
        graphic_days=sum(bool(r.graphic) for r in records),
        heavy_days=sum(is_heavy(r) for r in records),
        working_days=sum(is_working(r) for r in records),
        hurt_days=sum(r.hurt is True for r in records),
    )


def day_types(records: Sequence[CheckIn]) -> dict[str, int]:
    """How many days of each kind: every kind of day, then the days whose kind was skipped."""
    from resilience_cli.model import SHIFTS

    counts = dict.fromkeys((*SHIFTS, "skipped"), 0)
    for r in records:
        counts[r.shift or "skipped"] += 1
    return counts


def recovery_counts(records: Sequence[CheckIn]) -> dict[str, int]:
    counts = {item: 0 for item in RECOVERY}
    counts["nothing"] = 0
    for r in records:
        if r.recovery is None:
            continue
        if not r.recovery:
            counts["nothing"] += 1
        for item in r.recovery:
            counts[item] += 1
    return counts


def _compare(
    cid: str,
    pairs: Iterable[tuple[bool | None, float | None]],
    measure: str,
    with_label: str,
    without_label: str,
) -> Comparison | None:
    with_vals: list[float] = []
    without_vals: list[float] = []
    for flag, value in pairs:
        if flag is None or value is None:
            continue
        (with_vals if flag else without_vals).append(float(value))
    if len(with_vals) < MIN_PER_SIDE or len(without_vals) < MIN_PER_SIDE:
        return None
    return Comparison(
        cid, measure, with_label, without_label,
        sum(with_vals) / len(with_vals), len(with_vals),
        sum(without_vals) / len(without_vals), len(without_vals),
    )


def _same_day(
    records: Sequence[CheckIn], flag: Callable[[CheckIn], bool | None], measure: str
) -> list[tuple[bool | None, float | None]]:
    return [(flag(r), getattr(r, measure)) for r in records]


def _next_day(
    records: Sequence[CheckIn], window: Window, flag: Callable[[CheckIn], bool | None],
    measure: str,
) -> list[tuple[bool | None, float | None]]:
    """Pairs (flag of day D, measure of day D+1), for D+1 in the window.

    Sleep is asked about the last main sleep, so the sleep that follows a
    day is in the next day's check-in.
    """
    by_date = {r.date: r for r in records}
    pairs = []
    for day in window.dates():
        before = by_date.get((day - dt.timedelta(days=1)).isoformat())
        after = by_date.get(day.isoformat())
        if before is not None and after is not None:
            pairs.append((flag(before), getattr(after, measure)))
    return pairs


def _heavy_if_answered(record: CheckIn) -> bool | None:
    if record.material is None and record.incident is None and record.interactions is None:
        return None
    return is_heavy(record)


def comparisons(records: Sequence[CheckIn], window: Window) -> list[Comparison]:
    """The with/without comparisons that have enough days on each side.

    `records` may reach back before the window (the day before its first day
    is used for "the night after").
    """
    from resilience_cli.messages import _

    inside = window.select(records)
    working = [r for r in inside if is_working(r)]
    found = [
        _compare("sleep_after_heavy_exposure",
                 _next_day(records, window, _heavy_if_answered, "sleep_hours"),
                 "sleep_hours", _("trends.comparison.sleep_after_heavy_exposure.with"),
                 _("trends.comparison.sleep_after_heavy_exposure.without")),
        _compare("mood_when_talked", _same_day(inside, lambda r: r.talked, "mood"),
                 "mood", _("trends.comparison.mood_when_talked.with"),
                 _("trends.comparison.mood_when_talked.without")),
        _compare("sleep_nights_vs_days",
                 _same_day([r for r in inside if r.shift in ("night", "day")],
                           lambda r: r.shift == "night", "sleep_hours"),
                 "sleep_hours", _("trends.comparison.sleep_nights_vs_days.with"),
                 _("trends.comparison.sleep_nights_vs_days.without")),
        _compare("switch_off_after_incidents",
                 _same_day(working, lambda r: None if r.incident is None else r.incident != "none",
                           "switch_off"),
                 "switch_off", _("trends.comparison.switch_off_after_incidents.with"),
                 _("trends.comparison.switch_off_after_incidents.without")),
        _compare("switch_off_with_heavy_interactions",
                 _same_day(working, lambda r: None if r.interactions is None else r.interactions >= 2,
                           "switch_off"),
                 "switch_off", _("trends.comparison.switch_off_with_heavy_interactions.with"),
                 _("trends.comparison.switch_off_with_heavy_interactions.without")),
        _compare("mood_with_exercise",
                 _same_day(inside, lambda r: None if r.recovery is None else "exercise" in r.recovery,
                           "mood"),
                 "mood", _("trends.comparison.mood_with_exercise.with"),
                 _("trends.comparison.mood_with_exercise.without")),
    ]
    return [c for c in found if c is not None]


def trends(records: Sequence[CheckIn], end: dt.date, days: int) -> Trends:
    """Everything the trends view shows, for the `days` days ending at `end`.

    `records` should cover the baseline too: BASELINE_DAYS before the window
    (see `history_needed`). Records outside that span are ignored.
    """
    window = Window.ending(end, days)
    inside = window.select(records)
    previous = window.previous().select(records)
    baseline = window.baseline().select(records)
    metrics = {
        name: MetricTrend(
            name=name,
            now=stats(inside, name),
            previous=stats(previous, name),
            baseline=stats(baseline, name),
            daily=daily(inside, name, window),
            rolling=rolling_mean(records, name, window),
        )
        for name in NUMERIC_FIELDS
    }
    return Trends(
        window=window,
        checked_in=len(inside),
        metrics=metrics,
        exposure=exposure(inside),
        recovery=recovery_counts(inside),
        comparisons=comparisons(records, window),
        colleague_days=(sum(bool(r.supported_colleague) for r in inside)
                        if any(r.supported_colleague is not None for r in inside) else None),
        day_types=day_types(inside),
    )


def history_needed(end: dt.date, days: int) -> Window:
    """The span of records `trends` reads: the window, the previous one and the baseline."""
    window = Window.ending(end, days)
    earliest = min(window.previous().start, window.baseline().start,
                   window.start - dt.timedelta(days=ROLLING_DAYS))
    return Window(earliest, end)


def _round(value: float | None, places: int = 2) -> float | None:
    return None if value is None else round(value, places)


def _change_dict(change: Change | None) -> dict | None:
    if change is None:
        return None
    return {"amount": _round(change.amount), "direction": change.direction, "easier": change.easier}


def to_json_dict(result: Trends) -> dict:
    """The machine form of `trends` (the public contract: window, metrics with mean and count)."""
    return {
        "window": {
            "from": result.window.start.isoformat(),
            "to": result.window.end.isoformat(),
            "days": result.window.days,
        },
        "checked_in_days": result.checked_in,
        "metrics": {
            name: {
                "mean": _round(m.now.mean),
                "count": m.now.count,
                "min": m.now.low,
                "max": m.now.high,
                "previous": {"mean": _round(m.previous.mean), "count": m.previous.count,
                             "change": _change_dict(m.change)},
                "baseline": {"days": BASELINE_DAYS, "mean": _round(m.baseline.mean),
                             "count": m.baseline.count, "change": _change_dict(m.baseline_change)},
                "daily": m.daily,
                "rolling_7_day_mean": [_round(v) for v in m.rolling],
            }
            for name, m in result.metrics.items()
        },
        "exposure": {
            "material_days": {str(k): v for k, v in result.exposure.material_days.items()},
            "interaction_days": {str(k): v for k, v in result.exposure.interaction_days.items()},
            "minor_incidents": result.exposure.minor_incidents,
            "significant_incidents": result.exposure.significant_incidents,
            "graphic_days": result.exposure.graphic_days,
            "heavy_exposure_days": result.exposure.heavy_days,
            "working_days": result.exposure.working_days,
            "hurt_days": result.exposure.hurt_days,
        },
        "days_by_type": result.day_types,
        "recovery_days": result.recovery,
        "supported_colleague_days": result.colleague_days,
        "comparisons": [
            {
                "id": c.id, "measure": c.measure,
                "with": {"label": c.with_label, "mean": _round(c.with_mean), "count": c.with_count},
                "without": {"label": c.without_label, "mean": _round(c.without_mean),
                            "count": c.without_count},
            }
            for c in result.comparisons
        ],
    }
