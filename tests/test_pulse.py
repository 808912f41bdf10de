"""The team pulse through the real entry point: the officer's file, the collector's report, the answer back."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import secrets
import stat
from pathlib import Path

import pytest
from conftest import today
from hypothesis import given, settings
from hypothesis import strategies as st
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

ENTER = "\r"
# DOMAIN.md's "Team pulse", written out here rather than taken from the code under test.
ALLOWED = {
    "days_checked_in": {"3-5", "6-7"},
    "heavy_events": {"0", "1-2", "3+"},
    "heavy_interactions": {"0", "1-2", "3+"},
    "heavy_material": {"0", "1-2", "3+"},
    "sleep": {"under-6", "6-7", "7+", "unanswered"},
    "workload": {"low", "middling", "high", "unanswered"},
    "support": {"low", "middling", "high", "unanswered"},
    "helps_most": {"staffing", "breaks", "rest-days", "manager-time", "incident-support", "kit-safety",
                   "training", "nothing", "unanswered"},
}
KEYS = {"format", "version", "week", "token", *ALLOWED}
WHO_CAN_READ = ("Whoever collects this file can read it. The minimum group size protects you in the team "
                "report, not from the person who collects the files.")


def last_week() -> dt.date:
    """The Monday of the last complete ISO week."""
    return today() - dt.timedelta(days=today().weekday() + 7)


def iso(monday: dt.date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def check_in_last_week(cli, days: int = 4, **answers: str) -> None:
    flags = [x for name, value in answers.items() for x in (f"--{name.replace('_', '-')}", value)]
    for n in range(days):
        day = (last_week() + dt.timedelta(days=n)).isoformat()
        assert cli("checkin", "--date", day, *flags, "--no-input", terminal=False).exit_code == 0


def pulse_file(folder: Path, name: str, *, week: str | None = None, token: str | None = None, **bands: str) -> Path:
    content = {"format": "resilience-pulse", "version": 1, "week": week or iso(last_week()),
               "token": token or secrets.token_hex(16), "days_checked_in": "6-7", "heavy_events": "0",
               "heavy_interactions": "1-2", "heavy_material": "0", "sleep": "6-7", "workload": "middling",
               "support": "high", "helps_most": "staffing", **bands}
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(content, indent=2))
    return path


def team(folder: Path, n: int, **per_file) -> list[Path]:
    """n pulse files; per_file maps a question to a list of bands, one per file."""
    return [pulse_file(folder, f"p{i}.json", **{q: bands[i] for q, bands in per_file.items()}) for i in range(n)]


def rows_of(report: dict, question: str) -> dict:
    [week] = report["weeks"]
    return week["counts"][question]


# -- the officer's side ----------------------------------------------------------

def test_export_holds_exactly_the_allowed_keys_and_bands(cli, tmp_path):
    check_in_last_week(cli, 6, shift="day", incident="minor", material="2", interactions="1", sleep_hours="5.5",
                       workload="1", support="3", mood="2", energy="1")
    out = tmp_path / "mine.json"
    result = cli("pulse", "export", "--no-input", "--helps", "breaks", "--output", str(out))
    assert result.exit_code == 0, result.stderr
    data = json.loads(out.read_bytes())
    assert set(data) == KEYS
    assert data["format"] == "resilience-pulse" and data["version"] == 1 and data["week"] == iso(last_week())
    assert len(data["token"]) == 32 and int(data["token"], 16) >= 0
    assert {k: v for k, v in data.items() if k in ALLOWED} == {
        "days_checked_in": "6-7", "heavy_events": "3+", "heavy_interactions": "0", "heavy_material": "3+",
        "sleep": "under-6", "workload": "low", "support": "high", "helps_most": "breaks"}
    for key, value in data.items():  # every value scanned against its bands
        assert key in ("format", "version", "week", "token") or value in ALLOWED[key], key
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    # Nothing finer than the week: no date, no mood, no day count.
    text = out.read_text()
    assert last_week().isoformat() not in text and "mood" not in text and '"6"' not in text


def test_bands_edges_and_skipped_answers(cli, tmp_path):
    # Sleep averaging exactly 6 is "6 to 7"; workload averaging exactly 1.5 is middling, 2.5 too;
    # support never answered is "unanswered"; interactions "some" on 2 days is 1-2.
    for n, (sleep, work, inter) in enumerate([("5", "1", "2"), ("7", "2", "2"), ("6", "2", "0"), ("6", "1", "1")]):
        day = (last_week() + dt.timedelta(days=n)).isoformat()
        assert cli("checkin", "--date", day, "--shift", "day", "--sleep-hours", sleep, "--workload", work,
                   "--interactions", inter, "--no-input").exit_code == 0
    out = tmp_path / "p.json"
    assert cli("pulse", "export", "--no-input", "-o", str(out)).exit_code == 0
    data = json.loads(out.read_text())
    assert (data["sleep"], data["workload"], data["support"], data["heavy_interactions"], data["helps_most"]) == (
        "6-7", "middling", "unanswered", "1-2", "unanswered")


def test_weeks_in_words():
    from resilience_cli.pulse.bands import week_words

    assert week_words(dt.date(2026, 11, 23)) == "23 to 29 November 2026"
    assert week_words(dt.date(2026, 11, 30)) == "30 November to 6 December 2026"
    assert week_words(dt.date(2026, 12, 28)) == "28 December 2026 to 3 January 2027"


def test_the_pulse_kinds_of_heavy_exposure_are_model_is_heavy():
    from resilience_cli.model import CheckIn, is_heavy
    from resilience_cli.pulse.bands import HEAVY_KINDS

    for incident, material, interactions in itertools.product((None, "none", "minor", "significant"),
                                                              (None, 0, 1, 2, 3), (None, 0, 1, 2, 3)):
        r = CheckIn(id="x", date="2026-01-01", incident=incident, material=material, interactions=interactions)
        assert any(f(r) for f in HEAVY_KINDS.values()) == is_heavy(r)


def test_two_exports_of_the_same_week_carry_different_tokens(cli, tmp_path):
    check_in_last_week(cli)
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert cli("pulse", "export", "--no-input", "-o", str(first)).exit_code == 0
    assert cli("pulse", "export", "--no-input", "-o", str(second)).exit_code == 0
    a, b = json.loads(first.read_text()), json.loads(second.read_text())
    assert a["token"] != b["token"]
    assert {k: v for k, v in a.items() if k != "token"} == {k: v for k, v in b.items() if k != "token"}


def test_a_week_with_fewer_than_three_checkins_is_refused(cli, tmp_path):
    check_in_last_week(cli, 2)
    out = tmp_path / "p.json"
    result = cli("pulse", "export", "--no-input", "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr == (f"Week {iso(last_week())} has 2 check-ins; a pulse needs at least 3 to describe a "
                             "week, so no file was written.\n")
    assert not out.exists()


def test_a_week_not_over_yet_is_refused(cli, tmp_path):
    check_in_last_week(cli)
    this_week = iso(last_week() + dt.timedelta(days=7))
    result = cli("pulse", "export", "--week", this_week, "--no-input", "-o", str(tmp_path / "p.json"))
    assert result.exit_code == 2 and f"Week {this_week} is not over" in result.stderr
    assert cli("pulse", "export", "--week", "2026-W54", "--no-input").exit_code == 2


def test_export_without_a_terminal_asks_for_no_input_and_writes_nothing(cli, tmp_path, monkeypatch):
    check_in_last_week(cli)
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    result = cli("pulse", "export", terminal=False)
    assert result.exit_code == 2 and "--no-input" in result.stderr
    assert list((tmp_path / "here").iterdir()) == []


def test_the_preview_shows_every_byte_and_declining_writes_nothing(cli, terminal, tmp_path, monkeypatch):
    check_in_last_week(cli, 3, shift="day", material="3", sleep_hours="8")
    tmp_path = tmp_path / "here"
    tmp_path.mkdir()
    monkeypatch.chdir(tmp_path)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("3" + ENTER + "n" + ENTER)  # rest days not cancelled; then no
        declined = cli("pulse", "export")
    assert declined.exit_code == 130 and declined.stderr == "Nothing was written.\n"
    assert list(tmp_path.iterdir()) == []
    assert WHO_CAN_READ in declined.stdout
    assert "  What would help most: rest days not cancelled" in declined.stdout
    assert "  Days checked in: 3 to 5" in declined.stdout
    assert "  Days with some or a lot of distressing material: 3 or more" in declined.stdout

    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("3" + ENTER + "y" + ENTER)
        written = cli("pulse", "export")
    assert written.exit_code == 0, written.stderr
    path = tmp_path / f"pulse-{iso(last_week())}.json"
    raw = path.read_text()
    # The exact bytes were on the screen before the question.
    assert raw in written.stdout
    assert written.stdout.index(raw) < written.stdout.index(WHO_CAN_READ)
    assert json.loads(raw)["helps_most"] == "rest-days"


# -- the collector's side ----------------------------------------------------------

def test_merge_of_four_files_is_refused_and_writes_nothing(cli, tmp_path):
    team(tmp_path / "in", 4)
    out = tmp_path / "report.md"
    result = cli("pulse", "merge", str(tmp_path / "in"), "--output", str(out))
    assert result.exit_code == 1
    monday = last_week()
    assert result.stderr.startswith(f"Week {iso(monday)} (")
    assert "fewer than 5 people sent a file, so there is no report for it" in result.stderr
    assert not out.exists()


def test_merge_of_seven_files_reports_with_small_counts_hidden(cli, tmp_path):
    team(tmp_path / "in", 7, days_checked_in=["3-5"] * 3 + ["6-7"] * 4,
         support=["high"] * 7, sleep=["under-6"] * 5 + ["7+"] * 2)
    out = tmp_path / "report.json"
    result = cli("pulse", "merge", str(tmp_path / "in"), "--format", "json", "--output", str(out))
    assert result.exit_code == 0, result.stderr
    report = json.loads(out.read_text())
    assert report["format"] == "resilience-pulse-report" and report["min_group"] == 5
    assert report["weeks"][0]["participants"] == 7 and report["weeks"][0]["week"] == iso(last_week())
    # 3 is hidden; 4 is small too: both hidden.
    assert rows_of(report, "days_checked_in") == {"3-5": "fewer than 5", "6-7": "fewer than 5"}
    assert rows_of(report, "support") == {"low": 0, "middling": 0, "high": 7, "unanswered": 0}
    # 2 is hidden, and so are the zeros beside it: alone it would be 7 - 5.
    assert rows_of(report, "sleep") == {"under-6": 5, "6-7": "fewer than 5", "7+": "fewer than 5",
                                        "unanswered": "fewer than 5"}
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_cell_of_three_and_the_complement_that_would_reveal_it_are_hidden(cli, tmp_path):
    team(tmp_path / "in", 10, days_checked_in=["3-5"] * 3 + ["6-7"] * 7)
    result = cli("pulse", "merge", str(tmp_path / "in"))
    assert result.exit_code == 0, result.stderr
    section = result.stdout.split("## Days checked in", 1)[1].split("##", 1)[0]
    # 10 took part: showing 7 would give away the 3, so neither is shown.
    assert section.strip().splitlines()[2:] == ["| 3 to 5 | not shown |", "| 6 or 7 | not shown |"]
    assert "10 people took part." in result.stdout


def test_min_group_below_five_is_refused(cli, tmp_path):
    team(tmp_path / "in", 7)
    result = cli("pulse", "merge", str(tmp_path / "in"), "--min-group", "4")
    assert result.exit_code == 2 and result.stderr.startswith("--min-group must be 5 or more (you gave 4)")


def test_a_duplicate_token_is_counted_once(cli, tmp_path):
    files = team(tmp_path / "in", 7)
    (tmp_path / "in" / "again.json").write_bytes(files[0].read_bytes())
    result = cli("pulse", "merge", str(tmp_path / "in"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["weeks"][0]["participants"] == 7
    assert "Merged 8 files (1 sent more than once, counted once)" in result.stderr
    # The same token with other answers: one of them was changed.
    pulse_file(tmp_path / "in", "changed.json", token=json.loads(files[1].read_text())["token"], sleep="7+")
    refused = cli("pulse", "merge", str(tmp_path / "in"))
    assert refused.exit_code == 2 and "carries the same token as another file but different answers" in refused.stderr
    assert refused.stderr.startswith((str(files[1]), str(tmp_path / "in" / "changed.json")))


def test_a_week_with_too_few_is_left_out_with_a_sentence(cli, tmp_path):
    team(tmp_path / "in", 6)
    older = iso(last_week() - dt.timedelta(days=7))
    for i in range(2):
        pulse_file(tmp_path / "in", f"old{i}.json", week=older)
    result = cli("pulse", "merge", str(tmp_path / "in"))
    assert result.exit_code == 0
    assert f"Week {older} (" in result.stdout and "fewer than 5 people sent a file" in result.stdout
    assert "6 people took part." in result.stdout


@pytest.mark.parametrize("tamper,why", [
    (lambda p: p.write_text(p.read_text().replace('"staffing"', '"more staff on nights please"')),
     'holds a value for "helps_most" outside its bands'),
    (lambda p: p.write_text(p.read_text().replace('"version": 1,', '"version": 1, "note": "rough week",')),
     'holds something a pulse file may not: "note"'),
    (lambda p: p.write_text(p.read_text().replace(iso(last_week()), iso(last_week() + dt.timedelta(days=14)))),
     "which has not ended yet"),
    (lambda p: p.write_text(p.read_text().replace('"workload": "middling"', '"workload": 1.7')),
     'holds a value for "workload" outside its bands'),
    (lambda p: p.write_text(p.read_text().replace('"sleep": "6-7",', '')),
     'is missing "sleep"'),
    (lambda p: p.write_text(p.read_text().replace('"version": 1,', '"version": 2,')),
     "was written in version 2 of its format, newer than this resilience reads (1); update resilience"),
    (lambda p: p.write_text(p.read_text().replace('"format": "resilience-pulse"', '"format": "x"')),
     "is not a pulse file: its \"format\" is not 'resilience-pulse'"),
    (lambda p: p.write_bytes(b"{" + b" " * (10 * 1024 * 1024) + b"}"),
     "is larger than 16 KB, far larger than any pulse file, so it was not read"),
])
def test_tampered_files_are_refused_naming_the_file(cli, tmp_path, tamper, why):
    team(tmp_path / "in", 7)
    bad = tmp_path / "in" / "p3.json"
    tamper(bad)
    out = tmp_path / "report.md"
    result = cli("pulse", "merge", str(tmp_path / "in"), "--output", str(out))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{bad} ") and why in result.stderr
    assert result.stderr.endswith("Nothing was merged or written.\n")
    assert "rough week" not in result.stderr and "more staff" not in result.stderr  # never echoed
    assert not out.exists()


def test_a_file_named_for_one_week_holding_another_is_refused(cli, tmp_path):
    team(tmp_path / "in", 7)
    pulse_file(tmp_path / "in", f"pulse-{iso(last_week() - dt.timedelta(days=7))}.json")
    result = cli("pulse", "merge", str(tmp_path / "in"))
    assert result.exit_code == 2 and "is named for week" in result.stderr


def test_files_and_folders_can_be_mixed_and_nothing_found_is_said(cli, tmp_path):
    files = team(tmp_path / "in", 5)
    more = pulse_file(tmp_path / "more", "x.json")
    result = cli("pulse", "merge", str(tmp_path / "in"), str(more), "--format", "json")
    assert json.loads(result.stdout)["weeks"][0]["participants"] == 6
    (tmp_path / "empty").mkdir()
    empty = cli("pulse", "merge", str(tmp_path / "empty"))
    assert empty.exit_code == 2 and empty.stderr.startswith("No pulse files were found")
    assert files


# -- suppression, checked against every possible set of counts ------------------------

def _compositions(total: int, parts: int):
    if parts == 1:
        yield (total,)
        return
    for first in range(total + 1):
        for rest in _compositions(total - first, parts - 1):
            yield (first, *rest)


@pytest.mark.parametrize("k", [5, 6])
@pytest.mark.parametrize("bands", [2, 3, 4])
def test_no_small_count_can_be_worked_out_even_knowing_the_rule(k, bands):
    """Every set of counts a question could have, grouped by what the report shows: a reader who
    knows the rule can narrow a count down to the sets that show the same. Each small count
    hidden must still have at least two possible values, and every count shown is the true one."""
    from resilience_cli.pulse.suppress import protect

    for total in range(k, 15):
        alike: dict[tuple, list[tuple[int, ...]]] = {}
        for counts in _compositions(total, bands):
            cells = protect(counts, k)
            assert all(c == n for c, n in zip(cells, counts, strict=True) if isinstance(c, int))
            assert all(n < k for c, n in zip(cells, counts, strict=True) if c == "fewer")
            alike.setdefault(cells, []).append(counts)
        for cells, candidates in alike.items():
            for i, cell in enumerate(cells):
                if isinstance(cell, str):
                    possible = {c[i] for c in candidates}
                    assert any(0 < c[i] < k for c in candidates) <= (len(possible) >= 2), (cells, candidates)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 9), min_size=2, max_size=4), st.integers(5, 6))
def test_reader_ranges_are_every_filling_of_the_hidden_counts(counts, k):
    from resilience_cli.pulse.suppress import protect, reader_ranges

    total = sum(counts)
    cells = protect(counts, k)
    hidden = [i for i, c in enumerate(cells) if isinstance(c, str)]
    if not hidden:
        return
    spans = [range(0, k) if cells[i] == "fewer" else range(0, total + 1) for i in hidden]
    rest = total - sum(c for c in cells if isinstance(c, int))
    possible: dict[int, set[int]] = {i: set() for i in hidden}
    for values in itertools.product(*spans):
        if sum(values) == rest:
            for i, v in zip(hidden, values, strict=True):
                possible[i].add(v)
    ranges = reader_ranges(cells, total, k)
    assert {i: (min(v), max(v)) for i, v in possible.items()} == ranges


def test_suppression_cases_by_hand():
    from resilience_cli.pulse.suppress import FEWER, NOT_SHOWN, protect

    assert protect([3, 7], 5) == (NOT_SHOWN, NOT_SHOWN)  # 7 shown would give away the 3
    assert protect([0, 7, 3], 5) == (FEWER, 7, FEWER)  # the 3 could be in either band
    assert protect([4, 4], 5) == (NOT_SHOWN, NOT_SHOWN)  # both "fewer than 5" adding to 8: both 4
    assert protect([4, 4, 6], 5) == (NOT_SHOWN, NOT_SHOWN, NOT_SHOWN)
    assert protect([4, 4, 0, 6], 5) == (FEWER, FEWER, FEWER, 6)
    assert protect([0, 12, 0], 5) == (0, 12, 0)  # nothing small: everything shown
    assert protect([5, 6, 1], 5) == (NOT_SHOWN, NOT_SHOWN, NOT_SHOWN)


# -- the answer coming back ------------------------------------------------------------

def test_a_response_round_trip(cli, tmp_path):
    answer = tmp_path / "answer.json"
    words = "You said: staffing.\n[bold red]We did[/bold red]: two more officers on nights from January.\x1b[2J"
    week = iso(last_week())
    result = cli("pulse", "respond", "--week", week, "--from-stdin", "--output", str(answer), input=words)
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(answer.stat().st_mode) == 0o600
    data = json.loads(answer.read_text())
    assert data == {"format": "resilience-pulse-response", "version": 1, "week": week,
                    "text": "You said: staffing.\n[bold red]We did[/bold red]: two more officers on nights "
                            "from January.[2J"}
    assert cli("pulse").stdout.startswith("You have not read any")
    shown = cli("pulse", "read", str(answer))
    assert shown.exit_code == 0, shown.stderr
    assert "[bold red]We did[/bold red]: two more officers on nights from January." in shown.stdout
    assert "\x1b" not in shown.stdout
    assert f"The answer to the team pulse for week {week}" in shown.stdout
    again = cli("pulse", "read", str(answer))
    assert "first read" in again.stdout
    listed = cli("pulse").stdout.splitlines()
    assert listed[0] == "Team pulse reports and answers you have read:"
    assert listed[1:] == [f"  {week}  answer: You said: staffing. (read {dt.datetime.now(dt.UTC).date()})"]


def test_respond_takes_words_only_from_standard_input(cli, tmp_path):
    result = cli("pulse", "respond", "--week", iso(last_week()))
    assert result.exit_code == 2 and "--from-stdin" in result.stderr
    assert cli("pulse", "respond", "--week", iso(last_week()), "--from-stdin", input="  \n").exit_code == 2


def test_read_refuses_a_tampered_answer_and_records_nothing(cli, tmp_path, db_path):
    bad = tmp_path / "answer.json"
    bad.write_text(json.dumps({"format": "resilience-pulse-response", "version": 1, "week": iso(last_week()),
                               "text": "hello\x1b]8;;http://x\x1b\\", "from": "HQ"}))
    result = cli("pulse", "read", str(bad))
    assert result.exit_code == 2 and result.stderr.startswith(f"{bad} holds something")
    bad.write_text(json.dumps({"format": "resilience-pulse-response", "version": 1, "week": iso(last_week()),
                               "text": "hello\x1b[31m"}))
    result = cli("pulse", "read", str(bad))
    assert result.exit_code == 2 and "control characters" in result.stderr
    assert not db_path.exists()


def test_a_merged_report_is_read_back_and_listed(cli, tmp_path):
    team(tmp_path / "in", 6)
    report = tmp_path / "team.json"
    assert cli("pulse", "merge", str(tmp_path / "in"), "--format", "json", "-o", str(report)).exit_code == 0
    shown = cli("pulse", "read", str(report))
    assert shown.exit_code == 0, shown.stderr
    assert "6 people took part." in shown.stdout and "What it is not: a measure of any one person" in shown.stdout
    assert cli("pulse").stdout.splitlines()[1].startswith(f"  {iso(last_week())}  team report: 6 took part")
    report.write_text(report.read_text().replace('"high": 6', '"high": "six, all of us"'))
    assert cli("pulse", "read", str(report)).exit_code == 2


def test_html_report_escapes_and_holds_the_sentences(cli, tmp_path):
    team(tmp_path / "in", 5)
    result = cli("pulse", "merge", str(tmp_path / "in"), "--format", "html")
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert "What it is not: a measure of any one person" in result.stdout
    assert "&quot;fewer than 5&quot;" in result.stdout


# -- the same figures from DuckDB ---------------------------------------------------------

def _readme_query() -> str:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    return readme.split("```sql\n", 1)[1].split("```", 1)[0]


def test_the_readme_duckdb_query_gives_merges_figures(cli, tmp_path, monkeypatch):
    duckdb = pytest.importorskip("duckdb")
    import random

    rng = random.Random(7)
    folder = tmp_path / "pulses"
    for i in range(40):
        pulse_file(folder, f"a{i}.json", **{q: rng.choice(sorted(bands)) for q, bands in ALLOWED.items()})
    for i in range(12):  # a second week
        pulse_file(folder, f"b{i}.json", week=iso(last_week() - dt.timedelta(days=7)),
                   **{q: rng.choice(sorted(bands)) for q, bands in ALLOWED.items()})
    (folder / "copy.json").write_bytes((folder / "a0.json").read_bytes())
    for i in range(3):  # a week too small to report
        pulse_file(folder, f"c{i}.json", week=iso(last_week() - dt.timedelta(days=14)))
    merged = json.loads(cli("pulse", "merge", str(folder), "--format", "json").stdout)
    monkeypatch.chdir(tmp_path)
    con = duckdb.connect()
    rows = con.execute(_readme_query()).fetchall()
    from_sql: dict = {}
    for week, participants, question, band, people in rows:
        from_sql.setdefault(week, {"participants": participants, "counts": {}})
        from_sql[week]["counts"].setdefault(question, {})[band] = people
    assert sorted(from_sql) == sorted(w["week"] for w in merged["weeks"])
    compared = 0
    for week in merged["weeks"]:
        sql = from_sql[week["week"]]
        assert sql["participants"] == week["participants"]
        for question, bands in week["counts"].items():
            for band, shown in bands.items():
                raw = sql["counts"].get(question, {}).get(band, "0")
                if shown == "not shown" or (shown == "fewer than 5" and raw == "0"):
                    continue  # hidden by merge as a complement; the query hides small counts only
                assert str(shown) == raw, (week["week"], question, band)
                compared += 1
    assert compared > 50


@pytest.mark.parametrize("name", ["export", "merge", "respond", "read"])
def test_every_pulse_command_has_help_with_an_example(cli, name):
    result = cli("pulse", name, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout and "resilience pulse" in result.stdout.split("Example", 1)[1]


def test_the_list_of_reads_creates_nothing_on_a_fresh_home(cli, home):
    result = cli("pulse")
    assert result.exit_code == 0
    assert result.stdout == ("You have not read any team pulse reports or answers yet. Bring one in with: "
                             "resilience pulse read FILE\n")
    assert not home.exists()


def test_ctrl_c_at_the_question_writes_nothing(cli, terminal, tmp_path, monkeypatch):
    check_in_last_week(cli)
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("\x03")
        result = cli("pulse", "export")
    assert result.exit_code == 130 and result.stderr == "Cancelled; nothing was written.\n"
    assert list((tmp_path / "here").iterdir()) == []


def test_export_to_standard_output_keeps_the_preview_off_it(cli, terminal):
    check_in_last_week(cli)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("8" + ENTER + "y" + ENTER)
        result = cli("pulse", "export", "--output", "-")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)  # the file alone
    assert data["helps_most"] == "nothing" and WHO_CAN_READ in result.stderr


def test_the_answer_goes_to_standard_output_without_output(cli):
    result = cli("pulse", "respond", "--week", iso(last_week()), "--from-stdin", input="We heard you.\r\n")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["text"] == "We heard you."


def test_a_future_week_cannot_be_answered(cli):
    ahead = iso(last_week() + dt.timedelta(days=21))
    result = cli("pulse", "respond", "--week", ahead, "--from-stdin", input="Soon.")
    assert result.exit_code == 2 and f"Week {ahead} is not over" in result.stderr


def test_read_refuses_an_officers_own_pulse_file(cli, tmp_path):
    path = pulse_file(tmp_path, "mine.json")
    result = cli("pulse", "read", str(path))
    assert result.exit_code == 2 and "is a pulse file: it is read by whoever merges them" in result.stderr
