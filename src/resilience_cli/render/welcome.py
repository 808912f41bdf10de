"""The welcome shown before the first check-in: what this is, and is not."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text

from resilience_cli.contacts import disclaimer
from resilience_cli.messages import _
from resilience_cli.render.boxes import box


def welcome(journal_path: str, *, plain: bool = False) -> RenderableType:
    text = Text()
    text.append(_("firstrun.welcome.heading") + "\n\n", style="bold")
    commands = {"checkin": "resilience checkin", "help_now": "resilience help-now"}  # not a message: commands
    text.append(_("firstrun.welcome.text", path=journal_path, **commands) + "\n\n")
    text.append(disclaimer(), style="dim")
    return box(_("firstrun.welcome.title"), text, plain=plain)
