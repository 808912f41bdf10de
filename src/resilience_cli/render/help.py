"""The help box: support and crisis contacts, and the disclaimer."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from resilience_cli.contacts import DISCLAIMER, Contact, Contacts


def help_now(contacts: Contacts, own: Sequence[Contact] = ()) -> RenderableType:
    crisis = Table.grid(padding=(0, 2))
    crisis.add_column(style="bold", no_wrap=True)
    crisis.add_column()
    for c in contacts.crisis:
        crisis.add_row(c.name, f"{c.how}: {c.when}")
    support = Table.grid(padding=(0, 2))
    support.add_column(style="bold", no_wrap=True)
    support.add_column()
    for c in [*own, *contacts.support]:
        support.add_row(c.name, f"{c.how}: {c.when}" if c.when else c.how)
    return Group(
        Panel(
            Group(
                Text("If you are struggling right now, you don't have to carry this alone."),
                Text(""),
                crisis,
                Text(""),
                Text("If you can, tell someone you trust how you are feeling."),
            ),
            title="Help now",
            title_align="left",
        ),
        Text(""),
        Text("Your own contacts, and other support" if own else "Other support", style="bold"),
        support,
        Text(""),
        Text(DISCLAIMER, style="dim"),
    )
