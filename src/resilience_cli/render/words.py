"""Answers in plain words and numbers, for every view (no terminal library needed)."""

from __future__ import annotations

from typing import Any

from resilience_cli.model import FIELD_SPECS
from resilience_cli.model import clean_text as clean  # noqa: F401 - what every view shows user text through

SKIPPED = "-"

# Compact words for table cells.
SHORT_MATERIAL = {0: "none", 1: "little", 2: "some", 3: "a lot"}


def answer_words(name: str, value: Any) -> str:
    """An answer in plain words, for people to read."""
    if value is None:
        return "skipped"
    spec = FIELD_SPECS[name]
    if spec.kind == "bool":
        return "yes" if value else "no"
    if spec.kind == "list":
        if not value:
            return "nothing today"
        return ", ".join(spec.words.get(v, v) for v in value)
    if spec.unit == "hours":
        return f"{hours(value)} hours"
    if spec.unit:
        return f"{value:g} {spec.unit}"
    if spec.kind == "int":
        words = spec.words.get(value)
        if name in ("material", "interactions"):
            return words or str(value)
        scale = f"{value} of {int(spec.high)}"  # type: ignore[arg-type]
        return f"{scale} ({words})" if words else scale
    if spec.kind == "choice":
        return spec.words.get(value, value)
    return str(value)


def hours(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")

