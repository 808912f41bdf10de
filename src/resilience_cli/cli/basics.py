"""`status`, `help-now`, `where`, and what bare `resilience` shows."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from resilience_cli.cli import common, quick
from resilience_cli.cli.helpnow import show_help_now
from resilience_cli.cli.options import TextOrJson, TextOrJsonOpt
from resilience_cli.config import paths


def status(
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing when today is checked in and no reminder about a colleague is due.")] = False,
) -> None:
    """Say in one line whether today has a check-in (for a shell start-up file).

    \b
    Example:
      resilience status --quiet   # in ~/.bashrc: a nudge only when it helps
    """
    quick.status(quiet)


def overview() -> None:
    """Bare `resilience`: today's status and the next useful command."""
    if not paths().database.exists():
        from resilience_cli.render.welcome import welcome

        common.console().print(welcome(str(paths().database), plain=common.plain_mode()))
        return
    done, followup, nudges = quick.today_at_a_glance()
    then = f" {followup}" if followup else ""
    if done is None:
        print("Your journal is encrypted. Check in: resilience checkin")
    elif done:
        print(f"{quick.CHECKED_IN}{then or ' See your recent days: resilience log'}")
    else:
        print(f"{quick.NOT_YET} Check in: resilience checkin" + (f".{then}" if then else ""))
    for line in nudges:  # due reminders to look out for a colleague, as in `status`
        print(line)
    print("Need help now: resilience help-now. All commands: resilience --help")


def help_now(
    plain: Annotated[bool, typer.Option("--plain", help="Text only: no colour or boxes.")] = False,
) -> None:
    """Show support and crisis contacts. Works with no journal at all.

    \b
    Examples:
      resilience help-now
      resilience sos
    """
    show_help_now(plain=plain or common.plain_mode())


def where(
    format_: TextOrJsonOpt = TextOrJson.text,
) -> None:
    """Show where the journal and settings live.

    \b
    Example:
      resilience where
    """
    p = paths()
    info = {
        "data_dir": str(p.data_dir),
        "journal": str(p.database),
        "journal_exists": p.database.exists(),
        "config_file": str(p.config_file),
        "config_exists": p.config_file.exists(),
        "from": "RESILIENCE_HOME" if p.from_env else "platform default",
    }
    if format_ is TextOrJson.json:
        common.machine_output(json.dumps(info, indent=2, allow_nan=False) + "\n")
        return
    journal_state = "" if info["journal_exists"] else "  (not created yet)"
    config_state = "" if info["config_exists"] else "  (not created; defaults in use)"
    print(f"Journal:   {info['journal']}{journal_state}")
    print(f"Settings:  {info['config_file']}{config_state}")
    print(f"Folder:    {info['data_dir']}  (from {info['from']})")
