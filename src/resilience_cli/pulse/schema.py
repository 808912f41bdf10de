"""The pulse's files, versioned: what each may hold, written and checked strictly.

Three formats, each a JSON object naming itself in "format" and "version":

- "resilience-pulse" (an officer's week): format, version, week, token, and
  one band id per question of bands.QUESTIONS. Nothing else.
- "resilience-pulse-report" (the collector's merged report, --format json).
- "resilience-pulse-response" (the organisation's answer to a week's report).

A check refuses anything else: an unknown or missing key, a value outside its
bands, a week that has not ended. Messages name keys, never values: a value
that should not be there may be someone's words.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from resilience_cli.errors import InvalidInput
from resilience_cli.messages import _, _n
from resilience_cli.pulse.bands import BY_KEY, QUESTIONS, is_over, parse_week, week_id

PULSE = "resilience-pulse"
REPORT = "resilience-pulse-report"
RESPONSE = "resilience-pulse-response"
VERSION = 1
# A pulse file is about 400 bytes; anything far larger is not one, and is never read whole.
MAX_FILE_BYTES = 16 * 1024
MAX_RESPONSE_CHARS = 8000
MIN_GROUP = 5

PULSE_KEYS = ("format", "version", "week", "token", *(q.key for q in QUESTIONS))
_TOKEN = re.compile(r"[0-9a-f]{32}")
# Any control character but a line break, and the invisible direction overrides.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]")


class PulseFileProblem(InvalidInput):
    """A file that is not a sound pulse file: named, and nothing merged or read."""


@dataclass(frozen=True)
class PulseAnswer:
    """One officer's week, as checked: the week's Monday, the token and the bands in QUESTIONS order."""

    monday: dt.date
    token: str
    bands: tuple[str, ...]


# -- writing -------------------------------------------------------------------

def pulse_content(monday: dt.date, token: str, bands: dict[str, str]) -> dict[str, object]:
    """The whole of a pulse file, in its keys' order."""
    return {"format": PULSE, "version": VERSION, "week": week_id(monday), "token": token,
            **{q.key: bands[q.key] for q in QUESTIONS}}


def to_bytes(content: dict[str, object]) -> bytes:
    return (json.dumps(content, indent=2, ensure_ascii=True) + "\n").encode("ascii")


def response_content(monday: dt.date, text: str) -> dict[str, object]:
    """The organisation's answer: its words, cleaned of control characters, for one week."""
    cleaned = clean_response(text)
    return {"format": RESPONSE, "version": VERSION, "week": week_id(monday), "text": cleaned}


