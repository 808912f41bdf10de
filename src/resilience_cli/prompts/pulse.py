"""The pulse export's two questions: what would help most, and whether to write the file."""

from __future__ import annotations

import questionary
from questionary import Choice

from resilience_cli.messages import _
from resilience_cli.prompts.basics import fit


def ask_helps(choices: tuple[tuple[str, str], ...]) -> str:
    """One choice from the fixed list (its last, "not answered", for rather not say)."""
    titled = [Choice(_("pulse.helps.rather_not_say") if value == "unanswered" else words, value=value,
                     shortcut_key=str(n)) for n, (value, words) in enumerate(choices, start=1)]
    return questionary.select(
        fit(_("pulse.helps.question")),
        choices=titled, use_shortcuts=True, instruction=_("pulse.helps.instruction"),
    ).unsafe_ask()


def confirm_write(question: str) -> bool:
    """Yes or no, no by default: nothing leaves the journal on a stray Enter."""
    return bool(questionary.confirm(question, default=False).unsafe_ask())
