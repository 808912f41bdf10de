"""The route map as text: a route to a few lines, numbers never split."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.console import Console, ConsoleOptions
from rich.text import Text

from resilience_cli.messages import _
from resilience_cli.render.contacts import wrap
from resilience_cli.render.words import clean
from resilience_cli.routes import Route, access_words

# The services whose people the heading names (help.routes.who.<service>).
WHO = ("prison", "probation", "police", "other")


def heading(nation: str, service: str | None, need: str | None, origin: str) -> str:
    who = _(f"help.routes.who.{service}") if service in WHO else _("help.routes.who.unknown")
    key = "help.routes.heading" + ("" if nation else "_unknown") + ("_need" if need else "")
    return _(key, who=who, nation=nation, need=need, origin=origin)


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
            recorded = r.recorded if r.recorded.endswith(".") else f"{r.recorded}."
            said = [_("help.routes.run_by", runs_it=r.runs_it, access=access_words(r.access), hours=r.hours),
                    _("help.routes.recorded_source", recorded=recorded, source=r.source_by, checked=r.checked)
                    if r.recorded_says and r.source_by else _("help.routes.recorded", recorded=recorded)]
            for paragraph in said:
                for line in wrap(clean(paragraph), width - 2):
                    yield Text("  " + line, no_wrap=True, overflow="ignore")
            yield Text("")
