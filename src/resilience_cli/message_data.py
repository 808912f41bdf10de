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
    # the journal's views
    from resilience_cli.render import journal, logtable, trends

    yield from trends.texts()
    yield from logtable.texts()
    yield from journal.texts()
    # --
    # tips, help and contacts
    from resilience_cli import contacts, routes
    from resilience_cli.rules import content

    yield from content.texts()
    yield from contacts.texts()
    yield from routes.texts()
    # --
    # the periodic questions
    from resilience_cli import phonein

    yield from phonein.texts()
    # --
    # pulse, packs, colleagues, phone-in and everyday commands
    from resilience_cli import packs

    yield from packs.texts()
    # --
