"""The Typer application: global options and the list of commands."""

from __future__ import annotations

import copy
from typing import Annotated

import typer

from resilience_cli.cli import (
    basics,
    checkin,
    common,
    data,
    everyday,
    journal,
    packs,
    quick,
    settings,
    summary,
    tips,
    trends,
)

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
    "resilience help-now, or call 999 in an emergency, Samaritans on 116 123, "
    "text SHOUT to 85258, or NHS 111 option 2."
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
) -> None:
    # Set on every run, so one run's --plain never carries into the next.
    common.PLAIN["on"] = plain
    if ctx.invoked_subcommand is None:
        basics.overview()


app.command("checkin")(checkin.checkin)
app.command("edit")(checkin.edit)
app.command("log")(journal.log)
app.command("show")(journal.show)
app.command("delete")(journal.delete)
app.command("trends")(trends.trends)
app.command("tips")(tips.tips)
app.command("summary")(summary.summary)
app.command("reflect")(tips.reflect)
app.command("followup")(tips.followup)
app.command("config")(settings.config)
app.command("export")(data.export)
app.command("import")(data.import_)
app.command("backup")(data.backup)
app.command("restore")(data.restore)
app.command("privacy")(data.privacy)
app.command("remind")(everyday.remind)
app.command("demo")(everyday.demo)
app.command("colleague")(everyday.colleague)
app.add_typer(packs.app, name="pack")
app.command("encrypt")(data.encrypt)
app.command("decrypt")(data.decrypt)
app.command("passphrase")(data.passphrase)
app.command("status")(basics.status)
app.command("help-now")(basics.help_now)
app.command("where")(basics.where)


def command(args: list[str] | None = None):
    """The Click command behind the app, for cli.run to call without sys.exit.

    Typer builds every command's parameters on every run. When the command
    line names one command, only that one is built (and the global options):
    measured, this saves about 30 ms on every everyday command.
    """
    name = next((a for a in args or [] if not a.startswith("-")), None)
    names = {c.name for c in app.registered_commands} | {g.name for g in app.registered_groups}
    if name not in names:
        return typer.main.get_command(app)
    slim = copy.copy(app)  # the same settings and global options
    slim.registered_commands = [c for c in app.registered_commands if c.name == name]
    slim.registered_groups = [g for g in app.registered_groups if g.name == name]
    return typer.main.get_command(slim)
