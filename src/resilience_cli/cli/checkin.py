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
from resilience_cli.model import SHIFT_WORDS, Answers, day_words

if TYPE_CHECKING:
    from resilience_cli.store import JournalStore

CANCELLED = "Check-in cancelled; nothing was saved."

DateOpt = Annotated[
    str | None,
    typer.Option("--date", metavar="D", help="The duty day: YYYY-MM-DD, today or yesterday."),
]


def checkin(
    date: DateOpt = None,
    shift: Annotated[str | None, typer.Option(metavar="S", help="rest, day, late, night, long, sick (off sick), leave (annual leave) or training (training, court or office).")] = None,
    incident: Annotated[str | None, typer.Option(metavar="I", help="none, minor or significant.")] = None,
    hurt: Annotated[bool | None, typer.Option("--hurt/--no-hurt", help="You were assaulted or physically hurt at work.")] = None,
    material: Annotated[str | None, typer.Option(metavar="L", help="Distressing material: none, a-little, some or a-lot (or 0 to 3).")] = None,
    graphic: Annotated[bool | None, typer.Option("--graphic/--no-graphic", help="Any violent or graphic images or video.")] = None,
    interactions: Annotated[str | None, typer.Option(metavar="L", help="Hostile or distressing interactions (abuse, threats, manipulation, someone in acute distress): none, a-little, some or a-lot (or 0 to 3).")] = None,
    workload: Annotated[str | None, typer.Option(metavar="0-4", help="How manageable the workload was (4 completely).")] = None,
    sleep_hours: Annotated[str | None, typer.Option(metavar="H", help="Hours slept in your last main sleep.")] = None,
    sleep_quality: Annotated[str | None, typer.Option(metavar="0-10", help="How well you slept (10 very well).")] = None,
    nightmare: Annotated[bool | None, typer.Option("--nightmare/--no-nightmare", help="Upsetting dreams about work.")] = None,
    intrusions: Annotated[str | None, typer.Option(metavar="0-4", help="Unwanted memories from work in your own time (4 most of the time).")] = None,
    switch_off: Annotated[str | None, typer.Option(metavar="0-4", help="How well you could switch off (4 completely).")] = None,
    mood: Annotated[str | None, typer.Option(metavar="0-10", help="Overall mood (10 very good).")] = None,
    energy: Annotated[str | None, typer.Option(metavar="0-10", help="Energy (10 full of energy).")] = None,
    talked: Annotated[bool | None, typer.Option("--talked/--no-talked", help="Talked to someone you trust about how work is affecting you.")] = None,
    support: Annotated[str | None, typer.Option(metavar="0-4", help="How supported you felt by team or manager (4 very).")] = None,
    recovery: Annotated[list[str] | None, typer.Option(metavar="R", help="What you did for yourself (repeat): exercise, outdoors, people, hobby, wind_down, rest, other, or nothing.")] = None,
    alcohol_units: Annotated[str | None, typer.Option(metavar="U", help="Units of alcohol.")] = None,
    raise_: Annotated[bool | None, typer.Option("--raise/--no-raise", help="Mark this day to raise at supervision.")] = None,
    supported_colleague: Annotated[bool | None, typer.Option("--supported-colleague/--no-supported-colleague", help="Whether you supported a colleague today.")] = None,
    good_moment: Annotated[bool | None, typer.Option("--good-moment/--no-good-moment", help="A moment at work that felt worthwhile.")] = None,
    note_stdin: Annotated[bool, typer.Option("--note-stdin", help="Read a private note from standard input (never from the command line).")] = False,
    talking_point_stdin: Annotated[bool, typer.Option("--talking-point-stdin", help="Read what to raise at supervision from standard input; marks the day to raise.")] = False,
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
        raise InvalidInput("--note-stdin and --talking-point-stdin both read standard input: give one "
                           "at a time. Nothing was saved.")
    if talking_point_stdin and raise_ is False:
        raise InvalidInput("--talking-point-stdin marks the day to raise, so it cannot go with --no-raise. "
                           "Nothing was saved.")
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
        raise Cancelled(CANCELLED) from None
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
        print(f"Before 6 am a check-in is for the shift that began the day before, so this one "
              f"is for {day_words(found.day)}. For today instead, add --date today.", file=sys.stderr)
    else:
        until = settings.night_shift_until.strftime("%H:%M")
        print(f"After a {SHIFT_WORDS[shift]}, a check-in before {until} is for the day the shift began, "
              f"so this one is for {shift_day_words(shift, found.day, now.date())}. "
              "For today instead, add --date today.", file=sys.stderr)
    return found.day


def edit(
    date: Annotated[str, typer.Argument(metavar="D", help="The duty day: YYYY-MM-DD, today or yesterday.")],
) -> None:
    """Amend a day's check-in, question by question, with its answers as the defaults.

    \b
    Example:
      resilience edit yesterday
    """
    day = common.parse_date(date)
    if not common.stdin_is_terminal():
        raise InvalidInput(
            "edit asks its questions in a terminal. From a script, use "
            f"resilience checkin --date {day.isoformat()} with the answers as flags."
        )
    store = common.open_store(create=False)  # once, for the questions and the save
    try:
        if store is None or store.get(day) is None:
            raise NotFound(
                f"There is no check-in for {day_words(day)}. "
                f"To add one: resilience checkin --date {day.isoformat()}"
            )
        settings = common.settings()
        _, given, _ = _ask(day, {}, settings, store)
        _save_and_confirm(day, given, settings, store, interactive=True)
    except KeyboardInterrupt:
        raise Cancelled(CANCELLED) from None
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
                raise InvalidInput(f"{spoken(name).capitalize()} (--{flag}): {value!r} is not one of "
                                   f"{', '.join(LEVEL_FLAG_WORDS)} (or 0 to 3). Nothing was saved.") from None
            raise InvalidInput(f"{exc.message[0].upper()}{exc.message[1:]} Nothing was saved.") from None
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

    what = "note" if name == "note" else "talking point"
    if common.stdin_is_terminal():
        print(f"Type your {what}, then press Ctrl-D on a new line.", file=sys.stderr)
    # Read a little past the limit and no further: `yes | resilience checkin
    # --note-stdin` must not read until memory runs out.
    limit = 4 * MAX_TEXT + 4
    stream = getattr(sys.stdin, "buffer", None)
    raw = stream.read(limit + 1) if stream is not None else sys.stdin.read(limit + 1).encode("utf-8")
    if len(raw) > limit:
        raise InvalidInput(f"The {what} on standard input is longer than {MAX_TEXT:,} characters, the most "
                           "a note can hold. Nothing was saved.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(f"The {what} on standard input is not UTF-8 text. Convert it first, for example "
                           f"with: iconv -f WINDOWS-1252 -t UTF-8 FILE | resilience checkin --{name.replace('_', '-')}-stdin. "
                           "Nothing was saved.") from None
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
                   else f"Checking in for {day_words(day)}.")
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
    out.print(f"{heading} Every question can be skipped.")
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
        out.print(f"Saved: the routes for your work ({workplace.service}), in {config_file}.", markup=False)
    if workplace.own and saved_own:
        out.print("Saved your own numbers; they are shown first whenever help is. Change them with: "
                  "resilience contacts", markup=False)
    if not (saved_service and saved_own):
        missing = lines_to_add(() if saved_own else workplace.own, None if saved_service else workplace.service)
        out.print(f"To use them, add these lines to {config_file}:\n{missing}", markup=False)


