"""`resilience trends` through the CLI: exact content at 80 and 40 columns, JSON, edges."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from conftest import spelled, today

from resilience_cli.model import CheckIn
from resilience_cli.store import JournalStore

END = dt.date(2026, 3, 29)  # the UK clocks went forward that morning


def add(db_path, records):
    with JournalStore.open(db_path, create=True) as store:
        store.insert_many(records)


def ci(day: dt.date, **answers) -> CheckIn:
    return CheckIn(id=day.isoformat(), date=day.isoformat(), created_at="x", updated_at="x", **answers)


@pytest.fixture
def journal(db_path):
    """Four weeks to END, four before, and a steady baseline before those."""
    records = []
    for i in range(120):
        day = END - dt.timedelta(days=i)
        if i in (3, 10):
            continue  # two gaps in the window
        recent = i < 28
        night = i % 4 in (2, 3)
        records.append(ci(
            day,
            shift="night" if night else "day",
            incident="significant" if i == 5 else "none",
            material=2 if i % 3 == 0 else 0,
            graphic=i == 6,
            sleep_hours=(5.5 if night else 7.0) if recent else 7.5,
            sleep_quality=5 if recent else 7,
            mood=6 if recent else 7,
            energy=None if i == 0 else 6,
            switch_off=2,
            support=3,
            workload=2,
            intrusions=1 if recent else 0,
            talked=i % 2 == 0,
            recovery=("exercise",) if i % 5 == 0 else ("people",),
        ))
    add(db_path, records)


def test_trends_on_a_new_home_creates_nothing(cli, home):
    result = cli("trends")
    assert (result.exit_code, result.stdout) == (0, "No check-ins yet. Start with: resilience checkin\n")
    assert not home.exists()


def test_trends_nearly_empty(cli, db_path):
    add(db_path, [ci(today(), mood=5), ci(today() - dt.timedelta(days=1), mood=6)])
    result = cli("trends")
    assert result.exit_code == 0
    start = today() - dt.timedelta(days=27)
    assert " ".join(result.stdout.split()) == (
        f"There is not much to show yet: 2 check-ins from {spelled(start)} to "
        f"{spelled(today())}. After a few check-ins, your averages, a calendar and what "
        "goes together will appear here."
    )


def test_dashboard_at_80_columns(cli, journal):
    result = cli("trends", "--to", END.isoformat())
    assert result.exit_code == 0, result.stderr
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert all(len(line) <= 80 for line in lines)
    assert "\x1b[" not in result.stdout
    assert lines[0] == "Your last 4 weeks"
    assert lines[1] + " " + lines[2] == (
        "Monday 2 March 2026 to Sunday 29 March 2026: you checked in on 26 of these 28 days."
    )
    rows = {line.split("  ")[0]: line for line in lines if re.match(r"^[A-Z][a-z ]+ {2,}\d", line)}
    # 28 days: 14 nights at 5.5 h (i % 4 in 2, 3) and 14 days at 7 h, less the two
    # gaps (i = 3, 10: both nights): (12 * 5.5 + 14 * 7) / 26 = 6.31 h.
    assert rows["Sleep"] == "Sleep              6.3 h  ↓ down 1.2 h on the previous 4 weeks; usual 7.5 h"
    assert rows["Mood"] == "Mood               6.0/10  ↓ down 1.0 on the previous 4 weeks; usual 7.0/10"
    assert rows["Unwanted memories"] == (
        "Unwanted memories  1.0/4  ↑ up 1.0 on the previous 4 weeks; usual 0.0/4")
    assert rows["Felt supported"] == "Felt supported     3.0/4  → same as the previous 4 weeks; usual 3.0/4"
    assert "Alcohol" not in rows  # never answered: no row
    text = "\n".join(lines)
    assert "  Incidents: 1 significant." in text
    assert "  Distressing material: some on 9 days, none on 17 days." in text
    assert "  Violent or graphic images or video on 1 day." in text
    assert "What goes together" in text
    flat = " ".join(text.split())
    assert "Sleep around night shifts: 5.5 h on average, against 7.0 h around day shifts (12 and 14 days)." in flat
    assert "not that one causes the other" in flat
    assert "Mood by day (0 very low to 10 very good)" in text


def test_sparkline_shows_gaps_as_dots_not_zeros(cli, journal):
    lines = cli("trends", "--to", END.isoformat()).stdout.splitlines()
    sleep_spark = lines[lines.index(next(line for line in lines if line.startswith("Sleep  "))) + 1].strip()
    assert len(sleep_spark) == 28
    # Gaps 3 and 10 days before the end: positions 24 and 17 of 28.
    assert sleep_spark[24] == "·" and sleep_spark[17] == "·"
    assert sleep_spark.count("·") == 2
    assert "▁" not in sleep_spark


def test_calendar_of_a_chosen_metric(cli, journal):
    out = cli("trends", "--to", END.isoformat(), "--metric", "sleep_hours").stdout
    lines = out.splitlines()
    start = lines.index("Sleep by day")
    # The window starts on Monday 2 March 2026: four whole weeks, one a column.
    assert " ".join(lines[start + 1:start + 3]).split()[:5] == ["Weeks", "from", "Monday", "2", "March"]
    grid = lines[start + 3:start + 11]
    assert grid[0].split() == ["2", "9", "16", "23"]
    assert grid[1].split() == ["M", "5.5", "7", "7", "5.5"]
    assert grid[4].split() == ["T", "7", "7", "·", "·"]  # Thursdays 19 and 26 March: no check-in
    assert grid[7].split() == ["S", "7", "5.5", "5.5", "7"]


def test_dashboard_at_40_columns_keeps_numbers_whole(cli, journal, monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    result = cli("trends", "--to", END.isoformat())
    assert result.exit_code == 0
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert all(len(line) <= 40 for line in lines)
    for whole in ("6.3 h", "6.0/10", "1.0/4", "7.5 h"):
        assert any(whole in line for line in lines), whole
    assert not any(re.search(r"\d\.$|\d/$|^\s*/\d|^\s*\.\d", line) for line in lines)


def test_json_matches_the_contract(cli, journal):
    result = cli("trends", "--to", END.isoformat(), "--days", "7", "--format", "json")
    data = json.loads(result.stdout)
    assert data["window"] == {"from": "2026-03-23", "to": "2026-03-29", "days": 7}
    assert data["checked_in_days"] == 6
    mood = data["metrics"]["mood"]
    assert (mood["mean"], mood["count"], mood["min"], mood["max"]) == (6.0, 6, 6.0, 6.0)
    assert data["metrics"]["energy"]["count"] == 5
    assert data["metrics"]["alcohol_units"] == {**data["metrics"]["alcohol_units"], "mean": None, "count": 0}
    assert data["exposure"]["significant_incidents"] == 1


def test_json_on_an_empty_home_is_still_the_contract(cli, home):
    data = json.loads(cli("trends", "--format", "json", "--days", "7").stdout)
    assert data["metrics"]["mood"]["count"] == 0
    assert data["window"]["days"] == 7
    assert not home.exists()


@pytest.mark.parametrize(
    "args,message",
    [
        (["--metric", "pulse"], "--metric must be one of material, interactions, workload, sleep_hours, sleep_quality, "
                                "intrusions, switch_off, mood, energy, support, alcohol_units; you gave 'pulse'."),
        (["--days", "0"], "--days must be a whole number of days from 1 upwards; you gave 0."),
        (["--to", "31/03/2026"], "'31/03/2026' is not a date I can read. Use YYYY-MM-DD, today or yesterday."),
    ],
)
def test_bad_input(cli, args, message):
    result = cli("trends", *args)
    assert (result.exit_code, result.stderr) == (2, message + "\n")


def test_colour_only_when_allowed(cli, journal, monkeypatch):
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = cli("trends", "--to", END.isoformat()).stdout
    assert re.search(r"\x1b\[[0-9;]*3[0-8]", coloured)  # a colour code, so the next check can fail
    monkeypatch.setenv("NO_COLOR", "1")
    plain = cli("trends", "--to", END.isoformat()).stdout
    assert not re.search(r"\x1b\[[0-9;]*(3[0-8]|4[0-8]|9[0-7])[;m]", plain)
