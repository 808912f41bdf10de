"""The words of every rule, read from data/tips.toml (data, not code)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class RuleText:
    rule: str
    level: str
    title: str
    variants: tuple[str, ...]
    sources: tuple[str, ...]
    shift_variants: tuple[str, ...] = ()
    lasting: str = ""

    def pick(self, seed: int, variants: tuple[str, ...] | None = None) -> str:
        """One variant, chosen by `seed` (the day), so the words change from day to day."""
        options = variants or self.variants
        return options[seed % len(options)]


@cache
def texts() -> dict[str, RuleText]:
    import tomllib

    raw = resources.files("resilience_cli").joinpath("data/tips.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    return {
        rule: RuleText(
            rule=rule,
            level=item["level"],
            title=item["title"],
            variants=tuple(item["variants"]),
            sources=tuple(item["sources"]),
            shift_variants=tuple(item.get("shift_variants", ())),
            lasting=item.get("lasting", ""),
        )
        for rule, item in data.items()
    }
