"""`resilience phonein plan|prep|host|after`: short regular calls about thriving in the job."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from resilience_cli.cli import common
from resilience_cli.cli.options import HostFormat, HostFormatOpt, command_help, no_input_option
from resilience_cli.errors import Cancelled, InvalidInput
from resilience_cli.messages import _, _n

app = typer.Typer(help=_("phonein.help.app"), short_help=_("phonein.help.app_short"),
                  context_settings={"help_option_names": ["-h", "--help"]}, no_args_is_help=True)


@app.command("plan", help=command_help(_("phonein.help.plan"), _("phonein.help.plan_examples")))
def plan(
    every: Annotated[str, typer.Option("--every", metavar='"DAY HH:MM"',  # not a message: the form typed
                                  help=_("phonein.help.every", example='"wed 14:00"'))],
    fortnightly: Annotated[bool, typer.Option("--fortnightly", help=_("phonein.help.fortnightly"))] = False,
    minutes: Annotated[int, typer.Option("--minutes", metavar="N", help=_("phonein.help.minutes"))] = 30,
    ics: Annotated[Path | None, typer.Option("--ics", metavar="PATH", help=_("phonein.help.ics", dash="-"))] = None,
    force: Annotated[bool, typer.Option("--force", help=_("phonein.help.force", flag="--ics"))] = False,
) -> None:
    """Record the plan and print the reminder snippets (help: phonein.help.plan)."""
    import datetime as dt
    import uuid

    from resilience_cli.files import output_target, write_private
    from resilience_cli.phonein import new_plan, reminder_text
    from resilience_cli.store import utc_now

    now = common.now()
    made = new_plan(str(uuid.uuid4()), every, minutes, fortnightly, now.date(), now.time(), utc_now())
    # Checked before anything is saved: a refused path changes nothing.
    target = output_target(ics, force=force, ask=common.ask_replace(),
                           protected=common.protected_folders()) if ics is not None else None
    calendar = None
    if ics is not None:
        from resilience_cli.report.calendar import plan_ics

        calendar = plan_ics(made, dt.datetime.now(dt.UTC).replace(microsecond=0))
    if calendar is not None and target is not None:
        write_private(target, calendar)
    with common.created_store() as store:
        earlier = store.phoneins.save_plan(made)
    first = dt.datetime.combine(dt.date.fromisoformat(made.starts), dt.time(*made.hour_minute))
    if earlier:
        said = _n("phonein.plan.saved_replacing", made.minutes, every=made.every, earlier=earlier.every)
    else:
        said = _n("phonein.plan.saved", made.minutes, every=made.every)
    print(said, file=sys.stderr)
    if calendar is not None and target is None:
        # --ics -: the calendar itself is the output, for a pipe.
        common.machine_output(calendar.decode("utf-8"))
        return
    if target is not None:
        print(_("phonein.plan.wrote_calendar", path=target), file=sys.stderr)
    remind_at = first - dt.timedelta(minutes=15)
    print(reminder_text(made, _command(), int(remind_at.timestamp())), end="")


def _command() -> str:
    """How a reminder calls resilience: by name on the PATH, or by its full path."""
    import shlex
    import shutil

    found = shutil.which("resilience")
    if found:
        return "resilience"
    script = Path(sys.argv[0]).resolve()
    return shlex.quote(str(script)) if script.name == "resilience" else f"{shlex.quote(sys.executable)} -m resilience_cli"


@app.command("prep", help=command_help(_("phonein.help.prep"), _("phonein.help.prep_examples")))
def prep(
    no_input: Annotated[bool, no_input_option(_("phonein.help.prep_no_input"))] = False,
) -> None:
    """The lines from the journal since the last call, and what to bring (help: phonein.help.prep)."""
    import datetime as dt

    from resilience_cli.model import day_words
    from resilience_cli.insights import BASELINE_DAYS
    from resilience_cli.phonein import last_one_thing, prep_lines, since_last

    today = common.today()
    with common.read_only_store() as store:
        plan = store.phoneins.plan() if store else None
        takeaways = store.phoneins.takeaways(dt.date.min) if store else []
        start = since_last(plan, takeaways, today)
        records = store.between(start - dt.timedelta(days=BASELINE_DAYS), today) if store else []
        earlier = store.phoneins.prep(today) if store else None
    out = common.console()
    if plan is not None:
        call = plan.next_on_or_after(today)
        out.print(_("phonein.prep.private_next", day=day_words(call), time=plan.at))
    else:
        out.print(_("phonein.prep.private"))
    lines = prep_lines(records, start, today)
    out.print("\n" + _("phonein.prep.since", day=day_words(start)))
    for line in lines or [_("phonein.prep.nothing")]:
        out.print(_literal(f"  {line}"))
    thing = last_one_thing(takeaways, today)
    if thing is not None:
        out.print(_literal("  " + _("phonein.last_time", thing=thing.one_thing)))
    if earlier:
        out.print(_literal("  " + _("phonein.prep.earlier", text=earlier)))
    if no_input or not common.stdin_is_terminal():
        return
    from resilience_cli.prompts.phonein import ask_bring

    try:
        bring = ask_bring(earlier)
    except KeyboardInterrupt:
        raise Cancelled(_("phonein.cancelled")) from None
    if bring is None:
        out.print(_("phonein.prep.nothing_noted"))
        return
    from resilience_cli.phonein import validate_takeaway

    validate_takeaway({"takeaway": bring})  # the same length limit as any typed line
    with common.created_store() as store:
        store.phoneins.save_prep(today, bring)
    out.print(_("phonein.prep.noted"))


@app.command("host", help=command_help(_("phonein.help.host"), _("phonein.help.host_examples")))
def host(
    format_: HostFormatOpt = HostFormat.text,
    rounds: Annotated[int, typer.Option("--rounds", metavar="N", help=_("phonein.help.rounds"))] = 3,
    seconds: Annotated[int, typer.Option("--seconds", metavar="N", help=_("phonein.help.seconds"))] = 90,
) -> None:
    """The running order, or the live screen with its timed rounds (help: phonein.help.host)."""
    from resilience_cli.phonein import SECONDS_EACH, load_bank, routes_pointer, running_order
    from resilience_cli.phonein import rounds as pick_rounds

    if not SECONDS_EACH[0] <= seconds <= SECONDS_EACH[1]:
        raise InvalidInput(_("phonein.flag_range", flag="--seconds", low=SECONDS_EACH[0], high=SECONDS_EACH[1],
                             given=seconds))
    bank = load_bank()
    prompts = pick_rounds(bank, rounds, common.today().isocalendar().week)
    routes = _routes()
    order = running_order(bank, prompts, seconds, routes)
    if format_ is HostFormat.md or not common.stdin_is_terminal():
        common.machine_output(order)
        return
    from resilience_cli.clock import seconds as steady
    from resilience_cli.phonein import Turns
    from resilience_cli.prompts.phonein import host_rounds

    out = common.console()
    out.print(_("phonein.host.before") + "\n")
    for rule in bank.ground_rules:
        out.print(_literal(f"  - {rule}"))
    out.print("")
    try:
        held = host_rounds(Turns(prompts, seconds, steady))
    except KeyboardInterrupt:
        raise Cancelled(_("phonein.host.closed")) from None
    out.print("\n" + _n("phonein.host.after", len(prompts), held=held) + "\n")
    for line in bank.close:
        out.print(_literal(f"  {line}"))
    for route in routes:
        out.print(_literal(f"    {route}"))
    out.print(_literal(f"  {routes_pointer()}"))
    out.print("\n" + _("phonein.host.nothing_recorded"))


def _routes() -> list[str]:
    """The close's support routes: the officer's own contacts, then their nation's, as lines."""
    from resilience_cli.contacts import default_contacts

    settings = common.settings()
    contacts = default_contacts(settings.region)
    return [f"{c.name}: {c.how} ({c.when})" for c in contacts.support_box(settings.own_contacts)]


