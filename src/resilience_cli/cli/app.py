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
from resilience_cli.messages import _

try:  # Typer 0.26+ carries its own copy of Click.
    from typer._click.exceptions import ClickException
except ImportError:  # pragma: no cover - older Typer uses Click itself
    from click.exceptions import ClickException  # noqa: F401 - re-exported for cli.run

# Click turns Ctrl-C during parsing or a prompt into Abort.
Abort = typer.Abort

app = typer.Typer(
    name="resilience",
    help=_("commands.root.help", help_now="resilience help-now"),  # not a message: a command
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
                           help=_("commands.option.version"))
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help=_("commands.option.debug"))
    ] = False,
    plain: Annotated[
        bool, typer.Option("--plain", help=_("commands.option.plain"))
    ] = False,
    lang: Annotated[
        str, typer.Option("--lang", metavar="LANGUAGE",
                          help=_("commands.option.lang"))
    ] = "en",
) -> None:
    context.current().plain = plain
    if ctx.invoked_subcommand is None:
        from resilience_cli.cli import basics

        basics.overview()


# Name and function: the function is "module:function" in resilience_cli.cli,
# imported only when that command runs, or the function itself. Each command's
# words are in the catalogue (commands.po): its line in `resilience --help`
# (Click would cut a docstring's first line at 45 characters, mid-phrase), and
# its own --help, what it does and its examples.
COMMANDS = (
    ("checkin", "checkin:checkin"),
    ("help-now", "basics:help_now"),
    ("routes", "routes:routes"),
    ("edit", "checkin:edit"),
    ("log", "journal:log"),
    ("show", "journal:show"),
    ("delete", "journal:delete"),
    ("trends", "trends:trends"),
    ("tips", "tips:tips"),
    ("summary", "summary:summary"),
    ("reflect", "tips:reflect"),
    ("followup", "tips:followup"),
    ("config", "settings:config"),
    ("contacts", "contacts:contacts"),
    ("export", "data:export"),
    ("import", "data:import_"),
    ("backup", "data:backup"),
    ("restore", "data:restore"),
    ("privacy", "data:privacy"),
    ("encrypt", "data:encrypt"),
    ("decrypt", "data:decrypt"),
    ("passphrase", "data:passphrase"),
    ("remind", "everyday:remind"),
    ("demo", "everyday:demo"),
    ("status", "basics:status"),
    ("where", "basics:where"),
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


def command_help(name: str) -> str:
    """A command's --help: what it does, then its examples (commands as typed), which
    Click must not rewrap (the \b line)."""
    from resilience_cli.cli.options import command_help as with_examples

    about = _(f"commands.{name}.about")
    try:
        return with_examples(about, _(f"commands.{name}.examples"))
    except KeyError:
        return about


# Their words are looked up in `command`, for the commands a run builds: a check-in
# reads its own help, not the other 25 commands' (78 lookups, most of a millisecond).
for name, function in COMMANDS:
    app.command(name)(function if callable(function) else _not_loaded)


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
    functions = dict(COMMANDS)
    groups = dict(GROUPS)
    names = {c.name for c in app.registered_commands} | {g.name for g in app.registered_groups} | set(groups)
    every = name not in names or "_RESILIENCE_COMPLETE" in os.environ

    def wanted(n: str | None) -> bool:
        return every or n == name

    slim = copy.copy(app)  # the same settings and global options
    slim.registered_commands = []
    for info in app.registered_commands:
        if wanted(info.name):
            info = copy.copy(info)
            if info.callback is _not_loaded:
                info.callback = _load(functions[info.name])
            info.short_help, info.help = _(f"commands.{info.name}.short"), command_help(info.name)
            slim.registered_commands.append(info)
    slim.registered_groups = [g for g in app.registered_groups if wanted(g.name)]
    for n, where in GROUPS:
        if wanted(n):
            slim.add_typer(_load(where), name=n)
    return fit_help(typer.main.get_command(slim))
