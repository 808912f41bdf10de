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
from resilience_cli.contacts import SERVICES
from resilience_cli.errors import Cancelled, InvalidInput, ResilienceError
from resilience_cli.messages import _


def contacts(
    format_: TextOrJsonOpt = TextOrJson.text,
    add: Annotated[str | None, typer.Option("--add", metavar="KIND", help=_("contactscli.option.add", eap="eap",
                                                                            trim="trim"))] = None,
    remove: Annotated[int | None, typer.Option("--remove", metavar="N", help=_("contactscli.option.remove",
                                                                               n="N"))] = None,
    service: Annotated[str | None, typer.Option("--service", metavar="S", help=_(
        "contactscli.option.service", services=", ".join(SERVICES[:-1]), last=SERVICES[-1]))] = None,
) -> None:
    """`resilience contacts`: its --help is commands.po's (commands.contacts.*, see cli/app.py)."""
    from resilience_cli.contacts import OWN_NAMES

    config_file = paths().config_file
    settings = load_settings(config_file)
    if add is not None and add not in OWN_NAMES:
        *most, last = OWN_NAMES
        raise InvalidInput(_("contactscli.error.add", flag="--add", choices=", ".join(most), last=last,
                             given=repr(add)))
    if service is not None and service not in SERVICES:
        raise InvalidInput(_("contactscli.error.one_of_unchanged", flag="--service", choices=", ".join(SERVICES),
                             given=repr(service)))
    if remove is not None and not 1 <= remove <= len(settings.own_contacts):
        raise InvalidInput(_("contactscli.error.no_number", number=remove,
                             command="resilience contacts"))  # not a message: a command
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
    if settings.service:
        out.print(Text(_("contactscli.service", service=settings.service,
                         command="resilience routes")))  # not a message: a command
    else:
        out.print(Text(_("contactscli.service_not_set",
                         command="resilience contacts --service " + "|".join(SERVICES))))  # not a message: a command
    if own:
        out.print(Text(_("contactscli.own.heading")))
        for n, c in enumerate(own, start=1):
            out.print(Text(f"  {n}. {c.name}: {c.how}" + (f" ({c.when})" if c.when else "")))
    else:
        out.print(Text(_("contactscli.own.none")))
    out.print(Text(_("contactscli.own.add", command=f"resilience contacts --add {'|'.join(OWN_NAMES)}",  # not a message: a command
                     file=config_file)))


def _cannot(config_file, lines: str) -> ResilienceError:
    return ResilienceError(_("contactscli.error.not_changed", file=config_file, lines=lines.rstrip()))


def _service(config_file, service: str) -> None:
    from resilience_cli.settings_file import lines_to_add, save_service

    if not save_service(config_file, service):
        raise _cannot(config_file, lines_to_add(service=service))
    common.console().print(_("contactscli.saved_service", service=service,
                             command="resilience routes"),  # not a message: a command
                           markup=False)


def _add(config_file, settings, kind: str) -> None:
    from resilience_cli.contacts import OWN_NAMES, own_contact, phone_number
    from resilience_cli.settings_file import add_own_contacts, lines_to_add

    name = OWN_NAMES[kind]
    for n, c in enumerate(settings.own_contacts, start=1):
        if c.name == name:
            raise InvalidInput(_("contactscli.error.already", name=f"{name[0].lower()}{name[1:]}", number=n,
                                 command=f"resilience contacts --remove {n}"))  # not a message: a command
    if common.stdin_is_terminal():
        from resilience_cli.prompts import ask_number

        try:
            contact = ask_number(kind)
        except KeyboardInterrupt:
            raise Cancelled(_("contactscli.cancelled")) from None
        if contact is None:
            print(_("contactscli.unchanged"))
            return
    else:
        line = sys.stdin.readline(200).strip()
        if not line:
            raise InvalidInput(_("contactscli.error.no_number_given",
                                 command=f'echo "0800 123 4567" | resilience contacts --add {kind}'))  # not a message: a command
        contact = own_contact(kind, phone_number(line))
    if not add_own_contacts(config_file, [contact]):
        from resilience_cli.settings_file import contact_lines

        raise _cannot(config_file, lines_to_add([contact]) or contact_lines(contact))
    common.console().print(_("contactscli.saved_contact", name=contact.name, how=contact.how), markup=False)


def _remove(config_file, settings, number: int) -> None:
    from resilience_cli.settings_file import remove_own_contact

    gone = settings.own_contacts[number - 1]
    if not remove_own_contact(config_file, number):
        raise ResilienceError(_("contactscli.error.not_removed", file=config_file, table="[[contacts.own]]",
                                name=repr(gone.name)))
    common.console().print(_("contactscli.removed", name=gone.name), markup=False)
