"""Support and crisis contacts: data shipped with the package, never code.

The contacts depend on the nation the user lives in (`[contacts] region` in
config.toml): the urgent mental health line differs between England, Wales,
Scotland and Northern Ireland. Emergency services, Samaritans and Shout are
the same everywhere and appear in every box.
"""

from __future__ import annotations

from resilience_cli.frozen import Frozen

REGIONS = ("england", "wales", "scotland", "northern-ireland")
DEFAULT_REGION = "england"


class Contact(Frozen):
    name: str
    how: str
    when: str


class Contacts(Frozen):
    region: str  # one of REGIONS
    region_name: str  # "Scotland"
    everywhere: tuple[Contact, ...]  # 999, Samaritans, Shout
    urgent: tuple[Contact, ...]  # the nation's urgent mental health line(s)
    support: tuple[Contact, ...]  # work and NHS routes

    @property
    def crisis(self) -> tuple[Contact, ...]:
        """The crisis box: emergency services, Samaritans, Shout, then the nation's urgent line."""
        return (*self.everywhere, *self.urgent)

    def support_box(self, own: tuple[Contact, ...] | list[Contact] = ()) -> list[Contact]:
        """A support box: the user's own contacts first, then work and NHS routes, then
        the lines open day and night (Samaritans and Shout in every box)."""
        always = [c for c in self.everywhere if c.name != "Emergency services"]
        return [*own, *self.support, *self.urgent, *always]


DISCLAIMER = (
    "resilience is a personal reflection tool, not a medical device. It does not "
    "diagnose or treat anything, and nobody monitors it."
)


def _contacts(items: list[dict]) -> tuple[Contact, ...]:
    return tuple(Contact(item["name"], item["how"], item["when"]) for item in items)


def default_contacts(region: str = DEFAULT_REGION) -> Contacts:
    """The built-in contacts for one nation (DOMAIN.md, Signposting)."""
    import tomllib
    from pathlib import Path

    # Beside the package's modules (see rules.content._read: not importlib.resources).
    text = (Path(__file__).parent / "data" / "contacts.toml").read_text("utf-8")
    data = tomllib.loads(text)
    nation = data["regions"][region if region in REGIONS else DEFAULT_REGION]
    return Contacts(
        region=region if region in REGIONS else DEFAULT_REGION,
        region_name=nation["name"],
        everywhere=_contacts(data["everywhere"]),
        urgent=_contacts(nation.get("urgent", [])),
        support=(*_contacts(data["support"]), *_contacts(nation.get("support", []))),
    )
