"""What every command needs: today's date, the store, the consoles, shared options."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from resilience_cli.cli import context
from resilience_cli.config import PASSPHRASE_ENV, paths
from resilience_cli.errors import Cancelled, InvalidInput
from resilience_cli.messages import _

if TYPE_CHECKING:
    from rich.console import Console

    from resilience_cli.store import JournalStore


def no_checkins_yet() -> str:
    """What a view says when there is nothing to show yet."""
    return _("checkin.none_yet", command="resilience checkin")  # not a message: a command


def __getattr__(name: str) -> str:
    """`NO_CHECKINS_YET`, as before: in the language being spoken, read when it is used."""
    if name == "NO_CHECKINS_YET":
        return no_checkins_yet()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")  # not a message: Python's own error


def today() -> dt.date:
    """The local calendar date: the edge of the program, where the clock is read (clock.py)."""
    return now().date()


def now() -> dt.datetime:
    from resilience_cli import clock

    return clock.now()


def passphrase_for(path: Path, *, purpose: str | None = None) -> str | None:
    """The passphrase of an encrypted file: from RESILIENCE_PASSPHRASE, or asked for.

    `purpose` ends the question ("Passphrase of the backup:"); by default, to open the journal."""
    from resilience_cli.store.cipher import looks_encrypted

    if not path.exists() or not looks_encrypted(path):
        return None
    key = str(path)
    typed = context.current().passphrases  # asked once per run
    if key not in typed:
        from_env = os.environ.get(PASSPHRASE_ENV)
        if from_env:
            typed[key] = from_env
        elif stdin_is_terminal():
            from resilience_cli.prompts import ask_passphrase

            try:
                typed[key] = ask_passphrase(_("errors.passphrase.question",
                                              purpose=purpose or _("errors.passphrase.to_open_journal")))
            except KeyboardInterrupt:
                raise Cancelled(_("errors.cancelled_nothing_changed")) from None
        else:
            raise InvalidInput(_("errors.passphrase.encrypted", path=path, variable=PASSPHRASE_ENV))
    return typed[key]


def open_store(*, create: bool) -> JournalStore | None:
    from resilience_cli.store import JournalStore

    path = paths().database
    return JournalStore.open(path, create=create, passphrase=passphrase_for(path))


def created_store() -> JournalStore:
    """The journal opened for writing, created when there is none yet."""
    from resilience_cli.errors import JournalProblem

    store = open_store(create=True)
    if store is None:  # open_store creates one: only a bug reaches this
        raise JournalProblem(_("errors.journal_not_created"))
    return store


@contextmanager
def read_only_store() -> Iterator[JournalStore | None]:
    """The journal opened for reading, creating nothing; None when there is none yet."""
    store = open_store(create=False)
    try:
        yield store
    finally:
        if store is not None:
            store.close()


def machine_output(text: str) -> None:
    """JSON, CSV and summaries on standard output: always UTF-8, whatever the terminal's
    encoding (cp1252 on Windows when redirected once left a 0-byte file)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def stdin_is_terminal() -> bool:
    """Whether questions can be asked in this run (context.Run.terminal)."""
    return context.current().terminal


def plain_mode() -> bool:
    """--plain: text only, for screen readers and plain terminals."""
    return context.current().plain


# Box drawing to ASCII; arrows and bars go, since words beside them carry the meaning.
_PLAIN_TEXT = str.maketrans({
    **dict.fromkeys("╭╮╰╯┌┐└┘┏┓┗┛╇╈┼┿╋├┤┬┴╞╡", "+"), **dict.fromkeys("─━═", "-"),
    **dict.fromkeys("│┃║", "|"), **dict.fromkeys("↑↓→▁▂▃▄▅▆▇█", ""), "·": ".", "•": "*",
})


def plain_text(text: str) -> str:
    lines = [line.translate(_PLAIN_TEXT).rstrip() for line in text.splitlines()]
    return "\n".join(line for line, raw in zip(lines, text.splitlines(), strict=True)
                     if line.strip() or not raw.strip()) + ("\n" if text.endswith("\n") else "")


def ask_replace():
    """Whether to replace an existing --output: a yes/no question on a terminal; None
    without one (then --force is needed)."""
    if not stdin_is_terminal():
        return None
    from resilience_cli.prompts import confirm

    return confirm


def protected_folders() -> tuple[Path, ...]:
    """The folders no --output may write into: the journal's and the settings', and the
    real folders of the journal and config.toml when they are links (into a synced
    folder, a dotfiles folder): `-o <the real journal> --force` once replaced it."""
    where = paths()
    return (where.data_dir, where.config_dir, where.database.resolve().parent,
            where.config_file.resolve().parent)


def styled(text: str, sgr: str) -> str:
    """Text in a terminal style (1 bold, 2 dim, 4 underline) where Rich would colour it:
    standard output a terminal, NO_COLOR unset, not --plain."""
    if plain_mode() or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb" or not sys.stdout.isatty():
        return text
    return f"\x1b[{sgr}m{text}\x1b[0m"


def console(*, stderr: bool = False, plain: bool | None = None) -> Console:
    """Rich's console for this run; `plain` None follows --plain."""
    from rich.console import Console

    if plain_mode() if plain is None else plain:
        return _plain_console(stderr=stderr)
    # Rich honours NO_COLOR and drops styling when output is not a terminal. No
    # emoji codes: none of our words has one, a note's ":fire:" stays as typed,
    # and Rich's table of them costs about 2 ms to import.
    return Console(highlight=False, soft_wrap=False, emoji=False, stderr=stderr)


def _plain_console(*, stderr: bool = False) -> Console:
    from rich.console import Console

    class PlainConsole(Console):
        def print(self, *objects, **kwargs) -> None:  # noqa: ANN002, ANN003
            with self.capture() as captured:
                super().print(*objects, **kwargs)
            (sys.stderr if self.stderr else sys.stdout).write(plain_text(captured.get()))

    # No colour system at all: no_color alone still sends bold, dim and underline.
    return PlainConsole(highlight=False, soft_wrap=False, no_color=True, color_system=None, emoji=False,
                        stderr=stderr)


def parse_date(text: str, *, allow_future: bool = False) -> dt.date:
    from resilience_cli.model import parse_day

    return parse_day(text, today(), allow_future=allow_future)


def settings():
    """The user's settings; a mistake in config.toml is a warning, never a lost check-in.

    Only `resilience config`, whose job is the settings, fails on a broken
    file. Everything else says what is wrong, on standard error, and goes
    ahead on the defaults.
    """
    from resilience_cli.config import fallback_settings, load_settings, refuse_shared_folder

    # A folder others can write to is no typo: it is refused, not warned about.
    refuse_shared_folder(paths().config_file.parent)
    try:
        found = load_settings(paths().config_file)
    except InvalidInput as exc:
        print(_("errors.settings_defaults", message=exc.message), file=sys.stderr)
        # What can still be read of it: the nation (or, unknown, every nation's line), own contacts.
        return fallback_settings(paths().config_file)
    from resilience_cli import messages

    messages.prefer(found.language)
    return found


def positive_days(value: int, option: str = "--days") -> int:
    if value < 1 or value > 366_000:
        raise InvalidInput(_("errors.positive_days", option=option, value=value))
    return value
