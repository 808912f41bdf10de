"""What the tips, the check-in and the follow-ups share: the rule context and showing items."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from resilience_cli.cli import common
from resilience_cli.config import Settings
from resilience_cli.rules.engine import HISTORY_DAYS, Item, RuleContext
from resilience_cli.store import JournalStore


def rule_context(store: JournalStore | None, to: dt.date, settings: Settings) -> RuleContext:
    """Read what the rules need, and no more: the last HISTORY_DAYS days."""
    since = to - dt.timedelta(days=HISTORY_DAYS)
    if store is None:
        records, followups, safety = [], [], []
    else:
        records = store.between(since, to)
        followups = store.followups(since)
        # A pack's safety question answered at its threshold counts as a "yes".
        safety = sorted([*store.safety_answers(since), *store.pack_crisis_answers(since)],
                        key=lambda a: (a.date, a.created_at))
    return RuleContext(
        to=to, records=records, followups=followups, safety=safety,
        thresholds=settings.thresholds, alcohol_question=settings.alcohol_question,
        supervision=settings.supervision, today=common.today(),
    )


def silenced(store: JournalStore | None, settings: Settings) -> dict[str, dt.date]:
    """Tips silenced for a while (in the journal) and for good (in config.toml)."""
    found = dict(store.silenced()) if store is not None else {}
    for rule in settings.silenced:
        found[rule] = dt.date.max
    return found


def contacts_for(settings: Settings):
    """The built-in contacts for the person's nation (every nation's when unknown) and service."""
    from resilience_cli.contacts import default_contacts

    return default_contacts(settings.region, settings.service)


def show(items: Sequence[Item], settings: Settings, *, why: bool) -> None:
    """Tips and boxes; each contact listed once on the screen."""
    from resilience_cli.render.tips import items_view

    common.console().print(
        items_view(items, why=why, contacts=contacts_for(settings), own=settings.own_contacts,
                   plain=common.plain_mode())
    )


def show_distress(settings: Settings, *, to_stderr: bool, extra: Sequence[Item] = ()) -> None:
    """The short support box after a check-in that meets a trigger of the safety question.

    `extra`: support boxes that would have listed the same contacts (after an
    incident, say), folded into this one: one box, each contact once.
    With --no-input it goes to standard error: a script reading standard
    output is not disturbed, and a person at the terminal still sees it.
    """
    from resilience_cli.render.tips import item_panel
    from resilience_cli.safety import DISTRESS_TEXT, DISTRESS_TITLE

    box = Item("distress", "support", DISTRESS_TITLE, DISTRESS_TEXT, "Because of today's answers.", ())
    out = common.console(stderr=to_stderr)
    out.print(item_panel(box, why=False, contacts=contacts_for(settings), own=settings.own_contacts,
                         plain=common.plain_mode(), extra=[i.text for i in extra]))


def followup_closing(followup: Any, settings: Settings, *, box_follows: bool = False) -> None:
    """Words after a follow-up that fit its answers: the route to TRiM, own contacts first.

    `box_follows`: a support box comes next and lists the contacts; they are not listed twice.
    """
    from rich.text import Text

    from resilience_cli.followups import closing_words
    from resilience_cli.render.contacts import ContactList

    t = settings.thresholds
    closing = closing_words(followup, still_strong=followup.still_strong(
        t.followup_intrusions, t.followup_avoidance, t.followup_sleep_quality))
    out = common.console()
    for paragraph in closing.paragraphs:
        out.print(Text(paragraph))
    if closing.contacts and not box_follows:
        out.print(ContactList(contacts_for(settings).support_box(settings.own_contacts)))
