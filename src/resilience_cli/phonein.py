"""Pure: phone-ins, short regular calls about thriving in the job (DOMAIN.md, "Phone-ins").

What the journal keeps is the officer's own: the plan (when the call recurs),
their private preparation before a call, and their takeaway after it with
"one thing I'll do", shown back before the next call. Nothing is kept about
anyone else on the call. A phone-in is not a debrief: no prompt here asks
anyone to recount an incident.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from resilience_cli.errors import InvalidInput
from resilience_cli.insights import Window, stats
from resilience_cli.model import MAX_TEXT, WEEKDAYS, CheckIn, day_words, is_heavy

MINUTES = (5, 240)  # a phone-in is short; more than four hours is a typo
SECONDS_EACH = (10, 1800)  # the host's per-person timer
# Before a call, lines from the journal: two or three, never a report.
MOST_LINES = 3
# Without a plan or an earlier phone-in, "since the last one" means this long.
DEFAULT_LOOKBACK = 14
TAKEAWAY_FIELDS = ("takeaway", "one_thing")
# A Monday, for a weekday's name in the catalogue's words.
_A_MONDAY = dt.date(2024, 1, 1)
# systemd's calendar syntax names days in English, whatever the language spoken.
_SYSTEMD_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")  # not a message: systemd's syntax


def routes_pointer() -> str:
    """The close names where every route is described in full, and help at any time."""
    from resilience_cli.messages import _

    return _("phonein.close.routes_pointer",
             routes="resilience routes", help_now="resilience help-now")  # not a message: commands


def _range_error(flag: str, low: int, high: int, given: object) -> InvalidInput:
    from resilience_cli.messages import _

    return InvalidInput(_("phonein.flag_range", flag=flag, low=low, high=high, given=given))


@dataclass(frozen=True)
class Plan:
    """When the phone-in recurs: one plan at a time, replaced by the next."""

    id: str
    weekday: str  # "wednesday"
    at: str  # "14:00"
    minutes: int
    fortnightly: bool
    starts: str  # the first call, YYYY-MM-DD: a fortnightly plan counts from it
    created_at: str = ""
    updated_at: str = ""

    @property
    def every(self) -> str:
        """'every Wednesday at 14:00' ('every other ...' when fortnightly)."""
        from resilience_cli.messages import _, weekday

        day = weekday(_A_MONDAY + dt.timedelta(days=WEEKDAYS.index(self.weekday)))
        if self.fortnightly:
            return _("phonein.plan.every_other", day=day, time=self.at)
        return _("phonein.plan.every", day=day, time=self.at)

    @property
    def hour_minute(self) -> tuple[int, int]:
        hour, minute = self.at.split(":")
        return int(hour), int(minute)

    def next_on_or_after(self, day: dt.date) -> dt.date:
        first = dt.date.fromisoformat(self.starts)
        if day <= first:
            return first
        step = 14 if self.fortnightly else 7
        return first + dt.timedelta(days=-(-(day - first).days // step) * step)

    def last_before(self, day: dt.date) -> dt.date | None:
        first = dt.date.fromisoformat(self.starts)
        if day <= first:
            return None
        step = 14 if self.fortnightly else 7
        return first + dt.timedelta(days=((day - first).days - 1) // step * step)


@dataclass(frozen=True)
class Takeaway:
    """The officer's own takeaway from a phone-in, and one thing they'll do. One per day."""

    id: str
    date: str
    takeaway: str | None = None
    one_thing: str | None = None
    created_at: str = ""
    updated_at: str = ""


def parse_every(text: str) -> tuple[str, str]:
    """'wed 14:00' -> ('wednesday', '14:00'). Any unambiguous start of a day's name."""
    match = re.fullmatch(r"\s*([A-Za-z]+)\s+([01]?\d|2[0-3]):([0-5]\d)\s*", text)
    days = [d for d in WEEKDAYS if match and len(match.group(1)) >= 2 and d.startswith(match.group(1).lower())]
    if not match or len(days) != 1:
        from resilience_cli.messages import _

        raise InvalidInput(_("phonein.every_invalid", flag="--every", example='"wed 14:00"', given=repr(text)))
    return days[0], f"{int(match.group(2)):02d}:{match.group(3)}"


