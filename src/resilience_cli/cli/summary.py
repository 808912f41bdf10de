"""`resilience summary`: the supervision summary the officer writes and controls."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from resilience_cli.cli import common
from resilience_cli.cli.options import (
    SummaryFormat,
    SummaryFormatOpt,
    ToOpt,
    no_input_option,
)
from resilience_cli.errors import Cancelled, InvalidInput, NotFound
from resilience_cli.messages import _, _n


def _include_help() -> str:
    """--include's help: the private sections, named once (report.sections.OPTIONAL)."""
    from resilience_cli.report.sections import OPTIONAL

    return _("summary.help.include", sections=", ".join(OPTIONAL[:-1]), last=OPTIONAL[-1])


def summary(
    from_: Annotated[str | None, typer.Option("--from", metavar="D", help=_("summary.help.from"))] = None,
    to: ToOpt = None,
    format_: SummaryFormatOpt = SummaryFormat.md,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="PATH", help=_("summary.help.output"))] = None,
    force: Annotated[bool, typer.Option("--force", help=_("summary.help.force", flag="--output"))] = False,
    include: Annotated[list[str] | None, typer.Option("--include", metavar="SECTION", help=_include_help())] = None,
    no_input: Annotated[bool, no_input_option(_("summary.help.no_input"))] = False,
    list_: Annotated[bool, typer.Option("--list", help=_("summary.help.list"))] = False,
) -> None:
    """Write a summary of the period to take into supervision, previewed and chosen by you.

    \b
    Examples:
      resilience summary --format html
      resilience summary --from 2026-11-01 --format pdf --output summary.pdf
      resilience summary --no-input --include notes > summary.md
    """
    from resilience_cli.report import period, screen
    from resilience_cli.report.document import Choices
    from resilience_cli.report.sections import OPTIONAL

    if list_:
        _list()
        return
    wanted = frozenset(i.strip().lower() for i in (include or []))
    unknown = sorted(wanted - set(OPTIONAL))
    if unknown:
        raise InvalidInput(_("summary.include_unknown", flag="--include", sections=", ".join(OPTIONAL),
                             name=repr(unknown[0])))
    journal = _read(from_, to)
    start, end, previous = journal.start, journal.end, journal.previous
    interactive = not no_input and common.stdin_is_terminal()
    # Where it goes is settled before any question: a refused path costs nothing.
    target = _target(output, format_, end, force=force)
    choices = Choices(include=wanted, progress=tuple(previous.open_actions()) if previous else ())
    from resilience_cli.pack_files import pack_scores

    def draft(chosen: Choices):
        """The document these choices make: what the officer looks over, previews and writes."""
        packs = pack_scores(journal.pack_answers, start, end) if "packs" in chosen.include else None
        return period.draft(journal, chosen, packs)

    try:
        if interactive:
            choices = _ask(journal, draft, choices)
        else:
            choices, said = screen.unattended(draft(choices), choices)
            for sentence in said:
                print(sentence, file=sys.stderr)
    except KeyboardInterrupt:
        raise Cancelled(_("summary.cancelled")) from None
    doc = draft(choices)
    _write(doc, format_, target)
    if target is not None:
        _remember(doc, choices)


def _read(from_: str | None, to: str | None):
    """The period (--from, --to, or from the day after the last summary) and its records."""
    from resilience_cli.report import period
    from resilience_cli.report.document import default_period

    with common.read_only_store() as store:
        past = store.summaries.all() if store else []
        previous = past[-1] if past else None
        start, end = default_period(common.today(), previous)
        if from_:
            start = common.parse_date(from_)
        if to:
            end = common.parse_date(to)
        if start > end:
            raise InvalidInput(_("summary.from_after_to", start=start, end=end, from_flag="--from", to_flag="--to"))
        if store is None:  # after the dates: a mistyped one is still said first
            # Exit 1: the command could not do its job (the contract); the input was fine.
            raise NotFound(_("summary.no_checkins", command="resilience checkin"))  # not a message: a command
        return period.read(store, start, end, previous)


def _ask(journal, draft, choices):
    from resilience_cli import prompts
    from resilience_cli.insights import Window
    from resilience_cli.render.summary import section_preview
    from resilience_cli.report.document import request_words, suggest_harder, suggest_helping
    from resilience_cli.report.sections import optional_titles
    from resilience_cli.supervision import ACTION_STATUSES, Action

    out = common.console()
    records, window, previous = journal.records, Window(journal.start, journal.end), journal.previous
    include = frozenset(prompts.pick_private_sections(optional_titles(), set(choices.include)))
    # Words that may identify someone are settled before anything is previewed:
    # the journal's words first, then what the officer types here.
    choices, kept = _look_over(draft, replace(choices, include=include))
    helped = prompts.edit_list(_("summary.ask.helping"), suggest_helping(records, window, include))
    harder = prompts.edit_list(_("summary.ask.harder"), suggest_harder(records, window, include))
    requests, other = prompts.pick_requests(request_words(), previous.requests if previous else ())
    progress = tuple(Action(a.text, prompts.review_action(a.text, a.status, ACTION_STATUSES))
                     for a in choices.progress)
    choices = replace(choices, helped=helped, harder=harder, requests=tuple(requests),
                      request_other=other, progress=progress, new_actions=prompts.new_actions())
    choices, __ = _look_over(draft, choices, kept=kept)
    dropped = set()
    # Each section as it will be written, the week-by-week figures the charts
    # draw among them, before the officer keeps or drops it.
    for section in draft(choices).sections:
        out.print(section_preview(section))
        if not prompts.keep_section(section.title):
            dropped.add(section.id)
    return replace(choices, dropped=frozenset(dropped))


