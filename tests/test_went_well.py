"""What went well beside what was hard: the good-moment tick, trends, and the summary's optional sections."""

from __future__ import annotations

import datetime as dt
import json
import re

from conftest import checkin_keys, days_ago, rows, today

from resilience_cli.reflection import week_start


def journal(cli) -> None:
    """An earlier check-in, so the next interactive one is not a first run (no welcome)."""
    assert cli("checkin", "--date", days_ago(30), "--mood", "6", "--no-input").exit_code == 0


# The tick: no question of its own.

def test_g_on_the_mood_line_ticks_a_good_moment(cli, terminal, keys, db_path):
    journal(cli)
    keys.send_text(checkin_keys(shift="2", mood="g6 5\r"))
    result = cli("checkin")
    assert result.exit_code == 0, result.stderr
    day = rows(db_path)[-1]
    assert (day["mood"], day["energy"], day["good_moment"]) == (6, 5, 1)
    shown = cli("show", "today").stdout
    assert re.search(r"│ Worthwhile moment +yes +│", shown)  # the row, however wide its column


def test_an_answered_mood_line_without_the_tick_is_no_and_a_skipped_one_skips_it(cli, terminal, keys, db_path):
    journal(cli)
    keys.send_text(checkin_keys(shift="2", mood="6 5\r"))
    cli("checkin")
    assert rows(db_path)[-1]["good_moment"] == 0
    keys.send_text(checkin_keys(shift="2"))  # the mood line skipped: so is its tick
    cli("checkin", "--date", days_ago(1))
    assert {r["date"]: r["good_moment"] for r in rows(db_path)}[days_ago(1)] is None


def test_a_rest_day_does_not_offer_the_tick(cli, terminal, keys, db_path):
    journal(cli)
    keys.send_text(checkin_keys(shift="1", mood="7 7\r"))
    assert cli("checkin").exit_code == 0
    day = rows(db_path)[-1]
    assert (day["shift"], day["mood"], day["good_moment"]) == ("rest", 7, None)
    assert "Worthwhile moment" not in cli("show", "today").stdout


def test_the_flag_show_log_and_export(cli, db_path, tmp_path):
    assert cli("checkin", "--good-moment", "--shift", "day", "--no-input").exit_code == 0
    assert cli("checkin", "--date", "yesterday", "--no-good-moment", "--no-input").exit_code == 0
    assert [r["good_moment"] for r in rows(db_path)] == [0, 1]
    assert re.search(r"│ Worthwhile moment +yes +│", cli("show", "today").stdout)
    logged = json.loads(cli("log", "--format", "json").stdout)
    assert [r["good_moment"] for r in logged] == [False, True]
    out = tmp_path / "all.csv"
    cli("export", "--format", "csv", "--output", str(out))
    header, first, second = out.read_text().splitlines()
    at = header.split(",").index("good_moment")
    assert (first.split(",")[at], second.split(",")[at]) == ("false", "true")
    bad = cli("checkin", "--good-moment", "--mood", "11", "--no-input")
    assert bad.exit_code == 2 and "Nothing was saved." in bad.stderr


def test_good_moments_survive_an_import(cli, tmp_path, monkeypatch):
    cli("checkin", "--good-moment", "--no-input")
    out = tmp_path / "all.jsonl"
    cli("export", "--format", "jsonl", "--output", str(out))
    monkeypatch.setenv("RESILIENCE_HOME", str(tmp_path / "other"))
    assert cli("import", str(out)).exit_code == 0
    assert rows(tmp_path / "other" / "journal.db")[0]["good_moment"] == 1


# Trends: what went well beside what was hard.

def reflections_file(tmp_path, *weeks: tuple[int, int, str | None]):
    """Weekly reflections (weeks ago, worthwhile 0-4, a line learned or proud of), as an export would hold them."""
    path = tmp_path / "reflections.jsonl"
    lines = []
    for n, (ago, worthwhile, proud) in enumerate(weeks, start=1):
        monday = week_start(today()) - dt.timedelta(weeks=ago)
        lines.append(json.dumps({"type": "reflection", "id": f"3f2b8c1e-0000-4000-8000-{n:012d}",
                                 "week": monday.isoformat(), "date": monday.isoformat(),
                                 "worthwhile": worthwhile, "proud": proud,
                                 "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"}))
    path.write_text("\n".join(lines) + "\n")
    return path


def seeded(cli, tmp_path):
    # Baseline (29 to 60 days ago): a good moment on one day in four. Now: one day in two.
    for n in range(60):
        good = (n % 2 == 0) if n < 28 else (n % 4 == 0)
        cli("checkin", "--date", days_ago(n), "--shift", "day", "--mood", "6",
            "--good-moment" if good else "--no-good-moment",
            *(["--supported-colleague"] if n in (1, 5) else []), "--no-input")
    cli("import", str(reflections_file(tmp_path, (1, 3, "Stayed calm at the gate"), (2, 4, None),
                                      (5, 2, "Asked for help early"), (6, 2, None), (7, 1, None))))


