"""The one place the program reads the local clock.

Every "today" and "now" the program uses comes from here, so that a duty
day, a reminder and a summary period all agree within one run.

RESILIENCE_TEST_NOW (an ISO date and time, such as 2026-11-28T12:00:00) is
for the test suite only: it fixes the clock for the program and for every
process the tests start, so that a run started at 23:59:30 on 31 December,
or at 03:00, behaves as at noon on the day it began. It is not a setting;
nothing else should set it.
"""

from __future__ import annotations

import datetime as dt
import os

TEST_NOW = "RESILIENCE_TEST_NOW"


def now() -> dt.datetime:
    fixed = os.environ.get(TEST_NOW)
    if fixed:
        return dt.datetime.fromisoformat(fixed)
    return dt.datetime.now()


def today() -> dt.date:
    return now().date()


def seconds() -> float:
    """A steady clock for timers (the phone-in host's). Under RESILIENCE_TEST_NOW it stands
    still, so that a timer on screen reads the same on every test run."""
    if os.environ.get(TEST_NOW):
        return 0.0
    import time

    return time.monotonic()
