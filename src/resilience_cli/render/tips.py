"""Tips, support boxes and the crisis box, as Rich panels.

The level is said in words in every panel's title, never by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from resilience_cli.contacts import Contact, Contacts
from resilience_cli.messages import _
from resilience_cli.render.boxes import box
from resilience_cli.render.contacts import ContactList
from resilience_cli.rules.engine import Item

BORDER = {"crisis": "bold red", "support": "yellow", "tip": "cyan"}
HELP_NOW = "resilience help-now"  # not a message: a command


def box_contacts(item: Item, contacts: Contacts, own: Sequence[Contact]) -> tuple[Contact, ...]:
    if item.level == "crisis":
        return contacts.crisis_box(own)
    if item.level == "support":
        return tuple(contacts.support_box(tuple(own)))
    return ()


def item_panel(item: Item, *, why: bool, contacts: Contacts, own: Sequence[Contact],
               plain: bool = False, shown: frozenset[str] = frozenset(),
               extra: Sequence[str] = ()) -> RenderableType:
    """One tip or box. `shown`: the names of contacts already on the screen, not listed
    again. `extra`: paragraphs of other boxes folded into this one (said once)."""
    parts: list[RenderableType] = [Text(item.text)]
    for paragraph in extra:
        parts += [Text(""), Text(paragraph)]
    listed = box_contacts(item, contacts, own)
    rest = [c for c in listed if c.name not in shown]
    # A second box on one screen points back to the first one's contacts: each contact once.
    if listed and not rest:
        parts += [Text(""), Text(_("rules.listed_above"))]
    elif listed:
        parts += [Text("")] + ([Text(_("rules.as_well_as"))] if len(rest) < len(listed) else []) + [ContactList(rest)]
    # A crisis box holds the contacts and nothing else: no reasons, no sources.
    if why and item.level != "crisis":
        parts += [Text(""), Text(_("rules.why", why=item.why), style="italic")]
        parts.append(Text(_("rules.sources", sources="; ".join(item.sources)), style="dim"))
    # A tip's rule id is how it is silenced (tips --silence R6); support and
    # crisis boxes cannot be silenced, and a code in them reads as a case file.
    if item.level == "tip":
        title = _("rules.title.tip", title=item.title, rule=item.rule)
    else:
        title = _(f"rules.title.{item.level}", title=item.title)
    return box(title, Group(*parts), plain=plain, border_style=BORDER[item.level])


def items_view(
    items: Sequence[Item], *, why: bool, contacts: Contacts, own: Sequence[Contact], plain: bool = False,
    shown: frozenset[str] = frozenset(),
) -> RenderableType:
    """The items in order, each contact listed once: a later box lists only those not
    yet on the screen (`shown`: names something earlier on the screen listed)."""
    panels = []
    for item in items:
        panels.append(item_panel(item, why=why, contacts=contacts, own=own, plain=plain, shown=shown))
        shown = shown | {c.name for c in box_contacts(item, contacts, own)}
    return Group(*panels)


def nothing_to_say(enough_data: bool) -> Text:
    if not enough_data:
        return Text(_("rules.no_tips_yet", command=HELP_NOW))
    return Text(_("rules.nothing_stands_out", command=HELP_NOW))