def _look_over(draft, choices, *, kept: frozenset[str] = frozenset()):
    """Ask about the officer's words that may identify other people or cases (report.screen
    finds them); returns the choices and the keys kept as they are.

    With several flagged lines, the officer may settle them all at once
    ("leave out all", "keep all") or one by one; edited words are asked about
    again while they still flag.
    """
    from resilience_cli import prompts
    from resilience_cli.report import screen

    before = draft(choices)
    found = screen.flagged(before, kept)
    at_once = prompts.identifiers_at_once(len(found)) if len(found) > 1 else None
    while found:
        answers: dict[str, str | None] = {}
        for item in found:
            if at_once in (prompts.KEEP_ALL, prompts.DROP_ALL):
                choice, text = (prompts.KEEP if at_once == prompts.KEEP_ALL else prompts.DROP), item.own.text
            else:
                choice, text = prompts.identifier_choice(item.own.where, item.own.text, item.problem)
            answers[item.own.key] = None if choice == prompts.DROP else text
            if choice == prompts.KEEP:  # only a keep: words edited (even to the same) are looked at again
                kept |= {item.own.key}
        choices = screen.settle(choices, answers)
        # Words left out are never asked about twice, whatever a section does with them.
        found = [item for item in screen.flagged(draft(choices), kept) if item.own.key not in choices.left_out]
    held = screen.notes_held_back(before, choices.left_out)
    if held:
        print(held, file=sys.stderr)
    return choices, kept


def _target(output: Path | None, format_: SummaryFormat, end: dt.date, *, force: bool) -> Path | None:
    """The file to write, or None for standard output (md and txt without --output, or -o -)."""
    from resilience_cli.files import output_target

    if output is not None:
        return output_target(output, force=force, ask=common.ask_replace(), protected=common.protected_folders())
    if format_ in (SummaryFormat.md, SummaryFormat.txt):
        return None
    return output_target(_default_name(end, format_.value), force=False, ask=None,
                         protected=common.protected_folders())


def _write(doc, format_: SummaryFormat, target: Path | None) -> None:
    """Write the summary to `target`, or to standard output when it is None."""
    from resilience_cli.files import write_private

    if format_ is SummaryFormat.pdf:
        from resilience_cli.report.pdf import pdf

        content: str | bytes = pdf(doc)
    elif format_ is SummaryFormat.html:
        from resilience_cli.report.html import html

        content = html(doc)
    else:
        from resilience_cli.report import text

        content = text.markdown(doc) if format_ is SummaryFormat.md else text.text(doc)
    if target is None:
        if isinstance(content, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(content)
        else:
            common.machine_output(content)
        return
    write_private(target, content)
    from resilience_cli.report.document import shared_record

    print(_("summary.wrote", path=target, shared_record=shared_record()), file=sys.stderr)


def _default_name(end: dt.date, ext: str) -> Path:
    path = Path.cwd() / f"resilience-summary-{end.isoformat()}.{ext}"
    n = 2
    while path.exists():
        path = Path.cwd() / f"resilience-summary-{end.isoformat()}-{n}.{ext}"
        n += 1
    return path


def _remember(doc, choices) -> None:
    """Keep the period, requests and actions, so the next summary starts where this ended."""
    import uuid

    from resilience_cli.report.period import to_remember
    from resilience_cli.store import utc_now

    store = common.created_store()
    with store:
        store.summaries.save(to_remember(doc, choices, id=str(uuid.uuid4()), created_at=utc_now()))


def _list() -> None:
    from resilience_cli.model import day_words

    with common.read_only_store() as store:
        past = store.summaries.all() if store else []
    if not past:
        print(_("summary.list.none", command="resilience summary --format html"))  # not a message: a command
        return
    for s in past:
        period = _("summary.period", start=day_words(dt.date.fromisoformat(s.period_from)),
                   end=day_words(dt.date.fromisoformat(s.period_to)))
        actions = ", ".join(f"{a.text} ({a.status})" for a in s.actions) or _("summary.list.no_actions")
        print(_n("summary.list.line", len(s.requests) + bool(s.request_other), created=s.created_at[:10],
                 period=period, actions=actions))