def clean_response(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _CONTROL.sub("", text)
    lines = [line.rstrip() for line in text.strip().split("\n")]
    text = "\n".join(lines)
    if not text:
        raise InvalidInput(_("pulse.respond.empty"))
    if len(text) > MAX_RESPONSE_CHARS:
        raise InvalidInput(_("pulse.respond.too_long", length=f"{len(text):,}", most=f"{MAX_RESPONSE_CHARS:,}"))
    return text


# -- checking ------------------------------------------------------------------

def _refuse(name: str, message: str, /, **values: object) -> PulseFileProblem:
    """The file named, then the message with the id `message` (one of pulse.file.*)."""
    # What was left undone (merged, read) is the command's to say.
    return PulseFileProblem(_("pulse.file.problem", name=name, problem=_(message, **values)))


def refuse_report(name: str, why: str) -> PulseFileProblem:
    return PulseFileProblem(_("pulse.report_file.problem", name=name, why=why))


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    seen: dict[str, object] = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError("a key appears twice")
        seen[key] = value
    return seen


def _keys(keys: object) -> str:
    # Keys as JSON strings (escapes visible), shortened: never a terminal sequence.
    shown = [json.dumps(str(k))[:40] for k in sorted(keys, key=str)]  # type: ignore[call-overload]
    if len(shown) > 5:
        return _n("pulse.file.more_keys", len(shown) - 5, keys=", ".join(shown[:5]))
    return ", ".join(shown)


def load_object(raw: bytes, name: str) -> dict[str, object]:
    """A JSON object from a file's bytes (strict UTF-8, no key twice), or refused naming the file."""
    try:
        data = json.loads(raw.decode("utf-8"), object_pairs_hook=_no_duplicates)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _refuse(name, "pulse.file.not_json") from None
    if not isinstance(data, dict):
        raise _refuse(name, "pulse.file.not_object")
    return data


def _format(data: dict[str, object], name: str, expected: str) -> None:
    if data.get("format") != expected:
        raise _refuse(name, "pulse.file.wrong_format", what=_(_WHAT[expected]), expected=repr(expected))
    version = data.get("version")
    if type(version) is not int or version < 1:
        raise _refuse(name, "pulse.file.no_version")
    if version > VERSION:
        raise _refuse(name, "pulse.file.newer", version=version, ours=VERSION)


# What each format is called.
_WHAT = {PULSE: "pulse.file.what.pulse", REPORT: "pulse.file.what.report", RESPONSE: "pulse.file.what.response"}


def _exact_keys(data: dict[str, object], name: str, keys: tuple[str, ...]) -> None:
    unknown = set(data) - set(keys)
    if unknown:
        raise _refuse(name, "pulse.file.unknown_keys", what=_(_WHAT[str(data.get("format"))]), keys=_keys(unknown))
    missing = [k for k in keys if k not in data]
    if missing:
        raise _refuse(name, "pulse.file.missing_keys", keys=_keys(missing))


def _week(data: dict[str, object], name: str, today: dt.date) -> dt.date:
    text = data["week"]
    if not isinstance(text, str):
        raise _refuse(name, "pulse.file.week_type")
    try:
        monday = parse_week(text)
    except InvalidInput:
        raise _refuse(name, "pulse.file.week_form", example="2026-W49") from None
    if not is_over(monday, today):
        raise _refuse(name, "pulse.file.week_to_come", week=week_id(monday))
    return monday


_NAMED_WEEK = re.compile(r"(?<![0-9])([0-9]{4}-W[0-9]{2})(?![0-9])")


def check_pulse(raw: bytes, name: str, today: dt.date) -> PulseAnswer:
    """One pulse file's bytes, strictly checked; PulseFileProblem (exit 2) naming the file otherwise.

    A file whose name carries a week (pulse-2026-W49.json) must hold that week.
    """
    data = load_object(raw, name)
    _format(data, name, PULSE)
    _exact_keys(data, name, PULSE_KEYS)
    monday = _week(data, name, today)
    named = _NAMED_WEEK.findall(name.rsplit("/", 1)[-1])
    if named and named[-1] != week_id(monday):
        raise _refuse(name, "pulse.file.named_week", named=named[-1], week=week_id(monday))
    token = data["token"]
    if not isinstance(token, str) or not _TOKEN.fullmatch(token):
        raise _refuse(name, "pulse.file.token")
    bands = []
    for q in QUESTIONS:
        value = data[q.key]
        if not isinstance(value, str) or value not in q.ids:
            raise _refuse(name, "pulse.file.outside_bands", key=q.key, bands=", ".join(q.ids))
        bands.append(value)
    return PulseAnswer(monday, token, tuple(bands))


def check_response(data: dict[str, object], name: str, today: dt.date) -> tuple[dt.date, str]:
    """The week and words of a pulse answer, strictly checked."""
    _format(data, name, RESPONSE)
    _exact_keys(data, name, ("format", "version", "week", "text"))
    monday = _week(data, name, today)
    text = data["text"]
    if not isinstance(text, str) or not text.strip():
        raise _refuse(name, "pulse.file.no_text")
    if len(text) > MAX_RESPONSE_CHARS:
        raise _refuse(name, "pulse.file.text_too_long", most=f"{MAX_RESPONSE_CHARS:,}")
    if _CONTROL.search(text):
        raise _refuse(name, "pulse.file.control")
    return monday, text
