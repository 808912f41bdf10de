"""Rich renderables for the terminal: confirmations, tables, detail views, help boxes.

Meaning is never carried by colour alone: every styled thing also has words.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from resilience_cli.contacts import DISCLAIMER, Contacts
from resilience_cli.model import FIELD_SPECS, CheckIn, day_words

SKIPPED = "-"

# Compact words for table cells.
_SHORT_MATERIAL = {0: "none", 1: "little", 2: "some", 3: "a lot"}


def answer_words(name: str, value: Any) -> str:
    """An answer in plain words, for people to read."""
    if value is None:
        return "skipped"
    spec = FIELD_SPECS[name]
    if spec.kind == "bool":
        return "yes" if value else "no"
    if spec.kind == "list":
        if not value:
            return "nothing today"
        return ", ".join(spec.words.get(v, v) for v in value)
    if name == "sleep_hours":
        return f"{hours(value)} hours"
    if name == "alcohol_units":
        return f"{value:g} units"
    if spec.kind == "int":
        words = spec.words.get(value)
        if name == "material":
            return words or str(value)
        scale = f"{value} of {int(spec.high)}"  # type: ignore[arg-type]
        return f"{scale} ({words})" if words else scale
    if spec.kind == "choice":
        return spec.words.get(value, value)
    return str(value)


def hours(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


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


def log_view(records: Sequence[CheckIn], width: int) -> RenderableType:
    """The log: a table where it fits, otherwise one line per day."""
    if width >= LOG_TABLE_MIN_WIDTH:
        return log_table(records)
    lines = []
    for r in records:
        bits = [
            r.shift or SKIPPED,
            f"incident {r.incident or SKIPPED}",
            f"material {SKIPPED if r.material is None else _SHORT_MATERIAL[r.material]}",
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


def log_table(records: Sequence[CheckIn]) -> Table:
    table = Table(box=None, padding=(0, 1, 0, 0), header_style="bold underline")
    for name, justify in (("Day", "left"), ("Shift", "left"), ("Incident", "left"),
                          ("Material", "left"), ("Sleep", "right"), ("Mood", "right"),
                          ("Energy", "right"), ("Off", "right"), ("Support", "right")):
        table.add_column(name, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    table.add_column("Also", overflow="fold")
    for r in records:
        table.add_row(
            r.date,
            r.shift or SKIPPED,
            r.incident or SKIPPED,
            SKIPPED if r.material is None else _SHORT_MATERIAL[r.material],
            _sleep_cell(r),
            _num(r.mood),
            _num(r.energy),
            _num(r.switch_off),
            _num(r.support),
            _marks(r),
        )
    return table


def log_legend() -> Text:
    return Text(
        "Sleep: hours and quality (q, 0-10). Mood and energy 0-10; off (switching off) "
        "and support 0-4. '-' is a skipped answer. 'raise': to raise at supervision.",
        style="dim",
    )


def _num(value: Any) -> str:
    return SKIPPED if value is None else str(value)


def detail(record: CheckIn) -> RenderableType:
    """Every answer of one day, in words."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for name, spec in FIELD_SPECS.items():
        if name in ("note", "talking_point", "alcohol_units"):
            continue
        table.add_row(spec.label.capitalize(), answer_words(name, getattr(record, name)))
    if record.alcohol_units is not None:
        table.add_row("Alcohol", answer_words("alcohol_units", record.alcohol_units))
    if record.talking_point:
        table.add_row("Talking point", record.talking_point)
    if record.note:
        table.add_row("Private note", record.note)
    return Panel(table, title=day_words(record.day), title_align="left", expand=False)


def help_now(contacts: Contacts) -> RenderableType:
    crisis = Table.grid(padding=(0, 2))
    crisis.add_column(style="bold", no_wrap=True)
    crisis.add_column()
    for c in contacts.crisis:
        crisis.add_row(c.name, f"{c.how}: {c.when}")
    support = Table.grid(padding=(0, 2))
    support.add_column(style="bold", no_wrap=True)
    support.add_column()
    for c in contacts.support:
        support.add_row(c.name, f"{c.how}: {c.when}")
    return Group(
        Panel(
            Group(
                Text("If you are struggling right now, you don't have to carry this alone."),
                Text(""),
                crisis,
                Text(""),
                Text("If you can, tell someone you trust how you are feeling."),
            ),
            title="Help now",
            title_align="left",
        ),
        Text(""),
        Text("Other support", style="bold"),
        support,
        Text(""),
        Text(DISCLAIMER, style="dim"),
    )
