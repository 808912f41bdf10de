"""`resilience routes`: the support routes for the person's nation and service."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from resilience_cli.cli import common
from resilience_cli.cli.options import TextOrJson, TextOrJsonOpt
from resilience_cli.config import paths
from resilience_cli.contacts import REGIONS, SERVICES
from resilience_cli.errors import InvalidInput
from resilience_cli.messages import _

ROUTES_FILE = "routes.toml"
# What --need's help names: the built-in routes' needs, as typed.
NEEDS = ("incident", "sleep", "drinking", "peer", "leaving", "crisis")


def _typed(choices: tuple[str, ...]) -> dict[str, str]:
    """A flag's values as typed, for "{choices} or {last}"."""
    return {"choices": ", ".join(choices[:-1]), "last": choices[-1]}


def routes(
    format_: TextOrJsonOpt = TextOrJson.text,
    need: Annotated[str | None, typer.Option(metavar="NEED", help=_("contactscli.option.need", **_typed(NEEDS)))] = None,
    service: Annotated[str | None, typer.Option(metavar="S", help=_("contactscli.option.other_service",
                                                                    **_typed(SERVICES)))] = None,
    nation: Annotated[str | None, typer.Option(metavar="N", help=_("contactscli.option.nation", **_typed(REGIONS)))] = None,
    file: Annotated[Path | None, typer.Option("--file", metavar="PATH", help=_("contactscli.option.file"))] = None,
) -> None:
    """`resilience routes`: its --help is commands.po's (commands.routes.*, see cli/app.py)."""
    from resilience_cli.contacts import nation_name
    from resilience_cli.routes import parse, read_builtin

    if service is not None and service not in SERVICES:
        raise InvalidInput(_("contactscli.error.one_of", flag="--service", choices=", ".join(SERVICES),
                             given=repr(service)))
    if nation is not None and nation not in REGIONS:
        raise InvalidInput(_("contactscli.error.one_of", flag="--nation", choices=", ".join(REGIONS),
                             given=repr(nation)))
    own = file if file is not None else paths().config_dir / ROUTES_FILE
    if file is not None or own.is_file():
        try:
            text = own.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput(_("contactscli.error.routes_unread", file=own,
                                 reason=getattr(exc, "strerror", None) or exc)) from None
        found = parse(text, own.name)
        # JSON's own value, in English; the heading's words are the catalogue's.
        origin, origin_words = f"from {own}", _("contactscli.routes.from_file", file=own)  # not a message: JSON's value
    else:
        found = parse(read_builtin(), ROUTES_FILE)
        origin, origin_words = "the built-in routes", _("contactscli.routes.built_in")  # not a message: JSON's value
    if need is not None and need not in found.needs:
        raise InvalidInput(_("contactscli.error.one_of", flag="--need", choices=", ".join(found.needs),
                             given=repr(need)))
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
    out.print(Text(heading(nation_name(region), chosen, found.needs.get(need or ""), origin_words)))
    out.print(Text(""))
    out.print(RouteList(listed))
    out.print(Text(_("contactscli.routes.by_need",
                     command="resilience routes --need " + "|".join(found.needs))))  # not a message: a command
    if chosen is None:
        out.print(Text(_("contactscli.routes.say_service",
                         command="resilience contacts --service " + "|".join(SERVICES))))  # not a message: a command
    out.print(Text(_("contactscli.routes.crisis", command="resilience help-now")))  # not a message: a command
