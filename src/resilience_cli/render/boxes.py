"""A titled box, or in --plain a heading and its text with no box-drawing characters."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text


def box(title: str, body: RenderableType, *, plain: bool, border_style: str = "") -> RenderableType:
    if plain:
        # Screen readers read box edges aloud, character by character.
        return Group(Text(title, style="bold"), body, Text(""))
    return Panel(body, title=Text(title), title_align="left", border_style=border_style)
