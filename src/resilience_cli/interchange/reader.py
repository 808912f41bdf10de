"""Reading records back: our JSON, JSONL and CSV, validated record by record.

A file with any invalid record gives an InvalidInput naming the record (its
number, line or row), the field and what is allowed; the caller then imports
nothing. Daylio and jrnl exports are read by `others`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from resilience_cli.colleagues import ColleagueCheck
from resilience_cli.colleagues import nickname as checked_nickname
from resilience_cli.errors import InvalidInput
from resilience_cli.followups import KINDS, TRIM_ANSWERS, FollowUp
from resilience_cli.interchange.formats import RECORD_FIELDS
from resilience_cli.model import (
    ANSWER_FIELDS,
    EARLIEST,
    FIELD_SPECS,
    MAX_TEXT,
    NOTHING,
    CheckIn,
    validate_field,
)
from resilience_cli.packs import NAME, PackAnswer
from resilience_cli.phonein import MINUTES, Plan, Takeaway, validate_takeaway
from resilience_cli.reflection import Reflection
from resilience_cli.reflection import validate as validate_reflection
from resilience_cli.supervision import ACTION_STATUSES, Action, PastSummary

FORMATS = ("json", "jsonl", "csv", "daylio", "jrnl")
# Far more than ten years of daily check-ins; a bigger file is not a journal.
MAX_RECORDS = 500_000


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
    raise InvalidInput(
        f"{name} does not look like a resilience, Daylio or jrnl export. "
        "Name the format with --format json, jsonl, csv, daylio or jrnl."
    )


# -- our formats ------------------------------------------------------------

class DuplicateKey(ValueError):
    pass


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A record that names a field twice is refused: which value was meant?"""
    found = dict(pairs)
    if len(found) != len(pairs):  # rare: only then look for which key
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DuplicateKey(key)
            seen.add(key)
    return found


# One decoder for every line of a JSONL file: building one per line cost a
# tenth of a century-long import.
_DECODER = json.JSONDecoder(object_pairs_hook=_no_repeated_keys)


def json_document(text: str, where: str = "The file") -> Any:
    try:
        return _DECODER.decode(text)
    except DuplicateKey as exc:
        raise InvalidInput(f"Nothing was imported. {where} names the field {exc.args[0]!r} twice in one "
                           "record.") from None
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{where} is not valid JSON (line {exc.lineno}, column {exc.colno}).") from None
    except RecursionError:
        raise InvalidInput(f"Nothing was imported. {where} nests too deeply to be a resilience "
                           "export.") from None
    except ValueError:  # an integer of thousands of digits
        raise InvalidInput(f"Nothing was imported. {where} holds a number too long to be an "
                           "answer.") from None


def from_json(text: str, today: dt.date) -> Batch:
    document = json_document(text)
    if isinstance(document, dict) and "records" in document:
        records = document["records"]
    elif isinstance(document, list):
        records = document  # `resilience log --format json`: check-ins without a type
    else:
        raise InvalidInput("The JSON holds no records: expected a resilience export or a list of check-ins.")
    if not isinstance(records, list):
        raise InvalidInput("The JSON's records must be a list.")
    return _collect(((f"Record {n}", item) for n, item in enumerate(records, start=1)), today)


def from_jsonl(text: str, today: dt.date) -> Batch:
    def items() -> Iterable[tuple[str, Any]]:
        # Lines end at "\n" alone: splitlines() would also break a record at
        # U+2028, U+2029 or U+0085 inside a note, which JSON writes as they are.
        for n, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                yield f"Line {n}", _DECODER.decode(line)
            except DuplicateKey as exc:
                raise InvalidInput(f"Nothing was imported. Line {n} names the field {exc.args[0]!r} "
                                   "twice.") from None
            except json.JSONDecodeError:
                raise InvalidInput(f"Nothing was imported. Line {n} is not valid JSON.") from None
            except RecursionError:
                raise InvalidInput(f"Nothing was imported. Line {n} nests too deeply to be a "
                                   "record.") from None
            except ValueError:
                raise InvalidInput(f"Nothing was imported. Line {n} holds a number too long to be "
                                   "an answer.") from None

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
        raise InvalidInput(f"Nothing was imported. The CSV could not be read ({exc}).") from None
    repeated = sorted({h for h in header if header.count(h) > 1})
    if repeated:
        raise InvalidInput(f"Nothing was imported. The CSV has the column {repeated[0]} twice.")
    missing = [name for name in ("id", "date", "created_at", "updated_at") if name not in header]
    if missing:
        raise InvalidInput(
            "The CSV is not a resilience export: it has no " + ", ".join(missing) + " column."
        )
    unknown = [name for name in header if name not in RECORD_FIELDS]
    if unknown:
        raise InvalidInput(f"The CSV has columns resilience does not know: {', '.join(unknown)}.")

    def items() -> Iterable[tuple[str, Any]]:
        rows = iter(reader)
        n = 1
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except csv.Error as exc:
                raise InvalidInput(f"Nothing was imported. Row {n + 1} could not be read ({exc}).") from None
            n += 1
            if None in row or any(v is None for v in row.values()):
                raise InvalidInput(f"Nothing was imported. Row {n} does not have one cell per column.")
            yield f"Row {n}", {"type": "checkin", **{k: _from_cell(k, v) for k, v in row.items()}}

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


