"""A check-in as a row of the `checkins` table, and back: the one mapping every
part of the store uses (saving, importing, checking a backup)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from resilience_cli.model import ANSWER_FIELDS, FIELD_SPECS, CheckIn

COLUMNS = ("id", "date", *ANSWER_FIELDS, "created_at", "updated_at")
_BOOL_FIELDS = frozenset(n for n, s in FIELD_SPECS.items() if s.kind == "bool")


def utc_now() -> str:
    # From the program's one clock, so that "checked in at 07:31" agrees with
    # the duty day under a fixed test clock too.
    from resilience_cli import clock

    return clock.now().astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def to_row(record: CheckIn) -> dict[str, Any]:
    row = {name: getattr(record, name) for name in COLUMNS}
    for name in _BOOL_FIELDS:
        if row[name] is not None:
            row[name] = int(row[name])
    if row["recovery"] is not None:
        # Comma-separated; "" is "nothing today", NULL is "skipped".
        row["recovery"] = ",".join(row["recovery"])
    return row


def from_row(row: sqlite3.Row) -> CheckIn:
    values = dict(zip(COLUMNS, row, strict=True))
    for name in _BOOL_FIELDS:
        if values[name] is not None:
            values[name] = bool(values[name])
    if values["recovery"] is not None:
        values["recovery"] = tuple(v for v in values["recovery"].split(",") if v)
    return CheckIn(**values)
