"""What the rules read from the journal: the last HISTORY_DAYS days, and the tips silenced.

Pure: `journal` is any object that reads like the store and its repositories
(the open JournalStore, or None for no journal yet), `settings` anything with the
settings' fields; the caller passes today. Below the CLI because the check-in,
`tips`, `followup`, `pack run` and the demo all read the same way, and what
counts (a pack's safety question answered at its threshold is a "yes") is the
rules' decision, not a command's.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from resilience_cli.rules.engine import HISTORY_DAYS, RuleContext


def rule_context(journal: Any, to: dt.date, settings: Any, *, today: dt.date) -> RuleContext:
    """Read what the rules need, and no more: the last HISTORY_DAYS days."""
    since = to - dt.timedelta(days=HISTORY_DAYS)
    if journal is None:
        records, followups, safety = [], [], []
    else:
        records = journal.between(since, to)
        followups = journal.followups.since(since)
        # A pack's safety question answered at its threshold counts as a "yes".
        safety = sorted([*journal.safety_answers.since(since), *journal.safety_answers.pack_crises(since)],
                        key=lambda a: (a.date, a.created_at))
    return RuleContext(
        to=to, records=records, followups=followups, safety=safety,
        thresholds=settings.thresholds, alcohol_question=settings.alcohol_question,
        supervision=settings.supervision, today=today,
    )


def silenced(journal: Any, settings: Any) -> dict[str, dt.date]:
    """Tips silenced for a while (in the journal) and for good (in config.toml)."""
    found = dict(journal.tips.silenced()) if journal is not None else {}
    for rule in settings.silenced:
        found[rule] = dt.date.max
    return found
