"""The check-in record: its fields, their scales and words, and validation.

Pure: no clock, no database, no terminal. The field names, types and ranges
are the public contract in DESIGN.md; the store, the prompts, the flags and
(later) the importers all validate through `validate_answer`, so a value that
one path refuses is refused by every path.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any

from resilience_cli.errors import InvalidInput
from resilience_cli.frozen import Fresh, Frozen
from resilience_cli.messages import _
from resilience_cli.message_maps import Words

if TYPE_CHECKING:
    from resilience_cli import question_words as questions

SHIFTS = ("rest", "day", "late", "night", "long", "sick", "leave", "training")
# Days off work: asked like a rest day (DOMAIN.md), and not working days for the rules.
# Off sick and annual leave are not days at work, whatever they cost; counting
# them as working days would make a week of sickness look like a week of no exposure.
DAYS_OFF = ("rest", "sick", "leave")
INCIDENTS = ("none", "minor", "significant")
RECOVERY = ("exercise", "outdoors", "people", "hobby", "wind_down", "rest", "other")
# How "nothing today" (an empty recovery list) is spelt on the command line
# and in CSV, where an empty cell has to mean "skipped".
NOTHING = "nothing"


class FieldSpec(Frozen):
    """One answer of the check-in: its type, range and the words for its values.

    A Frozen value, not a dataclass: about thirty are made at import, on every
    check-in's path (see frozen.py)."""

    name: str
    kind: str  # choice | int | number | bool | list | text
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    # Words for values, for display: {value: words} (message_maps.Words: the catalogue's words).
    words: Mapping[Any, str] = Fresh(dict)
    # The rest of the question catalogue (its words are in data/questions.toml,
    # read by question_words only when a question is asked or an answer named:
    # its label, its trends row's label, its name in a message).
    unit: str = ""  # a counted amount's unit ("units", "cups"); "" for scales
    higher_is_harder: bool = False  # a rising number is a harder time, not an easier one
    # A change smaller than this is "about the same": a step on the scale's
    # resolution, not noise dressed up as a trend. None: from the scale's size.
    steady_within: float | None = None
    # The Settings attribute that turns an optional question on; None: always asked.
    setting: str | None = None
    chart_top: float | None = None  # where sparkline bars top out, when not the scale's top
    # Whether it has a column in `resilience log` (its words: journal.log.heading.NAME
    # and journal.log.line.NAME in journal.po, the log's catalogue).
    log: bool = False

    @property
    def label(self) -> str:
        """A short name for tables and messages ("sleep (hours)"), from the question catalogue."""
        return question_words().label(self.name)

    @property
    def unit_words(self) -> str:
        """Its unit as the person reads it ('units'), in the language spoken: the unit
        itself ('hours', 'units') is a key the code compares, never shown as it is."""
        from resilience_cli.messages import data

        return data(f"units.{self.unit}", self.unit) if self.unit else ""

    @property
    def trend_label(self) -> str:
        """Its row on the trends dashboard ("Sleep"); "" for no row."""
        return question_words().trend_label(self.name)

    def describe_allowed(self) -> str:
        if self.kind == "int":
            lo, hi = int(self.low), int(self.high)  # type: ignore[arg-type]
            lo_w, hi_w = self.words.get(lo), self.words.get(hi)
            if lo_w and hi_w:
                return _("answers.allowed.whole_number_between_words", low=lo, low_words=lo_w,
                         high=hi, high_words=hi_w)
            return _("answers.allowed.whole_number_between", low=lo, high=hi)
        if self.kind == "number":
            if self.high is None:
                return _("answers.allowed.number_at_least", low=f"{self.low:g}")
            return _("answers.allowed.number_between", low=f"{self.low:g}", high=f"{self.high:g}")
        if self.kind in ("choice", "list"):
            extra = (NOTHING,) if self.kind == "list" else ()
            return _("answers.allowed.one_of", choices=", ".join(self.choices + extra))
        if self.kind == "bool":
            return _("answers.allowed.yes_or_no")
        return _("answers.allowed.text")


