"""The help box: support and crisis contacts, and the disclaimer."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from resilience_cli.contacts import DISCLAIMER, REGIONS, Contact, Contacts
from resilience_cli.render.boxes import box
from resilience_cli.render.contacts import ContactList


def help_now(contacts: Contacts, own: Sequence[Contact] = (), *, plain: bool = False) -> RenderableType:
    parts: list[RenderableType] = [
        box(
            "Help now",
            Group(
                Text("If you are struggling right now, you don't have to carry this alone."),
                Text(""),
                ContactList(contacts.crisis),
                Text(""),
                Text("If you can, tell someone you trust how you are feeling."),
            ),
            plain=plain,
        ),
    ]
    if not plain:
        parts.append(Text(""))
    if own:
        parts += [Text("Your own contacts", style="bold"), ContactList(own), Text("")]
    parts += [
        Text("Other support", style="bold"),
        ContactList(contacts.support),
        Text(""),
        Text(
            f"These contacts are for {contacts.region_name}. For another nation, set region "
            f"in the [contacts] section of config.toml ({', '.join(REGIONS)})."
        ),
        Text(""),
        Text(DISCLAIMER, style="dim"),
    ]
    return Group(*parts)
