"""Every data file's words, by the id `messages.data()` is asked for them.

For translators and for the pseudo-language (tools/catalogues.py): English
lives in the data files, beside what it describes; another language's
catalogue holds the same words under these ids. Each data file's loader
yields its own words; this module only gathers them.
"""

from __future__ import annotations

from collections.abc import Iterator


def texts() -> Iterator[tuple[str, str]]:
    """(id, English) of every data file's words."""
    from resilience_cli import question_words

    yield from question_words.texts()
    # tips, help and contacts
    # --
    # the periodic questions
    from resilience_cli import phonein

    yield from phonein.texts()
    # --
