"""Benchmark everyday commands against a ten-year journal.

    python benchmarks/run.py [--runs 9] [--check] [--pulse | --startup]

Builds a journal of ten years (3,650 check-ins, one a day) in a temporary
RESILIENCE_HOME, then times each
command as a fresh process, the way a person or a shell start-up file runs it.
Every figure is the median of --runs runs. Its ratio is taken pair by pair:
each run of the command follows a run of a bare `python -c pass`, and the
figure is the median of those per-pair ratios, so machine load that comes and
goes moves both sides of each pair alike. A second, hundred-year journal (36,500 check-ins) checks that a
fixed window costs the same however long the history. --check exits 1 when a
command misses its target. `pulse merge` runs over 50,000 generated pulse
files (--pulse: that row alone).

The package is byte-compiled first, in place (compileall writes its
__pycache__ folders beside the sources even under PYTHONDONTWRITEBYTECODE),
so that every run measures what an installed user runs rather than an
editable checkout recompiling each module on every start.

Start-up targets (--startup: those rows alone): a flag-only check-in costs at
most 1.5 times importing its own stack (`import typer, rich.console,
sqlite3`), pair by pair in CPU time; on the hundred-year journal it costs at
most 1.1 times what it costs on ten years; against jrnl 4.6 (where it is
installed) it is at least 3 times faster than adding a plain entry, and `log`
at least 4 times faster than `jrnl -n 5`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# (label, arguments after `resilience`, target as a multiple of bare start-up)
COMMANDS = [
    ("resilience --version", ["--version"], 12),
    ("resilience status", ["status"], 12),
    ("resilience checkin --no-input (flags)", ["checkin", "--date", "today", "--shift", "day",
                                               "--sleep-hours", "7", "--mood", "6", "--no-input"], 25),
    # A hard day: the check-in ends with a support box (on standard error).
    ("resilience checkin --no-input (a hard day)", ["checkin", "--date", "today", "--mood", "1",
                                                    "--no-input"], 25),
    ("resilience help-now", ["help-now"], 20),
    ("resilience tips", ["tips"], 30),
    ("resilience log --days 30", ["log", "--days", "30"], 25),
    ("resilience trends --days 28", ["trends", "--days", "28"], 30),
    ("resilience summary (28 days, md)", ["summary", "--from", "-28", "--no-input"], 40),
    ("resilience summary (28 days, html)", ["summary", "--from", "-28", "--no-input", "--format", "html",
                                            "--output", "{tmp}/s.html", "--force"], 40),
]
# From starting an interactive check-in to its first question on the screen.
FIRST_QUESTION = 25
# Absolute targets, in seconds.
PDF = ("resilience summary (28 days, pdf)", ["summary", "--from", "-28", "--no-input", "--format", "pdf",
                                             "--output", "{tmp}/s.pdf", "--force"], 1.5)
YEARS = 10
# A fixed window must cost the same however long the history: the hundred-year
# journal's figure may be at most this multiple of the ten-year one.
CHECKIN_FLAGS = ["checkin", "--date", "today", "--shift", "day", "--sleep-hours", "7", "--mood", "6", "--no-input"]
SCALE_COMMANDS = [("resilience trends --days 28", ["trends", "--days", "28"], 1.3),
                  ("resilience status", ["status"], 1.3),
                  # A one-row write reads no more of a long journal than of a short one.
                  ("resilience checkin --no-input (flags)", CHECKIN_FLAGS, 1.1)]
# The stack every Typer command imports: no command through Typer can start faster.
STACK = "import typer, rich.console, sqlite3"
# A flag-only check-in's CPU time, at most this multiple of importing its stack.
CHECKIN_OVER_STACK = 1.5
LONG_YEARS = 100
IMPORT_SECONDS = 5.0
# On the hundred-year journal, work that grows with what is asked for:
# the whole log and a summary of the whole century (seconds).
WHOLE_HISTORY = [("resilience log --days 36500", ["log", "--days", "36500"], 5.0),
                 ("resilience summary (the whole century, md)", ["summary", "--from", "{first}", "--no-input"], 5.0)]
# A restore of the hundred-year backup, every row checked as an import would.
RESTORE_SECONDS = 10.0
# Against jrnl 4.6 on the same ten years (an optional comparison: it runs where
# jrnl is installed, or RESILIENCE_BENCH_JRNL names it). CPU time of the whole
# process, resilience's command and jrnl's interleaved run by run; the figure
# is the median of the per-pair ratios, and the target the largest allowed.
JRNL_PAIRS = [
    ("resilience log / jrnl -n 5", ["log"], ["-n", "5"], 1 / 4),
    # Typer's import alone is about 70 ms and jrnl's add about 600 ms: 3 times is
    # what a Typer command can promise (the 8 times once asked for could not be met).
    ("resilience checkin (flags) / jrnl add an entry", CHECKIN_FLAGS,
     ["Day shift: slept 7 hours, mood 6."], 1 / 3),
]


# pulse merge over 50,000 officers' files (generated), in seconds; its peak memory
# against a tenth as many files shows that it streams (flat memory).
PULSE_FILES = 50_000
PULSE_SECONDS = 30.0
PULSE_MEMORY_RATIO = 1.5


def script() -> str:
    found = Path(sys.executable).parent / "resilience"
    return str(found) if found.exists() else "resilience"


def build_journal(home: Path, days: int) -> int:
    from resilience_cli.sample import generate
    from resilience_cli.store import JournalStore

    records = generate(dt.date.today() - dt.timedelta(days=1), days, gaps=0)
    with JournalStore.open(home / "journal.db", create=True) as store:
        return store.insert_many(records)


def environment(home: Path) -> dict[str, str]:
    env = {**os.environ, "RESILIENCE_HOME": str(home), "COLUMNS": "80"}
    env.pop("NO_COLOR", None)
    return env


def expand(cmd: list[str], tmp: str) -> list[str]:
    """Fill in the temporary folder and the date 28 days back ("-28")."""
    start = (dt.date.today() - dt.timedelta(days=27)).isoformat()
    return [start if part == "-28" else part.replace("{tmp}", tmp) for part in cmd]


def once(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def median_seconds(argv: list[str], env: dict[str, str], runs: int) -> float:
    return statistics.median(once(argv, env) for _ in range(runs))


def paired_calls(measure, baseline, runs: int) -> tuple[float, float, float]:
    """(median of measure(), median of baseline(), median of the per-pair ratios), interleaved run by
    run, so that machine load that comes and goes moves both sides of each pair alike."""
    mine, theirs, ratios = [], [], []
    for _ in range(runs):
        base = baseline()
        took = measure()
        mine.append(took)
        theirs.append(base)
        ratios.append(took / base)
    return statistics.median(mine), statistics.median(theirs), statistics.median(ratios)


def paired(argv: list[str], against: list[str], env: dict[str, str], runs: int,
           against_env: dict[str, str] | None = None) -> tuple[float, float]:
    """(median seconds of argv, median of the per-pair ratios argv / against)."""
    seconds, _, ratio = paired_calls(lambda: once(argv, env), lambda: once(against, against_env or env), runs)
    return seconds, ratio


def first_question(env: dict[str, str]) -> float:
    """Seconds from starting `resilience checkin` in a terminal to its first question on the screen."""
    import pty
    import select
    import signal

    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: the check-in, in a terminal of its own
        os.execve(script(), [script(), "checkin", "--date", "today"],
                  {**env, "TERM": "xterm-256color", "PROMPT_TOOLKIT_NO_CPR": "1"})
    seen = b""
    try:
        while b"What kind of day" not in seen:
            ready, _, _ = select.select([fd], [], [], 10)
            if not ready:
                raise RuntimeError("the first question did not appear within 10 s")
            seen += os.read(fd, 65536)
        return time.perf_counter() - start
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def cpu_once(argv: list[str], env: dict[str, str]) -> float:
    """User and system CPU seconds of one run of argv, as a fresh process."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def jrnl_home(tmp: Path, days: int) -> dict[str, str] | None:
    """A jrnl 4.6 journal of the same length, with its own configuration; None without jrnl."""
    import shutil

    found = os.environ.get("RESILIENCE_BENCH_JRNL") or shutil.which("jrnl")
    if not found:
        return None
    config = tmp / "jrnl-config" / "jrnl"
    config.mkdir(parents=True)
    journal = tmp / "jrnl-journal.txt"
    first = dt.date.today() - dt.timedelta(days=days)
    with journal.open("w") as f:
        for n in range(days):
            day = first + dt.timedelta(days=n)
            f.write(f"[{day.isoformat()} 09:00:00 PM] Day shift, slept 7 hours, mood 6.\n"
                    "A quiet day on the wing; talked to a colleague after.\n\n")
    (config / "jrnl.yaml").write_text(
        "colors: {body: none, date: none, tags: none, title: none}\ndefault_hour: 9\ndefault_minute: 0\n"
        "editor: ''\nencrypt: false\nhighlight: true\nindent_character: '|'\n"
        f"journals:\n  default:\n    journal: {journal}\nlinewrap: 79\ntagsymbols: '#@'\n"
        "template: false\ntimeformat: '%F %r'\nversion: v4.6\n")
    env = {**os.environ, "XDG_CONFIG_HOME": str(config.parent), "COLUMNS": "80", "JRNL": found}
    subprocess.run([found, "-n", "1"], env=env, capture_output=True, check=True)  # settles its config
    return env


