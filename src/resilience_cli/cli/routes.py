"""`resilience routes`: the support routes for the person's nation and service."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from resilience_cli.cli import common
from resilience_cli.cli.options import TextOrJson, TextOrJsonOpt
from resilience_cli.config import paths
from resilience_cli.errors import InvalidInput

ROUTES_FILE = "routes.toml"


def routes(
    format_: TextOrJsonOpt = TextOrJson.text,
    need: Annotated[str | None, typer.Option(metavar="NEED", help="Start from what's going on: incident, sleep, drinking, peer, leaving or crisis.")] = None,
    service: Annotated[str | None, typer.Option(metavar="S", help="See another service's routes: prison, probation, police or other.")] = None,
    nation: Annotated[str | None, typer.Option(metavar="N", help="See another nation's routes: england, wales, scotland or northern-ireland.")] = None,
    file: Annotated[Path | None, typer.Option("--file", metavar="PATH", help="Read and check this routes file (a wellbeing lead's own).")] = None,
) -> None:
    """Show the support routes for your nation and service: who runs each, how to get there, its hours, and what is recorded and who is told.

    \b
    Examples:
      resilience routes
      resilience routes --need sleep
      resilience routes --service police --nation wales --format json
    """
    from resilience_cli.contacts import REGIONS, SERVICES, nation_name
    from resilience_cli.routes import parse, read_builtin

    if service is not None and service not in SERVICES:
        raise InvalidInput(f"--service must be one of {', '.join(SERVICES)}; {service!r} is not.")
    if nation is not None and nation not in REGIONS:
        raise InvalidInput(f"--nation must be one of {', '.join(REGIONS)}; {nation!r} is not.")
    own = file if file is not None else paths().config_dir / ROUTES_FILE
    if file is not None or own.is_file():
        try:
            text = own.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput(f"The routes file {own} could not be read: {getattr(exc, 'strerror', None) or exc}.") from None
        found, origin = parse(text, own.name), f"from {own}"
    else:
        found, origin = parse(read_builtin(), ROUTES_FILE), "the built-in routes"
    if need is not None and need not in found.needs:
        raise InvalidInput(f"--need must be one of {', '.join(found.needs)}; {need!r} is not.")
    settings = common.settings()
    region = nation or settings.region
    chosen = service or settings.service
    listed = found.choose(region, chosen, need)
    if format_ is TextOrJson.json:
        common.machine_output(json.dumps({
            "nation": region, "service": chosen, "need": need, "from": origin,
            "needs": found.needs, "routes": [r.to_dict() for r in listed],
        }, indent=2, ensure_ascii=False, allow_nan=False) + "\n")
        return
    from rich.text import Text

    from resilience_cli.render.routes import RouteList, heading

    out = common.console()
    out.print(Text(heading(nation_name(region), chosen, found.needs.get(need or ""), origin)))
    out.print(Text(""))
    out.print(RouteList(listed))
    out.print(Text("Start from what's going on: resilience routes --need " + "|".join(found.needs)))
    if chosen is None:
        out.print(Text("For the routes of your work, say where you work: resilience contacts --service "
                       + "|".join(SERVICES)))
    out.print(Text("In a crisis, now: resilience help-now"))
