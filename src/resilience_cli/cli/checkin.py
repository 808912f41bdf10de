"""`resilience checkin` and `resilience edit`: ask, validate, save, confirm."""

# No `from __future__ import annotations` here, unlike elsewhere: Typer would then
# evaluate each of the check-in's thirty option annotations from a string on every
# run (about 3 ms of every check-in, measured); evaluated once as the module loads,
# they cost less. Names imported only for type checking are quoted instead.
import datetime as dt
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from resilience_cli.cli import common
from resilience_cli.cli.options import NoInputOpt
from resilience_cli.config import Settings, paths
from resilience_cli.errors import (
    Cancelled,
    InvalidInput,
    JournalProblem,
    NotFound,
    ResilienceError,
)
from resilience_cli.messages import _, first_upper
from resilience_cli.model import FIELD_SPECS, SHIFT_WORDS, Answers, day_words

if TYPE_CHECKING:
    from resilience_cli.store import JournalStore


class _Help:
    """A parameter whose help is read from the catalogue each time Typer builds the
    command (on every run, after --lang is read): never frozen in the language of the
    run that first imported this module. Built only in a run that can show it
    (cli.help_shown): a check-in by flags reads no question's words."""

    words: Any = None  # () -> the help, in the language being spoken
    command = "checkin"  # the command it is an option of

    @property
    def help(self) -> str:
        from resilience_cli.cli import help_shown

        return self.words() if help_shown(self.command) else ""

    @help.setter
    def help(self, value: Any) -> None:
        pass  # Typer's own __init__ sets it: the catalogue's words win


class _OptionHelp(_Help, typer.models.OptionInfo):
    pass


class _ArgumentHelp(_Help, typer.models.ArgumentInfo):
    pass


def _option(*decls: str, metavar: str | None = None, field: str | None = None, key: str | None = None) -> Any:
    """A check-in flag: its help is the question's (`field`, from model.FIELD_SPECS and
    the catalogue: `_flag_help`), or the message `key` for a flag that is no question."""
    info = typer.Option(*decls, metavar=metavar)
    info.__class__ = _OptionHelp
    info.words = (lambda: _flag_help(field)) if field else (lambda: _(key))
    return info


def _flag_help(name: str) -> str:
    """A question's flag help, from what the question is: its name as the person knows it
    (model.spoken), its kind, its scale's ends and their words, its choices. A new
    question needs no help of its own."""
    from resilience_cli.model import spoken

    spec = FIELD_SPECS[name]
    called = spoken(name)
    called = called[:1].upper() + called[1:]
    if name in LEVELLED:
        return _("checkin.flag.levels", name=called, words=or_list(LEVEL_FLAG_WORDS),
                 low=int(spec.low), high=int(spec.high))  # type: ignore[arg-type]
    if spec.kind == "int":
        low, high = int(spec.low), int(spec.high)  # type: ignore[arg-type]
        low_words, high_words = spec.words.get(low), spec.words.get(high)
        if low_words and high_words:
            return _("checkin.flag.scale", name=called, low=low, high=high, low_words=low_words,
                     high_words=high_words)
        return _("checkin.flag.scale_bare", name=called, low=low, high=high)
    if spec.kind == "number":
        if spec.high is None:
            return _("checkin.flag.number_from", name=called, low=f"{spec.low:g}")
        return _("checkin.flag.number", name=called, low=f"{spec.low:g}", high=f"{spec.high:g}")
    if spec.kind == "choice":
        choices = [_("checkin.flag.choice_words", value=c, words=spec.words[c])
                   if _says_more(c, spec.words.get(c, c)) else c for c in spec.choices]
        return _("checkin.flag.choice", name=called, choices=or_list(choices))
    if spec.kind == "list":
        from resilience_cli.model import NOTHING

        return _("checkin.flag.list", name=called, choices=", ".join(spec.choices), nothing=NOTHING)
    return _("checkin.flag.yes_no", name=called)


def or_list(items: "list[str] | tuple[str, ...]") -> str:
    """'a, b or c', in the catalogue's words."""
    if len(items) < 2:
        return "".join(items)
    return _("checkin.or_list", items=", ".join(items[:-1]), last=items[-1])


