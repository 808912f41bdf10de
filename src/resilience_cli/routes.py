"""The support-route map: data/routes.toml (or a wellbeing lead's own copy), read,
checked like a question pack, and chosen for a nation, a service and a need.

A mistake in the file is refused with its line, in one sentence: a lead
adapting it for a prison or a force sees at once what to fix.

The built-in file's words are said in the language being spoken
(messages.data, ids "routes.<id>.<field>" and "routes.needs.<key>"); a lead's
own copy is shown as it is written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from resilience_cli.contacts import REGIONS, SERVICES, UNKNOWN_REGION, nation_names
from resilience_cli.errors import InvalidInput
from resilience_cli.messages import _

# The ways into a route (its `access`): said by access_words().
ACCESS = ("self", "referral", "either", "offered")
# What `recorded` says where no source says what is recorded: a keyword of the file.
ASK_THEM = "ask them"  # not a message: a keyword of routes.toml
# A route's words: said in the language being spoken, under "routes.<id>.<field>".
WORDS = ("name", "runs_it", "how", "hours", "recorded")


def access_words(access: str) -> str:
    """"you can go yourself", for access = "self"."""
    return _(f"help.routes.access.{access}")
REQUIRED = ("id", "name", "runs_it", "how", "access", "hours", "recorded", "services", "nations", "needs")
OPTIONAL = ("source", "checked", "replaces")
ID = re.compile(r"^[a-z][a-z0-9-]{0,39}$")


@dataclass(frozen=True)
class Route:
    id: str
    name: str
    runs_it: str
    how: str
    access: str
    hours: str
    recorded: str
    services: tuple[str, ...]
    nations: tuple[str, ...]
    needs: tuple[str, ...]
    source: str = ""  # the citation, in full
    checked: str = ""  # YYYY-MM-DD
    source_by: str = ""  # who the source is by, for one line of text
    replaces: str = ""
    nation: str = ""  # a label, when the person's nation is unknown

    # Whether `recorded` says what is recorded (not "ask them"): read from the
    # file's English, whatever language its words are then said in.
    recorded_says: bool = True

    def said(self) -> Route:
        """The route in the language being spoken (the built-in file's words)."""
        from dataclasses import replace

        from resilience_cli.messages import data

        return replace(self, **{key: data(f"routes.{self.id}.{key}", getattr(self, key)) for key in WORDS})

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "runs_it": self.runs_it, "how": self.how,
                "access": self.access, "hours": self.hours, "recorded": self.recorded,
                "recorded_says": self.recorded_says,
                "source": self.source or None, "checked": self.checked or None, "needs": list(self.needs),
                "nation": self.nation or None}


@dataclass(frozen=True)
class RouteMap:
    needs: dict[str, str]  # key -> words ("can't sleep")
    routes: tuple[Route, ...]

    def choose(self, region: str, service: str | None, need: str | None = None) -> list[Route]:
        """The routes for a nation (every nation's, labelled, when unknown), a service
        (None: as "other") and a need; a route for the service stands in for the
        general one it replaces."""
        service = service or "other"
        known = region != UNKNOWN_REGION
        found = [r for r in self.routes
                 if ("any" in r.services or service in r.services)
                 and (not known or "any" in r.nations or region in r.nations)
                 and (need is None or need in r.needs)]
        if known:
            replaced = {r.replaces for r in found if r.replaces}
            return [r for r in found if r.id not in replaced]
        from dataclasses import replace

        return [r if "any" in r.nations else replace(r, nation=nation_names(r.nations)) for r in found]


def read_builtin() -> str:
    from importlib import resources

    return resources.files("resilience_cli").joinpath("data/routes.toml").read_text("utf-8")


def texts() -> list[tuple[str, str]]:
    """(id, English) of every word in the built-in routes.toml (tools/catalogues.py gathers them)."""
    found = parse(read_builtin(), "routes.toml", said=False)
    out = [(f"routes.needs.{key}", words) for key, words in found.needs.items()]
    out += [(f"routes.{r.id}.{key}", getattr(r, key)) for r in found.routes for key in WORDS]
    return out


def _where(n: int, lines: list[int]) -> str:
    """'route 3 (line 52)': where a mistake is."""
    return _("help.routes.where_line", n=n, line=lines[n - 1]) if n <= len(lines) else _("help.routes.where", n=n)


# The file's own syntax, typed as it is in any language.
_NEEDS, _ROUTES = "[needs]", "[[routes]]"


