"""Answers in plain words and numbers, for every view (no terminal library needed)."""

from __future__ import annotations

from typing import Any

from resilience_cli.message_maps import Words
from resilience_cli.messages import _
from resilience_cli.model import FIELD_SPECS
from resilience_cli.model import clean_text as clean  # noqa: F401 - what every view shows user text through

SKIPPED = "-"

# Compact words for table cells.
SHORT_MATERIAL = Words({0: "checkin.answer.short_level.0", 1: "checkin.answer.short_level.1",
                        2: "checkin.answer.short_level.2", 3: "checkin.answer.short_level.3"})


def answer_words(name: str, value: Any) -> str:
    """An answer in plain words, for people to read."""
    if value is None:
        return _("checkin.answer.skipped")
    spec = FIELD_SPECS[name]
    if spec.kind == "bool":
        return _("checkin.answer.yes") if value else _("checkin.answer.no")
    if spec.kind == "list":
        if not value:
            return _("checkin.answer.nothing_today")
        return ", ".join(spec.words.get(v, v) for v in value)
    if spec.unit == "hours":
        return _("checkin.answer.hours", hours=hours(value))
    if spec.unit:
        return _("checkin.answer.amount", amount=f"{value:g}", unit=spec.unit_words)
    if spec.kind == "int":
        words = spec.words.get(value)
        if name in ("material", "interactions"):
            return words or str(value)
        scale = _("checkin.answer.of", value=value, high=int(spec.high))  # type: ignore[arg-type]
        return _("checkin.answer.with_words", scale=scale, words=words) if words else scale
    if spec.kind == "choice":
        return spec.words.get(value, value)
    return str(value)


def hours(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")

