"""The log as plain lines, with no terminal library: `resilience log` answers at once.

Rich lays a whole table out before it prints a line, and importing it is
a good part of a short command's time; these are the same columns (one space
after every cell), streamed. The narrow-terminal list is `journal.log_lines`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from resilience_cli.model import CheckIn
from resilience_cli.render.words import SKIPPED, hours

# Below this width the log is a list of lines rather than a table.
LOG_TABLE_MIN_WIDTH = 78


def sleep_cell(r: CheckIn) -> str:
    parts = []
    if r.sleep_hours is not None:
        parts.append(f"{hours(r.sleep_hours)}h")
    if r.sleep_quality is not None:
        parts.append(f"q{r.sleep_quality}")
    return " ".join(parts) or SKIPPED


def marks(r: CheckIn) -> str:
    return " ".join(m for m, on in (("hurt", r.hurt), ("note", r.note), ("raise", r.raise_at_supervision)) if on)


LOG_COLUMNS = (("Day", "left"), ("Shift", "left"), ("Incident", "left"), ("Mat.", "right"),
               ("Host.", "right"), ("Sleep", "right"), ("Mood", "right"), ("Energy", "right"), ("Off", "right"),
               ("Support", "right"), ("Also", "left"))


def _log_cells(r: CheckIn) -> tuple[str, ...]:
    # Exposure as numbers, like every other scale here: three kinds of it
    # and the rest of the day still fit 80 columns.
    return (r.date, r.shift or SKIPPED, SHORT_INCIDENT.get(r.incident, SKIPPED), num(r.material),
            num(r.interactions), sleep_cell(r),
            num(r.mood), num(r.energy), num(r.switch_off), num(r.support), marks(r))


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


SHORT_INCIDENT = {"none": "none", "minor": "minor", "significant": "sig."}
LEGEND = ("Incident: sig. is significant. Mat. (distressing material) and Host. (short for hostile or distressing "
          "interactions): 0 none to 3 a lot. Sleep: hours and quality (q, 0-10). Mood and energy 0-10; "
          "off (switching off) and support 0-4. '-' is a skipped answer. 'raise': to raise at supervision. 'hurt': assaulted or physically hurt at work.")


def num(value: Any) -> str:
    return SKIPPED if value is None else str(value)


