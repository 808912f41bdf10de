"""`resilience summary`: the supervision summary the officer writes and controls."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from resilience_cli.cli import common
from resilience_cli.errors import Cancelled, InvalidInput

OPTIONAL_TITLES = {
    "notes": "My private notes",
    "daily": "Day-by-day values",
    "alcohol": "Alcohol",
    "intrusions": "Unwanted memories and upsetting dreams",
    "packs": "Question pack scores",
}


class SummaryFormat(StrEnum):
    md = "md"
    txt = "txt"
    html = "html"
    pdf = "pdf"


def summary(
    from_: Annotated[str | None, typer.Option("--from", metavar="D", help="First day (default: the day after your last summary, or 4 weeks ago).")] = None,
    to: Annotated[str | None, typer.Option("--to", metavar="D", help="Last day (default today).")] = None,
    format_: Annotated[SummaryFormat, typer.Option("--format", help="md, txt, html or pdf.")] = SummaryFormat.md,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="PATH", help="Write here (mode 0600). md and txt go to standard output without it.")] = None,
    include: Annotated[list[str] | None, typer.Option("--include", metavar="SECTION", help="Add a private section: notes, daily, alcohol or intrusions (repeat).")] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Take the defaults and write without asking.")] = False,
    list_: Annotated[bool, typer.Option("--list", help="List the summaries you have written.")] = False,
) -> None:
    """Write a summary of the period to take into supervision, previewed and chosen by you.

    \b
    Examples:
      resilience summary --format html
      resilience summary --from 2026-11-01 --format pdf --output summary.pdf
      resilience summary --no-input --include notes > summary.md
    """
    from resilience_cli.report.document import (
        OPTIONAL,
        Choices,
        build,
        default_period,
    )

    if list_:
        _list()
        return
    wanted = frozenset(i.strip().lower() for i in (include or []))
    unknown = sorted(wanted - set(OPTIONAL))
    if unknown:
        raise InvalidInput(f"--include takes {', '.join(OPTIONAL)}; {unknown[0]!r} is not one of them.")
    today = common.today()
    with common.read_only_store() as store:
        past = store.summaries() if store else []
        previous = past[-1] if past else None
        start, end = default_period(today, previous)
        if from_:
            start = common.parse_date(from_)
        if to:
            end = common.parse_date(to)
        if start > end:
            raise InvalidInput(f"--from ({start}) is after --to ({end}).")
        days = (end - start).days + 1
        records = store.between(start - dt.timedelta(days=days), end) if store else []
        pack_answers = store.pack_answers(start) if store else []
    if store is None:
        raise InvalidInput("There are no check-ins yet, so there is nothing to summarise. Start with: resilience checkin")
    interactive = not no_input and common.stdin_is_terminal()
    choices = Choices(include=wanted, progress=tuple(previous.open_actions()) if previous else ())
    try:
        if interactive:
            choices = _ask(records, (start, end), previous, choices)
        else:
            choices = _look_over(records, (start, end), choices, interactive=False)
    except KeyboardInterrupt:
        raise Cancelled("Summary cancelled; nothing was written.") from None
    from resilience_cli.cli.trends import pack_scores

    packs = pack_scores(pack_answers, start, end) if "packs" in choices.include else None
    doc = build(records, (start, end), previous, choices, packs)
    _write(doc, format_, output, end)
    if output is not None or format_ in (SummaryFormat.html, SummaryFormat.pdf):
        _remember(doc, choices)


def _ask(records, period, previous, choices):
    from resilience_cli import prompts
    from resilience_cli.report.document import (
        REQUESTS,
        build,
        suggest_harder,
        suggest_helping,
    )
    from resilience_cli.report.text import markdown
    from resilience_cli.supervision import ACTION_STATUSES, Action

    out = common.console()
    from resilience_cli.insights import Window

    window = Window(*period)
    include = frozenset(prompts.pick_private_sections(OPTIONAL_TITLES, set(choices.include)))
    # Words that may identify someone are settled before anything is previewed.
    choices = _look_over(records, period, replace(choices, include=include), interactive=True)
    helped = prompts.edit_list("What has been helping?", suggest_helping(records, window))
    harder = prompts.edit_list("What has been harder? Any early signs you notice in yourself?",
                               suggest_harder(records, window, include))
    requests, other = prompts.pick_requests(REQUESTS, previous.requests if previous else ())
    progress = tuple(Action(a.text, prompts.review_action(a.text, ACTION_STATUSES)) for a in choices.progress)
    choices = replace(choices, helped=helped, harder=harder, requests=tuple(requests),
                      request_other=other, progress=progress, new_actions=prompts.new_actions())
    preview = build(records, period, previous, choices)
    dropped = set()
    for section in preview.sections:
        single = replace(preview, sections=(section,), charts=())
        from rich.text import Text

        from resilience_cli.render.words import clean

        preview = markdown(single).split("\n## ", 1)[-1].split("\n---")[0]
        out.print(Text("\n".join(clean(line) for line in preview.split("\n"))))
        if not prompts.keep_section(section.title):
            dropped.add(section.id)
    return replace(choices, dropped=frozenset(dropped))


def _look_over(records, period, choices, *, interactive: bool):
    """Warn about words that may identify other people or cases; the user decides."""
    from resilience_cli import prompts
    from resilience_cli.model import day_words
    from resilience_cli.report.document import shared_words
    from resilience_cli.report.identifiers import describe, scan

    left_out, edits = set(choices.left_out), dict(choices.edits)
    for item in shared_words(records, period, choices.include):
        warnings = scan(item.text)
        if not warnings:
            continue
        kind = "The talking point" if item.key.startswith("talking_point") else "The note"
        where = f"{kind} from {day_words(item.day)}"
        if interactive:
            choice, text = prompts.identifier_choice(where, item.text, describe(warnings))
            if choice == prompts.DROP:
                left_out.add(item.key)
            elif choice == prompts.EDIT:
                edits[item.key] = text
        else:
            left_out.add(item.key)
            print(f"{where} was left out: it may identify someone ({describe(warnings)}). "
                  "Run resilience summary in a terminal to keep or edit it.", file=sys.stderr)
    return replace(choices, left_out=frozenset(left_out), edits=tuple(edits.items()))


def _write(doc, format_: SummaryFormat, output: Path | None, end: dt.date) -> None:
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
    if output is None and format_ in (SummaryFormat.md, SummaryFormat.txt):
        sys.stdout.write(content)  # type: ignore[arg-type]
        return
    path = output.expanduser() if output else _default_name(end, format_.value)
    write_private(path, content)
    print(f"Wrote your summary to {path}.", file=sys.stderr)


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

    from resilience_cli.store import utc_now
    from resilience_cli.supervision import Action, PastSummary

    actions = (*choices.progress, *(Action(text) for text in choices.new_actions))
    store = common.open_store(create=True)
    assert store is not None
    with store:
        store.save_summary(PastSummary(
            id=str(uuid.uuid4()), created_at=utc_now(), period_from=doc.period_from.isoformat(),
            period_to=doc.period_to.isoformat(), requests=choices.requests,
            request_other=choices.request_other, actions=actions))


def _list() -> None:
    from resilience_cli.model import day_words

    with common.read_only_store() as store:
        past = store.summaries() if store else []
    if not past:
        print("No summaries yet. Write one with: resilience summary --format html")
        return
    for s in past:
        period = f"{day_words(dt.date.fromisoformat(s.period_from))} to {day_words(dt.date.fromisoformat(s.period_to))}"
        actions = ", ".join(f"{a.text} ({a.status})" for a in s.actions) or "no actions"
        print(f"{s.created_at[:10]}  {period}; {len(s.requests) + bool(s.request_other)} requests; {actions}")
