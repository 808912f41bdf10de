"""Tips, support boxes and the crisis box, as Rich panels.

The level is said in words in every panel's title, never by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from resilience_cli.contacts import Contact, Contacts
from resilience_cli.rules.engine import Item

BORDER = {"crisis": "bold red", "support": "yellow", "tip": "cyan"}
LEVEL_WORDS = {"crisis": "Help now", "support": "Support", "tip": "Tip"}


def contact_table(contacts: Sequence[Contact]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=False, max_width=30)
    table.add_column()
    for c in contacts:
        table.add_row(c.name, f"{c.how}: {c.when}" if c.when else c.how)
    return table


def item_panel(item: Item, *, why: bool, contacts: Contacts, own: Sequence[Contact]) -> Panel:
    parts: list[RenderableType] = [Text(item.text)]
    if item.level == "crisis":
        parts += [Text(""), contact_table([*own, *contacts.crisis])]
    elif item.level == "support":
        nhs111 = [c for c in contacts.crisis if c.name.startswith("NHS 111")]
        parts += [Text(""), contact_table([*own, *contacts.support, *nhs111])]
    if why:
        parts += [Text(""), Text(f"Why: {item.why}", style="italic")]
        parts.append(Text("Sources: " + "; ".join(item.sources), style="dim"))
    title = f"{LEVEL_WORDS[item.level]}: {item.title} ({item.rule})"
    return Panel(Group(*parts), title=title, title_align="left", border_style=BORDER[item.level])


def items_view(
    items: Sequence[Item], *, why: bool, contacts: Contacts, own: Sequence[Contact]
) -> RenderableType:
    return Group(*(item_panel(i, why=why, contacts=contacts, own=own) for i in items))


def nothing_to_say(enough_data: bool) -> Text:
    if not enough_data:
        return Text(
            "No tips yet: they need a few check-ins from the last week to go on. "
            "Help is always there: resilience help-now"
        )
    return Text("Nothing stands out in your recent check-ins. Help is always there: resilience help-now")
