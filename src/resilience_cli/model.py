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
from typing import Any

from resilience_cli.errors import InvalidInput
from resilience_cli.frozen import Fresh, Frozen

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
    label: str  # a short name for tables and messages
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    # Words for values, for display: {value: words}.
    words: dict[Any, str] = Fresh(dict)
    # The rest of the question catalogue (its words are in data/questions.toml,
    # read by question_words only when a question is asked).
    unit: str = ""  # a counted amount's unit ("units", "cups"); "" for scales
    higher_is_harder: bool = False  # a rising number is a harder time, not an easier one
    # A change smaller than this is "about the same": a step on the scale's
    # resolution, not noise dressed up as a trend. None: from the scale's size.
    steady_within: float | None = None
    # The Settings attribute that turns an optional question on; None: always asked.
    setting: str | None = None
    trend_label: str = ""  # its row on the trends dashboard; "" for no row
    chart_top: float | None = None  # where sparkline bars top out, when not the scale's top
    # Its column in `resilience log`: (the table's short heading, the word before it on a
    # narrow terminal's line); () for no column. Columns follow the catalogue's order.
    log: tuple[str, str] = ()

    def describe_allowed(self) -> str:
        if self.kind == "int":
            lo, hi = int(self.low), int(self.high)  # type: ignore[arg-type]
            lo_w, hi_w = self.words.get(lo), self.words.get(hi)
            ends = f"{lo} ({lo_w}) to {hi} ({hi_w})" if lo_w and hi_w else f"{lo} to {hi}"
            return f"a whole number from {ends}"
        if self.kind == "number":
            if self.high is None:
                return f"a number of at least {self.low:g}"
            return f"a number from {self.low:g} to {self.high:g}"
        if self.kind in ("choice", "list"):
            extra = (NOTHING,) if self.kind == "list" else ()
            return "one of " + ", ".join(self.choices + extra)
        if self.kind == "bool":
            return "yes or no"
        return "text"


_SCALE_0_4_MANAGEABLE = {0: "not at all", 4: "completely"}

SHIFT_WORDS = {
    "rest": "rest day",
    "day": "day shift",
    "late": "late shift",
    "night": "night shift",
    "long": "long or extended shift",
    "sick": "off sick",
    "leave": "annual leave",
    "training": "training, court or office day",
}
INCIDENT_WORDS = {"none": "no", "minor": "yes, minor", "significant": "yes, significant"}
MATERIAL_WORDS = {0: "none", 1: "a little (under 1 h)", 2: "some (1-3 h)", 3: "a lot (over 3 h)"}
# The four levels of an exposure, in short words (material's own words add the hours).
LEVEL_WORDS = {0: "none", 1: "a little", 2: "some", 3: "a lot"}
INTERACTION_WORDS = LEVEL_WORDS
INTRUSION_WORDS = {
    0: "not at all",
    1: "once or twice",
    2: "several times",
    3: "often",
    4: "most of the time",
}
RECOVERY_WORDS = {
    "exercise": "exercise (20 min or more)",
    "outdoors": "time outdoors",
    "people": "time with people you like",
    "hobby": "a hobby or something absorbing",
    "wind_down": "a wind-down routine between work and home",
    "rest": "rest",
    "other": "something else",
}

