"""Support and crisis contacts: data shipped with the package, never code."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Contact:
    name: str
    how: str
    when: str


@dataclass(frozen=True)
class Contacts:
    region: str
    crisis: tuple[Contact, ...]
    support: tuple[Contact, ...]


DISCLAIMER = (
    "resilience is a personal reflection tool, not a medical device. It does not "
    "diagnose or treat anything, and nobody monitors it."
)


def default_contacts() -> Contacts:
    """The UK defaults (DOMAIN.md, Signposting)."""
    import tomllib
    from importlib import resources

    text = resources.files("resilience_cli").joinpath("data/contacts-uk.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return Contacts(
        region=data["region"],
        crisis=tuple(Contact(**item) for item in data["crisis"]),
        support=tuple(Contact(**item) for item in data["support"]),
    )
