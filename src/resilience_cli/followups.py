"""Pure: the short follow-ups after a significant incident (about day 3 and week 4).

The rhythm is the one trauma risk management (TRiM) and NICE's active
monitoring use: a check a few days after, and another about a month after.
A follow-up is due on the first check-in on or after its day, for a couple of
weeks; once answered or skipped it is never asked again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from resilience_cli.frozen import Frozen
from resilience_cli.message_maps import Words
from resilience_cli.model import CheckIn

DAY3 = "day3"
WEEK4 = "week4"
KINDS = {DAY3: 3, WEEK4: 28}  # days after the incident
# After this many days past its due day, a follow-up no longer comes up.
DUE_FOR_DAYS = 14
TRIM_ANSWERS = ("used", "offered", "no", "not_available")
# The answers' words, read in the language being spoken (followups.po).
TRIM_WORDS = Words({answer: f"followups.trim.{answer}" for answer in TRIM_ANSWERS})
AVOIDANCE_WORDS = Words({level: f"followups.avoidance.{level}" for level in range(5)})


@dataclass(frozen=True)
class FollowUp:
    id: str
    incident_date: str
    kind: str  # day3 | week4
    date: str  # the duty day it was answered (or skipped) on
    intrusions: int | None = None  # 0-4
    sleep_quality: int | None = None  # 0-10
    avoidance: int | None = None  # 0-4
    support: int | None = None  # 0-4
    trim: str | None = None  # one of TRIM_ANSWERS
    skipped: bool = False
    created_at: str = ""
    updated_at: str = ""

    def still_strong(self, intrusions: int = 2, avoidance: int = 2, sleep_quality: int = 4) -> bool:
        """DOMAIN.md, R5: intrusions or avoidance 2 or more, or sleep quality 4 or lower."""
        return (
            (self.intrusions is not None and self.intrusions >= intrusions)
            or (self.avoidance is not None and self.avoidance >= avoidance)
            or (self.sleep_quality is not None and self.sleep_quality <= sleep_quality)
        )


class Due(Frozen):
    incident_date: dt.date
    kind: str

    @property
    def due_on(self) -> dt.date:
        return self.incident_date + dt.timedelta(days=KINDS[self.kind])


def due(records: Sequence[CheckIn], done: Sequence[FollowUp], today: dt.date) -> list[Due]:
    """Follow-ups to offer on `today`, oldest first."""
    answered = {(f.incident_date, f.kind) for f in done}
    found = []
    for r in records:
        if r.incident != "significant":
            continue
        for kind, offset in KINDS.items():
            due_on = r.day + dt.timedelta(days=offset)
            if (r.date, kind) in answered:
                continue
            if due_on <= today <= due_on + dt.timedelta(days=DUE_FOR_DAYS):
                found.append(Due(r.day, kind))
    return sorted(found, key=lambda d: (d.due_on, d.kind))

# What follows depends on the answer about TRiM: the route to help the person
# has, not one they told us they did not get (followups.after_trim.*).
AFTER_TRIM = Words({**{answer: f"followups.after_trim.{answer}" for answer in TRIM_ANSWERS},
                    None: "followups.after_trim.unanswered"})
# At or below this, support since the incident counts as low.
LOW_SUPPORT = 1


class Closing(Frozen):
    """The words after an answered follow-up, and whether to list contacts, own ones first."""

    paragraphs: tuple[str, ...]
    contacts: bool


def closing_words(f: FollowUp, *, still_strong: bool) -> Closing:
    from resilience_cli.messages import _

    if f.kind == DAY3:
        first = _("followups.closing.day3")
    else:
        first = _("followups.closing.week4_strong") if still_strong else _("followups.closing.week4_eased")
    paragraphs = [first, AFTER_TRIM[f.trim if f.trim in AFTER_TRIM else None]]
    low = f.support is not None and f.support <= LOW_SUPPORT
    if low:
        paragraphs.append(_("followups.closing.low_support"))
    return Closing(tuple(paragraphs), contacts=low)


def which(d: Due, today: dt.date) -> str:
    """'Day 3 after the significant incident on Monday 14 December': what `followup` opens with."""
    from resilience_cli.dutyday import short_day
    from resilience_cli.messages import _

    day = short_day(d.incident_date, today)
    return _("followups.which.day3", day=day) if d.kind == DAY3 else _("followups.which.week4", day=day)


def due_line(d: Due, today: dt.date) -> str:
    """One line for `status`, bare `resilience` and a check-in without questions."""
    from resilience_cli.dutyday import short_day
    from resilience_cli.messages import _, weekday

    command = "resilience followup"  # not a message: a command
    # A weekday names the day only within the week: a fortnight on, "Monday's" would mislead.
    ago = (today - d.incident_date).days
    if 0 < ago < 7:
        return _("followups.due.this_week", weekday=weekday(d.incident_date), command=command)
    return _("followups.due.on", day=short_day(d.incident_date, today), command=command)