FIELD_SPECS: dict[str, FieldSpec] = {
    spec.name: spec
    for spec in (
        FieldSpec("shift", "choice", "shift", choices=SHIFTS, words=SHIFT_WORDS, log=("Shift", "")),
        FieldSpec("incident", "choice", "incident", choices=INCIDENTS, words=INCIDENT_WORDS,
                  log=("Incident", "incident")),
        FieldSpec("hurt", "bool", "assaulted or hurt at work"),
        FieldSpec("material", "int", "distressing material", 0, 3, words=MATERIAL_WORDS,
                  higher_is_harder=True, log=("Mat.", "material")),
        FieldSpec("graphic", "bool", "graphic images or video"),
        FieldSpec("interactions", "int", "hostile or distressing interactions", 0, 3,
                  words=INTERACTION_WORDS, higher_is_harder=True,
                  trend_label="Hostile or distressing interactions", log=("Host.", "host.")),
        FieldSpec("workload", "int", "workload manageable", 0, 4, words=_SCALE_0_4_MANAGEABLE,
                  trend_label="Workload"),
        # Sleep bars run to 12 hours: a 0-24 scale would flatten every night.
        FieldSpec("sleep_hours", "number", "sleep (hours)", 0, 24, unit="hours", steady_within=0.25,
                  trend_label="Sleep", chart_top=12.0, log=("Sleep", "sleep")),
        FieldSpec("sleep_quality", "int", "sleep quality", 0, 10,
                  words={0: "very poorly", 10: "very well"}, trend_label="Sleep quality"),
        FieldSpec("nightmare", "bool", "upsetting dreams about work"),
        FieldSpec("intrusions", "int", "unwanted memories", 0, 4, words=INTRUSION_WORDS,
                  higher_is_harder=True, trend_label="Unwanted memories"),
        FieldSpec("switch_off", "int", "switching off", 0, 4, words=_SCALE_0_4_MANAGEABLE,
                  trend_label="Switching off", log=("Off", "off")),
        FieldSpec("mood", "int", "mood", 0, 10, words={0: "very low", 10: "very good"},
                  trend_label="Mood", log=("Mood", "mood")),
        FieldSpec("energy", "int", "energy", 0, 10,
                  words={0: "running on empty", 10: "full of energy"}, trend_label="Energy",
                  log=("Energy", "energy")),
        FieldSpec("talked", "bool", "talked to someone you trust"),
        FieldSpec("support", "int", "felt supported", 0, 4, words={0: "not at all", 4: "very"},
                  trend_label="Felt supported", log=("Support", "support")),
        FieldSpec("recovery", "list", "did for yourself", choices=RECOVERY, words=RECOVERY_WORDS),
        FieldSpec("alcohol_units", "number", "alcohol (units)", 0, 100, unit="units",
                  higher_is_harder=True, steady_within=1.0, setting="alcohol_question",
                  trend_label="Alcohol", chart_top=14.0),
        FieldSpec("note", "text", "note"),
        FieldSpec("raise_at_supervision", "bool", "raise at supervision"),
        FieldSpec("talking_point", "text", "talking point"),
        FieldSpec("supported_colleague", "bool", "supported a colleague",
                  setting="colleague_question"),
        FieldSpec("good_moment", "bool", "worthwhile moment"),
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


# Each answer as the person knows it from its question: what error messages
# name ("hours of sleep: '7h30' is not a number, such as 6.5"), never the
# field name of the record.
SPOKEN = {
    "shift": "kind of day", "incident": "distressing incident",
    "hurt": "assaulted or physically hurt at work", "material": "distressing material",
    "graphic": "graphic images or video", "interactions": "hostile or distressing interactions",
    "workload": "workload", "sleep_hours": "hours of sleep",
    "sleep_quality": "how well you slept", "nightmare": "upsetting dreams about work",
    "intrusions": "unwanted memories", "switch_off": "switching off", "mood": "mood",
    "energy": "energy", "talked": "talked to someone you trust", "support": "support",
    "recovery": "what you did for yourself", "alcohol_units": "units of alcohol", "note": "note",
    "raise_at_supervision": "raise at supervision", "talking_point": "talking point",
    "supported_colleague": "supported a colleague",
    "good_moment": "a moment at work that felt worthwhile",
}
_EXAMPLES = {"sleep_hours": "6.5", "alcohol_units": "3"}


def spoken(name: str) -> str:
    return SPOKEN.get(name, name)


def validate_answer(name: str, value: Any, *, called: str | None = None) -> Any:
    """Return the value in its canonical form, or raise InvalidInput saying what is allowed.

    None always means "skipped" and is allowed for every answer. A refusal
    starts with the answer's name: as the person knows the question
    (`spoken`), or `called` (a file's field name, a flag).
    """
    spec = FIELD_SPECS.get(name)
    if spec is None:
        raise InvalidInput(f"There is no check-in question called {name!r}.")
    if value is None:
        return None
    try:
        return _canonical(spec, value)
    except InvalidInput as exc:
        raise InvalidInput(f"{called or spoken(name)}: {exc.message}") from None


def _canonical(spec: FieldSpec, value: Any) -> Any:
    """The value in its canonical form; a refusal says what is wrong (the caller names the answer).

    Messages are built only when an answer is refused: imports validate
    hundreds of thousands of answers, and describing every field each time
    cost a third of the time.
    """
    if spec.kind == "choice":
        text = str(value).strip().lower()
        if text not in spec.choices:
            raise InvalidInput(f"{value!r} is not one of {', '.join(spec.choices)}.")
        return text
    if spec.kind == "bool":
        if isinstance(value, bool):
            return value
        raise InvalidInput("give yes or no.")
    if spec.kind in ("int", "number"):
        if type(value) is int and spec.high is not None and spec.low <= value <= spec.high:
            # The usual answer in a file: a whole number in range, kept without a
            # round trip through float (a tenth of an import's time).
            return value if spec.kind == "int" else float(value)
        number = _as_number(value, spec)
        too_high = spec.high is not None and number > spec.high
        fits = math.isfinite(number) and number >= spec.low and not too_high  # type: ignore[operator]
        if not fits or (spec.kind == "int" and not number.is_integer()):
            raise InvalidInput(f"{value} is not {spec.describe_allowed()}.")
        # + 0.0 turns -0 into 0, which would otherwise show as "-0 h".
        return int(number) if spec.kind == "int" else number + 0.0
    if spec.kind == "list":
        if not isinstance(value, (str, list, tuple)):
            raise InvalidInput(f"give {spec.describe_allowed()}.")
        items = [value] if isinstance(value, str) else list(value)
        cleaned: list[str] = []
        for item in items:
            word = str(item).strip().lower().replace("-", "_")
            if word == NOTHING:
                continue
            if word not in spec.choices:
                raise InvalidInput(f"{item!r} is not {spec.describe_allowed()}.")
            if word not in cleaned:
                cleaned.append(word)
        # Kept in the contract's order so that equal answers compare equal.
        return tuple(c for c in spec.choices if c in cleaned)
    # text
    if not isinstance(value, str):
        raise InvalidInput("give text.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, from a crafted JSON file
        raise InvalidInput("it holds characters that are not valid text.") from None
    text = value.strip()
    if len(text) > MAX_TEXT:
        raise InvalidInput(f"it is {len(text):,} characters long; the most is {MAX_TEXT:,}.")
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
        raise InvalidInput(f"give {spec.describe_allowed()}.")
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
    example = _EXAMPLES.get(spec.name, f"{int(middle)}")
    whole = "a whole number" if spec.kind == "int" else "a number"
    return f"{value!r} is not {whole}, such as {example}; give {spec.describe_allowed()}."


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
        raise InvalidInput(
            f"{text!r} is not a date I can read. Use YYYY-MM-DD, today or yesterday."
        ) from None
    if day > today and not allow_future:
        raise InvalidInput(
            f"{day.isoformat()} is in the future. A check-in is for a duty day that has started."
        )
    if day < EARLIEST:
        raise InvalidInput(f"{day.isoformat()} is before {EARLIEST.year}; give a date from {EARLIEST.year} on.")
    return day


def day_words(day: dt.date) -> str:
    """'Friday 27 November 2026': the UK way of writing a date, in the catalogue's words."""
    from resilience_cli.messages import day_month

    return day_month(day, year=True)