def new_plan(pid: str, every: str, minutes: int, fortnightly: bool, today: dt.date, now: dt.time,
             stamp: str) -> Plan:
    """A plan whose first call is the next one from now (today, if its time is still to come)."""
    weekday, at = parse_every(every)
    if not MINUTES[0] <= minutes <= MINUTES[1]:
        raise _range_error("--minutes", MINUTES[0], MINUTES[1], minutes)
    ahead = (WEEKDAYS.index(weekday) - today.weekday()) % 7
    hour, minute = (int(p) for p in at.split(":"))
    if ahead == 0 and now >= dt.time(hour, minute):
        ahead = 7
    first = today + dt.timedelta(days=ahead)
    return Plan(pid, weekday, at, minutes, fortnightly, first.isoformat(), stamp, stamp)


def validate_takeaway(answers: dict[str, Any]) -> dict[str, str | None]:
    from resilience_cli.messages import _, _n

    out: dict[str, str | None] = {}
    for name, value in answers.items():
        if name not in TAKEAWAY_FIELDS:
            raise InvalidInput(_("phonein.unknown_field", name=repr(name)))
        if value is None:
            out[name] = None
            continue
        if not isinstance(value, str):
            raise InvalidInput(_("phonein.not_text", name=name))
        text = value.strip()
        if len(text) > MAX_TEXT:
            raise InvalidInput(_n("phonein.too_long", len(text), name=name, most=MAX_TEXT))
        out[name] = text or None
    return out


def split_takeaway(text: str) -> dict[str, str | None]:
    """Standard input for `phonein after`: the takeaway, then (after a line '---') one thing I'll do."""
    parts = re.split(r"^-{3,}\s*$", text, maxsplit=1, flags=re.MULTILINE)
    return validate_takeaway({"takeaway": parts[0], "one_thing": parts[1] if len(parts) > 1 else None})


# -- before a call: a few lines from the officer's own journal ----------------

def since_last(plan: Plan | None, takeaways: Sequence[Takeaway], today: dt.date) -> dt.date:
    """The first day "since the last phone-in": the day after the later of the last
    planned call before today and the last takeaway; two weeks without either."""
    found = [d for d in ((plan.last_before(today) if plan else None),
                         *(dt.date.fromisoformat(t.date) for t in takeaways if t.date < today.isoformat()))
             if d is not None]
    return max(found) + dt.timedelta(days=1) if found else today - dt.timedelta(days=DEFAULT_LOOKBACK - 1)


def _dates(days: Sequence[dt.date]) -> str:
    """'Mon 1 Jun, Wed 3 Jun and Fri 5 Jun', in the catalogue's words."""
    from resilience_cli.messages import _, short_month, short_weekday

    shown = [_("phonein.prep.date", weekday=short_weekday(d), day=d.day, month=short_month(d)) for d in days]
    if len(shown) == 1:
        return shown[0]
    return _("phonein.prep.dates_and", dates=_("phonein.prep.dates_separator").join(shown[:-1]), last=shown[-1])


def prep_lines(records: Sequence[CheckIn], start: dt.date, today: dt.date) -> list[str]:
    """Two or three lines from the officer's journal since `start`: heavy days, sleep
    against their own norm (their baseline, as trends has it), and days marked to raise.

    `records` should reach back a baseline (insights.BASELINE_DAYS) before `start`.
    """
    from resilience_cli.messages import _, _n

    since = Window(start, today)
    inside = since.select(records)
    lines: list[str] = []
    heavy = [r.day for r in inside if is_heavy(r)]
    if heavy:
        lines.append(_n("phonein.prep.heavy", len(heavy), dates=_dates(heavy)) if len(heavy) <= 4
                     else _n("phonein.prep.heavy_recent", len(heavy), dates=_dates(heavy[-3:])))
    now, usual = stats(inside, "sleep_hours"), stats(since.baseline().select(records), "sleep_hours")
    # A few nights against a few weeks: fewer say nothing worth a line.
    if now.count >= 3 and usual.count >= 7 and now.mean is not None and usual.mean is not None:
        hours, usual_hours = f"{now.mean:.1f}", f"{usual.mean:.1f}"
        if abs(now.mean - usual.mean) >= 0.5:
            key = "phonein.prep.sleep_less" if now.mean < usual.mean else "phonein.prep.sleep_more"
            lines.append(_(key, hours=hours, usual=usual_hours))
        else:
            lines.append(_("phonein.prep.sleep_usual", hours=hours))
    marked = [r for r in inside if r.raise_at_supervision]
    if marked:
        point = next((r.talking_point for r in reversed(marked) if r.talking_point), None)
        dates = _dates([r.day for r in marked[-3:]])
        lines.append(_("phonein.prep.marked_latest", dates=dates, point=point.splitlines()[0]) if point
                     else _("phonein.prep.marked", dates=dates))
    return lines[:MOST_LINES]


