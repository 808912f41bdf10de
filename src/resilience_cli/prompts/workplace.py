"""The first run's questions about work: the service, and the person's own numbers.

Every one skips on Enter. They return answers and never save: the check-in
saves them with the day, so Ctrl-C at any question leaves no trace.
"""

from __future__ import annotations

from dataclasses import dataclass

from resilience_cli.contacts import OWN_NAMES, SERVICES, Contact, own_contact, phone_number
from resilience_cli.messages import _
from resilience_cli.prompts.question import SKIP, Option, ask

# The words of each service (firstrun.service.NAME) and of each number's
# question (firstrun.number.KIND) are the catalogue's.


@dataclass(frozen=True)
class Workplace:
    service: str | None
    own: tuple[Contact, ...]


def ask_service() -> str | None:
    """Which service the person works in; None when skipped."""
    answer = ask(_("firstrun.service.question"),
                 options=[Option(str(n), _(f"firstrun.service.{s}"), s) for n, s in enumerate(SERVICES, start=1)],
                 hint=_("firstrun.service.hint"))
    return None if answer == SKIP else answer


def ask_number(kind: str) -> Contact | None:
    """One of the person's own numbers (OWN_NAMES), as a contact; None when skipped."""
    answer = ask(_(f"firstrun.number.{kind}"), typed=phone_number, hint=_("firstrun.number.hint"))
    return None if answer == SKIP else own_contact(kind, answer)


def ask_workplace(*, numbers: bool = True) -> Workplace:
    """The service, then (when it was given) the person's own numbers."""
    service = ask_service()
    own: list[Contact] = []
    if service is not None and numbers:
        for kind in OWN_NAMES:
            found = ask_number(kind)
            if found is not None:
                own.append(found)
    return Workplace(service, tuple(own))
