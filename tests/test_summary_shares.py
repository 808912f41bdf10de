"""What the summary shares: every word the officer types screened, mood and energy private,
suggestions that say how many days, a preview drawn as tables, and a PDF of years."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import sqlite3
import subprocess
from dataclasses import replace

import pytest
from conftest import days_ago, rows, spelled, today
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.plain_text import PlainTextOutput
from test_summary_truth import rendered, words

from resilience_cli.insights import Window
from resilience_cli.model import CheckIn
from resilience_cli.reflection import Reflection
from resilience_cli.report.document import Choices, build, suggest_helping
from resilience_cli.report.text import markdown
from resilience_cli.store import JournalStore
from resilience_cli.supervision import Action, PastSummary

ENTER, DOWN, CTRL_U = "\r", "\x1b[B", "\x15"
END = today()
START = END - dt.timedelta(days=27)
FORMATS = ("md", "txt", "html", "pdf")


def ci(day: dt.date, **answers) -> CheckIn:
    return CheckIn(id=f"00000000-0000-4000-8000-{day.toordinal():012d}", date=day.isoformat(),
                   created_at="2026-01-01T00:00:00Z", updated_at="2026-01-01T00:00:00Z", **answers)


def steady() -> list[CheckIn]:
    """Four weeks of day shifts and good sleep; a talk on every other day, with a better mood."""
    return [ci(START + dt.timedelta(days=i), shift="day", sleep_hours=7.5, switch_off=3, support=3,
               talked=i % 2 == 0, mood=7 if i % 2 == 0 else 5, energy=6)
            for i in range(28)]


@pytest.fixture
def journal(db_path):
    with JournalStore.open(db_path, create=True) as store:
        store.insert_many(steady())
    return db_path


def remember(db, *actions: Action) -> None:
    """A summary written before this period, whose actions are still open."""
    with JournalStore.open(db, create=False) as store:
        store.summaries.save(PastSummary("p", "2026-01-01T00:00:00Z", "2020-01-01",
                                       (START - dt.timedelta(days=1)).isoformat(), actions=actions))


# -- every word the officer types goes through the identifier check -------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_every_field_typed_into_the_summary_is_screened(cli, terminal, journal, tmp_path, fmt):
    if fmt == "pdf":
        pytest.importorskip("pypdf")
    drawn = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
    keys = "".join([
        ENTER,                                                # private sections: none
        # What has been helping: the one suggestion changed, and one item added.
        "c" + ENTER, CTRL_U + "Sleep, and a word with Sgt Smith" + ENTER,
        "Walks with DC Jones" + ENTER, ENTER,
        "short with Sgt Brown" + ENTER, ENTER,                # what has been harder: one item
        ENTER, "Time with Insp Green" + ENTER,                # requests: none ticked; anything else
        "Ask Mr Ali about cover" + ENTER, ENTER,              # one new action
        "o" + ENTER,                                          # five flagged lines: one by one
        "k" + ENTER,                                          # helping 1: keep as it is
        "d" + ENTER,                                          # helping 2: leave out
        "e" + ENTER, CTRL_U + "short with a colleague" + ENTER,  # harder: edited
        "d" + ENTER,                                          # anything else: leave out
        "e" + ENTER, CTRL_U + "Ask Mr Ali again" + ENTER,     # the action: edited, still a name...
        "e" + ENTER, CTRL_U + "Ask about cover" + ENTER,      # ...so asked again, and edited
        *(["y" + ENTER] * 6),                                 # keep every section
    ])
    path = tmp_path / f"s.{fmt}"
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=PlainTextOutput(drawn)):
        pipe.send_text(keys)
        result = cli("summary", "--format", fmt, "--output", str(path))
    assert result.exit_code == 0, result.stderr
    asked = words(drawn.buffer.getvalue().decode())
    assert "5 lines may identify someone. What would you like to do with them?" in asked
    assert ("Line 2 of what has been helping may identify someone: a title and surname (DC Jones). "
            '"Walks with DC Jones"') in asked
    assert ('Your request in your own words may identify someone: a title and surname (Insp Green). '
            '"Time with Insp Green"') in asked
    assert 'A new action may identify someone: a title and surname (Mr Ali). "Ask Mr Ali again"' in asked
    text = rendered(fmt, path)
    assert "Sleep, and a word with Sgt Smith" in text  # kept, as the officer chose
    for gone in ("DC Jones", "Sgt Brown", "Insp Green", "Mr Ali"):
        assert gone not in text, (fmt, gone)
    assert "short with a colleague" in text and "Ask about cover: to discuss" in text
    # The journal keeps the action as typed: only the shared document changed.
    [row] = rows(journal, "SELECT actions, request_other FROM summaries")
    assert json.loads(row["actions"]) == [{"text": "Ask Mr Ali about cover", "status": "to discuss"}]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_carried_action_naming_someone_is_left_out_without_a_terminal(cli, journal, tmp_path, fmt):
    if fmt == "pdf":
        pytest.importorskip("pypdf")
    remember(journal, Action("Ask Sgt Smith about the rota", "agreed"), Action("Book a reflective session"))
    path = tmp_path / f"s.{fmt}"
    result = cli("summary", "--no-input", "--format", fmt, "--output", str(path))
    assert result.exit_code == 0, result.stderr
    assert ("An action from your last summary was left out: it may identify someone (a title and surname "
            "(Sgt Smith)). Run resilience summary in a terminal to keep or edit it.\n") in result.stderr
    text = rendered(fmt, path)
    assert "Sgt Smith" not in text and "rota" not in text
    assert "Book a reflective session: to discuss" in text
    # Still the officer's action, remembered for the next summary.
    [row] = rows(journal, "SELECT actions FROM summaries WHERE id != 'p'")
    assert [a["text"] for a in json.loads(row["actions"])] == ["Ask Sgt Smith about the rota",
                                                               "Book a reflective session"]


def test_the_check_finds_the_officers_words_in_every_section():
    from resilience_cli.report import screen

    week = START + dt.timedelta(days=7)
    records = [ci(START, note="Lunch with Jane Doe", mood=5), ci(START + dt.timedelta(days=1), raise_at_supervision=True,
                                                          talking_point="Ask about A1234BC")]
    reflections = [Reflection("r", week.isoformat(), week.isoformat(), helped="Sgt Smith listened")]
    choices = Choices(include=frozenset({"notes", "reflection"}), helped=("Walks", "Walks with DC Jones"),
                      harder=("short with Sgt Smith",), request_other="Time with Insp Green",
                      progress=(Action("Ask Mr Ali", "agreed"),), new_actions=("Call PC Brown",))
    doc = build(records, (START, END), None, choices, reflections=reflections)
    found = screen.flagged(doc)
    assert [(f.own.key, f.own.where, f.problem) for f in found] == [
        ("helping:1", "Line 2 of what has been helping", "a title and surname (DC Jones)"),
        ("harder:0", "Line 1 of what has been harder", "a title and surname (Sgt Smith)"),
        ("request_other", "Your request in your own words", "a title and surname (Insp Green)"),
        ("talking_point:" + (START + dt.timedelta(days=1)).isoformat(),
         f"The talking point from {spelled(START + dt.timedelta(days=1))}", "a prison number (A1234BC)"),
        ("action:0", "An action from your last summary", "a title and surname (Mr Ali)"),
        ("new_action:0", "A new action", "a title and surname (PC Brown)"),
        (f"note:{START.isoformat()}", f"The note from {spelled(START)}", "what may be a person's name (Jane Doe)"),
        (f"reflection:{week.isoformat()}:helped", f"The reflection for the week of {spelled(week)}",
         "a title and surname (Sgt Smith)"),
    ]
    assert [f.own.key for f in screen.flagged(doc, kept={"helping:1", "harder:0"})][:1] == ["request_other"]
    # Every flagged key left out: nothing flagged remains, in any section.
    quiet = build(records, (START, END), None, replace(choices, left_out=frozenset(f.own.key for f in found)),
                  reflections=reflections)
    assert screen.flagged(quiet) == []
    page = markdown(quiet)
    for name in ("Jane Doe", "A1234BC", "Sgt Smith", "DC Jones", "Insp Green", "Mr Ali", "PC Brown"):
        assert name not in page
    assert "- Walks\n" in page
    assert screen.notes_held_back(doc, {f"note:{START.isoformat()}"}) == (
        "Your notes section was left out: all 1 note was held back because it may identify someone.")
    assert screen.notes_held_back(doc, set()) is None


def test_the_list_of_what_helped_is_edited_item_by_item():
    from resilience_cli.prompts import edit_list

    keys = "".join([
        ENTER,                                     # the first suggestion: kept
        "c" + ENTER, CTRL_U + "Walks after nights" + ENTER,  # the second: changed
        "d" + ENTER,                               # the third: dropped
        "Time with the team" + ENTER, "Music" + ENTER, ENTER,  # two added, then done
    ])
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)
        kept = edit_list("What has been helping?", ("Rest (on 4 days)", "Exercise (on 3 days)",
                                                    "Sleep of 7 hours or more (on 9 days)"))
    assert kept == ("Rest (on 4 days)", "Walks after nights", "Time with the team", "Music")


# -- mood and energy are private unless included --------------------------------------------

def write_each(cli, tmp_path, *extra) -> dict[str, str]:
    out = {}
    for fmt in FORMATS:
        if fmt == "pdf":
            pytest.importorskip("pypdf")
        path = tmp_path / f"s-{len(extra)}.{fmt}"
        result = cli("summary", "--no-input", "--format", fmt, "--output", str(path), *extra)
        assert result.exit_code == 0, result.stderr
        out[fmt] = rendered(fmt, path)
        conn = sqlite3.connect(tmp_path / "home" / "journal.db")
        conn.execute("DELETE FROM summaries")
        conn.commit()
        conn.close()
    return out


def test_mood_and_energy_appear_nowhere_unless_included(cli, journal, tmp_path):
    for fmt, text in write_each(cli, tmp_path).items():
        assert "mood" not in text.lower() and "energy" not in text.lower(), fmt
    for fmt, text in write_each(cli, tmp_path, "--include", "mood").items():
        assert "Energy 6.0 of 10 (middling)" in text, fmt
        assert re.search(r"Mood \d+\.\d of 10 \(", text), fmt  # the snapshot's own row, beside Energy
        assert ("Talking to someone trusted: mood was higher on the 14 days with a talk than on the "
                "14 days without") in text, fmt


def test_daily_values_hide_energy_with_mood(cli, journal, tmp_path):
    out = cli("summary", "--no-input", "--include", "daily").stdout
    assert "| Day | Shift | Sleep (h) | Sleep quality | Switching off | Support |" in out
    assert "Energy" not in out


# -- a suggestion from a comparison counts days inside the period --------------------------

def exercise_journal(before: int, inside: int) -> list[CheckIn]:
    """Exercise and a good mood on `before` days before the period and the first `inside`
    days of it; then a hard time (an assault), no exercise, a low mood."""
    out = [ci(START - dt.timedelta(days=n), recovery=("exercise",), mood=8) for n in range(1, before + 1)]
    for i in range(28):
        day = START + dt.timedelta(days=i)
        out.append(ci(day, recovery=("exercise",) if i < inside else ("rest",), mood=8 if i < inside else 4,
                      incident="significant" if i == inside else "none"))
    return out


@pytest.mark.parametrize("before,inside,expected", [
    (20, 0, None),  # every exercise day before the period: nothing to say about this one
    (20, 2, None),  # two days inside: fewer than the comparison's three
    (0, 3, "Exercise: mood was higher on the 3 days with exercise than on the 25 days without"),
])
def test_a_suggestion_needs_its_days_inside_the_period(before, inside, expected):
    found = [s for s in suggest_helping(exercise_journal(before, inside), Window(START, END), frozenset({"mood"}))
             if s.startswith("Exercise:")]
    assert found == ([expected] if expected else [])
    # Without mood included, nothing drawn from mood is suggested at all.
    assert not [s for s in suggest_helping(exercise_journal(before, inside), Window(START, END))
                if "mood" in s]


# -- the preview draws tables as tables -----------------------------------------------------

def test_the_preview_shows_tables_not_markdown(cli, terminal, journal, tmp_path):
    keys = ENTER + ENTER + ENTER + ENTER + ENTER + ENTER + ENTER + ("y" + ENTER) * 6
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)
        result = cli("summary", "--output", str(tmp_path / "s.md"))
    assert result.exit_code == 0, result.stderr
    shown = result.stdout.splitlines()
    assert not [line for line in shown if line.lstrip().startswith("|")]  # no Markdown pipes
    # Each row on its own line, each label whole, and at 80 columns nothing past them.
    assert max(len(line) for line in shown) <= 80
    assert [line for line in shown if line.startswith("Felt supported")][0].split() == [
        "Felt", "supported", "3.0", "of", "4", "(high)", "no", "earlier", "period", "to"]
    assert "Week by week" in shown and "How the period has looked" in shown
    week = [line for line in shown if line.startswith(f"{START.day} {START:%b}")]
    assert len(week) == 1 and week[0].split()[2:4] == ["7.5", "0"]


# -- a summary of years still makes a PDF ------------------------------------------------

def test_a_pdf_of_ten_busy_years(cli, db_path, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    from resilience_cli.sample import generate

    days = 3650
    records = [replace(r, incident="significant") if i % 12 == 0 else r
               for i, r in enumerate(generate(END, days))]
    with JournalStore.open(db_path, create=True) as store:
        store.insert_many(records)
    significant = sum(r.incident == "significant" for r in records)
    path = tmp_path / "years.pdf"
    first = END - dt.timedelta(days=days - 1)
    result = cli("summary", "--no-input", "--from", first.isoformat(), "--format", "pdf", "--output", str(path),
                 "--include", "incident", "--include", "mood")
    assert result.exit_code == 0, result.stderr
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) > 10
    text = words(" ".join(page.extract_text() for page in reader.pages[:2]))
    assert f"{significant} significant, in " in text and "weeks; the latest: week of" in text
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "20", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "page")],
                       check=True, timeout=60)
        assert list(tmp_path.glob("page*.png"))


def test_a_pdf_the_library_cannot_draw_is_a_plain_message(cli, journal, tmp_path, monkeypatch):
    fpdf = pytest.importorskip("fpdf")

    def refuse(self, *args, **kwargs):
        raise ValueError("The row with index 1 is too high and cannot be rendered on a single page")

    monkeypatch.setattr(fpdf.FPDF, "output", refuse)
    path = tmp_path / "s.pdf"
    result = cli("summary", "--no-input", "--format", "pdf", "--output", str(path))
    assert (result.exit_code, result.stderr) == (
        1, "The PDF could not be drawn (The row with index 1 is too high and cannot be rendered on a single "
           "page). Nothing was written. Choose a shorter period with --from, or --format html and print that.\n")
    assert not path.exists()
    assert rows(journal, "SELECT * FROM summaries") == []


def test_what_is_left_out_is_decided_in_the_report_not_the_command():
    from resilience_cli.report import screen

    records = [ci(START, note="Lunch with Jane Doe"), ci(START + dt.timedelta(days=1), note="A quiet shift")]
    choices = Choices(include=frozenset({"notes"}), harder=("short with Sgt Smith", "Nights"))
    doc = build(records, (START, END), None, choices)
    settled, said = screen.unattended(doc, choices)
    assert settled.left_out == {"harder:0", f"note:{START.isoformat()}"}
    assert said == [
        "Line 1 of what has been harder was left out: it may identify someone (a title and surname "
        "(Sgt Smith)). Run resilience summary in a terminal to keep or edit it.",
        f"The note from {spelled(START)} was left out: it may identify someone (what may be a person's "
        "name (Jane Doe)). Run resilience summary in a terminal to keep or edit it.",
    ]  # one note of two is still shared: the notes section stays, and nothing is said of it
    after = build(records, (START, END), None, settled)
    assert after.section("harder").bullets == ("Nights",)
    assert after.section("notes").bullets == (f"{spelled(START + dt.timedelta(days=1))}: A quiet shift",)
    # The officer's answers: None leaves out, words are shared (the same words keep them).
    answered = screen.settle(choices, {"harder:0": "short with a colleague", f"note:{START.isoformat()}": None})
    assert build(records, (START, END), None, answered).section("harder").bullets == (
        "short with a colleague", "Nights")


def test_a_chart_of_years_labels_some_weeks_and_marks_incidents_without_words():
    from resilience_cli.report.html import svg_chart
    from resilience_cli.sample import generate

    days = 3650
    records = [replace(r, incident="significant") if i % 12 == 0 else r for i, r in enumerate(generate(END, days))]
    doc = build(records, (END - dt.timedelta(days=days - 1), END), None, Choices())
    chart = doc.charts[0]
    assert len(chart.labels) == 522 and chart.labels[-1].endswith(str(END.year))  # the year, over years
    svg = svg_chart(chart)
    # Two axis labels, then a week label as often as one fits beside the next (11 characters each).
    assert 2 + 5 <= svg.count('class="label"') <= 2 + 8
    assert "▲ incident" not in svg and svg.count('class="stroke"') == sum(chart.marked)
    # Four weeks: every week labelled, every incident in words.
    short = build(records, (START, END), None, Choices()).charts[0]
    assert svg_chart(short).count('class="label"') == 2 + len(short.labels)


def test_the_preview_shows_words_as_written_and_never_runs_them():
    from rich.console import Console

    from resilience_cli.render.summary import section_preview
    from resilience_cli.report.document import Section

    console = Console(width=60, no_color=True, highlight=False)
    with console.capture() as shown:
        console.print(section_preview(Section("talking_points", "Talking points",
                                              bullets=("[bold]loud[/bold] \x1b[31mred",),
                                              table=(("Week of", "Sleep"), ("[red]9 Nov", "7.5")))))
    lines = [line.rstrip() for line in shown.get().splitlines()]
    assert lines[:2] == ["Talking points", "- [bold]loud[/bold] [31mred"]
    assert lines[-2] == "[red]9 Nov  7.5"


def test_an_edit_that_changes_nothing_is_asked_about_again(cli, terminal, journal, tmp_path):
    drawn = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
    keys = "".join([
        ENTER,                                   # private sections: none
        ENTER, "short with Sgt Smith" + ENTER, ENTER,  # helping: keep the suggestion, add one
        ENTER,                                   # harder: nothing
        ENTER, ENTER, ENTER,                     # no requests, nothing else, no action
        "e" + ENTER, ENTER,                      # flagged: "edit", the words left as they were...
        "k" + ENTER,                             # ...so asked again: kept, knowingly
        *(["y" + ENTER] * 5),
    ])
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=PlainTextOutput(drawn)):
        pipe.send_text(keys)
        result = cli("summary", "--output", str(tmp_path / "s.md"))
    assert result.exit_code == 0, result.stderr
    asked = words(drawn.buffer.getvalue().decode())
    flagged = ('Line 2 of what has been helping may identify someone: a title and surname (Sgt Smith). '
               '"short with Sgt Smith" What would you like to do?')
    # Asked, edited to the same words, asked again, kept.
    edited = asked.index(f"{flagged} edit it for this summary")
    same = asked.index("Your words for the summary: short with Sgt Smith", edited)
    assert asked.index(f"{flagged} keep it as it is", same) > same
    assert "- short with Sgt Smith\n" in (tmp_path / "s.md").read_text()


def test_a_talking_point_left_out_is_not_called_none_marked(cli, tmp_path):
    """Without a terminal a flagged talking point is left out; the section says a day was
    marked, never "None marked", and never the words."""
    for day in (days_ago(2), days_ago(1)):
        result = cli("checkin", "--date", day, "--raise", "--talking-point-stdin", "--no-input",
                     input="Rota cover with Mr Jones 07700 900123\n")
        assert result.exit_code == 0, result.stderr
    out = cli("summary", "--no-input").stdout
    section = out.split("## Talking points\n", 1)[1].split("\n## ", 1)[0]
    assert section.strip() == ("- 2 days were marked to raise; the words are left out here because they may "
                               "identify someone.")
    assert "Jones" not in out and "07700" not in out
