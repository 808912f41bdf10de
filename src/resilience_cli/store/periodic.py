"""The journal's periodic records: safety answers, follow-ups, reflections, silenced
tips, question-pack answers and past summaries.

A mixin of JournalStore: the same connection, transactions and error handling.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, replace
from dataclasses import fields as dataclass_fields
from typing import TYPE_CHECKING, Any

from resilience_cli.store.rows import utc_now
from resilience_cli.store.sql import insert_row

if TYPE_CHECKING:
    # Imported where they are made: `log` and `status` open the store and
    # need none of them (each is a data class, and making them costs start-up).
    from resilience_cli.followups import FollowUp
    from resilience_cli.packs import PackAnswer
    from resilience_cli.reflection import Reflection
    from resilience_cli.safety import SafetyAnswer
    from resilience_cli.supervision import PastSummary


def _now() -> str:
    return utc_now()


def summary_row(summary: PastSummary) -> dict[str, Any]:
    """A remembered summary as its row: requests and actions as JSON lists."""
    import json

    return {"id": summary.id, "created_at": summary.created_at, "period_from": summary.period_from,
            "period_to": summary.period_to, "requests": json.dumps(list(summary.requests)),
            "request_other": summary.request_other,
            "actions": json.dumps([{"text": a.text, "status": a.status} for a in summary.actions])}


class PeriodicRecords:

    def _add_safety(self, day: dt.date, answer: str, stamp: str) -> None:
        import uuid

        self.conn.execute(
            "INSERT INTO safety_answers (id, date, answer, created_at) VALUES (?, ?, ?, ?)",
            (str(uuid.uuid4()), day.isoformat(), answer, stamp),
        )

    def add_safety_answer(self, day: dt.date, answer: str) -> None:
        with self.transaction():
            self._add_safety(day, answer, _now())

    def safety_count(self) -> int:
        """Safety answers held, the daily question's and packs' safety questions' together."""
        with self.guard():
            return sum(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                       for table in ("safety_answers", "pack_safety_answers"))

    def forget_safety(self) -> int:
        """Remove every safety answer, in one transaction. Returns how many there were."""
        with self.transaction() as conn:
            return sum(conn.execute(f"DELETE FROM {table}").rowcount
                       for table in ("safety_answers", "pack_safety_answers"))

    def _forget_safety_on(self, day: dt.date) -> None:
        for table in ("safety_answers", "pack_safety_answers"):
            self.conn.execute(f"DELETE FROM {table} WHERE date = ?", (day.isoformat(),))

    def rule_rest(self, rule: str) -> tuple[dt.date, int] | None:
        with self.guard():
            row = self.conn.execute("SELECT shown_on, strength FROM rule_rests WHERE rule = ?",
                                    (rule,)).fetchone()
        return (dt.date.fromisoformat(row[0]), row[1]) if row else None

    def rest_rule(self, rule: str, shown_on: dt.date, strength: int) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO rule_rests (rule, shown_on, strength) VALUES (?, ?, ?) "
                "ON CONFLICT (rule) DO UPDATE SET shown_on = excluded.shown_on, strength = excluded.strength "
                # A check-in for an earlier day never moves the rest back.
                "WHERE excluded.shown_on >= rule_rests.shown_on",
                (rule, shown_on.isoformat(), strength))

    def safety_answers(self, since: dt.date) -> list[SafetyAnswer]:
        from resilience_cli.safety import SafetyAnswer
        with self.guard():
            rows = self.conn.execute(
                "SELECT id, date, answer, created_at FROM safety_answers "
                "WHERE date >= ? ORDER BY date, created_at", (since.isoformat(),),
            ).fetchall()
        return [SafetyAnswer(*row) for row in rows]

    def _put_followup(self, f: FollowUp) -> None:
        insert_row(self.conn, "followups", dict(asdict(f), skipped=int(f.skipped)),
                   suffix="ON CONFLICT (incident_date, kind) DO NOTHING")

    def save_followup(self, followup: FollowUp) -> None:
        """One answered follow-up, on its own: no check-in is created with it."""
        stamp = _now()
        with self.transaction():
            self._put_followup(replace(followup, created_at=stamp, updated_at=stamp))

    def import_followups(self, followups: Iterable[FollowUp]) -> None:
        with self.transaction():
            for f in followups:
                self._put_followup(f)

    def followups(self, since: dt.date) -> list[FollowUp]:
        from resilience_cli.followups import FollowUp
        names = [f.name for f in dataclass_fields(FollowUp)]
        with self.guard():
            rows = self.conn.execute(
                f"SELECT {', '.join(names)} FROM followups WHERE date >= ? ORDER BY date",
                (since.isoformat(),),
            ).fetchall()
        out = []
        for row in rows:
            values = dict(zip(names, row, strict=True))
            values["skipped"] = bool(values["skipped"])
            out.append(FollowUp(**values))
        return out

    def save_reflection(self, week: dt.date, day: dt.date, answers: dict[str, Any]) -> Reflection:
        """Write this week's reflection, or amend it: answers given replace the old ones."""
        import uuid

        from resilience_cli.reflection import Reflection

        names = [f.name for f in dataclass_fields(Reflection)]
        stamp = _now()
        with self.transaction() as conn:
            row = conn.execute(
                f"SELECT {', '.join(names)} FROM reflections WHERE week = ?", (week.isoformat(),)
            ).fetchone()
            given = {k: v for k, v in answers.items() if v is not None}
            if row is None:
                record = Reflection(id=str(uuid.uuid4()), week=week.isoformat(), date=day.isoformat(),
                                    created_at=stamp, updated_at=stamp, **given)
            else:
                record = replace(Reflection(**dict(zip(names, row, strict=True))),
                                 date=day.isoformat(), updated_at=stamp, **given)
            insert_row(conn, "reflections", asdict(record), verb="INSERT OR REPLACE")
        return record

    def reflections(self, since: dt.date) -> list[Reflection]:
        from resilience_cli.reflection import Reflection
        names = [f.name for f in dataclass_fields(Reflection)]
        with self.guard():
            rows = self.conn.execute(
                f"SELECT {', '.join(names)} FROM reflections WHERE week >= ? ORDER BY week",
                (since.isoformat(),),
            ).fetchall()
        return [Reflection(**dict(zip(names, row, strict=True))) for row in rows]

    def silence(self, rule: str, until: dt.date) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO silenced_rules (rule, until) VALUES (?, ?) "
                "ON CONFLICT (rule) DO UPDATE SET until = excluded.until",
                (rule, until.isoformat()),
            )

    def unsilence(self, rule: str) -> bool:
        with self.transaction() as conn:
            return conn.execute("DELETE FROM silenced_rules WHERE rule = ?", (rule,)).rowcount > 0

    def silenced(self) -> dict[str, dt.date]:
        with self.guard():
            rows = self.conn.execute("SELECT rule, until FROM silenced_rules").fetchall()
        return {rule: dt.date.fromisoformat(until) for rule, until in rows}

    # -- question packs ------------------------------------------------------

    def save_pack_answer(self, pack: str, day: dt.date, answers: dict[str, Any],
                         safety: dict[str, tuple[int, bool]] | None = None) -> PackAnswer:
        """This day's answers to a pack; answering again the same day amends them.

        `safety`: answers to the pack's safety questions, question id ->
        (value, at or over its threshold), kept in their own table in the
        same transaction.
        """
        import json
        import uuid

        from resilience_cli.packs import PackAnswer

        stamp = _now()
        with self.transaction() as conn:
            for question, (value, crisis) in (safety or {}).items():
                conn.execute(
                    "INSERT INTO pack_safety_answers (id, pack, question, date, value, crisis, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (pack, question, date) "
                    "DO UPDATE SET value = excluded.value, crisis = excluded.crisis, "
                    "created_at = excluded.created_at",
                    (str(uuid.uuid4()), pack, question, day.isoformat(), int(value), int(crisis), stamp))
            row = conn.execute("SELECT id, answers, created_at FROM pack_answers WHERE pack = ? AND date = ?",
                               (pack, day.isoformat())).fetchone()
            if row is None:
                record = PackAnswer(str(uuid.uuid4()), pack, day.isoformat(),
                                    {k: v for k, v in answers.items() if v is not None}, stamp, stamp)
                conn.execute("INSERT INTO pack_answers (id, pack, date, answers, created_at, updated_at) "
                             "VALUES (?, ?, ?, ?, ?, ?)",
                             (record.id, pack, record.date, json.dumps(record.answers), stamp, stamp))
            else:
                merged = {**json.loads(row[1]), **{k: v for k, v in answers.items() if v is not None}}
                record = PackAnswer(row[0], pack, day.isoformat(), merged, row[2], stamp)
                conn.execute("UPDATE pack_answers SET answers = ?, updated_at = ? WHERE id = ?",
                             (json.dumps(merged), stamp, row[0]))
        return record

    def pack_crisis_answers(self, since: dt.date) -> list[SafetyAnswer]:
        """Pack safety answers at or over their threshold since `since`, as "yes" answers."""
        from resilience_cli.safety import YES, SafetyAnswer

        with self.guard():
            rows = self.conn.execute(
                "SELECT id, date, created_at FROM pack_safety_answers WHERE crisis = 1 AND date >= ? "
                "ORDER BY date", (since.isoformat(),)).fetchall()
        return [SafetyAnswer(rid, date, YES, created) for rid, date, created in rows]

    def pack_answers(self, since: dt.date, pack: str | None = None) -> list[PackAnswer]:
        import json

        from resilience_cli.packs import PackAnswer

        sql = "SELECT id, pack, date, answers, created_at, updated_at FROM pack_answers WHERE date >= ?"
        params: list[Any] = [since.isoformat()]
        if pack is not None:
            sql += " AND pack = ?"
            params.append(pack)
        with self.guard():
            rows = self.conn.execute(sql + " ORDER BY date", params).fetchall()
        return [PackAnswer(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5]) for r in rows]

    # -- supervision summaries ----------------------------------------------

    def save_summary(self, summary: PastSummary) -> None:
        with self.transaction() as conn:
            insert_row(conn, "summaries", summary_row(summary))

    def summaries(self) -> list[PastSummary]:
        import json

        from resilience_cli.supervision import Action, PastSummary

        with self.guard():
            rows = self.conn.execute(
                "SELECT id, created_at, period_from, period_to, requests, request_other, actions "
                "FROM summaries ORDER BY created_at"
            ).fetchall()
        return [
            PastSummary(sid, created, start, end, tuple(json.loads(requests)), other,
                        tuple(Action(a["text"], a["status"]) for a in json.loads(actions)))
            for sid, created, start, end, requests, other, actions in rows
        ]
