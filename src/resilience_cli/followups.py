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
from resilience_cli.model import CheckIn

DAY3 = "day3"
WEEK4 = "week4"
KINDS = {DAY3: 3, WEEK4: 28}  # days after the incident
# After this many days past its due day, a follow-up no longer comes up.
DUE_FOR_DAYS = 14
TRIM_ANSWERS = ("used", "offered", "no", "not_available")
TRIM_WORDS = {
    "used": "yes, and I used it",
    "offered": "offered, not used",
    "no": "not offered",
    "not_available": "not available where I work",
}
AVOIDANCE_WORDS = {0: "not at all", 1: "a little", 2: "somewhat", 3: "a lot", 4: "all the time"}


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

DAY3_MESSAGE = (
    "Thank you. Strong reactions in the first days after an incident are common, and for "
    "most people they settle over the following weeks. Your check-in in about four weeks will offer these questions again."
)
WEEK4_EASED_MESSAGE = "Thank you for checking in about it. If anything comes back later, support is still there."
WEEK4_STRONG_MESSAGE = "Thank you for checking in about it."
# What follows depends on the answer about TRiM: the route to help the person
# has, not one they told us they did not get.
AFTER_TRIM = {
    "used": "You used TRiM, a care team or peer support: they are still there if you want to talk again.",
    "offered": "TRiM, a care team or peer support was offered: it is not too late to take it up.",
    "no": (
        "If TRiM, a care team or peer support was not offered, you can ask for it: through "
        "your line manager, your care team or a TRiM practitioner. Your employee assistance "
        "line and your GP are there too."
    ),
    "not_available": (
        "Where TRiM is not available, your employee assistance line, occupational health or "
        "your GP can help, and so can a colleague you trust."
    ),
    None: "TRiM, your care team or a peer supporter are there if you want to talk.",
}
LOW_SUPPORT_MESSAGE = "You said you have felt little support since. These people are there for you:"
# At or below this, support since the incident counts as low.
LOW_SUPPORT = 1


class Closing(Frozen):
    """The words after an answered follow-up, and whether to list contacts, own ones first."""

    paragraphs: tuple[str, ...]
    contacts: bool


def closing_words(f: FollowUp, *, still_strong: bool) -> Closing:
    if f.kind == DAY3:
        first = DAY3_MESSAGE
    else:
        first = WEEK4_STRONG_MESSAGE if still_strong else WEEK4_EASED_MESSAGE
    paragraphs = [first, AFTER_TRIM.get(f.trim, AFTER_TRIM[None])]
    low = f.support is not None and f.support <= LOW_SUPPORT
    if low:
        paragraphs.append(LOW_SUPPORT_MESSAGE)
    return Closing(tuple(paragraphs), contacts=low)


# Which follow-up, in words: "Day 3" or "Week 4".
KIND_WORDS = {DAY3: "Day 3", WEEK4: "Week 4"}


def which(d: Due, today: dt.date) -> str:
    """'Day 3 after the significant incident on Monday 14 December': what `followup` opens with."""
    from resilience_cli.dutyday import short_day

    return f"{KIND_WORDS[d.kind]} after the significant incident on {short_day(d.incident_date, today)}"


def due_line(d: Due, today: dt.date) -> str:
    """One line for `status`, bare `resilience` and a check-in without questions."""
    from resilience_cli.dutyday import short_day

    # A weekday names the day only within the week: a fortnight on, "Monday's" would mislead.
    ago = (today - d.incident_date).days
    about = (f"{d.incident_date:%A}'s incident" if 0 < ago < 7
             else f"the incident on {short_day(d.incident_date, today)}")
    return f"A short follow-up about {about} is due: resilience followup"
