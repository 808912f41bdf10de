"""Reading records back: our JSON, JSONL and CSV, validated record by record
(by `resilience_cli.validation`, which a restore uses too).

A file with any invalid record gives an InvalidInput naming the record (its
number, line or row), the field and what is allowed; the caller then imports
nothing. Daylio and jrnl exports are read by `others`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable
from typing import Any

from resilience_cli.errors import InvalidInput
from resilience_cli.messages import _
from resilience_cli.model import FIELD_SPECS, MAX_TEXT, NOTHING, RECORD_FIELDS
from resilience_cli.validation import (
    Batch,
    checkin_from,
    colleague_check_from,
    followup_from,
    pack_answer_from,
    phonein_from,
    phonein_plan_from,
    reflection_from,
    summary_from,
)

FORMATS = ("json", "jsonl", "csv", "daylio", "jrnl")
# Far more than ten years of daily check-ins; a bigger file is not a journal.
MAX_RECORDS = 500_000


class RecordProblem(InvalidInput):
    """One record is invalid; the message names it."""


def detect(name: str, text: str) -> str:
    """Guess the format from the file name and its first bytes."""
    lower = name.lower()
    start = text.lstrip()[:200]
    if lower.endswith(".jsonl") or lower.endswith(".ndjson"):
        return "jsonl"
    if lower.endswith(".csv"):
        header = start.splitlines()[0] if start else ""
        return "daylio" if "full_date" in header and "mood" in header else "csv"
    if start.startswith("{") and '"entries"' in text[:2000] and '"tags"' in text[:2000]:
        return "jrnl"
    if start.startswith("[") or start.startswith("{"):
        # One JSON document, or JSON lines?
        first_line = start.splitlines()[0].strip() if start else ""
        if first_line.startswith("{") and first_line.endswith("}") and "\n{" in text.strip():
            return "jsonl"
        return "json"
    raise InvalidInput(_("interchange.unknown_format", name=name,
                         option="--format json, jsonl, csv, daylio or jrnl"))  # not a message: an option


# -- our formats ------------------------------------------------------------

class DuplicateKey(ValueError):
    pass


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A record that names a field twice is refused: which value was meant?"""
    found = dict(pairs)
    if len(found) != len(pairs):  # rare: only then look for which key
        seen: set[str] = set()
        for key, __ in pairs:
            if key in seen:
                raise DuplicateKey(key)
            seen.add(key)
    return found


# One decoder for every line of a JSONL file: building one per line cost a
# tenth of a century-long import.
_DECODER = json.JSONDecoder(object_pairs_hook=_no_repeated_keys)


def json_document(text: str, where: str | None = None) -> Any:
    """The JSON document `text` holds; `where` names it in a refusal (by default, the file)."""
    try:
        return _DECODER.decode(text)
    except DuplicateKey as exc:
        raise InvalidInput(_("interchange.json.field_twice", where=where or _("interchange.json.the_file"),
                             field=repr(exc.args[0]))) from None
    except json.JSONDecodeError as exc:
        raise InvalidInput(_("interchange.json.invalid", where=where or _("interchange.json.the_file"),
                             line=exc.lineno, column=exc.colno)) from None
    except RecursionError:
        raise InvalidInput(_("interchange.json.too_deep", where=where or _("interchange.json.the_file"))) from None
    except ValueError:  # an integer of thousands of digits
        raise InvalidInput(_("interchange.json.number_too_long",
                             where=where or _("interchange.json.the_file"))) from None


def from_json(text: str, today: dt.date) -> Batch:
    document = json_document(text)
    if isinstance(document, dict) and "records" in document:
        records = document["records"]
    elif isinstance(document, list):
        records = document  # `resilience log --format json`: check-ins without a type
    else:
        raise InvalidInput(_("interchange.json.no_records"))
    if not isinstance(records, list):
        raise InvalidInput(_("interchange.json.records_not_a_list"))
    return _collect(((("interchange.where.record", n), item) for n, item in enumerate(records, start=1)), today)


def from_jsonl(text: str, today: dt.date) -> Batch:
    def items() -> Iterable[tuple[str, Any]]:
        # Lines end at "\n" alone: splitlines() would also break a record at
        # U+2028, U+2029 or U+0085 inside a note, which JSON writes as they are.
        for n, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                yield ("interchange.where.line", n), _DECODER.decode(line)
            except DuplicateKey as exc:
                raise InvalidInput(_("interchange.jsonl.field_twice", line=n, field=repr(exc.args[0]))) from None
            except json.JSONDecodeError:
                raise InvalidInput(_("interchange.jsonl.invalid", line=n)) from None
            except RecursionError:
                raise InvalidInput(_("interchange.jsonl.too_deep", line=n)) from None
            except ValueError:
                raise InvalidInput(_("interchange.jsonl.number_too_long", line=n)) from None

    return _collect(items(), today)


