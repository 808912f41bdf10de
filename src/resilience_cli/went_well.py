"""Pure: what went well beside what was hard, and the support given to colleagues, as counts.

Exposure can bring growth as well as strain (DOMAIN.md, "Periodic checks"):
moments at work that felt worthwhile (the daily tick), how worthwhile the work
felt (the weekly reflection), the things learned or quietly proud of (its
growth line), each against the person's own baseline. Support given to
colleagues is work that goes unseen: the days it was given and the words had
after incidents, counted, never named.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from resilience_cli.colleagues import ColleagueCheck, checkins_between
from resilience_cli.insights import MIN_FOR_BASELINE, Window
from resilience_cli.model import CheckIn
from resilience_cli.reflection import Reflection

# Weekly reflections a baseline of "worthwhile" needs: a few weeks, not one.
MIN_WEEKS_FOR_BASELINE = 3


@dataclass(frozen=True)
class Moments:
    """Days with a moment that felt worthwhile, of the days the tick was answered."""

    days: int
    answered: int
    baseline_days: int
    baseline_answered: int
    daily: tuple[bool | None, ...]  # one a day of the window; None: not answered

    @property
    def baseline_share(self) -> float | None:
        if self.baseline_answered < MIN_FOR_BASELINE:
            return None
        return self.baseline_days / self.baseline_answered


@dataclass(frozen=True)
class Worthwhile:
    """The weekly reflection's 'how worthwhile did your work feel' (0-4)."""

    weekly: tuple[int, ...]  # the answers in the window, week by week
    baseline: tuple[int, ...]

    @property
    def mean(self) -> float | None:
        return sum(self.weekly) / len(self.weekly) if self.weekly else None

    @property
    def baseline_mean(self) -> float | None:
        if len(self.baseline) < MIN_WEEKS_FOR_BASELINE:
            return None
        return sum(self.baseline) / len(self.baseline)


@dataclass(frozen=True)
class WentWell:
    moments: Moments
    worthwhile: Worthwhile
    growth_lines: int  # reflections in the window with a line learned or proud of
    growth_lines_baseline: int
    supported_days: int | None  # None when the optional question was never answered
    colleague_checkins: int  # words had with a colleague after an incident

    @property
    def anything(self) -> bool:
        return bool(self.moments.answered or self.worthwhile.weekly or self.growth_lines
                    or self.supported_days or self.colleague_checkins)


def _in(window: Window, reflection: Reflection) -> bool:
    return window.start.isoformat() <= reflection.week <= window.end.isoformat()


def went_well(records: Sequence[CheckIn], reflections: Iterable[Reflection],
              colleagues: Iterable[ColleagueCheck], window: Window) -> WentWell:
    """`records` and `reflections` should reach back over the baseline (insights.BASELINE_DAYS)."""
    inside = window.select(records)
    baseline_window = window.baseline()
    before = baseline_window.select(records)
    by_date = {r.date: r.good_moment for r in inside}
    moments = Moments(
        days=sum(r.good_moment is True for r in inside),
        answered=sum(r.good_moment is not None for r in inside),
        baseline_days=sum(r.good_moment is True for r in before),
        baseline_answered=sum(r.good_moment is not None for r in before),
        daily=tuple(by_date.get(d.isoformat()) for d in window.dates()),
    )
    reflections = list(reflections)
    now = sorted((r for r in reflections if _in(window, r)), key=lambda r: r.week)
    then = [r for r in reflections if _in(baseline_window, r)]
    return WentWell(
        moments=moments,
        worthwhile=Worthwhile(tuple(r.worthwhile for r in now if r.worthwhile is not None),
                              tuple(r.worthwhile for r in then if r.worthwhile is not None)),
        growth_lines=sum(bool(r.proud) for r in now),
        growth_lines_baseline=sum(bool(r.proud) for r in then),
        supported_days=(sum(bool(r.supported_colleague) for r in inside)
                        if any(r.supported_colleague is not None for r in inside) else None),
        colleague_checkins=checkins_between(colleagues, window.start, window.end),
    )


def growth_lines(reflections: Iterable[Reflection], start: dt.date, end: dt.date) -> list[Reflection]:
    """The reflections from start to end that hold a line learned or quietly proud of."""
    window = Window(start, end)
    return sorted((r for r in reflections if _in(window, r) and r.proud), key=lambda r: r.week)


def to_json_dict(result: WentWell) -> dict:
    m, w = result.moments, result.worthwhile
    share = m.baseline_share
    return {
        "went_well": {
            "good_moment_days": m.days,
            "good_moment_answered": m.answered,
            "good_moment_baseline": {"days": m.baseline_days, "answered": m.baseline_answered,
                                     "share": None if share is None else round(share, 2)},
            "good_moment_daily": list(m.daily),
            "worthwhile": {"mean": None if w.mean is None else round(w.mean, 2), "count": len(w.weekly),
                           "weekly": list(w.weekly),
                           "baseline": {"mean": None if w.baseline_mean is None else round(w.baseline_mean, 2),
                                        "count": len(w.baseline)}},
            "growth_lines": result.growth_lines,
            "growth_lines_baseline": result.growth_lines_baseline,
        },
        "colleagues": {"supported_days": result.supported_days,
                       "checkins_after_incidents": result.colleague_checkins},
    }
