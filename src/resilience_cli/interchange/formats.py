"""Writing records: JSON and CSV for `log`, and the full export in JSON, JSONL and CSV.

The field names are the public contract. In CSV, where a cell is text, the
recovery list is spelt `exercise;outdoors`, `nothing` for an empty list, and an
empty cell for a skipped answer; booleans are `true`/`false`. JSON and JSONL
records carry their type: `checkin`, `followup`, `reflection`, `pack_answer` or
`summary` (what the journal remembers of a supervision summary: its period,
requests and actions), `phonein` (a phone-in takeaway), `phonein_plan`, or
`colleague_check` (a colleague's nickname, the day of the incident and the
days a word was had). Safety answers and the private preparation before a
phone-in are never written: they do not leave the journal.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from resilience_cli.colleagues import ColleagueCheck
from resilience_cli.contacts import disclaimer
from resilience_cli.followups import FollowUp
from resilience_cli.model import NOTHING, RECORD_FIELDS, CheckIn
from resilience_cli.packs import PackAnswer
from resilience_cli.phonein import Plan, Takeaway
from resilience_cli.reflection import Reflection
from resilience_cli.supervision import PastSummary

EXPORT_VERSION = 1
TYPES = {"checkin": CheckIn, "followup": FollowUp, "reflection": Reflection, "pack_answer": PackAnswer,
         "summary": PastSummary, "phonein": Takeaway, "phonein_plan": Plan, "colleague_check": ColleagueCheck}


def to_json(records: Sequence[CheckIn]) -> str:
    return json.dumps([r.to_dict() for r in records], indent=2, ensure_ascii=False, allow_nan=False) + "\n"


# A cell starting with one of these is a formula to a spreadsheet
# (=HYPERLINK(...), +cmd|' /C calc'!A0): OWASP's advice is a leading apostrophe.
# A cell that starts with an apostrophe gets one too, so that import, which
# takes one off, gives back exactly what was written.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
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
    # The csv module quotes a cell holding "\n" but not one holding a lone
    # "\r", which a reader then takes for the end of the row.
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(RECORD_FIELDS)
    for record in records:
        cells = [cell(getattr(record, name)) for name in RECORD_FIELDS]
        (quoted if any("\r" in c for c in cells) else writer).writerow(cells)
    return out.getvalue()


def typed(record: CheckIn | FollowUp | Reflection | PackAnswer | PastSummary | Takeaway | Plan
          | ColleagueCheck) -> dict[str, Any]:
    kind = next(name for name, cls in TYPES.items() if isinstance(record, cls))
    body = record.to_dict() if isinstance(record, CheckIn) else asdict(record)
    return {"type": kind, **body}


def export_json(
    checkins: Sequence[CheckIn], followups: Sequence[FollowUp], reflections: Sequence[Reflection],
    exported_at: str, pack_answers: Sequence[PackAnswer] = (), summaries: Sequence[PastSummary] = (),
    phoneins: Sequence[Takeaway | Plan] = (),
    colleagues: Sequence[ColleagueCheck] = (),
) -> str:
    document = {
        "resilience_export": EXPORT_VERSION,
        "exported_at": exported_at,
        "note": disclaimer(),
        "records": [typed(r) for r in (*checkins, *followups, *reflections, *pack_answers, *summaries, *phoneins,
                                       *colleagues)],
    }
    return json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def export_jsonl(
    checkins: Sequence[CheckIn], followups: Sequence[FollowUp], reflections: Sequence[Reflection],
    pack_answers: Sequence[PackAnswer] = (), summaries: Sequence[PastSummary] = (),
    phoneins: Sequence[Takeaway | Plan] = (),
    colleagues: Sequence[ColleagueCheck] = (),
) -> str:
    return "".join(
        json.dumps(typed(r), ensure_ascii=False, allow_nan=False) + "\n"
        for r in (*checkins, *followups, *reflections, *pack_answers, *summaries, *phoneins, *colleagues)
    )
