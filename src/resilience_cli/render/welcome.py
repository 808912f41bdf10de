"""The welcome shown before the first check-in: what this is, and is not."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text

from resilience_cli.contacts import DISCLAIMER
from resilience_cli.render.boxes import box


def welcome(journal_path: str, *, plain: bool = False) -> RenderableType:
    text = Text()
    text.append("Welcome to resilience.\n\n", style="bold")
    text.append(
        "A minute a day on exposure, sleep, switching off and support, so that you can see "
        "your own pattern, get a nudge when it matters, and take an honest summary into "
        "supervision.\n\n"
        f"Your journal will live at {journal_path}, a file only your user account can open "
        "(and whoever administers this computer). It never leaves this computer unless you "
        "write it out yourself, and nobody is told what you write.\n\n"
        "Check in with: resilience checkin     Help now: resilience help-now\n\n"
    )
    text.append(DISCLAIMER, style="dim")
    return box("First time here", text, plain=plain)
