"""Rich renderables for saved check-ins: the confirmation, the log, one day in detail."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from resilience_cli.model import FIELD_SPECS, CheckIn, day_words
from resilience_cli.render.logtable import marks, num, sleep_cell
from resilience_cli.render.words import (
    SHORT_MATERIAL,
    SKIPPED,
    answer_words,
    clean,
    hours,
)


def _short(name: str) -> str:
    from resilience_cli.messages import _

    return _(f"answers.short.{name}")


def confirmation(
    record: CheckIn, created: bool, averages: dict[str, float | None], headline: str | None = None
) -> RenderableType:
    """A compact, friendly confirmation, beside the user's own recent averages.

    `headline`, for an amendment: what it changed, answer by answer (render.changes).
    """
    day = day_words(record.day)
    shift = f" ({answer_words('shift', record.shift)})" if record.shift else ""
    verb = "Saved your check-in" if created else "Updated your check-in"
    lines = [Text(headline or f"{verb} for {day}{shift}.", style="bold")]
    parts = []
    for name, unit in (("sleep_hours", " h"), ("sleep_quality", "/10"),
                       ("mood", "/10"), ("energy", "/10")):
        value = getattr(record, name)
        if value is None:
            continue
        # Its own short words ("sleep 6.5 h"), not the label: no question words are read to say Saved.
        label = _short(name)
        shown = hours(value) if name == "sleep_hours" else str(value)
        piece = f"{label} {shown}{unit}"
        average = averages.get(name)
        if average is not None:
            avg = hours(round(average, 1)) if name == "sleep_hours" else f"{average:.1f}"
            piece += f" (your 4-week average {avg})"
        parts.append(piece)
    if parts:
        lines.append(Text("  " + "; ".join(parts) + "."))
    if all(v is None for v in record.answers().values()):
        lines.append(Text("Every question was skipped."))
        lines.append(Text(f"To add answers later: resilience edit {record.date}"))
    if record.raise_at_supervision:
        lines.append(Text("  Marked to raise at supervision."))
    return Group(*lines)


def log_lines(records: Sequence[CheckIn]) -> RenderableType:
    """The log on a narrow terminal: one line per day (the table is `log_rows`)."""
    lines = []
    for r in records:
        bits = [
            r.shift or SKIPPED,
            f"incident {r.incident or SKIPPED}",
            f"material {SKIPPED if r.material is None else SHORT_MATERIAL[r.material]}",
            f"host. {SKIPPED if r.interactions is None else SHORT_MATERIAL[r.interactions]}",
            f"sleep {sleep_cell(r)}",
            f"mood {num(r.mood)}",
            f"energy {num(r.energy)}",
            f"off {num(r.switch_off)}",
            f"support {num(r.support)}",
        ]
        if marks(r):
            bits.append(marks(r))
        lines.append(Text(f"{r.date}  " + ", ".join(bits)))
    return Group(*lines)


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
        table.add_row(spec.label.capitalize(), answer_words(name, getattr(record, name)))
    # Optional amounts (alcohol) after the day's answers, and only when given.
    for name, spec in FIELD_SPECS.items():
        if spec.setting and spec.unit and getattr(record, name) is not None:
            table.add_row((spec.trend_label or spec.label).capitalize(), answer_words(name, getattr(record, name)))
    # The user's own words: shown as written, never read as markup, with
    # control characters (terminal escape sequences) taken out.
    if record.talking_point:
        table.add_row("Talking point", Text(clean(record.talking_point)))
    if record.note:
        table.add_row("Private note", Text(clean(record.note)))
    return Panel(table, title=day_words(record.day), title_align="left", expand=False)
