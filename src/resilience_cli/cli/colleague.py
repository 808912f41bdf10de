"""`resilience colleague`: the guide, and reminders to look out for a colleague after an incident.

Only a nickname the officer chooses, dates and the days a word was had are
kept: never anything about the colleague.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from resilience_cli.cli import common
from resilience_cli.cli.options import TextOrJson, TextOrJsonOpt, command_help
from resilience_cli.errors import Cancelled, InvalidInput, NotFound
from resilience_cli.messages import _, _n, day_month

# Commands named in messages, typed as they are.
COLLEAGUE = "resilience colleague"  # not a message: a command
STATUS = "resilience status"  # not a message: a command

app = typer.Typer(
    short_help=_("colleaguecli.help.app_short"),
    context_settings={"help_option_names": ["-h", "--help"]},
    invoke_without_command=True,
)

NicknameArg = Annotated[str, typer.Argument(
    metavar="NICKNAME",
    help=_("colleaguecli.help.nickname"))]


@app.callback(invoke_without_command=True, help=command_help(
    _("colleaguecli.help.colleague", remember="remember", status=STATUS, done="done"),
    _("colleaguecli.help.colleague_examples")))
def colleague(ctx: typer.Context) -> None:
    """The guide (help: colleaguecli.help.colleague)."""
    if ctx.invoked_subcommand is None:
        from resilience_cli.colleagues import GUIDE

        print(GUIDE, end="")


def _nickname(text: str) -> str:
    """The nickname, cleaned; refused (exit 2) when it could identify someone."""
    from resilience_cli.colleagues import nickname
    from resilience_cli.report.identifiers import describe, scan

    name = nickname(text)
    warnings = scan(name)
    if warnings:
        raise InvalidInput(_("colleaguecli.nickname_identifies", warnings=describe(warnings)))
    return name


@app.command("remember", short_help=_("colleaguecli.help.remember_short"), help=command_help(
    _("colleaguecli.help.remember"), _("colleaguecli.help.remember_examples")))
def remember(
    name: NicknameArg,
    incident_date: Annotated[str | None, typer.Option("--incident-date", metavar="D",
                                                      help=_("colleaguecli.help.incident_date"))] = None,
) -> None:
    """A reminder about day 3 and week 4 (help: colleaguecli.help.remember)."""
    from resilience_cli.colleagues import KIND_WORDS, first_reminder
    from resilience_cli.followups import DAY3, KINDS

    nickname = _nickname(name)
    today = common.today()
    day = common.parse_date(incident_date) if incident_date else today
    if first_reminder(day, today) is None:
        raise InvalidInput(_("colleaguecli.remember.both_passed", day=day_month(day), command=COLLEAGUE))
    store = common.created_store()
    with store:
        check, new = store.colleagues.remember(nickname, day)
    if not new:
        print(_("colleaguecli.remember.already", name=check.nickname, day=day_month(day),
                command=f"{COLLEAGUE} list"))
        return
    coming = [_("colleaguecli.remember.coming", kind=KIND_WORDS[k],
                when=_("colleaguecli.remember.now") if check.due_on(k) <= today else day_month(check.due_on(k)))
              for k in KINDS if not check.lapsed(k, today)]
    print(_("colleaguecli.remember.saved", name=check.nickname, day=day_month(day),
            coming=_("colleaguecli.remember.and").join(coming), status=STATUS))
    if check.lapsed(DAY3, today):
        print(_("colleaguecli.remember.day3_passed"))
    print(_("colleaguecli.remember.kept", command=f"{COLLEAGUE} done {check.nickname}"))


@app.command("done", short_help=_("colleaguecli.help.done_short"), help=command_help(
    _("colleaguecli.help.done"), _("colleaguecli.help.done_examples")))
def done(name: NicknameArg) -> None:
    """A word had (help: colleaguecli.help.done)."""
    from resilience_cli.colleagues import KIND_WORDS, nickname, to_mark

    wanted = nickname(name)
    today = common.today()
    store = common.open_store(create=False)
    if store is None:
        raise NotFound(_unknown(wanted))
    with store:
        checks = store.colleagues.all()
        found = to_mark(checks, wanted, today)
        if found is None:
            if not any(c.nickname.casefold() == wanted.casefold() for c in checks):
                raise NotFound(_unknown(wanted))
            raise NotFound(_("colleaguecli.done.nothing_open", name=wanted, command=f"{COLLEAGUE} forget {wanted}"))
        store.prepare_for_writing()
        check = store.colleagues.mark(*found, today)
    kind = found[1]
    print(_("colleaguecli.done.noted", name=check.nickname, kind=KIND_WORDS[kind],
            day=day_month(check.incident_day)))
    following = check.next_open(today)
    if following is not None:
        print(_("colleaguecli.done.next", kind=KIND_WORDS[following], day=day_month(check.due_on(following))))
    else:
        print(_("colleaguecli.done.last", name=check.nickname, command=f"{COLLEAGUE} forget {check.nickname}"))


def _unknown(name: str) -> str:
    return _("colleaguecli.unknown", name=name, command=f"{COLLEAGUE} list")


@app.command("list", short_help=_("colleaguecli.help.list_short"), help=command_help(
    _("colleaguecli.help.list", flag="--format json"),  # not a message: a flag as typed
    _("colleaguecli.help.list_examples")))
def list_(format_: TextOrJsonOpt = TextOrJson.text) -> None:
    """Who is looked out for, and what is open (help: colleaguecli.help.list)."""
    from resilience_cli.colleagues import KIND_WORDS
    from resilience_cli.followups import KINDS

    today = common.today()
    with common.read_only_store() as store:
        checks = store.colleagues.all() if store else []
    if format_ is TextOrJson.json:
        import json

        from resilience_cli.colleagues import to_json_list

        common.machine_output(json.dumps(to_json_list(checks, today), indent=2, ensure_ascii=False) + "\n")
        return
    open_ = [c for c in checks if c.next_open(today) is not None]
    if not open_:
        print(_("colleaguecli.list.nobody", command=f"{COLLEAGUE} remember NICKNAME"))  # not a message: a command
    for c in open_:
        parts = []
        for kind in KINDS:
            had = c.done_on(kind)
            if had is not None:
                parts.append(_("colleaguecli.list.had_word", kind=KIND_WORDS[kind],
                               day=day_month(dt.date.fromisoformat(had))))
            elif c.lapsed(kind, today):
                parts.append(_("colleaguecli.list.passed", kind=KIND_WORDS[kind]))
            elif c.due_on(kind) <= today:
                parts.append(_("colleaguecli.list.due", kind=KIND_WORDS[kind]))
            else:
                parts.append(_("colleaguecli.list.from", kind=KIND_WORDS[kind], day=day_month(c.due_on(kind))))
        print(_("colleaguecli.list.line", name=c.nickname, day=day_month(c.incident_day),
                reminders=_("colleaguecli.list.joined").join(parts)))
    finished = len(checks) - len(open_)
    if finished:
        forget = f"{COLLEAGUE} forget NICKNAME"  # not a message: a command
        print(_n("colleaguecli.list.finished", finished, command=forget))


@app.command("forget", short_help=_("colleaguecli.help.forget_short"), help=command_help(
    _("colleaguecli.help.forget"), _("colleaguecli.help.forget_examples")))
def forget(
    name: NicknameArg,
    yes: Annotated[bool, typer.Option("--yes", "-y", help=_("colleaguecli.help.yes"))] = False,
) -> None:
    """Every trace of one colleague, deleted (help: colleaguecli.help.forget)."""
    from resilience_cli.colleagues import nickname

    wanted = nickname(name)
    store = common.open_store(create=False)
    if store is None:
        raise NotFound(_unknown(wanted))
    with store:
        held = [c for c in store.colleagues.all() if c.nickname.casefold() == wanted.casefold()]
        if not held:
            raise NotFound(_unknown(wanted))
        if not yes:
            if not common.stdin_is_terminal():
                raise InvalidInput(_("colleaguecli.forget.add_yes", flag="--yes"))
            from resilience_cli.prompts import confirm

            try:
                sure = confirm(_("colleaguecli.forget.sure", name=held[0].nickname))
            except KeyboardInterrupt:
                sure = False
            if not sure:
                raise Cancelled(_("colleaguecli.forget.cancelled"))
        store.prepare_for_writing()
        gone = store.colleagues.forget(held[0].nickname)
    print(_n("colleaguecli.forget.deleted", gone, name=held[0].nickname))