def _collect(items: Iterable[tuple[str, Any]], today: dt.date) -> Batch:
    batch = Batch()
    for where, item in items:
        if len(batch) >= MAX_RECORDS:
            raise InvalidInput(f"The file holds more than {MAX_RECORDS:,} records; that is not a journal export.")
        try:
            if not isinstance(item, dict):
                raise InvalidInput("it is not a record (an object with named fields)")
            kind = item.get("type", "checkin")
            if kind == "checkin":
                batch.checkins.append(checkin_from(item, today))
            elif kind == "followup":
                batch.followups.append(followup_from(item, today))
            elif kind == "reflection":
                batch.reflections.append(reflection_from(item, today))
            elif kind == "pack_answer":
                batch.pack_answers.append(pack_answer_from(item, today))
            elif kind == "summary":
                batch.summaries.append(summary_from(item, today))
            elif kind == "phonein":
                batch.phoneins.append(phonein_from(item, today))
            elif kind == "phonein_plan":
                batch.phonein_plans.append(phonein_plan_from(item, today))
            elif kind == "colleague_check":
                batch.colleague_checks.append(colleague_check_from(item, today))
            else:
                raise InvalidInput(f"type must be checkin, followup, reflection, pack_answer, summary, phonein, "
                                   f"phonein_plan or colleague_check, not {kind!r}")
        except InvalidInput as exc:
            raise RecordProblem(f"Nothing was imported. {where}: {exc.message.rstrip('.')}.") from None
    _no_duplicates(batch)
    return batch


def _no_duplicates(batch: Batch) -> None:
    for kind, records in (("follow-up", batch.followups), ("reflection", batch.reflections),
                          ("question pack answer", batch.pack_answers), ("summary", batch.summaries),
                          ("phone-in takeaway", batch.phoneins), ("phone-in plan", batch.phonein_plans),
                          ("colleague record", batch.colleague_checks)):
        ids = [r.id for r in records]
        if len(ids) != len(set(ids)):
            twice = next(i for i in ids if ids.count(i) > 1)
            raise InvalidInput(f"Nothing was imported. The file holds the {kind} {twice} twice.")
    seen_ids: set[str] = set()
    seen_days: dict[str, str] = {}
    for r in batch.checkins:
        if r.id in seen_ids:
            raise InvalidInput(f"Nothing was imported. The file holds the record {r.id} twice.")
        seen_ids.add(r.id)
        if r.date in seen_days:
            raise InvalidInput(
                f"Nothing was imported. The file holds two different check-ins for {r.date}."
            )
        seen_days[r.date] = r.id


# -- validating one record ----------------------------------------------------

def _id(value: Any) -> str:
    if not isinstance(value, str):
        raise InvalidInput("id must be a UUID such as 3f2b8c1e-…")
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise InvalidInput(f"id must be a UUID; {value!r} is not one") from None


def _day(name: str, value: Any, today: dt.date, *, monday: bool = False) -> str:
    try:
        # Only YYYY-MM-DD: fromisoformat would also read "2025-W01-1", an ISO week date.
        if not isinstance(value, str) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            raise ValueError
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"{name} must be a date as YYYY-MM-DD; {value!r} is not one") from None
    if day > today:
        raise InvalidInput(f"{name} {value} is in the future")
    if day < EARLIEST:
        raise InvalidInput(f"{name} {value} is before {EARLIEST.year}")
    if monday and day.weekday() != 0:
        raise InvalidInput(f"{name} must be the Monday a week starts on; {value} is a {day:%A}")
    return value


