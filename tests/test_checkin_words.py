"""The check-in command's words come from the catalogue (issue 23): the flags' help
is built from the question catalogue, the confirmation names no field, and the
tables of words other modules read are in the language being spoken."""

from __future__ import annotations

import pytest
from conftest import invoke

from resilience_cli import messages
from resilience_cli.model import FIELD_SPECS


def _tables():
    from resilience_cli import colleagues, followups
    from resilience_cli.render import words

    return {"TRIM_WORDS": followups.TRIM_WORDS, "AVOIDANCE_WORDS": followups.AVOIDANCE_WORDS,
            "AFTER_TRIM": followups.AFTER_TRIM, "KIND_WORDS": colleagues.KIND_WORDS,
            "NUMBER_WORDS": colleagues.NUMBER_WORDS, "SHORT_MATERIAL": words.SHORT_MATERIAL}


@pytest.mark.parametrize("name", ["TRIM_WORDS", "AVOIDANCE_WORDS", "AFTER_TRIM", "KIND_WORDS", "NUMBER_WORDS",
                                  "SHORT_MATERIAL"])
def test_every_table_of_words_has_its_words_in_the_catalogue(name):
    table = _tables()[name]
    assert len(table) and all(isinstance(table[key], str) and table[key] for key in table)


def test_the_tables_keep_their_english_word_for_word():
    from resilience_cli.followups import AVOIDANCE_WORDS, TRIM_WORDS

    assert dict(TRIM_WORDS) == {"used": "yes, and I used it", "offered": "offered, not used",
                                "no": "not offered", "not_available": "not available where I work"}
    assert AVOIDANCE_WORDS[2] == "somewhat" and list(AVOIDANCE_WORDS) == [0, 1, 2, 3, 4]


def test_the_confirmation_names_every_averaged_answer_from_the_catalogue():
    from resilience_cli.aftercare import AVERAGED
    from resilience_cli.render.confirmation import _label

    assert [_label(name) for name in AVERAGED] == ["sleep", "sleep quality", "mood", "energy"]


def test_every_question_given_by_flag_has_its_help_built_for_it():
    from resilience_cli.cli.checkin import _flag_help

    flags = [n for n in FIELD_SPECS if n not in ("note", "talking_point")]
    helps = {n: _flag_help(n) for n in flags}
    assert all(text.endswith(".") and len(text) > 10 for text in helps.values()), helps
    assert helps["mood"] == "Mood: 0 (very low) to 10 (very good)."
    assert helps["material"] == "Distressing material: none, a-little, some or a-lot (or 0 to 3)."
    assert helps["shift"].startswith("Kind of day: rest, day, late, night, long (long or extended shift),")


def test_a_run_without_help_builds_no_help(home, monkeypatch):
    from resilience_cli.cli import checkin

    built = []
    real = checkin._flag_help
    monkeypatch.setattr(checkin, "_flag_help", lambda name: built.append(name) or real(name))
    assert invoke("checkin", "--mood", "5", "--no-input").exit_code == 0
    assert invoke("--help").exit_code == 0 and invoke("edit", "--help").exit_code == 0
    assert built == []
    assert invoke("checkin", "--help").exit_code == 0
    assert "mood" in built


def test_the_help_is_in_the_language_of_the_run(tmp_path, monkeypatch):
    """Typer builds the options on every run: the help is read then, never frozen at import."""
    import importlib.util
    import sys
    from pathlib import Path

    tool = Path(__file__).resolve().parent.parent / "tools" / "catalogues.py"
    spec = importlib.util.spec_from_file_location("catalogues", tool)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("catalogues", module)
    spec.loader.exec_module(module)
    module.write_pseudo(tmp_path)
    monkeypatch.setenv("RESILIENCE_TEST_LOCALES", str(tmp_path))
    monkeypatch.setenv("COLUMNS", "200")
    messages._catalogues.clear()
    try:
        assert "The duty day: YYYY-MM-DD" in invoke("checkin", "--help").stdout
        pseudo = invoke("--lang", "qps", "checkin", "--help").stdout
        assert "The duty day" not in pseudo and "⟦Ţĥé đûţý đàý" in pseudo
        assert "The duty day: YYYY-MM-DD" in invoke("checkin", "--help").stdout
    finally:
        messages._catalogues.clear()
