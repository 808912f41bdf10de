"""`resilience contacts`: the person's own numbers and their service, shown and changed.

A phone number is read from a prompt or from standard input, never from the
command line, as every other answer the person types.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from resilience_cli.cli import common
from resilience_cli.cli.options import TextOrJson, TextOrJsonOpt
from resilience_cli.config import load_settings, paths
from resilience_cli.errors import Cancelled, InvalidInput, ResilienceError


def contacts(
    format_: TextOrJsonOpt = TextOrJson.text,
    add: Annotated[str | None, typer.Option("--add", metavar="KIND", help="Add your own number for eap (your employee assistance line) or trim (your TRiM practitioner or care team); asked for, or read from standard input.")] = None,
    remove: Annotated[int | None, typer.Option("--remove", metavar="N", help="Remove your own contact number N, as listed.")] = None,
    service: Annotated[str | None, typer.Option("--service", metavar="S", help="Where you work, for the routes that fit: prison, probation, police or other.")] = None,
) -> None:
    """Show or change your own contacts (shown first whenever help is) and your service.

    \b
    Examples:
      resilience contacts
      resilience contacts --add eap
      echo "0800 123 4567" | resilience contacts --add trim
      resilience contacts --service prison
      resilience contacts --remove 2
    """
    from resilience_cli.contacts import OWN_NAMES, SERVICES

    config_file = paths().config_file
    settings = load_settings(config_file)
    if add is not None and add not in OWN_NAMES:
        raise InvalidInput(f"--add takes {' or '.join(OWN_NAMES)}; {add!r} is not one. Nothing was changed.")
    if service is not None and service not in SERVICES:
        raise InvalidInput(f"--service must be one of {', '.join(SERVICES)}; {service!r} is not. Nothing was changed.")
    if remove is not None and not 1 <= remove <= len(settings.own_contacts):
        raise InvalidInput(f"There is no own contact number {remove}: resilience contacts lists them. "
                           "Nothing was changed.")
    changed = False
    if service is not None:
        _service(config_file, service)
        changed = True
    if add is not None:
        _add(config_file, settings, add)
        changed = True
    if remove is not None:
        _remove(config_file, settings, remove)
        changed = True
    if changed:
        return
    own = settings.own_contacts
    if format_ is TextOrJson.json:
        common.machine_output(json.dumps({
            "config_file": str(config_file), "service": settings.service,
            "own": [{"name": c.name, "how": c.how, "when": c.when} for c in own],
        }, indent=2, ensure_ascii=False) + "\n")
        return
    from rich.text import Text

    out = common.console()
    out.print(Text(f"Your service: {settings.service or 'not set'}"
                   + (" (its routes: resilience routes)" if settings.service else
                      " (set it with: resilience contacts --service " + "|".join(SERVICES) + ")")))
    if own:
        out.print(Text("Your own contacts, shown first whenever help is:"))
        for n, c in enumerate(own, start=1):
            out.print(Text(f"  {n}. {c.name}: {c.how}" + (f" ({c.when})" if c.when else "")))
    else:
        out.print(Text("Your own contacts: none yet."))
    out.print(Text(f"Add your number: resilience contacts --add {'|'.join(OWN_NAMES)}. They live in {config_file}."))


def _cannot(config_file, lines: str) -> ResilienceError:
    return ResilienceError(f"{config_file} could not be changed (it is linked, read-only or has a mistake), so "
                           f"nothing was changed. To do it by hand, add:\n{lines.rstrip()}")


def _service(config_file, service: str) -> None:
    from resilience_cli.settings_file import lines_to_add, save_service

    if not save_service(config_file, service):
        raise _cannot(config_file, lines_to_add(service=service))
    common.console().print(f"Saved: your service is {service}. Its routes: resilience routes", markup=False)


def _add(config_file, settings, kind: str) -> None:
    from resilience_cli.contacts import OWN_NAMES, own_contact, phone_number
    from resilience_cli.settings_file import add_own_contacts, lines_to_add

    name = OWN_NAMES[kind]
    for n, c in enumerate(settings.own_contacts, start=1):
        if c.name == name:
            raise InvalidInput(f"You already have a number for {name[0].lower()}{name[1:]} ({n}). To change it, "
                               f"remove it first: resilience contacts --remove {n}")
    if common.stdin_is_terminal():
        from resilience_cli.prompts import ask_number

        try:
            contact = ask_number(kind)
        except KeyboardInterrupt:
            raise Cancelled("Cancelled; nothing was changed.") from None
        if contact is None:
            print("Nothing was changed.")
            return
    else:
        line = sys.stdin.readline(200).strip()
        if not line:
            raise InvalidInput("Give the number on standard input, such as: echo \"0800 123 4567\" | "
                               f"resilience contacts --add {kind}. Nothing was changed.")
        contact = own_contact(kind, phone_number(line))
    if not add_own_contacts(config_file, [contact]):
        from resilience_cli.settings_file import contact_lines

        raise _cannot(config_file, lines_to_add([contact]) or contact_lines(contact))
    common.console().print(f"Saved: {contact.name}: {contact.how}. It is shown first whenever help is.",
                           markup=False)


def _remove(config_file, settings, number: int) -> None:
    from resilience_cli.settings_file import remove_own_contact

    gone = settings.own_contacts[number - 1]
    if not remove_own_contact(config_file, number):
        raise ResilienceError(f"{config_file} could not be changed (it is linked, read-only, or its contacts "
                              "are written in another way), so nothing was changed: remove the "
                              f"[[contacts.own]] table for {gone.name!r} by hand.")
    common.console().print(f"Removed: {gone.name}.", markup=False)
