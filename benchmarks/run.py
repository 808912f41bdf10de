"""Benchmark everyday commands against a ten-year journal.

    python benchmarks/run.py [--runs 9] [--check]

Builds a journal of ten years (3,650 check-ins, one a day) in a temporary
RESILIENCE_HOME, then times each
command as a fresh process, the way a person or a shell start-up file runs it.
Every figure is the median of --runs runs. Its ratio is taken pair by pair:
each run of the command follows a run of a bare `python -c pass`, and the
figure is the median of those per-pair ratios, so machine load that comes and
goes moves both sides of each pair alike. A second, hundred-year journal (36,500 check-ins) checks that a
fixed window costs the same however long the history. --check exits 1 when a
command misses its target.
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
# Absolute targets, in seconds.
PDF = ("resilience summary (28 days, pdf)", ["summary", "--from", "-28", "--no-input", "--format", "pdf",
                                             "--output", "{tmp}/s.pdf", "--force"], 1.5)
YEARS = 10
# A fixed window must cost the same however long the history: the hundred-year
# journal's figure may be at most this multiple of the ten-year one.
SCALE_COMMANDS = [("resilience trends --days 28", ["trends", "--days", "28"], 1.3),
                  ("resilience status", ["status"], 1.3)]
LONG_YEARS = 100
IMPORT_SECONDS = 5.0
# On the hundred-year journal, work that grows with what is asked for:
# the whole log and a summary of the whole century (seconds).
WHOLE_HISTORY = [("resilience log --days 36500", ["log", "--days", "36500"], 5.0),
                 ("resilience summary (the whole century, md)", ["summary", "--from", "{first}", "--no-input"], 5.0)]
# A restore of the hundred-year backup, every row checked as an import would.
RESTORE_SECONDS = 10.0


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


def paired(argv: list[str], against: list[str], env: dict[str, str], runs: int,
           against_env: dict[str, str] | None = None) -> tuple[float, float]:
    """(median seconds of argv, median of the per-pair ratios argv / against), interleaved run by run."""
    seconds, ratios = [], []
    for _ in range(runs):
        base = once(against, against_env or env)
        took = once(argv, env)
        seconds.append(took)
        ratios.append(took / base)
    return statistics.median(seconds), statistics.median(ratios)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()

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
        missed = []
        ten_year = {}
        for label, cmd, target in COMMANDS:
            seconds, ratio = paired([script(), *expand(cmd, tmp)], bare_argv, env, args.runs)
            ten_year[label] = seconds
            mark = "" if ratio <= target else "  MISSED"
            print(f"{label:42} {seconds * 1000:7.1f}ms {ratio:6.1f}x {target:6}x{mark}")
            if ratio > target:
                missed.append(label)
        print(f"\njournal: {long_count} check-ins over {LONG_YEARS} years, against the ten-year figure")
        for label, cmd, target in SCALE_COMMANDS:
            subprocess.run([script(), *cmd], env=long_env, capture_output=True, check=True)
            # The same command on the ten-year journal, run by run beside the hundred-year one.
            seconds, ratio = paired([script(), *cmd], [script(), *cmd], long_env, args.runs, against_env=env)
            mark = "" if ratio <= target else "  MISSED"
            print(f"{label:42} {seconds * 1000:7.1f}ms {ratio:6.2f}x {target:6}x{mark}")
            if ratio > target:
                missed.append(label + f" ({LONG_YEARS} years)")
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
    if args.check and missed:
        print("missed: " + ", ".join(missed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
