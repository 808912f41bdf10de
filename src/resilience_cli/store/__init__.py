"""The journal's database, and nothing else writes it.

An index, kept thin so that importing the package costs only what a command uses:

- journal: JournalStore, opening and checking the file, the check-ins, and the
  repositories of the other records attached to it (repository, safety,
  followups, reflections, tips, pack_answers, summaries, phoneins, colleagues,
  pulse), each imported when first used;
- rows, sql: the check-in's row and the one INSERT every table shares;
- migrations: the schema's history; soundness: when the whole file is checked;
- bulk: importing a validated batch; files: backup and restore; cipher and
  encryption: SQLCipher.
"""

from __future__ import annotations

from resilience_cli.store.journal import JournalStore
from resilience_cli.store.rows import utc_now

__all__ = ["JournalStore", "utc_now"]
