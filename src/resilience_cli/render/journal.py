"""Rich renderables for saved check-ins: the log, one day in detail (the check-in's
confirmation is render/confirmation.py)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from resilience_cli.messages import _, first_upper
from resilience_cli.model import FIELD_SPECS, CheckIn, day_words
from resilience_cli.render.words import answer_words, clean

def log_lines(records: Sequence[CheckIn]) -> RenderableType:
    """The log on a narrow terminal: one line per day (the table is `logtable.log_rows`)."""
    from resilience_cli.render import logtable

    return Group(*(Text(line) for line in logtable.log_lines(records)))


def show_label(name: str) -> str:
    """An answer's name in `show`: its label ('Sleep quality'), or an optional amount's row
    label ('Alcohol'), in the language spoken."""
    spec = FIELD_SPECS[name]  # both already in the language spoken (the question catalogue's)
    return first_upper((spec.trend_label or spec.label) if spec.setting and spec.unit else spec.label)


def detail(record: CheckIn, turned_off: Sequence[str] = ()) -> RenderableType:
    """Every answer of one day, in words.

    A question that was not asked (turned off in the settings, or not asked
    on a day like this: work questions on a rest day) is left out when it has
    no answer: "skipped" would say the person passed over it.
    """
    from resilience_cli.model import not_asked

    hidden = set(turned_off) | not_asked(record)
    from rich.table import Table  # here: the check-in's confirmation needs no table

    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for name, spec in FIELD_SPECS.items():
        if name in ("note", "talking_point") or (spec.setting and spec.unit):
            continue
        if name in hidden and getattr(record, name) is None:
            continue
        table.add_row(show_label(name), answer_words(name, getattr(record, name)))
    # Optional amounts (alcohol) after the day's answers, and only when given.
    for name, spec in FIELD_SPECS.items():
        if spec.setting and spec.unit and getattr(record, name) is not None:
            table.add_row(show_label(name), answer_words(name, getattr(record, name)))
    # The user's own words: shown as written, never read as markup, with
    # control characters (terminal escape sequences) taken out.
    if record.talking_point:
        table.add_row(_("journal.show.talking_point"), Text(clean(record.talking_point)))
    if record.note:
        table.add_row(_("journal.show.note"), Text(clean(record.note)))
    return Panel(table, title=day_words(record.day), title_align="left", expand=False)
