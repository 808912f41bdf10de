"""Pure: a believable, seeded sample journal for demos, tests and benchmarks.

A four-on, four-off rota (two days, two nights, four rest days) with the
patterns people in these roles describe: shorter, poorer sleep after nights,
an occasional incident followed by a few harder days, talking and exercise
going with better days, and some days skipped or missed. Nothing here is
anyone's data.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid

from resilience_cli.model import CheckIn

ROTA = ("day", "day", "night", "night", "rest", "rest", "rest", "rest")


def _clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


def generate(
    end: dt.date, days: int, *, seed: int = 7, gaps: float = 0.12,
    stamp: str = "2026-01-01T00:00:00Z",
) -> list[CheckIn]:
    """`days` days ending at `end`, oldest first; a share `gaps` of days has no check-in."""
    rng = random.Random(seed)
    records: list[CheckIn] = []
    strain = 0.0  # rises after an incident, fades over a week or two
    start = end - dt.timedelta(days=days - 1)
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
        record = CheckIn(
            id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            date=day.isoformat(),
            shift=shift,
            incident=incident if working else "none",
            material=material,
            graphic=(material > 0 and rng.random() < 0.3) if working else False,
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
            created_at=stamp,
            updated_at=stamp,
        )
        records.append(record)
    return records
