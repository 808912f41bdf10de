"""Safe at the hard moments: each situation planted, and the exact words a person sees asserted."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3

import pytest
from conftest import BOX_DRAWING, checkin_keys, days_ago, flat, rows, spelled, today, write_config

from resilience_cli.contacts import REGIONS, default_contacts
from resilience_cli.prompts.basics import fit
from resilience_cli.rules.content import rule_texts, sources
from resilience_cli.safety import question

QUESTION, AGAIN = question(), question(again=True)

ENTER = "\r"


def first_run(presses: str) -> str:
    """A fresh journal asks which nation first (Enter: England)."""
    return ENTER + ENTER + presses


def distress(mood: str = "1") -> str:
    """Every question skipped but mood, low: the safety question follows."""
    return checkin_keys(mood=mood + ENTER)


DISTRESS_BOX = (
    "Support: You don't have to carry this alone Today sounds hard. Talking to someone can help, "
    "today or whenever you are ready: the people below are there to listen. If you are in "
    "immediate danger, call 999."
)


# 1. Distress always gets a route to help, whatever the safety answer.

@pytest.mark.parametrize("answer,stored", [("n", "no"), ("0", "no"), ("p", "prefer_not_to_say"), (ENTER, None)])
def test_distress_shows_a_support_box_whatever_the_answer(cli, keys, terminal, db_path, answer, stored):
    keys.send_text(first_run(distress() + answer))
    result = cli("checkin")
    assert result.exit_code == 0, result.stderr
    shown = flat(result.stdout)
    assert "Saved your check-in for" in shown
    assert DISTRESS_BOX in shown
    assert "Samaritans: call 116 123 free, 24/7, UK and Ireland" in shown
    assert "Shout: text SHOUT to 85258 free, 24/7, by text" in shown
    assert "NHS 111: call 111 and select the mental health option (usually option 2)" in shown
    assert rows(db_path, "SELECT answer FROM safety_answers") == ([] if stored is None else [{"answer": stored}])


def test_enter_alone_skips_the_safety_question(cli, keys, terminal, db_path):
    keys.send_text(first_run(distress() + ENTER))
    assert cli("checkin").exit_code == 0
    assert rows(db_path, "SELECT * FROM safety_answers") == []
    assert rows(db_path)[0]["mood"] == 1


def test_a_first_very_bad_day_without_input_gets_the_box_on_stderr(cli, db_path):
    result = cli("checkin", "--mood", "0", "--intrusions", "4", "--sleep-quality", "0", "--no-input")
    assert result.exit_code == 0
    assert result.stdout.startswith("Saved your check-in for")
    assert "carry this alone" not in result.stdout
    assert DISTRESS_BOX in flat(result.stderr)
    assert "Samaritans: call 116 123" in flat(result.stderr)
    assert rows(db_path)[0]["mood"] == 0


def test_intrusions_with_poor_sleep_are_a_trigger_too(cli):
    hard = cli("checkin", "--mood", "6", "--intrusions", "3", "--sleep-quality", "3", "--no-input")
    assert DISTRESS_BOX in flat(hard.stderr)
    easier = cli("checkin", "--date", "yesterday", "--mood", "6", "--intrusions", "3",
                 "--sleep-quality", "4", "--no-input")
    assert easier.stderr == ""


def test_a_yes_shows_the_crisis_box_then_the_incident_words(cli, keys, terminal):
    # incident: significant; mood 1
    keys.send_text(first_run(checkin_keys(incident="2", mood="1" + ENTER) + "y"))
    result = cli("checkin")
    assert result.exit_code == 0, result.stderr
    shown = flat(result.stdout)
    assert "Thank you for answering honestly. Help now: Please reach out now You don't have to carry this alone" in shown
    assert shown.index("Help now: Please reach out now") < shown.index("Support: After a significant incident")
    assert "(R1)" not in result.stdout and "(R4)" not in result.stdout
    assert "Saved your check-in" not in shown and "Tip:" not in shown


def test_after_a_yes_the_next_check_in_asks_again_gently(cli, screen, terminal, db_path):
    pipe, drawn = screen
    pipe.send_text(first_run(distress() + "y"))
    assert cli("checkin", "--date", "yesterday").exit_code == 0
    # Today nothing in the answers calls for the question: it is asked again
    # because of yesterday's yes, in words that say so.
    assert "Last time you told us" not in drawn.buffer.getvalue().decode()
    pipe.send_text(distress(mood="6") + "n")
    result = cli("checkin")
    assert result.exit_code == 0, result.stderr
    assert "Last time you told us you had had thoughts of ending your life" in " ".join(
        drawn.buffer.getvalue().decode().split())
    assert "Thank you for answering honestly" not in result.stdout
    assert "Please reach out now" not in result.stdout
    assert [r["answer"] for r in rows(db_path, "SELECT answer FROM safety_answers ORDER BY date")] == ["yes", "no"]


def test_a_later_no_ends_the_crisis_box_in_tips(cli, keys, terminal):
    keys.send_text(first_run(distress() + "y"))
    cli("checkin", "--date", "yesterday")
    assert [i["rule"] for i in json.loads(cli("tips", "--format", "json").stdout)] == ["R1"]
    keys.send_text(distress(mood="6") + "n")
    cli("checkin")
    assert "R1" not in [i["rule"] for i in json.loads(cli("tips", "--format", "json").stdout)]


def test_the_crisis_box_in_plain_has_no_box_drawing_at_all(cli, keys, terminal):
    keys.send_text(first_run(distress() + "y"))
    result = cli("--plain", "checkin")
    assert result.exit_code == 0
    out = result.stdout
    assert "Help now: Please reach out now\nYou don't have to carry this alone" in out
    assert not BOX_DRAWING.search(out)
    assert not [line for line in out.splitlines() if line.startswith(("+", "|"))]


@pytest.mark.parametrize("columns", [40, 80, 100])
@pytest.mark.parametrize("question", [QUESTION, AGAIN])
def test_the_safety_question_wraps_between_words(columns, question):
    lines = fit(question, columns).rstrip("\n").split("\n")
    assert " ".join(lines) == question  # no word split or lost
    assert all(len(line) <= columns - 3 for line in lines)
    assert len(lines) > 1


# 2. Question packs cannot smuggle in a self-harm question.

SAFE_PACK = """\
name = "check"
title = "A check"
cadence = "weekly"
attribution = "Our own words."

