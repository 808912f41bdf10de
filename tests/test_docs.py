"""Docs that stay true: every command has help with an example, the README's commands run."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest

from resilience_cli.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()
COMMANDS = sorted(c.name for c in app.registered_commands)


def test_the_commands_of_the_contract_exist():
    assert set(COMMANDS) >= {"checkin", "log", "show", "edit", "delete", "status", "help-now", "where"}


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_every_command_has_help_with_an_example(cli, name, flag):
    result = cli(name, flag)
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: resilience {name}")
    assert "Example" in result.stdout
    assert f"resilience {name}" in result.stdout.split("Example", 1)[1]


@pytest.mark.parametrize("name", ["add", "list", "run", "example"])
def test_every_pack_command_has_help_with_an_example(cli, name):
    result = cli("pack", name, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout and "resilience pack" in result.stdout.split("Example", 1)[1]


def test_each_command_is_registered_once_with_a_whole_line_of_help(cli):
    names = [c.name for c in app.registered_commands]
    assert len(names) == len(set(names))
    listing = cli("--help").stdout.split("Commands:", 1)[1]
    assert "..." not in listing
    assert listing.split()[:2] == ["checkin", "Check"]
    assert listing.split("\n")[2].split()[0] == "help-now"  # help is never far away


def test_top_level_help_carries_the_disclaimer(cli):
    text = " ".join(cli("--help").stdout.split())
    assert "not a medical device" in text
    assert "Samaritans on 116 123" in text


def _code_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", README, flags=re.S)


def test_readme_set_up_commands_are_what_ci_runs():
    blocks = _code_blocks()
    install, tests = blocks[0].strip(), blocks[1].strip()
    # Installs into the checkout's .venv (as CI does), leaves the command on the
    # PATH of new terminals, and runs the check-in.
    assert install == (
        'python3 -m venv .venv && .venv/bin/pip install . && mkdir -p ~/.local/bin && '
        'ln -sf "$PWD/.venv/bin/resilience" ~/.local/bin/resilience && ~/.local/bin/resilience checkin'
    )
    ci = (ROOT / ".ci" / "run").read_text()
    # CI runs the README's first block itself, not a copy of it.
    assert "first_command=$(awk '/^```sh$/ { getline; print; exit }' README.md)" in ci
    assert 'bash -euc "$first_command"' in ci
    # The README's test command, after activating, is in CI word for word.
    assert tests.startswith(". .venv/bin/activate && ")
    assert tests.removeprefix(". .venv/bin/activate && ") in ci


def test_readme_tour_runs_against_a_temporary_home(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the tour writes files (an export) where it runs
    tour = [line.split("#", 1)[0].strip() for line in _code_blocks()[2].splitlines()]
    ran = 0
    for line in filter(None, tour):
        args = shlex.split(line)
        assert args[0] == "resilience"
        result = cli(*args[1:])
        if args[1] == "edit":  # asks in a terminal; from a test it explains itself
            assert result.exit_code == 2 and "in a terminal" in result.stderr
        else:
            assert result.exit_code == 0, (line, result.stderr)
        ran += 1
    assert ran == 29


def newest_release(changelog: str) -> str | None:
    """The newest released version a changelog lists; an "Unreleased" section above it is not one."""
    newest = re.search(r"^## \[(\d+\.\d+\.\d+)\]", changelog, re.MULTILINE)
    return newest.group(1) if newest else None


def test_the_changelog_names_this_version():
    from resilience_cli import __version__

    assert newest_release((ROOT / "CHANGELOG.md").read_text()) == __version__


def test_an_unreleased_section_is_not_taken_for_a_release_and_a_newer_one_is():
    assert newest_release("# Changelog\n\n## [Unreleased]\n\n- x\n\n## [0.1.0] - 2026-11-28\n") == "0.1.0"
    # A release the program does not know of yet is a mismatch the test above would catch.
    assert newest_release("## [Unreleased]\n\n## [0.2.0] - 2026-12-06\n\n## [0.1.0] - 2026-11-28\n") == "0.2.0"
    assert newest_release("## [Unreleased]\n\n- nothing released yet\n") is None


def test_every_command_is_in_the_readme(cli):
    from resilience_cli.cli.app import COMMANDS

    readme = (ROOT / "README.md").read_text()
    missing = [name for name, _ in COMMANDS if f"resilience {name}" not in readme]
    assert missing == []
    assert "resilience pack" in readme


def test_python_dash_m_runs_the_program(tmp_path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "resilience_cli", "--version"], capture_output=True,
                            text=True, env={**os.environ, "RESILIENCE_HOME": str(tmp_path)}, check=False)
    assert (result.returncode, result.stdout) == (0, "resilience 0.1.0\n")


def test_every_data_file_is_in_the_wheel(tmp_path):
    """A data file left out of the wheel (tips, contacts, fonts, the example pack) breaks an install."""
    import subprocess
    import sys
    import zipfile

    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    [wheel] = tmp_path.glob("resilience_checkin-*.whl")
    inside = set(zipfile.ZipFile(wheel).namelist())
    data = ROOT / "src" / "resilience_cli" / "data"
    wanted = {f"resilience_cli/{p.relative_to(data.parent).as_posix()}" for p in data.rglob("*")
              if p.is_file() and "__pycache__" not in p.parts}
    assert wanted and wanted <= inside, sorted(wanted - inside)
    assert any(name.endswith("entry_points.txt") for name in inside)
    metadata = next(n for n in inside if n.endswith("/METADATA"))
    assert "Name: resilience-checkin" in zipfile.ZipFile(wheel).read(metadata).decode()


def test_the_developers_section_names_real_modules_and_the_newer_ones():
    """Every module path the README's "For developers" names exists, and the modules issues 20 to 25
    added are each named in it, by layer, so the map of the code does not fall behind."""
    section = README.split("## For developers", 1)[1]
    package = ROOT / "src" / "resilience_cli"
    named = set(re.findall(r"`([a-z_/]+(?:\.py|/))`", section))
    # A path is the package's, the shared CLI modules' (listed after `cli/common.py`), the checkout's
    # or a benchmark's.
    bases = (package, package / "cli", ROOT, ROOT / "benchmarks")
    assert [n for n in sorted(named) if not any((base / n).exists() for base in bases)] == []
    newer = {
        "cli/colleague.py", "cli/phonein.py", "cli/pulse.py", "cli/routes.py", "cli/contacts.py",
        "prompts/dutyday.py", "prompts/workplace.py", "prompts/phonein.py", "prompts/pulse.py",
        "render/guidance.py", "render/changes.py", "render/summary.py", "render/routes.py", "render/went_well.py",
        "report/period.py", "report/screen.py", "report/phonein.py", "report/calendar.py",
        "store/soundness.py", "store/colleagues.py", "store/phoneins.py", "store/pulse.py",
        "settings_file.py", "routes.py", "pack_files.py", "pulse_files.py", "dutyday.py", "colleagues.py",
        "went_well.py", "phonein.py", "pulse/", "rules/inputs.py", "frozen.py",
    }
    assert sorted(newer - named) == []
