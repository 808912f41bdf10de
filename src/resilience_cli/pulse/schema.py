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
        raise InvalidInput("The answer on standard input is empty; nothing was written.")
    if len(text) > MAX_RESPONSE_CHARS:
        raise InvalidInput(f"The answer is {len(text):,} characters long; keep it to "
                           f"{MAX_RESPONSE_CHARS:,} (about a page). Nothing was written.")
    return text


# -- checking ------------------------------------------------------------------

def _refuse(name: str, why: str) -> PulseFileProblem:
    # What was left undone (merged, read) is the command's to say.
    return PulseFileProblem(f"{name} {why}")


def refuse_report(name: str, why: str) -> PulseFileProblem:
    return PulseFileProblem(f"{name} is not a sound team pulse report: it {why}")


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
    return ", ".join(shown[:5]) + (f" and {len(shown) - 5} more" if len(shown) > 5 else "")


def load_object(raw: bytes, name: str) -> dict[str, object]:
    """A JSON object from a file's bytes (strict UTF-8, no key twice), or refused naming the file."""
    try:
        data = json.loads(raw.decode("utf-8"), object_pairs_hook=_no_duplicates)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _refuse(name, "is not a pulse file: it is not JSON written as UTF-8 text, or a key appears twice.") from None
    if not isinstance(data, dict):
        raise _refuse(name, "is not a pulse file: it does not hold one JSON object.")
    return data


def _format(data: dict[str, object], name: str, expected: str) -> None:
    if data.get("format") != expected:
        raise _refuse(name, f"is not a {_WHAT[expected]}: its \"format\" is not {expected!r}.")
    version = data.get("version")
    if type(version) is not int or version < 1:
        raise _refuse(name, "has no valid format \"version\".")
    if version > VERSION:
        raise _refuse(name, f"was written in version {version} of its format, newer than this resilience "
                            f"reads ({VERSION}); update resilience to read it.")


_WHAT = {PULSE: "pulse file", REPORT: "team pulse report", RESPONSE: "pulse answer"}


def _exact_keys(data: dict[str, object], name: str, keys: tuple[str, ...]) -> None:
    unknown = set(data) - set(keys)
    if unknown:
        raise _refuse(name, f"holds something a {_WHAT[str(data.get('format'))]} may not: {_keys(unknown)}.")
    missing = [k for k in keys if k not in data]
    if missing:
        raise _refuse(name, f"is missing {_keys(missing)}.")


def _week(data: dict[str, object], name: str, today: dt.date) -> dt.date:
    text = data["week"]
    if not isinstance(text, str):
        raise _refuse(name, "has a \"week\" that is not an ISO week.")
    try:
        monday = parse_week(text)
    except InvalidInput:
        raise _refuse(name, "has a \"week\" that is not an ISO week such as 2026-W49.") from None
    if not is_over(monday, today):
        raise _refuse(name, f"is for week {week_id(monday)}, which has not ended yet: a file for a week "
                            "still to come has been made or changed by hand.")
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
        raise _refuse(name, f"is named for week {named[-1]} but holds week {week_id(monday)}.")
    token = data["token"]
    if not isinstance(token, str) or not _TOKEN.fullmatch(token):
        raise _refuse(name, "has a \"token\" that is not 32 hexadecimal characters.")
    bands = []
    for q in QUESTIONS:
        value = data[q.key]
        if not isinstance(value, str) or value not in q.ids:
            raise _refuse(name, f"holds a value for \"{q.key}\" outside its bands ({', '.join(q.ids)}).")
        bands.append(value)
    return PulseAnswer(monday, token, tuple(bands))


def check_response(data: dict[str, object], name: str, today: dt.date) -> tuple[dt.date, str]:
    """The week and words of a pulse answer, strictly checked."""
    _format(data, name, RESPONSE)
    _exact_keys(data, name, ("format", "version", "week", "text"))
    monday = _week(data, name, today)
    text = data["text"]
    if not isinstance(text, str) or not text.strip():
        raise _refuse(name, "has no \"text\".")
    if len(text) > MAX_RESPONSE_CHARS:
        raise _refuse(name, f"has a \"text\" longer than {MAX_RESPONSE_CHARS:,} characters.")
    if _CONTROL.search(text):
        raise _refuse(name, "has control characters in its \"text\" (they can change what a terminal shows).")
    return monday, text
