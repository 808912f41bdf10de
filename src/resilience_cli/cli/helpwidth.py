"""`--help` fitted to the terminal: every line within its width, broken between words.

Click sets a floor of 50 columns under its help (on a 40-column terminal
every line ran past the edge and the terminal broke it mid-word), leaves the
examples' lines unwrapped, and breaks words longer than an option's column.
This formatter takes the terminal's own width, however narrow, and never
splits a word: a line too long for the width is broken at a space, its
continuation indented under it.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Sequence
from typing import Any

try:  # Typer 0.26+ carries its own copy of Click.
    from typer._click.core import Context
    from typer._click.formatting import HelpFormatter
    from typer._click.utils import make_default_short_help
except ImportError:  # pragma: no cover - older Typer uses Click itself
    from click.core import Context
    from click.formatting import HelpFormatter
    from click.utils import make_default_short_help

NARROWEST = 20
WIDEST = 78  # Click's own: 80 columns less two


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    return textwrap.wrap(text, width=max(width, len(rest) + 8), initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False) or [first.rstrip()]


class FittedHelpFormatter(HelpFormatter):
    def __init__(self, indent_increment: int = 2, width: int | None = None, max_width: int | None = None) -> None:
        if width is None:
            width = max(min(shutil.get_terminal_size().columns - 2, max_width or WIDEST), NARROWEST)
        super().__init__(indent_increment, width, max_width)

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        first = f"{' ' * self.current_indent}{'Usage: ' if prefix is None else prefix}{prog} "
        self.write("\n".join(_wrap(args, self.width, first, " " * (self.current_indent + 4))) + "\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        """Options and commands: the names' column a third of the width at most on a narrow terminal."""
        if self.width < 60:
            col_max = min(col_max, max(self.width // 3, 8))
        first_col = min(max((len(first) for first, _ in rows), default=0), col_max) + col_spacing
        indent = " " * self.current_indent
        hang = " " * (self.current_indent + first_col)
        for first, second in rows:
            if not second:
                self.write(f"{indent}{first}\n")
                continue
            if len(first) <= first_col - col_spacing:
                lead = f"{indent}{first}".ljust(len(hang))
            else:  # a long name on its own line(s), its words under it
                for line in _wrap(first, self.width, indent, indent + "  "):
                    self.write(line + "\n")
                lead = hang
            self.write("\n".join(_wrap(" ".join(second.split()), self.width, lead, hang)) + "\n")

    def getvalue(self) -> str:
        """Every line within the width: the examples' lines too, broken at a space."""
        out = []
        for line in super().getvalue().split("\n"):
            if len(line) <= self.width:
                out.append(line)
                continue
            indent = " " * (len(line) - len(line.lstrip()))
            out.extend(_wrap(line.strip(), self.width, indent, indent + "  "))
        return "\n".join(out)


class FittedContext(Context):
    formatter_class = FittedHelpFormatter


def fit_help(command: Any) -> Any:
    """The command, and every command under it, with help fitted to the terminal."""
    command.context_class = FittedContext
    for sub in getattr(command, "commands", {}).values():
        if not sub.short_help and sub.help:
            # The listing's line in full (its first sentence): Click would cut it to the
            # width left, mid-phrase ("Run a pack's...").
            sub.short_help = make_default_short_help(sub.help, 1000)
        fit_help(sub)
    return command
