"""Pure: the optional weekly reflection (DOMAIN.md, "Periodic checks").

One reflection per week (weeks start on Monday); answering again amends it.
The "one small thing to try" is shown back the following week.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from resilience_cli.errors import InvalidInput
from resilience_cli.model import MAX_TEXT, WEEKDAYS

# Each question's id in the catalogue (reflection.po).
QUESTION_IDS = {
    "helped": "reflection.question.helped",
    "harder": "reflection.question.harder",
    "connected": "reflection.question.connected",
    "worthwhile": "reflection.question.worthwhile",
    # Exposure can bring growth as well as strain (DOMAIN.md, "Periodic checks").
    "proud": "reflection.question.proud",
    "try_next": "reflection.question.try_next",
}
TEXT_FIELDS = ("helped", "harder", "proud", "try_next")
SCALE_FIELDS = ("connected", "worthwhile")


def question(name: str) -> str:
    """The reflection question `name`, in the language being spoken."""
    from resilience_cli.messages import _

    return _(QUESTION_IDS[name])


def scale_words(name: str) -> dict[int, str]:
    """The words beside the ends of a scale question's 0 to 4."""
    from resilience_cli.messages import _

    if name not in SCALE_FIELDS:
        raise KeyError(name)
    return {0: _("reflection.scale.not_at_all"), 4: _("reflection.scale.very")}


@dataclass(frozen=True)
class Reflection:
    id: str
    week: str  # the Monday the week starts on
    date: str  # the day it was written
    helped: str | None = None
    harder: str | None = None
    connected: int | None = None
    worthwhile: int | None = None
    try_next: str | None = None
    proud: str | None = None  # optional: something learned or quietly proud of
    created_at: str = ""
    updated_at: str = ""


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def validate(answers: dict[str, Any]) -> dict[str, Any]:
    from resilience_cli.messages import _, _n

    out: dict[str, Any] = {}
    for name, value in answers.items():
        if value is None:
            out[name] = None
        elif name in SCALE_FIELDS:
            if isinstance(value, bool) or str(value).strip() not in ("0", "1", "2", "3", "4"):
                raise InvalidInput(_("reflection.invalid_scale", name=name, value=value))
            out[name] = int(str(value).strip())
        elif name in TEXT_FIELDS:
            text = str(value).strip()
            if len(text) > MAX_TEXT:
                raise InvalidInput(_n("reflection.too_long", len(text), name=name, most=MAX_TEXT))
            out[name] = text or None
        else:
            raise InvalidInput(_("reflection.unknown_question", name=repr(name)))
    return out


def offer_due(reflections: list[Reflection], today: dt.date, day_name: str) -> bool:
    """Offer the reflection on or after the chosen weekday, once a week."""
    if today.weekday() < WEEKDAYS.index(day_name):
        return False
    this_week = week_start(today).isoformat()
    return not any(r.week == this_week for r in reflections)


def last_weeks_plan(reflections: list[Reflection], today: dt.date) -> Reflection | None:
    """Last week's reflection, when it named something to try."""
    last_week = (week_start(today) - dt.timedelta(days=7)).isoformat()
    for r in reflections:
        if r.week == last_week and r.try_next:
            return r
    return None