def _said(group: str, values: tuple[Any, ...]) -> Words:
    """Words for an answer's values, {value: words}, read from the catalogue when read
    (`answers.GROUP.VALUE`, in answers.po): in the language spoken when shown, not when
    this module was imported. A float 1.0 finds the words of 1, as in any dict."""
    return Words({value: f"answers.{group}.{value}" for value in values})


def _scale(group: str, *values: int) -> Words:
    return _said(group, values)


_SCALE_0_4_MANAGEABLE = _scale("manageable", 0, 4)

SHIFT_WORDS = _said("shift", SHIFTS)
INCIDENT_WORDS = _said("incident", INCIDENTS)
MATERIAL_WORDS = _scale("material", 0, 1, 2, 3)
# The four levels of an exposure, in short words (material's own words add the hours).
LEVEL_WORDS = _scale("level", 0, 1, 2, 3)
INTERACTION_WORDS = LEVEL_WORDS
INTRUSION_WORDS = _scale("intrusions", 0, 1, 2, 3, 4)
RECOVERY_WORDS = _said("recovery", RECOVERY)

# The catalogue. Each answer's words (its question, label, trends label, its
# name in messages) are in data/questions.toml, under the same name.
FIELD_SPECS: dict[str, FieldSpec] = {
    spec.name: spec
    for spec in (
        FieldSpec("shift", "choice", choices=SHIFTS, words=SHIFT_WORDS, log=True),
        FieldSpec("incident", "choice", choices=INCIDENTS, words=INCIDENT_WORDS, log=True),
        FieldSpec("hurt", "bool"),
        FieldSpec("material", "int", 0, 3, words=MATERIAL_WORDS, higher_is_harder=True, log=True),
        FieldSpec("graphic", "bool"),
        FieldSpec("interactions", "int", 0, 3, words=INTERACTION_WORDS, higher_is_harder=True, log=True),
        FieldSpec("workload", "int", 0, 4, words=_SCALE_0_4_MANAGEABLE),
        # Sleep bars run to 12 hours: a 0-24 scale would flatten every night.
        FieldSpec("sleep_hours", "number", 0, 24, unit="hours", steady_within=0.25, chart_top=12.0, log=True),
        FieldSpec("sleep_quality", "int", 0, 10, words=_scale("sleep_quality", 0, 10)),
        FieldSpec("nightmare", "bool"),
        FieldSpec("intrusions", "int", 0, 4, words=INTRUSION_WORDS, higher_is_harder=True),
        FieldSpec("switch_off", "int", 0, 4, words=_SCALE_0_4_MANAGEABLE, log=True),
        FieldSpec("mood", "int", 0, 10, words=_scale("mood", 0, 10), log=True),
        FieldSpec("energy", "int", 0, 10, words=_scale("energy", 0, 10), log=True),
        FieldSpec("talked", "bool"),
        FieldSpec("support", "int", 0, 4, words=_scale("support", 0, 4), log=True),
        FieldSpec("recovery", "list", choices=RECOVERY, words=RECOVERY_WORDS),
        FieldSpec("alcohol_units", "number", 0, 100, unit="units", higher_is_harder=True,
                  steady_within=1.0, setting="alcohol_question", chart_top=14.0),
        FieldSpec("note", "text"),
        FieldSpec("raise_at_supervision", "bool"),
        FieldSpec("talking_point", "text"),
        FieldSpec("supported_colleague", "bool", setting="colleague_question"),
        FieldSpec("good_moment", "bool"),
    )
}
ANSWER_FIELDS = tuple(FIELD_SPECS)


def turned_off(settings: Any) -> tuple[str, ...]:
    """The optional questions these settings leave out (FieldSpec.setting), in the check-in's order."""
    return tuple(n for n, s in FIELD_SPECS.items() if s.setting and not getattr(settings, s.setting, False))


def turned_on(settings: Any) -> frozenset[str]:
    """The optional questions these settings ask."""
    return frozenset(n for n, s in FIELD_SPECS.items() if s.setting and getattr(settings, s.setting, False))
