"""Importing a validated batch of records: one transaction, matched by id.

A record whose id is in the journal is replaced only when the file's copy was
updated later; a record for a duty day (or follow-up, or week) that already
holds a different record is a conflict, settled only by an explicit
`prefer`. Anything unsettled, and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from resilience_cli.errors import InvalidInput
from resilience_cli.messages import _, _n
from resilience_cli.store.phoneins import plan_row
from resilience_cli.store.rows import COLUMNS, from_row, to_row
from resilience_cli.store.sql import insert_row
from resilience_cli.store.summaries import summary_row

if TYPE_CHECKING:
    from resilience_cli.validation import Batch
    from resilience_cli.store import JournalStore

# The natural key of the one phone-in plan (any plan in the journal is the same "record").
PLAN_KEY = "phonein-plan"


@dataclass
class Tally:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0  # conflicts settled in the journal's favour
    skipped: int = 0  # records that could not be placed; report.changes says why

    def words(self, noun: str) -> str:
        parts = [_n("store.bulk.new", self.new), _n("store.bulk.updated", self.updated),
                 _n("store.bulk.unchanged", self.unchanged)]
        if self.kept:
            parts.append(_n("store.bulk.kept", self.kept))
        if self.skipped:
            parts.append(_n("store.bulk.skipped", self.skipped))
        return _("store.bulk.tally", noun=noun, parts=", ".join(parts))


@dataclass
class Report:
    checkins: Tally = field(default_factory=Tally)
    followups: Tally = field(default_factory=Tally)
    reflections: Tally = field(default_factory=Tally)
    pack_answers: Tally = field(default_factory=Tally)
    summaries: Tally = field(default_factory=Tally)
    phoneins: Tally = field(default_factory=Tally)
    colleague_checks: Tally = field(default_factory=Tally)
    # Day by day, what a partial format (Daylio, jrnl) changes in the journal.
    changes: list[str] = field(default_factory=list)


def _when(stamp: str) -> dt.datetime:
    return dt.datetime.fromisoformat(stamp)


def _rows(conn: sqlite3.Connection, table: str, key: str) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """id -> (natural key, updated_at), and natural key -> id."""
    by_id: dict[str, tuple[str, str]] = {}
    by_key: dict[str, str] = {}
    for rid, natural, updated in conn.execute(f"SELECT id, {key}, updated_at FROM {table}"):  # not a message: SQL
        by_id[rid] = (natural, updated)
        by_key[natural] = rid
    return by_id, by_key


def import_batch(store: JournalStore, batch: Batch, *, prefer: str | None, dry_run: bool) -> Report:

    report = Report()
    conflicts: list[str] = []
    with store.transaction() as conn:
        plans = (
            ("checkins", "date", batch.checkins, report.checkins,
             lambda r: r.date, to_row),
            ("followups", "incident_date || ' ' || kind", batch.followups, report.followups,
             lambda f: f"{f.incident_date} {f.kind}", lambda f: dict(asdict(f), skipped=int(f.skipped))),
            ("reflections", "week", batch.reflections, report.reflections,
             lambda r: r.week, asdict),
            ("pack_answers", "pack || ' ' || date", batch.pack_answers, report.pack_answers,
             lambda a: f"{a.pack} {a.date}", lambda a: dict(asdict(a), answers=json.dumps(a.answers))),
            ("phoneins", "date", batch.phoneins, report.phoneins, lambda t: t.date, asdict),
            # One plan at a time: any other plan in the journal is the same "record".
            ("phonein_plan", f"'{PLAN_KEY}'", batch.phonein_plans, report.phoneins,
             lambda p: PLAN_KEY, plan_row),
            # Nicknames match as the table's NOCASE does: ASCII letters without case.
            ("colleague_checks", "lower(nickname) || ' ' || incident_date", batch.colleague_checks,
             report.colleague_checks, lambda c: f"{_ascii_lower(c.nickname)} {c.incident_date}", asdict),
        )
        for table, key_sql, records, tally, natural, to_values in plans:
            by_id, by_key = _rows(conn, table, key_sql)
            for record in records:
                key = natural(record)
                values = to_values(record)
                if record.id in by_id:
                    held_by = by_key.get(key)
                    if held_by is not None and held_by != record.id and _when(record.updated_at) > _when(by_id[record.id][1]):
                        # The file moves a record to a day that holds another one.
                        conflicts.append(key)
                        continue
                    held_at = by_id[record.id][0]
                    if held_at != key and _when(record.updated_at) <= _when(by_id[record.id][1]):
                        # The same record (its id) is in the journal for another day, and
                        # the journal's copy is as new: neither "unchanged" nor settled by --prefer.
                        report.changes.append(_("store.bulk.same_id_elsewhere", key=_shown(key),
                                                held_at=_shown(held_at)))
                        tally.skipped += 1
                        continue
                    if _when(record.updated_at) > _when(by_id[record.id][1]):
                        conn.execute(f"DELETE FROM {table} WHERE id = ?", (record.id,))  # not a message: SQL
                        insert_row(conn, table, values)
                        tally.updated += 1
                    else:
                        tally.unchanged += 1
                    continue
                if key in by_key:
                    if prefer == "file" and table == "checkins" and batch.fields is not None:
                        # Daylio and jrnl carry only some answers: replace those, keep the rest.
                        if _take_fields(conn, by_key[key], record, batch.fields, report):
                            tally.updated += 1
                        else:
                            tally.unchanged += 1
                    elif prefer == "file":
                        conn.execute(f"DELETE FROM {table} WHERE id = ?", (by_key[key],))  # not a message: SQL
                        insert_row(conn, table, values)
                        tally.updated += 1
                    elif prefer == "journal":
                        tally.kept += 1
                    else:
                        conflicts.append(key)
                    continue
                insert_row(conn, table, values)
                by_key[key] = record.id
                tally.new += 1
        # What the journal remembers of a summary is never amended, only added:
        # matched by id, a summary already here is left as it is.
        have = {sid for (sid,) in conn.execute("SELECT id FROM summaries")}  # not a message: SQL
        for s in batch.summaries:
            if s.id in have:
                report.summaries.unchanged += 1
                continue
            insert_row(conn, "summaries", summary_row(s))
            have.add(s.id)
            report.summaries.new += 1
        if conflicts:
            shown = ", ".join(_shown(key) for key in conflicts[:10])
            if len(conflicts) > 10:
                shown = _n("store.bulk.and_more", len(conflicts) - 10, records=shown)
            raise InvalidInput(_("store.bulk.conflicts", records=shown,
                                 keep="--prefer journal", take="--prefer file"))  # not a message: options
        if dry_run:
            raise DryRun(report)
    return report


def _shown(key: str) -> str:
    """A record's natural key as the person reads it: the plan is named, not keyed."""
    return _("store.bulk.the_plan") if key == PLAN_KEY else key