def compare_with_jrnl(tmp: Path, env: dict[str, str], runs: int) -> list[str]:
    jenv = jrnl_home(tmp, YEARS * 365)
    if jenv is None:
        print("\njrnl is not installed here: the comparison with jrnl 4.6 was not run.")
        return []
    version = subprocess.run([jenv["JRNL"], "--version"], env=jenv, capture_output=True, text=True,
                             check=True).stdout.split()
    print(f"\nagainst {' '.join(version[:2])} on the same ten years: CPU time, pair by pair")
    missed = []
    for label, ours, theirs, target in JRNL_PAIRS:
        mine, jrnl, ratio = paired_calls(lambda ours=ours: cpu_once([script(), *ours], env),
                                         lambda theirs=theirs: cpu_once([jenv["JRNL"], *theirs], jenv), runs)
        mark = "" if ratio <= target else "  MISSED"
        print(f"{label:48} {mine * 1000:6.0f}ms / {jrnl * 1000:4.0f}ms "
              f"= {ratio:.2f} ({1 / ratio:.1f}x faster; target {1 / target:.0f}x){mark}")
        if ratio > target:
            missed.append(label)
    return missed


def compile_package() -> Path:
    """Byte-compile the package being measured, in place, as an installed copy is."""
    import compileall

    import resilience_cli

    package = Path(resilience_cli.__file__).parent
    compileall.compile_dir(str(package), quiet=1)
    return package


