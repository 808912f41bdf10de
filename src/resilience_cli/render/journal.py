"""Rich renderables for saved check-ins: the confirmation, the log, one day in detail."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from resilience_cli.model import FIELD_SPECS, CheckIn, day_words
from resilience_cli.render.words import (
    SHORT_MATERIAL,
    SKIPPED,
    answer_words,
    clean,
    hours,
)


def confirmation(
    record: CheckIn, created: bool, averages: dict[str, float | None]
) -> RenderableType:
    """A compact, friendly confirmation, beside the user's own recent averages."""
    day = day_words(record.day)
    shift = f" ({answer_words('shift', record.shift)})" if record.shift else ""
    verb = "Saved your check-in" if created else "Updated your check-in"
    lines = [Text(f"{verb} for {day}{shift}.", style="bold")]
    parts = []
    for name, unit in (("sleep_hours", " h"), ("sleep_quality", "/10"),
                       ("mood", "/10"), ("energy", "/10")):
        value = getattr(record, name)
        if value is None:
            continue
        label = FIELD_SPECS[name].label.replace(" (hours)", "")
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


# Below this width the log is a list of lines rather than a table.
LOG_TABLE_MIN_WIDTH = 78


def _sleep_cell(r: CheckIn) -> str:
    parts = []
    if r.sleep_hours is not None:
        parts.append(f"{hours(r.sleep_hours)}h")
    if r.sleep_quality is not None:
        parts.append(f"q{r.sleep_quality}")
    return " ".join(parts) or SKIPPED


def _marks(r: CheckIn) -> str:
    return " ".join(m for m, on in (("note", r.note), ("raise", r.raise_at_supervision)) if on)


def log_lines(records: Sequence[CheckIn]) -> RenderableType:
    """The log on a narrow terminal: one line per day (the table is `log_rows`)."""
    lines = []
    for r in records:
        bits = [
            r.shift or SKIPPED,
            f"incident {r.incident or SKIPPED}",
            f"material {SKIPPED if r.material is None else SHORT_MATERIAL[r.material]}",
            f"sleep {_sleep_cell(r)}",
            f"mood {_num(r.mood)}",
            f"energy {_num(r.energy)}",
            f"off {_num(r.switch_off)}",
            f"support {_num(r.support)}",
        ]
        if _marks(r):
            bits.append(_marks(r))
        lines.append(Text(f"{r.date}  " + ", ".join(bits)))
    return Group(*lines)


LOG_COLUMNS = (("Day", "left"), ("Shift", "left"), ("Incident", "left"), ("Material", "left"),
               ("Sleep", "right"), ("Mood", "right"), ("Energy", "right"), ("Off", "right"),
               ("Support", "right"), ("Also", "left"))


def _log_cells(r: CheckIn) -> tuple[str, ...]:
    return (r.date, r.shift or SKIPPED, r.incident or SKIPPED,
            SKIPPED if r.material is None else SHORT_MATERIAL[r.material], _sleep_cell(r),
            _num(r.mood), _num(r.energy), _num(r.switch_off), _num(r.support), _marks(r))


def log_rows(records: Sequence[CheckIn]) -> tuple[str, list[str]]:
    """The log table as plain lines, streamed rather than laid out by Rich.

    Rich lays a whole table out before it prints a line: 36,500 rows took
    about 50 s. These are the same lines (one space after every cell), for a
    fraction of the cost. Returns (header, rows).
    """
    cells = [_log_cells(r) for r in records]
    widths = [len(name) for name, _ in LOG_COLUMNS]
    for row in cells:
        for i, cell in enumerate(row):
            if len(cell) > widths[i]:
                widths[i] = len(cell)

    def line(row: Sequence[str]) -> str:
        return "".join((cell.ljust(w) if justify == "left" else cell.rjust(w)) + " "
                       for cell, w, (_, justify) in zip(row, widths, LOG_COLUMNS, strict=True))

    return line([name for name, _ in LOG_COLUMNS]), [line(row) for row in cells]


def log_legend() -> Text:
    return Text(
        "Sleep: hours and quality (q, 0-10). Mood and energy 0-10; off (switching off) "
        "and support 0-4. '-' is a skipped answer. 'raise': to raise at supervision.",
        style="dim",
    )


def _num(value: Any) -> str:
    return SKIPPED if value is None else str(value)


def detail(record: CheckIn, turned_off: Sequence[str] = ()) -> RenderableType:
    """Every answer of one day, in words.

    A question that was not asked (turned off in the settings, or not asked
    on a day like this: work questions on a rest day) is left out when it has
    no answer: "skipped" would say the person passed over it.
    """
    from resilience_cli.model import not_asked

    hidden = set(turned_off) | not_asked(record)
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for name, spec in FIELD_SPECS.items():
        if name in ("note", "talking_point", "alcohol_units"):
            continue
        if name in hidden and getattr(record, name) is None:
            continue
        table.add_row(spec.label.capitalize(), answer_words(name, getattr(record, name)))
    if record.alcohol_units is not None:
        table.add_row("Alcohol", answer_words("alcohol_units", record.alcohol_units))
    # The user's own words: shown as written, never read as markup, with
    # control characters (terminal escape sequences) taken out.
    if record.talking_point:
        table.add_row("Talking point", Text(clean(record.talking_point)))
    if record.note:
        table.add_row("Private note", Text(clean(record.note)))
    return Panel(table, title=day_words(record.day), title_align="left", expand=False)
