"""The words of every rule, read from data/tips.toml, and their sources, from
data/sources.toml (data, not code)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from resilience_cli.frozen import Fresh, Frozen


class Source(Frozen):
    key: str
    kind: str  # study | guidance | practice | principle | heuristic
    author: str
    year: str
    title: str
    where: str
    supports: str
    checked: str = ""  # when the citation was last checked against its primary reference

    def citation(self) -> str:
        """Author (year), title, where: the form shown in `tips --why` and the JSON."""
        return f"{self.author} ({self.year}), {self.title}. {self.where}"


class RuleText(Frozen):
    rule: str
    level: str
    title: str
    variants: tuple[str, ...]
    sources: tuple[str, ...]  # keys into sources()
    shift_variants: tuple[str, ...] = ()
    lasting: str = ""
    # Words for a particular case of the rule: "later" (R4, an incident
    # recorded days after it), "sustained" (R5's second branch).
    alternates: dict[str, str] = Fresh(dict)
    # A title of its own for such a case (`titles = { sustained = "..." }`).
    titles: dict[str, str] = Fresh(dict)

    def pick(self, seed: int, variants: tuple[str, ...] | None = None) -> str:
        """One variant, chosen by `seed` (the day), so the words change from day to day."""
        options = variants or self.variants
        return options[seed % len(options)]

    def words(self, variant: str, seed: int) -> tuple[str, str]:
        """The title and text for the case of the rule its finding names.

        "" is the ordinary words; an alternate ("later", "sustained") replaces
        them; "shift" adds a shift worker's variant and "lasting" the words for
        a pattern that has gone on for weeks. A rule may name "shift" where
        tips.toml has no shift words: then the ordinary words stand alone.
        """
        title = self.titles.get(variant, self.title)
        if variant in self.alternates:
            return title, self.alternates[variant]
        text = self.pick(seed)
        if variant == "shift":
            return title, f"{text} {self.pick(seed, self.shift_variants)}" if self.shift_variants else text
        if variant == "lasting" and self.lasting:
            return title, f"{text} {self.lasting}"
        if variant:
            raise ValueError(f"{self.rule} has no words for {variant!r} in tips.toml.")
        return title, text

    def citations(self) -> tuple[str, ...]:
        found = sources()
        return tuple(found[key].citation() for key in self.sources)


def silenceable(rule: str) -> bool:
    """Tips may be silenced for a while; support and crisis words never are. Which is
    which is the rule's level in tips.toml, and nowhere else."""
    found = texts().get(rule)
    return found is not None and found.level == "tip"


def never_silenced() -> tuple[str, ...]:
    """The rules about support or safety, in their order in tips.toml."""
    return tuple(rule for rule, text in texts().items() if text.level != "tip")


def _read(name: str) -> dict:
    import tomllib

    # Beside the package's modules, as a wheel installs it: importlib.resources would
    # import zipfile and tempfile (about 3 ms) on every check-in that shows a tip.
    return tomllib.loads((Path(__file__).parent.parent / "data" / name).read_text("utf-8"))


@cache
def sources() -> dict[str, Source]:
    return {key: Source(key=key, **{k: str(v) for k, v in item.items()}) for key, item in _read("sources.toml").items()}


@cache
def texts() -> dict[str, RuleText]:
    return {
        rule: RuleText(
            rule=rule,
            level=item["level"],
            title=item["title"],
            variants=tuple(item["variants"]),
            sources=tuple(item["sources"]),
            shift_variants=tuple(item.get("shift_variants", ())),
            lasting=item.get("lasting", ""),
            alternates={k: item[k] for k in ("later", "sustained") if k in item},
            titles=dict(item.get("titles", {})),
        )
        for rule, item in _read("tips.toml").items()
    }
