"""`remind` and `demo`: fitting the journal into a working life (`colleague` has its own module)."""

from __future__ import annotations

import re
import shutil
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from resilience_cli.cli import common
from resilience_cli.errors import InvalidInput


class Shell(StrEnum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"
    all = "all"


def _time(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", text.strip())
    if not match:
        raise InvalidInput(f"--at must be a time such as 19:30 (24-hour clock); you gave {text!r}.")
    return int(match.group(1)), int(match.group(2))


def remind(
    at: Annotated[str, typer.Option("--at", metavar="HH:MM", help="When a desktop reminder should come (24-hour clock).")] = "19:30",
    shell: Annotated[Shell, typer.Option("--shell", help="bash, zsh, fish or all.")] = Shell.all,
    after_shift: Annotated[bool, typer.Option("--after-shift", help="Ideas for reminders that follow a shift pattern.")] = False,
) -> None:
    """Print ready-to-paste reminder snippets (shell start-up, cron, systemd). Nothing is installed.

    \b
    Examples:
      resilience remind
      resilience remind --at 07:45 --shell fish
      resilience remind --after-shift
    """
    hour, minute = _time(at)
    on_path = shutil.which("resilience")
    script = Path(sys.argv[0]).resolve()
    # Run as `python -m resilience_cli`, the script is the module's file: call Python.
    via_module = on_path is None and script.name != "resilience"
    exe = on_path or (sys.executable if via_module else str(script))
    print(remind_text(exe, hour, minute, shell.value, after_shift, on_path=on_path is not None,
                      via_module=via_module), end="")


def remind_text(exe: str, hour: int, minute: int, shell: str, after_shift: bool, *, on_path: bool = True,
                via_module: bool = False) -> str:
    import shlex

    # cron and systemd always call it in full: their PATH is short.
    full = shlex.quote(exe) + (" -m resilience_cli" if via_module else "")
    parts = ["# These snippets only print; nothing is installed until you paste them yourself.\n"]
    if on_path:
        nudge = "resilience status --quiet"
        tests = {"bash": "command -v resilience >/dev/null 2>&1", "zsh": "(( $+commands[resilience] ))",
                 "fish": "type -q resilience"}
    else:
        # Not on the PATH (a virtual environment that is not active in a new
        # terminal): a nudge by name would silently do nothing there.
        found = shlex.quote(exe)
        nudge = f"{full} status --quiet"
        tests = {"bash": f"[ -x {found} ]", "zsh": f"[ -x {found} ]", "fish": f"test -x {found}"}
        parts.append("# resilience is not on your PATH, so these call it by its full path.\n")
    if shell in ("bash", "all"):
        parts.append(f"\n# bash: add to ~/.bashrc (a one-line nudge only when today has no check-in)\n"
                     f"{tests['bash']} && {nudge}\n")
    if shell in ("zsh", "all"):
        parts.append(f"\n# zsh: add to ~/.zshrc\n"
                     f"{tests['zsh']} && {nudge}\n")
    if shell in ("fish", "all"):
        parts.append(f"\n# fish: add to ~/.config/fish/config.fish\n"
                     f"if {tests['fish']}; {nudge}; end\n")
    notify = (f"msg=$({full} status --quiet) && [ -n \"$msg\" ] && "
              f"notify-send resilience \"$msg\"")
    parts.append(
        f"\n# cron: run `crontab -e` and add this line for a desktop notification at "
        f"{hour:02d}:{minute:02d} when today has no check-in (needs notify-send)\n"
        f"{minute} {hour} * * * DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/$(id -u)/bus "
        f"sh -c '{notify}'\n"
    )
    parts.append(
        "\n# systemd (user): save as ~/.config/systemd/user/resilience-remind.service\n"
        "[Unit]\nDescription=resilience: a nudge when today has no check-in\n\n"
        f"[Service]\nType=oneshot\nExecStart=/bin/sh -c '{notify}'\n"
        "\n# ...and as ~/.config/systemd/user/resilience-remind.timer, then run:\n"
        "#   systemctl --user enable --now resilience-remind.timer\n"
        "[Unit]\nDescription=resilience reminder\n\n"
        f"[Timer]\nOnCalendar=*-*-* {hour:02d}:{minute:02d}:00\nPersistent=true\n\n"
        "[Install]\nWantedBy=timers.target\n"
    )
    if after_shift:
        parts.append(
            "\n# After a shift rather than at a fixed time:\n"
            "# - The shell nudge above fits any rota: it speaks only when today has no check-in.\n"
            "# - Make checking in the last thing you do before leaving work, or the first on getting home.\n"
            "# - With a rota, add one cron line per shift end, for example:\n"
            "#     30 22 * * 1-5  (after lates)    0 8 * * *  (after nights: a night shift is the day it began)\n"
            "# - Checking in between midnight and 6 am asks whether it is for the shift that began yesterday.\n"
        )
    return "".join(parts)


def demo(
    keep: Annotated[bool, typer.Option("--keep", help="Keep the demo journal and say where it is, to explore it.")] = False,
) -> None:
    """Show the whole product on six months of made-up check-ins (never your own journal).

    \b
    Example:
      resilience demo
    """
    import datetime as dt
    import tempfile

    from resilience_cli.config import Settings
    from resilience_cli.sample import demo_story
    from resilience_cli.store import JournalStore

    folder = Path(tempfile.mkdtemp(prefix="resilience-demo-"))
    out = common.console()
    today = common.today()
    # The defaults, never the person's own settings: the demo's story is not theirs.
    settings = Settings()
    try:
        story = demo_story(today)
        with JournalStore.open(folder / "journal.db", create=True) as store:
            store.insert_many(story.checkins)
            store.followups.add_all(story.followups)
            out.print("DEMO: six months of made-up check-ins, in a temporary folder. Your own journal is not touched.",
                      style="bold reverse")
            out.print(f"\nThe story: {story.description}\n")
            out.print("$ resilience trends --days 28", style="bold")
            _demo_trends(store, today, days=28, metric="sleep_hours")
            nights_end = today - dt.timedelta(days=story.nights_ended_days_ago)
            out.print(f"\n$ resilience tips --to {nights_end}   (at the end of the run of nights)", style="bold")
            _demo_tips(store, nights_end, settings)
            out.print("\n$ resilience tips   (today, after a better spell)", style="bold")
            _demo_tips(store, today, settings)
            out.print("\n$ resilience summary --no-input", style="bold")
            _demo_summary(store, today)
        out.print("DEMO ends. To start your own journal: resilience checkin", style="bold reverse")
        if keep:
            out.print(f"The demo journal is kept in {folder}. Explore it with:\n"
                      f"  RESILIENCE_HOME={folder} resilience log")
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)


# The demo shows what trends, tips and summary show, built from the same functions
# below the CLI (no command runs another: each owns its options and output).

def _demo_trends(store, end, *, days: int, metric: str) -> None:
    from resilience_cli import went_well
    from resilience_cli.insights import history_needed
    from resilience_cli.insights import trends as compute
    from resilience_cli.render.trends import dashboard
    from resilience_cli.render.went_well import went_well_lines

    span = history_needed(end, days)
    records = store.between(span.start, span.end)
    result = compute(records, end, days)
    well = went_well.went_well(records, store.reflections.since(span.start), store.colleagues.all(), result.window)
    out = common.console()
    out.print(dashboard(result, calendar_metric=metric, width=out.width, plain=common.plain_mode(),
                        beside=went_well_lines(well, width=out.width, sparklines=not common.plain_mode())))


def _demo_tips(store, to, settings) -> None:
    from resilience_cli.render import guidance
    from resilience_cli.render.tips import nothing_to_say
    from resilience_cli.rules.engine import evaluate
    from resilience_cli.rules.inputs import rule_context, silenced

    ctx = rule_context(store, to, settings, today=common.today())
    items = evaluate(ctx, silenced(store, settings))
    out = common.console()
    out.print(guidance.items(items, settings, why=True, plain=common.plain_mode()) if items
              else nothing_to_say(ctx.enough()))


def _demo_summary(store, today) -> None:
    """As `summary --no-input` writes it in Markdown, with no section added."""
    from resilience_cli.report import period, screen, text
    from resilience_cli.report.document import Choices, default_period

    start, end = default_period(today, None)
    journal = period.read(store, start, end, None)
    choices, said = screen.unattended(period.draft(journal, Choices(), None), Choices())
    for sentence in said:
        print(sentence, file=sys.stderr)
    common.machine_output(text.markdown(period.draft(journal, choices, None)))
