"""The third kind of exposure: hostile or distressing interactions, from the record to the summary."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import days_ago, rows, today

from resilience_cli.model import CheckIn
from resilience_cli.rules.engine import RuleContext, evaluate
from resilience_cli.sample import demo_story

TO = dt.date(2026, 11, 27)


def ten_hostile_days(cli) -> None:
    """Ten days: eight working days, six of them with some or a lot of hostile contact."""
    levels = {9: 3, 8: 2, 7: None, 6: 3, 5: 1, 4: 2, 3: None, 2: 3, 1: 2, 0: 0}
    for ago, level in levels.items():
        flags = ["--shift", "rest"] if level is None else ["--shift", "late", "--interactions", str(level)]
        result = cli("checkin", "--date", days_ago(ago), *flags, "--mood", "6", "--support", "3",
                     "--switch-off", "1" if (level or 0) >= 2 else "3", "--no-input")
        assert result.exit_code == 0, result.stderr


def test_a_hostile_fortnight_shows_everywhere(cli, tmp_path):
    ten_hostile_days(cli)
    # log: its own column, and in JSON and CSV
    table = cli("log", "--days", "10").stdout.splitlines()
    assert table[0].split()[:5] == ["Day", "Shift", "Incident", "Mat.", "Host."]
    assert table[1].split()[:5] == [days_ago(9), "late", "-", "-", "3"]
    assert [r["interactions"] for r in json.loads(cli("log", "--days", "10", "--format", "json").stdout)] == [
        3, 2, None, 3, 1, 2, None, 3, 2, 0]
    assert "interactions" in cli("log", "--format", "csv").stdout.splitlines()[0].split(",")
    # trends: a row, the exposure counts, and JSON
    text = cli("trends", "--days", "10").stdout
    assert "Hostile or distressing interactions" in text and "Hostile contact" not in text
    assert "Hostile or distressing interactions: a lot on 3 days, some on 3 days, a little on 1 day, none on 1 day." in (
        " ".join(text.split()))
    data = json.loads(cli("trends", "--days", "10", "--format", "json").stdout)
    assert data["metrics"]["interactions"]["count"] == 8
    assert data["metrics"]["interactions"]["mean"] == 2.0
    assert data["exposure"]["interaction_days"] == {"0": 1, "1": 1, "2": 3, "3": 3}
    assert data["exposure"]["heavy_exposure_days"] == 6
    # Two other working days: fewer than three a side, so no comparison yet.
    assert "switch_off_with_heavy_interactions" not in [c["id"] for c in data["comparisons"]]
    cli("checkin", "--date", days_ago(10), "--shift", "day", "--interactions", "0", "--switch-off", "3",
        "--no-input")
    data = json.loads(cli("trends", "--days", "11", "--format", "json").stdout)
    [comparison] = [c for c in data["comparisons"] if c["id"] == "switch_off_with_heavy_interactions"]
    assert (comparison["with"]["mean"], comparison["with"]["count"]) == (1.0, 6)
    assert (comparison["without"]["mean"], comparison["without"]["count"]) == (3.0, 3)
    assert "on days with heavy hostile or distressing interactions" in " ".join(cli("trends", "--days", "11").stdout.split())
    # tips: R21 with the person's own numbers
    tips = json.loads(cli("tips", "--format", "json").stdout)
    [r21] = [i for i in tips if i["rule"] == "R21"]
    assert r21["why"] == "Some or a lot of hostile or distressing interactions on 5 of your last 7 working days."
    why = " ".join(cli("tips", "--why").stdout.split())
    assert "Hershcovis" in why and "Journal of Organizational Behavior" in why
    # the summary counts every level
    summary = cli("summary", "--from", days_ago(9), "--no-input").stdout
    assert "Hostile or distressing interactions" in summary
    assert "a lot: 3 days; some: 3 days; a little: 1 day; none: 1 day" in summary


def test_the_flag_is_checked(cli, db_path):
    result = cli("checkin", "--interactions", "4", "--no-input")
    assert (result.exit_code, result.stderr) == (
        2, ("Hostile or distressing interactions (--interactions): 4 is not a whole number from 0 (none) "
            "to 3 (a lot). Nothing was saved.\n"))
    assert not db_path.exists()


def _day(ago: int, **answers) -> CheckIn:
    base = {"shift": "day", "incident": "none", "material": 0, "support": 2, "mood": 6}
    return CheckIn(id=str(ago), date=(TO - dt.timedelta(days=ago)).isoformat(), **{**base, **answers})


@pytest.mark.parametrize("hostile_days,level,fires", [(3, 2, False), (4, 2, True), (4, 3, True), (6, 1, False)])
def test_r21_just_under_and_at_its_threshold(hostile_days, level, fires):
    records = [_day(ago, interactions=level if ago < hostile_days else 0) for ago in range(7)]
    assert ("R21" in [i.rule for i in evaluate(RuleContext(to=TO, records=records))]) is fires


def test_r21_counts_working_days_only():
    # Four hostile days among five working days, with rest days between.
    records = [_day(ago, interactions=2) if ago in (0, 2, 4, 6) else _day(ago, shift="rest")
               for ago in range(7)] + [_day(7, interactions=0)]
    [item] = [i for i in evaluate(RuleContext(to=TO, records=records)) if i.rule == "R21"]
    assert item.why == "Some or a lot of hostile or distressing interactions on 4 of your last 5 working days."


def test_r3_counts_hostile_days_as_exposure():
    low_support = [_day(ago, interactions=2, support=1 if ago < 3 else 3) for ago in range(4)]
    quiet = [_day(ago, interactions=1) for ago in range(4, 7)]
    assert "R3" in [i.rule for i in evaluate(RuleContext(to=TO, records=low_support + quiet))]
    milder = [_day(ago, interactions=1, support=1) for ago in range(7)]
    assert "R3" not in [i.rule for i in evaluate(RuleContext(to=TO, records=milder))]


def test_a_journal_from_before_the_question_upgrades_and_keeps_every_answer(home, db_path, cli):
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    from resilience_cli.store.migrations import MIGRATION_SET, MIGRATIONS

    home.mkdir(mode=0o700)
    old = Database(db_path)
    history = Migrations(MIGRATION_SET)
    for fn in MIGRATIONS[:6]:  # the journal as the release before this one left it
        history()(fn)
    history.apply(old)
    old.conn.execute("PRAGMA journal_mode = wal")
    old.conn.execute(
        "INSERT INTO checkins (id, date, shift, material, mood, note, created_at, updated_at) VALUES "
        "('6f1c1a52-1c9f-4a43-9b62-2f57e8d8a0c1', ?, 'day', 2, 5, 'kept', '2026-01-01T00:00:00Z', "
        "'2026-01-01T00:00:00Z')", (days_ago(1),))
    old.conn.commit()
    old.close()
    db_path.chmod(0o600)
    shown = cli("show", "yesterday")
    assert shown.exit_code == 0, shown.stderr
    cli("checkin", "--interactions", "2", "--no-input")  # a write: the journal upgrades
    [before, now] = rows(db_path)
    assert (before["shift"], before["material"], before["mood"], before["note"], before["interactions"]) == (
        "day", 2, 5, "kept", None)
    assert now["interactions"] == 2
    applied = [r["name"] for r in rows(db_path, "SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert applied == [fn.__name__ for fn in MIGRATIONS]  # every later migration applied too


def test_an_export_from_before_imports_with_the_question_skipped(cli, tmp_path, db_path):
    record = {"type": "checkin", "id": "6f1c1a52-1c9f-4a43-9b62-2f57e8d8a0c1", "date": days_ago(2),
              "shift": "night", "material": 1, "mood": 7, "created_at": "2026-01-01T00:00:00Z",
              "updated_at": "2026-01-01T00:00:00Z"}
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"format": "resilience", "version": 1, "records": [record]}))
    result = cli("import", str(old))
    assert result.exit_code == 0, result.stderr
    [row] = rows(db_path)
    assert (row["shift"], row["material"], row["interactions"]) == ("night", 1, None)
    # And a new export carries it, and comes back whole.
    cli("checkin", "--date", days_ago(2), "--interactions", "3", "--no-input")
    out = tmp_path / "new.json"
    assert cli("export", "--output", str(out)).exit_code == 0
    [exported] = [r for r in json.loads(out.read_text())["records"] if r["type"] == "checkin"]
    assert exported["interactions"] == 3


def test_the_growth_line_is_kept_shown_back_and_only_in_a_summary_that_includes_reflections(cli):
    result = cli("reflect", "--connected", "3", "--no-input")
    assert result.exit_code == 0
    from resilience_cli.config import paths
    from resilience_cli.store import JournalStore

    with JournalStore.open(paths().database, create=False) as store:
        week = dt.date.fromisoformat(store.reflections.since(today() - dt.timedelta(days=7))[0].week)
        store.reflections.save(week, today(), {"proud": "kept calm on a hard landing"})
        conn_rows = store.reflections.since(week)
    assert conn_rows[0].proud == "kept calm on a hard landing" and conn_rows[0].connected == 3
    cli("checkin", "--mood", "6", "--no-input")
    start = (week - dt.timedelta(days=1)).isoformat()
    plain = cli("summary", "--from", start, "--no-input").stdout
    assert "kept calm" not in plain
    included = cli("summary", "--from", start, "--no-input", "--include", "reflection").stdout
    assert "learned or quietly proud of: kept calm on a hard landing" in included


def test_the_demo_story_has_a_hostile_run_that_fires_r21():
    story = demo_story(TO)
    end = TO - dt.timedelta(days=8)
    ctx = RuleContext(to=end, records=[r for r in story.checkins if r.date <= end.isoformat()])
    assert "R21" in [i.rule for i in evaluate(ctx)]
    assert "hostile or distressing interactions" in story.description
    # Rest days in the run have no interactions answer: it is not asked on a rest day.
    assert all(r.interactions is None for r in story.checkins if r.shift == "rest")


def test_a_check_in_keeps_its_prompt_targets_with_the_new_question():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    try:
        import keystrokes
    finally:
        sys.path.pop(0)
    import contextlib
    import io
    import os

    saved = os.environ.get("RESILIENCE_HOME")
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            counts = keystrokes.measure()
    finally:
        if saved is not None:
            os.environ["RESILIENCE_HOME"] = saved
    by_name = {c.persona.name: c for c in counts}
    working = by_name["a working day, no incident"]
    assert working.questions <= 12 and working.keys <= 25
    assert by_name["a rest day"].questions <= 10
    assert keystrokes.report(counts) == []
