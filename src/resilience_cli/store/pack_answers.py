"""Answers to the question packs, a day at a time, with their safety questions' answers."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from resilience_cli.store.repository import Repository
from resilience_cli.store.rows import utc_now

if TYPE_CHECKING:
    from resilience_cli.packs import PackAnswer


class PackAnswers(Repository):

    def save(self, pack: str, day: dt.date, answers: dict[str, Any],
             safety: dict[str, tuple[int, bool]] | None = None) -> PackAnswer:
        """This day's answers to a pack; answering again the same day amends them.

        `safety`: answers to the pack's safety questions, question id ->
        (value, at or over its threshold), kept in their own table in the
        same transaction.
        """
        import json
        import uuid

        from resilience_cli.packs import PackAnswer

        stamp = utc_now()
        with self.transaction() as conn:
            for question, (value, crisis) in (safety or {}).items():
                conn.execute(
                    "INSERT INTO pack_safety_answers (id, pack, question, date, value, crisis, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (pack, question, date) "
                    "DO UPDATE SET value = excluded.value, crisis = excluded.crisis, "
                    "created_at = excluded.created_at",  # not a message: SQL
                    (str(uuid.uuid4()), pack, question, day.isoformat(), int(value), int(crisis), stamp))
            row = conn.execute("SELECT id, answers, created_at FROM pack_answers WHERE pack = ? AND date = ?",  # not a message: SQL
                               (pack, day.isoformat())).fetchone()
            if row is None:
                record = PackAnswer(str(uuid.uuid4()), pack, day.isoformat(),
                                    {k: v for k, v in answers.items() if v is not None}, stamp, stamp)
                conn.execute("INSERT INTO pack_answers (id, pack, date, answers, created_at, updated_at) "
                             "VALUES (?, ?, ?, ?, ?, ?)",  # not a message: SQL
                             (record.id, pack, record.date, json.dumps(record.answers), stamp, stamp))
            else:
                merged = {**json.loads(row[1]), **{k: v for k, v in answers.items() if v is not None}}
                record = PackAnswer(row[0], pack, day.isoformat(), merged, row[2], stamp)
                conn.execute("UPDATE pack_answers SET answers = ?, updated_at = ? WHERE id = ?",  # not a message: SQL
                             (json.dumps(merged), stamp, row[0]))
        return record

    def since(self, since: dt.date, pack: str | None = None) -> list[PackAnswer]:
        import json

        from resilience_cli.packs import PackAnswer

        sql = "SELECT id, pack, date, answers, created_at, updated_at FROM pack_answers WHERE date >= ?"  # not a message: SQL
        params: list[Any] = [since.isoformat()]
        if pack is not None:
            sql += " AND pack = ?"  # not a message: SQL
            params.append(pack)
        with self.guard():
            rows = self.conn.execute(sql + " ORDER BY date", params).fetchall()  # not a message: SQL
        return [PackAnswer(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5]) for r in rows]
