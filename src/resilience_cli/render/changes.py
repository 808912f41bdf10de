"""What an amendment changed, answer by answer, and what it means for follow-ups.

Checking in again for a day replaces the answers given (DESIGN.md, "The
check-in record"): never unseen. Plain words, no terminal library.
"""

from __future__ import annotations

from typing import Any

from resilience_cli.messages import _, _n
from resilience_cli.model import ANSWER_FIELDS, FIELD_SPECS, NOTHING, CheckIn

# Words the person typed are never repeated back in a one-line summary.
_TEXT = frozenset(n for n, s in FIELD_SPECS.items() if s.kind == "text")


def _value(name: str, value: Any) -> str:
    """An answer as its flag would take it: 'significant', '3', '6.5', 'yes', 'skipped'."""
    if value is None:
        return _("changes.value.skipped")
    kind = FIELD_SPECS[name].kind
    if kind == "bool":
        return _("changes.value.yes") if value else _("changes.value.no")
    if kind == "list":
        return ", ".join(value) if value else NOTHING
    if kind == "number":
        return f"{value:g}"
    return str(value)


def changes(before: CheckIn, after: CheckIn, *, plain: bool = False) -> list[str]:
    """'incident significant → none', one per answer that changed, in the record's order."""
    out = []
    for name in ANSWER_FIELDS:
        old, new = getattr(before, name), getattr(after, name)
        if old == new:
            continue
        label = name.replace("_", " ")  # the answer as its flag names it
        if name in _TEXT:
            key = ("changes.text.added" if old is None else "changes.text.cleared" if new is None
                   else "changes.text.changed")
            out.append(_(key, name=label))
        else:
            # A screen reader reads "to", not "rightwards arrow".
            out.append(_("changes.changed_plain" if plain else "changes.changed", name=label,
                         old=_value(name, old), new=_value(name, new)))
    return out


def updated_line(day: str, before: CheckIn, after: CheckIn, *, plain: bool = False) -> str:
    """'Updated Sunday 20 December: incident significant → none; mood 3 → 7.'"""
    changed = changes(before, after, plain=plain)
    if not changed:
        return _("changes.nothing_changed", day=day)
    return _("changes.updated", day=day, changes="; ".join(changed))


def followups_line(before: CheckIn, after: CheckIn, answered: int) -> str | None:
    """What happens to the follow-ups when an amendment takes an incident away.

    Follow-ups come after a significant incident; answered ones are the
    person's own record and are never deleted.
    """
    if before.incident == "significant" and after.incident != "significant":
        if answered == 0:
            return _("changes.followups.not_asked")
        return _n("changes.followups.kept", answered)
    if before.incident == "minor" and after.incident not in ("minor", "significant"):
        return _("changes.followups.minor")
    return None
