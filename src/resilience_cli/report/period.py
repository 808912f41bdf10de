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
                  journal.pack_answers(start), journal.followups(start),
                  journal.reflections(start - dt.timedelta(days=6)), journal.takeaways(start),
                  journal.colleague_checks())


def draft(period: Period, chosen: Choices, packs: dict | None) -> Document:
    """The document these choices make: what the officer looks over, previews and writes."""
    return build(period.records, (period.start, period.end), period.previous, chosen, packs,
                 followups=period.followups, reflections=period.reflections, phoneins=period.phoneins,
                 colleagues=period.colleagues)
