"""Question packs with subscales: reverse-scored items, bands, and a credit line, checked by hand."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import rows, today

from resilience_cli.clock import TEST_NOW
from resilience_cli.errors import InvalidInput
from resilience_cli.packs import parse

README = (Path(__file__).parent.parent / "README.md").read_text("utf-8")

# Made up for this test: four questions on a 0-4 scale, two subscales sharing one item.
SUBSCALES = """\
name = "two-scales"
title = "Two scales"
cadence = "monthly"
attribution = "Made up for the tests; credit line shown after every run."

[[questions]]
id = "a"
text = "First made-up question?"
type = "scale"
min = 0
max = 4

[[questions]]
id = "b"
text = "Second made-up question?"
type = "scale"
min = 0
max = 4

[[questions]]
id = "c"
text = "Third made-up question?"
type = "scale"
min = 0
max = 4

[[questions]]
id = "d"
text = "Fourth made-up question?"
type = "scale"
min = 0
max = 4

[[scores]]
id = "first"
title = "First subscale"
items = ["a", "b", "c"]
reverse = ["b"]
bands = [
  { upto = 4, words = "lower" },
  { upto = 8, words = "middle" },
  { upto = 12, words = "higher" },
]

[[scores]]
id = "second"
title = "Second subscale"
items = ["c", "d"]
reverse = ["d"]
bands = [{ upto = 3, words = "lower" }, { upto = 8, words = "higher" }]
"""


def test_subscales_with_reversed_items_and_bands_by_hand():
    pack = parse(SUBSCALES, "two.toml")
    answers = {"a": 3, "b": 1, "c": 2, "d": 4}
    # By hand: first = a + (4 + 0 - b) + c = 3 + 3 + 2 = 8; second = c + (4 + 0 - d) = 2 + 0 = 2.
    assert pack.score(answers) == {"first": 8, "second": 2}
    first, second = pack.scores
    assert (first.band(8), second.band(2)) == ("middle", "lower")
    # The edges: a band holds its own `upto`, the next starts one above.
    assert [first.band(v) for v in (0, 4, 5, 12)] == ["lower", "lower", "middle", "higher"]
    assert pack.score_range("first") == (0, 12) and pack.score_range("second") == (0, 8)
    assert pack.score({"a": 3, "b": 1}) == {"first": None, "second": None}


def _with(old: str, new: str) -> str:
    assert old in SUBSCALES
    return SUBSCALES.replace(old, new, 1)


@pytest.mark.parametrize("text,message", [
    (_with('reverse = ["b"]', 'reverse = ["b"]\nweights = [1, 2, 1]'),
     "In two.toml, score 1 (line 34): weights is not part of a score; a score has id, title, items, reverse, bands."),
    (_with('id = "second"', 'id = "first"'), "In two.toml, score 2 (line 45): id: the score id 'first' is used twice."),
    (_with('items = ["c", "d"]', 'items = "c, d"'),
     'In two.toml, score 2 (line 45): items must be a list of question ids in quotes, such as ["q1", "q2"].'),
    (_with('items = ["c", "d"]', 'items = []'),
     "In two.toml, score 2 (line 45): items is empty; a score needs at least one question."),
    (_with('items = ["a", "b", "c"]', 'items = ["a", "b", "a"]'), "In two.toml, score 1 (line 34): items: 'a' is listed twice."),
    (_with('reverse = ["d"]', 'reverse = ["e"]'), "In two.toml, score 2 (line 45): reverse: 'e' is not one of the questions."),
    (_with('{ upto = 8, words = "middle" }', '{ upto = 3, words = "middle" }'),
     "In two.toml, score 1 (line 34): bands: band 2 goes up to 3, which is not above band 1's 4; list the bands lowest first."),
    (_with('{ upto = 12, words = "higher" }', '{ upto = 11, words = "higher" }'),
     "In two.toml, score 1 (line 34): bands: the last band must go up to the highest score, 12; it goes up to 11."),
    (_with('{ upto = 4, words = "lower" }', '{ upto = 4, label = "lower" }'),
     'In two.toml, score 1 (line 34): bands: band 1 must be { upto = N, words = "..." } and nothing else.'),
    (_with('{ upto = 4, words = "lower" }', '{ upto = "4", words = "lower" }'),
     "In two.toml, score 1 (line 34): bands: band 1's upto must be a whole number; it is '4'."),
    (_with('{ upto = 4, words = "lower" }', '{ upto = -1, words = "lower" }'),
     "In two.toml, score 1 (line 34): bands: band 1 goes up to -1, below the lowest score, 0."),
    (_with('bands = [{ upto = 3, words = "lower" }, { upto = 8, words = "higher" }]', 'bands = "low, high"'),
     'In two.toml, score 2 (line 45): bands must be a list of { upto = N, words = "..." }, lowest first.'),
])
def test_malformed_subscales_are_refused_naming_the_line_and_field(text, message):
    with pytest.raises(InvalidInput) as info:
        parse(text, "two.toml")
    assert info.value.message == message


def test_the_line_numbers_are_real():
    lines = SUBSCALES.splitlines()
    assert lines[34 - 1] == lines[45 - 1] == "[[scores]]"


def test_a_run_shows_each_subscale_its_band_and_the_credit_line(cli, tmp_path, db_path):
    path = tmp_path / "two.toml"
    path.write_text(SUBSCALES)
    assert cli("pack", "add", str(path)).exit_code == 0
    result = cli("pack", "run", "two-scales", "-a", "a=3", "-a", "b=1", "-a", "c=2", "-a", "d=4", "--no-input")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1:] == [
        "  First subscale: 8 (of 0 to 12; middle)",
        "  Second subscale: 2 (of 0 to 8; lower)",
        "  Made up for the tests; credit line shown after every run.",
    ]
    # Scores are computed, never stored: the answers are.
    [row] = rows(db_path, "SELECT pack, answers FROM pack_answers")
    assert row == {"pack": "two-scales", "answers": '{"a": 3, "b": 1, "c": 2, "d": 4}'}


def test_the_readme_example_pack_parses_and_scores_as_it_says():
    """The README's two-item made-up pack, copied from its TOML block, scores as the README works it."""
    block = re.search(r"```toml\n(name = \"my-made-up-pack\".*?)```", README, re.S)
    assert block is not None
    pack = parse(block.group(1), "README")
    assert pack.score({"purpose": 4, "flat": 2}) == {"purpose": 8}
    assert pack.scores[0].band(8) == "higher"
    assert "4 + (5 + 1 - 2) = 8" in README


