"""What the summary reads from the journal for its period, and the document a set of choices makes of it.

Below the CLI so that `summary` and `demo` read and build the same way; the
command parses the dates, asks and writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from resilience_cli.report.document import Choices, Document, build


@dataclass(frozen=True)
class Period:
    """What the summary reads from the journal: its period, the last summary, and the records
    (check-ins reaching one period further back, for the arrows)."""

    start: dt.date
    end: dt.date
    previous: Any
    records: list
    pack_answers: list
    followups: list
    reflections: list
    phoneins: list = ()  # type: ignore[assignment]
    colleagues: list = ()  # type: ignore[assignment]


def read(journal: Any, start: dt.date, end: dt.date, previous: Any) -> Period:
    """The records the summary of start..end needs, from an open journal."""
    days = (end - start).days + 1
    return Period(start, end, previous, journal.between(start - dt.timedelta(days=days), end),
                  journal.pack_answers.since(start), journal.followups.since(start),
                  journal.reflections.since(start - dt.timedelta(days=6)), journal.phoneins.takeaways(start),
                  journal.colleagues.all())


def draft(period: Period, chosen: Choices, packs: dict | None) -> Document:
    """The document these choices make: what the officer looks over, previews and writes."""
    return build(period.records, (period.start, period.end), period.previous, chosen, packs,
                 followups=period.followups, reflections=period.reflections, phoneins=period.phoneins,
                 colleagues=period.colleagues)


def to_remember(doc: Document, choices: Choices, *, id: str, created_at: str):
    """What the next summary starts from: this one's period, its requests, and the actions
    (last time's with their status now, and new ones "to discuss" until agreed at a later review)."""
    from resilience_cli.supervision import TO_DISCUSS, Action, PastSummary

    actions = (*choices.progress, *(Action(text, TO_DISCUSS) for text in choices.new_actions))
    return PastSummary(id=id, created_at=created_at, period_from=doc.period_from.isoformat(),
                       period_to=doc.period_to.isoformat(), requests=choices.requests,
                       request_other=choices.request_other, actions=actions)