@app.command("after", help=command_help(_("phonein.help.after"), _("phonein.help.after_examples")))
def after(
    takeaway_stdin: Annotated[bool, typer.Option("--takeaway-stdin", help=_("phonein.help.takeaway_stdin", line="---"))] = False,
    no_input: Annotated[bool, no_input_option(_("phonein.help.after_no_input"))] = False,
) -> None:
    """The takeaway and one thing, saved (help: phonein.help.after)."""
    import datetime as dt

    from resilience_cli.model import day_words
    from resilience_cli.phonein import last_one_thing, split_takeaway

    today = common.today()
    with common.read_only_store() as store:
        takeaways = store.phoneins.takeaways(dt.date.min) if store else []
    last = last_one_thing(takeaways, today)
    out = common.console()
    if takeaway_stdin:
        answers = split_takeaway(_read_stdin())
    elif no_input or not common.stdin_is_terminal():
        raise InvalidInput(_("phonein.after.nothing_to_save",
                             command="resilience phonein after",  # not a message: a command
                             flag="--takeaway-stdin"))
    else:
        from resilience_cli.prompts.phonein import ask_takeaway

        if last is not None:
            out.print(_literal(_("phonein.last_time", thing=last.one_thing)))
        try:
            answers = ask_takeaway(last.one_thing if last else None)
        except KeyboardInterrupt:
            raise Cancelled(_("phonein.cancelled")) from None
    if not any(answers.values()):
        out.print(_("phonein.after.both_skipped"))
        return
    with common.created_store() as store:
        saved = store.phoneins.save_takeaway(today, answers)
    out.print(_("phonein.after.saved", day=day_words(today)))
    if saved.one_thing:
        out.print(_literal(_("phonein.after.shown_again", thing=saved.one_thing)))


def _read_stdin() -> str:
    """The takeaway from standard input, read a little past the limit and no further."""
    from resilience_cli.model import MAX_TEXT

    if common.stdin_is_terminal():
        print(_("phonein.after.type", line="---"), file=sys.stderr)
    limit = 4 * MAX_TEXT + 8
    stream = getattr(sys.stdin, "buffer", None)
    raw = stream.read(limit + 1) if stream is not None else sys.stdin.read(limit + 1).encode("utf-8")
    if len(raw) > limit:
        raise InvalidInput(_n("phonein.after.stdin_too_long", MAX_TEXT))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(_("phonein.after.stdin_not_utf8", encoding="UTF-8")) from None


def _literal(text: str):
    """Text that holds the user's words: shown as written, never read as markup."""
    from rich.text import Text

    from resilience_cli.render.words import clean

    return Text(clean(text))