def _stamp(name: str, value: Any) -> str:
    try:
        if not isinstance(value, str):
            raise ValueError
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"{name} must be a time in ISO 8601, such as 2026-11-27T08:30:00Z; "
                           f"{value!r} is not one") from None
    if parsed.tzinfo is None:
        raise InvalidInput(f"{name} must say its time zone, such as 2026-11-27T08:30:00Z")
    return value


def _unknown(item: dict, allowed: Iterable[str]) -> None:
    extra = sorted(set(item) - set(allowed) - {"type"})
    if extra:
        raise InvalidInput(f"{extra[0]} is not a field resilience knows")


def checkin_from(item: dict, today: dt.date) -> CheckIn:
    _unknown(item, RECORD_FIELDS)
    # A skipped answer (absent or null) needs no checking: most of a long import's fields.
    answers = {name: None if (value := item.get(name)) is None else validate_field(name, value)
               for name in ANSWER_FIELDS}
    return CheckIn(
        id=_id(item.get("id")),
        date=_day("date", item.get("date"), today),
        created_at=_stamp("created_at", item.get("created_at")),
        updated_at=_stamp("updated_at", item.get("updated_at")),
        **answers,
    )


def _scale(name: str, value: Any, high: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or str(value).strip() not in {str(n) for n in range(high + 1)}:
        raise InvalidInput(f"{name} must be a whole number from 0 to {high}; you gave {value}")
    return int(str(value).strip())


def followup_from(item: dict, today: dt.date) -> FollowUp:
    names = [f.name for f in fields(FollowUp)]
    _unknown(item, names)
    kind = item.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        raise InvalidInput(f"kind must be {' or '.join(KINDS)}; you gave {kind!r}")
    trim = item.get("trim")
    if trim is not None and trim not in TRIM_ANSWERS:
        raise InvalidInput(f"trim must be one of {', '.join(TRIM_ANSWERS)}; you gave {trim!r}")
    skipped = item.get("skipped", False)
    if not isinstance(skipped, bool):
        raise InvalidInput("skipped must be true or false")
    return FollowUp(
        id=_id(item.get("id")),
        incident_date=_day("incident_date", item.get("incident_date"), today),
        kind=kind,
        date=_day("date", item.get("date"), today),
        intrusions=_scale("intrusions", item.get("intrusions"), 4),
        sleep_quality=_scale("sleep_quality", item.get("sleep_quality"), 10),
        avoidance=_scale("avoidance", item.get("avoidance"), 4),
        support=_scale("support", item.get("support"), 4),
        trim=trim,
        skipped=skipped,
        created_at=_stamp("created_at", item.get("created_at")),
        updated_at=_stamp("updated_at", item.get("updated_at")),
    )


def reflection_from(item: dict, today: dt.date) -> Reflection:
    names = [f.name for f in fields(Reflection)]
    _unknown(item, names)
    answers = validate_reflection({k: item.get(k) for k in ("helped", "harder", "connected",
                                                             "worthwhile", "try_next", "proud")})
    return Reflection(
        id=_id(item.get("id")),
        week=_day("week", item.get("week"), today, monday=True),
        date=_day("date", item.get("date"), today),
        created_at=_stamp("created_at", item.get("created_at")),
        updated_at=_stamp("updated_at", item.get("updated_at")),
        **answers,
    )


def pack_answer_from(item: dict, today: dt.date) -> PackAnswer:
    _unknown(item, ("id", "pack", "date", "answers", "created_at", "updated_at"))
    pack = item.get("pack")
    if not isinstance(pack, str) or not NAME.match(pack):
        raise InvalidInput(f"pack must be a pack name such as worthwhile-work; {pack!r} is not one")
    answers = item.get("answers")
    if not isinstance(answers, dict) or not all(
        isinstance(k, str) and (v is None or isinstance(v, (bool, int))) and not isinstance(v, float)
        for k, v in answers.items()
    ):
        raise InvalidInput("answers must map each question id to a whole number or true/false")
    return PackAnswer(
        id=_id(item.get("id")), pack=pack, date=_day("date", item.get("date"), today),
        answers={k: v for k, v in answers.items() if v is not None},
        created_at=_stamp("created_at", item.get("created_at")),
        updated_at=_stamp("updated_at", item.get("updated_at")),
    )


# Statuses an action could have before "to discuss" and "agreed" were told apart.
_OLDER_STATUSES = ("not started",)


def summary_from(item: dict, today: dt.date) -> PastSummary:
    _unknown(item, ("id", "created_at", "period_from", "period_to", "requests", "request_other", "actions"))
    requests = item.get("requests", [])
    if not isinstance(requests, list) or not all(isinstance(r, str) and r.isidentifier() for r in requests):
        raise InvalidInput("requests must be a list of request names such as workload_review")
    other = item.get("request_other")
    if other is not None and (not isinstance(other, str) or len(other) > MAX_TEXT):
        raise InvalidInput(f"request_other must be text of at most {MAX_TEXT:,} characters")
    actions = item.get("actions", [])
    if not isinstance(actions, list):
        raise InvalidInput("actions must be a list of {text, status}")
    parsed = []
    for action in actions:
        if (not isinstance(action, dict) or set(action) != {"text", "status"}
                or not isinstance(action["text"], str) or not action["text"].strip()
                or len(action["text"]) > MAX_TEXT):
            raise InvalidInput("each action must be {text, status}, its text a line of words")
        if action["status"] not in (*ACTION_STATUSES, *_OLDER_STATUSES):
            raise InvalidInput(f"an action's status must be one of {', '.join(ACTION_STATUSES)}; "
                               f"{action['status']!r} is not")
        parsed.append(Action(action["text"], action["status"]))
    start = _day("period_from", item.get("period_from"), today)
    end = _day("period_to", item.get("period_to"), today)
    if start > end:
        raise InvalidInput(f"period_from {start} is after period_to {end}")
    return PastSummary(
        id=_id(item.get("id")), created_at=_stamp("created_at", item.get("created_at")),
        period_from=start, period_to=end, requests=tuple(requests), request_other=other,
        actions=tuple(parsed),
    )


def phonein_from(item: dict, today: dt.date) -> Takeaway:
    """A phone-in takeaway: the officer's own words and a date, nothing about anyone else."""
    _unknown(item, [f.name for f in fields(Takeaway)])
    answers = validate_takeaway({k: item.get(k) for k in ("takeaway", "one_thing")})
    return Takeaway(
        id=_id(item.get("id")), date=_day("date", item.get("date"), today),
        created_at=_stamp("created_at", item.get("created_at")),
        updated_at=_stamp("updated_at", item.get("updated_at")),
        **answers,
    )


def phonein_plan_from(item: dict, today: dt.date) -> Plan:
    from resilience_cli.model import WEEKDAYS

    _unknown(item, [f.name for f in fields(Plan)])
    weekday, at = item.get("weekday"), item.get("at")
    if weekday not in WEEKDAYS:
        raise InvalidInput(f"weekday must be one of {', '.join(WEEKDAYS)}; {weekday!r} is not")
    if not isinstance(at, str) or not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", at):
        raise InvalidInput(f"at must be a time such as 14:00; {at!r} is not one")
    minutes = item.get("minutes")
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not MINUTES[0] <= minutes <= MINUTES[1]:
        raise InvalidInput(f"minutes must be a whole number from {MINUTES[0]} to {MINUTES[1]}")
    fortnightly = item.get("fortnightly")
    if not isinstance(fortnightly, bool):
        raise InvalidInput("fortnightly must be true or false")
    starts = item.get("starts")
    try:
        first = dt.date.fromisoformat(starts) if isinstance(starts, str) and len(starts) == 10 else None
    except ValueError:
        first = None
    if first is None or WEEKDAYS[first.weekday()] != weekday:
        raise InvalidInput(f"starts must be a date as YYYY-MM-DD that falls on a {weekday}")
    return Plan(id=_id(item.get("id")), weekday=weekday, at=at, minutes=minutes, fortnightly=fortnightly,
                starts=starts, created_at=_stamp("created_at", item.get("created_at")),
                updated_at=_stamp("updated_at", item.get("updated_at")))


def colleague_check_from(item: dict, today: dt.date) -> ColleagueCheck:
    names = [f.name for f in fields(ColleagueCheck)]
    _unknown(item, names)
    name = item.get("nickname")
    if not isinstance(name, str):
        raise InvalidInput("nickname must be text, such as G")
    done = {k: None if item.get(k) is None else _day(k, item.get(k), today) for k in ("day3_done", "week4_done")}
    return ColleagueCheck(
        id=_id(item.get("id")), nickname=checked_nickname(name),
        incident_date=_day("incident_date", item.get("incident_date"), today), **done,
        created_at=_stamp("created_at", item.get("created_at")),
        updated_at=_stamp("updated_at", item.get("updated_at")),
    )


# The same checks, for a restore that reads a backup's rows table by table.
check_id = _id
check_day = _day
check_stamp = _stamp