def test_trends_and_the_summary_show_each_score_with_its_band(cli, tmp_path, monkeypatch):
    """The band `pack run` prints is beside the latest score in trends and in the summary's packs section.

    The band's words are the officer's own (from their pack file): shown as typed, never read as markup.
    """
    path = tmp_path / "two.toml"
    path.write_text(_with('{ upto = 8, words = "middle" }', '{ upto = 8, words = "[b]middle <ish>" }'))
    assert cli("pack", "add", str(path)).exit_code == 0
    noon = dt.datetime.combine(today(), dt.time(12))
    runs = {7: ("a=0", "b=4", "c=0", "d=4"), 0: ("a=3", "b=1", "c=2", "d=4")}  # first 0 then 8; second 0 then 2
    for back, answers in runs.items():
        monkeypatch.setenv(TEST_NOW, (noon - dt.timedelta(days=back)).isoformat())
        args = [x for a in answers for x in ("-a", a)]
        assert cli("pack", "run", "two-scales", *args, "--no-input").exit_code == 0
    trends = " ".join(cli("trends").stdout.split())
    assert "First subscale: 4.0 on average over 2 answers, latest 8 ([b]middle <ish>; scores run 0 to 12)." in trends
    assert "Second subscale: 1.0 on average over 2 answers, latest 2 (lower; scores run 0 to 8)." in trends
    summary = cli("summary", "--no-input", "--include", "packs").stdout
    flat = " ".join(summary.split())
    # Markdown (standard output) escapes the officer's words so they show as typed.
    assert r"First subscale: 4.0 on average over 2 answers, latest 8 (\[b\]middle &lt;ish&gt;; scores run 0 to 12)" in flat
    assert "Second subscale: 1.0 on average over 2 answers, latest 2 (lower; scores run 0 to 8)" in flat
    html = tmp_path / "s.html"
    assert cli("summary", "--no-input", "--include", "packs", "--format", "html", "-o", str(html)).exit_code == 0
    assert "latest 8 ([b]middle &lt;ish&gt;; scores run 0 to 12)" in html.read_text("utf-8")