def last_one_thing(takeaways: Sequence[Takeaway], today: dt.date) -> Takeaway | None:
    """The latest takeaway before today that named one thing to do: shown back before the next call."""
    for t in sorted(takeaways, key=lambda t: t.date, reverse=True):
        if t.date < today.isoformat() and t.one_thing:
            return t
    return None


# -- hosting: the running order and the per-person timer --------------------

@dataclass(frozen=True)
class Bank:
    ground_rules: tuple[str, ...]
    opening: str
    middle: tuple[str, ...]
    closing: str
    close: tuple[str, ...]


def _bank_file() -> dict[str, Any]:
    import tomllib
    from importlib import resources

    return tomllib.loads(resources.files("resilience_cli").joinpath("data/phonein.toml").read_text("utf-8"))


def _bank_texts(data: dict[str, Any]) -> dict[str, list[tuple[str, str]]]:
    """Each part of the bank as (id, English): a list's items are numbered from 1."""
    out: dict[str, list[tuple[str, str]]] = {}
    for part in ("ground_rules", "opening", "middle", "closing", "close"):
        value = data[part]
        out[part] = ([(f"phonein_file.{part}.{n}", text) for n, text in enumerate(value, start=1)]
                     if isinstance(value, list) else [(f"phonein_file.{part}", value)])
    return out


def load_bank() -> Bank:
    """The bank in the language being spoken (messages.data): English from data/phonein.toml."""
    from resilience_cli.messages import data

    said = {part: tuple(data(key, english) for key, english in texts)
            for part, texts in _bank_texts(_bank_file()).items()}
    return Bank(said["ground_rules"], said["opening"][0], said["middle"], said["closing"][0], said["close"])


def texts() -> list[tuple[str, str]]:
    """(id, English) of data/phonein.toml's words (tools/catalogues.py gathers every file's)."""
    return [pair for texts in _bank_texts(_bank_file()).values() for pair in texts]


def rounds(bank: Bank, count: int, week: int) -> tuple[str, ...]:
    """`count` prompts: the opening, then middle prompts from this week's place in the
    bank (so a weekly call does not hear the same ones), then the closing question."""
    if not 2 <= count <= len(bank.middle) + 2:
        raise _range_error("--rounds", 2, len(bank.middle) + 2, count)
    middle = [bank.middle[(week + n) % len(bank.middle)] for n in range(count - 2)]
    return (bank.opening, *middle, bank.closing)


def running_order(bank: Bank, prompts: Sequence[str], seconds_each: int, routes: Sequence[str]) -> str:
    """The running order in Markdown, to print before the call."""
    from resilience_cli.messages import _

    minutes, seconds = divmod(seconds_each, 60)
    if seconds_each < 60:
        turn = _("phonein.order.turn_seconds", seconds=seconds_each)
    elif seconds:
        turn = _("phonein.order.turn_minutes_seconds", minutes=minutes, seconds=seconds)
    else:
        turn = _("phonein.order.turn_minutes", minutes=minutes)
    lines = ["# " + _("phonein.order.title"), "", "## " + _("phonein.order.opening"), ""]
    lines += [f"- {rule}" for rule in bank.ground_rules]
    lines += ["", "## " + _("phonein.order.rounds", turn=turn), ""]
    lines += [f"{n}. {text}" for n, text in enumerate(prompts, start=1)]
    lines += ["", "## " + _("phonein.order.close"), ""]
    lines += [f"- {line}" for line in bank.close]
    lines += [f"  - {route}" for route in routes]
    lines += [f"- {routes_pointer()}", "", _("phonein.order.nothing_recorded"), ""]
    return "\n".join(lines)


