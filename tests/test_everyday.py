"""remind, demo, colleague: snippets that parse, a demo that never touches your journal."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from resilience_cli.cli.everyday import remind_text


def block(text: str, heading: str) -> str:
    """The lines after a '# heading' comment, up to the next blank line."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"# {heading}"))
    out = []
    for line in lines[start + 1:]:
        if not line.strip():
            break
        out.append(line)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("shell,checker", [("bash", ["bash", "-n"]), ("zsh", ["zsh", "-n"]), ("fish", ["fish", "-n"])])
def test_shell_snippets_parse(cli, tmp_path, shell, checker):
    out = cli("remind", "--shell", shell).stdout
    snippet = block(out, f"{shell}:")
    # Run from the test's venv, resilience is not on the PATH: the snippet calls it in full.
    assert "-m resilience_cli status --quiet" in snippet or "resilience status --quiet" in snippet
    if shutil.which(checker[0]) is None:
        pytest.skip(f"{checker[0]} is not installed here")
    path = tmp_path / "snippet"
    path.write_text(snippet)
    assert subprocess.run([*checker, str(path)], capture_output=True).returncode == 0


def test_bash_snippet_fails_the_check_when_broken(tmp_path):
    path = tmp_path / "broken"
    path.write_text("if then fi (\n")
    assert subprocess.run(["bash", "-n", str(path)], capture_output=True).returncode != 0


def test_cron_line_and_systemd_timer(cli):
    out = cli("remind", "--at", "07:05").stdout
    cron = block(out, "cron:").strip()
    fields = cron.split(None, 5)
    assert fields[:5] == ["5", "7", "*", "*", "*"]
    assert "%" not in cron  # cron would cut the line at a percent sign
    assert "status --quiet" in fields[5] and "notify-send" in fields[5]
    sh = re.search(r"sh -c '(.*)'$", cron).group(1)
    assert subprocess.run(["bash", "-n", "-c", sh], capture_output=True).returncode == 0
    assert "OnCalendar=*-*-* 07:05:00" in out
    assert "ExecStart=/bin/sh -c '" in out


def test_remind_installs_nothing(cli, home, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cli("remind", "--after-shift").exit_code == 0
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("at", ["25:00", "7", "19.30", "noon"])
def test_remind_bad_time(cli, at):
    result = cli("remind", "--at", at)
    assert (result.exit_code, result.stderr) == (
        2, f"--at must be a time such as 19:30 (24-hour clock); you gave {at!r}.\n")


def test_after_shift_guidance():
    text = remind_text("/usr/bin/resilience", 19, 30, "all", True)
    assert "After a shift rather than at a fixed time" in text


def test_demo_never_touches_your_journal_and_tells_its_story(cli, home, db_path):
    cli("checkin", "--mood", "5", "--no-input")
    before = db_path.read_bytes()
    result = cli("demo")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("DEMO: six months of made-up check-ins")
    # The story's patterns are noticed: short sleep and more on the nights, a better spell now.
    nights, today = out.split("$ resilience tips   (today")
    for rule in ("(R6)", "(R7)", "(R10)"):
        assert rule in nights.split("$ resilience tips --to")[1]
    assert "(R17)" in today
    assert "# My wellbeing summary for supervision" in out
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in home.iterdir()) == [".journal.db.checked", "journal.db"]  # the check-in's stamp


def test_demo_shows_its_story_with_the_defaults_not_your_settings(cli, home):
    """The demo reads its own journal through the functions the commands use, never your
    settings: a tip you silenced for good still shows in the demo's story."""
    home.mkdir(mode=0o700, exist_ok=True)
    (home / "config.toml").write_text('[rules]\nsilenced = ["R6", "R7"]\n')
    result = cli("demo")
    assert result.exit_code == 0, result.stderr
    nights = result.stdout.split("$ resilience tips --to")[1].split("$ resilience tips   (today")[0]
    assert "(R6)" in nights and "(R7)" in nights
    assert sorted(p.name for p in home.iterdir()) == ["config.toml"]


def test_colleague_guide(cli):
    out = cli("colleague").stdout
    for needed in ("How are you doing?", "Pushing for details", "You'll be fine", "TRiM",
                   "Samaritans 116 123"):
        assert needed in out


def test_colleague_question_off_by_default_and_counted_when_on(cli, terminal, home, db_path, monkeypatch):
    from conftest import checkin_keys, rows
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput


    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("\r\r" + checkin_keys())  # the nation (first run), then the questions, none about colleagues
        assert cli("checkin", "--date", "yesterday").exit_code == 0
    assert rows(db_path)[0]["supported_colleague"] is None
    (home / "config.toml").write_text("[questions]\ncolleague = true\n")
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(checkin_keys(mood="\r" + "y"))  # asked after mood and energy, before recovery
        assert cli("checkin").exit_code == 0
    assert [r["supported_colleague"] for r in rows(db_path)] == [None, 1]
    from conftest import days_ago

    cli("checkin", "--date", days_ago(20), "--no-supported-colleague", "--no-input")
    data = __import__("json").loads(cli("trends", "--format", "json").stdout)
    assert data["supported_colleague_days"] == 1
    cli("checkin", "--date", "yesterday", "--mood", "5", "--no-input")
    cli("checkin", "--date", days_ago(2), "--mood", "5", "--no-input")
    assert "You supported a colleague on 1 day." in cli("trends").stdout


def test_reminders_call_the_program_by_its_full_path_when_it_is_not_on_the_path(tmp_path):
    """A venv that is not active in a new terminal: a nudge by name would silently do nothing."""
    import subprocess

    program = tmp_path / "my tools" / "resilience"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\necho \"nudged with $*\"\n")
    program.chmod(0o755)
    text = remind_text(str(program), 19, 30, "bash", False, on_path=False)
    [line] = [x for x in text.splitlines() if "status --quiet" in x and not x.startswith("#")
              and "notify-send" not in x]
    assert line == f"[ -x '{program}' ] && '{program}' status --quiet"
    ran = subprocess.run(["bash", "-c", line], capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"},
                         check=False)
    assert ran.stdout == "nudged with status --quiet\n"
    # On the PATH, the snippets name it and stay short.
    assert "command -v resilience >/dev/null 2>&1 && resilience status --quiet" in remind_text(
        "/usr/bin/resilience", 19, 30, "bash", False)
