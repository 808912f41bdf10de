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

# Each field, and the id of the words that name it in a bullet.
FIELDS = (("takeaway", "phonein.summary.took_away"), ("one_thing", "phonein.summary.one_thing"))


def inside(takeaways: Sequence[Takeaway], period: tuple[dt.date, dt.date]) -> list[Takeaway]:
    start, end = (d.isoformat() for d in period)
    return [t for t in takeaways if start <= t.date <= end]


def bullets(takeaways: Sequence[Takeaway], period: tuple[dt.date, dt.date],
            choices: Any) -> tuple[tuple[str, ...], tuple[Any, ...]]:
    """One bullet per phone-in (its date and the officer's words that were kept), and those words."""
    from resilience_cli.messages import _

    lines, own = [], []
    for t in inside(takeaways, period):
        day = day_words(dt.date.fromisoformat(t.date))
        parts = []
        for name, words in FIELDS:
            mine = choices.own(f"phonein:{t.date}:{name}", _("phonein.summary.which", day=day), getattr(t, name))
            if mine:
                own.append(mine)
                parts.append(_("phonein.summary.part", field=_(words), text=mine.text))
        lines.append(_("phonein.summary.bullet", day=day, parts=_("phonein.summary.parts_separator").join(parts))
                     if parts else _("phonein.summary.bullet_empty", day=day))
    return tuple(lines) or (_("phonein.summary.none"),), tuple(own)
