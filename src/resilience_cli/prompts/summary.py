"""The supervision summary's choices: sections, requests, actions, and words that may identify someone."""

from __future__ import annotations

from collections.abc import Collection

import questionary
from questionary import Choice

from resilience_cli.messages import _, _n
from resilience_cli.prompts.basics import fit

KEEP, EDIT, DROP = "keep", "edit", "drop"


def keep_section(title: str) -> bool:
    answer = questionary.select(
        fit(_("summary.ask.keep_section", title=title)),
        choices=[Choice(_("summary.ask.keep_section.yes"), value=True, shortcut_key="y"),
                 Choice(_("summary.ask.keep_section.no"), value=False, shortcut_key="n")],
        use_shortcuts=True, instruction=_("summary.ask.keep_section.keys"),
    ).unsafe_ask()
    return bool(answer)


# The keys beside a tick list's items: more than nine sections go on to letters.
_TICK_KEYS = "123456789abcdefghijklm"


def _ticked(message: str, options: dict[str, str], ticked: Collection[str]) -> list[str]:
    """A tick list on the check-in's own widget (questionary's checkbox says "done" in
    English once answered): an item's key or Space on it ticks, Enter ends."""
    from resilience_cli.prompts.question import SKIP, Option, ask

    rows = [Option(_TICK_KEYS[i], title, key) for i, (key, title) in enumerate(options.items())]
    last = _TICK_KEYS[len(rows) - 1]
    answer = ask(message, options=rows, many=True, checked=[i for i, row in enumerate(rows) if row.value in ticked],
                 hint=_("summary.ask.tick_hint", first=_TICK_KEYS[0], last=last),
                 skip_words=_("summary.ask.none_ticked"))
    return [] if answer is SKIP else list(answer)


def pick_private_sections(options: dict[str, str], ticked: set[str]) -> set[str]:
    return set(_ticked(_("summary.ask.private"), options, ticked))


def pick_requests(options: dict[str, str], ticked: tuple[str, ...]) -> tuple[list[str], str | None]:
    picked = _ticked(_("summary.ask.requests"), options, ticked)
    other = questionary.text(_("summary.ask.request_other"), instruction=_("summary.ask.skip_keys")).unsafe_ask()
    return picked, other.strip() or None


def edit_list(question: str, suggested: tuple[str, ...]) -> tuple[str, ...]:
    """A short list, item by item: each suggestion kept (Enter), changed or dropped, then
    any the officer adds, one at a time, until an empty line.

    What is kept here becomes the officer's own words in the summary.
    """
    kept: list[str] = []
    for n, item in enumerate(suggested, 1):
        choice = questionary.select(
            fit(_("summary.ask.suggested", question=question, number=n, of=len(suggested), item=item)),
            choices=[Choice(_("summary.ask.suggested.keep"), value=KEEP, shortcut_key="k"),
                     Choice(_("summary.ask.suggested.change"), value=EDIT, shortcut_key="c"),
                     Choice(_("summary.ask.suggested.drop"), value=DROP, shortcut_key="d")],
            use_shortcuts=True, use_jk_keys=False, instruction=_("summary.ask.suggested.keys"),
        ).unsafe_ask()
        if choice == KEEP:
            kept.append(item)
        elif choice == EDIT:
            changed = questionary.text(_("summary.ask.your_words"), default=item,
                                       instruction=_("summary.ask.no_names")).unsafe_ask().strip()
            if changed:
                kept.append(changed)
    while True:
        asked = question if not suggested and not kept else _("summary.ask.add_more")
        text = questionary.text(
            fit(_("summary.ask.one_at_a_time", question=asked)),
            instruction=_("summary.ask.done_keys"),
        ).unsafe_ask().strip()
        if not text:
            return tuple(kept)
        kept.append(text)


def review_action(text: str, status: str, statuses: tuple[str, ...]) -> str:
    """Where an action from last time stands now; Enter keeps its status."""
    from resilience_cli.supervision import status_words

    return questionary.select(
        fit(_("summary.ask.action_now", action=text, status=status_words(status))),
        choices=[Choice(status_words(s), value=s) for s in statuses],
        default=status if status in statuses else None,
    ).unsafe_ask()


def new_actions() -> tuple[str, ...]:
    found = []
    while True:
        text = questionary.text(
            _("summary.ask.action_new") if not found else _("summary.ask.action_another"),
            instruction=_("summary.ask.done_keys"),
        ).unsafe_ask()
        if not text.strip():
            return tuple(found)
        found.append(text.strip())


ONE_BY_ONE, DROP_ALL, KEEP_ALL = "one", "drop_all", "keep_all"


def identifiers_at_once(count: int) -> str:
    """With several flagged lines: settle them one by one, or all together."""
    return questionary.select(
        fit(_n("summary.ask.flagged", count)),
        choices=[Choice(_("summary.ask.flagged.each"), value=ONE_BY_ONE, shortcut_key="o"),
                 Choice(_("summary.ask.flagged.drop_all"), value=DROP_ALL, shortcut_key="d"),
                 Choice(_("summary.ask.flagged.keep_all"), value=KEEP_ALL, shortcut_key="k")],
        use_shortcuts=True, use_jk_keys=False, instruction=_("summary.ask.flagged.keys"),
    ).unsafe_ask()


def identifier_choice(where: str, text: str, problem: str) -> tuple[str, str]:
    """keep / edit / drop a line that may identify someone; returns (choice, text).

    The line is shown whole, wrapped to the terminal: what was found is never cut off.
    """
    import shutil
    import textwrap

    width = max(20, shutil.get_terminal_size((80, 24)).columns - 4)
    shown = "\n".join(textwrap.wrap(_("summary.ask.identifier.quoted", text=text), width, initial_indent="  ", subsequent_indent="  ",
                                    break_long_words=True, break_on_hyphens=False))
    choice = questionary.select(
        fit(_("summary.ask.identifier", where=where, problem=problem)) + shown
        + "\n  " + _("summary.ask.identifier.what_now"),
        choices=[Choice(_("summary.ask.identifier.edit"), value=EDIT, shortcut_key="e"),
                 Choice(_("summary.ask.identifier.drop"), value=DROP, shortcut_key="d"),
                 Choice(_("summary.ask.identifier.keep"), value=KEEP, shortcut_key="k")],
        use_shortcuts=True, use_jk_keys=False, instruction=_("summary.ask.identifier.keys"),
    ).unsafe_ask()
    if choice == EDIT:
        return EDIT, questionary.text(_("summary.ask.identifier.words"), default=text).unsafe_ask().strip()
    return choice, text
