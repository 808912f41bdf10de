"""What every repository of periodic records shares: its store's connection,
transactions and error handling.

Each kind of record the journal keeps besides the check-ins (safety answers,
follow-ups, reflections, tips' rests, pack answers, summaries, phone-ins,
colleagues, pulse reads) has a small repository of its own, attached to the
JournalStore as an attribute made when first used (`store.followups.since(day)`):
a new kind of record is a new module and one attribute, and a command that
never reads a kind never imports its module.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from resilience_cli.store.journal import JournalStore


class Repository:
    """One kind of record, kept through an open JournalStore."""

    def __init__(self, store: JournalStore) -> None:
        self.store = store

    @property
    def conn(self) -> sqlite3.Connection:
        return self.store.conn

    def guard(self) -> AbstractContextManager[None]:
        return self.store.guard()

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        return self.store.transaction()

