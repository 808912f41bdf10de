"""The log as plain lines, with no terminal library: `resilience log` answers at once.

Rich lays a whole table out before it prints a line, and importing it is
a good part of a short command's time; these are the same columns (one space
after every cell), streamed. The narrow-terminal list is `journal.log_lines`.

The columns are the question catalogue's: every answer whose FieldSpec has
`log`, in ORDER and then the catalogue's, its heading and narrow line in
journal.po, with a cell made from its kind (a number, a choice, yes or no). Only the cells laid out differently are named
here: an incident in short words, sleep's hours and quality in one column,
and the marks of the last column.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from resilience_cli.model import FIELD_SPECS, CheckIn
from resilience_cli.render.words import SHORT_MATERIAL, SKIPPED, hours

# Below this width the log is a list of lines rather than a table.
LOG_TABLE_MIN_WIDTH = 78
# The last column's marks: an answer that is there ("hurt"), and its mark's id.
MARKS = (("hurt", "journal.log.mark.hurt"), ("note", "journal.log.mark.note"),
         ("raise_at_supervision", "journal.log.mark.raise"))


# The columns in the order people read them (the day's answers, then how they
# are); any other answer with a heading (FieldSpec.log) follows, in the catalogue's order.
ORDER = ("shift", "incident", "material", "interactions", "sleep_hours", "mood", "energy", "switch_off", "support")


def logged() -> tuple[str, ...]:
    """The answers with a column in the log (FieldSpec.log), in ORDER and then the catalogue's."""
    first = [n for n in ORDER if FIELD_SPECS[n].log]
    return (*first, *(n for n, s in FIELD_SPECS.items() if s.log and n not in ORDER))


def heading(name: str) -> str:
    """An answer's short heading in the log table ('Mat.'), in the language spoken."""
    from resilience_cli.messages import _

    return _(f"journal.log.heading.{name}")


def line_words(name: str) -> str:
    """An answer on a narrow terminal's line, {value} where its value goes ('material {value}')."""
    from resilience_cli.messages import _

    return _(f"journal.log.line.{name}")


def choice_words(name: str, value: str) -> str:
    """A choice as the log shows it: its value ('night'), in the language spoken."""
    from resilience_cli.messages import data

    return data(f"journal.log.choice.{name}.{value}", value)


def level_words(level: int) -> str:
    """An exposure's level in a narrow line's short words ('little'), in the language spoken."""
    return SHORT_MATERIAL[level]


def texts() -> list[tuple[str, str]]:
    """(id, English) of the question catalogue's words the log shows (tools/catalogues.py)."""
    # The headings and narrow lines are journal.po's (journal.log.heading.NAME, .line.NAME).
    out = [(f"journal.log.choice.{n}.{c}", c) for n in logged() for c in FIELD_SPECS[n].choices]
    return out


class _Words:
    """The words every row uses, looked up once per log rather than once per cell."""

    def __init__(self) -> None:
        from resilience_cli.messages import _

        self.hours = _("journal.log.sleep_hours")
        self.quality = _("journal.log.sleep_quality")
        self.yes, self.no = _("journal.log.yes"), _("journal.log.no")
        self.incident = {v: _(f"journal.log.incident.{v}") for v in FIELD_SPECS["incident"].choices}
        self.marks = tuple((name, _(key)) for name, key in MARKS)


def sleep_cell(r: CheckIn, words: _Words | None = None) -> str:
    words = words or _Words()
    parts = []
    if r.sleep_hours is not None:
        parts.append(words.hours.format(hours=hours(r.sleep_hours)))
    if r.sleep_quality is not None:
        parts.append(words.quality.format(quality=r.sleep_quality))
    return " ".join(parts) or SKIPPED


def marks(r: CheckIn, words: _Words | None = None) -> str:
    words = words or _Words()
    return " ".join(mark for name, mark in words.marks if getattr(r, name))


def _cell(name: str, words: _Words, *, narrow: bool = False) -> Callable[[CheckIn], str]:
    """How one answer's cell is made: by the catalogue's kind, unless laid out here."""
    spec = FIELD_SPECS[name]
    if name == "sleep_hours":  # with its quality: "7.25h q8"
        return lambda r: sleep_cell(r, words)
    if name == "incident" and not narrow:  # short words keep the table in 80 columns
        return lambda r: SKIPPED if r.incident is None else words.incident[r.incident]
    if spec.kind == "int" and (spec.low, spec.high) == (0, 3) and narrow:  # an exposure's level, in words
        return lambda r: SKIPPED if (v := getattr(r, name)) is None else level_words(v)
    if spec.kind == "choice":
        return lambda r: SKIPPED if (v := getattr(r, name)) is None else choice_words(name, v)
    if spec.kind == "bool":
        return lambda r: SKIPPED if (v := getattr(r, name)) is None else (words.yes if v else words.no)
    return lambda r: num(getattr(r, name))


def log_rows(records: Sequence[CheckIn]) -> tuple[str, list[str]]:
    """The log table as plain lines, streamed rather than laid out by Rich.

    Rich lays a whole table out before it prints a line: 36,500 rows took
    about 50 s. These are the same lines (one space after every cell), for a
    fraction of the cost. Returns (header, rows).
    """
    from resilience_cli.messages import _

    words = _Words()
    names = logged()
    cells_of = [_cell(name, words) for name in names]
    # Exposure as numbers, like every other scale here: three kinds of it
    # and the rest of the day still fit 80 columns.
    cells = [(r.date, *(cell(r) for cell in cells_of), marks(r, words)) for r in records]
    headings = [_("journal.log.heading.day"), *(heading(n) for n in names), _("journal.log.heading.also")]
    # Words to the left, numbers (and the marks' words) as the catalogue's kinds say.
    justify = ["left", *("right" if FIELD_SPECS[n].kind in ("int", "number") else "left" for n in names), "left"]
    widths = [len(name) for name in headings]
    for row in cells:
        for i, cell in enumerate(row):
            if len(cell) > widths[i]:
                widths[i] = len(cell)

    def line(row: Sequence[str]) -> str:
        return "".join((cell.ljust(w) if side == "left" else cell.rjust(w)) + " "
                       for cell, w, side in zip(row, widths, justify, strict=True))

    return line(headings), [line(row) for row in cells]


def log_lines(records: Sequence[CheckIn]) -> list[str]:
    """The log on a narrow terminal, a line a day: 'night, incident -, material little, ... mood 4'."""
    words = _Words()
    names = logged()
    cells_of = [_cell(name, words, narrow=True) for name in names]
    said = [line_words(name) for name in names]
    out = []
    for r in records:
        bits = [shape.format(value=cell(r)) for shape, cell in zip(said, cells_of, strict=True)]
        also = marks(r, words)
        if also:
            bits.append(also)
        out.append(f"{r.date}  " + ", ".join(bits))
    return out


def legend() -> str:
    """What the log's short headings and marks mean."""
    from resilience_cli.messages import _

    return _("journal.log.legend")


def num(value: Any) -> str:
    return SKIPPED if value is None else str(value)
