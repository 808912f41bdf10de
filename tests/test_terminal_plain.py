"""--plain in a real pseudo-terminal: text only, not one escape code, whatever the command."""

from __future__ import annotations

import os

import pexpect
import pytest
from conftest import days_ago
from test_terminal import script

pytestmark = pytest.mark.terminal


@pytest.mark.parametrize("args", [
    ["trends"], ["log"], ["show", "yesterday"], ["tips"], ["status"], ["help-now"], ["--help"],
    ["checkin", "--help"], ["checkin", "--date", "today", "--mood", "5", "--no-input"], ["where"], [],
])
def test_plain_output_in_a_terminal_carries_no_escape_code(cli, home, args):
    for ago in range(14, 0, -1):  # enough days for trends, tips and the log to draw every part
        cli("checkin", "--date", days_ago(ago), "--shift", "day", "--mood", str(ago % 8), "--intrusions", "2",
            "--incident", "significant" if ago == 5 else "none", "--no-input")
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")}
    env.update(RESILIENCE_HOME=str(home), TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1")
    out, status = pexpect.run(script(), args=["--plain", *args], env=env, encoding="utf-8", timeout=30,
                              withexitstatus=True, dimensions=(40, 100))
    assert status == 0, out
    assert out.strip()
    assert "\x1b" not in out, repr(out[:300])