def stack_row(env: dict[str, str], runs: int) -> list[str]:
    """A flag-only check-in against importing its own stack: CPU time, pair by pair."""
    stack = [sys.executable, "-c", STACK]
    mine, base, ratio = paired_calls(lambda: cpu_once([script(), *CHECKIN_FLAGS], env),
                                     lambda: cpu_once(stack, env), runs)
    mark = "" if ratio <= CHECKIN_OVER_STACK else "  MISSED"
    print(f"{'resilience checkin (flags) / its stack':42} {mine * 1000:5.0f}ms / {base * 1000:3.0f}ms "
          f"= {ratio:.2f} (target {CHECKIN_OVER_STACK}){mark}")
    return ["the check-in against its stack"] if mark else []


def scale_rows(env: dict[str, str], long_env: dict[str, str], runs: int) -> list[str]:
    """Each command on the hundred-year journal against the same on ten years, pair by pair."""
    missed = []
    for label, cmd, target in SCALE_COMMANDS:
        subprocess.run([script(), *cmd], env=long_env, capture_output=True, check=True)
        # The same command on the ten-year journal, run by run beside the hundred-year one.
        seconds, ratio = paired([script(), *cmd], [script(), *cmd], long_env, runs, against_env=env)
        mark = "" if ratio <= target else "  MISSED"
        print(f"{label:42} {seconds * 1000:7.1f}ms {ratio:6.2f}x {target:6}x{mark}")
        if ratio > target:
            missed.append(label + f" ({LONG_YEARS} years)")
    return missed


def startup_rows(runs: int) -> list[str]:
    """Only the start-up targets: the stack, the hundred years, and jrnl."""
    with tempfile.TemporaryDirectory() as tmp:
        home, long_home = Path(tmp) / "home", Path(tmp) / "long"
        build_journal(home, YEARS * 365)
        build_journal(long_home, LONG_YEARS * 365)
        env, long_env = environment(home), environment(long_home)
        subprocess.run([script(), *CHECKIN_FLAGS], env=env, capture_output=True, check=True)
        missed = stack_row(env, runs)
        print(f"\njournal: {LONG_YEARS} years, against the ten-year figure")
        missed += scale_rows(env, long_env, runs)
        missed += compare_with_jrnl(Path(tmp), env, runs)
    return missed


