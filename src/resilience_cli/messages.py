"""Every word the user reads, by id, from the message catalogues.

Pure, and the one accessor for user-facing text:

    _("checkin.saved", day=...)            a message by its id
    _n("followups.due", count, count=...)  one with plural forms
    data("tips.sleep-short.title", text)   a data file's words (tips.toml...)
    weekday(day), month(day), day_month(day, year=...)
                                           dates, in the catalogue's words

The catalogues are GNU gettext's (no dependency at run time, and a compiled
catalogue loads in well under a millisecond): `locale/<language>/LC_MESSAGES/
<domain>.mo`, compiled from the `.po` beside it by `python tools/catalogues.py
compile` (tests/test_messages.py fails when a `.mo` is not its `.po`
compiled). `Catalogue` reads one (see there why not GNUTranslations).
Plural forms are gettext's own: each catalogue's `Plural-Forms` header says
how its language counts (English has two forms; Welsh has six).

Ids, not English, are the keys: "checkin.saved" names a message, and English
is the source language's catalogue (`en`), like any other. A message's domain
is its id's first part, so a command reads only the catalogues it uses: the
check-in reads `checkin`, never `trends`.

A data file (tips, contacts, the questions) keeps its English beside its
structure, where it is easiest to check; another language finds the same
words under the id `data()` is given, and English is the fallback.

Language: English until `use()` says otherwise (`--lang` or `[display]
language`; only `en` ships). `RESILIENCE_TEST_LOCALES` names a further folder
of catalogues, for the pseudo-language test: nothing else reads it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

SOURCE = "en"
# The languages a user may choose. A translation lands here when it is complete.
LANGUAGES = (SOURCE,)
_HERE = Path(__file__).parent / "locale"
_TEST_LOCALES = "RESILIENCE_TEST_LOCALES"

_language = SOURCE
_chosen = False  # by --lang, which the settings file does not override
# Finds the settings file's language when the first message is looked up (see later()).
_pending: Callable[[], str | None] | None = None
_catalogues: dict[tuple[str, str], Catalogue | None] = {}


def available() -> tuple[str, ...]:
    """The languages that can be chosen: ours, and in tests the test folder's."""
    extra = os.environ.get(_TEST_LOCALES)
    if not extra or not Path(extra).is_dir():
        return LANGUAGES
    return LANGUAGES + tuple(sorted(p.name for p in Path(extra).iterdir() if p.is_dir()))


def use(language: str) -> None:
    """Speak `language` from now on, as --lang says (a caller has checked it is available())."""
    global _language, _chosen
    _language, _chosen = language, True


def prefer(language: str) -> None:
    """The settings file's language, unless --lang chose one for this run."""
    global _language
    if not _chosen:
        _language = language


def later(find: Callable[[], str | None]) -> None:
    """Ask `find` for the settings file's language when the first message is looked up,
    not before: a run that says nothing never reads the file for it, and a command's
    help, built before its settings are read, still speaks the language they choose."""
    global _pending
    _pending = find


def language() -> str:
    global _language, _pending
    if _pending is not None:
        find, _pending = _pending, None
        found = None if _chosen else find()
        if found in available():
            _language = found
    return _language


def reset() -> None:
    """Back to English: a run's language ends with it (tests run many in one process)."""
    global _language, _chosen, _pending
    _language, _chosen, _pending = SOURCE, False, None


def _folders(language: str) -> list[Path]:
    extra = os.environ.get(_TEST_LOCALES)
    return ([Path(extra)] if extra else []) + [_HERE]