def test_trends_counts_what_went_well_against_the_baseline(cli, tmp_path):
    seeded(cli, tmp_path)
    cli("colleague", "remember", "G", "--incident-date", days_ago(3))
    cli("colleague", "done", "G")  # about day 3: today

    data = json.loads(cli("trends", "--format", "json").stdout)
    well = data["went_well"]
    assert (well["good_moment_days"], well["good_moment_answered"]) == (14, 28)
    assert well["good_moment_baseline"] == {"days": 8, "answered": 32, "share": 0.25}
    assert well["good_moment_daily"][-1] is True and well["good_moment_daily"][-2] is False
    # The reflections of one and two weeks ago are in the 4 weeks; five to seven weeks ago, the baseline.
    assert well["worthwhile"] == {"mean": 3.5, "count": 2, "weekly": [4, 3],
                                  "baseline": {"mean": 1.67, "count": 3}}
    assert (well["growth_lines"], well["growth_lines_baseline"]) == (1, 1)
    assert data["colleagues"] == {"supported_days": 2, "checkins_after_incidents": 1}

    out = " ".join(cli("trends").stdout.split())
    assert ("What went well A moment at work that felt worthwhile on 14 of 28 days answered; "
            "usually on 25% of days.") in out
    assert "You checked on a colleague after an incident once." in out
    assert "Work felt worthwhile: 3.5 of 4 on average over 2 weekly reflections; usually 1.7." in out
    assert "Things you learned or are quietly proud of: 1 in this period (1 in the 90 days before)." in out
    # Beside what was hard: after the exposure, before the calendar.
    assert out.index("Exposure") < out.index("What went well") < out.index("Mood by day")


# The summary's optional sections: present only when asked, and looked over.

def test_summary_sections_only_when_asked_and_counts_only(cli, tmp_path):
    seeded(cli, tmp_path)
    cli("colleague", "remember", "Gwen", "--incident-date", days_ago(3))
    cli("colleague", "done", "Gwen")
    plain = cli("summary", "--no-input", "--from", days_ago(27))
    assert plain.exit_code == 0
    for absent in ("What went well", "Looking out for colleagues", "Stayed calm at the gate", "Gwen",
                   "worthwhile moment", "check-in after"):
        assert absent.lower() not in plain.stdout.lower(), absent

    both = cli("summary", "--no-input", "--from", days_ago(27), "--include", "growth", "--include", "colleagues")
    assert both.exit_code == 0, both.stderr
    out = both.stdout
    assert "## What went well\n\n- A moment at work that felt worthwhile on 14 of 28 days answered\n" in out
    assert "learned or quietly proud of: Stayed calm at the gate" in out
    assert "## Looking out for colleagues\n\nLooked out for colleagues on 2 days; 1 check-in after an incident.\n" in out
    assert "Gwen" not in out and days_ago(3) not in out

    only_colleagues = cli("summary", "--no-input", "--from", days_ago(27), "--include", "colleagues").stdout
    assert "Looking out for colleagues" in only_colleagues and "What went well" not in only_colleagues


def test_growth_lines_are_screened_like_every_shared_word(cli, tmp_path):
    cli("checkin", "--mood", "6", "--good-moment", "--no-input")
    cli("import", str(reflections_file(tmp_path, (0, 3, "Talked Officer Smith down from the roof"))))
    result = cli("summary", "--no-input", "--include", "growth")
    assert result.exit_code == 0
    assert "Officer Smith" not in result.stdout
    assert "## What went well" in result.stdout
    assert "it may identify someone (a title and surname (Officer Smith))" in result.stderr


def test_a_journal_from_before_the_tick_upgrades_with_it_skipped(home, db_path, cli):
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    from resilience_cli.store.migrations import MIGRATION_SET, MIGRATIONS

    home.mkdir(mode=0o700)
    old = Database(db_path)
    history = Migrations(MIGRATION_SET)
    for fn in MIGRATIONS:
        if fn.__name__ < "m009":  # the journal as the releases before this one left it
            history()(fn)
    history.apply(old)
    old.conn.execute(
        "INSERT INTO checkins (id, date, shift, mood, created_at, updated_at) VALUES "
        "('6f1c1a52-1c9f-4a43-9b62-2f57e8d8a0c1', ?, 'day', 5, '2026-01-01T00:00:00Z', "
        "'2026-01-01T00:00:00Z')", (days_ago(1),))
    old.conn.commit()
    old.close()
    db_path.chmod(0o600)
    assert cli("checkin", "--good-moment", "--no-input").exit_code == 0  # a write: the journal upgrades
    assert [(r["mood"], r["good_moment"]) for r in rows(db_path)] == [(5, None), (None, 1)]
    assert cli("colleague", "remember", "G").exit_code == 0
    assert rows(db_path, "SELECT nickname FROM colleague_checks") == [{"nickname": "G"}]
