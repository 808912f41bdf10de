"""`resilience tips`, `reflect` and `followup`: nudges, the weekly reflection, incident follow-ups."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated

import typer

from resilience_cli.cli import common
from resilience_cli.cli.options import NoInputOpt, TextOrJson, TextOrJsonOpt, ToOpt
from resilience_cli.errors import Cancelled, InvalidInput, NotFound, ResilienceError
from resilience_cli.messages import _, _n
from resilience_cli.model import day_words


def tips(
    to: ToOpt = None,
    format_: TextOrJsonOpt = TextOrJson.text,
    why: Annotated[bool, typer.Option("--why", help=_("tipscli.option.why"))] = False,
    silence: Annotated[list[str] | None, typer.Option(metavar="R", help=_n("tipscli.option.silence", 14,
                                                                              rule="R16"))] = None,
    unsilence: Annotated[list[str] | None, typer.Option(metavar="R", help=_("tipscli.option.unsilence"))] = None,
) -> None:
    """`resilience tips`: its --help is commands.po's (commands.tips.*, see cli/app.py)."""
    from resilience_cli.rules.engine import evaluate
    from resilience_cli.rules.inputs import rule_context, silenced

    settings = common.settings()
    end = common.parse_date(to, allow_future=True) if to else common.today()
    if silence or unsilence:
        _change_silences(silence or [], unsilence or [], settings)
        return
    with common.read_only_store() as store:
        ctx = rule_context(store, end, settings, today=common.today())
        quiet = silenced(store, settings)
        plan = _last_weeks_plan(store, end)
    items = evaluate(ctx, quiet)
    if format_ is TextOrJson.json:
        common.machine_output(json.dumps([i.to_dict() for i in items], indent=2, ensure_ascii=False,
                                         allow_nan=False) + "\n")
        return
    out = common.console()
    if items:
        from resilience_cli.render import guidance

        out.print(guidance.items(items, settings, why=why, plain=common.plain_mode()))
    else:
        from resilience_cli.render.tips import nothing_to_say

        out.print(nothing_to_say(ctx.enough()))
    if plan and not any(i.level == "crisis" for i in items):
        out.print(_literal(_("reflection.last_plan", plan=plan)))


def _literal(text: str):
    """Text that holds the user's words: shown as written, never read as markup."""
    from rich.text import Text

    from resilience_cli.render.words import clean

    return Text(clean(text))


def _last_weeks_plan(store, end: dt.date) -> str | None:
    if store is None:
        return None
    from resilience_cli.reflection import last_weeks_plan

    found = last_weeks_plan(store.reflections.since(end - dt.timedelta(days=14)), end)
    return found.try_next if found else None


def _change_silences(silence: list[str], unsilence: list[str], settings) -> None:
    from resilience_cli.rules.engine import RULES, silenceable

    rules = [r.strip().upper() for r in [*silence, *unsilence]]
    for rule in rules:
        if rule not in RULES:
            raise InvalidInput(_("tipscli.silence.not_a_rule", rule=rule, first="R1", last="R21",
                                 command="resilience tips --why"))  # not a message: a command
        if not silenceable(rule):
            raise InvalidInput(_("tipscli.silence.never", rule=rule))
    until = common.today() + dt.timedelta(days=settings.thresholds.silence_days - 1)
    store = common.created_store()
    out = common.console()
    with store:
        for rule in (r.strip().upper() for r in silence):
            store.tips.silence(rule, until)
            out.print(_("tipscli.silence.quiet_until", rule=rule, day=day_words(until)))
        for rule in (r.strip().upper() for r in unsilence):
            found = store.tips.unsilence(rule)
            out.print(_("tipscli.silence.shown_again", rule=rule) if found
                      else _("tipscli.silence.was_not_silenced", rule=rule))


def reflect(
    connected: Annotated[str | None, typer.Option(metavar="0-4", help=_("tipscli.option.connected"))] = None,
    worthwhile: Annotated[str | None, typer.Option(metavar="0-4", help=_("tipscli.option.worthwhile"))] = None,
    no_input: NoInputOpt = False,
) -> None:
    """`resilience reflect`: its --help is commands.po's (commands.reflect.*, see cli/app.py)."""
    from resilience_cli.reflection import last_weeks_plan, validate, week_start

    given = validate({"connected": connected, "worthwhile": worthwhile})
    today = common.today()
    week = week_start(today)
    interactive = not no_input and common.stdin_is_terminal()
    answers = dict(given)
    if interactive:
        with common.read_only_store() as store:
            recent = store.reflections.since(week - dt.timedelta(days=7)) if store else []
        existing = next((r for r in recent if r.week == week.isoformat()), None)
        plan = last_weeks_plan(recent, today)
        out = common.console()
        out.print(_("reflection.heading", week=day_words(week)))
        if plan:
            out.print(_literal(_("reflection.last_plan", plan=plan.try_next)))
        from resilience_cli.prompts import ask_reflection

        try:
            asked = ask_reflection(existing, plan.try_next if plan else None)
        except KeyboardInterrupt:
            raise Cancelled(_("reflection.cancelled")) from None
        answers.update({k: v for k, v in asked.items() if given.get(k) is None})
    answers = validate(answers)
    store = common.created_store()
    with store:
        saved = store.reflections.save(week, today, answers)
    common.console().print(_("reflection.saved", week=day_words(week)))
    if saved.proud:
        common.console().print(_literal(_("reflection.worth_keeping", text=saved.proud)))
    if saved.try_next:
        common.console().print(_literal(_("reflection.next_week", plan=saved.try_next)))


def followup() -> None:
    """`resilience followup`: its --help is commands.po's (commands.followup.*, see cli/app.py)."""
    import uuid
    from dataclasses import replace

    from resilience_cli import prompts
    from resilience_cli.followups import FollowUp, due, which
    from resilience_cli.rules.inputs import rule_context

    today = common.today()
    settings = common.settings()
    with common.read_only_store() as store:
        ctx = rule_context(store, today, settings, today=today)
    pending = due(ctx.records, ctx.followups, today)
    if not pending:
        raise NotFound(_("periodic.followup.none_due"))
    if not common.stdin_is_terminal():
        raise InvalidInput(_("periodic.followup.needs_terminal",
                             command="resilience followup"))  # not a message: a command
    first = pending[0]
    # Which incident and which follow-up, before any question about it.
    common.console().print(f"{which(first, today)}.", style="bold")
    try:
        answers = prompts.ask_followup()
    except KeyboardInterrupt:
        raise Cancelled(_("periodic.followup.cancelled")) from None
    # A follow-up is its own record: it never creates a check-in, so today's
    # status (and its reminder) stay as they were.
    record = replace(FollowUp(id=str(uuid.uuid4()), incident_date=first.incident_date.isoformat(),
                              kind=first.kind, date=today.isoformat()), **answers)
    store = common.open_store(create=True)
    if store is None:
        raise ResilienceError(_("periodic.followup.not_opened"))
    with store:
        store.followups.save(record)
    from resilience_cli.render import guidance

    common.console().print(_("periodic.followup.saved", day=day_words(first.incident_date)))
    # Still strong at four weeks: the professional-help box now, as after a check-in.
    from resilience_cli.rules.engine import evaluate

    with common.read_only_store() as store:
        ctx = rule_context(store, today, settings, today=today)
    boxes = [i for i in evaluate(ctx) if i.rule in ("R1", "R5")]
    out = common.console()
    out.print(guidance.followup_closing(record, settings, box_follows=bool(boxes)))
    if boxes:
        out.print(guidance.items(boxes, settings, why=False, plain=common.plain_mode()))
