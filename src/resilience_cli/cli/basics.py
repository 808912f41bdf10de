"""`status`, `help-now`, `where`, and what bare `resilience` shows."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from resilience_cli.cli import common, quick
from resilience_cli.cli.helpnow import show_help_now
from resilience_cli.cli.options import TextOrJson, TextOrJsonOpt
from resilience_cli.config import paths
from resilience_cli.messages import _


def status(
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=_("status.option.quiet"))] = False,
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
    checkin = quick.CHECKIN
    if done is None:
        print(_("status.overview.encrypted", command=checkin))
    elif done:
        print(_("status.checked_in_followup", followup=followup) if followup else
              _("status.overview.checked_in", command="resilience log"))  # not a message: a command
    elif followup:
        print(_("status.overview.not_yet_followup", command=checkin, followup=followup))
    else:
        print(_("status.overview.not_yet", command=checkin))
    for line in nudges:  # due reminders to look out for a colleague, as in `status`
        print(line)
    print(_("status.overview.help", help_now="resilience help-now", help="resilience --help"))  # not a message: commands


def help_now(
    plain: Annotated[bool, typer.Option("--plain", help=_("help.option.plain"))] = False,
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
        "from": "RESILIENCE_HOME" if p.from_env else "platform default",  # not a message: JSON's own value
    }
    if format_ is TextOrJson.json:
        common.machine_output(json.dumps(info, indent=2, allow_nan=False) + "\n")
        return
    journal_state = "" if info["journal_exists"] else _("status.where.journal_missing")
    config_state = "" if info["config_exists"] else _("status.where.config_missing")
    origin = "RESILIENCE_HOME" if p.from_env else _("status.where.platform_default")
    print(_("status.where.journal", path=info["journal"], state=journal_state))
    print(_("status.where.settings", path=info["config_file"], state=config_state))
    print(_("status.where.folder", path=info["data_dir"], origin=origin))