# A cell may hold a whole note (MAX_TEXT characters, each up to a few bytes
# in CSV's quoting); the csv module's default limit is 131,072.
csv.field_size_limit(4 * MAX_TEXT + 1024)


def from_csv(text: str, today: dt.date) -> Batch:
    # newline="": a lone carriage return inside a quoted note stays in the note.
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        raise InvalidInput(_("interchange.csv.unreadable", reason=exc)) from None
    repeated = sorted({h for h in header if header.count(h) > 1})
    if repeated:
        raise InvalidInput(_("interchange.csv.column_twice", column=repeated[0]))
    missing = [name for name in ("id", "date", "created_at", "updated_at") if name not in header]
    if missing:
        raise InvalidInput(_("interchange.csv.not_ours", columns=", ".join(missing)))
    unknown = [name for name in header if name not in RECORD_FIELDS]
    if unknown:
        raise InvalidInput(_("interchange.csv.unknown_columns", columns=", ".join(unknown)))

    def items() -> Iterable[tuple[str, Any]]:
        rows = iter(reader)
        n = 1
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except csv.Error as exc:
                raise InvalidInput(_("interchange.csv.row_unreadable", row=n + 1, reason=exc)) from None
            n += 1
            if None in row or any(v is None for v in row.values()):
                raise InvalidInput(_("interchange.csv.row_cells", row=n))
            yield ("interchange.where.row", n), {"type": "checkin", **{k: _from_cell(k, v) for k, v in row.items()}}

    return _collect(items(), today)


def _from_cell(name: str, text: str) -> Any:
    """A CSV cell back to the value it spells (validation comes after)."""
    if text == "":
        return None
    spec = FIELD_SPECS.get(name)
    if spec is None:
        return text
    if spec.kind == "text" and text.startswith("'"):
        return text[1:]  # the mark export adds against spreadsheet formulas
    if spec.kind == "bool":
        return {"true": True, "false": False}.get(text.strip().lower(), text)
    if spec.kind == "list":
        return [] if text.strip() == NOTHING else [p for p in text.split(";") if p.strip()]
    return text


# Each record type a file may hold: the Batch list it goes into and its check,
# in the order the error for an unknown type lists them.
_RECORD_TYPES = {
    "checkin": ("checkins", checkin_from), "followup": ("followups", followup_from),
    "reflection": ("reflections", reflection_from), "pack_answer": ("pack_answers", pack_answer_from),
    "summary": ("summaries", summary_from), "phonein": ("phoneins", phonein_from),
    "phonein_plan": ("phonein_plans", phonein_plan_from),
    "colleague_check": ("colleague_checks", colleague_check_from),
}


def _collect(items: Iterable[tuple[tuple[str, int], Any]], today: dt.date) -> Batch:
    """Each item with where it is, as (the id of "Record {number}" or the like, its number)."""
    batch = Batch()
    for (where, number), item in items:
        if len(batch) >= MAX_RECORDS:
            raise InvalidInput(_("interchange.too_many", records=f"{MAX_RECORDS:,}"))
        try:
            if not isinstance(item, dict):
                raise InvalidInput(_("interchange.not_a_record"))
            kind = item.get("type", "checkin")
            # A list or table is no type name (and cannot be looked up: it is unhashable).
            if not isinstance(kind, str) or kind not in _RECORD_TYPES:
                *most, last = _RECORD_TYPES
                raise InvalidInput(_("interchange.bad_type", types=", ".join(most), last=last, kind=repr(kind)))
            into, read = _RECORD_TYPES[kind]
            getattr(batch, into).append(read(item, today))
        except InvalidInput as exc:
            raise RecordProblem(_("interchange.record_problem", where=_(where, number=number),
                                  problem=exc.message.rstrip("."))) from None
    _no_duplicates(batch)
    return batch


def _no_duplicates(batch: Batch) -> None:
    for kind, records in (("interchange.kind.followup", batch.followups),
                          ("interchange.kind.reflection", batch.reflections),
                          ("interchange.kind.pack_answer", batch.pack_answers),
                          ("interchange.kind.summary", batch.summaries),
                          ("interchange.kind.phonein", batch.phoneins),
                          ("interchange.kind.phonein_plan", batch.phonein_plans),
                          ("interchange.kind.colleague_check", batch.colleague_checks)):
        ids = [r.id for r in records]
        if len(ids) != len(set(ids)):
            twice = next(i for i in ids if ids.count(i) > 1)
            raise InvalidInput(_("interchange.id_twice", kind=_(kind), id=twice))
    seen_ids: set[str] = set()
    seen_days: dict[str, str] = {}
    for r in batch.checkins:
        if r.id in seen_ids:
            raise InvalidInput(_("interchange.record_twice", id=r.id))
        seen_ids.add(r.id)
        if r.date in seen_days:
            raise InvalidInput(_("interchange.day_twice", day=r.date))
        seen_days[r.date] = r.id
