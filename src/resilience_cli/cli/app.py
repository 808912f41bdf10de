"""The Typer application: global options and the list of commands."""

from __future__ import annotations

import copy
import importlib
import os
from typing import Annotated

import typer

# Only the module of the command being run is imported (see `command`): the
# others cost about 11 ms of every run's start-up.
from resilience_cli.cli import context, quick

try:  # Typer 0.26+ carries its own copy of Click.
    from typer._click.exceptions import ClickException
except ImportError:  # pragma: no cover - older Typer uses Click itself
    from click.exceptions import ClickException  # noqa: F401 - re-exported for cli.run

# Click turns Ctrl-C during parsing or a prompt into Abort.
Abort = typer.Abort

HELP = (
    "A private check-in journal for people whose work brings them close to trauma.\n\n"
    "Check in once a day in about a minute; see your pattern; take a summary to "
    "supervision. Everything stays on this computer.\n\n"
    "resilience is a personal reflection tool, not a medical device: it does not "
    "diagnose or treat anything, and nobody monitors it. If you need help now: "
    "resilience help-now (it lists the urgent mental health line for each UK nation), "
    "or call 999 in an emergency, Samaritans on 116 123 (free, 24/7), or text SHOUT to 85258."
)

app = typer.Typer(
    name="resilience",
    help=HELP,
    add_completion=True,
    # Our own handler in cli/__init__.py reports errors; Typer's would show
    # local variables, which may hold a journal entry.
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        quick.version()
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True,
                           help="Show the version and exit.")
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback when something goes wrong.")
    ] = False,
    plain: Annotated[
        bool, typer.Option("--plain", help="Text only: no colour, boxes, arrows or bars (for screen readers).")
    ] = False,
    lang: Annotated[
        str, typer.Option("--lang", metavar="LANGUAGE",
                          help="The language resilience speaks: en (English) is the only one so far; or set [display] language.")
    ] = "en",
) -> None:
    context.current().plain = plain
    if ctx.invoked_subcommand is None:
        from resilience_cli.cli import basics

        basics.overview()


# Name, function, and the one line `resilience --help` shows (Click would cut
# the docstrings' first lines at 45 characters, mid-phrase). The function is
# "module:function" in resilience_cli.cli, imported only when that command
# runs, or the function itself.
COMMANDS = (
    ("checkin", "checkin:checkin", "Check in for today (or amend a day): about a minute."),
    ("help-now", "basics:help_now", "Support and crisis contacts, any time."),
    ("routes", "routes:routes", "Support routes for your work: who runs each, who is told."),
    ("edit", "checkin:edit", "Amend a day's check-in, question by question."),
    ("log", "journal:log", "List recent check-ins (table, JSON or CSV)."),
    ("show", "journal:show", "Every answer of one day, with its note."),
    ("delete", "journal:delete", "Delete one day's check-in."),
    ("trends", "trends:trends", "Your pattern against your own baseline."),
    ("tips", "tips:tips", "Tips and signposts for your recent pattern."),
    ("summary", "summary:summary", "Write a summary to take into supervision."),
    ("reflect", "tips:reflect", "This week's two-minute reflection."),
    ("followup", "tips:followup", "Answer a due follow-up after an incident."),
    ("config", "settings:config", "Your settings and where each comes from."),
    ("contacts", "contacts:contacts", "Your own numbers and service, shown first in help."),
    ("export", "data:export", "Write out every record (JSON, JSONL, CSV)."),
    ("import", "data:import_", "Bring records back, or from Daylio or jrnl."),
    ("backup", "data:backup", "Make a consistent copy of your journal."),
    ("restore", "data:restore", "Replace your journal with a checked backup."),
    ("privacy", "data:privacy", "Where your data lives and who can read it."),
    ("encrypt", "data:encrypt", "Encrypt your journal with a passphrase."),
    ("decrypt", "data:decrypt", "Turn an encrypted journal back into a plain one."),
    ("passphrase", "data:passphrase", "Change an encrypted journal's passphrase."),
    ("remind", "everyday:remind", "Snippets for reminders that fit your shifts."),
    ("demo", "everyday:demo", "See everything on six months of made-up data."),
    ("status", "basics:status", "One line: has today been checked in?"),
    ("where", "basics:where", "Where your journal and settings live."),
)
# Groups of commands: name, and their Typer app as "module:app" (or the app itself).
GROUPS = (
    ("pack", "packs:app"),
    ("phonein", "phonein:app"),
    ("colleague", "colleague:app"),
    ("pulse", "pulse:app"),
)


def _not_loaded() -> None:
    """Stands in for a command's function until that command runs (see `command`)."""


for name, function, short in COMMANDS:
    app.command(name, short_help=short)(function if callable(function) else _not_loaded)


def _load(where):
    """A command's function or a group's app, importing its module when named by it."""
    if not isinstance(where, str):
        return where
    module, _, attr = where.partition(":")
    return getattr(importlib.import_module(f"resilience_cli.cli.{module}"), attr)


def command(args: list[str] | None = None):
    """The Click command behind the app, for cli.run to call without sys.exit.

    Typer builds every command's parameters on every run. When the command
    line names one command, only that one is built (and the global options):
    measured, this saves about 30 ms on every everyday command.
    Only that command's module is imported, too. `resilience --help`, a
    slip of the keys and shell completion get every command, loaded.
    """
    from resilience_cli.cli.helpwidth import fit_help

    name = next((a for a in args or [] if not a.startswith("-")), None)
    functions = {n: f for n, f, _ in COMMANDS}
    groups = dict(GROUPS)
    names = {c.name for c in app.registered_commands} | {g.name for g in app.registered_groups} | set(groups)
    every = name not in names or "_RESILIENCE_COMPLETE" in os.environ

    def wanted(n: str | None) -> bool:
        return every or n == name

    slim = copy.copy(app)  # the same settings and global options
    slim.registered_commands = []
    for info in app.registered_commands:
        if wanted(info.name):
            if info.callback is _not_loaded:
                info = copy.copy(info)
                info.callback = _load(functions[info.name])
            slim.registered_commands.append(info)
    slim.registered_groups = [g for g in app.registered_groups if wanted(g.name)]
    for n, where in GROUPS:
        if wanted(n):
            slim.add_typer(_load(where), name=n)
    return fit_help(typer.main.get_command(slim))
