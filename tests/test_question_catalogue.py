"""The question catalogue: each check-in question described once (issue 23).

Its words are data (data/questions.toml), the rest is on model.FieldSpec;
the prompt flow, trends, `show` and the summary read them, so a question is
added in a handful of places. The caffeine test measures that handful.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import resilience_cli
from resilience_cli.model import FIELD_SPECS
from resilience_cli.question_words import TICKS, _load, words

PACKAGE = Path(resilience_cli.__file__).parent


# -- the words, checked on load ------------------------------------------------

def test_every_question_the_check_in_asks_has_its_words():
    catalogue = words()
    assert set(catalogue.questions) == set(FIELD_SPECS) - TICKS
    assert catalogue.question("switch_off") == "How well could you switch off from work afterwards?"
    assert catalogue.question("switch_off", rest_day=True) == "How well could you switch off from work today?"
    # A question with no rest-day wording is asked the same way on a rest day.
    assert catalogue.question("mood", rest_day=True) == "Overall, how has your mood been?"
    assert catalogue.hint("sleep_hours") == "hours, such as 6.5"
    assert catalogue.hint("alcohol_units") is None
    assert set(catalogue.pairs) == {("workload", "support"), ("sleep_hours", "sleep_quality"), ("mood", "energy")}


def _file(**changes: str) -> str:
    text = (PACKAGE / "data" / "questions.toml").read_text("utf-8")
    for old, new in changes.items():
        text = text.replace(old, new)
    return text


@pytest.mark.parametrize("changes,message", [
    ({"[questions.mood]": "[questions.moood]"}, "'moood' is not a check-in answer"),
    ({'[questions.talked]\nquestion = "': '[questions.talked]\nquestoin = "'}, "'talked' needs a question"),
    ({"[questions.supported_colleague]\nquestion": "[questions.x]\nquestion"}, "'x' is not a check-in answer"),
    ({'names = ["mood", "energy"]': 'names = ["mood"]'}, "pair 'mood_energy' needs two answers"),
])
def test_a_slip_in_the_words_file_is_refused_on_load(changes, message):
    with pytest.raises(ValueError, match=message):
        _load(_file(**changes), FIELD_SPECS)


def test_a_question_left_out_of_the_words_file_is_named():
    text = _file()
    start = text.index("[questions.nightmare]")
    text = text[:start] + text[text.index("[questions.intrusions]"):]
    with pytest.raises(ValueError, match=r"no question for \['nightmare'\]"):
        _load(text, FIELD_SPECS)


def test_the_catalogue_describes_direction_steadiness_units_and_settings():
    from resilience_cli.insights import HIGHER_IS_HARDER, STEADY_WITHIN
    from resilience_cli.render.trends import ROWS, SPARK_TOP

    assert HIGHER_IS_HARDER == {"intrusions", "material", "interactions", "alcohol_units"}
    assert STEADY_WITHIN == {"sleep_hours": 0.25, "alcohol_units": 1.0, "incidents": 0.25}
    assert SPARK_TOP == {"sleep_hours": 12.0, "alcohol_units": 14.0}
    assert ROWS[0] == ("sleep_hours", "Sleep") and ROWS[-1] == ("alcohol_units", "Alcohol")
    assert {n: s.setting for n, s in FIELD_SPECS.items() if s.setting} == {
        "alcohol_units": "alcohol_question", "supported_colleague": "colleague_question"}


@pytest.mark.parametrize("view", ["prompts", "render", "insights.py"])
def test_no_view_names_alcohol_to_special_case_it(view):
    """Alcohol's unit, direction, chart top and setting are the catalogue's: a view that
    named it would need an edit for every question added after it."""
    path = PACKAGE / view
    files = [path] if path.is_file() else sorted(path.rglob("*.py"))
    assert [f.name for f in files if "alcohol_units" in f.read_text("utf-8")] == []


# -- the caffeine measurement ------------------------------------------------------
# A daily caffeine question added end to end, in a temporary copy of the package:
# stored, exported, in trends and in the summary. Each edit is (file, old, new);
# the files it touches are the cost of a new question.

CAFFEINE = (
    # 1. The catalogue: the field and its description, and the record's attribute.
    ("model.py",
     '''                  steady_within=1.0, setting="alcohol_question", chart_top=14.0),
''',
     '''                  steady_within=1.0, setting="alcohol_question", chart_top=14.0),
        FieldSpec("caffeine", "number", 0, 40, unit="cups", steady_within=1.0),
'''),
    ("model.py",
     "    alcohol_units: float | None = None\n",
     "    alcohol_units: float | None = None\n    caffeine: float | None = None\n"),
    # 2. The migration: its column.
    ("store/migrations.py",
     "m010_phoneins, m011_pulse_reads,\n)",
     "m010_phoneins, m011_pulse_reads, m099_caffeine,\n)"),
    ("store/migrations.py",
     "\nMIGRATIONS = (",
     '\ndef m099_caffeine(db: Database) -> None:\n'
     '    db.execute("ALTER TABLE checkins ADD COLUMN caffeine REAL CHECK (caffeine >= 0)")\n'
     "\n\nMIGRATIONS = ("),
    # 3. The words: its question, label and trends label.
    ("data/questions.toml",
     "[pairs.workload_support]",
     '[questions.caffeine]\nquestion = "About how many cups of coffee, tea or energy drink did you have?"\n'
     'hint = "cups, such as 3"\nlabel = "caffeine (cups)"\ntrend_label = "Caffeine"\n\n[pairs.workload_support]'),
    # 4. The flag (Typer options are parameters: not derived).
    ("cli/checkin.py",
     '    raise_: Annotated[bool | None, typer.Option("--raise/--no-raise"',
     '    caffeine: Annotated[str | None, typer.Option(metavar="C", help="Cups of coffee, tea or '
     'energy drink.")] = None,\n'
     '    raise_: Annotated[bool | None, typer.Option("--raise/--no-raise"'),
    ("cli/checkin.py",
     '"alcohol_units": alcohol_units,',
     '"alcohol_units": alcohol_units, "caffeine": caffeine,'),
    # 5. A view that chooses to show it: the summary's snapshot (what a supervisor sees is chosen).
    # Its label and unit are the catalogue's: the view names only the field.
    ("report/document.py",
     '"mood", "energy", "support")\n',
     '"mood", "energy", "support", "caffeine")\n'),
)


def _with_caffeine(root: Path) -> Path:
    copy = root / "src" / "resilience_cli"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    for name, old, new in CAFFEINE:
        path = copy / name
        text = path.read_text("utf-8")
        assert text.count(old) == 1, f"{name}: the edit no longer fits: {old!r}"
        path.write_text(text.replace(old, new), "utf-8")
    return copy.parent


def test_a_caffeine_question_end_to_end_touches_five_files_or_fewer(tmp_path, home):
    assert len({name for name, _old, _new in CAFFEINE}) <= 5
    src = _with_caffeine(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(src), "RESILIENCE_HOME": str(home)}

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([sys.executable, "-m", "resilience_cli", *args], env=env, input=stdin,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done

    where = subprocess.run([sys.executable, "-c", "import resilience_cli; print(resilience_cli.__file__)"],
                           env=env, capture_output=True, text=True, check=True).stdout.strip()
    assert where.startswith(str(src)), "the copy, not the installed package, is what runs"

    today = dt.date.today()
    for back, cups in enumerate((2, 3, 4, 3, 5, 4, 6)):
        run("checkin", "--date", (today - dt.timedelta(days=back)).isoformat(), "--shift", "day",
            "--sleep-hours", "7", "--mood", "6", "--caffeine", str(cups), "--no-input")

    # Stored and exported.
    exported = json.loads(run("export", "--format", "json").stdout)
    records = [r for r in exported["records"] if r["type"] == "checkin"]
    assert sorted(r["caffeine"] for r in records) == [2, 3, 3, 4, 4, 5, 6]
    # In trends, with its label, unit and steadiness from the catalogue.
    trends = json.loads(run("trends", "--format", "json").stdout)
    metric = trends["metrics"]["caffeine"]
    assert (metric["count"], metric["mean"]) == (7, 3.86)
    assert "Caffeine" in run("trends").stdout
    # In `show`, with its unit.
    assert "│ Caffeine (cups)                      6 cups    │" in run("show", (today - dt.timedelta(days=6)).isoformat()).stdout
    # In the summary, in its unit.
    summary = run("summary", "--no-input", "--format", "md", "--output", "-").stdout
    assert "| Caffeine | 3.9 cups a day |" in summary
    # And asked in an interactive check-in would be: the prompt flow reads the catalogue.
    probe = ("from resilience_cli.prompts.checkin import _Flow\n"
             "flow = _Flow(None, {}, optional=frozenset())\n"
             "print([names for names, _a, _b in flow.steps()][-2:])")
    steps = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert steps.stdout.strip() == "[('caffeine',), ('note', 'raise_at_supervision', 'talking_point')]"


# -- start-up: the words are read when a question is asked, and only then ------------

def _loaded(code: str, home: Path) -> list[str]:
    probe = (f"import sys, json\n{code}\n"
             "import resilience_cli.question_words as q\n"  # imported here if not before: free
             "print(json.dumps([q.words.cache_info().currsize, 'tomllib' in sys.modules]))\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         env={"RESILIENCE_HOME": str(home), "PATH": "/usr/bin:/bin"}, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_status_and_a_flag_only_checkin_never_read_the_words(tmp_path):
    home = tmp_path / "h"
    run = "from resilience_cli.cli import run\ntry:\n    run({})\nexcept SystemExit:\n    pass"
    assert _loaded(run.format("['checkin', '--mood', '5', '--no-input']"), home) == [0, False]
    assert _loaded(run.format("['checkin', '--mood', '6', '--no-input']"), home) == [0, False]
    assert _loaded(run.format("['status']"), home) == [0, False]


def test_importing_the_prompts_reads_no_words_until_a_question_is_asked(tmp_path):
    assert _loaded("import resilience_cli.prompts", tmp_path / "h") == [0, False]
    assert _loaded("from resilience_cli.prompts.checkin import QUESTIONS", tmp_path / "h") == [1, True]
