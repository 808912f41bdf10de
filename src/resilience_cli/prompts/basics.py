"""What every flow shares: the skip choice, yes/no confirmations, passphrases."""

from __future__ import annotations

import questionary

from resilience_cli.messages import _

SKIP = "skip"


def fit(message: str, columns: int | None = None) -> str:
    """A question broken into lines between words, to fit the terminal.

    prompt_toolkit breaks a long line wherever the edge falls, mid-word. The
    first line leaves room for questionary's "? " before it; the instruction
    that follows starts on a line of its own.
    """
    import shutil
    import textwrap

    width = (columns or shutil.get_terminal_size((80, 24)).columns) - 3
    lines = textwrap.wrap(message, max(width, 20), break_long_words=False, break_on_hyphens=False)
    return "\n".join(lines) + "\n"


def confirm(question: str) -> bool:
    """A yes/no question whose default is no."""
    return bool(questionary.confirm(question, default=False).unsafe_ask())



def ask_passphrase(message: str) -> str:
    return questionary.password(message).unsafe_ask()


def ask_new_passphrase() -> str:
    """Asked twice; a mismatch asks again."""
    while True:
        first = questionary.password(_("ask.passphrase.new")).unsafe_ask()
        second = questionary.password(_("ask.passphrase.again")).unsafe_ask()
        if first == second:
            return first
        print(_("ask.passphrase.mismatch"))
