"""The check-in's words, read from data/questions.toml when a question is first asked.

Pure, and lazy: the flag-only check-in and `status` never read the file (the
file is parsed once, on first use). Checked on load: every question names a
field of model.FIELD_SPECS, every field that the check-in asks has its
question, and every pair names two fields, so a slip in the file is a
failure of the tests, not a missing question at 3 a.m.
"""

from __future__ import annotations

from functools import cache
from typing import Any

# Answers that ride on another question as a tick: they have no question of their own.
TICKS = frozenset({"good_moment"})
_KEYS = frozenset({"question", "hint", "rest_day"})
_PAIR_KEYS = frozenset({"names", "question", "hint"})


class Words:
    """The words of every question: `question`, `hint`, `rest_day`, and the pairs'.

    Each in the language being spoken (messages.data): English from the file,
    another language's under the id "questions.NAME.KEY"."""

    def __init__(self, questions: dict[str, dict[str, str]],
                 pairs: dict[tuple[str, ...], dict[str, str]],
                 pair_keys: dict[tuple[str, ...], str] | None = None) -> None:
        self.questions = questions
        self.pairs = pairs
        self.pair_keys = pair_keys or {}

    def question(self, name: str, *, rest_day: bool = False) -> str:
        key = "rest_day" if rest_day and "rest_day" in self.questions[name] else "question"
        return self._said(name, key)

    def hint(self, name: str) -> str | None:
        return self._said(name, "hint") if "hint" in self.questions[name] else None

    def pair(self, names: tuple[str, ...], key: str) -> str:
        """A pair's `question` or `hint`."""
        from resilience_cli.messages import data

        return data(f"questions.pairs.{self.pair_keys[names]}.{key}", self.pairs[names][key])

    def _said(self, name: str, key: str) -> str:
        from resilience_cli.messages import data

        return data(f"questions.{name}.{key}", self.questions[name][key])

    def texts(self) -> list[tuple[str, str]]:
        """(id, English) of every word here, for other languages' catalogues."""
        out = [(f"questions.{name}.{key}", text) for name, words in self.questions.items()
               for key, text in words.items()]
        out += [(f"questions.pairs.{self.pair_keys[names]}.{key}", text)
                for names, words in self.pairs.items() for key, text in words.items()]
        return out


def _load(text: str) -> Words:
    import tomllib

    from resilience_cli.model import FIELD_SPECS

    data: dict[str, Any] = tomllib.loads(text)
    questions = data.get("questions", {})
    for name, words in questions.items():
        if name not in FIELD_SPECS:
            raise ValueError(f"questions.toml: {name!r} is not a check-in answer")
        if "question" not in words or not set(words) <= _KEYS:
            raise ValueError(f"questions.toml: {name!r} needs a question and only {sorted(_KEYS)}")
    missing = set(FIELD_SPECS) - set(questions) - TICKS
    if missing:
        raise ValueError(f"questions.toml: no question for {sorted(missing)}")
    pairs: dict[tuple[str, ...], dict[str, str]] = {}
    pair_keys: dict[tuple[str, ...], str] = {}
    for key, pair in data.get("pairs", {}).items():
        names = tuple(pair.get("names", ()))
        if set(pair) != _PAIR_KEYS or len(names) != 2 or not set(names) <= set(questions):
            raise ValueError(f"questions.toml: pair {key!r} needs two answers, a question and a hint")
        pairs[names] = {"question": pair["question"], "hint": pair["hint"]}
        pair_keys[names] = key
    return Words(questions, pairs, pair_keys)


@cache
def words() -> Words:
    """The catalogue's words, read once (beside the package, not importlib.resources: start-up)."""
    from pathlib import Path  # here: importing this module (for TICKS) stays free

    return _load((Path(__file__).parent / "data" / "questions.toml").read_text("utf-8"))


def texts() -> list[tuple[str, str]]:
    """(id, English) of the questions' words (message_data.py gathers every file's)."""
    return words().texts()