@dataclass
class Turns:
    """The host's rounds and per-person timer, read from an injected clock.

    Space passes to the next person, p pauses and resumes, n moves to the next
    round; time spent paused does not count.
    """

    prompts: tuple[str, ...]
    seconds_each: int
    clock: Callable[[], float]
    round: int = 0
    person: int = 1
    started: float = field(default=0.0)
    paused_at: float | None = None
    held: float = 0.0  # seconds paused during this turn
    done: bool = False

    def __post_init__(self) -> None:
        self.started = self.clock()

    @property
    def prompt(self) -> str:
        return self.prompts[self.round]

    def elapsed(self) -> float:
        end = self.paused_at if self.paused_at is not None else self.clock()
        return max(0.0, end - self.started - self.held)

    def _new_turn(self) -> None:
        self.started, self.held, self.paused_at = self.clock(), 0.0, None

    def next_person(self) -> None:
        self.person += 1
        self._new_turn()

    def toggle_pause(self) -> None:
        if self.paused_at is None:
            self.paused_at = self.clock()
        else:
            self.held += self.clock() - self.paused_at
            self.paused_at = None

    def next_round(self) -> None:
        if self.round + 1 >= len(self.prompts):
            self.done = True
            return
        self.round += 1
        self.person = 1
        self._new_turn()

    def screen(self) -> str:
        from resilience_cli.messages import _

        used = int(self.elapsed())
        left = self.seconds_each - used
        clock = _("phonein.host.clock", used=f"{used // 60}:{used % 60:02d}",
                  limit=f"{self.seconds_each // 60}:{self.seconds_each % 60:02d}")
        key = ("phonein.host.person_paused" if self.paused_at is not None
               else "phonein.host.person_time_up" if left <= 0 else "phonein.host.person")
        return (_("phonein.host.round", round=self.round + 1, rounds=len(self.prompts), prompt=self.prompt) + "\n"
                + _(key, person=self.person, clock=clock) + "\n\n"
                + _("phonein.host.keys", pause="p", next="n", close="q"))


# -- reminders: ready-to-paste snippets, as `resilience remind` prints ------

def reminder_text(plan: Plan, command: str, first_epoch: int) -> str:
    """Cron and systemd snippets that remind, 15 minutes before each call, to prepare.

    `command`: how to call resilience (a full path: cron's PATH is short).
    `first_epoch`: the first reminder as a Unix time, for the fortnightly
    test (cron and systemd have no "every other week"): a reminder fires when
    whole days since six hours before the first one are a multiple of 14, so
    a clock change of an hour never moves it to the wrong week.
    """
    from resilience_cli.messages import _, _n

    hour, minute = plan.hour_minute
    first = dt.datetime.combine(dt.date.fromisoformat(plan.starts), dt.time(hour, minute))
    remind = first - dt.timedelta(minutes=15)
    cron_day = (remind.weekday() + 1) % 7  # cron counts from Sunday
    # Inside the shell's double quotes, inside sh -c '...'.
    said = _("phonein.reminder.notice", time=plan.at, command=f"{command} phonein prep")  # not a message: a command
    notify = f'notify-send resilience "{said}"'  # not a message: a shell command
    test = ""
    if plan.fortnightly:
        test = f"[ $(( ($(date +%s) - {first_epoch - 6 * 3600}) / 86400 % 14 )) -eq 0 ] && "
    cron_test = test.replace("%", "\\%")  # cron reads a bare % as a new line
    # systemd expands % specifiers and $ variables itself: both doubled to stay literal.
    unit_test = test.replace("%", "%%").replace("$", "$$")
    day3 = _SYSTEMD_DAYS[remind.weekday()]
    service = "~/.config/systemd/user/resilience-phonein.service"
    timer = "~/.config/systemd/user/resilience-phonein.timer"
    cron_line = (f"{remind.minute} {remind.hour} * * {cron_day} "
                 "DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/$(id -u)/bus "  # not a message: cron's syntax
                 f"sh -c '{cron_test}{notify}'")  # not a message: cron's syntax
    return (
        "# " + _("phonein.reminder.only_print") + "\n"
        "# " + _n("phonein.reminder.plan", plan.minutes, every=plan.every, first=day_words(first.date())) + "\n"
        "\n# " + _("phonein.reminder.cron", edit="crontab -e", notifier="notify-send") + "\n"
        + cron_line + "\n"
        "\n# " + _("phonein.reminder.service", path=service) + "\n"
        "[Unit]\nDescription=" + _("phonein.reminder.service_description") + "\n\n"  # not a message: systemd's syntax
        f"[Service]\nType=oneshot\nExecStart=/bin/sh -c '{unit_test}{notify}'\n"  # not a message: systemd's syntax
        "\n# " + _("phonein.reminder.timer", path=timer) + "\n"
        "#   systemctl --user enable --now resilience-phonein.timer\n"  # not a message: a command
        "[Unit]\nDescription=" + _("phonein.reminder.timer_description") + "\n\n"  # not a message: systemd's syntax
        f"[Timer]\nOnCalendar={day3} *-*-* {remind.hour:02d}:{remind.minute:02d}:00\nPersistent=false\n\n"
        "[Install]\nWantedBy=timers.target\n"  # not a message: systemd's syntax
    )