NUMERIC_FIELDS = tuple(n for n, s in FIELD_SPECS.items() if s.kind in ("int", "number"))
# Long enough for a long journal entry (jrnl imports), short enough that nothing
# pastes a whole file into a field by mistake.
# A note or talking point: enough for a long jrnl entry, and a bound on what
# is read from standard input or a file.
MAX_TEXT = 50_000
# Weeks start on Monday (date.weekday() is an index into this).
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# The earliest day anything may be dated: before it, a date is a slip
# (0001-01-01 overflowed date arithmetic and reached "this is a bug"). 1900,
# not 1970: a century of daily check-ins, which the benchmarks import and
# restore, reaches back to the 1920s.
EARLIEST = dt.date(1900, 1, 1)
# A number as typed: ASCII digits only ("٣" and "１" are refused, not read as 3 and 1).
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_DECIMAL_COMMA = re.compile(r"[+-]?[0-9]*,[0-9]{1,2}")


class _Clear:
    """An answer set back to skipped when a day is amended (None there keeps the earlier answer)."""

    def __repr__(self) -> str:
        return "CLEAR"


CLEAR = _Clear()


class Answers(Frozen):
    """A check-in's answers on their way from the questions to the row: the
    values given, and the earlier answers cleared (set back to skipped). Every
    other answer is left as it was: skipped on a new day, kept on an amended one.

    The questions and the flags build a dict with markers (None: not given;
    CLEAR: cleared); `of` reads it once, at the seam, so what is saved and
    what the rules see are read the same way.
    """

    given: dict[str, Any]  # never None, never CLEAR
    cleared: frozenset[str] = frozenset()

    @classmethod
    def of(cls, answers: Answers | Mapping[str, Any]) -> Answers:
        if isinstance(answers, Answers):
            return answers
        return cls(given={k: v for k, v in answers.items() if v is not None and v is not CLEAR},
                   cleared=frozenset(k for k, v in answers.items() if v is CLEAR))

    def changes(self) -> dict[str, Any]:
        """What an amendment writes: the values given, and None for each answer cleared."""
        return {**self.given, **dict.fromkeys(self.cleared)}


@dataclass(frozen=True)
class CheckIn:
    """One duty day's check-in. Every answer may be None: skipped."""

    id: str
    date: str
    shift: str | None = None
    incident: str | None = None
    hurt: bool | None = None
    material: int | None = None
    graphic: bool | None = None
    interactions: int | None = None
    workload: int | None = None
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    nightmare: bool | None = None
    intrusions: int | None = None
    switch_off: int | None = None
    mood: int | None = None
    energy: int | None = None
    talked: bool | None = None
    support: int | None = None
    recovery: tuple[str, ...] | None = None
    alcohol_units: float | None = None
    note: str | None = None
    raise_at_supervision: bool | None = None
    talking_point: str | None = None
    supported_colleague: bool | None = None  # an optional question, off by default
    good_moment: bool | None = None  # a tick on the mood line: a moment at work that felt worthwhile
    created_at: str = ""
    updated_at: str = ""

    def answers(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in ANSWER_FIELDS}

    def to_dict(self) -> dict[str, Any]:
        """The record as the public contract spells it (lists, not tuples)."""
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        if out["recovery"] is not None:
            out["recovery"] = list(out["recovery"])
        return out

    def amended(self, answers: Answers | Mapping[str, Any], now: str) -> CheckIn:
        """The answers given replace the old ones; the rest stay as they were; CLEAR clears one."""
        return replace(self, **Answers.of(answers).changes(), updated_at=now)

    @property
    def day(self) -> dt.date:
        return dt.date.fromisoformat(self.date)


# A check-in's fields, in the order of the public contract: export's columns, and
# what an import may hold (once in two places, the writer's and the checker's).
RECORD_FIELDS = tuple(f.name for f in fields(CheckIn))

# C0 and C1 control characters (a tab or newline becomes a space), and the
# invisible direction overrides that can make text read differently from what
# it holds. Terminal escape sequences start with ESC, which goes too.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]")


def clean_text(text: str) -> str:
    """The user's words made safe to show or print: no control characters or escape sequences.

    Markup is each view's own matter: the terminal puts the result in a rich
    Text (never read as markup), the HTML escapes it, the Markdown escapes it.
    """
    return _CONTROL.sub(lambda m: " " if m.group() in "\t\n\r\u2028\u2029" else "", text)


