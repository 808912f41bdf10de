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
from resilience_cli.model import clean_text

# Long enough for a first name or a nickname; too short for an account of anything.
MAX_NICKNAME = 40
NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen")
KIND_WORDS = {DAY3: "about day 3", WEEK4: "about week 4"}
COMMAND = "resilience colleague"


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
        raise InvalidInput("Give a nickname for your colleague, such as G or Sam.")
    if len(cleaned) > MAX_NICKNAME:
        raise InvalidInput(f"A nickname is at most {MAX_NICKNAME} characters: a first name, an initial or "
                           "a word only you would know.")
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
    _, check, kind = min(upcoming, key=lambda t: t[0])
    return check, kind


def status(check: ColleagueCheck, kind: str, today: dt.date) -> str:
    """One reminder in a word for scripts (`colleague list --format json`): done (a word was
    had), due (offered now), not yet (its day is to come) or passed (let go without a word)."""
    if check.done_on(kind) is not None:
        return "done"
    if check.lapsed(kind, today):
        return "passed"
    return "due" if check.due_on(kind) <= today else "not yet"


def to_json_list(checks: Iterable[ColleagueCheck], today: dt.date) -> list[dict[str, str]]:
    """Every record, oldest incident first, with the same four keys each (the README's contract)."""
    ordered = sorted(checks, key=lambda c: (c.incident_date, c.nickname.casefold()))
    return [{"nickname": c.nickname, "incident_date": c.incident_date,
             "day3": status(c, DAY3, today), "week4": status(c, WEEK4, today)} for c in ordered]


def _since(days: int) -> str:
    if days < 14:
        return f"{NUMBER_WORDS[days]} {'day' if days == 1 else 'days'}" if days < len(NUMBER_WORDS) \
            else f"{days} days"
    weeks = days // 7
    return f"{NUMBER_WORDS[weeks]} weeks" if weeks < len(NUMBER_WORDS) else f"{weeks} weeks"


def nudge_words(n: Nudge, today: dt.date) -> str:
    """'It has been three days since Monday's incident with G. A word might help: resilience colleague'."""
    day = n.check.incident_day
    days = (today - day).days
    if days < 7:
        when = f"since {day:%A}'s incident with {n.check.nickname}"
    else:
        when = f"since the incident with {n.check.nickname} on {day:%A} {day.day} {day:%B}"
    return f"It has been {_since(days)} {when}. A word might help: {COMMAND}"


def words_for_day(day: dt.date) -> str:
    return f"{day:%A} {day.day} {day:%B}"


def checkins_between(checks: Iterable[ColleagueCheck], start: dt.date, end: dt.date) -> int:
    """How many words after an incident were had from start to end: counts, never names."""
    first, last = start.isoformat(), end.isoformat()
    return sum(1 for c in checks for k in KINDS if (d := c.done_on(k)) is not None and first <= d <= last)


# The guide `resilience colleague` prints, in our own words (DOMAIN.md,
# "Looking out for colleagues"). The scripts are examples to put in your own
# words, not lines to read out.
GUIDE = """\
Supporting a colleague

After a hard shift or an incident
  Check in soon, and simply: "That was a rough one. How are you doing?"
  Listen more than you talk. You don't need the right words; being there helps.
  Offer practical help: a brew, cover for a break, a lift home.
  Keep in touch over the following weeks, not only on the day. Reactions can come later.
  A reminder about day 3 and week 4: resilience colleague remember NICKNAME
  Don't go over the incident together for a statement: each of you gives your own
  account, in your own words.

What to say (put it in your own words)
  Opening, a few days on: "How are you doing after Tuesday?"
    or "I've been thinking about you since Tuesday. How's it been?"
  Listening, without fixing: "That sounds hard." "Take your time." "What's been the worst of it?"
    You don't have to solve anything or have an answer. Let the pauses be.
  When you are worried, ask directly: "With all this going on, sometimes people think
    about suicide. Are you thinking about ending your life?"
  Pointing to routes: "Would it help to talk to someone whose job this is? I can sit with
    you while you call." resilience routes lists the routes where you work, and
    resilience help-now the ones that answer now.

If they mention suicide, or not wanting to be here
  Take it seriously, and ask directly: "Are you thinking about ending your life?"
  Asking does not put the idea there, and it can be a relief to be asked.
  Stay with them, listen, and help them contact support: their GP, the employee
  assistance line, Samaritans (116 123, free, 24/7) or their urgent mental health line.
  Don't promise to keep it secret: confidentiality gives way when a life is at risk.

If a life is at risk
  Stay with them. Don't leave them on their own.
  If they are in immediate danger, call 999.
  Or go to A&E together: go with them if you can.
  If it is safe to, help them put away anything they could use to harm themselves.
  Tell the people who need to know, even if they ask you not to: a life comes first.

What tends not to help
  Pushing for details of what happened, or making them go over it again.
  "You'll be fine", "it's part of the job", or comparing it with worse.
  Deciding for them what they need, or telling others without asking,
  except when their life is at risk.

Where to point them
  After an incident: TRiM, the care team or the peer supporters where you work.
  Their union or Federation rep (the POA, Napo, UNISON, the Police Federation):
  support from someone outside their line management, and advice on what happens next at work.
  The employee assistance line, occupational health, or their GP, if things are not settling.
  In a crisis: 999 in immediate danger; Samaritans 116 123 (free, 24/7);
  text SHOUT to 85258 (free, 24/7); the urgent mental health line where they live
  (resilience help-now lists it for each nation).

Looking after yourself
  Supporting someone else can be heavy too. It is fine to talk it over with someone yourself.
"""