def write_pulse_files(folder: Path, count: int) -> None:
    """`count` pulse files for last week, with answers spread over every band."""
    import json
    import random
    import secrets

    from resilience_cli.pulse.bands import QUESTIONS, last_complete_week, week_id

    rng = random.Random(count)
    week = week_id(last_complete_week(dt.date.today()))
    folder.mkdir()
    for n in range(count):
        content = {"format": "resilience-pulse", "version": 1, "week": week, "token": secrets.token_hex(16),
                   **{q.key: rng.choice(q.ids) for q in QUESTIONS}}
        (folder / f"pulse-{n:05d}.json").write_text(json.dumps(content, indent=2) + "\n")


def merge_once(folder: Path, env: dict[str, str]) -> tuple[float, int]:
    """(seconds, peak resident memory in KB) of one `resilience pulse merge` in a fresh process."""
    probe = ("import resource, sys; from resilience_cli.cli import run; "
             f"code = run(['pulse', 'merge', {str(folder)!r}, '--format', 'json', '--output', "
             f"{str(folder.parent / (folder.name + '-report.json'))!r}, '--force']); "
             "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss); sys.exit(code)")
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    return time.perf_counter() - start, int(out.stdout.split()[-1])


def pulse_rows(tmp: Path, env: dict[str, str], runs: int) -> list[str]:
    """pulse merge over 50,000 files: its time, and its peak memory against 5,000 files'."""
    big, small = tmp / "pulses", tmp / "pulses-small"
    write_pulse_files(big, PULSE_FILES)
    write_pulse_files(small, PULSE_FILES // 10)
    merge_once(big, env)  # the OS file cache warm, as a collector's folder would be after copying it in
    timed = [merge_once(big, env) for _ in range(max(3, runs // 3))]
    seconds = statistics.median(t for t, _ in timed)
    peak = max(kb for _, kb in timed)
    small_peak = max(merge_once(small, env)[1] for _ in range(3))
    missed = []
    mark = "" if seconds <= PULSE_SECONDS else "  MISSED"
    print(f"\n{'resilience pulse merge (50,000 files)':42} {seconds * 1000:7.1f}ms {'':>7} {PULSE_SECONDS:5}s{mark}")
    if seconds > PULSE_SECONDS:
        missed.append("pulse merge")
    ratio = peak / small_peak
    mark = "" if ratio <= PULSE_MEMORY_RATIO else "  MISSED"
    print(f"{'  peak memory, 50,000 / 5,000 files':42} {peak / 1024:6.1f}MB {ratio:6.2f}x "
          f"{PULSE_MEMORY_RATIO:6}x{mark}  ({small_peak / 1024:.1f} MB for 5,000)")
    if ratio > PULSE_MEMORY_RATIO:
        missed.append("pulse merge memory")
    return missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--pulse", action="store_true", help="only the pulse merge row")
    parser.add_argument("--startup", action="store_true", help="only the start-up targets")
    args = parser.parse_args()
    package = compile_package()
    print(f"byte-compiled {package} in place")
    if args.startup:
        missed = startup_rows(args.runs)
        if args.check and missed:
            print("missed: " + ", ".join(missed), file=sys.stderr)
            return 1
        return 0
    if args.pulse:
        with tempfile.TemporaryDirectory() as tmp:
            missed = pulse_rows(Path(tmp), environment(Path(tmp) / "home"), args.runs)
        return 1 if args.check and missed else 0

    import contextlib
    import io

    import keystrokes

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        counts = keystrokes.measure()
    missed = keystrokes.report(counts)
    print()
    with tempfile.TemporaryDirectory() as tmp:
        home, long_home = Path(tmp) / "home", Path(tmp) / "long"
        count = build_journal(home, YEARS * 365)
        long_count = build_journal(long_home, LONG_YEARS * 365)
        env = environment(home)
        long_env = environment(long_home)
        # Warm the OS file cache and the bytecode cache before measuring.
        for _, cmd, _ in COMMANDS:
            subprocess.run([script(), *expand(cmd, tmp)], env=env, capture_output=True, check=True)
        bare_argv = [sys.executable, "-c", "pass"]
        bare = median_seconds(bare_argv, env, args.runs)
        print(f"journal: {count} check-ins over {YEARS} years; median of {args.runs} runs, "
              "ratios pair by pair")
        print(f"{'command':42} {'median':>9} {'ratio':>7} {'target':>7}")
        print(f"{'python -c pass':42} {bare * 1000:7.1f}ms {1:6.1f}x {'':>7}")
        ten_year = {}
        for label, cmd, target in COMMANDS:
            seconds, ratio = paired([script(), *expand(cmd, tmp)], bare_argv, env, args.runs)
            ten_year[label] = seconds
            mark = "" if ratio <= target else "  MISSED"
            print(f"{label:42} {seconds * 1000:7.1f}ms {ratio:6.1f}x {target:6}x{mark}")
            if ratio > target:
                missed.append(label)
        seconds, _, ratio = paired_calls(lambda: first_question(env), lambda: once(bare_argv, env), args.runs)
        mark = "" if ratio <= FIRST_QUESTION else "  MISSED"
        print(f"{'resilience checkin: to the first question':42} {seconds * 1000:7.1f}ms "
              f"{ratio:6.1f}x {FIRST_QUESTION:6}x{mark}")
        if ratio > FIRST_QUESTION:
            missed.append("the first question")
        missed += stack_row(env, args.runs)
        print(f"\njournal: {long_count} check-ins over {LONG_YEARS} years, against the ten-year figure")
        missed += scale_rows(env, long_env, args.runs)
        first = (dt.date.today() - dt.timedelta(days=LONG_YEARS * 365)).isoformat()
        for label, cmd, limit in WHOLE_HISTORY:
            argv = [script(), *[part.replace("{first}", first) for part in cmd]]
            seconds = median_seconds(argv, long_env, max(3, args.runs // 3))
            mark = "" if seconds <= limit else "  MISSED"
            print(f"{label:42} {seconds * 1000:7.1f}ms {'':>7} {limit:5}s{mark}")
            if seconds > limit:
                missed.append(label)
        backup = Path(tmp) / "hundred-years.db"
        subprocess.run([script(), "backup", str(backup)], env=long_env, capture_output=True, check=True)
        times = []
        for n in range(3):
            fresh = environment(Path(tmp) / f"restore-{n}")
            start = time.perf_counter()
            subprocess.run([script(), "restore", str(backup), "--yes"], env=fresh, capture_output=True, check=True)
            times.append(time.perf_counter() - start)
        seconds = statistics.median(times)
        mark = "" if seconds <= RESTORE_SECONDS else "  MISSED"
        print(f"{'resilience restore (36,500 check-ins)':42} {seconds * 1000:7.1f}ms {'':>7} {RESTORE_SECONDS:5}s{mark}")
        if seconds > RESTORE_SECONDS:
            missed.append("restore")
        label, cmd, limit = PDF
        seconds = median_seconds([script(), *expand(cmd, tmp)], env, args.runs)
        mark = "" if seconds <= limit else "  MISSED"
        print(f"{label:42} {seconds * 1000:7.1f}ms {'':>7} {limit:5}s{mark}")
        if seconds > limit:
            missed.append(label)
        missed += compare_with_jrnl(Path(tmp), env, args.runs)
        # Import: a hundred years of check-ins in one transaction, into a new home.
        from resilience_cli.interchange.formats import export_jsonl
        from resilience_cli.sample import generate

        export = Path(tmp) / "hundred-years.jsonl"
        export.write_text(export_jsonl(generate(dt.date.today() - dt.timedelta(days=1),
                                                LONG_YEARS * 365, gaps=0), [], []))
        times = []
        for n in range(3):
            fresh = environment(Path(tmp) / f"import-{n}")
            start = time.perf_counter()
            subprocess.run([script(), "import", str(export)], env=fresh, capture_output=True, check=True)
            times.append(time.perf_counter() - start)
        seconds = statistics.median(times)
        mark = "" if seconds <= IMPORT_SECONDS else "  MISSED"
        print(f"\n{'resilience import (36,500 check-ins, JSONL)':42} {seconds * 1000:7.1f}ms "
              f"{'':>7} {IMPORT_SECONDS:5}s{mark}")
        if seconds > IMPORT_SECONDS:
            missed.append("import")
        missed += pulse_rows(Path(tmp), env, args.runs)
    if args.check and missed:
        print("missed: " + ", ".join(missed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