def is_heavy(record: CheckIn) -> bool:
    """Heavy exposure (DOMAIN.md, R3): some or a lot of distressing material, some or a
    lot of hostile or distressing interactions, or any incident.

    The one definition: rules, trends and the summary all count it this way.
    """
    return ((record.material or 0) >= 2 or (record.interactions or 0) >= 2
            or record.incident in ("minor", "significant"))


# What a rest day does not ask: work and exposure (DOMAIN.md, "The daily check-in").
NOT_ASKED_ON_A_REST_DAY = ("incident", "hurt", "material", "graphic", "interactions", "workload", "support")


def not_asked(record: CheckIn) -> set[str]:
    """The questions the check-in does not ask on a day like this one."""
    if record.shift in DAYS_OFF:
        # The good-moment tick is about work: a day off does not offer it.
        return {*NOT_ASKED_ON_A_REST_DAY, "good_moment"}
    if not record.material and record.incident not in ("minor", "significant"):
        return {"graphic"}
    return set()


def is_working(record: CheckIn) -> bool:
    """A working day: any check-in whose shift is not a day off (rest, off sick, annual
    leave); a skipped shift counts, and so does a training, court or office day."""
    return record.shift not in DAYS_OFF


def question_words() -> questions.Words:
    """The question catalogue's words (data/questions.toml), read on first use and
    checked against FIELD_SPECS: every answer has its words, every word its answer."""
    from resilience_cli.question_words import words

    found = words()
    found.check(FIELD_SPECS)
    return found


def spoken(name: str) -> str:
    """An answer as the person knows it from its question: what error messages name
    ("hours of sleep: '7h30' is not a number, such as 6.5"), never the record's field
    name. From the question catalogue (data/questions.toml): read only when needed."""
    return question_words().spoken(name) if name in FIELD_SPECS else name


def validate_answer(name: str, value: Any, *, called: str | None = None, flag: str | None = None) -> Any:
    """Return the value in its canonical form, or raise InvalidInput saying what is allowed.

    None always means "skipped" and is allowed for every answer. A refusal
    starts with the answer's name: as the person knows the question
    (`spoken`), with its `flag` when one gave it ("hours of sleep
    (--sleep-hours)"), or `called` (a file's field name). The name is looked
    up only for a refusal: a check-in that is all flags reads no question words.
    """
    spec = FIELD_SPECS.get(name)
    if spec is None:
        raise InvalidInput(_("answers.error.no_such_question", name=repr(name)))
    if value is None:
        return None
    try:
        return _canonical(spec, value)
    except InvalidInput as exc:
        if called is None:
            called = f"{spoken(name)} (--{flag})" if flag else spoken(name)
        raise InvalidInput(_("answers.error.named", name=called, message=exc.message)) from None


