"""What every command needs: today's date, the store, the consoles, shared options."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import TYPE_CHECKING

from resilience_cli.config import paths
from resilience_cli.errors import InvalidInput

if TYPE_CHECKING:
    from rich.console import Console

    from resilience_cli.store import JournalStore

NO_CHECKINS_YET = "No check-ins yet. Start with: resilience checkin"


class TableFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def today() -> dt.date:
    """The local calendar date: the edge of the program, where the clock is read."""
    return dt.date.today()


def now() -> dt.datetime:
    return dt.datetime.now()


def open_store(*, create: bool) -> JournalStore | None:
    from resilience_cli.store import JournalStore

    return JournalStore.open(paths().database, create=create)


@contextmanager
def read_only_store() -> Iterator[JournalStore | None]:
    """The journal opened for reading, creating nothing; None when there is none yet."""
    store = open_store(create=False)
    try:
        yield store
    finally:
        if store is not None:
            store.close()


def stdin_is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def console() -> Console:
    from rich.console import Console

    # Rich honours NO_COLOR and drops styling when output is not a terminal.
    return Console(highlight=False, soft_wrap=False)


def parse_date(text: str, *, allow_future: bool = False) -> dt.date:
    from resilience_cli.model import parse_day

    return parse_day(text, today(), allow_future=allow_future)


def positive_days(value: int, option: str = "--days") -> int:
    if value < 1 or value > 366_000:
        raise InvalidInput(f"{option} must be a whole number of days from 1 upwards; you gave {value}.")
    return value