[[questions]]
id = "week"
text = "How was your week?"
type = "scale"
min = 0
max = 4

[[questions]]
id = "thoughts"
text = "Have you had thoughts of harming yourself?"
type = "scale"
min = 0
max = 3
safety = true
threshold = 2

[[scores]]
id = "week_score"
title = "Week"
items = ["week"]
"""


def test_a_pack_that_asks_about_self_harm_must_say_so(cli, tmp_path):
    unsafe = tmp_path / "unsafe.toml"
    unsafe.write_text(SAFE_PACK.replace("safety = true\nthreshold = 2\n", ""))
    result = cli("pack", "add", str(unsafe))
    assert result.exit_code == 2
    assert result.stderr == (
        "In unsafe.toml, question 2 (line 13) asks about suicide or self-harm, so it needs safety = true "
        "and a threshold: its answers are then kept like safety answers and never leave the journal, "
        "and an answer at the threshold shows where to get help now.\n")
    for text in ("thoughts of suicide", "Have you self-harmed?", "ending your life", "killing yourself"):
        unsafe.write_text(SAFE_PACK.replace("safety = true\nthreshold = 2\n", "").replace(
            "Have you had thoughts of harming yourself?", text))
        assert cli("pack", "add", str(unsafe)).exit_code == 2, text


def test_a_pack_safety_answer_shows_the_crisis_box_and_never_leaves(cli, tmp_path, db_path):
    path = tmp_path / "check.toml"
    path.write_text(SAFE_PACK)
    assert cli("pack", "add", str(path)).exit_code == 0
    low = cli("pack", "run", "check", "-a", "week=3", "-a", "thoughts=1", "--no-input")
    assert low.exit_code == 0 and "Please reach out now" not in low.stdout
    result = cli("pack", "run", "check", "-a", "week=3", "-a", "thoughts=2", "--no-input")
    assert result.exit_code == 0
    shown = flat(result.stdout)
    assert shown.startswith("Help now: Please reach out now You don't have to carry this alone")
    assert "Samaritans: call 116 123" in shown and "Saved your answers" not in shown
    assert [json.loads(r["answers"]) for r in rows(db_path, "SELECT answers FROM pack_answers")] == [{"week": 3}]
    assert rows(db_path, "SELECT question, value, crisis FROM pack_safety_answers") == [
        {"question": "thoughts", "value": 2, "crisis": 1}]
    assert [i["rule"] for i in json.loads(cli("tips", "--format", "json").stdout)] == ["R1"]
    cli("checkin", "--mood", "5", "--no-input")
    outputs = [cli("export", "--format", fmt).stdout for fmt in ("json", "jsonl", "csv")]
    outputs += [cli("log", "--format", fmt).stdout for fmt in ("json", "csv", "table")]
    outputs += [cli("trends", "--format", "json").stdout, cli("trends").stdout]
    summary = cli("summary", "--no-input", "--include", "packs", "--format", "txt",
                  "--output", str(tmp_path / "s.txt"))
    assert summary.exit_code == 0, summary.stderr
    outputs.append((tmp_path / "s.txt").read_text())
    for out in outputs:
        assert "thoughts" not in out and "harming" not in out and "safety" not in out.lower(), out[:200]


# 3. A safety answer can be taken back.

def _answered_yes(cli, keys):
    keys.send_text(first_run(distress() + "y"))
    assert cli("checkin").exit_code == 0


def test_deleting_a_day_deletes_its_safety_answer(cli, keys, terminal, db_path):
    _answered_yes(cli, keys)
    assert cli("delete", "today", "--yes").exit_code == 0
    assert rows(db_path, "SELECT * FROM safety_answers") == []
    assert json.loads(cli("tips", "--format", "json").stdout) == []


def test_forget_safety(cli, keys, terminal, db_path, monkeypatch):
    _answered_yes(cli, keys)
    assert "Safety:       1 safety answer, kept in the journal alone" in cli("privacy").stdout
    refused = cli("privacy", "--forget-safety", terminal=False)
    assert (refused.exit_code, refused.stderr) == (
        2, "Add --yes to remove them without being asked. Nothing was changed.\n")
    done = cli("privacy", "--forget-safety", "--yes")
    assert (done.exit_code, done.stdout) == (
        0, "Removed 1 safety answer. Backups you made earlier still hold them.\n")
    assert rows(db_path, "SELECT * FROM safety_answers") == []
    assert "Safety:       0 safety answers" in cli("privacy").stdout
    assert "Please reach out now" not in cli("tips").stdout
    assert cli("privacy", "--forget-safety", "--yes").stdout == (
        "There are no safety answers in your journal. Nothing was changed.\n")


def test_forget_safety_asks_first_in_a_terminal(cli, keys, terminal, db_path):
    _answered_yes(cli, keys)
    keys.send_text("n")
    assert cli("privacy", "--forget-safety").stdout.endswith("Nothing was changed.\n")
    assert len(rows(db_path, "SELECT * FROM safety_answers")) == 1
    keys.send_text("y")
    assert cli("privacy", "--forget-safety").stdout == (
        "Removed 1 safety answer. Backups you made earlier still hold them.\n")


# 4. Support that fits the answers given.

def test_an_incident_recorded_days_later_gets_words_for_then(cli):
    result = cli("checkin", "--date", days_ago(3), "--incident", "significant", "--no-input")
    shown = flat(result.stdout)
    assert "Support: After a significant incident Strong reactions in the days after an incident" in shown
    assert "Tetris" not in shown and "within hours" not in shown
    same_day = flat(cli("checkin", "--incident", "significant", "--no-input").stdout)
    assert "Tetris, played within hours" in same_day


def test_no_tip_names_another_occupation():
    words = re.compile(r"\b(investigators?|detectives?|moderators?|journalists?|nurses?|paramedics?)\b", re.I)
    for rule in rule_texts().values():
        for text in (*rule.variants, *rule.shift_variants, rule.lasting, *rule.alternates.values()):
            assert not words.search(text), (rule.rule, text)


def _week4_due(cli, db_path):
    cli("checkin", "--date", days_ago(28), "--incident", "significant", "--no-input")
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO followups (id, incident_date, kind, date, skipped, created_at, updated_at) "
                 f"VALUES ('a', '{days_ago(28)}', 'day3', '{days_ago(25)}', 1, 'x', 'x')")
    conn.commit()
    conn.close()


# The pointer starts on "skip", the last choice: one step down wraps to the first.
TRIM_KEYS = {"used": "\x1b[B", "offered": "\x1b[B" * 2, "no": "\x1b[B" * 3, "not_available": "\x1b[B" * 4}


@pytest.mark.parametrize("trim,words", [
    ("no", "If TRiM, a care team or peer support was not offered, you can ask for it: through your line "
           "manager, your care team or a TRiM practitioner. Your employee assistance line and your GP are there too."),
    ("not_available", "Where TRiM is not available, your employee assistance line, occupational health or your "
                      "GP can help, and so can a colleague you trust."),
    ("offered", "TRiM, a care team or peer support was offered: it is not too late to take it up."),
    ("used", "You used TRiM, a care team or peer support: they are still there if you want to talk again."),
])
def test_follow_up_closing_words_fit_the_trim_answer(cli, keys, terminal, db_path, trim, words):
    _week4_due(cli, db_path)
    # Eased: intrusions 0, sleep 8, avoidance 0, support 3, then TRiM by arrows.
    followup = "y" + "0" + "8" + ENTER + "0" + "3" + TRIM_KEYS[trim] + ENTER
    keys.send_text(checkin_keys() + followup)
    result = cli("checkin")
    assert result.exit_code == 0, result.stderr
    shown = flat(result.stdout)
    assert ("Thank you for checking in about it. If anything comes back later, support is still there. "
            + words) in shown
    assert rows(db_path, "SELECT trim FROM followups WHERE kind = 'week4'") == [{"trim": trim}]


def test_low_support_after_an_incident_lists_own_contacts_first(cli, keys, terminal, db_path, home):
    write_config(home, '[[contacts.own]]\nname = "My care team"\nhow = "call 01632 960 000"\nwhen = "weekdays"\n')
    cli("checkin", "--date", days_ago(3), "--incident", "significant", "--no-input")
    followup = "y" + "1" + "6" + ENTER + "0" + "0" + ENTER + ENTER  # the first Enter confirms the 0
    keys.send_text(checkin_keys() + followup)
    shown = flat(cli("checkin").stdout)
    assert ("You said you have felt little support since. These people are there for you: "
            "My care team: call 01632 960 000 weekdays NHS 111:") in shown


def test_r5_rests_a_week_after_a_check_in_unless_it_worsens(cli, db_path):
    # Four weeks of unwanted memories on ten days: the sustained branch.
    for ago in range(27, 0, -1):
        quiet = cli("checkin", "--date", days_ago(ago), "--intrusions", "2" if ago <= 9 else "0", "--no-input")
        assert "Memories that keep coming back" not in flat(quiet.stdout)
    first = flat(cli("checkin", "--intrusions", "2", "--no-input").stdout)  # the tenth day
    assert "Support: Memories that keep coming back Unwanted memories from work on many days" in first
    assert "after a month" not in first
    again = flat(cli("checkin", "--intrusions", "2", "--no-input").stdout)
    assert "Saved" not in again and f"{spelled(today()).rsplit(' ', 1)[0]} already had these answers: nothing changed." in again
    assert "Memories that keep coming back" not in again  # resting
    assert "Memories that keep coming back" in flat(cli("tips").stdout)  # always in tips
    cli("checkin", "--date", days_ago(11), "--intrusions", "2", "--no-input")
    worse = flat(cli("checkin", "--no-input").stdout)
    assert "Memories that keep coming back" in worse  # eleven days now: it worsened


def test_r5_is_quiet_on_a_ten_day_journal(cli):
    for ago in range(9, -1, -1):
        cli("checkin", "--date", days_ago(ago), "--intrusions", "3", "--no-input")
    assert "R5" not in [i["rule"] for i in json.loads(cli("tips", "--format", "json").stdout)]


def test_r9_no_longer_suggests_writing_the_incident_out():
    for text in rule_texts()["R9"].variants:
        assert "paper" not in text and "what, when, where" not in text and "write" not in text.lower()
        assert "colleague" in text


# 5. Signposting right for each nation.

@pytest.mark.parametrize("region,lines", [
    ("england", ["NHS 111: call 111 and select the mental health option (usually option 2)",
                 "NHS Talking Therapies: refer yourself online, no GP needed"]),
    ("wales", ["NHS 111 Wales, mental health: call 111 and press 2"]),
    ("scotland", ["NHS 24, mental health hub: call 111",
                  "Breathing Space: call 0800 83 85 87 someone to talk to; weekdays 6 pm to 2 am, "
                  "weekends from 6 pm Friday to 6 am Monday"]),
    ("northern-ireland", ["Lifeline: call 0808 808 8000 crisis support, free, 24/7"]),
])
def test_each_nation_gets_its_own_lines(cli, home, region, lines):
    write_config(home, f'[contacts]\nregion = "{region}"\n')
    out = flat(cli("help-now").stdout)
    for line in [*lines, "Samaritans: call 116 123 free, 24/7", "Shout: text SHOUT to 85258 free, 24/7"]:
        assert line in out
    others = {"england": "select the mental health option", "wales": "press 2", "scotland": "Breathing Space",
              "northern-ireland": "Lifeline"}
    assert [r for r, words in others.items() if words in out] == [region]
    assert f"These contacts are for {default_contacts(region).region_name}." in out
    shown = json.loads(cli("config", "--format", "json").stdout)["settings"]["contacts.region"]
    assert shown == {"value": region, "from": "config file"}


def test_every_contact_states_true_hours():
    for region in REGIONS:
        contacts = default_contacts(region)
        for c in (*contacts.crisis, *contacts.support):
            assert "any time" not in c.when, c
            assert ("24/7" in c.when or "hours" in c.when or re.search(r"\d (am|pm)", c.when)
                    or "arranged with you" in c.when), c


def test_samaritans_and_shout_are_in_every_support_box(cli):
    for ago in (4, 3, 2, 1):
        cli("checkin", "--date", days_ago(ago), "--mood", "2", "--no-input")
    out = flat(cli("tips").stdout)
    box = out[out.index("Support: You don't have to carry this alone"):]
    assert "Samaritans: call 116 123" in box and "Shout: text SHOUT to 85258" in box


def test_the_old_uk_region_still_reads_as_england(cli, home):
    write_config(home, '[contacts]\nregion = "uk"\n')
    assert "select the mental health option" in cli("help-now").stdout


# 6. The colleague guide covers the hardest conversation.

def test_the_colleague_guide(cli):
    out = cli("colleague").stdout
    assert "write-up" not in out
    assert ("If they mention suicide, or not wanting to be here\n"
            "  Take it seriously, and ask directly: \"Are you thinking about ending your life?\"") in out
    assert "If they are in immediate danger, call 999." in out
    assert "Don't promise to keep it secret: confidentiality gives way when a life is at risk." in out
    assert "Don't go over the incident together for a statement" in out


# 7. help-now never fails, and is found however it is asked for.

HOSTILE = """\
[[contacts.own]]
name = "Peer support [/]"
how = "call 111 [option 2]"
when = "[bold]weekdays[/bold] \\u001b]0;owned\\u0007 [link=https://evil.example]here[/link]"
"""


def test_hostile_contacts_are_shown_as_written(cli, home):
    write_config(home, HOSTILE)
    result = cli("help-now")
    assert result.exit_code == 0 and result.stderr == ""
    out = flat(result.stdout)
    assert "Peer support [/]: call 111 [option 2]" in out
    assert "[bold]weekdays[/bold] ]0;owned [link=https://evil.example]here[/link]" in out
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    for ago in (4, 3, 2, 1):
        cli("checkin", "--date", days_ago(ago), "--mood", "2", "--no-input")
    tips = cli("tips")
    assert tips.exit_code == 0 and "Peer support [/]: call 111 [option 2]" in flat(tips.stdout)
    low = cli("checkin", "--mood", "1", "--no-input")
    assert low.exit_code == 0, low.stderr
    assert "Peer support [/]: call 111 [option 2]" in flat(low.stdout)
    assert "this is a bug" not in low.stderr


def test_a_broken_settings_file_still_gives_the_numbers_with_a_warning(cli, home):
    write_config(home, "this is [ not toml")
    result = cli("help-now")
    assert result.exit_code == 0
    assert result.stderr == "Your settings file could not be read, so these are the built-in contacts.\n"
    assert "Samaritans: call 116 123" in flat(result.stdout)


@pytest.mark.parametrize("args", [["help-now"], ["help-now", "--plain"], ["--plain", "help-now"], ["help"],
                                  ["crisis"], ["sos"], ["SOS"], ["helpnow"], ["help_now"], ["hlep-now"],
                                  ["help-no"], ["helpp-now"]])
def test_help_however_it_is_asked_for(cli, args):
    result = cli(*args)
    assert (result.exit_code, result.stderr) == (0, "")
    assert "Samaritans: call 116 123" in flat(result.stdout)
    if "--plain" in args:
        assert not BOX_DRAWING.search(result.stdout)


@pytest.mark.parametrize("args", [["chekin"], ["log", "--dayz", "3"], ["show"]])
def test_every_usage_error_ends_with_the_way_to_help(cli, args):
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stderr.endswith("\nIf you need help now: resilience help-now\n")


@pytest.mark.parametrize("columns", [30, 40, 45, 60, 100])
def test_phone_numbers_are_never_split_or_cut(cli, home, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    write_config(home, '[contacts]\nregion = "scotland"\n\n[[contacts.own]]\nname = "My care team"\n'
                       'how = "call 01632 960 000 or 01632 960 001"\nwhen = "weekdays 8 am to 6 pm"\n')
    out = cli("help-now").stdout
    for number in ("999", "116 123", "85258", "111", "0800 83 85 87", "01632 960 000", "01632 960 001"):
        assert any(number in line for line in out.splitlines()), (columns, number)
    assert "…" not in out


# 8. Sources that say what we claim.

def test_every_rule_names_sources_that_exist_in_full():
    known = sources()
    for rule in rule_texts().values():
        assert rule.sources, rule.rule
        for key in rule.sources:
            assert key in known, (rule.rule, key)
    for source in known.values():
        assert source.author and source.year and source.title and source.where and source.supports
        assert source.kind in ("study", "guidance", "practice", "principle", "heuristic")


def test_the_corrected_citations():
    assert [sources()[k].kind for k in rule_texts()["R18"].sources] == ["principle"]
    assert "heuristic" in [sources()[k].kind for k in rule_texts()["R20"].sources]
    assert "trickey2012" not in rule_texts()["R20"].sources
    assert rule_texts()["R7"].sources == ("nhs-sleep",)
    assert rule_texts()["R17"].sources == ("wendsche2017", "brewin2000", "nhs-sleep")
    assert rule_texts()["R2"].sources == ("nhs-low-mood", "nhs-talking-therapies")
    assert "nice-ng116" not in rule_texts()["R4"].sources and "trim" in rule_texts()["R4"].sources
    assert "most linked" not in " ".join(rule_texts()["R3"].variants)
    assert "small effects, in studies mostly of therapists" in rule_texts()["R3"].variants[0]
    assert "As TRiM does" in rule_texts()["R4"].variants[0]


def test_notes_talking_points_and_plans_are_shown_as_written(cli, db_path):
    note = "[/bold] [link=https://evil.example]here[/link] \x1b]0;owned\x07 done"
    assert cli("checkin", "--note-stdin", "--raise", input=note).exit_code == 0
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE checkins SET talking_point = ?", ("[red]breaks[/red] \x1b[2J",))
    conn.commit()
    conn.close()
    result = cli("show", "today")
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    assert "Private note [/bold] [link=https://evil.example]here[/link] ]0;owned done" in out
    assert "Talking point [red]breaks[/red] [2J" in out
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


def test_a_plan_with_markup_in_it_does_not_break_tips(cli, db_path):
    cli("checkin", "--mood", "6", "--no-input")
    last_week = today() - dt.timedelta(days=today().weekday() + 7)
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO reflections (id, week, date, try_next, created_at, updated_at) "
                 f"VALUES ('r', '{last_week}', '{last_week}', 'a walk [/bold] \x1b[31m', 'x', 'x')")
    conn.commit()
    conn.close()
    result = cli("tips")
    assert result.exit_code == 0, result.stderr
    assert "Last week you planned to try: a walk [/bold] [31m" in result.stdout


def test_enter_at_the_follow_up_offer_asks_next_time(cli, keys, terminal, db_path):
    cli("checkin", "--date", days_ago(3), "--incident", "significant", "--no-input")
    keys.send_text(checkin_keys() + ENTER)  # Enter through everything, the offer included
    result = cli("checkin")
    assert result.exit_code == 0, result.stderr
    assert rows(db_path, "SELECT * FROM followups") == []  # not answered, not skipped: asked again
    keys.send_text(checkin_keys() + "y" + ENTER * 5 + "n")  # the first Enter confirms the y
    assert cli("checkin").exit_code == 0
    assert rows(db_path, "SELECT kind, trim FROM followups") == [{"kind": "day3", "trim": "no"}]


def test_the_followup_command_never_creates_a_check_in(cli, keys, terminal, db_path):
    incident = days_ago(3)  # read once: a run that crosses midnight must agree with itself
    cli("checkin", "--date", incident, "--incident", "significant", "--no-input")
    keys.send_text("2" + "5" + ENTER + "1" + "3" + "o")
    result = cli("followup")
    assert result.exit_code == 0, result.stderr
    shown = flat(result.stdout)
    # Which incident and which follow-up, first; the year is left out when it is this year's.
    day = dt.date.fromisoformat(incident)
    heading = f"Day 3 after the significant incident on {spelled(day) if day.year != today().year else spelled(day).rsplit(' ', 1)[0]}."
    assert shown.startswith(f"{heading} Saved your follow-up about the incident on {spelled(day)}.")
    assert "TRiM, a care team or peer support was offered: it is not too late to take it up." in shown
    assert rows(db_path, "SELECT kind, intrusions, sleep_quality, avoidance, support, trim FROM followups") == [
        {"kind": "day3", "intrusions": 2, "sleep_quality": 5, "avoidance": 1, "support": 3, "trim": "offered"}]
    assert [r["date"] for r in rows(db_path)] == [incident]  # no check-in for today
    assert cli("status").stdout.startswith("No check-in yet today.")
