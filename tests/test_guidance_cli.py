"""Tips, the safety question, follow-ups, the reflection and settings, through the CLI."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from conftest import checkin_keys, days_ago, rows, today, write_config

ENTER = "\r"


ALL_FLAGS = ["--shift", "day", "--incident", "none", "--material", "0", "--workload", "2",
             "--sleep-hours", "6.5", "--sleep-quality", "6", "--no-nightmare", "--intrusions", "0",
             "--switch-off", "2", "--energy", "6", "--talked", "--support", "2",
             "--recovery", "exercise", "--no-raise"]


def checkin(cli, ago: int, *extra: str):
    result = cli("checkin", "--date", days_ago(ago), *extra, "--no-input")
    assert result.exit_code == 0, result.stderr
    return result


def short_sleep_week(cli):
    for ago in range(6, 0, -1):
        checkin(cli, ago, "--sleep-hours", "5" if ago % 2 else "7", "--mood", "6")


def test_tips_on_a_new_home(cli, home):
    result = cli("tips")
    assert " ".join(result.stdout.split()) == (
        "No tips yet: they need a few check-ins from the last week to go on. Help is always "
        "there: resilience help-now"
    )
    assert cli("tips", "--format", "json").stdout == "[]\n"
    assert not home.exists()


def test_tips_json_is_the_contract(cli):
    short_sleep_week(cli)
    items = json.loads(cli("tips", "--format", "json").stdout)
    assert [i["rule"] for i in items] == ["R6"]
    assert set(items[0]) == {"rule", "level", "title", "text", "why", "sources"}
    assert (items[0]["level"], items[0]["why"]) == ("tip", "Sleep under 6 hours on 3 of your last 7 nights.")


def test_tips_text_and_why(cli):
    short_sleep_week(cli)
    plain = cli("tips").stdout
    assert "Tip: Short sleep (R6)" in plain and "Why:" not in plain
    explained = " ".join(cli("tips", "--why").stdout.replace("│", " ").split())
    assert "Why: Sleep under 6 hours on 3 of your last 7 nights." in explained
    assert "Sources: NHS (n.d.), Insomnia; How to get to sleep. nhs.uk" in explained


def test_silencing_from_the_command_line(cli):
    short_sleep_week(cli)
    until = today() + dt.timedelta(days=13)  # two weeks, today included
    # Written out here, not with the program's own date words.
    words = f"{until:%A} {until.day} {until:%B} {until.year}"
    assert cli("tips", "--silence", "r6").stdout == f"R6 is quiet until {words}.\n"
    assert json.loads(cli("tips", "--format", "json").stdout) == []
    assert cli("tips", "--unsilence", "R6").stdout == "R6 can show again.\n"
    assert [i["rule"] for i in json.loads(cli("tips", "--format", "json").stdout)] == ["R6"]
    refused = cli("tips", "--silence", "R2")
    assert (refused.exit_code, refused.stderr) == (
        2, "R2 is about support or safety, so it cannot be silenced. Nothing was changed.\n")
    unknown = cli("tips", "--silence", "R42")
    assert unknown.exit_code == 2


def test_after_a_check_in_at_most_two_tips(cli):
    for ago in range(6, 0, -1):
        checkin(cli, ago, "--sleep-hours", "5", "--sleep-quality", "2", "--nightmare",
                "--switch-off", "0", "--recovery", "rest", "--mood", "6")
    result = checkin(cli, 0, "--sleep-hours", "5", "--mood", "6")
    tips_shown = result.stdout.count("Tip: ")
    assert tips_shown == 2
    all_items = json.loads(cli("tips", "--format", "json").stdout)
    assert len([i for i in all_items if i["level"] == "tip"]) > 2
    assert "Why these? resilience tips --why" in result.stdout


def test_support_box_shows_own_contacts_first(cli, home):
    home.mkdir(exist_ok=True)
    (home / "config.toml").write_text(
        '[[contacts.own]]\nname = "EAP line"\nhow = "call 0800 000 000"\nwhen = "24 hours"\n')
    for ago in (4, 3, 2, 1):
        checkin(cli, ago, "--mood", "2")
    out = cli("tips").stdout
    assert "Support: You don't have to carry this alone" in out and "(R2)" not in out
    assert out.index("EAP line") < out.index("Your employee")
    help_now = cli("help-now").stdout
    assert help_now.index("EAP line") < help_now.index("Your GP")


# The safety question.

def distress_keys(answer: str) -> str:
    # The nation (a first run), every question skipped but mood 1, then the safety question.
    return ENTER + ENTER + checkin_keys(mood="1" + ENTER) + answer


def test_a_yes_shows_the_crisis_box_and_nothing_else(cli, keys, terminal, db_path):
    keys.send_text(distress_keys("y"))
    result = cli("checkin")
    assert result.exit_code == 0, result.stderr
    assert "Thank you for answering honestly.\n╭─ Help now: Please reach out now ───" in result.stdout
    assert "(R1)" not in result.stdout
    assert "116 123" in result.stdout
    assert "Saved your check-in" not in result.stdout
    assert "Tip:" not in result.stdout and "Support:" not in result.stdout
    assert rows(db_path)[0]["mood"] == 1
    assert rows(db_path, "SELECT date, answer FROM safety_answers") == [
        {"date": today().isoformat(), "answer": "yes"}]
    # It shows first in tips, and nowhere else, ever.
    assert [i["rule"] for i in json.loads(cli("tips", "--format", "json").stdout)] == ["R1"]
    for args in (["log", "--format", "json"], ["log", "--format", "csv"], ["trends", "--format", "json"],
                 ["show", "today"], ["trends"]):
        out = cli(*args).stdout.lower()
        assert "safety" not in out and "prefer" not in out and "thoughts" not in out, args


def test_a_no_gets_the_usual_confirmation(cli, keys, terminal, db_path):
    keys.send_text(distress_keys("n"))
    result = cli("checkin")
    assert "Saved your check-in" in result.stdout
    assert rows(db_path, "SELECT answer FROM safety_answers") == [{"answer": "no"}]


def test_no_safety_question_without_distress(cli, keys, terminal, db_path):
    keys.send_text(ENTER + ENTER + checkin_keys(mood="6" + ENTER))
    assert cli("checkin").exit_code == 0
    assert rows(db_path, "SELECT * FROM safety_answers") == []


def test_ctrl_c_at_the_safety_question_saves_nothing(cli, keys, terminal, home):
    keys.send_text(distress_keys("\x03"))
    result = cli("checkin")
    assert result.exit_code == 130
    assert not home.exists()


def test_weekly_safety_question_when_turned_on(cli, keys, terminal, home, db_path):
    home.mkdir(exist_ok=True)
    (home / "config.toml").write_text("[questions]\nsafety_weekly = true\n")
    keys.send_text(ENTER + ENTER + checkin_keys(mood="7" + ENTER) + "p")
    assert cli("checkin").exit_code == 0
    assert rows(db_path, "SELECT answer FROM safety_answers") == [{"answer": "prefer_not_to_say"}]
    keys.send_text(checkin_keys())  # amending: Enter keeps each answer; not asked again
    assert cli("checkin").exit_code == 0
    assert len(rows(db_path, "SELECT answer FROM safety_answers")) == 1


# Follow-ups after a significant incident.

def test_day_three_follow_up_once(cli, keys, terminal, db_path):
    checkin(cli, 3, "--incident", "significant")
    plain = checkin_keys()
    followup = "y" + "2" + "4" + ENTER + "1" + "3" + ENTER + ENTER  # the first Enter confirms the 3
    keys.send_text(plain + followup)
    result = cli("checkin")
    assert result.exit_code == 0, result.stderr
    assert "Strong reactions in the first days after an incident are common" in " ".join(result.stdout.split())
    [f] = rows(db_path, "SELECT incident_date, kind, date, intrusions, sleep_quality, avoidance, support, trim, skipped FROM followups")
    assert f == {"incident_date": days_ago(3), "kind": "day3", "date": today().isoformat(),
                 "intrusions": 2, "sleep_quality": 4, "avoidance": 1, "support": 3, "trim": None, "skipped": 0}
    keys.send_text(plain)  # amending today: not asked again
    assert cli("checkin").exit_code == 0
    assert len(rows(db_path, "SELECT * FROM followups")) == 1


def test_follow_up_later_asks_again_and_skip_never(cli, keys, terminal, db_path):
    checkin(cli, 4, "--incident", "significant")
    plain = checkin_keys()
    keys.send_text(plain + "s")  # not now: ask me next time
    cli("checkin", "--date", days_ago(1))
    assert rows(db_path, "SELECT * FROM followups") == []
    keys.send_text(plain + "0")  # no: skip this follow-up
    cli("checkin")
    assert rows(db_path, "SELECT kind, skipped FROM followups") == [{"kind": "day3", "skipped": 1}]


def test_week_four_still_strong_shows_the_professional_help_box(cli, keys, terminal, db_path):
    checkin(cli, 28, "--incident", "significant")
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO followups (id, incident_date, kind, date, skipped, created_at, updated_at) "
                 f"VALUES ('a', '{days_ago(28)}', 'day3', '{days_ago(25)}', 1, 'x', 'x')")
    conn.commit()
    conn.close()
    followup = "y" + "3" + "3" + ENTER + "2" + "2" + ENTER + ENTER  # the first Enter confirms the 2
    keys.send_text(checkin_keys() + followup)
    result = cli("checkin")
    assert "Support: Still strong after a month ───" in result.stdout
    assert "Effective treatments exist" in " ".join(result.stdout.replace("│", " ").split())


def test_followup_command_when_nothing_is_due(cli):
    result = cli("followup")
    assert (result.exit_code, result.stderr) == (
        1, "No follow-up is due today. They come about 3 days and 4 weeks after a significant incident.\n")


# The weekly reflection.

def test_reflection_by_flags_and_by_keys(cli, keys, terminal, db_path):
    result = cli("reflect", "--connected", "3", "--worthwhile", "4", "--no-input")
    assert result.exit_code == 0, result.stderr
    [r] = rows(db_path, "SELECT connected, worthwhile, try_next FROM reflections")
    assert r == {"connected": 3, "worthwhile": 4, "try_next": None}
    # helped, harder, connected and worthwhile (kept), something learned or proud of, then a plan.
    keys.send_text("the team" + ENTER + "nights" + ENTER + ENTER + ENTER + "kept my head" + ENTER
                   + "a walk after nights" + ENTER)
    result = cli("reflect")
    assert result.exit_code == 0, result.stderr
    [r] = rows(db_path, "SELECT helped, harder, connected, worthwhile, proud, try_next FROM reflections")
    assert r == {"helped": "the team", "harder": "nights", "connected": 3, "worthwhile": 4,
                 "proud": "kept my head", "try_next": "a walk after nights"}
    assert "Worth keeping: kept my head" in result.stdout


def test_last_weeks_plan_is_shown_back(cli, db_path):
    cli("checkin", "--mood", "6", "--no-input")
    last_week = today() - dt.timedelta(days=today().weekday() + 7)
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO reflections (id, week, date, try_next, created_at, updated_at) "
                 f"VALUES ('r', '{last_week}', '{last_week}', 'a walk after nights', 'x', 'x')")
    conn.commit()
    conn.close()
    assert "Last week you planned to try: a walk after nights" in cli("tips").stdout


def test_bad_reflection_value(cli, home):
    result = cli("reflect", "--connected", "5", "--no-input")
    assert (result.exit_code, result.stderr) == (
        2, "connected must be a whole number from 0 (not at all) to 4 (very); you gave 5.\n")
    assert not home.exists()


# Settings.


def test_config_shows_where_each_setting_comes_from(cli, home):
    write_config(home, "[questions]\nalcohol = true\n\n[thresholds]\nshort_sleep_hours = 6.5\n"
                       "\n[supervision]\nnext = 2026-12-03\n")
    out = cli("config").stdout
    assert "questions.alcohol                   true  (config file)" in out
    assert "thresholds.short_sleep_hours        6.5  (config file)" in out
    assert "thresholds.min_checkins             4  (default)" in out
    assert "supervision.next                    2026-12-03  (config file)" in out
    data = json.loads(cli("config", "--format", "json").stdout)
    assert data["settings"]["questions.alcohol"] == {"value": True, "from": "config file"}


def test_config_lists_every_setting_once_in_the_tables_order(cli, home):
    """The listing, the parser and the messages share one table (config.SETTINGS):
    every field of Settings but from_file is a setting, every threshold too."""
    from resilience_cli.config import SECTIONS, SETTINGS, Settings
    from resilience_cli.rules.thresholds import THRESHOLD_NAMES

    keys = [setting.key for setting in SETTINGS]
    assert keys[:12] == ["questions.alcohol", "questions.colleague", "questions.safety_weekly",
                         "reflection.weekly", "reflection.day", "supervision.next", "rules.silenced",
                         "contacts.region", "contacts.own", "work.service", "day.night_shift_until",
                         "display.language"]
    assert keys[12:] == [f"thresholds.{name}" for name in THRESHOLD_NAMES]
    covered = {s.attr for s in SETTINGS if not s.attr.startswith("thresholds.")} | {"thresholds"}
    assert covered == set(Settings._fields) - {"from_file"}
    assert SECTIONS == ("questions", "reflection", "supervision", "rules", "contacts", "work", "day", "display",
                        "thresholds")
    listed = json.loads(cli("config", "--format", "json").stdout)["settings"]
    assert list(listed) == [*keys, "rules.silenced_for_now"]  # the last from the journal
    write_config(home, "[wing]\nx = 1\n")
    assert cli("config").stderr.startswith(f"In {home / 'config.toml'}, [wing] is not a settings section; "
                                           "the sections are questions, reflection, supervision, rules, "
                                           "contacts, work, day, display, thresholds.")


@pytest.mark.parametrize(
    "text,message",
    [
        ("[questions]\nalcohol = maybe\n", "could not be read: Invalid value (at line 2, column 11)."),
        ("[question]\nalcohol = true\n", "[question] is not a settings section"),
        ("[thresholds]\nshort_sleep = 5\n", "thresholds.short_sleep is not a setting"),
        ("[thresholds]\nmin_checkins = 2.5\n", "thresholds.min_checkins must be a whole number of 0 or more."),
        ("[thresholds]\nshort_sleep_hours = -1\n", "thresholds.short_sleep_hours must be a number of 0 or more."),
        ("[rules]\nsilenced = [\"R1\"]\n", ('rules.silenced must be a list of tip rules such as ["R16"] (R1, R2, '
                                           "R4, R5 and R20 are about support and cannot be silenced).")),
        ("[supervision]\nnext = \"soon\"\n", "supervision.next must be a date such as 2026-12-03."),
        ("[contacts]\nregion = \"fr\"\n",
         "contacts.region must be one of england, wales, scotland, northern-ireland."),
        ("[[contacts.own]]\nname = \"x\"\n", "contacts.own (number 1) must be a table with name and how"),
        ("[contacts]\nown = \"Sam\"\n", "contacts.own must be a list of [[contacts.own]] tables."),
        ("[reflection]\nday = \"funday\"\n", 'reflection.day must be a day of the week, such as "friday".'),
        ("[questions]\ncolleague = 1\n", "questions.colleague must be true or false."),
        ("[rules]\nsilenced = \"R16\"\n", "rules.silenced must be a list of tip rules"),
        ("questions = 1\n", "questions must be a table such as [questions]."),
    ],
)
def test_config_errors_name_the_problem_and_change_nothing(cli, home, text, message):
    write_config(home, text)
    result = cli("config")
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert (home / "config.toml").read_text() == text


def test_help_now_works_even_with_a_broken_config(cli, home):
    write_config(home, "this is [ not toml")
    result = cli("help-now")
    assert result.exit_code == 0
    assert "116 123" in result.stdout


def test_threshold_from_config_changes_a_rule(cli, home):
    for ago in range(6, 0, -1):
        checkin(cli, ago, "--sleep-hours", "6.25", "--mood", "6")
    assert json.loads(cli("tips", "--format", "json").stdout) == []
    write_config(home, "[thresholds]\nshort_sleep_hours = 6.5\n")
    assert [i["rule"] for i in json.loads(cli("tips", "--format", "json").stdout)] == ["R6"]


def test_alcohol_question_from_config(cli, keys, terminal, home, db_path):
    write_config(home, "[questions]\nalcohol = true\n")
    # alcohol comes after recovery, before "anything to add"
    keys.send_text(ENTER + ENTER + checkin_keys(recovery=ENTER + "4" + ENTER))
    assert cli("checkin").exit_code == 0
    assert rows(db_path)[0]["alcohol_units"] == 4.0
