"""Words for a few values, read from the catalogue each time one is read.

A module's table of words ({"used": "yes, and I used it", ...}) was English
fixed at import, before the person's language is known. `Words` keeps the
same shape, a Mapping from value to words, but holds message ids and looks
each one up when it is read: the words are always the language being spoken.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any


class Words(Mapping[Any, str]):
    """{value: message id}, read as {value: words}."""

    def __init__(self, ids: Mapping[Any, str]) -> None:
        self.ids = dict(ids)

    def __getitem__(self, value: Any) -> str:
        from resilience_cli.messages import _

        return _(self.ids[value])

    def __contains__(self, value: object) -> bool:
        return value in self.ids

    def __iter__(self) -> Iterator[Any]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __repr__(self) -> str:
        return f"Words({self.ids!r})"  # not a message: a repr, for programmers
