"""What a run imports: the command being run, and not the rest of the program."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from resilience_cli.cli.app import COMMANDS, GROUPS

# The command modules, by the table that names them.
COMMAND_MODULES = sorted({f"resilience_cli.cli.{where.split(':')[0]}" for _, where in COMMANDS}
                         | {f"resilience_cli.cli.{where.split(':')[0]}" for _, where in GROUPS})


def loaded_after(args: list[str], home: Path) -> list[str]:
    """Our modules imported by one run of the program, in a fresh process."""
    probe = ("import json, sys\n"
             "from resilience_cli.cli import run\n"
             f"run({args!r})\n"
             "print(json.dumps(sorted(m for m in sys.modules if m.startswith('resilience_cli'))))\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         env={"RESILIENCE_HOME": str(home), "PATH": "/usr/bin:/bin"}, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("args,module", [
    (["checkin", "--mood", "5", "--no-input"], "checkin"),
    (["log"], "journal"),
    (["where"], "basics"),
    (["pulse", "--help"], "pulse"),
])
def test_a_run_imports_only_the_module_of_its_command(tmp_path, args, module):
    loaded = loaded_after(args, tmp_path / "h")
    assert [m for m in COMMAND_MODULES if m in loaded] == [f"resilience_cli.cli.{module}"]


def test_every_command_in_the_table_loads_and_runs_its_help(cli):
    for name, where in COMMANDS:
        assert cli(name, "--help").stdout.startswith(f"Usage: resilience {name} "), where


def test_shell_completion_still_knows_every_command_and_its_options(tmp_path):
    """Completion runs with no command on the line: every command is loaded for it."""
    def complete(words: str, cword: int) -> list[str]:
        out = subprocess.run([sys.executable, "-m", "resilience_cli"], capture_output=True, text=True, env={
            "RESILIENCE_HOME": str(tmp_path / "h"), "PATH": "/usr/bin:/bin", "_RESILIENCE_COMPLETE": "complete_bash",
            "COMP_WORDS": words, "COMP_CWORD": str(cword)})
        return out.stdout.split()

    assert complete("resilience checkin --sl", 2) == ["--sleep-hours", "--sleep-quality"]
    assert complete("resilience pu", 1) == ["pulse"]
