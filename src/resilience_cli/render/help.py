"""The help box: support and crisis contacts, and the disclaimer."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from resilience_cli.contacts import REGIONS, Contact, Contacts, disclaimer
from resilience_cli.messages import _
from resilience_cli.render.boxes import box
from resilience_cli.render.contacts import ContactList

ROUTES = "resilience routes"  # not a message: a command
CONTACTS = "resilience contacts"  # not a message: a command


def help_now(contacts: Contacts, own: Sequence[Contact] = (), *, plain: bool = False,
             service_known: bool = True) -> RenderableType:
    """The crisis lines in a box (the person's own numbers first), then the other routes,
    24/7 ones first; each contact once."""
    parts: list[RenderableType] = [
        box(
            _("help.now.title"),
            Group(
                Text(_("help.now.struggling")),
                Text(""),
                ContactList(contacts.crisis_box(own)),
                Text(""),
                Text(_("help.now.tell_someone")),
            ),
            plain=plain,
        ),
    ]
    if not plain:
        parts.append(Text(""))
    # Typed as they are, in any language: the setting, its section, its file and its values.
    setting = {"setting": "region", "section": "[contacts]", "file": "config.toml", "regions": ", ".join(REGIONS)}
    parts += [
        Text(_("help.now.other_support"), style="bold"),
        ContactList(contacts.others(own)),
        Text(""),
        Text(_("help.now.unknown_nation", **setting) if not contacts.known else
             _("help.now.nation", nation=contacts.region_name, **setting)),
        Text(""),
        Text(_("help.now.routes", command=ROUTES) if service_known else
             _("help.now.routes_and_contacts", command=ROUTES, contacts=CONTACTS)),
        Text(""),
        Text(disclaimer(), style="dim"),
    ]
    return Group(*parts)
