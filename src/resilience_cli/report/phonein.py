"""Pure: the summary's optional phone-in section (`--include phonein`).

Only the officer's own takeaways and their dates: never the private
preparation, never anything about anyone else on a call. Every line goes
through the identifier check with the rest of the officer's words (see
`shared`), and a line held back there is left out here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from resilience_cli.model import clean_text, day_words
from resilience_cli.phonein import Takeaway

FIELDS = (("takeaway", "what I took away"), ("one_thing", "one thing I'll do"))


def inside(takeaways: Sequence[Takeaway], period: tuple[dt.date, dt.date]) -> list[Takeaway]:
    start, end = (d.isoformat() for d in period)
    return [t for t in takeaways if start <= t.date <= end]


def shared(takeaways: Sequence[Takeaway], period: tuple[dt.date, dt.date]) -> list[tuple[str, dt.date, str]]:
    """(key, day, words) for each line that would be shared: what the identifier check looks over."""
    return [(f"phonein:{t.date}:{name}", dt.date.fromisoformat(t.date), getattr(t, name))
            for t in inside(takeaways, period) for name, _ in FIELDS if getattr(t, name)]


def bullets(takeaways: Sequence[Takeaway], period: tuple[dt.date, dt.date], choices: Any) -> tuple[str, ...]:
    """One bullet per phone-in: its date, and the officer's words that were kept."""
    out = []
    for t in inside(takeaways, period):
        parts = []
        for name, words in FIELDS:
            key = f"phonein:{t.date}:{name}"
            text = choices.edited(key, getattr(t, name))
            if text and key not in choices.left_out:
                parts.append(f"{words}: {clean_text(text)}")
        day = day_words(dt.date.fromisoformat(t.date))
        out.append(f"Phone-in on {day}: " + "; ".join(parts) if parts else f"Phone-in on {day}.")
    return tuple(out) or ("No phone-in takeaways in this period.",)
