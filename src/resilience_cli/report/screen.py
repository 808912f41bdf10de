"""Pure: the identifier check over a summary, before anything is shared.

Every section lists the officer's own words it carries (Section.own): notes,
talking points, reflections, the helping and harder lists, requests in their
own words, actions. `flagged` looks over all of them, whichever section they
are in, so a section added later is checked by carrying its words in `own`,
keyed for Choices.left_out and Choices.edits. The command asks; this decides
nothing, it only finds and words.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace

from resilience_cli.messages import _, _n
from resilience_cli.report.document import Choices, Document, Own
from resilience_cli.report.identifiers import Warning, describe, scan


@dataclass(frozen=True)
class Flagged:
    """The officer's words that may identify someone, and what was found in them."""

    own: Own
    warnings: tuple[Warning, ...]

    @property
    def problem(self) -> str:
        return describe(list(self.warnings))

    def left_out(self) -> str:
        """Said on standard error when nobody was there to choose."""
        return _("summary.left_out", where=self.own.where, problem=self.problem,
                 command="resilience summary")  # not a message: a command


def own_words(doc: Document) -> list[Own]:
    """Every piece of the officer's own words in the document, in the order it is written."""
    return [mine for section in doc.sections for mine in section.own]


def flagged(doc: Document, kept: Collection[str] = ()) -> list[Flagged]:
    """The officer's words in `doc` that may identify someone, but for those already kept as they are."""
    return [Flagged(mine, tuple(found)) for mine in own_words(doc)
            if mine.key not in kept and (found := scan(mine.text))]


def notes_held_back(draft: Document, left_out: Collection[str]) -> str | None:
    """When every note in `draft` is left out, the notes section goes too (it would be
    false to say there were none): the sentence that says why, or None."""
    notes = draft.section("notes")
    keys = [mine.key for mine in notes.own] if notes else []
    if not keys or any(key not in left_out for key in keys):
        return None
    return _n("summary.notes_held_back", len(keys))


def settle(choices: Choices, answers: Mapping[str, str | None]) -> Choices:
    """The officer's answers about flagged words, by key: None leaves them out of this
    summary; words (the same, to keep them, or new ones) are what it shares."""
    left_out = set(choices.left_out) | {key for key, words in answers.items() if words is None}
    edits = dict(choices.edits) | {key: words for key, words in answers.items() if words is not None}
    return replace(choices, left_out=frozenset(left_out), edits=tuple(edits.items()))


def unattended(doc: Document, choices: Choices) -> tuple[Choices, list[str]]:
    """With nobody to ask: every flagged piece of the officer's words in `doc` (built from
    `choices`) left out, and a sentence for each, and for a notes section that goes."""
    found = flagged(doc)
    settled = settle(choices, {item.own.key: None for item in found})
    held = notes_held_back(doc, settled.left_out)
    return settled, [item.left_out() for item in found] + ([held] if held else [])
