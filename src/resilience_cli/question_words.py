"""The check-in's words, read from data/questions.toml when a question is first asked.

Each answer's words: its question, hint and rest-day question, its label
(tables) and trends label, its name in messages (`spoken`), an example value
and its words as a tick. The rest of each answer is on model.FIELD_SPECS.

Pure, and lazy: the flag-only check-in and `status` never read the file (the
file is parsed once, on first use: when a question is asked, a label shown or
an answer refused). Checked on load: every table names a field of
model.FIELD_SPECS, every field has its label and (unless it is a tick) its
question, and every pair names two fields, so a slip in the file is a
failure of the tests, not a missing question at 3 a.m.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cache
from typing import Any

# Answers that ride on another question as a tick: they have no question of their own.
TICKS = frozenset({"good_moment"})
_KEYS = frozenset({"question", "hint", "rest_day", "label", "trend_label", "spoken", "example", "tick"})
_PAIR_KEYS = frozenset({"names", "question", "hint"})


class Words:
    """The words of every answer (`question`, `hint`, `rest_day`, `label`...), and the pairs'.

    Each in the language being spoken (messages.data): English from the file,
    another language's under the id "questions.NAME.KEY". `questions`: the
    answers asked as questions (not the ticks); `about`: every answer's words."""

    def __init__(self, questions: dict[str, dict[str, str]],
                 pairs: dict[tuple[str, ...], dict[str, str]],
                 pair_keys: dict[tuple[str, ...], str] | None = None,
                 about: dict[str, dict[str, str]] | None = None) -> None:
        self.questions = questions
        self.pairs = pairs
        self.pair_keys = pair_keys or {}
        self.about = about if about is not None else questions
        self.checked = False

    def question(self, name: str, *, rest_day: bool = False) -> str:
        key = "rest_day" if rest_day and "rest_day" in self.questions[name] else "question"
        return self._said(name, key)

    def hint(self, name: str) -> str | None:
        return self._said(name, "hint") if "hint" in self.questions[name] else None

    def check(self, answers: Collection[str]) -> None:
        """That every table names one of `answers` (model.FIELD_SPECS), and every answer has
        its words: a slip in the file fails the tests, not a check-in at 3 a.m.

        Here, not on reading: this module sits below model, which reads labels through it."""
        if self.checked:
            return
        _check(self.about, answers)
        self.checked = True

    def label(self, name: str) -> str:
        """A short name for tables and messages: 'sleep (hours)'."""
        return self._said(name, "label")

    def trend_label(self, name: str) -> str:
        """Its row's label on the trends dashboard; "" when it has no row."""
        return self._said(name, "trend_label") if "trend_label" in self.about[name] else ""

    def spoken(self, name: str) -> str:
        """The answer as its question names it, for messages: 'hours of sleep'."""
        return self._said(name, "spoken" if "spoken" in self.about[name] else "label")

    def example(self, name: str) -> str | None:
        """An example value for a message ('6.5'); None: the caller picks one."""
        return self._said(name, "example") if "example" in self.about[name] else None

    def tick(self, name: str) -> str:
        """Its words as a tick on another question's line: 'upsetting dreams about work'."""
        return self._said(name, "tick")

    def pair(self, names: tuple[str, ...], key: str) -> str:
        """A pair's `question` or `hint`."""
        from resilience_cli.messages import data

        return data(f"questions.pairs.{self.pair_keys[names]}.{key}", self.pairs[names][key])

    def _said(self, name: str, key: str) -> str:
        from resilience_cli.messages import data

        return data(f"questions.{name}.{key}", self.about[name][key])

    def texts(self) -> list[tuple[str, str]]:
        """(id, English) of every word here, for other languages' catalogues."""
        out = [(f"questions.{name}.{key}", text) for name, words in self.about.items()
               for key, text in words.items()]
        out += [(f"questions.pairs.{self.pair_keys[names]}.{key}", text)
                for names, words in self.pairs.items() for key, text in words.items()]
        return out


def _check(about: dict[str, dict[str, str]], answers: Collection[str]) -> None:
    for name in about:
        if name not in answers:
            raise ValueError(f"questions.toml: {name!r} is not a check-in answer")
    missing = set(answers) - set(about)
    if missing - TICKS:
        raise ValueError(f"questions.toml: no question for {sorted(missing - TICKS)}")
    if missing:
        raise ValueError(f"questions.toml: no words for {sorted(missing)}")


def _load(text: str, answers: Collection[str] | None = None) -> Words:
    """The words in `text`, checked; with `answers` (model.FIELD_SPECS), checked against them too."""
    import tomllib

    data: dict[str, Any] = tomllib.loads(text)
    about = data.get("questions", {})
    if answers is not None:
        _check(about, answers)
    for name, words in about.items():
        needs = {"label"} if name in TICKS else {"question", "label"}
        if not needs <= set(words) or not set(words) <= _KEYS:
            raise ValueError(f"questions.toml: {name!r} needs a question and a label, and only {sorted(_KEYS)}")
    questions = {name: words for name, words in about.items() if name not in TICKS}
    pairs: dict[tuple[str, ...], dict[str, str]] = {}
    pair_keys: dict[tuple[str, ...], str] = {}
    for key, pair in data.get("pairs", {}).items():
        names = tuple(pair.get("names", ()))
        if set(pair) != _PAIR_KEYS or len(names) != 2 or not set(names) <= set(questions):
            raise ValueError(f"questions.toml: pair {key!r} needs two answers, a question and a hint")
        pairs[names] = {"question": pair["question"], "hint": pair["hint"]}
        pair_keys[names] = key
    found = Words(questions, pairs, pair_keys, about)
    found.checked = answers is not None
    return found


@cache
def words() -> Words:
    """The catalogue's words, read once (beside the package, not importlib.resources: start-up).

    Checked against model.FIELD_SPECS by model.question_words(), which is how
    the program reads them."""
    from pathlib import Path  # here: importing this module (for TICKS) stays free

    return _load((Path(__file__).parent / "data" / "questions.toml").read_text("utf-8"))


def texts() -> list[tuple[str, str]]:
    """(id, English) of the questions' words (tools/catalogues.py gathers every file's)."""
    return words().texts()
