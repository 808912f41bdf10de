"""Phone-ins: the private question before a call, the takeaway after, and the host's screen."""

from __future__ import annotations

from typing import Any

from resilience_cli.messages import _
from resilience_cli.prompts.question import SKIP, ask


def ask_bring(earlier: str | None) -> str | None:
    """What, if anything, the officer would like to bring to the call. Private."""
    answer = ask(_("phonein.ask.bring"), typed=lambda t: t,
                 default_text=earlier or "", hint=_("phonein.ask.bring_hint"))
    return None if answer == SKIP else answer.strip() or None


def ask_takeaway(last_thing: str | None) -> dict[str, Any]:
    """The officer's own takeaway, and one thing they'll do before the next call."""
    takeaway = ask(_("phonein.ask.takeaway"), typed=lambda t: t, hint=_("phonein.ask.takeaway_hint"))
    one_thing = ask(_("phonein.ask.one_thing"), typed=lambda t: t,
                    hint=_("phonein.ask.one_thing_hint", last=last_thing) if last_thing
                    else _("phonein.ask.skip_hint"))
    return {"takeaway": None if takeaway == SKIP else takeaway.strip() or None,
            "one_thing": None if one_thing == SKIP else one_thing.strip() or None}


def host_rounds(turns: Any, *, refresh: float | None = 1.0) -> int:
    """The rounds, live: Space next person, p pause, n next round, q close. Returns rounds held.

    `turns` is a phonein.Turns, whose clock the caller chooses (tests pass a
    fixed one). Nothing typed here is kept.
    """
    from prompt_toolkit.application import Application
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.layout import Layout, Window
    from prompt_toolkit.layout.controls import FormattedTextControl

    kb = KeyBindings()

    @kb.add(" ")
    def _next_person(event: Any) -> None:
        turns.next_person()

    @kb.add("p")
    def _pause(event: Any) -> None:
        turns.toggle_pause()

    @kb.add("n")
    @kb.add("enter")
    def _next_round(event: Any) -> None:
        turns.next_round()
        if turns.done:
            event.app.exit(result=len(turns.prompts))

    @kb.add("q")
    @kb.add("escape")
    def _close(event: Any) -> None:
        event.app.exit(result=turns.round + 1)

    @kb.add("c-c")
    def _interrupt(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt())

    app: Application[int] = Application(
        layout=Layout(Window(FormattedTextControl(lambda: turns.screen() + "\n", show_cursor=False),
                             dont_extend_height=True)),
        key_bindings=kb,
        full_screen=False,
        erase_when_done=False,
        mouse_support=False,
        refresh_interval=refresh,
    )
    return app.run()
