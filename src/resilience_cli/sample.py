"""Pure: a believable, seeded sample journal for demos, tests and benchmarks.

A four-on, four-off rota (two days, two nights, four rest days) with the
patterns people in these roles describe: shorter, poorer sleep after nights,
an occasional incident followed by a few harder days, talking and exercise
going with better days, and some days skipped or missed. Nothing here is
anyone's data.

The answers the story is about are drawn here, each in its own way; every
other answer of the question catalogue (model.FIELD_SPECS) is drawn from its
kind and its scale's ends alone, so a question added later has sample
answers with no edit here, and leaves every answer drawn before it as it was.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from dataclasses import dataclass, replace
from typing import Any

from resilience_cli.followups import FollowUp
from resilience_cli.model import FIELD_SPECS, CheckIn, FieldSpec, not_asked

ROTA = ("day", "day", "night", "night", "rest", "rest", "rest", "rest")
# Answers the story leaves unanswered: it has no assault in it, and the
# good-moment tick is left to the person's own journal.
UNANSWERED = ("hurt", "good_moment")


def _clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


def drawn(spec: FieldSpec, rng: random.Random) -> Any:
    """A made-up answer from the catalogue alone: the answer's kind and its scale's ends.

    None for words (a note is the person's own) and for an optional question
    (off until the person turns it on)."""
    if spec.setting or spec.kind == "text":
        return None
    if spec.kind == "int":
        return round(rng.triangular(spec.low, spec.high))  # most often mid-scale
    if spec.kind == "number":
        low = spec.low or 0.0
        top = spec.chart_top or spec.high or low + 10
        return round(rng.triangular(low, top, low + (top - low) / 3) * 4) / 4
    if spec.kind == "bool":
        return rng.random() < 0.25
    if spec.kind == "choice":
        return rng.choice(spec.choices)
    if spec.kind == "list":
        return tuple(c for c in spec.choices if rng.random() < 0.25)
    return None


def _others(told: set[str], seed: int) -> dict[str, tuple[FieldSpec, random.Random]]:
    """The answers the story does not tell that can be made up, each with a stream of its
    own (a question added later draws from its own, and changes no other answer)."""
    return {name: (spec, random.Random(f"{seed}:{name}")) for name, spec in FIELD_SPECS.items()
            if name not in told and name not in UNANSWERED and not spec.setting and spec.kind != "text"}


def generate(
    end: dt.date, days: int, *, seed: int = 7, gaps: float = 0.12,
    stamp: str = "2026-01-01T00:00:00Z",
) -> list[CheckIn]:
    """`days` days ending at `end`, oldest first; a share `gaps` of days has no check-in."""
    return _generate(end, days, seed=seed, gaps=gaps, stamp=stamp)[0]


def _generate(end: dt.date, days: int, *, seed: int, gaps: float, stamp: str) -> tuple[list[CheckIn], set[str]]:
    """`generate`'s records, and the answers in them made up from the catalogue alone."""
    rng = random.Random(seed)
    # Interactions draw from their own stream, so every other answer is what it
    # was before the question existed.
    hostile_rng = random.Random(seed + 1)
    records: list[CheckIn] = []
    strain = 0.0  # rises after an incident, fades over a week or two
    start = end - dt.timedelta(days=days - 1)
    others: dict[str, tuple[FieldSpec, random.Random]] | None = None
    for offset in range(days):
        day = start + dt.timedelta(days=offset)
        strain *= 0.8
        if rng.random() < gaps:
            continue  # a day without a check-in: life happens
        shift = ROTA[offset % len(ROTA)]
        working = shift != "rest"
        incident = "none"
        if working and rng.random() < 0.06:
            incident = "significant" if rng.random() < 0.3 else "minor"
            strain += 3.0 if incident == "significant" else 1.2
        material = rng.choice((0, 1, 1, 2, 2, 3)) if working else 0
        interactions = hostile_rng.choice((0, 1, 1, 1, 2, 2, 3)) if working else None
        talked = rng.random() < 0.45
        exercise = rng.random() < (0.25 if working else 0.5)
        sleep = rng.gauss(5.6 if shift == "night" else 7.1, 0.8) - 0.3 * strain
        quality = rng.gauss(5 if shift == "night" else 7, 1.5) - 0.6 * strain
        mood = rng.gauss(6.5, 1.3) - 0.7 * strain + (0.6 if talked else 0) + (0.5 if exercise else 0)
        recovery = tuple(
            item for item, p in (("exercise", 1.0 if exercise else 0.0), ("outdoors", 0.35),
                                 ("people", 0.4), ("hobby", 0.2), ("wind_down", 0.25), ("rest", 0.3))
            if rng.random() < p
        )
        record_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))  # first: the draws keep their order
        told = dict(
            shift=shift,
            incident=incident if working else "none",
            material=material,
            graphic=(material > 0 and rng.random() < 0.3) if working else False,
            interactions=interactions,
            workload=_clamp(rng.gauss(2.5, 1) - 0.2 * strain, 0, 4) if working else None,
            sleep_hours=round(max(2.0, min(11.0, sleep)) * 4) / 4,
            sleep_quality=_clamp(quality, 0, 10),
            nightmare=rng.random() < 0.04 + 0.1 * strain,
            intrusions=_clamp(rng.gauss(0.4, 0.6) + 0.5 * strain, 0, 4),
            switch_off=_clamp(rng.gauss(2.6, 0.9) - 0.4 * strain, 0, 4),
            mood=_clamp(mood, 0, 10),
            energy=_clamp(rng.gauss(6, 1.5) - 0.5 * strain - (1 if shift == "night" else 0), 0, 10),
            talked=talked,
            support=_clamp(rng.gauss(2.6, 0.9), 0, 4),
            recovery=recovery,
            raise_at_supervision=True if incident == "significant" else None,
        )
        record = CheckIn(id=record_id, date=day.isoformat(), **told, created_at=stamp, updated_at=stamp)
        if others is None:
            others = _others(set(told), seed)
        if others:
            unasked = not_asked(record)
            record = replace(record, **{name: drawn(spec, stream) for name, (spec, stream) in others.items()
                                        if name not in unasked})
        records.append(record)
    return records, set(others or ())


