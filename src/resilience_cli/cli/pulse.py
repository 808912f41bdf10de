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
from resilience_cli.cli.options import PulseFormat, PulseFormatOpt, no_input_option
from resilience_cli.errors import Cancelled, InvalidInput, NotFound, ResilienceError

app = typer.Typer(help="The team pulse: your week in bands for a team report, and the organisation's answer.",
                  short_help="A team pulse: your week in bands, and the answer back.",
                  context_settings={"help_option_names": ["-h", "--help"]})

OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", metavar="PATH",
                                                help="Where to write it (- for standard output).")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace the --output file if it exists.")]
WeekOpt = Annotated[str | None, typer.Option("--week", metavar="YYYY-Www",
                                             help="The ISO week, such as 2026-W49 (default: the last complete week).")]
# A team report can list many weeks; an answer is about a page.
READ_LIMIT = 1024 * 1024


@app.callback(invoke_without_command=True)
def pulse(ctx: typer.Context) -> None:
    """List the team reports and answers you have read.

    \b
    Examples:
      resilience pulse
      resilience pulse read answer-2026-W49.json
    """
    if ctx.invoked_subcommand is not None:
        return

    with common.read_only_store() as store:
        found = store.pulse_reads.all() if store is not None else []
    if not found:
        print("You have not read any team pulse reports or answers yet. Bring one in with: "
              "resilience pulse read FILE")
        return
    print("Team pulse reports and answers you have read:")
    for item in found:
        kind = "team report" if item.kind == "report" else "answer"
        print(f"  {item.weeks}  {kind}: {item.headline} (read {item.read_at[:10]})")


@contextmanager
def _then(consequence: str) -> Iterator[None]:
    """A refusal's message, followed by what was left undone ("Nothing was merged or written.")."""
    try:
        yield
    except ResilienceError as exc:
        exc.message = f"{exc.message} {consequence}"
        raise


def _finished_week(text: str | None, today: dt.date) -> dt.date:
    from resilience_cli.pulse.bands import is_over, last_complete_week, parse_week, week_id

    monday = parse_week(text) if text else last_complete_week(today)
    if not is_over(monday, today):
        sunday = monday + dt.timedelta(days=6)
        raise InvalidInput(f"Week {week_id(monday)} is not over until the end of {sunday:%A} {sunday.day} "
                           f"{sunday:%B} {sunday.year}; choose a week that has ended.")
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


@app.command("export", short_help="Write your week as a pulse file, bands only.")
def export(
    week: WeekOpt = None,
    output: OutputOpt = None,
    helps: Annotated[str | None, typer.Option(
        "--helps", metavar="CHOICE",
        help="What would help most: staffing, breaks, rest-days, manager-time, incident-support, kit-safety, "
             "training, nothing or unanswered (asked when not given; unanswered with --no-input).")] = None,
    force: ForceOpt = False,
    no_input: Annotated[bool, no_input_option("write the file without showing it first")] = False,
) -> None:
    """Write one week of your journal as a pulse file: bands only, every byte shown first.

    \b
    Examples:
      resilience pulse export
      resilience pulse export --week 2026-W49 --helps staffing --no-input --output pulse.json
    """
    import secrets

    from resilience_cli.pulse.bands import HELP_IDS, HELPS, QUESTIONS, UNANSWERED, week_id, week_in_bands, week_words
    from resilience_cli.pulse.schema import PULSE, VERSION, pulse_content, to_bytes

    if helps is not None and helps not in HELP_IDS:
        raise InvalidInput(f"--helps takes one of: {', '.join(HELP_IDS)}; {helps!r} is not one of them.")
    asking = not no_input
    if asking and not common.stdin_is_terminal():
        raise InvalidInput("pulse export shows you the file and asks before writing it, which needs a terminal. "
                           "To write it without asking, add --no-input (and --helps CHOICE).")
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
            helps = ask_helps(HELPS)
        except KeyboardInterrupt:
            raise Cancelled("Cancelled; nothing was written.") from None
    bands = week_in_bands(records, monday, helps or UNANSWERED)
    data = to_bytes(pulse_content(monday, secrets.token_hex(16), bands))
    where = "standard output" if target is None else str(target)
    if asking:
        say = sys.stderr if target is None else sys.stdout
        lines = [f"This is everything the pulse file for week {week_id(monday)} ({week_words(monday)}) will hold:", ""]
        lines += [f"  {q.title}: {q.words(bands[q.key])}" for q in QUESTIONS]
        lines += ["  A random token, new for this file, used only to count it once",
                  f"  The file's format and its version ({PULSE}, version {VERSION})", "",
                  "The file's bytes, exactly as they will be written:", "", data.decode("ascii"),
                  WHO_CAN_READ, ""]
        print("\n".join(lines), file=say)
        from resilience_cli.prompts.pulse import confirm_write

        try:
            agreed = confirm_write(f"Write this file to {where}?")
        except KeyboardInterrupt:
            agreed = False
        if not agreed:
            raise Cancelled("Nothing was written.")
    _write(target, data)
    print(f"Wrote the pulse file for week {week_id(monday)} to {where}. Pass it on only if you choose to.",
          file=sys.stderr if target is None else sys.stdout)


WHO_CAN_READ = ("Whoever collects this file can read it. The minimum group size protects you in the team "
                "report, not from the person who collects the files.")


