"""One context per run (cli/context.py): nothing one run learns carries into the next."""

from __future__ import annotations

import json

import pytest
from conftest import days_ago
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from resilience_cli.cli import context


def test_plain_in_one_run_does_not_carry_into_the_next(cli):
    for n in (1, 2, 3, 4):
        cli("checkin", "--date", days_ago(n), "--mood", str(n + 3), "--no-input")
    plain = cli("--plain", "trends")
    assert plain.exit_code == 0 and "▆" not in plain.stdout and "Mood               5.5/10\n" in plain.stdout
    again = cli("trends")
    assert again.exit_code == 0 and "▆▅▅▄" in again.stdout


def test_contexts_nest_and_end():
    with context.running(terminal=True) as run:
        assert context.current() is run and run.terminal and not run.plain and run.passphrases == {}
        with context.running(terminal=False) as inner:
            assert context.current() is inner
        assert context.current() is run
    assert context.current() is not run


def test_each_run_asks_for_the_passphrase_again(cli, terminal, monkeypatch):
    pytest.importorskip("sqlcipher3", reason="the encryption extra is not installable here")
    monkeypatch.delenv("RESILIENCE_PASSPHRASE", raising=False)
    cli("checkin", "--date", days_ago(1), "--mood", "6", "--no-input")
    monkeypatch.setenv("RESILIENCE_PASSPHRASE_NEW", "correct horse battery")
    assert cli("encrypt", terminal=False).exit_code == 0
    monkeypatch.delenv("RESILIENCE_PASSPHRASE_NEW")
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("correct horse battery\r")
        opened = cli("log", "--format", "json")
    assert opened.exit_code == 0, opened.stderr
    assert [r["mood"] for r in json.loads(opened.stdout)] == [6]
    # The next run knows nothing of the last one's passphrase: a wrong one is refused.
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("not the passphrase\r")
        refused = cli("log", "--format", "json")
    assert (refused.exit_code, refused.stdout) == (2, "")
    assert refused.stderr.startswith("That passphrase does not open")
