"""Pure: which duty day a check-in without a date is filed under (DOMAIN.md, "Duty days").

A check-in belongs to the day its shift began. A night shift, or a long shift
that crossed midnight, checked in on getting home (before the cut-off,
`[day] night_shift_until`, 14:00 by default) belongs to the day before. In
the small hours, whatever the shift, the check-in is most likely about the
day that has just ended. Every other kind of day is filed for today.
"""

from __future__ import annotations

import datetime as dt

from resilience_cli.frozen import Frozen
from resilience_cli.messages import _
from resilience_cli.model import DAYS_OFF, SHIFT_WORDS

# Before this hour, any check-in defaults to the shift that began the day before.
SMALL_HOURS_END = dt.time(6)
# The shifts that can cross midnight: checked in the next morning, they belong to the day before.
CROSSES_MIDNIGHT = ("night", "long")
# Why a check-in files where it does (Filing.why): names, not words.
SMALL_HOURS = "small_hours"
AFTER_A_NIGHT = "after_a_night"
TODAY = "today"


class Filing(Frozen):
    """Where a check-in goes: `day`, and `other`, the day one key files it under
    instead (None when there is no doubt: it is today)."""

    day: dt.date
    other: dt.date | None
    why: str  # SMALL_HOURS, AFTER_A_NIGHT or TODAY


def filing(now: dt.datetime, shift: str | None, night_shift_until: dt.time) -> Filing:
    """The duty day for a check-in made at `now` about a day of kind `shift` (None: not known yet)."""
    today = now.date()
    yesterday = today - dt.timedelta(days=1)
    if now.time() < SMALL_HOURS_END:
        return Filing(yesterday, today, SMALL_HOURS)
    if shift in CROSSES_MIDNIGHT and now.time() < night_shift_until:
        return Filing(yesterday, today, AFTER_A_NIGHT)
    return Filing(today, None, TODAY)


def in_the_morning_window(now: dt.datetime, night_shift_until: dt.time) -> bool:
    """Whether the shift decides the day: after the small hours, before the cut-off."""
    return SMALL_HOURS_END <= now.time() < night_shift_until


def short_day(day: dt.date, today: dt.date) -> str:
    """'Saturday 19 December', with the year only when it is not this year's."""
    from resilience_cli.messages import day_month

    return day_month(day, year=day.year != today.year)


def shift_day_words(shift: str | None, day: dt.date, today: dt.date) -> str:
    """The day as the check-in files it: 'the night shift that began Saturday 19 December'."""
    when = short_day(day, today)
    if day == today:
        return _("dutyday.today", day=when)
    if shift in DAYS_OFF:
        return _("dutyday.day_off", day=when, kind=SHIFT_WORDS[shift])
    if shift:
        return _("dutyday.shift_began", day=when, kind=SHIFT_WORDS[shift])
    return _("dutyday.a_shift_began", day=when)
