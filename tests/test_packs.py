"""Question packs: the format, scoring with reverse items, running, and answers that round-trip."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from conftest import rows, today
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from resilience_cli.errors import InvalidInput
from resilience_cli.packs import parse

EXAMPLE = resources.files("resilience_cli").joinpath("data/packs/worthwhile-work.toml").read_text("utf-8")


def test_the_example_pack_is_valid_and_scores_reverse_items():
    pack = parse(EXAMPLE, "example")
    assert (pack.name, pack.cadence, [q.id for q in pack.questions]) == (
        "worthwhile-work", "weekly", ["worthwhile", "difference", "drained", "proud"])
    assert pack.score({"worthwhile": 3, "difference": 2, "drained": 1}) == {"worthwhile_work": 3 + 2 + 3}
    assert pack.score({"worthwhile": 4, "difference": 4, "drained": 0}) == {"worthwhile_work": 12}
    assert pack.score({"worthwhile": 0, "difference": 0, "drained": 4}) == {"worthwhile_work": 0}
    assert pack.score({"worthwhile": 3, "difference": 2}) == {"worthwhile_work": None}
    assert pack.score_range("worthwhile_work") == (0, 12)


def _broken(old: str, new: str) -> str:
    assert old in EXAMPLE
    return EXAMPLE.replace(old, new, 1)


@pytest.mark.parametrize(
    "text,message",
    [
        (_broken('cadence = "weekly"', 'cadence = weekly'), "p.toml is not valid TOML: Invalid value (at line 5, column 11)."),
        (_broken('name = "worthwhile-work"\n', ''), "name is missing"),
        (_broken('cadence = "weekly"', 'cadence = "hourly"'), "cadence must be one of daily, weekly, fortnightly, monthly"),
        (_broken('type = "yesno"', 'type = "free text"'), "question 4 (line 36): type must be scale or yesno"),
        (_broken('max = 4\nlow = "not at all"\nhigh = "a great deal"', 'max = 0\nlow = "x"\nhigh = "y"'),
         "question 2 (line 18): min and max must be whole numbers with min below max"),
        (_broken('items = ["worthwhile", "difference", "drained"]', 'items = ["worthwhile", "joy"]'),
         "score 1 (line 41): items: 'joy' is not one of the questions"),
        (_broken('reverse = ["drained"]', 'reverse = ["proud"]'), "score 1 (line 41): reverse: 'proud' is reversed but not one of its items"),
        (_broken('id = "difference"', 'id = "worthwhile"'), "question 2 (line 18): the id 'worthwhile' is used twice"),
        ("colour = 'blue'\n" + EXAMPLE, "colour is not part of a pack"),
    ],
)
def test_invalid_packs_name_the_problem(text, message):
    with pytest.raises(InvalidInput) as info:
        parse(text, "p.toml")
    assert message in info.value.message


def test_the_line_numbers_are_real():
    lines = EXAMPLE.splitlines()
    assert lines[36 - 1] == "[[questions]]" and 'id = "proud"' in lines[36]
    assert lines[41 - 1] == "[[scores]]"


def test_add_list_run_by_flags(cli, home, tmp_path, db_path):
    (tmp_path / "p.toml").write_text(cli("pack", "example").stdout)
    added = cli("pack", "add", str(tmp_path / "p.toml"))
    assert added.stdout.startswith("Added the pack 'worthwhile-work' (Worthwhile work): 4 questions, weekly.")
    assert oct((home / "packs" / "worthwhile-work.toml").stat().st_mode & 0o777) == "0o600"
    assert cli("pack", "list").stdout == "worthwhile-work  Worthwhile work (weekly; not answered yet; due now)\n"
    ran = cli("pack", "run", "worthwhile-work", "-a", "worthwhile=3", "-a", "difference=2", "-a", "drained=1",
              "-a", "proud=yes", "--no-input")
    assert ran.exit_code == 0, ran.stderr
    assert "  Worthwhile work (0 to 12, higher is more worthwhile): 8 (of 0 to 12)" in ran.stdout.splitlines()
    [row] = rows(db_path, "SELECT pack, date, answers FROM pack_answers")
    assert (row["pack"], row["date"], json.loads(row["answers"])) == (
        "worthwhile-work", today().isoformat(), {"worthwhile": 3, "difference": 2, "drained": 1, "proud": True})
    assert "not answered yet" not in cli("pack", "list").stdout


@pytest.mark.parametrize(
    "answer,message",
    [("worthwhile=7", "worthwhile must be a whole number from 0 to 4; you gave '7'."),
     ("joy=3", "joy is not a question of the worthwhile-work pack; its questions are worthwhile, difference, drained, proud."),
     ("proud=maybe", "proud must be yes or no; you gave 'maybe'."),
     ("worthwhile", "--answer takes ID=VALUE, such as worthwhile=3; 'worthwhile' has no '='.")],
)
def test_bad_answers(cli, tmp_path, answer, message):
    (tmp_path / "p.toml").write_text(EXAMPLE)
    cli("pack", "add", str(tmp_path / "p.toml"))
    result = cli("pack", "run", "worthwhile-work", "-a", answer, "--no-input")
    assert (result.exit_code, result.stderr) == (2, message + "\n")


def test_run_by_keys(cli, terminal, tmp_path, db_path, monkeypatch):

    (tmp_path / "p.toml").write_text(EXAMPLE)
    cli("pack", "add", str(tmp_path / "p.toml"))
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("4" "3" "\r" "\r" "n")  # the first Enter confirms the 3; drained skipped
        result = cli("pack", "run", "worthwhile-work")
    assert result.exit_code == 0, result.stderr
    assert json.loads(rows(db_path, "SELECT answers FROM pack_answers")[0]["answers"]) == {
        "worthwhile": 4, "difference": 3, "proud": False}
    assert "not all its questions answered" in result.stdout


def test_unknown_pack(cli):
    result = cli("pack", "run", "nope", "--no-input")
    assert (result.exit_code, result.stderr) == (
        1, "There is no pack called 'nope' (installed: none yet). Add one with: resilience pack add FILE\n")


def test_invalid_pack_file_is_refused_with_its_line(cli, tmp_path, home):
    (tmp_path / "bad.toml").write_text(_broken('type = "yesno"', 'type = "essay"'))
    result = cli("pack", "add", str(tmp_path / "bad.toml"))
    assert result.exit_code == 2
    assert result.stderr.startswith("In bad.toml, question 4 (line 36): type must be scale or yesno")
    assert not (home / "packs").exists()


def test_scores_in_trends_and_only_when_included_in_a_summary(cli, tmp_path, monkeypatch):
    (tmp_path / "p.toml").write_text(EXAMPLE)
    cli("pack", "add", str(tmp_path / "p.toml"))
    for n in range(3):
        cli("checkin", "--date", (today() - __import__("datetime").timedelta(days=n)).isoformat(),
            "--mood", "6", "--no-input")
    cli("pack", "run", "worthwhile-work", "-a", "worthwhile=3", "-a", "difference=2", "-a", "drained=1", "--no-input")
    data = json.loads(cli("trends", "--format", "json").stdout)
    score = data["packs"]["worthwhile-work"]["scores"]["worthwhile_work"]
    assert (score["count"], score["mean"], score["latest"], score["range"]) == (1, 8.0, 8, [0, 12])
    text = " ".join(cli("trends").stdout.split())
    assert "Worthwhile work (0 to 12, higher is more worthwhile): 8.0 on average over 1 answer, latest 8" in text
    assert "Question packs" not in cli("summary", "--no-input").stdout
    assert "Worthwhile work (0 to 12, higher is more worthwhile): 8.0 on average over 1 answer, latest 8" in \
        cli("summary", "--no-input", "--include", "packs").stdout


def test_answers_round_trip_through_export_and_import(cli, tmp_path, monkeypatch):
    (tmp_path / "p.toml").write_text(EXAMPLE)
    cli("pack", "add", str(tmp_path / "p.toml"))
    cli("pack", "run", "worthwhile-work", "-a", "worthwhile=3", "-a", "proud=no", "--no-input")
    for fmt in ("json", "jsonl"):
        out = tmp_path / f"e.{fmt}"
        cli("export", "--format", fmt, "--output", str(out))
        other = tmp_path / f"other-{fmt}"
        monkeypatch.setenv("RESILIENCE_HOME", str(other))
        result = cli("import", str(out))
        assert "question pack answers: 1 new" in result.stdout
        [row] = rows(other / "journal.db", "SELECT pack, answers FROM pack_answers")
        assert json.loads(row["answers"]) == {"worthwhile": 3, "proud": False}
        assert "question pack answers: 0 new, 0 updated, 1 unchanged" in cli("import", str(out)).stdout
        monkeypatch.setenv("RESILIENCE_HOME", str(tmp_path / "home"))


def test_a_shipped_pack_speaks_the_language_but_a_changed_one_is_shown_as_written(tmp_path, monkeypatch):
    """The shipped pack's words come from the catalogue; words someone changed stay theirs."""
    import importlib.util
    from pathlib import Path

    from resilience_cli import messages
    from resilience_cli.packs import in_language, texts

    tool = Path(__file__).resolve().parent.parent / "tools" / "catalogues.py"
    spec = importlib.util.spec_from_file_location("catalogues_for_packs", tool)
    catalogues = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(catalogues)
    catalogues.write_pseudo(tmp_path)
    assert ("packs.worthwhile-work.questions.worthwhile.text", "How worthwhile did your work feel this week?") in texts()
    changed = parse(EXAMPLE.replace("How drained did the work leave you this week?", "Our own words?"), "mine")
    monkeypatch.setenv("RESILIENCE_TEST_LOCALES", str(tmp_path))
    messages._catalogues.clear()
    try:
        assert in_language(changed) == changed  # English: as written
        messages.use(catalogues.PSEUDO)
        shown = in_language(changed)
        assert shown.title.startswith("⟦") and shown.question("worthwhile").text.startswith("⟦")
        assert shown.question("drained").text == "Our own words?"
        assert shown.question("drained").high.startswith("⟦")  # the words left as shipped
        assert in_language(parse(EXAMPLE.replace("worthwhile-work", "not-shipped"), "x")).title == "Worthwhile work"
    finally:
        messages.reset()
        messages._catalogues.clear()
