"""The supervision summary's choices: sections, requests, actions, and words that may identify someone."""

from __future__ import annotations

import questionary
from questionary import Choice

from resilience_cli.prompts.basics import fit

KEEP, EDIT, DROP = "keep", "edit", "drop"


def keep_section(title: str) -> bool:
    answer = questionary.select(
        fit(f"Include \"{title}\" in the summary?"),
        choices=[Choice("yes, include it", value=True, shortcut_key="y"),
                 Choice("no, leave it out", value=False, shortcut_key="n")],
        use_shortcuts=True, instruction="(y or n, then Enter)",
    ).unsafe_ask()
    return bool(answer)


def pick_private_sections(options: dict[str, str], ticked: set[str]) -> set[str]:
    picked = questionary.checkbox(
        "These stay private unless you tick them. Add any to this summary?",
        choices=[Choice(title, value=key, checked=key in ticked) for key, title in options.items()],
        instruction="(Space to tick, Enter when done)",
    ).unsafe_ask()
    return set(picked or ())


def pick_requests(options: dict[str, str], ticked: tuple[str, ...]) -> tuple[list[str], str | None]:
    picked = questionary.checkbox(
        "What would you like from your manager or the organisation?",
        choices=[Choice(title, value=key, checked=key in ticked) for key, title in options.items()],
        instruction="(Space to tick, Enter when done)",
    ).unsafe_ask()
    other = questionary.text("Anything else, in your own words?", instruction="(Enter to skip)").unsafe_ask()
    return list(picked or ()), other.strip() or None


def edit_list(question: str, suggested: tuple[str, ...]) -> tuple[str, ...]:
    """A short list, item by item: each suggestion kept (Enter), changed or dropped, then
    any the officer adds, one at a time, until an empty line.

    What is kept here becomes the officer's own words in the summary.
    """
    kept: list[str] = []
    for n, item in enumerate(suggested, 1):
        choice = questionary.select(
            fit(f"{question} Suggested from your check-ins ({n} of {len(suggested)}): {item}"),
            choices=[Choice("keep it", value=KEEP, shortcut_key="k"),
                     Choice("change it", value=EDIT, shortcut_key="c"),
                     Choice("drop it", value=DROP, shortcut_key="d")],
            use_shortcuts=True, use_jk_keys=False, instruction="(k, c or d, then Enter)",
        ).unsafe_ask()
        if choice == KEEP:
            kept.append(item)
        elif choice == EDIT:
            changed = questionary.text("Your words:", default=item,
                                       instruction="(no names or case details)").unsafe_ask().strip()
            if changed:
                kept.append(changed)
    while True:
        asked = question if not suggested and not kept else "Anything to add to that list?"
        text = questionary.text(
            fit(f"{asked} One at a time, with no names or case details."),
            instruction="(Enter when there are no more)",
        ).unsafe_ask().strip()
        if not text:
            return tuple(kept)
        kept.append(text)


def review_action(text: str, status: str, statuses: tuple[str, ...]) -> str:
    """Where an action from last time stands now; Enter keeps its status."""
    return questionary.select(
        fit(f"From last time: {text} ({status}). Where is it now?"),
        choices=[Choice(s, value=s) for s in statuses],
        default=status if status in statuses else None,
    ).unsafe_ask()


def new_actions() -> tuple[str, ...]:
    found = []
    while True:
        text = questionary.text(
            "An action to agree at this supervision?" if not found else "Another action?",
            instruction="(Enter when there are no more)",
        ).unsafe_ask()
        if not text.strip():
            return tuple(found)
        found.append(text.strip())


ONE_BY_ONE, DROP_ALL, KEEP_ALL = "one", "drop_all", "keep_all"


def identifiers_at_once(count: int) -> str:
    """With several flagged lines: settle them one by one, or all together."""
    return questionary.select(
        fit(f"{count} lines may identify someone. What would you like to do with them?"),
        choices=[Choice("look at each one", value=ONE_BY_ONE, shortcut_key="o"),
                 Choice("leave out all flagged lines", value=DROP_ALL, shortcut_key="d"),
                 Choice("keep all of them as they are", value=KEEP_ALL, shortcut_key="k")],
        use_shortcuts=True, use_jk_keys=False, instruction="(o, d or k, then Enter)",
    ).unsafe_ask()


def identifier_choice(where: str, text: str, problem: str) -> tuple[str, str]:
    """keep / edit / drop a line that may identify someone; returns (choice, text).

    The line is shown whole, wrapped to the terminal: what was found is never cut off.
    """
    import shutil
    import textwrap

    width = max(20, shutil.get_terminal_size((80, 24)).columns - 4)
    shown = "\n".join(textwrap.wrap(f'"{text}"', width, initial_indent="  ", subsequent_indent="  ",
                                    break_long_words=True, break_on_hyphens=False))
    choice = questionary.select(
        fit(f"{where} may identify someone: {problem}.") + shown + "\n  What would you like to do?",
        choices=[Choice("edit it for this summary", value=EDIT, shortcut_key="e"),
                 Choice("leave it out of this summary", value=DROP, shortcut_key="d"),
                 Choice("keep it as it is", value=KEEP, shortcut_key="k")],
        use_shortcuts=True, use_jk_keys=False, instruction="(e, d or k, then Enter)",
    ).unsafe_ask()
    if choice == EDIT:
        return EDIT, questionary.text("Your words for the summary:", default=text).unsafe_ask().strip()
    return choice, text
