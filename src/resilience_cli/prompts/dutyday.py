"""Which duty day an interactive check-in files, said once the shift is known.

The rule is `dutyday.filing`'s. When there is a doubt (the small hours, or a
night or long shift checked in before the cut-off), one question after the
shift says the day it will file and offers the other with one key; Enter
keeps it. When the day turns out to hold a check-in already, the check-in
becomes an amendment of it, and says so, with its answers as the defaults.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from resilience_cli.dutyday import CROSSES_MIDNIGHT, filing, in_the_morning_window, shift_day_words, short_day
from resilience_cli.messages import _
from resilience_cli.model import CheckIn
from resilience_cli.prompts.question import BACK, Option, ask


def question() -> str:
    """'Which day does this check-in belong to?'"""
    return _("dutyday.question")


def checked_in_at(record: CheckIn) -> str:
    """The local time a check-in was first saved: '07:31'."""
    when = dt.datetime.fromisoformat(record.created_at.replace("Z", "+00:00"))
    return when.astimezone().strftime("%H:%M")


def amending_words(record: CheckIn, today: dt.date) -> str:
    """'Amending Sunday 20 December, checked in at 07:31.'"""
    return _("dutyday.amending", day=short_day(record.day, today), time=checked_in_at(record))


class DutyDays:
    """The day an interactive check-in without --date files, as the answers make it known.

    `lookup(day)` reads that day's check-in, if any; `say(words)` shows a line.
    """

    def __init__(self, now: dt.datetime, night_shift_until: dt.time,
                 lookup: Callable[[dt.date], CheckIn | None], say: Callable[[str], None]) -> None:
        self.now = now
        self.today = now.date()
        self.until = night_shift_until
        self.lookup = lookup
        self.say = say
        self.day: dt.date | None = None
        self.existing: CheckIn | None = None
        self.said = False  # whether the day has been said
        self.chosen: dt.date | None = None  # the day picked at the question, if it was asked

    def start(self, shift: str | None) -> str:
        """Before the first question: the best guess at the day, and the heading that says it."""
        found = filing(self.now, shift, self.until)
        day = found.day
        if shift is None and in_the_morning_window(self.now, self.until):
            # Back again the morning after a night that is already checked in:
            # most likely amending it, so its answers are the defaults.
            yesterday = self.today - dt.timedelta(days=1)
            earlier = self.lookup(yesterday)
            if earlier is not None and earlier.shift in CROSSES_MIDNIGHT and self.lookup(self.today) is None:
                day = yesterday
        self.day, self.existing = day, self.lookup(day)
        self.said = True
        if self.existing is not None:
            return amending_words(self.existing, self.today)
        if found.other is not None:
            return _("dutyday.checking_in", day=shift_day_words(shift, day, self.today))
        if shift is None and in_the_morning_window(self.now, self.until):
            # Said before the first answer; the question after the shift settles it.
            return _("dutyday.checking_in_maybe_night", day=shift_day_words(shift, day, self.today))
        return _("dutyday.checking_in", day=short_day(day, self.today))

    def doubt(self, shift: str | None) -> bool:
        """Whether the day needs the question; when it does not, it is settled (and said) here."""
        found = filing(self.now, shift, self.until)
        if found.other is not None:
            return True
        self._move(found.day, shift, said=False)
        return False

    def ask(self, shift: str | None) -> Any:
        """The one question: the rule's day first (Enter keeps it), the other on one key."""
        found = filing(self.now, shift, self.until)
        days = [found.day, found.other]
        # Enter keeps the rule's day, or the one chosen here before (Backspace came back).
        current = days.index(self.chosen) if self.chosen in days else 0
        answer = ask(question(),
                     options=[Option(str(n), shift_day_words(shift, d, self.today), d)
                              for n, d in enumerate(days, start=1)],
                     pointer=current, skip_title=None, can_go_back=True,
                     hint=_("dutyday.hint_first") if current == 0 else _("dutyday.hint_today"))
        if answer is BACK:
            return BACK
        self.chosen = answer
        self._move(answer, shift, said=True)
        return answer

    def _move(self, day: dt.date, shift: str | None, *, said: bool) -> None:
        """File under `day`: an amendment when it has a check-in already, said either way
        (`said`: the question's answer has just said the day)."""
        if day == self.day and self.said:
            return
        changed = day != self.day
        self.day, self.said = day, True
        if changed:
            self.existing = self.lookup(day)
            if self.existing is not None:
                self.say(amending_words(self.existing, self.today))
                return
        if not said:
            self.say(_("dutyday.checking_in", day=shift_day_words(shift, day, self.today)))
