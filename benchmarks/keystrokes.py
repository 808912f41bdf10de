"""How many questions and keystrokes a check-in takes, for five people's days.

    python benchmarks/keystrokes.py [--check]

Each persona is a day as someone would key it into `resilience checkin` in a
terminal, driven through prompt_toolkit's pipe input into the real command,
in a journal that already has a few weeks in it (so no first-run welcome).
A question is one prompt drawn on the screen (every Application run counts,
the safety question and the follow-up offer included); a keystroke is one
key pressed. The targets are the check-in issue's: a working day in 12
questions and 25 keystrokes or fewer, a rest day in 10 questions or fewer;
the same working day keyed with a digit then Enter at every question still in
12 questions, holding exactly the answers meant.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ENTER = "\r"


def typed(text: str) -> list[str]:
    """A typed answer: each character one key, then Enter."""
    return [*text, ENTER]


@dataclass(frozen=True)
class Persona:
    name: str
    keys: tuple[str, ...]  # one item a key
    expect: dict  # answers the saved day must hold: a persona that misfires fails loudly
    max_questions: int | None
    max_keys: int | None


PERSONAS = [
    Persona(
        "a working day, no incident",
        (
            "2",               # a day shift
            "0",               # no incident
            "1",               # a little distressing material
            "0",               # none of it graphic
            "1",               # a little hostile or distressing interactions
            *typed("3 3"),     # workload and support
            *typed("7 6"),     # hours and quality of sleep
            "0",               # no unwanted memories
            "3",               # switching off
            "g", *typed("6 5"),  # a moment that felt worthwhile ticked; mood and energy
            "1", ENTER,        # exercise
            ENTER,             # nothing to add
        ),
        {"shift": "day", "material": 1, "graphic": 0, "interactions": 1, "support": 3, "sleep_quality": 6, "energy": 5,
         "recovery": "exercise", "talked": 0, "good_moment": 1},
        12, 25,
    ),
    Persona(
        "a working day with a significant incident",
        (
            "5",               # a long shift
            "2",               # a significant incident
            "0",               # no material
            "1",               # graphic: yes (body-worn video)
            "2",               # some hostile or distressing interactions
            *typed("1 3"),     # workload and support
            "d", *typed("5 4"),  # dreams ticked; hours and quality of sleep
            "2",               # unwanted memories several times
            "1",               # switching off
            *typed("4 3"),     # mood and energy
            "3", "t", ENTER,   # people; talked to someone
            "2", ENTER, ENTER,  # something to raise (the Enter confirms it); no words now
        ),
        {"shift": "long", "incident": "significant", "graphic": 1, "interactions": 2, "nightmare": 1, "talked": 1,
         "raise_at_supervision": 1},
        None, None,
    ),
    Persona(
        "a working day, a digit then Enter",
        (
            "2", ENTER,        # a day shift; the Enter right after a one-key answer confirms it
            "0", ENTER,        # no incident
            "0", ENTER,        # no distressing material (so no graphic question)
            "2", ENTER,        # some hostile or distressing interactions
            *typed("3 2"),     # workload and support
            *typed("6.5 7"),   # hours and quality of sleep
            "1", ENTER,        # unwanted memories once or twice
            "3", ENTER,        # switching off
            *typed("6 5"),     # mood and energy
            "3", ENTER,        # time with people
            ENTER,             # nothing to add
        ),
        {"shift": "day", "incident": "none", "material": 0, "graphic": None, "interactions": 2, "workload": 3,
         "support": 2, "sleep_hours": 6.5, "sleep_quality": 7, "nightmare": 0, "intrusions": 1, "switch_off": 3,
         "mood": 6, "energy": 5, "recovery": "people", "talked": 0, "alcohol_units": None, "note": None,
         "raise_at_supervision": None, "talking_point": None},
        # The issue's own keys: 29, the 22 of the first day plus the habit's Enters.
        12, None,
    ),
    Persona(
        "a rest day",
        (
            "1",               # a rest day
            *typed("8.5 7"),   # hours and quality of sleep
            "0",               # no unwanted memories
            "3",               # switching off on the day off
            *typed("7 7"),     # mood and energy
            "2", "4", ENTER,   # outdoors; a hobby
            ENTER,             # nothing to add
        ),
        {"shift": "rest", "workload": None, "interactions": None, "switch_off": 3, "recovery": "outdoors,hobby"},
        10, None,
    ),
    Persona(
        "every question skipped",
        (ENTER,) * 11,
        {"shift": None, "mood": None, "recovery": None},
        None, None,
    ),
]


@dataclass
class Count:
    persona: Persona
    questions: int
    keys: int


def measure() -> list[Count]:
    import sqlite3

    from prompt_toolkit.application import Application, create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from resilience_cli.cli import common, run

    drawn = [0]
    real_run = Application.run
    real_terminal = common.stdin_is_terminal
    real_home = os.environ.get("RESILIENCE_HOME")

    def counted(self, *args, **kwargs):
        drawn[0] += 1
        return real_run(self, *args, **kwargs)

    counts = []
    with tempfile.TemporaryDirectory() as tmp:
        Application.run = counted  # type: ignore[method-assign]
        common.stdin_is_terminal = lambda: True  # type: ignore[assignment]
        try:
            for n, persona in enumerate(PERSONAS):
                home = Path(tmp) / f"home-{n}"
                os.environ["RESILIENCE_HOME"] = str(home)
                day = dt.date.today()
                for back in range(21, 0, -1):  # three quiet weeks before: no rule or welcome asks more
                    assert run(["checkin", "--date", (day - dt.timedelta(days=back)).isoformat(), "--shift",
                                "day", "--mood", "7", "--sleep-quality", "7", "--no-input"]) == 0
                drawn[0] = 0
                with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
                    pipe.send_text("".join(persona.keys))
                    code = run(["checkin", "--date", day.isoformat()])
                if code != 0:
                    raise SystemExit(f"{persona.name}: the check-in exited {code}")
                conn = sqlite3.connect(home / "journal.db")
                conn.row_factory = sqlite3.Row
                row = dict(conn.execute("SELECT * FROM checkins WHERE date = ?", (day.isoformat(),)).fetchone())
                conn.close()
                wrong = {k: (row[k], v) for k, v in persona.expect.items() if row[k] != v}
                if wrong:
                    raise SystemExit(f"{persona.name}: the keys did not give the day meant (saved, meant): {wrong}")
                counts.append(Count(persona, drawn[0], len(persona.keys)))
        finally:
            Application.run = real_run  # type: ignore[method-assign]
            common.stdin_is_terminal = real_terminal  # type: ignore[assignment]
            if real_home is None:
                os.environ.pop("RESILIENCE_HOME", None)
            else:
                os.environ["RESILIENCE_HOME"] = real_home
    return counts


def report(counts: list[Count]) -> list[str]:
    """Print the table; return what missed its target."""
    missed = []
    print(f"{'check-in, keyed by a person':42} {'questions':>9} {'keys':>5}  targets")
    for c in counts:
        p = c.persona
        targets = " ".join(t for t in (f"<={p.max_questions} q" if p.max_questions else "",
                                       f"<={p.max_keys} keys" if p.max_keys else "") if t)
        over = (p.max_questions is not None and c.questions > p.max_questions) or (
            p.max_keys is not None and c.keys > p.max_keys)
        print(f"{p.name:42} {c.questions:9} {c.keys:5}  {targets}{'  MISSED' if over else ''}")
        if over:
            missed.append(p.name)
    return missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        counts = measure()
    missed = report(counts)
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
