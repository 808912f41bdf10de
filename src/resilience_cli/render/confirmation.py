"""What a check-in says once it is saved: the day, and today's answers beside the
person's own four-week averages.

Which answers are shown is `aftercare`'s decision (the averages it gives);
each is named by the catalogue (checkin.confirm.name.<answer>: short words,
so that saying Saved reads no question's words) and written as its question
has it (model.FIELD_SPECS: a unit, or a scale's top). No field is named here.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from resilience_cli.messages import _
from resilience_cli.model import FIELD_SPECS, CheckIn, day_words
from resilience_cli.render.words import answer_words, hours

# The answers line and the marked line sit under the headline, indented (layout, not words).
_INDENT = "  "


def confirmation(
    record: CheckIn, created: bool, averages: dict[str, float | None], headline: str | None = None
) -> RenderableType:
    """A compact, friendly confirmation, beside the user's own recent averages.

    `headline`, for an amendment: what it changed, answer by answer (render.changes).
    """
    lines = [Text(headline or _headline(record, created), style="bold")]
    parts = []
    for name, average in averages.items():
        value = getattr(record, name)
        if value is None:
            continue
        piece = _answer(name, value)
        if average is not None:
            piece = _("checkin.confirm.with_average", answer=piece, average=_average(name, average))
        parts.append(piece)
    if parts:
        lines.append(Text(_INDENT + _("checkin.confirm.answers", answers="; ".join(parts))))
    if all(v is None for v in record.answers().values()):
        lines.append(Text(_("checkin.confirm.all_skipped")))
        edit = f"resilience edit {record.date}"  # not a message: a command
        lines.append(Text(_("checkin.confirm.add_later", command=edit)))
    if record.raise_at_supervision:
        lines.append(Text(_INDENT + _("checkin.confirm.marked_to_raise")))
    return Group(*lines)


def _headline(record: CheckIn, created: bool) -> str:
    """'Saved your check-in for Saturday 19 December 2026 (night shift).'"""
    day = day_words(record.day)
    if record.shift:
        kind = answer_words("shift", record.shift)
        return (_("checkin.confirm.saved_kind", day=day, kind=kind) if created
                else _("checkin.confirm.updated_kind", day=day, kind=kind))
    return _("checkin.confirm.saved", day=day) if created else _("checkin.confirm.updated", day=day)


def _label(name: str) -> str:
    """The answer's short name: 'sleep', not 'sleep (hours)'."""
    return _(f"checkin.confirm.name.{name}")


def _answer(name: str, value: Any) -> str:
    """'sleep 6 h', 'mood 5/10': as the question's unit or scale has it."""
    spec = FIELD_SPECS[name]
    if spec.unit == "hours":
        return _("checkin.confirm.hours", name=_label(name), hours=hours(value))
    if spec.unit:
        return _("checkin.confirm.amount", name=_label(name), amount=f"{value:g}", unit=spec.unit_words)
    return _("checkin.confirm.scale", name=_label(name), value=value, high=f"{spec.high:g}")


def _average(name: str, average: float) -> str:
    return hours(round(average, 1)) if FIELD_SPECS[name].unit == "hours" else f"{average:.1f}"