def _ascii_lower(text: str) -> str:
    """SQLite's lower() and NOCASE: ASCII letters only."""
    return "".join(ch.lower() if ch.isascii() else ch for ch in text)


def _take_fields(conn: sqlite3.Connection, rid: str, record, fields: frozenset[str], report: Report) -> bool:
    """Replace only the answers the file's format carries; say, day by day, what changes.

    False when the journal already holds those answers: nothing changes."""

    current = from_row(conn.execute(f"SELECT {', '.join(COLUMNS)} FROM checkins WHERE id = ?", (rid,)).fetchone())  # not a message: SQL
    given = {name: getattr(record, name) for name in fields if getattr(record, name) is not None}
    changed = {name: value for name, value in given.items() if getattr(current, name) != value}
    if not changed:
        return False
    updated = current.amended(changed, record.updated_at)
    row = to_row(updated)
    conn.execute(f"UPDATE checkins SET {', '.join(f'{c} = ?' for c in changed)}, updated_at = ? WHERE id = ?",  # not a message: SQL
                 [row[c] for c in changed] + [row["updated_at"], rid])
    words = []
    for name in sorted(changed):
        before, after = getattr(current, name), changed[name]
        if name == "note":
            words.append(_("store.bulk.note_replaced") if before else _("store.bulk.note_added"))
        elif name == "recovery":
            words.append(_("store.bulk.change", field=name,
                           before=", ".join(before) if before else _("store.bulk.no_answer"),
                           after=", ".join(after) or _("store.bulk.nothing")))
        else:
            words.append(_("store.bulk.change", field=name,
                           before=_("store.bulk.no_answer") if before is None else before, after=after))
    report.changes.append(f"{current.date}: " + "; ".join(words))
    return True


class DryRun(Exception):
    """Rolls the transaction back while keeping what would have happened."""

    def __init__(self, report: Report):
        super().__init__("dry run")  # not a message: never shown
        self.report = report

