"""`resilience colleague`: the guide, and reminders to look out for a colleague after an incident.

Only a nickname the officer chooses, dates and the days a word was had are
kept: never anything about the colleague.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from resilience_cli.cli import common
from resilience_cli.cli.options import TextOrJson, TextOrJsonOpt
from resilience_cli.errors import Cancelled, InvalidInput, NotFound

app = typer.Typer(
    short_help="How to support a colleague after a hard shift.",
    context_settings={"help_option_names": ["-h", "--help"]},
    invoke_without_command=True,
)

NicknameArg = Annotated[str, typer.Argument(
    metavar="NICKNAME",
    help="A nickname only you would know (an initial, a first name): never a surname or a number.")]


@app.callback(invoke_without_command=True)
def colleague(ctx: typer.Context) -> None:
    """Show a short guide to supporting a colleague, with what to say; remember to check on them.

    After an incident, `remember` a nickname only you would know: a reminder
    comes about day 3 and week 4 (after a check-in, and in `resilience
    status`) until `done`. Only the nickname and the dates are kept.

    \b
    Examples:
      resilience colleague
      resilience colleague remember G --incident-date 2026-11-30
      resilience colleague done G
    """
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
        raise InvalidInput(
            f"That nickname was not saved: it may identify someone ({describe(warnings)}). "
            "Choose one only you would know, such as an initial or a first name.")
    return name


@app.command("remember", short_help="A reminder to check on a colleague about day 3 and week 4.")
def remember(
    name: NicknameArg,
    incident_date: Annotated[str | None, typer.Option("--incident-date", metavar="D", help="The day of the incident or hard shift: YYYY-MM-DD, today or yesterday (default today).")] = None,
) -> None:
    """Remember to check on a colleague about day 3 and week 4 after an incident.

    \b
    Examples:
      resilience colleague remember G
      resilience colleague remember Sam --incident-date yesterday
    """
    from resilience_cli.colleagues import KIND_WORDS, first_reminder, words_for_day
    from resilience_cli.followups import DAY3, KINDS

    nickname = _nickname(name)
    today = common.today()
    day = common.parse_date(incident_date) if incident_date else today
    if first_reminder(day, today) is None:
        raise InvalidInput(
            f"Both reminders after {words_for_day(day)} (about day 3 and week 4) have passed, so nothing "
            "was saved. A word now might still help: resilience colleague")
    store = common.created_store()
    with store:
        check, new = store.colleagues.remember(nickname, day)
    if not new:
        print(f"{check.nickname} is already remembered after {words_for_day(day)}. "
              "See what is open: resilience colleague list")
        return
    coming = [f"{KIND_WORDS[k]} ({'now' if check.due_on(k) <= today else words_for_day(check.due_on(k))})"
              for k in KINDS if not check.lapsed(k, today)]
    print(f"Remembered {check.nickname}, after {words_for_day(day)}. "
          f"A reminder comes {' and '.join(coming)}, after a check-in and in resilience status.")
    if check.lapsed(DAY3, today):
        print("The day-3 reminder has already passed.")
    print("Only the nickname and the dates are kept. When you have had a word: "
          f"resilience colleague done {check.nickname}")


@app.command("done", short_help="Note that you had a word with a colleague.")
def done(name: NicknameArg) -> None:
    """Note that you had a word with a colleague (the reminder that is due, or the next one).

    \b
    Example:
      resilience colleague done G
    """
    from resilience_cli.colleagues import KIND_WORDS, nickname, to_mark, words_for_day

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
            raise NotFound(f"Nothing is open for {wanted}: both reminders are done or have passed. "
                           f"To remove every trace: resilience colleague forget {wanted}")
        store.prepare_for_writing()
        check = store.colleagues.mark(*found, today)
    kind = found[1]
    print(f"Noted: you had a word with {check.nickname} ({KIND_WORDS[kind]} after {words_for_day(check.incident_day)}).")
    following = check.next_open(today)
    if following is not None:
        print(f"The next reminder comes {KIND_WORDS[following]}, from {words_for_day(check.due_on(following))}.")
    else:
        print(f"That was the last reminder for {check.nickname}. To remove every trace: "
              f"resilience colleague forget {check.nickname}")


def _unknown(name: str) -> str:
    return (f"There is no colleague called {name} in your journal. See who is: resilience colleague list")


@app.command("list", short_help="Who you are looking out for, and what is open.")
def list_(format_: TextOrJsonOpt = TextOrJson.text) -> None:
    """List the colleagues you are looking out for, and which reminders are open.

    With --format json: every record, open or not, oldest incident first.

    \b
    Examples:
      resilience colleague list
      resilience colleague list --format json
    """
    from resilience_cli.colleagues import KIND_WORDS, words_for_day
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
        print("Nobody to look out for just now. After a hard shift or an incident: "
              "resilience colleague remember NICKNAME")
    for c in open_:
        parts = []
        for kind in KINDS:
            had = c.done_on(kind)
            if had is not None:
                parts.append(f"{KIND_WORDS[kind]}, you had a word on {words_for_day(dt.date.fromisoformat(had))}")
            elif c.lapsed(kind, today):
                parts.append(f"{KIND_WORDS[kind]}, passed")
            elif c.due_on(kind) <= today:
                parts.append(f"{KIND_WORDS[kind]}, due now")
            else:
                parts.append(f"{KIND_WORDS[kind]}, from {words_for_day(c.due_on(kind))}")
        print(f"{c.nickname}, after {words_for_day(c.incident_day)}: " + "; ".join(parts) + ".")
    finished = len(checks) - len(open_)
    if finished:
        print(f"{finished} more with nothing open (kept for your counts in trends). "
              "resilience colleague forget NICKNAME removes every trace of one.")


@app.command("forget", short_help="Delete every trace of a colleague.")
def forget(
    name: NicknameArg,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Delete without asking.")] = False,
) -> None:
    """Delete every trace of a colleague from your journal.

    \b
    Example:
      resilience colleague forget G --yes
    """
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
                raise InvalidInput("Add --yes to delete without being asked. Nothing was changed.")
            from resilience_cli.prompts import confirm

            try:
                sure = confirm(f"Delete every trace of {held[0].nickname} from your journal? This cannot be undone.")
            except KeyboardInterrupt:
                sure = False
            if not sure:
                raise Cancelled("Nothing was deleted.")
        store.prepare_for_writing()
        gone = store.colleagues.forget(held[0].nickname)
    print(f"Deleted {gone} {'record' if gone == 1 else 'records'} of {held[0].nickname}. "
          "Backups and exports made before now still hold them.")
