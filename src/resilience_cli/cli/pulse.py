"""`resilience pulse`: the team pulse, from the officer's week in bands to the organisation's answer.

Thin: the bands, the file formats, the counting and the suppression are the
pure package resilience_cli.pulse; the collector's files are streamed by
pulse_files; the reads are kept by store.pulse (`store.pulse_reads`).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from resilience_cli.cli import common
from resilience_cli.cli.options import PulseFormat, PulseFormatOpt, command_help, no_input_option
from resilience_cli.errors import Cancelled, InvalidInput, NotFound, ResilienceError
from resilience_cli.messages import _, _n

app = typer.Typer(help=_("pulse.help.app"), short_help=_("pulse.help.app_short"),
                  context_settings={"help_option_names": ["-h", "--help"]})

OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", metavar="PATH",
                                                help=_("pulse.help.output", dash="-"))]
ForceOpt = Annotated[bool, typer.Option("--force", help=_("pulse.help.force", flag="--output"))]
WeekOpt = Annotated[str | None, typer.Option("--week", metavar="YYYY-Www",
                                             help=_("pulse.help.week", example="2026-W49"))]
# A team report can list many weeks; an answer is about a page.
READ_LIMIT = 1024 * 1024


@app.callback(invoke_without_command=True)
def pulse(ctx: typer.Context) -> None:
    """`resilience pulse`: the reports and answers read (its help is the app's, pulse.help.app)."""
    if ctx.invoked_subcommand is not None:
        return

    with common.read_only_store() as store:
        found = store.pulse_reads.all() if store is not None else []
    if not found:
        print(_("pulse.list.none", command="resilience pulse read FILE"))  # not a message: a command
        return
    print(_("pulse.list.heading"))
    for item in found:
        kind = _("pulse.list.report") if item.kind == "report" else _("pulse.list.answer")
        print(_("pulse.list.line", weeks=item.weeks, kind=kind, headline=item.headline, day=item.read_at[:10]))


@contextmanager
def _then(consequence: str) -> Iterator[None]:
    """A refusal's message, followed by what was left undone ("Nothing was merged or written.")."""
    try:
        yield
    except ResilienceError as exc:
        exc.message = f"{exc.message} {consequence}"
        raise


def _finished_week(text: str | None, today: dt.date) -> dt.date:
    from resilience_cli.model import day_words
    from resilience_cli.pulse.bands import is_over, last_complete_week, parse_week, week_id

    monday = parse_week(text) if text else last_complete_week(today)
    if not is_over(monday, today):
        sunday = monday + dt.timedelta(days=6)
        raise InvalidInput(_("pulse.week.not_over", week=week_id(monday), sunday=day_words(sunday)))
    return monday


def _target(output: Path, force: bool, *, ask: bool) -> Path | None:
    from resilience_cli.files import output_target

    return output_target(output, force=force, ask=common.ask_replace() if ask else None,
                         protected=common.protected_folders())


def _write(target: Path | None, data: bytes) -> None:
    from resilience_cli.files import write_private

    if target is None:
        common.machine_output(data.decode("utf-8"))
    else:
        write_private(target, data)


def _helps_help() -> str:
    from resilience_cli.pulse.bands import HELP_IDS

    return _("pulse.help.helps", choices=", ".join(HELP_IDS[:-1]), last=HELP_IDS[-1], flag="--no-input")


@app.command("export", short_help=_("pulse.help.export_short"), help=command_help(
    _("pulse.help.export"), _("pulse.help.export_examples")))
def export(
    week: WeekOpt = None,
    output: OutputOpt = None,
    helps: Annotated[str | None, typer.Option("--helps", metavar="CHOICE", help=_helps_help())] = None,
    force: ForceOpt = False,
    no_input: Annotated[bool, no_input_option(_("pulse.help.export_no_input"))] = False,
) -> None:
    """One week as a pulse file, shown first (help: pulse.help.export)."""
    import secrets

    from resilience_cli.pulse.bands import HELP_IDS, QUESTIONS, UNANSWERED, week_id, week_in_bands, week_words
    from resilience_cli.pulse.bands import helps as help_choices
    from resilience_cli.pulse.schema import PULSE, VERSION, pulse_content, to_bytes

    if helps is not None and helps not in HELP_IDS:
        raise InvalidInput(_("pulse.export.helps_unknown", flag="--helps", choices=", ".join(HELP_IDS), given=repr(helps)))
    asking = not no_input
    if asking and not common.stdin_is_terminal():
        raise InvalidInput(_("pulse.export.needs_terminal", command="pulse export", no_input="--no-input",  # not a message: a command
                             helps="--helps CHOICE"))  # not a message: a command
    monday = _finished_week(week, common.today())
    with common.read_only_store() as store:
        if store is None:
            raise NotFound(common.NO_CHECKINS_YET)
        records = store.between(monday, monday + dt.timedelta(days=6))
    week_in_bands(records, monday, UNANSWERED)  # fewer than 3 check-ins: refused before any question
    target = _target(output or Path(f"pulse-{week_id(monday)}.json"), force, ask=asking)
    if helps is None and asking:
        from resilience_cli.prompts.pulse import ask_helps

        try:
            helps = ask_helps(help_choices())
        except KeyboardInterrupt:
            raise Cancelled(_("pulse.export.cancelled")) from None
    bands = week_in_bands(records, monday, helps or UNANSWERED)
    data = to_bytes(pulse_content(monday, secrets.token_hex(16), bands))
    where = _("pulse.standard_output") if target is None else str(target)
    if asking:
        say = sys.stderr if target is None else sys.stdout
        lines = [_("pulse.export.preview", week=week_id(monday), words=week_words(monday)), ""]
        lines += [f"  {q.title}: {q.words(bands[q.key])}" for q in QUESTIONS]
        lines += ["  " + _("pulse.export.preview_token"),
                  "  " + _("pulse.export.preview_format", format=PULSE, version=VERSION), "",
                  _("pulse.export.preview_bytes"), "", data.decode("ascii"),
                  who_can_read(), ""]
        print("\n".join(lines), file=say)
        from resilience_cli.prompts.pulse import confirm_write

        try:
            agreed = confirm_write(_("pulse.export.confirm", where=where))
        except KeyboardInterrupt:
            agreed = False
        if not agreed:
            raise Cancelled(_("pulse.nothing_written"))
    _write(target, data)
    print(_("pulse.export.wrote", week=week_id(monday), where=where),
          file=sys.stderr if target is None else sys.stdout)


def who_can_read() -> str:
    """Said before a pulse file is written: who can read it."""
    return _("pulse.export.who_can_read")


@app.command("merge", short_help=_("pulse.help.merge_short"), help=command_help(
    _("pulse.help.merge"), _("pulse.help.merge_examples")))
def merge(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH...", help=_("pulse.help.merge_paths", pattern="*.json"))],
    min_group: Annotated[int, typer.Option("--min-group", metavar="N",
                                           help=_("pulse.help.min_group", least=5))] = 5,
    format: PulseFormatOpt = PulseFormat.md,  # noqa: A002 - the contract's name
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Pulse files checked and counted into a team report (help: pulse.help.merge)."""
    from resilience_cli.pulse import report as words
    from resilience_cli.pulse.bands import week_id
    from resilience_cli.pulse.merge import Tally, check_min_group, report
    from resilience_cli.pulse.schema import check_pulse
    from resilience_cli.pulse_files import pulse_paths, read_small

    k = check_min_group(min_group)
    target = _target(output, force, ask=True) if output is not None else None
    today = common.today()
    tally = Tally()
    with _then(_("pulse.merge.nothing_merged")):
        for path in pulse_paths(paths):
            name = str(path)
            tally.add(check_pulse(read_small(path), name, today), name)
    if tally.files == 0:
        raise InvalidInput(_("pulse.merge.no_files", pattern="*.json"))
    result = report(tally, k)
    if not result.weeks:
        raise NotFound(" ".join([*(words.too_few_sentence(m, k) for m in result.too_few), _("pulse.nothing_written")]))
    render = {PulseFormat.md: words.as_markdown, PulseFormat.html: words.as_html, PulseFormat.json: words.as_json}
    _write(target, render[PulseFormat(format)](result).encode("utf-8"))
    copies = _n("pulse.merge.copies", tally.duplicates) if tally.duplicates else ""
    what = _n("pulse.merge.report_for", len(result.weeks), weeks=", ".join(week_id(w.monday) for w in result.weeks))
    if target:
        said = _n("pulse.merge.done_to", tally.files, copies=copies, what=what, target=target)
    else:
        said = _n("pulse.merge.done", tally.files, copies=copies, what=what)
    print(said, file=sys.stderr)


@app.command("respond", short_help=_("pulse.help.respond_short"), help=command_help(
    _("pulse.help.respond"), _("pulse.help.respond_examples")))
def respond(
    week: Annotated[str, typer.Option("--week", metavar="YYYY-Www", help=_("pulse.help.respond_week"))],
    from_stdin: Annotated[bool, typer.Option("--from-stdin", help=_("pulse.help.from_stdin"))] = False,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """The organisation's answer to a week's report, as a file (help: pulse.help.respond)."""
    from resilience_cli.pulse.bands import week_id
    from resilience_cli.pulse.schema import MAX_RESPONSE_CHARS, response_content, to_bytes

    if not from_stdin:
        raise InvalidInput(_("pulse.respond.from_stdin", flag="--from-stdin"))
    monday = _finished_week(week, common.today())
    target = _target(output, force, ask=True) if output is not None else None
    text = sys.stdin.read(MAX_RESPONSE_CHARS * 2 + 1)
    _write(target, to_bytes(response_content(monday, text)))
    if target is not None:
        print(_("pulse.respond.wrote", week=week_id(monday), target=target,
                command=f"resilience pulse read {target}"))  # not a message: a command


@app.command("read", short_help=_("pulse.help.read_short"), help=command_help(
    _("pulse.help.read"), _("pulse.help.read_examples")))
def read(
    path: Annotated[Path, typer.Argument(metavar="PATH", help=_("pulse.help.read_path"))],
) -> None:
    """A report or an answer, checked, shown and noted as read (help: pulse.help.read)."""
    import hashlib

    from rich.text import Text

    from resilience_cli.pulse import report as words
    from resilience_cli.pulse.bands import week_id, week_words
    from resilience_cli.pulse.schema import PULSE, REPORT, RESPONSE, check_response, load_object
    from resilience_cli.pulse_files import read_small

    name = str(path)
    today = common.today()
    with _then(_("pulse.read.nothing_read")):
        raw = read_small(path.expanduser(), READ_LIMIT)
        data = load_object(raw, name)
        kind = data.get("format")
        if kind == RESPONSE:
            monday, text = check_response(data, name, today)
        elif kind == REPORT:
            result = words.check_report(data, name, today)
    out = common.console()
    if kind == RESPONSE:
        weeks, headline = week_id(monday), text.split("\n", 1)[0][:80]
        out.print(Text(_("pulse.read.answer_heading", weeks=weeks, words=week_words(monday)) + "\n"))
        out.print(Text(text))  # a Text is never read as markup
        record, what = "response", _("pulse.list.answer")
    elif kind == REPORT:
        weeks = ", ".join(week_id(w.monday) for w in result.weeks) or ", ".join(week_id(m) for m in result.too_few)
        headline = (_("pulse.read.headline_join").join(_n("pulse.read.headline", w.participants) for w in result.weeks)
                    or _("pulse.read.headline_none"))
        out.print(Text(words.as_text(result).rstrip("\n")))
        record, what = "report", _("pulse.list.report")
    elif kind == PULSE:
        raise InvalidInput(_("pulse.read.is_pulse_file", name=name, command="resilience pulse merge"))  # not a message: a command
    else:
        raise InvalidInput(_("pulse.read.neither", name=name))
    with common.created_store() as store:
        earlier = store.pulse_reads.record(hashlib.sha256(raw).hexdigest(), record, weeks, headline)
    command = "resilience pulse"  # not a message: a command
    if earlier:
        said = _("pulse.read.noted_before", day=earlier.read_at[:10], command=command, what=what)
    else:
        said = _("pulse.read.noted", command=command, what=what)
    print("\n" + said)
