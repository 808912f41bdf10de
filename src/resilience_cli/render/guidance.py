"""Tips and boxes as the check-in, `tips`, `followup` and `pack run` show them: each contact listed once.

Which contacts a box lists (the person's nation and service, their own
first), the distress box's words and a follow-up's closing words are decided
here and in the modules below, so a command only prints what it is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Group, RenderableType
from rich.text import Text

from resilience_cli.rules.engine import Item

if TYPE_CHECKING:
    from resilience_cli.config import Settings


def contacts_for(settings: Settings):
    """The built-in contacts for the person's nation (every nation's when unknown) and service."""
    from resilience_cli.contacts import default_contacts

    return default_contacts(settings.region, settings.service)


def items(shown: Sequence[Item], settings: Settings, *, why: bool, plain: bool) -> RenderableType:
    """Tips and boxes; each contact listed once on the screen."""
    from resilience_cli.render.tips import items_view

    return items_view(shown, why=why, contacts=contacts_for(settings), own=settings.own_contacts, plain=plain)


def distress(settings: Settings, *, plain: bool, extra: Sequence[Item] = ()) -> RenderableType:
    """The short support box after a check-in that meets a trigger of the safety question.

    `extra`: support boxes that would have listed the same contacts (after an
    incident, say), folded into this one: one box, each contact once.
    """
    from resilience_cli.messages import _
    from resilience_cli.render.tips import item_panel
    from resilience_cli.safety import distress_words

    title, text = distress_words()
    box = Item("distress", "support", title, text, _("guidance.because_today"), ())
    return item_panel(box, why=False, contacts=contacts_for(settings), own=settings.own_contacts,
                      plain=plain, extra=[i.text for i in extra])


def followup_closing(followup: Any, settings: Settings, *, box_follows: bool = False) -> RenderableType:
    """Words after a follow-up that fit its answers: the route to TRiM, own contacts first.

    `box_follows`: a support box comes next and lists the contacts; they are not listed twice.
    """
    from resilience_cli.followups import closing_words
    from resilience_cli.render.contacts import ContactList

    t = settings.thresholds
    closing = closing_words(followup, still_strong=followup.still_strong(
        t.followup_intrusions, t.followup_avoidance, t.followup_sleep_quality))
    parts: list[RenderableType] = [Text(paragraph) for paragraph in closing.paragraphs]
    if closing.contacts and not box_follows:
        parts.append(ContactList(contacts_for(settings).support_box(settings.own_contacts)))
    return Group(*parts)
