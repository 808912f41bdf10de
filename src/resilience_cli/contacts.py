"""Support and crisis contacts: data shipped with the package, never code.

The contacts depend on the nation the user lives in (`[contacts] region` in
config.toml): the urgent mental health line differs between England, Wales,
Scotland and Northern Ireland. When the nation cannot be read, every
nation's urgent line is shown, each labelled: never England by guess.
Emergency services, Samaritans and Shout are the same everywhere and appear
in every box. Routes that belong to a service (`[work] service`: police,
HMPPS staff, Scottish services) are added for that service.

In a box the person's own contacts come first, then what answers now (24/7),
then routes with office hours; each contact appears once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache, reduce

from resilience_cli.frozen import Frozen
from resilience_cli.messages import _

REGIONS = ("england", "wales", "scotland", "northern-ireland")
DEFAULT_REGION = "england"
# The nation could not be read (a broken settings file, an unknown value).
UNKNOWN_REGION = "unknown"
SERVICES = ("prison", "probation", "police", "other")


class _OwnNames(Mapping[str, str]):
    """The names the first run and `resilience contacts` give the numbers a person
    saves, by the kind of general route each stands in for: "eap" -> "Your employee
    assistance line", in the language being spoken when it is read."""

    _KINDS = ("eap", "trim")

    def __getitem__(self, kind: str) -> str:
        if kind not in self._KINDS:
            raise KeyError(kind)
        return _(f"help.own.{kind}")

    def __iter__(self) -> Iterator[str]:
        return iter(self._KINDS)

    def __len__(self) -> int:
        return len(self._KINDS)


OWN_NAMES: Mapping[str, str] = _OwnNames()


class Contact(Frozen):
    name: str
    how: str
    when: str
    anytime: bool = False  # answers day and night, every day
    kind: str = ""  # a general route (eap, gp, trim) a more fitting one may stand in for
    replaces: str = ""  # the kind of general route this one stands in for
    nation: str = ""  # a label, when the person's nation is unknown
    crisis: bool = False  # a crisis line: in the crisis box too
    id: str = ""  # its id in contacts.toml (the person's own contacts have none)


class Contacts(Frozen):
    region: str  # one of REGIONS, or UNKNOWN_REGION
    region_name: str  # "Scotland"; "" when unknown
    everywhere: tuple[Contact, ...]  # 999, Samaritans, Shout
    urgent: tuple[Contact, ...]  # the nation's urgent mental health line(s), every nation's when unknown
    support: tuple[Contact, ...]  # work and NHS routes
    workforce: tuple[Contact, ...] = ()  # routes for the person's service

    @property
    def known(self) -> bool:
        return self.region != UNKNOWN_REGION

    @property
    def crisis(self) -> tuple[Contact, ...]:
        """The crisis lines: emergency services, Samaritans, Shout, the nation's urgent
        line(s), and a crisis line for the person's service."""
        return _once([*self.everywhere, *self.urgent, *(c for c in self.workforce if c.crisis)])

    def crisis_box(self, own: Sequence[Contact] = ()) -> tuple[Contact, ...]:
        """The crisis box: the person's own contacts first, then the crisis lines."""
        return _once([*own, *self.crisis])

    def others(self, own: Sequence[Contact] = ()) -> tuple[Contact, ...]:
        """What help-now lists under its crisis box: work and NHS routes, 24/7 first,
        without a general route that the service's own or a saved number stands in for."""
        shown = {c.name for c in self.crisis_box(own)}
        rest = [c for c in (*self._workforce(own), *self._general(own)) if c.name not in shown]
        return _now_first(rest)

    def support_box(self, own: Sequence[Contact] = ()) -> list[Contact]:
        """A support box: the person's own contacts first, then what answers now
        (Samaritans and Shout in every box), then routes with office hours."""
        always = [c for c in self.everywhere if c.id != EMERGENCY]
        return list(_once([*own, *_now_first([*self.urgent, *always, *self._workforce(own), *self._general(own)])]))

    @staticmethod
    def _saved(own: Sequence[Contact]) -> set[str]:
        """The kinds of route the person saved their own number for (OWN_NAMES)."""
        return {kind for kind, name in OWN_NAMES.items() if any(c.name == name for c in own)}

    def _workforce(self, own: Sequence[Contact]) -> list[Contact]:
        # A saved number for the employee assistance line is that line: said once.
        saved = self._saved(own)
        return [c for c in self.workforce if not c.replaces or c.replaces not in saved]

    def _general(self, own: Sequence[Contact]) -> list[Contact]:
        replaced = self._saved(own) | {c.replaces for c in self.workforce if c.replaces}
        return [c for c in self.support if not c.kind or c.kind not in replaced]


def _now_first(contacts: Iterable[Contact]) -> list[Contact]:
    found = list(contacts)
    return [c for c in found if c.anytime] + [c for c in found if not c.anytime]


