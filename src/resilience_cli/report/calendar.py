"""The phone-in plan as an iCalendar file (RFC 5545), for any calendar program.

Written with the icalendar library (the `calendar` extra), imported only
here and only when a file is asked for. The time is "floating" (no time
zone): 14:00 means 14:00 wherever the calendar is, and the file says nothing
about where the officer lives. It holds no name, no place and no journal
entry: only when the call recurs and a reminder to prepare.
"""

from __future__ import annotations

import datetime as dt

from resilience_cli.errors import JournalProblem
from resilience_cli.messages import _
from resilience_cli.phonein import Plan

PRODID = "-//resilience//phone-in//EN"
BYDAY = {"monday": "MO", "tuesday": "TU", "wednesday": "WE", "thursday": "TH", "friday": "FR",
         "saturday": "SA", "sunday": "SU"}
REMIND_BEFORE = dt.timedelta(minutes=15)
PREP = "resilience phonein prep"  # not a message: a command, typed as it is
INSTALL = "pip install 'resilience-checkin[calendar]'"  # not a message: a command, typed as it is


def plan_ics(plan: Plan, stamp: dt.datetime) -> bytes:
    """One recurring event, with a reminder 15 minutes before. `stamp`: now, in UTC."""
    try:
        from icalendar import Alarm, Calendar, Event
    except ImportError:
        raise JournalProblem(_("report.calendar.needs_library", install=INSTALL, flag="--ics")) from None

    first = dt.date.fromisoformat(plan.starts)
    hour, minute = plan.hour_minute
    start = dt.datetime.combine(first, dt.time(hour, minute))
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"{plan.id}@resilience")
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("duration", dt.timedelta(minutes=plan.minutes))
    event.add("summary", _("report.calendar.title"))
    event.add("description", _("report.calendar.description", command=PREP))
    rule = {"freq": "weekly", "byday": BYDAY[plan.weekday]}
    if plan.fortnightly:
        rule["interval"] = 2
    event.add("rrule", rule)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", _("report.calendar.reminder", command=PREP))
    alarm.add("trigger", -REMIND_BEFORE)
    event.add_component(alarm)
    calendar.add_component(event)
    return calendar.to_ical()
