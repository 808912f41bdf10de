"""The route map as text: a route to a few lines, numbers never split."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.console import Console, ConsoleOptions
from rich.text import Text

from resilience_cli.render.contacts import wrap
from resilience_cli.render.words import clean
from resilience_cli.routes import ACCESS, ASK_THEM, Route

WHO = {"prison": "prison staff", "probation": "probation staff", "police": "police officers and staff",
       "other": "people in other services"}


def heading(nation: str, service: str | None, need: str | None, origin: str) -> str:
    who = WHO.get(service or "", "your work")
    where = f"in {nation}" if nation else "in each nation (yours could not be read)"
    words = f"Support routes for {who} {where}"
    if need:
        words += f", for: {need}"
    return f"{words} ({origin})."


class RouteList:
    """Each route: its name and how to get there; who runs it, access and hours;
    what is recorded and who is told, with its source and date."""

    def __init__(self, routes: Sequence[Route]):
        self.routes = list(routes)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        width = options.max_width
        for r in self.routes:
            name = clean(f"{r.nation}: {r.name}" if r.nation else r.name)
            for n, line in enumerate(wrap(f"{name}: {clean(r.how)}", width)):
                text = Text(line, no_wrap=True, overflow="ignore")
                if n == 0:
                    text.stylize("bold", 0, min(len(name) + 1, len(line)))
                yield text
            # The source is named where it says what is recorded; the JSON has every citation in full.
            says = r.recorded.lower() != ASK_THEM
            said = [f"Run by {r.runs_it}; {ACCESS[r.access]}; {r.hours}.",
                    f"Recorded, and who is told: {r.recorded}"
                    + ("" if r.recorded.endswith(".") else ".")
                    + (f" ({r.source_by}, checked {r.checked}.)" if says and r.source_by else "")]
            for paragraph in said:
                for line in wrap(clean(paragraph), width - 2):
                    yield Text("  " + line, no_wrap=True, overflow="ignore")
            yield Text("")