def _says_more(value: str, words: str) -> bool:
    """Whether a choice's words say more than the flag's value: 'training, court or office
    day' does; 'day shift', 'off sick' and 'no' (for none) do not."""
    said = words.replace(",", " ").split()
    return not (words in value or (value in said and len(said) <= 2))


DateOpt = Annotated[str | None, _option("--date", metavar="D", key="checkin.flag.date")]
_DATE_ARGUMENT = typer.Argument(metavar="D")
_DATE_ARGUMENT.__class__ = _ArgumentHelp
_DATE_ARGUMENT.words = lambda: _("checkin.flag.date")
_DATE_ARGUMENT.command = "edit"


def checkin(
    date: DateOpt = None,
    shift: Annotated[str | None, _option(metavar="S", field="shift")] = None,
    incident: Annotated[str | None, _option(metavar="I", field="incident")] = None,
    hurt: Annotated[bool | None, _option("--hurt/--no-hurt", field="hurt")] = None,
    material: Annotated[str | None, _option(metavar="L", field="material")] = None,
    graphic: Annotated[bool | None, _option("--graphic/--no-graphic", field="graphic")] = None,
    interactions: Annotated[str | None, _option(metavar="L", field="interactions")] = None,
    workload: Annotated[str | None, _option(metavar="0-4", field="workload")] = None,
    sleep_hours: Annotated[str | None, _option(metavar="H", field="sleep_hours")] = None,
    sleep_quality: Annotated[str | None, _option(metavar="0-10", field="sleep_quality")] = None,
    nightmare: Annotated[bool | None, _option("--nightmare/--no-nightmare", field="nightmare")] = None,
    intrusions: Annotated[str | None, _option(metavar="0-4", field="intrusions")] = None,
    switch_off: Annotated[str | None, _option(metavar="0-4", field="switch_off")] = None,
    mood: Annotated[str | None, _option(metavar="0-10", field="mood")] = None,
    energy: Annotated[str | None, _option(metavar="0-10", field="energy")] = None,
    talked: Annotated[bool | None, _option("--talked/--no-talked", field="talked")] = None,
    support: Annotated[str | None, _option(metavar="0-4", field="support")] = None,
    recovery: Annotated[list[str] | None, _option(metavar="R", field="recovery")] = None,
    alcohol_units: Annotated[str | None, _option(metavar="U", field="alcohol_units")] = None,
    raise_: Annotated[bool | None, _option("--raise/--no-raise", field="raise_at_supervision")] = None,
    supported_colleague: Annotated[bool | None, _option("--supported-colleague/--no-supported-colleague",
                                                        field="supported_colleague")] = None,
    good_moment: Annotated[bool | None, _option("--good-moment/--no-good-moment", field="good_moment")] = None,
    note_stdin: Annotated[bool, _option("--note-stdin", key="checkin.flag.note_stdin")] = False,
    talking_point_stdin: Annotated[bool, _option("--talking-point-stdin", key="checkin.flag.talking_point_stdin")] = False,
    no_input: NoInputOpt = False,
) -> None:
    """Check in for a duty day, or amend it: asks only what the flags left open.

    \b
    Examples:
      resilience checkin
      resilience checkin --date yesterday --shift night --sleep-hours 5.5 --mood 6 --no-input
      echo "Cover for breaks on nights" | resilience checkin --talking-point-stdin
    """
    flags: dict[str, Any] = {
        "shift": shift, "incident": incident, "hurt": hurt, "material": material, "graphic": graphic,
        "interactions": interactions,
        "workload": workload, "sleep_hours": sleep_hours, "sleep_quality": sleep_quality,
        "nightmare": nightmare, "intrusions": intrusions, "switch_off": switch_off,
        "mood": mood, "energy": energy, "talked": talked, "support": support,
        "recovery": recovery or None, "alcohol_units": alcohol_units,
        "raise_at_supervision": raise_, "supported_colleague": supported_colleague,
        "good_moment": good_moment,
    }
    # Everything is checked before anything is asked or written.
    given = _validated(flags)
    if note_stdin and talking_point_stdin:
        raise InvalidInput(_("checkin.stdin.both", note="--note-stdin", talking_point="--talking-point-stdin"))
    if talking_point_stdin and raise_ is False:
        raise InvalidInput(_("checkin.stdin.not_with_no_raise", talking_point="--talking-point-stdin",
                             no_raise="--no-raise"))
    day = common.parse_date(date) if date else None
    interactive = not (no_input or note_stdin or talking_point_stdin) and common.stdin_is_terminal()
    settings = common.settings()
    # Opened once, to read the day's earlier answers and the history the
    # questions depend on, and kept for the save; never created before it, so a
    # first check-in cancelled with Ctrl-C leaves nothing behind.
    store = common.open_store(create=False) if interactive else None
    try:
        if note_stdin:
            given["note"] = _read_stdin("note")
        if talking_point_stdin:
            given["talking_point"] = _read_stdin("talking_point")
            given["raise_at_supervision"] = True
        region = None
        if interactive:
            day, given, region = _ask(day, given, settings, store)
        elif day is None:
            day = _duty_day(given.get("shift"), settings)
        _save_and_confirm(day, given, settings, store, interactive=interactive, region=region)
    except KeyboardInterrupt:
        raise Cancelled(_("checkin.cancelled")) from None
    finally:
        if store is not None:
            store.close()