@dataclass(frozen=True)
class Story:
    checkins: list[CheckIn]
    followups: list[FollowUp]
    description: str
    nights_ended_days_ago: int


def demo_story(today: dt.date) -> Story:
    """Six months with a story the product should notice: an incident and its follow-ups,
    a run of nights with short sleep, and a better spell with exercise and talking."""
    from resilience_cli.messages import _

    generated, made_up = _generate(today, 182, seed=11, gaps=0.08, stamp="2026-01-01T00:00:00Z")
    base = {r.date: r for r in generated}

    def day(n: int) -> dt.date:
        return today - dt.timedelta(days=n)

    def put(n: int, **answers) -> None:
        key = day(n).isoformat()
        record = base.get(key) or CheckIn(id=str(uuid.UUID(int=n + 7, version=4)), date=key,
                                          created_at="2026-01-01T00:00:00Z", updated_at="2026-01-01T00:00:00Z")
        base[key] = replace(record, **answers)

    incident = 45
    put(incident, shift="day", incident="significant", material=3, graphic=True, intrusions=2,
        switch_off=0, support=3, talked=True)
    # Strong reactions for a few days, then settling, as they do for most people.
    for n in range(incident - 1, incident - 10, -1):
        put(n, intrusions=3 if n > incident - 5 else 1, sleep_quality=3 if n > incident - 5 else 6,
            switch_off=1 if n > incident - 5 else 2)
    nights_end = 21
    for n in range(nights_end + 6, nights_end - 1, -1):
        put(n, shift="night", sleep_hours=4.75 if n % 2 else 5.25, sleep_quality=3, switch_off=1,
            energy=3, recovery=("rest",))
    # A run of hostile shifts on the wing: abuse and threats most days (R21).
    hostile_end = 8
    for n in range(hostile_end + 6, hostile_end - 1, -1):
        if n % 4:
            put(n, shift="late", interactions=3 if n % 2 else 2, switch_off=1, support=2)
        else:
            put(n, shift="rest", interactions=None, incident="none", material=0, graphic=False)
    for n in range(6, -1, -1):
        put(n, shift="day" if n % 3 else "rest", sleep_hours=7.5, sleep_quality=8, switch_off=3,
            support=3, talked=True, mood=8, energy=7, recovery=("exercise", "people"))
    stamp = "2026-01-01T00:00:00Z"
    incident_day = day(incident).isoformat()
    followups = [
        FollowUp(id=str(uuid.UUID(int=1, version=4)), incident_date=incident_day, kind="day3",
                 date=day(incident - 3).isoformat(), intrusions=3, sleep_quality=4, avoidance=2,
                 support=3, trim="used", created_at=stamp, updated_at=stamp),
        FollowUp(id=str(uuid.UUID(int=2, version=4)), incident_date=incident_day, kind="week4",
                 date=day(incident - 28).isoformat(), intrusions=1, sleep_quality=6, avoidance=1,
                 support=3, trim="used", created_at=stamp, updated_at=stamp),
    ]
    # Interactions are not asked on a rest day, whatever the rota turned into one, nor is
    # any made-up answer that a rest day does not ask.
    checkins = [replace(r, interactions=None, **dict.fromkeys(made_up & not_asked(r))) if r.shift == "rest" else r
                for r in (base[k] for k in sorted(base))]
    return Story(
        checkins=checkins,
        followups=followups,
        description=_("journal.demo.story"),
        nights_ended_days_ago=nights_end,
    )
