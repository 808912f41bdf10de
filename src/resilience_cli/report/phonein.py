"""Pure: the summary's optional phone-in section (`--include phonein`).

Only the officer's own takeaways and their dates: never the private
preparation, never anything about anyone else on a call. Every line goes
through the identifier check with the rest of the officer's words (each
is listed in the section's `own`), and a line held back there is left out here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from resilience_cli.model import day_words
from resilience_cli.phonein import Takeaway

FIELDS = (("takeaway", "what I took away"), ("one_thing", "one thing I'll do"))


def inside(takeaways: Sequence[Takeaway], period: tuple[dt.date, dt.date]) -> list[Takeaway]:
    start, end = (d.isoformat() for d in period)
    return [t for t in takeaways if start <= t.date <= end]


def bullets(takeaways: Sequence[Takeaway], period: tuple[dt.date, dt.date],
            choices: Any) -> tuple[tuple[str, ...], tuple[Any, ...]]:
    """One bullet per phone-in (its date and the officer's words that were kept), and those words."""
    lines, own = [], []
    for t in inside(takeaways, period):
        day = day_words(dt.date.fromisoformat(t.date))
        parts = []
        for name, words in FIELDS:
            mine = choices.own(f"phonein:{t.date}:{name}", f"The phone-in takeaway from {day}", getattr(t, name))
            if mine:
                own.append(mine)
                parts.append(f"{words}: {mine.text}")
        lines.append(f"Phone-in on {day}: " + "; ".join(parts) if parts else f"Phone-in on {day}.")
    return tuple(lines) or ("No phone-in takeaways in this period.",), tuple(own)
