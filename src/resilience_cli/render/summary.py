"""A section of the supervision summary as the terminal previews it, before the officer keeps it.

Tables are drawn as tables (a cell wraps inside its column), never as Markdown
pipes wrapped wherever the terminal's edge falls. Every piece of text is a Rich
Text, never read as markup: a note holding "[bold]" shows as written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from resilience_cli.render.words import clean

if TYPE_CHECKING:
    from resilience_cli.report.document import Section

SHORT = 12  # a cell this long or shorter is never wrapped while there is room


def _words(words: str, style: str = "") -> Text:
    """Words as the terminal shows them: no control characters or escape sequences, never markup."""
    return Text(clean(words), style=style)


def section_preview(section: Section) -> RenderableType:
    parts: list[RenderableType] = [_words(section.title, style="bold")]
    parts += [_words(p) for p in section.paragraphs]
    if section.bullets:
        bullets = Table.grid(padding=(0, 1))
        bullets.add_column(no_wrap=True)
        bullets.add_column(overflow="fold")
        for bullet in section.bullets:
            bullets.add_row(_words("-"), _words(bullet))
        parts.append(bullets)
    if section.table:
        parts.append(_Table(section.table))
    return Group(*parts, _words(""))


class _Table:
    """A section's table at the width the terminal gives it: no word cut while the
    longest word of every column fits, each cell folded only when it cannot."""

    def __init__(self, rows: tuple[tuple[str, ...], ...]):
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        header, *rows = self.rows
        columns = list(zip(*self.rows))
        # The least each column needs: a short body cell (a date, a figure,
        # "9 Nov") whole, else its longest word; and the header's longest word
        # too when there is room for it (a narrow terminal folds the headers).
        body = [max((len(cell) if len(cell) <= SHORT else _longest_word(cell) for cell in column[1:]), default=0)
                for column in columns]
        heads = [max(b, _longest_word(title)) for b, title in zip(body, header, strict=True)]
        whole = [max(len(cell) for cell in column) for column in columns]
        room = options.max_width - 2 * (len(header) - 1)  # a space of padding and one of rule between columns
        widths: list[int | None] = [None] * len(header)
        least = heads if sum(heads) <= room else body
        if sum(least) <= room:
            # The rest of the room goes where cells are longer than that, shared
            # evenly: a column that needs little more gets all it needs first.
            wanted = [w - n for w, n in zip(whole, least, strict=True)]
            spare = room - sum(least)
            widths = list(least)
            for left, i in enumerate(sorted(range(len(header)), key=lambda i: wanted[i])):
                given = min(wanted[i], spare // (len(header) - left))
                widths[i] += given
                spare -= given
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0))
        for title, width in zip(header, widths, strict=True):
            table.add_column(_words(title), width=width, overflow="fold")
        for row in rows:
            table.add_row(*(_words(cell) for cell in row))
        yield table


def _longest_word(text: str) -> int:
    return max((len(word) for word in text.split()), default=0)
