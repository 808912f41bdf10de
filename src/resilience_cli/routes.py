"""The support-route map: data/routes.toml (or a wellbeing lead's own copy), read,
checked like a question pack, and chosen for a nation, a service and a need.

A mistake in the file is refused with its line, in one sentence: a lead
adapting it for a prison or a force sees at once what to fix.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from resilience_cli.contacts import REGIONS, SERVICES, UNKNOWN_REGION, nation_name
from resilience_cli.errors import InvalidInput

ACCESS = {
    "self": "you can go yourself",
    "referral": "someone refers you",
    "either": "go yourself, or be referred",
    "offered": "offered to you after an incident; you can ask for it",
}
ASK_THEM = "ask them"
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

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "runs_it": self.runs_it, "how": self.how,
                "access": self.access, "hours": self.hours, "recorded": self.recorded,
                "recorded_says": self.recorded.lower() != ASK_THEM,
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

        return [r if "any" in r.nations else replace(r, nation=" and ".join(nation_name(n) for n in r.nations))
                for r in found]


def read_builtin() -> str:
    from importlib import resources

    return resources.files("resilience_cli").joinpath("data/routes.toml").read_text("utf-8")


def parse(text: str, source: str) -> RouteMap:
    """A route map from its TOML text; a mistake is an error naming the route and its line."""
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidInput(f"{source} is not valid TOML: {exc}. Fix that line.") from None

    def bad(message: str) -> InvalidInput:
        return InvalidInput(f"In {source}, {message}")

    extra = set(data) - {"needs", "routes"}
    if extra:
        raise bad(f"{sorted(extra)[0]} is not part of a route map; it has [needs] and [[routes]].")
    needs = data.get("needs")
    if not isinstance(needs, dict) or not needs or not all(isinstance(v, str) and v.strip() for v in needs.values()):
        raise bad("[needs] must list what people may be going through, such as sleep = \"can't sleep\".")
    raw = data.get("routes")
    if not isinstance(raw, list) or not raw:
        raise bad("there are no routes: add at least one [[routes]] table.")
    lines = [n for n, line in enumerate(text.splitlines(), start=1) if line.strip() == "[[routes]]"]
    routes: list[Route] = []
    for n, item in enumerate(raw, start=1):
        where = f"route {n} (line {lines[n - 1]})" if n <= len(lines) else f"route {n}"
        routes.append(_route(item, where, routes, set(needs), bad))
    ids = {r.id for r in routes}
    for n, r in enumerate(routes, start=1):
        if r.replaces and r.replaces not in ids:
            where = f"route {n} (line {lines[n - 1]})" if n <= len(lines) else f"route {n}"
            raise bad(f"{where}: replaces names {r.replaces!r}, which is not the id of a route.")
    return RouteMap({k: v.strip() for k, v in needs.items()}, tuple(routes))


def _route(item: object, where: str, earlier: list[Route], needs: set[str],
           bad: Callable[[str], InvalidInput]) -> Route:
    from resilience_cli.rules.content import sources

    if not isinstance(item, dict):
        raise bad(f"{where} must be a table.")
    unknown = set(item) - set(REQUIRED) - set(OPTIONAL)
    if unknown:
        raise bad(f"{where}: {sorted(unknown)[0]} is not part of a route.")
    for key in REQUIRED:
        if key not in item:
            raise bad(f"{where} needs {key}.")
    for key in ("id", "name", "runs_it", "how", "access", "hours", "recorded"):
        if not isinstance(item[key], str) or not item[key].strip():
            raise bad(f"{where}: {key} must be text in quotes.")
    if not ID.match(item["id"]):
        raise bad(f"{where}: id must be lower-case letters, digits and hyphens; {item['id']!r} is not.")
    if any(r.id == item["id"] for r in earlier):
        raise bad(f"{where}: the id {item['id']!r} is used twice.")
    if item["access"] not in ACCESS:
        raise bad(f"{where}: access must be one of {', '.join(ACCESS)}; {item['access']!r} is not.")
    lists = {"services": (*SERVICES, "any"), "nations": (*REGIONS, "any"), "needs": tuple(needs)}
    for key, allowed in lists.items():
        value = item[key]
        if not isinstance(value, list) or not value or not all(v in allowed for v in value):
            raise bad(f"{where}: {key} must be a list of {', '.join(allowed)}.")
    source, checked = item.get("source", ""), item.get("checked", "")
    if not isinstance(source, str):
        raise bad(f"{where}: source must be text in quotes.")
    if checked and (not isinstance(checked, dt.date) or isinstance(checked, dt.datetime)):
        raise bad(f"{where}: checked must be a date such as 2026-12-06.")
    known = sources().get(source) if source else None
    if known is not None:
        citation, checked, by = known.citation(), checked or known.checked, known.author
    else:
        citation = by = source.strip()
    if item["recorded"].strip().lower() != ASK_THEM and not citation:
        raise bad(f"{where}: what is recorded needs a source, or say \"{ASK_THEM}\".")
    if citation and not checked:
        raise bad(f"{where}: a source needs checked, the date it was last checked.")
    replaces = item.get("replaces", "")
    if not isinstance(replaces, str):
        raise bad(f"{where}: replaces must be the id of another route.")
    return Route(item["id"], item["name"].strip(), item["runs_it"].strip(), item["how"].strip(), item["access"],
                 item["hours"].strip(), item["recorded"].strip(), tuple(item["services"]), tuple(item["nations"]),
                 tuple(item["needs"]), citation, str(checked) if checked else "", by, replaces)
