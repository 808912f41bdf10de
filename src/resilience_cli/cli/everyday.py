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
from resilience_cli.messages import _


class Shell(StrEnum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"
    all = "all"


def _time(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", text.strip())
    if not match:
        raise InvalidInput(_("everyday.remind.bad_time", flag="--at", example="19:30", given=repr(text)))
    return int(match.group(1)), int(match.group(2))


def remind(
    at: Annotated[str, typer.Option("--at", metavar="HH:MM", help=_("everyday.help.at"))] = "19:30",
    shell: Annotated[Shell, typer.Option("--shell", help=_("everyday.help.shell", first="bash, zsh, fish",  # not a message: choices
                                                           last="all"))] = Shell.all,
    after_shift: Annotated[bool, typer.Option("--after-shift", help=_("everyday.help.after_shift"))] = False,
) -> None:
    """The reminder snippets, printed (its help: commands.remind.*)."""
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
    parts = ["# " + _("everyday.remind.only_print") + "\n"]
    if on_path:
        nudge = "resilience status --quiet"  # not a message: a command
        tests = {"bash": "command -v resilience >/dev/null 2>&1",  # not a message: shell
                 "zsh": "(( $+commands[resilience] ))",
                 "fish": "type -q resilience"}
    else:
        # Not on the PATH (a virtual environment that is not active in a new
        # terminal): a nudge by name would silently do nothing there.
        found = shlex.quote(exe)
        nudge = f"{full} status --quiet"  # not a message: a command
        tests = {"bash": f"[ -x {found} ]", "zsh": f"[ -x {found} ]", "fish": f"test -x {found}"}
        parts.append("# " + _("everyday.remind.not_on_path") + "\n")
    if shell in ("bash", "all"):
        parts.append("\n# " + _("everyday.remind.bash", file="~/.bashrc") + f"\n{tests['bash']} && {nudge}\n")
    if shell in ("zsh", "all"):
        parts.append("\n# " + _("everyday.remind.zsh", file="~/.zshrc") + f"\n{tests['zsh']} && {nudge}\n")
    if shell in ("fish", "all"):
        parts.append("\n# " + _("everyday.remind.fish", file="~/.config/fish/config.fish")
                     + f"\nif {tests['fish']}; {nudge}; end\n")
    notify = (f"msg=$({full} status --quiet) && [ -n \"$msg\" ] && "  # not a message: shell
              f"notify-send resilience \"$msg\"")  # not a message: shell
    parts.append(
        "\n# " + _("everyday.remind.cron", edit="crontab -e", time=f"{hour:02d}:{minute:02d}", notifier="notify-send")
        + f"\n{minute} {hour} * * * DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/$(id -u)/bus "  # not a message: cron's syntax
        f"sh -c '{notify}'\n"
    )
    parts.append(
        "\n# " + _("everyday.remind.service", path="~/.config/systemd/user/resilience-remind.service") + "\n"
        "[Unit]\nDescription=" + _("everyday.remind.service_description") + "\n\n"  # not a message: systemd's syntax
        f"[Service]\nType=oneshot\nExecStart=/bin/sh -c '{notify}'\n"  # not a message: systemd's syntax
        "\n# " + _("everyday.remind.timer", path="~/.config/systemd/user/resilience-remind.timer") + "\n"
        "#   systemctl --user enable --now resilience-remind.timer\n"  # not a message: a command
        "[Unit]\nDescription=" + _("everyday.remind.timer_description") + "\n\n"  # not a message: systemd's syntax
        f"[Timer]\nOnCalendar=*-*-* {hour:02d}:{minute:02d}:00\nPersistent=true\n\n"  # not a message: systemd's syntax
        "[Install]\nWantedBy=timers.target\n"  # not a message: systemd's syntax
    )
    if after_shift:
        lines = [_("everyday.remind.after_shift"), _("everyday.remind.any_rota"), _("everyday.remind.last_thing"),
                 _("everyday.remind.per_shift"),
                 _("everyday.remind.rota_example", lates="30 22 * * 1-5", nights="0 8 * * *"),
                 _("everyday.remind.small_hours")]
        parts.append("\n" + "".join(f"# {line}\n" for line in lines))
    return "".join(parts)


def demo(
    keep: Annotated[bool, typer.Option("--keep", help=_("everyday.help.keep"))] = False,
) -> None:
    """The demo, on a made-up journal in a temporary folder (its help: commands.demo.*)."""
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
            out.print(_("everyday.demo.start"), style="bold reverse")
            out.print("\n" + _("everyday.demo.story", story=story.description) + "\n")
            out.print("$ resilience trends --days 28", style="bold")  # not a message: a command
            _demo_trends(store, today, days=28, metric="sleep_hours")
            nights_end = today - dt.timedelta(days=story.nights_ended_days_ago)
            tips_then = f"$ resilience tips --to {nights_end}"  # not a message: a command
            out.print("\n" + _("everyday.demo.nights_end", command=tips_then), style="bold")
            _demo_tips(store, nights_end, settings)
            out.print("\n" + _("everyday.demo.today", command="$ resilience tips"), style="bold")  # not a message: a command
            _demo_tips(store, today, settings)
            out.print("\n$ resilience summary --no-input", style="bold")  # not a message: a command
            _demo_summary(store, today)
        out.print(_("everyday.demo.end", command="resilience checkin"), style="bold reverse")  # not a message: a command
        if keep:
            out.print(_("everyday.demo.kept", folder=folder) + "\n"
                      f"  RESILIENCE_HOME={folder} resilience log")  # not a message: a command
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
