"""Every test runs against a temporary RESILIENCE_HOME: no test can touch real data."""

from __future__ import annotations

import datetime as dt
import functools
import re
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from resilience_cli.cli import run


@pytest.fixture(autouse=True)
def midday(monkeypatch: pytest.MonkeyPatch) -> None:
    """The clock the program asks is noon on the day the test began, whatever the hour:
    before 06:00 an interactive check-in would first ask which duty day it is for, and
    a test that runs across midnight (or New Year) must agree with itself. Through the
    environment (clock.TEST_NOW), so processes the test starts read the same clock."""
    from resilience_cli.clock import TEST_NOW

    monkeypatch.delenv(TEST_NOW, raising=False)
    noon = dt.datetime.combine(dt.date.today(), dt.time(12))
    monkeypatch.setenv(TEST_NOW, noon.isoformat())


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "home"
    monkeypatch.setenv("RESILIENCE_HOME", str(path))
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return path


@pytest.fixture
def db_path(home: Path) -> Path:
    return home / "journal.db"


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


def invoke(*args: str, input: str | None = None, terminal: bool = False) -> Result:
    """Run the CLI through its real entry point (error handling included), streams captured.

    `terminal`: the run may ask questions, as if standard input were a terminal
    (the `keys` fixtures type the answers into prompt_toolkit's pipe input).
    """
    runner = CliRunner()
    with runner.isolation(input=input) as (out, err, _mixed):
        code = run(list(args), terminal=terminal)
        sys.stdout.flush()
        sys.stderr.flush()
        stdout, stderr = out.getvalue().decode(), err.getvalue().decode()
    return Result(code, stdout, stderr)


@pytest.fixture
def keys():
    """Keys for the prompts, through prompt_toolkit's pipe input (what the check-in reads)."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


@pytest.fixture
def screen():
    """Keys in, and what the prompts drew, as text."""
    import io

    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output.plain_text import PlainTextOutput

    drawn = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=PlainTextOutput(drawn)):
        yield pipe, drawn


@pytest.fixture
def terminal() -> bool:
    """Asked for beside `cli`: this test's runs have a terminal on standard input."""
    return True


@pytest.fixture
def cli(request: pytest.FixtureRequest):
    """`invoke`, with a terminal when the test also asks for the `terminal` fixture
    (a call can still say otherwise: `cli(..., terminal=False)`)."""
    return functools.partial(invoke, terminal="terminal" in request.fixturenames)


def today() -> dt.date:
    """The day the program believes it is: the one the `midday` fixture fixed."""
    from resilience_cli import clock

    return clock.today()


def spelled(day: dt.date) -> str:
    """A day as the program says it ("Saturday 28 November 2026"), written out here so
    that tests do not take their expected words from the code they test."""
    return f"{day:%A} {day.day} {day:%B} {day.year}"


def days_ago(n: int) -> str:
    return (today() - dt.timedelta(days=n)).isoformat()


def rows(db: Path, sql: str = "SELECT * FROM checkins ORDER BY date") -> list[dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql)]
    finally:
        conn.close()


# The interactive check-in's questions on a fresh day, in order (prompts/checkin.py).
CHECKIN_ORDER = ("shift", "incident", "material", "graphic", "interactions", "work", "sleep", "intrusions",
                 "switch_off", "mood", "recovery", "anything")


def checkin_keys(**keys: str) -> str:
    """The keystrokes of a fresh interactive check-in: Enter (skip) at every question but those given.

    A key shown beside an answer gives it at once ("2"), and here is always
    followed by Enter, which confirms it; typed answers end with Enter ("6 5\\r"). As the check-in does, the graphic question comes
    only after material or an incident, and a rest day ("1") asks no work
    or exposure questions.
    """
    exposed = keys.get("incident", "")[:1] in ("1", "2") or keys.get("material", "")[:1] in ("1", "2", "3")
    rest = keys.get("shift") == "1"
    out = []
    for name in CHECKIN_ORDER:
        if name == "graphic" and not exposed:
            continue
        if rest and name in ("incident", "material", "graphic", "interactions", "work"):
            continue
        pressed = keys.get(name, "\r")
        # An Enter straight after a one-key answer confirms it: the person who
        # types a digit and then Enter, everywhere.
        out.append(pressed if pressed.endswith("\r") else pressed + "\r")
    return "".join(out)


# Rich's box edges, folded away by `flat` so a test reads the words a person reads.
BOX_DRAWING = re.compile(r"[\u2500-\u257f]")


def flat(text: str) -> str:
    """Words only: box edges and line breaks folded away."""
    return " ".join(BOX_DRAWING.sub(" ", text).split())


def write_config(home: Path, text: str) -> None:
    """A config.toml in the test's home, as a person would have written it."""
    home.mkdir(exist_ok=True)
    (home / "config.toml").write_text(text)
