"""Pure: trends, baselines and comparisons over check-ins.

Every function takes records and an end date; none reads the clock, the
database or the terminal. Skipped answers (None) are left out of every mean,
never counted as zero.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from resilience_cli.model import CheckIn

# The fewest answers an average needs before we show it beside today's.
MIN_FOR_AVERAGE = 3


@dataclass(frozen=True)
class Stats:
    count: int
    mean: float | None
    low: float | None
    high: float | None


def values(records: Iterable[CheckIn], field: str) -> list[float]:
    """The answered values of one numeric field (bools count as 0/1)."""
    out = []
    for record in records:
        value = getattr(record, field)
        if value is not None:
            out.append(float(value))
    return out


def stats(records: Iterable[CheckIn], field: str) -> Stats:
    vals = values(records, field)
    if not vals:
        return Stats(0, None, None, None)
    return Stats(len(vals), sum(vals) / len(vals), min(vals), max(vals))


def in_window(records: Sequence[CheckIn], start: dt.date, end: dt.date) -> list[CheckIn]:
    """The records whose duty day lies in [start, end], both ends included."""
    lo, hi = start.isoformat(), end.isoformat()
    return [r for r in records if lo <= r.date <= hi]


def recent_average(
    records: Sequence[CheckIn], field: str, before: dt.date, days: int = 28
) -> float | None:
    """The mean of `field` over the `days` days before `before` (not including it).

    None when fewer than MIN_FOR_AVERAGE of those days have an answer.
    """
    window = in_window(records, before - dt.timedelta(days=days), before - dt.timedelta(days=1))
    result = stats(window, field)
    return result.mean if result.count >= MIN_FOR_AVERAGE else None
