"""Many officers' pulse files counted together, and the week's report the group size allows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from resilience_cli.errors import InvalidInput
from resilience_cli.messages import _
from resilience_cli.pulse.bands import QUESTIONS
from resilience_cli.pulse.schema import MIN_GROUP, PulseAnswer, PulseFileProblem
from resilience_cli.pulse.suppress import Cell, protect

_INDEX = tuple({band: i for i, band in enumerate(q.ids)} for q in QUESTIONS)


@dataclass
class Tally:
    """Counts per week, question and band; each token counted once.

    It keeps the counts and one small number per token, never a file: merging
    50,000 files holds 50,000 tokens, not 50,000 files.
    """

    counts: dict[dt.date, list[list[int]]] = field(default_factory=dict)
    participants: dict[dt.date, int] = field(default_factory=dict)
    files: int = 0
    duplicates: int = 0
    _seen: dict[bytes, int] = field(default_factory=dict)

    def add(self, answer: PulseAnswer, name: str) -> None:
        self.files += 1
        token = bytes.fromhex(answer.token)
        fingerprint = hash((answer.monday, answer.bands))
        earlier = self._seen.get(token)
        if earlier is not None:
            if earlier != fingerprint:
                raise PulseFileProblem(_("pulse.file.same_token", name=name))
            self.duplicates += 1  # the same file sent twice: counted once
            return
        self._seen[token] = fingerprint
        week = self.counts.get(answer.monday)
        if week is None:
            week = self.counts[answer.monday] = [[0] * len(q.ids) for q in QUESTIONS]
            self.participants[answer.monday] = 0
        self.participants[answer.monday] += 1
        for row, index, band in zip(week, _INDEX, answer.bands, strict=True):
            row[index[band]] += 1


@dataclass(frozen=True)
class WeekReport:
    monday: dt.date
    participants: int
    cells: tuple[tuple[Cell, ...], ...]  # per question, per band


@dataclass(frozen=True)
class Report:
    min_group: int
    weeks: tuple[WeekReport, ...]
    too_few: tuple[dt.date, ...]  # weeks with fewer than min_group participants: no report


def check_min_group(value: int) -> int:
    if value < MIN_GROUP:
        raise InvalidInput(_("pulse.min_group.too_small", flag="--min-group", least=MIN_GROUP, given=value))
    if value > 1_000_000:
        raise InvalidInput(_("pulse.min_group.too_large", flag="--min-group", given=value, most=f"{1_000_000:,}"))
    return value


def report(tally: Tally, min_group: int) -> Report:
    weeks, too_few = [], []
    for monday in sorted(tally.counts):
        n = tally.participants[monday]
        if n < min_group:
            too_few.append(monday)
            continue
        weeks.append(WeekReport(monday, n, tuple(protect(row, min_group) for row in tally.counts[monday])))
    return Report(min_group, tuple(weeks), tuple(too_few))