def parse(text: str, source: str, *, said: bool | None = None) -> RouteMap:
    """A route map from its TOML text; a mistake is an error naming the route and its line.

    `said`: the words in the language being spoken (messages.data); by default,
    when `text` is the built-in file's (a lead's own copy is shown as written)."""
    import tomllib

    from resilience_cli.messages import data as said_as

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidInput(_("help.routes.error.toml", source=source, error=exc)) from None

    def bad(message: str) -> InvalidInput:
        return InvalidInput(_("help.routes.error.in", source=source, message=message))

    extra = set(data) - {"needs", "routes"}
    if extra:
        raise bad(_("help.routes.error.not_a_map_key", key=sorted(extra)[0], needs=_NEEDS, routes=_ROUTES))
    needs = data.get("needs")
    if not isinstance(needs, dict) or not needs or not all(isinstance(v, str) and v.strip() for v in needs.values()):
        raise bad(_("help.routes.error.needs", needs=_NEEDS))
    raw = data.get("routes")
    if not isinstance(raw, list) or not raw:
        raise bad(_("help.routes.error.no_routes", routes=_ROUTES))
    lines = [n for n, line in enumerate(text.splitlines(), start=1) if line.strip() == _ROUTES]
    routes: list[Route] = []
    for n, item in enumerate(raw, start=1):
        routes.append(_route(item, _where(n, lines), routes, set(needs), bad))
    ids = {r.id for r in routes}
    for n, r in enumerate(routes, start=1):
        if r.replaces and r.replaces not in ids:
            raise bad(_("help.routes.error.replaces_unknown", where=_where(n, lines), key="replaces",
                        value=repr(r.replaces)))
    needs = {k: v.strip() for k, v in needs.items()}
    if said is None:
        said = text == read_builtin()
    if said:
        needs = {k: said_as(f"routes.needs.{k}", v) for k, v in needs.items()}
        routes = [r.said() for r in routes]
    return RouteMap(needs, tuple(routes))


def _route(item: object, where: str, earlier: list[Route], needs: set[str],
           bad: Callable[[str], InvalidInput]) -> Route:
    from resilience_cli.rules.content import sources

    if not isinstance(item, dict):
        raise bad(_("help.routes.error.not_a_table", where=where))
    unknown = set(item) - set(REQUIRED) - set(OPTIONAL)
    if unknown:
        raise bad(_("help.routes.error.not_a_route_key", where=where, key=sorted(unknown)[0]))
    for key in REQUIRED:
        if key not in item:
            raise bad(_("help.routes.error.missing", where=where, key=key))
    for key in ("id", "name", "runs_it", "how", "access", "hours", "recorded"):
        if not isinstance(item[key], str) or not item[key].strip():
            raise bad(_("help.routes.error.not_text", where=where, key=key))
    if not ID.match(item["id"]):
        raise bad(_("help.routes.error.id", where=where, key="id", value=repr(item["id"])))
    if any(r.id == item["id"] for r in earlier):
        raise bad(_("help.routes.error.id_twice", where=where, value=repr(item["id"])))
    if item["access"] not in ACCESS:
        raise bad(_("help.routes.error.one_of", where=where, key="access", allowed=", ".join(ACCESS),
                    value=repr(item["access"])))
    lists = {"services": (*SERVICES, "any"), "nations": (*REGIONS, "any"), "needs": tuple(needs)}
    for key, allowed in lists.items():
        value = item[key]
        if not isinstance(value, list) or not value or not all(v in allowed for v in value):
            raise bad(_("help.routes.error.list_of", where=where, key=key, allowed=", ".join(allowed)))
    source, checked = item.get("source", ""), item.get("checked", "")
    if not isinstance(source, str):
        raise bad(_("help.routes.error.not_text", where=where, key="source"))
    if checked and (not isinstance(checked, dt.date) or isinstance(checked, dt.datetime)):
        raise bad(_("help.routes.error.date", where=where, key="checked"))
    known = sources().get(source) if source else None
    if known is not None:
        citation, checked, by = known.citation(), checked or known.checked, known.said("author")
    else:
        citation = by = source.strip()
    says = item["recorded"].strip().lower() != ASK_THEM
    if says and not citation:
        raise bad(_("help.routes.error.no_source", where=where, ask_them=ASK_THEM))
    if citation and not checked:
        raise bad(_("help.routes.error.not_checked", where=where, key="checked"))
    replaces = item.get("replaces", "")
    if not isinstance(replaces, str):
        raise bad(_("help.routes.error.replaces", where=where, key="replaces"))
    return Route(item["id"], item["name"].strip(), item["runs_it"].strip(), item["how"].strip(), item["access"],
                 item["hours"].strip(), item["recorded"].strip(), tuple(item["services"]), tuple(item["nations"]),
                 tuple(item["needs"]), citation, str(checked) if checked else "", by, replaces, recorded_says=says)