def _once(contacts: Iterable[Contact]) -> tuple[Contact, ...]:
    seen: set[tuple[str, str]] = set()
    out = []
    for c in contacts:
        if (c.nation, c.name) not in seen:
            seen.add((c.nation, c.name))
            out.append(c)
    return tuple(out)


def disclaimer() -> str:
    """What resilience is not, in the language being spoken."""
    return _("help.disclaimer")


EMERGENCY = "emergency"  # the id of emergency services: in crisis boxes, not support boxes
FIELDS = ("id", "name", "how", "when", "anytime", "kind", "replaces", "crisis")
# The words of a contact: said in the language being spoken, under "contacts.<id>.<field>".
WORDS = ("name", "how", "when")


def _contacts(items: list[dict], nation: str = "") -> tuple[Contact, ...]:
    from resilience_cli.messages import data

    out = []
    for item in items:
        found = {k: item[k] for k in FIELDS if k in item}
        for key in WORDS:
            if key in found:
                found[key] = data(f"contacts.{item['id']}.{key}", found[key])
        out.append(Contact(**found, nation=nation))
    return tuple(out)


@cache
def _read() -> dict:
    import tomllib
    from pathlib import Path

    # Beside the package's modules (see rules.content._read: not importlib.resources).
    return tomllib.loads((Path(__file__).parent / "data" / "contacts.toml").read_text("utf-8"))


def _entries(found: dict) -> Iterator[dict]:
    yield from (*found["everywhere"], *found["support"], *found.get("workforce", []))
    for nation in found["regions"].values():
        yield from (*nation.get("urgent", []), *nation.get("support", []))


def texts() -> list[tuple[str, str]]:
    """(id, English) of every word in contacts.toml (tools/catalogues.py gathers them)."""
    found = _read()
    out = [(f"contacts.{item['id']}.{key}", item[key]) for item in _entries(found) for key in WORDS if key in item]
    out += [(f"contacts.regions.{region}.name", nation["name"]) for region, nation in found["regions"].items()]
    return out


def nation_name(region: str) -> str:
    """'Northern Ireland', in the language being spoken; "" for an unknown region."""
    from resilience_cli.messages import data

    nation = _read()["regions"].get(region) if region in REGIONS else None
    return data(f"contacts.regions.{region}.name", nation["name"]) if nation else ""


def nation_names(regions: Iterable[str]) -> str:
    """'England and Wales'."""
    return reduce(lambda first, second: _("help.and", first=first, second=second), map(nation_name, regions))


def default_contacts(region: str = DEFAULT_REGION, service: str | None = None) -> Contacts:
    """The built-in contacts for one nation and service (DOMAIN.md, Signposting).

    A region that is not one of REGIONS is unknown: every nation's urgent
    line, each labelled with its nation.
    """
    data = _read()
    nations = data["regions"]
    if region in REGIONS:
        nation = nations[region]
        urgent = _contacts(nation.get("urgent", []))
        support = (*_contacts(data["support"]), *_contacts(nation.get("support", [])))
        name = nation_name(region)
    else:
        region, name = UNKNOWN_REGION, ""
        urgent = tuple(c for key in REGIONS for c in _contacts(nations[key].get("urgent", []), nation_name(key)))
        support = (*_contacts(data["support"]),
                   *(c for key in REGIONS for c in _contacts(nations[key].get("support", []), nation_name(key))))
    workforce = []
    for item in data.get("workforce", []):
        if service not in item["services"] or (region != UNKNOWN_REGION and region not in item["nations"]):
            continue
        [contact] = _contacts([item])
        if region == UNKNOWN_REGION and set(item["nations"]) != set(REGIONS):
            # Not for every nation: labelled, and the general route stays beside it.
            contact = contact.replace(nation=nation_names(item["nations"]), replaces="")
        workforce.append(contact)
    return Contacts(region=region, region_name=name, everywhere=_contacts(data["everywhere"]),
                    urgent=urgent, support=support, workforce=tuple(workforce))


def phone_number(text: str) -> str:
    """A phone number as typed ("0800 123 4567", "+44 1632 960000", "01632 960000 ext 12"),
    tidied; anything else is refused: a number is all these questions take."""
    from resilience_cli.errors import InvalidInput

    number = " ".join(text.split())
    digits = sum(ch.isdigit() for ch in number)
    if not re.fullmatch(r"\+?[\d ()-]+(?: ?(?:ext\.?|extension|x) ?\d+)?", number, re.IGNORECASE) \
            or not 3 <= digits <= 20:
        raise InvalidInput(_("help.not_a_phone_number"))
    return number


def own_contact(kind: str, number: str) -> Contact:
    """The contact saved for one of the person's own numbers."""
    return Contact(OWN_NAMES[kind], _("help.own.call", number=number), "")
