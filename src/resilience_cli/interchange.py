"""Records to and from the formats people and scripts read: JSON and CSV.

The field names are the public contract. In CSV, where a cell is text, the
recovery list is spelt `exercise;outdoors`, `nothing` for an empty list, and an
empty cell for a skipped answer; booleans are `true`/`false`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import fields

from resilience_cli.model import NOTHING, CheckIn

RECORD_FIELDS = tuple(f.name for f in fields(CheckIn))


def to_json(records: Sequence[CheckIn]) -> str:
    return json.dumps([r.to_dict() for r in records], indent=2, ensure_ascii=False) + "\n"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ";".join(value) if value else NOTHING
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def to_csv(records: Sequence[CheckIn]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(RECORD_FIELDS)
    for record in records:
        writer.writerow(_cell(getattr(record, name)) for name in RECORD_FIELDS)
    return out.getvalue()
