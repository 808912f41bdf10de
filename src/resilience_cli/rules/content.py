"""The words of every rule, read from data/tips.toml, and their sources, from
data/sources.toml (data, not code).

The files keep their English; the words are said in the language being spoken
(messages.data), under the ids texts() lists: "tips.R6.title",
"tips.R6.variants.0", "tips.R4.later", "sources.hensel2015.title"...
"""

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

    def said(self, field: str) -> str:
        """One of the citation's fields, in the language being spoken."""
        from resilience_cli.messages import data

        return data(f"sources.{self.key}.{field}", getattr(self, field))

    def citation(self) -> str:
        """Author (year), title, where: the form shown in `tips --why` and the JSON."""
        return f"{self.said('author')} ({self.said('year')}), {self.said('title')}. {self.said('where')}"


class RuleText(Frozen):
    rule: str
    level: str
    title: str
    variants: tuple[str, ...]
    sources: tuple[str, ...]  # keys into sources()
    shift_variants: tuple[str, ...] = ()
    lasting: str = ""
    # Words for a particular case of the rule, by the case's name: "later" (R4,
    # an incident recorded days after it), "sustained" (R5's second branch).
    # Every other key of the rule's table in tips.toml is one: a new case needs
    # its words there and a rule's Finding that names it, and nothing else.
    alternates: dict[str, str] = Fresh(dict)
    # A title of its own for such a case (`titles = { sustained = "..." }`).
    titles: dict[str, str] = Fresh(dict)

    def pick(self, seed: int, field: str = "variants") -> str:
        """One variant ("variants" or "shift_variants"), chosen by `seed` (the day), so
        the words change from day to day; in the language being spoken."""
        options = getattr(self, field)
        n = seed % len(options)
        return self._said(f"{field}.{n}", options[n])

    def _said(self, key: str, english: str) -> str:
        from resilience_cli.messages import data

        return data(f"tips.{self.rule}.{key}", english)

    def words(self, variant: str, seed: int) -> tuple[str, str]:
        """The title and text for the case of the rule its finding names.

        "" is the ordinary words; an alternate ("later", "sustained") replaces
        them; "shift" adds a shift worker's variant and "lasting" the words for
        a pattern that has gone on for weeks. A rule may name "shift" where
        tips.toml has no shift words: then the ordinary words stand alone.
        """
        if variant in self.titles:
            title = self._said(f"titles.{variant}", self.titles[variant])
        else:
            title = self._said("title", self.title)
        if variant in self.alternates:
            return title, self._said(variant, self.alternates[variant])
        text = self.pick(seed)
        if variant == "shift":
            return title, f"{text} {self.pick(seed, 'shift_variants')}" if self.shift_variants else text
        if variant == "lasting" and self.lasting:
            return title, f"{text} {self._said('lasting', self.lasting)}"
        if variant:
            raise ValueError(f"{self.rule} has no words for {variant!r} in tips.toml.")
        return title, text

    def citations(self) -> tuple[str, ...]:
        found = sources()
        return tuple(found[key].citation() for key in self.sources)


def silenceable(rule: str) -> bool:
    """Tips may be silenced for a while; support and crisis words never are. Which is
    which is the rule's level in tips.toml, and nowhere else."""
    found = rule_texts().get(rule)
    return found is not None and found.level == "tip"


def never_silenced() -> tuple[str, ...]:
    """The rules about support or safety, in their order in tips.toml."""
    return tuple(rule for rule, text in rule_texts().items() if text.level != "tip")


def _read(name: str) -> dict:
    import tomllib

    # Beside the package's modules, as a wheel installs it: importlib.resources would
    # import zipfile and tempfile (about 3 ms) on every check-in that shows a tip.
    return tomllib.loads((Path(__file__).parent.parent / "data" / name).read_text("utf-8"))


@cache
def sources() -> dict[str, Source]:
    return {key: Source(key=key, **{k: str(v) for k, v in item.items()}) for key, item in _read("sources.toml").items()}


# The keys of a rule's table in tips.toml that are not the words for a case of it.
_RULE_KEYS = frozenset({"level", "title", "variants", "sources", "shift_variants", "lasting", "titles"})
# The fields of a source that are read (kind and checked are for us, not the reader).
_SOURCE_WORDS = ("author", "year", "title", "where", "supports")


def _alternates(rule: str, item: dict) -> dict[str, str]:
    found = {k: v for k, v in item.items() if k not in _RULE_KEYS}
    for key, value in found.items():
        if not isinstance(value, str):
            raise ValueError(f"tips.toml: {rule}.{key} is not part of a rule, nor the words for a case of it.")
    return found


@cache
def rule_texts() -> dict[str, RuleText]:
    """Every rule's words, by rule (in tips.toml's order), in English: RuleText.words
    says them in the language being spoken."""
    return {
        rule: RuleText(
            rule=rule,
            level=item["level"],
            title=item["title"],
            variants=tuple(item["variants"]),
            sources=tuple(item["sources"]),
            shift_variants=tuple(item.get("shift_variants", ())),
            lasting=item.get("lasting", ""),
            alternates=_alternates(rule, item),
            titles=dict(item.get("titles", {})),
        )
        for rule, item in _read("tips.toml").items()
    }


def texts() -> list[tuple[str, str]]:
    """(id, English) of every word in tips.toml and sources.toml (tools/catalogues.py gathers them)."""
    out: list[tuple[str, str]] = []
    for rule, words in rule_texts().items():
        out.append((f"tips.{rule}.title", words.title))
        out += [(f"tips.{rule}.variants.{n}", text) for n, text in enumerate(words.variants)]
        out += [(f"tips.{rule}.shift_variants.{n}", text) for n, text in enumerate(words.shift_variants)]
        if words.lasting:
            out.append((f"tips.{rule}.lasting", words.lasting))
        out += [(f"tips.{rule}.{case}", text) for case, text in words.alternates.items()]
        out += [(f"tips.{rule}.titles.{case}", text) for case, text in words.titles.items()]
    for key, source in sources().items():
        out += [(f"sources.{key}.{field}", getattr(source, field)) for field in _SOURCE_WORDS
                if getattr(source, field) and not getattr(source, field).isdigit()]
    return out