@app.command("merge", short_help="Count pulse files into a team report.")
def merge(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH...", help="Pulse files, or folders of them (*.json).")],
    min_group: Annotated[int, typer.Option("--min-group", metavar="N",
                                           help="The fewest people a count may come from (5 or more).")] = 5,
    format: PulseFormatOpt = PulseFormat.md,  # noqa: A002 - the contract's name
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Check every pulse file and count them into a team report per week, hiding small counts.

    \b
    Examples:
      resilience pulse merge pulses/
      resilience pulse merge pulses/ --format html --output team-pulse.html
    """
    from resilience_cli.pulse import report as words
    from resilience_cli.pulse.bands import week_id
    from resilience_cli.pulse.merge import Tally, check_min_group, report
    from resilience_cli.pulse.schema import check_pulse
    from resilience_cli.pulse_files import pulse_paths, read_small

    k = check_min_group(min_group)
    target = _target(output, force, ask=True) if output is not None else None
    today = common.today()
    tally = Tally()
    with _then("Nothing was merged or written."):
        for path in pulse_paths(paths):
            name = str(path)
            tally.add(check_pulse(read_small(path), name, today), name)
    if tally.files == 0:
        raise InvalidInput("No pulse files were found there (in a folder, the *.json files directly inside it "
                           "are read). Nothing was written.")
    result = report(tally, k)
    if not result.weeks:
        raise NotFound(" ".join(words.too_few_sentence(m, k) for m in result.too_few) + " Nothing was written.")
    render = {PulseFormat.md: words.as_markdown, PulseFormat.html: words.as_html, PulseFormat.json: words.as_json}
    _write(target, render[PulseFormat(format)](result).encode("utf-8"))
    copies = f" ({tally.duplicates} sent more than once, counted once)" if tally.duplicates else ""
    reported = ", ".join(week_id(w.monday) for w in result.weeks)
    what = f"a report for week {reported}" if len(result.weeks) == 1 else f"reports for weeks {reported}"
    print(f"Merged {tally.files} files{copies}: {what}" + (f", written to {target}." if target else "."),
          file=sys.stderr)


@app.command("respond", short_help="Write the organisation's answer to a report.")
def respond(
    week: Annotated[str, typer.Option("--week", metavar="YYYY-Www", help="The week the answer is about.")],
    from_stdin: Annotated[bool, typer.Option("--from-stdin", help="Read the answer's words from standard input.")] = False,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Write the organisation's answer to a week's team report ("you said, we did") as a file.

    \b
    Example:
      resilience pulse respond --week 2026-W49 --from-stdin --output answer-2026-W49.json < answer.txt
    """
    from resilience_cli.pulse.bands import week_id
    from resilience_cli.pulse.schema import MAX_RESPONSE_CHARS, response_content, to_bytes

    if not from_stdin:
        raise InvalidInput("The answer's words are read from standard input, never the command line (where they "
                           "would stay in the shell's history): add --from-stdin.")
    monday = _finished_week(week, common.today())
    target = _target(output, force, ask=True) if output is not None else None
    text = sys.stdin.read(MAX_RESPONSE_CHARS * 2 + 1)
    _write(target, to_bytes(response_content(monday, text)))
    if target is not None:
        print(f"Wrote the answer for week {week_id(monday)} to {target}. Each person brings it in with: "
              f"resilience pulse read {target}")


@app.command("read", short_help="Read a team report or an answer to one.")
def read(
    path: Annotated[Path, typer.Argument(metavar="PATH", help="A team report (JSON) or an answer to one.")],
) -> None:
    """Read a team pulse report or the organisation's answer, checked first, and note that you read it.

    \b
    Example:
      resilience pulse read answer-2026-W49.json
    """
    import hashlib

    from rich.text import Text

    from resilience_cli.pulse import report as words
    from resilience_cli.pulse.bands import week_id, week_words
    from resilience_cli.pulse.schema import PULSE, REPORT, RESPONSE, check_response, load_object
    from resilience_cli.pulse_files import read_small

    name = str(path)
    today = common.today()
    with _then("Nothing was read."):
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
        out.print(Text(f"The answer to the team pulse for week {weeks} ({week_words(monday)}):\n"))
        out.print(Text(text))  # a Text is never read as markup
        record, what = "response", "answer"
    elif kind == REPORT:
        weeks = ", ".join(week_id(w.monday) for w in result.weeks) or ", ".join(week_id(m) for m in result.too_few)
        headline = "; ".join(f"{w.participants} took part" for w in result.weeks) or "no week had enough people"
        out.print(Text(words.as_text(result).rstrip("\n")))
        record, what = "report", "team report"
    elif kind == PULSE:
        raise InvalidInput(f"{name} is a pulse file: it is read by whoever merges them (resilience pulse merge), "
                           "not brought in here. Nothing was read.")
    else:
        raise InvalidInput(f"{name} is neither a team pulse report (JSON) nor an answer to one. Nothing was read.")
    with common.created_store() as store:
        earlier = store.pulse_reads.record(hashlib.sha256(raw).hexdigest(), record, weeks, headline)
    when = f" (first read {earlier.read_at[:10]})" if earlier else ""
    print(f"\nNoted as read{when}. See what you have read with: resilience pulse ({what}).")