def _duty_day(shift: str | None, settings: Settings) -> dt.date:
    """The day a check-in without --date and without questions is for (dutyday.filing),
    said on standard error whenever it is not today: never silent."""
    from resilience_cli.dutyday import SMALL_HOURS, filing, shift_day_words

    now = common.now()
    found = filing(now, shift, settings.night_shift_until)
    if found.other is None:
        return found.day
    if found.why == SMALL_HOURS:
        today = "--date today"  # not a message: a command
        print(_("checkin.filed.small_hours", day=day_words(found.day), flag=today), file=sys.stderr)
    else:
        until = settings.night_shift_until.strftime("%H:%M")
        today = "--date today"  # not a message: a command
        print(_("checkin.filed.after_shift", shift=SHIFT_WORDS[shift], until=until,
                day=shift_day_words(shift, found.day, now.date()), flag=today), file=sys.stderr)
    return found.day


def edit(
    date: Annotated[str, _DATE_ARGUMENT],
) -> None:
    """Amend a day's check-in, question by question, with its answers as the defaults.

    \b
    Example:
      resilience edit yesterday
    """
    day = common.parse_date(date)
    if not common.stdin_is_terminal():
        raise InvalidInput(_("checkin.edit.needs_terminal", edit="edit",
                             command=f"resilience checkin --date {day.isoformat()}"))  # not a message: a command
    store = common.open_store(create=False)  # once, for the questions and the save
    try:
        if store is None or store.get(day) is None:
            raise NotFound(_("checkin.edit.no_checkin", day=day_words(day),
                             command=f"resilience checkin --date {day.isoformat()}"))  # not a message: a command
        settings = common.settings()
        __, given, __ = _ask(day, {}, settings, store)
        _save_and_confirm(day, given, settings, store, interactive=True)
    except KeyboardInterrupt:
        raise Cancelled(_("checkin.cancelled")) from None
    finally:
        if store is not None:
            store.close()


def _validated(flags: dict[str, Any]) -> dict[str, Any]:
    """Every flag checked; a refusal names the question as the person knows it, and its flag."""
    from resilience_cli.model import spoken, validate_answer

    out = {}
    for name, value in flags.items():
        flag = "raise" if name == "raise_at_supervision" else name.replace("_", "-")
        try:
            out[name] = validate_answer(name, _level(name, value), flag=flag)
        except InvalidInput as exc:
            if name in LEVELLED and not any(c.isdigit() for c in str(value)):  # a word, not a number
                raise InvalidInput(_("checkin.flag.not_a_level", name=first_upper(spoken(name)), flag=f"--{flag}",
                                     value=repr(value), words=", ".join(LEVEL_FLAG_WORDS), low=0,
                                     high=len(LEVEL_FLAG_WORDS) - 1)) from None
            raise InvalidInput(_("checkin.refused", message=f"{exc.message[0].upper()}{exc.message[1:]}")) from None
    return out


