"""What a run imports: the command being run, and not the rest of the program."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from resilience_cli.cli.app import COMMANDS, GROUPS

# The command modules, by the table that names them.
COMMAND_MODULES = sorted({f"resilience_cli.cli.{where.split(':')[0]}" for _, where, _ in COMMANDS}
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
    for name, where, _ in COMMANDS:
        assert cli(name, "--help").stdout.startswith(f"Usage: resilience {name} "), where
