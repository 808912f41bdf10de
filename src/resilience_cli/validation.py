"""The journal's records checked one by one, whoever hands them over: an import
reading a file, or a restore reading a backup's rows table by table.

Pure: below the store and the file formats, beside the model, so that the store
can check a backup without importing the file parser. A record that fails
raises InvalidInput naming the field and what is allowed; the caller says
which record it was.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from resilience_cli.colleagues import ColleagueCheck
from resilience_cli.colleagues import nickname as checked_nickname
from resilience_cli.errors import InvalidInput
from resilience_cli.followups import KINDS, TRIM_ANSWERS, FollowUp
from resilience_cli.messages import _
from resilience_cli.messages import weekday as weekday_name
from resilience_cli.model import (
    ANSWER_FIELDS,
    EARLIEST,
    MAX_TEXT,
    RECORD_FIELDS,
    CheckIn,
    validate_field,
)
from resilience_cli.packs import NAME, PackAnswer
from resilience_cli.phonein import MINUTES, Plan, Takeaway, validate_takeaway
from resilience_cli.reflection import Reflection
from resilience_cli.reflection import validate as validate_reflection
from resilience_cli.supervision import ACTION_STATUSES, Action, PastSummary

@dataclass
class Batch:
    """Everything one file holds, validated."""

    checkins: list[CheckIn] = field(default_factory=list)
    followups: list[FollowUp] = field(default_factory=list)
    reflections: list[Reflection] = field(default_factory=list)
    pack_answers: list[PackAnswer] = field(default_factory=list)
    summaries: list[PastSummary] = field(default_factory=list)
    phoneins: list[Takeaway] = field(default_factory=list)
    phonein_plans: list[Plan] = field(default_factory=list)
    colleague_checks: list[ColleagueCheck] = field(default_factory=list)
    # The answers this file's format can hold (Daylio, jrnl); None: every field.
    fields: frozenset[str] | None = None
    # What the reader could not carry over, in words (Daylio's own mood names).
    remarks: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return (len(self.checkins) + len(self.followups) + len(self.reflections) + len(self.pack_answers)
                + len(self.summaries) + len(self.phoneins) + len(self.phonein_plans) + len(self.colleague_checks))


# -- one record -----------------------------------------------------------------

def check_id(value: Any) -> str:
    if not isinstance(value, str):
        raise InvalidInput(_("interchange.check.id_type"))
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise InvalidInput(_("interchange.check.id", value=repr(value))) from None


def check_day(name: str, value: Any, today: dt.date, *, monday: bool = False) -> str:
    try:
        # Only YYYY-MM-DD: fromisoformat would also read "2025-W01-1", an ISO week date.
        if not isinstance(value, str) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            raise ValueError
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(_("interchange.check.day", field=name, value=repr(value))) from None
    if day > today:
        raise InvalidInput(_("interchange.check.future", field=name, value=value))
    if day < EARLIEST:
        raise InvalidInput(_("interchange.check.too_early", field=name, value=value, year=EARLIEST.year))
    if monday and day.weekday() != 0:
        raise InvalidInput(_("interchange.check.not_monday", field=name, value=value, weekday=weekday_name(day)))
    return value


def check_stamp(name: str, value: Any) -> str:
    try:
        if not isinstance(value, str):
            raise ValueError
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInput(_("interchange.check.stamp", field=name, value=repr(value))) from None
    if parsed.tzinfo is None:
        raise InvalidInput(_("interchange.check.time_zone", field=name))
    return value


def check_known(item: dict, allowed: Iterable[str]) -> None:
    extra = sorted(set(item) - set(allowed) - {"type"})
    if extra:
        raise InvalidInput(_("interchange.check.unknown_field", field=extra[0]))


def checkin_from(item: dict, today: dt.date) -> CheckIn:
    check_known(item, RECORD_FIELDS)
    # A skipped answer (absent or null) needs no checking: most of a long import's fields.
    answers = {name: None if (value := item.get(name)) is None else validate_field(name, value)
               for name in ANSWER_FIELDS}
    return CheckIn(
        id=check_id(item.get("id")),
        date=check_day("date", item.get("date"), today),
        created_at=check_stamp("created_at", item.get("created_at")),
        updated_at=check_stamp("updated_at", item.get("updated_at")),
        **answers,
    )


def _scale(name: str, value: Any, high: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or str(value).strip() not in {str(n) for n in range(high + 1)}:
        raise InvalidInput(_("interchange.check.scale", field=name, high=high, value=value))
    return int(str(value).strip())


def followup_from(item: dict, today: dt.date) -> FollowUp:
    names = [f.name for f in fields(FollowUp)]
    check_known(item, names)
    kind = item.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        raise InvalidInput(_("interchange.check.kind", kinds=" or ".join(KINDS), value=repr(kind)))
    trim = item.get("trim")
    if trim is not None and trim not in TRIM_ANSWERS:
        raise InvalidInput(_("interchange.check.trim", answers=", ".join(TRIM_ANSWERS), value=repr(trim)))
    skipped = item.get("skipped", False)
    if not isinstance(skipped, bool):
        raise InvalidInput(_("interchange.check.skipped"))
    return FollowUp(
        id=check_id(item.get("id")),
        incident_date=check_day("incident_date", item.get("incident_date"), today),
        kind=kind,
        date=check_day("date", item.get("date"), today),
        intrusions=_scale("intrusions", item.get("intrusions"), 4),
        sleep_quality=_scale("sleep_quality", item.get("sleep_quality"), 10),
        avoidance=_scale("avoidance", item.get("avoidance"), 4),
        support=_scale("support", item.get("support"), 4),
        trim=trim,
        skipped=skipped,
        created_at=check_stamp("created_at", item.get("created_at")),
        updated_at=check_stamp("updated_at", item.get("updated_at")),
    )


def reflection_from(item: dict, today: dt.date) -> Reflection:
    names = [f.name for f in fields(Reflection)]
    check_known(item, names)
    answers = validate_reflection({k: item.get(k) for k in ("helped", "harder", "connected",
                                                             "worthwhile", "try_next", "proud")})
    return Reflection(
        id=check_id(item.get("id")),
        week=check_day("week", item.get("week"), today, monday=True),
        date=check_day("date", item.get("date"), today),
        created_at=check_stamp("created_at", item.get("created_at")),
        updated_at=check_stamp("updated_at", item.get("updated_at")),
        **answers,
    )


def pack_answer_from(item: dict, today: dt.date) -> PackAnswer:
    check_known(item, ("id", "pack", "date", "answers", "created_at", "updated_at"))
    pack = item.get("pack")
    if not isinstance(pack, str) or not NAME.match(pack):
        raise InvalidInput(_("interchange.check.pack", value=repr(pack)))
    answers = item.get("answers")
    if not isinstance(answers, dict) or not all(
        isinstance(k, str) and (v is None or isinstance(v, (bool, int))) and not isinstance(v, float)
        for k, v in answers.items()
    ):
        raise InvalidInput(_("interchange.check.pack_answers"))
    return PackAnswer(
        id=check_id(item.get("id")), pack=pack, date=check_day("date", item.get("date"), today),
        answers={k: v for k, v in answers.items() if v is not None},
        created_at=check_stamp("created_at", item.get("created_at")),
        updated_at=check_stamp("updated_at", item.get("updated_at")),
    )


# Statuses an action could have before "to discuss" and "agreed" were told apart.
_OLDER_STATUSES = ("not started",)  # not a message: a value stored in older journals
# An action's fields in a file.
ACTION_SHAPE = "{text, status}"  # not a message: the file format's field names


def summary_from(item: dict, today: dt.date) -> PastSummary:
    check_known(item, ("id", "created_at", "period_from", "period_to", "requests", "request_other", "actions"))
    requests = item.get("requests", [])
    if not isinstance(requests, list) or not all(isinstance(r, str) and r.isidentifier() for r in requests):
        raise InvalidInput(_("interchange.check.requests"))
    other = item.get("request_other")
    if other is not None and (not isinstance(other, str) or len(other) > MAX_TEXT):
        raise InvalidInput(_("interchange.check.request_other", length=f"{MAX_TEXT:,}"))
    actions = item.get("actions", [])
    if not isinstance(actions, list):
        raise InvalidInput(_("interchange.check.actions", shape=ACTION_SHAPE))
    parsed = []
    for action in actions:
        if (not isinstance(action, dict) or set(action) != {"text", "status"}
                or not isinstance(action["text"], str) or not action["text"].strip()
                or len(action["text"]) > MAX_TEXT):
            raise InvalidInput(_("interchange.check.action", shape=ACTION_SHAPE))
        if action["status"] not in (*ACTION_STATUSES, *_OLDER_STATUSES):
            raise InvalidInput(_("interchange.check.action_status", statuses=", ".join(ACTION_STATUSES),
                                 value=repr(action["status"])))
        parsed.append(Action(action["text"], action["status"]))
    start = check_day("period_from", item.get("period_from"), today)
    end = check_day("period_to", item.get("period_to"), today)
    if start > end:
        raise InvalidInput(_("interchange.check.period", start=start, end=end))
    return PastSummary(
        id=check_id(item.get("id")), created_at=check_stamp("created_at", item.get("created_at")),
        period_from=start, period_to=end, requests=tuple(requests), request_other=other,
        actions=tuple(parsed),
    )


def phonein_from(item: dict, today: dt.date) -> Takeaway:
    """A phone-in takeaway: the officer's own words and a date, nothing about anyone else."""
    check_known(item, [f.name for f in fields(Takeaway)])
    answers = validate_takeaway({k: item.get(k) for k in ("takeaway", "one_thing")})
    return Takeaway(
        id=check_id(item.get("id")), date=check_day("date", item.get("date"), today),
        created_at=check_stamp("created_at", item.get("created_at")),
        updated_at=check_stamp("updated_at", item.get("updated_at")),
        **answers,
    )


