"""What an amendment changed, answer by answer, and what it means for follow-ups.

Checking in again for a day replaces the answers given (DESIGN.md, "The
check-in record"): never unseen. Plain words, no terminal library.
"""

from __future__ import annotations

from typing import Any

from resilience_cli.model import ANSWER_FIELDS, FIELD_SPECS, CheckIn

# Words the person typed are never repeated back in a one-line summary.
_TEXT = frozenset(n for n, s in FIELD_SPECS.items() if s.kind == "text")


def _value(name: str, value: Any) -> str:
    """An answer as its flag would take it: 'significant', '3', '6.5', 'yes', 'skipped'."""
    if value is None:
        return "skipped"
    kind = FIELD_SPECS[name].kind
    if kind == "bool":
        return "yes" if value else "no"
    if kind == "list":
        return ", ".join(value) if value else "nothing"
    if kind == "number":
        return f"{value:g}"
    return str(value)


def changes(before: CheckIn, after: CheckIn, *, plain: bool = False) -> list[str]:
    """'incident significant → none', one per answer that changed, in the record's order."""
    arrow = "to" if plain else "→"  # a screen reader reads "to", not "rightwards arrow"
    out = []
    for name in ANSWER_FIELDS:
        old, new = getattr(before, name), getattr(after, name)
        if old == new:
            continue
        label = name.replace("_", " ")
        if name in _TEXT:
            out.append(f"{label} {'added' if old is None else 'cleared' if new is None else 'changed'}")
        else:
            out.append(f"{label} {_value(name, old)} {arrow} {_value(name, new)}")
    return out


def updated_line(day: str, before: CheckIn, after: CheckIn, *, plain: bool = False) -> str:
    """'Updated Sunday 20 December: incident significant → none; mood 3 → 7.'"""
    changed = changes(before, after, plain=plain)
    if not changed:
        return f"{day} already had these answers: nothing changed."
    return f"Updated {day}: {'; '.join(changed)}."


def followups_line(before: CheckIn, after: CheckIn, answered: int) -> str | None:
    """What happens to the follow-ups when an amendment takes an incident away.

    Follow-ups come after a significant incident; answered ones are the
    person's own record and are never deleted.
    """
    if before.incident == "significant" and after.incident != "significant":
        if answered == 0:
            return ("The follow-ups after a significant incident (about 3 days and 4 weeks later) "
                    "will not be asked about this day.")
        kept = "the follow-up you answered is kept" if answered == 1 else \
            f"the {answered} follow-ups you answered are kept"
        return f"No more follow-ups will be asked about this day's incident; {kept}."
    if before.incident == "minor" and after.incident not in ("minor", "significant"):
        return "A minor incident has no follow-ups, so nothing else changes."
    return None
