"""A titled box, or a heading and its text where a box would not serve.

In --plain there is no box-drawing at all: screen readers read box edges
aloud. On a terminal too narrow for the title, the title would be cut short
("Support: You don't have to carry th…"), so the box gives way to a heading.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.panel import Panel
from rich.text import Text

# A panel's title sits between "╭─ " and " ─╮".
_TITLE_ROOM = 6


class _Box:
    def __init__(self, title: str, body: RenderableType, border_style: str):
        self.title, self.body, self.border_style = title, body, border_style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[RenderableType]:
        if len(self.title) + _TITLE_ROOM > options.max_width:
            yield _heading(self.title, self.body)
        else:
            yield Panel(self.body, title=Text(self.title), title_align="left", border_style=self.border_style)


def _heading(title: str, body: RenderableType) -> RenderableType:
    return Group(Text(title, style="bold"), body, Text(""))


def box(title: str, body: RenderableType, *, plain: bool, border_style: str = "") -> RenderableType:
    if plain:
        return _heading(title, body)
    return _Box(title, body, border_style)
