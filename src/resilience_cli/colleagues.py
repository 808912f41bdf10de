"""Pure: looking out for a colleague after a hard shift or an incident.

What is kept is the officer's own: a nickname they chose, the day of the
incident, and the days they had a word. Never the colleague's state, words
or any answer about them. The reminders follow the rhythm of the officer's
own follow-ups (followups.py): about day 3 and week 4, each offered for a
couple of weeks and then let go.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from resilience_cli.errors import InvalidInput
from resilience_cli.followups import DAY3, DUE_FOR_DAYS, KINDS, WEEK4
from resilience_cli.message_maps import Words
from resilience_cli.messages import _, _n
from resilience_cli.model import clean_text

# Long enough for a first name or a nickname; too short for an account of anything.
MAX_NICKNAME = 40
# Numbers up to thirteen are written in words: "three days", "two weeks".
NUMBER_WORDS = Words({n: f"colleagues.number.{n}" for n in range(14)})
KIND_WORDS = Words({DAY3: "colleagues.kind.day3", WEEK4: "colleagues.kind.week4"})
COMMAND = "resilience colleague"  # not a message: a command


@dataclass(frozen=True)
class ColleagueCheck:
    """One colleague to look out for after one incident, and the days a word was had."""

    id: str
    nickname: str
    incident_date: str
    day3_done: str | None = None  # the day the officer had a word, about day 3
    week4_done: str | None = None  # ... and about week 4
    created_at: str = ""
    updated_at: str = ""

    @property
    def incident_day(self) -> dt.date:
        return dt.date.fromisoformat(self.incident_date)

    def done_on(self, kind: str) -> str | None:
        return self.day3_done if kind == DAY3 else self.week4_done

    def due_on(self, kind: str) -> dt.date:
        return self.incident_day + dt.timedelta(days=KINDS[kind])

    def lapsed(self, kind: str, today: dt.date) -> bool:
        """Past its couple of weeks without a word: it no longer comes up."""
        return today > self.due_on(kind) + dt.timedelta(days=DUE_FOR_DAYS)

    def next_open(self, today: dt.date) -> str | None:
        """The earliest check-in not had and not let go; None when nothing is open."""
        return next((k for k in KINDS if self.done_on(k) is None and not self.lapsed(k, today)), None)


@dataclass(frozen=True)
class Nudge:
    check: ColleagueCheck
    kind: str


def nickname(text: str) -> str:
    """A nickname made safe to keep and show, or InvalidInput saying why not.

    Whether it could identify someone (a title and surname, a prison number)
    is the report layer's identifier check, which the command asks as well.
    """
    cleaned = " ".join(clean_text(text).split())
    if not cleaned:
        raise InvalidInput(_("colleagues.nickname.missing"))
    if len(cleaned) > MAX_NICKNAME:
        raise InvalidInput(_("colleagues.nickname.too_long", most=MAX_NICKNAME))
    return cleaned


def same_name(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def first_reminder(incident: dt.date, today: dt.date) -> str | None:
    """The first check-in still to come or open for an incident on `incident`; None when both have passed."""
    check = ColleagueCheck("", "", incident.isoformat())
    return check.next_open(today)


def due(checks: Iterable[ColleagueCheck], today: dt.date) -> list[Nudge]:
    """The reminders due on `today`, oldest incident first."""
    found = []
    for check in checks:
        for kind in KINDS:
            if check.done_on(kind) is None and check.due_on(kind) <= today and not check.lapsed(kind, today):
                found.append(Nudge(check, kind))
    return sorted(found, key=lambda n: (n.check.due_on(n.kind), n.check.nickname.casefold()))


def to_mark(checks: Sequence[ColleagueCheck], name: str, today: dt.date) -> tuple[ColleagueCheck, str] | None:
    """Which check-in `colleague done NAME` marks: one that is due, else the next to come."""
    mine = [c for c in checks if same_name(c.nickname, name)]
    for n in due(mine, today):
        return n.check, n.kind
    upcoming = [(c.due_on(k), c, k) for c in mine if (k := c.next_open(today)) is not None]
    if not upcoming:
        return None
    __, check, kind = min(upcoming, key=lambda t: t[0])
    return check, kind


def status(check: ColleagueCheck, kind: str, today: dt.date) -> str:
    """One reminder in a word for scripts (`colleague list --format json`): done (a word was
    had), due (offered now), not yet (its day is to come) or passed (let go without a word)."""
    if check.done_on(kind) is not None:
        return "done"
    if check.lapsed(kind, today):
        return "passed"
    return "due" if check.due_on(kind) <= today else "not yet"  # not a message: a value for scripts (README)


def to_json_list(checks: Iterable[ColleagueCheck], today: dt.date) -> list[dict[str, str]]:
    """Every record, oldest incident first, with the same four keys each (the README's contract)."""
    ordered = sorted(checks, key=lambda c: (c.incident_date, c.nickname.casefold()))
    return [{"nickname": c.nickname, "incident_date": c.incident_date,
             "day3": status(c, DAY3, today), "week4": status(c, WEEK4, today)} for c in ordered]


def _number(n: int) -> str:
    return NUMBER_WORDS[n] if n in NUMBER_WORDS else str(n)


def _since(days: int) -> str:
    """'three days', 'two weeks'."""
    if days < 14:
        return _n("colleagues.since.days", days, number=_number(days))
    weeks = days // 7
    return _n("colleagues.since.weeks", weeks, number=_number(weeks))


def nudge_words(n: Nudge, today: dt.date) -> str:
    """'It has been three days since Monday's incident with G. A word might help: resilience colleague'."""
    from resilience_cli.messages import day_month, weekday

    day = n.check.incident_day
    days = (today - day).days
    if days < 7:
        return _("colleagues.nudge.this_week", since=_since(days), weekday=weekday(day),
                 nickname=n.check.nickname, command=COMMAND)
    return _("colleagues.nudge.earlier", since=_since(days), day=day_month(day), nickname=n.check.nickname,
             command=COMMAND)


def checkins_between(checks: Iterable[ColleagueCheck], start: dt.date, end: dt.date) -> int:
    """How many words after an incident were had from start to end: counts, never names."""
    first, last = start.isoformat(), end.isoformat()
    return sum(1 for c in checks for k in KINDS if (d := c.done_on(k)) is not None and first <= d <= last)


def guide() -> str:
    """The guide `resilience colleague` prints, in our own words (DOMAIN.md, "Looking out
    for colleagues"). The scripts are examples to put in your own words, not lines to read out."""
    from resilience_cli.messages import _

    return _("colleagues.guide")


def __getattr__(name: str) -> str:
    """`GUIDE`, as before: the guide in the language being spoken, read when it is used."""
    if name == "GUIDE":
        return guide()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")  # not a message: Python's own error
