"""What one run of the program knows about where it runs, built once by `cli.run()`.

Before this, each fact lived in its own module-level flag or dictionary
(`--plain`, the passphrases typed so far) and tests patched a function to
pretend standard input was a terminal. One object per run means nothing
carries from one run into the next (in tests, many runs share a process),
and a test says "this run has a terminal" by passing it to `run()`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar


class Run:
    """A plain class, not a dataclass: every run creates this one, and creating
    a dataclass costs start-up."""

    __slots__ = ("terminal", "plain", "passphrases")

    def __init__(self, terminal: bool, plain: bool = False) -> None:
        # Standard input is a terminal: questions can be asked and answered.
        self.terminal = terminal
        # --plain: text only, for screen readers and plain terminals (set while
        # the global options are read).
        self.plain = plain
        # Passphrases typed in this run, by file: a command that opens the
        # journal twice asks once.
        self.passphrases: dict[str, str] = {}


def _stdin_is_a_tty() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


_CURRENT: ContextVar[Run] = ContextVar("resilience_run")


def current() -> Run:
    """This run's context; code called outside `cli.run()` (a unit test of one
    function) gets a fresh one from the real standard input, kept nowhere."""
    try:
        return _CURRENT.get()
    except LookupError:
        return Run(terminal=_stdin_is_a_tty())


@contextmanager
def running(*, terminal: bool | None = None) -> Iterator[Run]:
    """A new context for one run; `terminal` None reads standard input."""
    run = Run(terminal=_stdin_is_a_tty() if terminal is None else terminal)
    token = _CURRENT.set(run)
    try:
        yield run
    finally:
        _CURRENT.reset(token)
        # The questions of a run end with it (tests run many in one process): an
        # Enter in the next never confirms a one-key answer given in this one.
        # Looked up, not imported: a run that asked nothing loads no prompts.
        question = sys.modules.get("resilience_cli.prompts.question")
        if question is not None:
            question.end_of_run()
        messages = sys.modules.get("resilience_cli.messages")
        if messages is not None:
            messages.reset()


def settings_language() -> str | None:
    """The settings file's `[display] language`, for messages.later(): read only when
    the file mentions a language at all (most never do, and most commands then parse
    no TOML for it); a file that cannot be read leaves English, and the command that
    reads the settings says what is wrong with them."""
    from resilience_cli.config import load_settings, paths
    from resilience_cli.errors import ResilienceError

    config_file = paths().config_file
    try:
        if b"language" not in config_file.read_bytes():
            return None
        return load_settings(config_file).language
    except (OSError, ResilienceError):
        return None