def _canonical(spec: FieldSpec, value: Any) -> Any:
    """The value in its canonical form; a refusal says what is wrong (the caller names the answer).

    Messages are built only when an answer is refused: imports validate
    hundreds of thousands of answers, and describing every field each time
    cost a third of the time.
    """
    if spec.kind == "choice":
        text = str(value).strip().lower()
        if text not in spec.choices:
            raise InvalidInput(_("answers.error.not_one_of", value=repr(value), choices=", ".join(spec.choices)))
        return text
    if spec.kind == "bool":
        if isinstance(value, bool):
            return value
        raise InvalidInput(_("answers.error.give_yes_or_no"))
    if spec.kind in ("int", "number"):
        if type(value) is int and spec.high is not None and spec.low <= value <= spec.high:
            # The usual answer in a file: a whole number in range, kept without a
            # round trip through float (a tenth of an import's time).
            return value if spec.kind == "int" else float(value)
        number = _as_number(value, spec)
        too_high = spec.high is not None and number > spec.high
        fits = math.isfinite(number) and number >= spec.low and not too_high  # type: ignore[operator]
        if not fits or (spec.kind == "int" and not number.is_integer()):
            raise InvalidInput(_("answers.error.not_allowed", value=value, allowed=spec.describe_allowed()))
        # + 0.0 turns -0 into 0, which would otherwise show as "-0 h".
        return int(number) if spec.kind == "int" else number + 0.0
    if spec.kind == "list":
        if not isinstance(value, (str, list, tuple)):
            raise InvalidInput(_("answers.error.give", allowed=spec.describe_allowed()))
        items = [value] if isinstance(value, str) else list(value)
        cleaned: list[str] = []
        for item in items:
            word = str(item).strip().lower().replace("-", "_")
            if word == NOTHING:
                continue
            if word not in spec.choices:
                raise InvalidInput(_("answers.error.not_allowed", value=repr(item), allowed=spec.describe_allowed()))
            if word not in cleaned:
                cleaned.append(word)
        # Kept in the contract's order so that equal answers compare equal.
        return tuple(c for c in spec.choices if c in cleaned)
    # text
    if not isinstance(value, str):
        raise InvalidInput(_("answers.error.give_text"))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, from a crafted JSON file
        raise InvalidInput(_("answers.error.not_valid_text")) from None
    text = value.strip()
    if len(text) > MAX_TEXT:
        raise InvalidInput(_("answers.error.too_long", length=f"{len(text):,}", most=f"{MAX_TEXT:,}"))
    return text or None


def validate_field(name: str, value: Any) -> Any:
    """`validate_answer` for a file, whose refusals name the field as the file spells it."""
    return validate_answer(name, value, called=name)


def validate_answers(answers: dict[str, Any]) -> dict[str, Any]:
    """Validate every answer; the first problem found is raised."""
    return {name: validate_answer(name, value) for name, value in answers.items()}


def _as_number(value: Any, spec: FieldSpec) -> float:
    """A number from an int, a float or its text; booleans are not numbers here."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise InvalidInput(_("answers.error.give", allowed=spec.describe_allowed()))
    if isinstance(value, str):
        # A decimal comma, as much of Europe writes it: 7,5 is 7.5.
        text = value.strip().replace(",", ".", 1) if _DECIMAL_COMMA.fullmatch(value.strip()) else value.strip()
        if not _NUMBER.fullmatch(text):
            raise InvalidInput(_not_a_number(value, spec))
        return float(text)
    try:
        return float(value)
    except (ValueError, OverflowError):
        raise InvalidInput(_not_a_number(value, spec)) from None


def _not_a_number(value: Any, spec: FieldSpec) -> str:
    middle = (spec.low + (spec.high if spec.high is not None else spec.low + 4)) // 2  # type: ignore[operator]
    example = question_words().example(spec.name) or f"{int(middle)}"
    key = "answers.error.not_a_whole_number" if spec.kind == "int" else "answers.error.not_a_number"
    return _(key, value=repr(value), example=example, allowed=spec.describe_allowed())


def parse_day(text: str, today: dt.date, *, allow_future: bool = False) -> dt.date:
    """A day from `today`, `yesterday` or YYYY-MM-DD; a duty day is never in the future."""
    word = text.strip().lower()
    if word == "today":
        return today
    if word == "yesterday":
        return today - dt.timedelta(days=1)
    try:
        if len(word) != 10:
            raise ValueError
        day = dt.date.fromisoformat(word)
    except ValueError:
        raise InvalidInput(_("answers.error.not_a_date", text=repr(text))) from None
    if day > today and not allow_future:
        raise InvalidInput(_("answers.error.future_day", day=day.isoformat()))
    if day < EARLIEST:
        raise InvalidInput(_("answers.error.too_early", day=day.isoformat(), year=EARLIEST.year))
    return day


def day_words(day: dt.date) -> str:
    """'Friday 27 November 2026': the UK way of writing a date, in the catalogue's words."""
    from resilience_cli.messages import day_month

    return day_month(day, year=True)


def texts() -> list[tuple[str, str]]:
    """(id, English) of the units the answers are counted in (tools/catalogues.py gathers them)."""
    return [(f"units.{unit}", unit) for unit in dict.fromkeys(s.unit for s in FIELD_SPECS.values() if s.unit)]