class Catalogue:
    """One compiled catalogue (a GNU .mo file): its messages, its plural forms, and
    the rule that picks a form for a count.

    Read here rather than by the standard library's GNUTranslations: the format is
    four tables of offsets, and importing `gettext` (which imports `locale`) cost
    `status`, which answers without Typer, about 1.5 ms (Typer imports it anyway). The standard library still compiles an unusual
    plural rule (gettext.c2py, imported only then), and the tests check this
    reading against GNUTranslations' for every catalogue.
    """

    __slots__ = ("messages", "plurals", "plural")

    def __init__(self, data: bytes) -> None:
        import struct

        order = "<" if data[:4] == b"\xde\x12\x04\x95" else ">"
        version, count, originals, translations = struct.unpack_from(order + "4I", data, 4)
        if version >> 16 > 1:
            raise ValueError(f"unknown .mo version {version >> 16}")
        self.messages: dict[str, str] = {}
        self.plurals: dict[str, tuple[str, ...]] = {}
        self.plural: Callable[[int], int] = _germanic
        for i in range(count):
            length, start = struct.unpack_from(order + "2I", data, originals + 8 * i)
            msgid = data[start:start + length].decode("utf-8")
            length, start = struct.unpack_from(order + "2I", data, translations + 8 * i)
            msgstr = data[start:start + length].decode("utf-8")
            if not msgid:
                self.plural = _rule(msgstr)
            elif "\x00" in msgid:
                self.plurals[msgid.split("\x00")[0]] = tuple(msgstr.split("\x00"))
            else:
                self.messages[msgid] = msgstr

    def form(self, key: str, count: int) -> str | None:
        forms = self.plurals.get(key)
        if not forms:
            return None
        return forms[min(max(self.plural(count), 0), len(forms) - 1)]


def _germanic(n: int) -> int:
    return int(n != 1)


def _rule(header: str) -> Callable[[int], int]:
    """The header's Plural-Forms rule as a function of the count."""
    for line in header.splitlines():
        name, _sep, value = line.partition(":")
        if name.strip().lower() == "plural-forms":
            expression = value.split("plural=", 1)[-1].strip().rstrip(";")
            if expression.replace(" ", "") in ("(n!=1)", "n!=1"):
                return _germanic
            from gettext import c2py

            return c2py(expression)
    return _germanic


def _catalogue(language: str, domain: str) -> Catalogue | None:
    key = (language, domain)
    if key not in _catalogues:
        found = None
        for folder in _folders(language):
            try:
                found = Catalogue((folder / language / "LC_MESSAGES" / f"{domain}.mo").read_bytes())
                break
            except FileNotFoundError:
                continue
        _catalogues[key] = found
    return _catalogues[key]


def _lookup(key: str, n: int | None = None) -> str | None:
    """The message `key` in the current language, else in English; None when neither has it."""
    domain = key.partition(".")[0]
    for speaking in dict.fromkeys((language(), SOURCE)):
        catalogue = _catalogue(speaking, domain)
        if catalogue is None:
            continue
        text = catalogue.messages.get(key) if n is None else catalogue.form(key, n)
        if text:
            return text
    return None


def _(key: str, /, **values: Any) -> str:
    """The message `key`, its {placeholders} filled from `values`."""
    text = _lookup(key)
    if text is None:
        raise KeyError(f"no message {key!r} in the catalogue")
    return text.format_map(values) if values else text


def _n(key: str, count: int, /, **values: Any) -> str:
    """The message `key` in the plural form `count` calls for; {count} is filled in too."""
    text = _lookup(key, count)
    if text is None:
        raise KeyError(f"no message {key!r} in the catalogue")
    return text.format_map({"count": count, **values})


def data(key: str, english: str) -> str:
    """A data file's words: `english` in English, else the catalogue's words for `key`.

    A language without these words yet falls back to the data file's English."""
    if language() == SOURCE:
        return english
    return _lookup(key) or english


def first_upper(text: str) -> str:
    """The text with its first letter a capital and the rest as written: str.capitalize
    would lower every other letter ("TRiM" -> "Trim"), a translation's nouns too."""
    return text[:1].upper() + text[1:]


def weekday(day: dt.date) -> str:
    """'Saturday', in the catalogue's words, never the process locale's."""
    return _(f"dates.weekday.{day.isoweekday()}")


def month(day: dt.date) -> str:
    """'December'."""
    return _(f"dates.month.{day.month}")


def short_weekday(day: dt.date) -> str:
    """'Sat'."""
    return _(f"dates.weekday_short.{day.isoweekday()}")


def short_month(day: dt.date) -> str:
    """'Dec'."""
    return _(f"dates.month_short.{day.month}")


def day_month(day: dt.date, *, year: bool = False) -> str:
    """'Saturday 19 December' (with `year`, 'Saturday 19 December 2026')."""
    key = "dates.day_month_year" if year else "dates.day_month"
    return _(key, weekday=weekday(day), day=day.day, month=month(day), year=day.year)
