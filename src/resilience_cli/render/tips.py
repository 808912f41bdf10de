"""Tips, support boxes and the crisis box, as Rich panels.

The level is said in words in every panel's title, never by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from resilience_cli.contacts import Contact, Contacts
from resilience_cli.render.boxes import box
from resilience_cli.render.contacts import ContactList
from resilience_cli.rules.engine import Item

BORDER = {"crisis": "bold red", "support": "yellow", "tip": "cyan"}
LEVEL_WORDS = {"crisis": "Help now", "support": "Support", "tip": "Tip"}


def item_panel(item: Item, *, why: bool, contacts: Contacts, own: Sequence[Contact],
               plain: bool = False) -> RenderableType:
    parts: list[RenderableType] = [Text(item.text)]
    if item.level == "crisis":
        parts += [Text(""), ContactList([*contacts.crisis, *own])]
    elif item.level == "support":
        parts += [Text(""), ContactList(contacts.support_box(tuple(own)))]
    if why:
        parts += [Text(""), Text(f"Why: {item.why}", style="italic")]
        parts.append(Text("Sources: " + "; ".join(item.sources), style="dim"))
    # A tip's rule id is how it is silenced (tips --silence R6); support and
    # crisis boxes cannot be silenced, and a code in them reads as a case file.
    title = f"{LEVEL_WORDS[item.level]}: {item.title}"
    if item.level == "tip":
        title += f" ({item.rule})"
    return box(title, Group(*parts), plain=plain, border_style=BORDER[item.level])


def items_view(
    items: Sequence[Item], *, why: bool, contacts: Contacts, own: Sequence[Contact], plain: bool = False
) -> RenderableType:
    return Group(*(item_panel(i, why=why, contacts=contacts, own=own, plain=plain) for i in items))


def nothing_to_say(enough_data: bool) -> Text:
    if not enough_data:
        return Text(
            "No tips yet: they need a few check-ins from the last week to go on. "
            "Help is always there: resilience help-now"
        )
    return Text("Nothing stands out in your recent check-ins. Help is always there: resilience help-now")