def phonein_plan_from(item: dict, today: dt.date) -> Plan:
    from resilience_cli.model import WEEKDAYS

    check_known(item, [f.name for f in fields(Plan)])
    weekday, at = item.get("weekday"), item.get("at")
    if weekday not in WEEKDAYS:
        raise InvalidInput(_("interchange.check.weekday", weekdays=", ".join(WEEKDAYS), value=repr(weekday)))
    if not isinstance(at, str) or not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", at):
        raise InvalidInput(_("interchange.check.at", value=repr(at)))
    minutes = item.get("minutes")
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not MINUTES[0] <= minutes <= MINUTES[1]:
        raise InvalidInput(_("interchange.check.minutes", low=MINUTES[0], high=MINUTES[1]))
    fortnightly = item.get("fortnightly")
    if not isinstance(fortnightly, bool):
        raise InvalidInput(_("interchange.check.fortnightly"))
    starts = item.get("starts")
    try:
        first = dt.date.fromisoformat(starts) if isinstance(starts, str) and len(starts) == 10 else None
    except ValueError:
        first = None
    if first is None or WEEKDAYS[first.weekday()] != weekday:
        raise InvalidInput(_("interchange.check.starts", weekday=weekday))
    return Plan(id=check_id(item.get("id")), weekday=weekday, at=at, minutes=minutes, fortnightly=fortnightly,
                starts=starts, created_at=check_stamp("created_at", item.get("created_at")),
                updated_at=check_stamp("updated_at", item.get("updated_at")))


def colleague_check_from(item: dict, today: dt.date) -> ColleagueCheck:
    names = [f.name for f in fields(ColleagueCheck)]
    check_known(item, names)
    name = item.get("nickname")
    if not isinstance(name, str):
        raise InvalidInput(_("interchange.check.nickname"))
    done = {k: None if item.get(k) is None else check_day(k, item.get(k), today) for k in ("day3_done", "week4_done")}
    return ColleagueCheck(
        id=check_id(item.get("id")), nickname=checked_nickname(name),
        incident_date=check_day("incident_date", item.get("incident_date"), today), **done,
        created_at=check_stamp("created_at", item.get("created_at")),
        updated_at=check_stamp("updated_at", item.get("updated_at")),
    )
