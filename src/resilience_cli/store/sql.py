"""The one way the store writes a row from a dict of column values."""

from __future__ import annotations

import sqlite3
from typing import Any


def insert_row(
    conn: sqlite3.Connection, table: str, values: dict[str, Any], *, verb: str = "INSERT", suffix: str = ""
) -> None:
    """`verb` INTO table (its keys) VALUES (its values) `suffix`, e.g. an ON CONFLICT clause."""
    names = list(values)
    conn.execute(
        f"{verb} INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))}) {suffix}",
        [values[n] for n in names],
    )