# The exposure levels take words, as --incident does; the numbers still work.
LEVELLED = ("material", "interactions")
LEVEL_FLAG_WORDS = ("none", "a-little", "some", "a-lot")


def _level(name: str, value: Any) -> Any:
    """--material a-little is 1: the level's words (a-little, a_little or "a little") as its number."""
    if name not in LEVELLED or not isinstance(value, str):
        return value
    word = "-".join(value.strip().lower().replace("_", " ").replace("-", " ").split())
    return str(LEVEL_FLAG_WORDS.index(word)) if word in LEVEL_FLAG_WORDS else value


def _read_stdin(name: str) -> str | None:
    """A note or a talking point, from standard input: never from the command line."""
    from resilience_cli.model import MAX_TEXT

    note = name == "note"
    if common.stdin_is_terminal():
        print(_("checkin.stdin.type_note") if note else _("checkin.stdin.type_talking_point"), file=sys.stderr)
    # Read a little past the limit and no further: `yes | resilience checkin
    # --note-stdin` must not read until memory runs out.
    limit = 4 * MAX_TEXT + 4
    stream = getattr(sys.stdin, "buffer", None)
    raw = stream.read(limit + 1) if stream is not None else sys.stdin.read(limit + 1).encode("utf-8")
    if len(raw) > limit:
        raise InvalidInput(_("checkin.stdin.too_long_note" if note else "checkin.stdin.too_long_talking_point",
                             most=f"{MAX_TEXT:,}"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        flag = f"--{name.replace('_', '-')}-stdin"
        command = f"iconv -f WINDOWS-1252 -t UTF-8 FILE | resilience checkin {flag}"  # not a message: a command
        raise InvalidInput(_("checkin.stdin.not_utf8_note" if note else "checkin.stdin.not_utf8_talking_point",
                             command=command)) from None
    return _validated({name: text}).get(name)


def _ask(day: dt.date | None, given: dict[str, Any], settings: Any,
         store: "JournalStore | None") -> tuple[dt.date, dict[str, Any], str | None]:
    """The questions the flags left open, and on a first run (no journal yet) the
    nation for help contacts. Without a date (`day` None), the day follows from the
    shift (prompts.dutyday). Returns the day, the answers and the nation chosen."""
    from resilience_cli.prompts import ask_checkin
    from resilience_cli.prompts.dutyday import DutyDays, amending_words

    out = common.console()
    lookup = (lambda d: store.get(d)) if store is not None else (lambda d: None)
    days = None
    if day is None:
        days = DutyDays(common.now(), settings.night_shift_until, lookup, lambda words: out.print(words))
        heading = days.start(given.get("shift"))
        day, existing = days.day, days.existing
    else:
        existing = lookup(day)
        heading = (amending_words(existing, common.today()) if existing
                   else _("checkin.checking_in_for", day=day_words(day)))
    region = None
    if store is None:
        # Before the very first check-in there is no journal: the welcome,
        # once, since the check-in creates it.
        from resilience_cli.render.welcome import welcome

        out.print(welcome(str(paths().database), plain=common.plain_mode()))
        if "contacts.region" not in settings.from_file:
            from resilience_cli.prompts import ask_region

            region = ask_region()
        if "work.service" not in settings.from_file:
            # Then the service and the person's own numbers (Enter skips each);
            # saved with the check-in, as the nation is.
            from resilience_cli.prompts import ask_workplace

            region = FirstRun(region, ask_workplace(numbers=not settings.own_contacts))
    out.print(_("checkin.heading", heading=heading))
    from resilience_cli.model import turned_on

    answers = ask_checkin(existing, given, optional=turned_on(settings), days=days)
    return (days.day if days is not None else day), answers, region  # type: ignore[return-value]


class FirstRun:
    """What the first run asked besides the day: the nation, the service, own numbers."""

    def __init__(self, region: str | None, workplace) -> None:
        self.region, self.workplace = region, workplace


def _save_first_run(answers) -> None:
    """The service and own numbers, saved with the check-in; said where, or what to add by hand."""
    from resilience_cli.settings_file import add_own_contacts, lines_to_add, save_service

    workplace = answers.workplace
    config_file = paths().config_file
    saved_service = workplace.service is None or save_service(config_file, workplace.service)
    saved_own = add_own_contacts(config_file, workplace.own)
    out = common.console()
    if workplace.service is not None and saved_service:
        out.print(_("checkin.first_run.saved_service", service=workplace.service, file=config_file), markup=False)
    if workplace.own and saved_own:
        command = "resilience contacts"  # not a message: a command
        out.print(_("checkin.first_run.saved_own", command=command), markup=False)
    if not (saved_service and saved_own):
        missing = lines_to_add(() if saved_own else workplace.own, None if saved_service else workplace.service)
        out.print(_("checkin.first_run.add_lines", file=config_file, lines=missing), markup=False)


def _save_region(region: str) -> None:
    """Saved with the check-in, never before it: Ctrl-C at any question leaves no trace."""
    from resilience_cli.config import save_region
    from resilience_cli.contacts import nation_name

    config_file = paths().config_file
    if save_region(config_file, region):
        common.console().print(_("checkin.first_run.saved_region", nation=nation_name(region) or region,
                                 file=config_file))
    else:
        common.console().print(_("checkin.first_run.add_region", line=f'region = "{region}"', table="[contacts]",
                                 file=config_file), markup=False)


def _save_and_confirm(
    day: dt.date, answers: Answers | dict[str, Any], settings: Settings, store: "JournalStore | None", *,
    interactive: bool = False, region: str | None = None,
) -> None:
    """Ask what the answers call for (safety, a follow-up), save it all at once, then respond.

    What the check-in calls for is decided in `aftercare`; this asks, saves
    once and renders. `store` is the journal the questions read, when one is
    open (and exists); it is used for the save too.
    """
    from resilience_cli import aftercare
    from resilience_cli.rules.inputs import rule_context, silenced

    # Read once, here: the questions and what is saved see the answers the same way.
    answers = Answers.of(answers)
    safety_answer = followup = None
    if interactive:
        before = rule_context(store, day, settings, today=common.today())
        safety_answer, followup = _extra_questions(
            day, aftercare.before_saving(before, day, answers, safety_weekly=settings.safety_weekly))

    # Reopened for the save when it cannot be written, or was replaced (by
    # restore, say, in another terminal) while the questions were answered.
    if store is None or store.read_only or store.replaced():
        if store is not None:
            store.close()
        store = common.created_store()
    else:
        store.prepare_for_writing()
    with store:
        earlier = store.get(day)  # to say what an amendment changed
        record, created = store.save(day, answers, safety_answer=safety_answer, followup=followup)
        try:
            ctx = rule_context(store, day, settings, today=common.today())
            offer = False
            if settings.reflection_weekly:
                from resilience_cli.reflection import offer_due

                offer = offer_due(store.reflections.since(day - dt.timedelta(days=14)), day, settings.reflection_day)
            plan = aftercare.after_saving(ctx, record, safety_answer=safety_answer,
                                          silenced=silenced(store, settings),
                                          r5_rest=store.tips.rest_of("R5"), reflection_offered=offer,
                                          followup=followup)
            if plan.rest_r5 is not None:
                # R5 shown: it rests for a week unless things worsen (saved before it is shown).
                store.tips.rest("R5", day, plan.rest_r5)
            _show(plan, record, created, settings, followup, region, interactive=interactive, earlier=earlier,
                  followups_note=_followups_note(earlier, record, store) if earlier is not None else None)
            if not interactive:
                _say_followup_due(ctx)
            if not plan.crisis_only:
                _nudge_colleagues(store)
        except ResilienceError:
            raise  # already a plain sentence of its own
        except Exception as exc:
            tips = "resilience tips"  # not a message: a command
            raise JournalProblem(_("checkin.saved_but_bug", day=day_words(day), tips=tips, debug="--debug")) from exc


def _followups_note(earlier: Any, record: Any, store: "JournalStore") -> str | None:
    """After an amendment, what happens to the follow-ups of an incident it took away."""
    from resilience_cli.render.changes import followups_line

    answered = sum(1 for f in store.followups.since(record.day)
                   if f.incident_date == record.date and not f.skipped)
    return followups_line(earlier, record, answered)


def _say_followup_due(ctx: Any) -> None:
    """Without questions, a due follow-up is said on standard error: `resilience followup` asks it."""
    from resilience_cli.followups import due, due_line

    today = common.today()
    found = due(ctx.records, ctx.followups, today)
    if found:
        print(due_line(found[0], today), file=sys.stderr)


def _show(plan: Any, record: Any, created: bool, settings: Settings, followup: Any, region: str | None, *,
          interactive: bool, earlier: Any = None, followups_note: str | None = None) -> None:
    """Everything shown once the check-in is saved, as `aftercare` decided it."""
    from resilience_cli.render import guidance
    from resilience_cli.render.confirmation import confirmation

    first = region if isinstance(region, FirstRun) else None
    region = first.region if first else region
    if region is not None:
        _save_region(region)
        settings = settings.replace(region=region)
    if first is not None:
        _save_first_run(first)
        settings = settings.replace(service=first.workplace.service or settings.service,
                                    own_contacts=(*settings.own_contacts, *first.workplace.own))
    out = common.console()
    if plan.crisis_only:
        # The crisis box at once, and nothing else but R4's words after an incident.
        out.print(_("checkin.thank_you_honestly"), style="bold")
        out.print(guidance.items(plan.items, settings, why=False, plain=common.plain_mode()))
        return
    headline = None
    if not created and earlier is not None:
        from resilience_cli.dutyday import short_day
        from resilience_cli.render.changes import updated_line

        headline = updated_line(short_day(record.day, common.today()), earlier, record,
                                plain=common.plain_mode())
    out.print(confirmation(record, created, plan.averages, headline))
    if followups_note:
        out.print(followups_note)
    boxes = plan.distress_box or any(i.level != "tip" for i in plan.items)
    if followup is not None and not followup.skipped:
        out.print(guidance.followup_closing(followup, settings, box_follows=boxes))
    if plan.items:
        out.print(guidance.items(plan.items, settings, why=False, plain=common.plain_mode()))
        # Never under a crisis box: it holds the contacts and nothing else. Only
        # rules have a "why" in `tips` (the hurt box is today's answer, not a pattern).
        if not any(i.level == "crisis" for i in plan.items) and any(i.rule != "hurt" for i in plan.items):
            out.print(_("checkin.why_these", command="resilience tips --why"), style="dim")  # not a message: a command
    if plan.distress_box:
        # A first very bad day gets a route to help whatever the safety
        # answer, even before any pattern rule has the days it needs.
        # With --no-input it goes to standard error: a script reading standard
        # output is not disturbed, and a person at the terminal still sees it.
        common.console(stderr=not interactive).print(
            guidance.distress(settings, plain=common.plain_mode(), extra=plan.folded))
    if plan.offer_reflection:
        out.print(_("checkin.reflection_ready", command="resilience reflect"))  # not a message: a command


def _nudge_colleagues(store: "JournalStore") -> None:
    """Reminders to look out for a colleague, where the officer's own follow-ups come up."""
    checks = store.colleagues.all()  # no rows, no import: the usual case stays as quick
    if not checks:
        return
    from rich.text import Text

    from resilience_cli.colleagues import due, nudge_words

    today = common.today()
    for nudge in due(checks, today):
        common.console().print(Text(nudge_words(nudge, today)))


def _extra_questions(day: dt.date, before: Any):
    """Ask what `aftercare.before_saving` found due: the safety question, then a follow-up."""
    import uuid
    from dataclasses import replace

    from resilience_cli import followups, prompts
    from resilience_cli.safety import YES

    safety_answer = prompts.ask_safety(again=before.again) if before.safety else None
    if safety_answer == YES or before.followup is None:
        return safety_answer, None
    due = before.followup
    choice = prompts.ask_followup_consent(due.incident_date, due.kind)
    base = followups.FollowUp(id=str(uuid.uuid4()), incident_date=due.incident_date.isoformat(),
                              kind=due.kind, date=day.isoformat())
    if choice == prompts.FOLLOWUP_NOW:
        return safety_answer, replace(base, **prompts.ask_followup())
    if choice == prompts.FOLLOWUP_SKIP:
        return safety_answer, replace(base, skipped=True)
    return safety_answer, None