def _save_region(region: str) -> None:
    """Saved with the check-in, never before it: Ctrl-C at any question leaves no trace."""
    from resilience_cli.config import save_region

    config_file = paths().config_file
    if save_region(config_file, region):
        common.console().print(f"Saved: help contacts for {region.replace('-', ' ').title()}, "
                               f"in {config_file}.")
    else:
        common.console().print(f'To use those contacts, add region = "{region}" under [contacts] '
                               f"in {config_file}.", markup=False)


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
            raise JournalProblem(
                f"Your check-in for {day_words(day)} was saved, but something went wrong showing what "
                "comes next (this is a bug). Run resilience tips to see your tips; run again with "
                "--debug to see the details.") from exc


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
    from resilience_cli.render.journal import confirmation

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
        out.print("Thank you for answering honestly.", style="bold")
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
            out.print("Why these? resilience tips --why", style="dim")
    if plan.distress_box:
        # A first very bad day gets a route to help whatever the safety
        # answer, even before any pattern rule has the days it needs.
        # With --no-input it goes to standard error: a script reading standard
        # output is not disturbed, and a person at the terminal still sees it.
        common.console(stderr=not interactive).print(
            guidance.distress(settings, plain=common.plain_mode(), extra=plan.folded))
    if plan.offer_reflection:
        out.print("Your weekly reflection is ready when you are (about two minutes): resilience reflect")


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
