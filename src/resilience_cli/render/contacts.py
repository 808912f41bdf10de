"""Contacts as wrapped lines that never split or cut off a phone number.

Rich wraps at any space, and its tables cut a narrow column short, so at 40
columns a number could read "01… 56…". Here each contact is wrapped by hand
to the width it is given, with the spaces inside a number (and inside
"option 2") held fast, and every line is shown whole.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator, Sequence

from rich.console import Console, ConsoleOptions
from rich.text import Text

from resilience_cli.contacts import Contact
from resilience_cli.render.words import clean

# A phone number ("116 123", "0800 83 85 87", "+44 1632 960000") or "option 2" / "press 2".
_KEEP_TOGETHER = re.compile(r"\+?\d[\d ]*\d|\b(?:option|press|extension|ext\.?) \d+")
# textwrap breaks only at ASCII white space, so a no-break space holds a number together.
_HOLD = "\u00a0"


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` characters, broken between words, numbers kept whole.

    A number longer than the width stands alone on a line that is longer than
    the width, rather than being cut.
    """
    held = _KEEP_TOGETHER.sub(lambda m: re.sub(r" +", _HOLD, m.group()), text)
    lines = textwrap.wrap(held, max(width, 1), break_long_words=False, break_on_hyphens=False)
    return [line.replace(_HOLD, " ") for line in lines] or [""]


class ContactList:
    """`Name: how` on one line, and when it is open on the next, indented."""

    def __init__(self, contacts: Sequence[Contact]):
        self.contacts = list(contacts)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        width = options.max_width
        for c in self.contacts:
            name, how, when = clean(c.name).strip(), clean(c.how).strip(), clean(c.when).strip()
            # Labelled by nation when the person's nation is unknown: "Northern Ireland: Lifeline, call ..."
            nation = clean(getattr(c, "nation", "")).strip()
            if nation:
                name = f"{nation}: {name}"
            joined = f"{name}{', ' if nation else ': '}{how}" if how else name
            for n, line in enumerate(wrap(joined, width)):
                text = Text(line, no_wrap=True, overflow="ignore")
                if n == 0:
                    text.stylize("bold", 0, min(len(name) + 1, len(line)))
                yield text
            if when:
                for line in wrap(when, width - 2):
                    yield Text("  " + line, no_wrap=True, overflow="ignore")
