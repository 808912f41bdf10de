"""The help box: support and crisis contacts, and the disclaimer."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from resilience_cli.contacts import DISCLAIMER, REGIONS, Contact, Contacts
from resilience_cli.render.boxes import box
from resilience_cli.render.contacts import ContactList

UNKNOWN_NATION = (
    "Your nation could not be read from your settings, so the urgent line for each nation is "
    "shown. To show only yours, set region in the [contacts] section of config.toml ({regions})."
)


def help_now(contacts: Contacts, own: Sequence[Contact] = (), *, plain: bool = False,
             service_known: bool = True) -> RenderableType:
    """The crisis lines in a box (the person's own numbers first), then the other routes,
    24/7 ones first; each contact once."""
    parts: list[RenderableType] = [
        box(
            "Help now",
            Group(
                Text("If you are struggling right now, you don't have to carry this alone."),
                Text(""),
                ContactList(contacts.crisis_box(own)),
                Text(""),
                Text("If you can, tell someone you trust how you are feeling."),
            ),
            plain=plain,
        ),
    ]
    if not plain:
        parts.append(Text(""))
    regions = ", ".join(REGIONS)
    parts += [
        Text("Other support", style="bold"),
        ContactList(contacts.others(own)),
        Text(""),
        Text(UNKNOWN_NATION.format(regions=regions) if not contacts.known else
             f"These contacts are for {contacts.region_name}. For another nation, set region "
             f"in the [contacts] section of config.toml ({regions})."),
        Text(""),
        Text("Each route, who runs it, and what is recorded and who is told: resilience routes"
             + ("" if service_known else ". To add your work's routes and your own numbers: "
                                         "resilience contacts")),
        Text(""),
        Text(DISCLAIMER, style="dim"),
    ]
    return Group(*parts)
