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
from resilience_cli.messages import _, _n, month
from resilience_cli.model import CheckIn

UNANSWERED = "unanswered"
MIN_CHECKINS = 3  # fewer is too little to describe a week (DOMAIN.md)


@dataclass(frozen=True)
class Question:
    """One question of the pulse: its key in the file, and its bands' ids with the ids of their words.

    `title` and `bands` are read in the language spoken; a file holds only the ids."""

    key: str  # the file's key
    band_ids: tuple[tuple[str, str], ...]  # (band id, message id of its words), in order

    @property
    def title(self) -> str:
        """What the preview and the report call it."""
        return _(f"pulse.question.{self.key}")

    @property
    def bands(self) -> tuple[tuple[str, str], ...]:
        """(id, words), in order."""
        return tuple((band, _(words)) for band, words in self.band_ids)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(band for band, __ in self.band_ids)

    def words(self, band: str) -> str:
        return _(dict(self.band_ids)[band])


_NOT_ANSWERED = (UNANSWERED, "pulse.band.unanswered")
_DAYS = (("0", "pulse.band.days.0"), ("1-2", "pulse.band.days.1_2"), ("3+", "pulse.band.days.3_plus"))
_AVERAGE = (("low", "pulse.band.average.low"), ("middling", "pulse.band.average.middling"),
            ("high", "pulse.band.average.high"), _NOT_ANSWERED)
_HELPS = (
    ("staffing", "pulse.band.helps.staffing"),
    ("breaks", "pulse.band.helps.breaks"),
    ("rest-days", "pulse.band.helps.rest_days"),
    ("manager-time", "pulse.band.helps.manager_time"),
    ("incident-support", "pulse.band.helps.incident_support"),
    ("kit-safety", "pulse.band.helps.kit_safety"),
    ("training", "pulse.band.helps.training"),
    ("nothing", "pulse.band.helps.nothing"),
    _NOT_ANSWERED,
)

QUESTIONS = (
    Question("days_checked_in", (("3-5", "pulse.band.checked_in.3_5"), ("6-7", "pulse.band.checked_in.6_7"))),
    Question("heavy_events", _DAYS),
    Question("heavy_interactions", _DAYS),
    Question("heavy_material", _DAYS),
    Question("sleep", (("under-6", "pulse.band.sleep.under_6"), ("6-7", "pulse.band.sleep.6_7"),
                       ("7+", "pulse.band.sleep.7_plus"), _NOT_ANSWERED)),
    Question("workload", _AVERAGE),
    Question("support", _AVERAGE),
    Question("helps_most", _HELPS),
)
BY_KEY = {q.key: q for q in QUESTIONS}
HELP_IDS = tuple(band for band, __ in _HELPS)


def helps() -> tuple[tuple[str, str], ...]:
    """What would help most: (id, words) of each choice, in the language spoken."""
    return BY_KEY["helps_most"].bands


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
        raise InvalidInput(_("pulse.week.not_iso", given=repr(text), example="2026-W49")) from None


def week_id(monday: dt.date) -> str:
    year, week, __ = monday.isocalendar()
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
    key = ("pulse.week.words" if monday.month == sunday.month
           else "pulse.week.words_months" if monday.year == sunday.year else "pulse.week.words_years")
    return _(key, first_day=monday.day, first_month=month(monday), first_year=monday.year,
             last_day=sunday.day, month=month(sunday), year=sunday.year)


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
        raise InvalidInput(_("pulse.helps.not_a_choice", given=repr(helps), choices=", ".join(HELP_IDS)))
    sunday = monday + dt.timedelta(days=6)
    inside = [r for r in records if monday.isoformat() <= r.date <= sunday.isoformat()]
    if len(inside) < MIN_CHECKINS:
        raise NotFound(_n("pulse.too_few_checkins", len(inside), week=week_id(monday), least=MIN_CHECKINS))
    out = {"days_checked_in": "3-5" if len(inside) <= 5 else "6-7"}
    for key, heavy in HEAVY_KINDS.items():
        out[key] = _days_band(sum(1 for r in inside if heavy(r)))
    out["sleep"] = _sleep_band([r.sleep_hours for r in inside if r.sleep_hours is not None])
    out["workload"] = _average_band([r.workload for r in inside if r.workload is not None])
    out["support"] = _average_band([r.support for r in inside if r.support is not None])
    out["helps_most"] = helps
    return out
