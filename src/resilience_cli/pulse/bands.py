"""The pulse's questions and their bands, and one week of check-ins put into them.

Every answer a pulse file may hold is one of the band ids below: that closed
list is what keeps free text, exact figures and dates finer than the week
out of it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from resilience_cli.errors import InvalidInput, NotFound
from resilience_cli.model import CheckIn

UNANSWERED = "unanswered"
MIN_CHECKINS = 3  # fewer is too little to describe a week (DOMAIN.md)


@dataclass(frozen=True)
class Question:
    key: str  # the file's key
    title: str  # what the preview and the report call it
    bands: tuple[tuple[str, str], ...]  # (id, words), in order

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(b for b, _ in self.bands)

    def words(self, band: str) -> str:
        return dict(self.bands)[band]


_DAYS = (("0", "none"), ("1-2", "1 or 2"), ("3+", "3 or more"))
_AVERAGE = (("low", "low (under 1.5 of 4)"), ("middling", "middling (1.5 to 2.5 of 4)"),
            ("high", "high (over 2.5 of 4)"), (UNANSWERED, "not answered"))
HELPS = (
    ("staffing", "staffing"),
    ("breaks", "breaks"),
    ("rest-days", "rest days not cancelled"),
    ("manager-time", "time with a manager"),
    ("incident-support", "support after incidents"),
    ("kit-safety", "kit and safety"),
    ("training", "training"),
    ("nothing", "nothing right now"),
    (UNANSWERED, "not answered"),
)

QUESTIONS = (
    Question("days_checked_in", "Days checked in", (("3-5", "3 to 5"), ("6-7", "6 or 7"))),
    Question("heavy_events", "Days with a distressing incident", _DAYS),
    Question("heavy_interactions", "Days with some or a lot of hostile or distressing interactions", _DAYS),
    Question("heavy_material", "Days with some or a lot of distressing material", _DAYS),
    Question("sleep", "Average sleep", (("under-6", "under 6 hours"), ("6-7", "6 to 7 hours"),
                                        ("7+", "7 hours or more"), (UNANSWERED, "not answered"))),
    Question("workload", "Workload manageable, on average", _AVERAGE),
    Question("support", "Support felt, on average", _AVERAGE),
    Question("helps_most", "What would help most", HELPS),
)
BY_KEY = {q.key: q for q in QUESTIONS}
HELP_IDS = tuple(b for b, _ in HELPS)


# -- ISO weeks ---------------------------------------------------------------

_WEEK = re.compile(r"([0-9]{4})-W([0-9]{2})")


def parse_week(text: str) -> dt.date:
    """The Monday of an ISO week written YYYY-Www (2026-W49)."""
    found = _WEEK.fullmatch(text.strip())
    try:
        if found is None:
            raise ValueError
        return dt.date.fromisocalendar(int(found.group(1)), int(found.group(2)), 1)
    except ValueError:
        raise InvalidInput(f"{text!r} is not an ISO week; write it like 2026-W49.") from None


def week_id(monday: dt.date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def last_complete_week(today: dt.date) -> dt.date:
    """The Monday of the last ISO week that has ended: today's week is not over until Sunday is."""
    return monday_of(today) - dt.timedelta(days=7)


def is_over(monday: dt.date, today: dt.date) -> bool:
    return monday + dt.timedelta(days=6) < today


def week_words(monday: dt.date) -> str:
    """"23 to 29 November 2026", "30 November to 6 December 2026", "28 December 2026 to 3 January 2027"."""
    sunday = monday + dt.timedelta(days=6)
    start = str(monday.day)
    if monday.month != sunday.month:
        start += f" {monday:%B}"
    if monday.year != sunday.year:
        start += f" {monday.year}"
    return f"{start} to {sunday.day} {sunday:%B} {sunday.year}"


# -- a week of check-ins in bands -----------------------------------------------

# The kinds of heavy exposure, each as model.is_heavy counts it (a test keeps
# them equal): an incident, some or a lot of interactions, some or a lot of material.
HEAVY_KINDS = {
    "heavy_events": lambda r: r.incident in ("minor", "significant"),
    "heavy_interactions": lambda r: (r.interactions or 0) >= 2,
    "heavy_material": lambda r: (r.material or 0) >= 2,
}


def _days_band(days: int) -> str:
    return "0" if days == 0 else "1-2" if days <= 2 else "3+"


def _sleep_band(hours: Sequence[float]) -> str:
    if not hours:
        return UNANSWERED
    total, n = sum(hours), len(hours)
    # Sums, not a mean, so that a band's edge is exact (6.0 is "6 to 7").
    return "under-6" if total < 6 * n else "6-7" if total < 7 * n else "7+"


def _average_band(values: Sequence[int]) -> str:
    if not values:
        return UNANSWERED
    total, n = sum(values), len(values)
    # low under 1.5, middling 1.5 to 2.5, high over 2.5 (DOMAIN.md), in whole numbers.
    return "low" if 2 * total < 3 * n else "high" if 2 * total > 5 * n else "middling"


def week_in_bands(records: Sequence[CheckIn], monday: dt.date, helps: str) -> dict[str, str]:
    """One week of check-ins as the pulse's bands, in the questions' order.

    Refused (NotFound, exit 1) with fewer than three check-ins in the week.
    Answers skipped on a day are left out of its averages, never counted as 0.
    """
    if helps not in HELP_IDS:
        raise InvalidInput(f"{helps!r} is not one of the choices of what would help most: "
                           f"{', '.join(HELP_IDS)}.")
    sunday = monday + dt.timedelta(days=6)
    inside = [r for r in records if monday.isoformat() <= r.date <= sunday.isoformat()]
    if len(inside) < MIN_CHECKINS:
        raise NotFound(
            f"Week {week_id(monday)} has {len(inside)} check-in{'s' if len(inside) != 1 else ''}; "
            f"a pulse needs at least {MIN_CHECKINS} to describe a week, so no file was written.")
    out = {"days_checked_in": "3-5" if len(inside) <= 5 else "6-7"}
    for key, heavy in HEAVY_KINDS.items():
        out[key] = _days_band(sum(1 for r in inside if heavy(r)))
    out["sleep"] = _sleep_band([r.sleep_hours for r in inside if r.sleep_hours is not None])
    out["workload"] = _average_band([r.workload for r in inside if r.workload is not None])
    out["support"] = _average_band([r.support for r in inside if r.support is not None])
    out["helps_most"] = helps
    return out
