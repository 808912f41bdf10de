"""The supervision summary: the document model, every format, privacy, identifiers, memory."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import sqlite3
import subprocess
from html.parser import HTMLParser

import pytest
from conftest import rows, today
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from resilience_cli.model import CheckIn
from resilience_cli.report.document import Choices, build, default_period
from resilience_cli.report.html import html
from resilience_cli.report.identifiers import scan
from resilience_cli.report.text import markdown, text
from resilience_cli.store import JournalStore
from resilience_cli.supervision import Action, PastSummary

END = dt.date(2026, 11, 27)
START = dt.date(2026, 11, 14)


def ci(day: dt.date, **answers) -> CheckIn:
    return CheckIn(id=f"00000000-0000-4000-8000-{day.toordinal():012d}", date=day.isoformat(),
                   created_at="2026-01-01T00:00:00Z", updated_at="2026-01-01T00:00:00Z", **answers)


def journal() -> list[CheckIn]:
    """Two weeks before the period (steadier), two weeks in it (nights, one incident)."""
    out = []
    for i in range(28):
        day = END - dt.timedelta(days=27 - i)
        inside = day >= START
        night = inside and i % 3 == 0
        out.append(ci(day, shift="night" if night else "day",
                      incident="significant" if day == dt.date(2026, 11, 20) else "none",
                      material=2 if inside and i % 2 == 0 else 0,
                      sleep_hours=5.5 if night else 7.0 if inside else 7.5,
                      sleep_quality=5 if inside else 7, mood=6 if inside else 7, energy=5 if inside else 6,
                      switch_off=1 if night else 3, support=3, workload=2,
                      intrusions=2 if day == dt.date(2026, 11, 21) else 0, nightmare=day == dt.date(2026, 11, 21),
                      talked=i % 2 == 0, recovery=("exercise", "people") if i % 4 == 0 else ("rest",),
                      alcohol_units=2.0 if i % 7 == 0 else 0.0,
                      note="Slept badly – again ≥ 2 times; £5 taxi. Zoë helped." if day == dt.date(2026, 11, 22) else None,
                      raise_at_supervision=True if day in (dt.date(2026, 11, 20), dt.date(2026, 11, 25)) else None,
                      talking_point={dt.date(2026, 11, 20): "Support after the incident on the wing",
                                     dt.date(2026, 11, 25): "Cover for breaks on nights"}.get(day)))
    return out


def test_default_period():
    assert default_period(END, None) == (dt.date(2026, 10, 31), END)
    previous = PastSummary("p", "x", "2026-10-01", "2026-11-13")
    assert default_period(END, previous) == (START, END)


def test_the_document_on_a_fixed_journal():
    doc = build(journal(), (START, END), None, Choices())
    assert (doc.period_words, doc.checkins) == ("Saturday 14 November 2026 to Friday 27 November 2026", 14)
    # Nothing chosen, nothing reviewed: no requests section, suggestions marked as such.
    assert [s.id for s in doc.sections] == ["snapshot", "weekly", "helping", "harder", "talking_points", "actions"]
    assert doc.section("snapshot").table == (
        ("", "In this period", "Compared with the period before"),
        ("Distressing incidents", "1 significant (week of 14 Nov)", "↑ higher than before"),
        ("Distressing material", "some: 7 days; none: 7 days", "↑ higher than before"),
        ("Workload felt manageable", "2.0 of 4 (middling)", "→ about the same as before"),
        ("Sleep", "6.5 h a night (a little short)", "↓ lower than before"),
        ("Sleep quality", "5.0 of 10 (middling)", "↓ lower than before"),
        ("Switching off after work", "2.3 of 4 (middling)", "↓ lower than before"),
        ("Felt supported", "3.0 of 4 (high)", "→ about the same as before"),
    )
    # Energy, like mood, only when the officer includes it.
    with_mood = build(journal(), (START, END), None, Choices(include=frozenset({"mood"})))
    assert with_mood.section("snapshot").table[-2] == ("Energy", "5.0 of 10 (middling)", "↓ lower than before")
    assert doc.section("weekly").table == (
        ("Week of", "Sleep, hours a night (weekly average)", "Heavy-exposure days", "Significant incident"),
        ("14 Nov", "6.6", "4", "yes"),
        ("21 Nov", "6.4", "3", ""),
    )
    assert doc.section("helping").title == "What may have been helping (suggested from the check-ins, not reviewed)"
    assert doc.section("harder").bullets == (
        "Heavy exposure (an incident, an hour or more of distressing material, or some or a lot of "
        "hostile or distressing interactions) on 7 days",
        "Sleep under 6 hours on 5 nights",
        "5 night shifts",
        "Switching off was hard on 5 days",
    )
    assert doc.section("talking_points").bullets == (
        "Friday 20 November 2026: Support after the incident on the wing",
        "Wednesday 25 November 2026: Cover for breaks on nights",
    )
    assert doc.section("actions").bullets == ("No actions carried over: this is the first summary.",)
    assert [c.id for c in doc.charts] == ["sleep", "exposure"]  # mood only with --include mood
    assert doc.charts[0].labels == ("14 Nov", "21 Nov")
    assert doc.charts[0].marked == (True, False)


def test_private_sections_only_when_included():
    records = journal()
    plain = markdown(build(records, (START, END), None, Choices()))
    for private in ("Zoë helped", "Day by day", "Alcohol", "Unwanted memories", "Upsetting dreams", "units"):
        assert private not in plain
    full = markdown(build(records, (START, END), None,
                          Choices(include=frozenset({"notes", "daily", "alcohol", "intrusions"}))))
    assert "Sunday 22 November 2026: Slept badly – again ≥ 2 times; £5 taxi. Zoë helped." in full
    assert "| 2026-11-14 |" in full
    assert "About 2.0 units a week on average, on 2 days." in full
    assert "Unwanted memories from work several times or more on 1 day" in full


def test_choices_shape_the_document():
    previous = PastSummary("p", "x", "2026-10-01", "2026-11-13", ("protected_breaks",), None,
                           (Action("Book a reflective session"),))
    doc = build(journal(), (START, END), previous, Choices(
        helped=("Walking the dog",), harder=("Nights",), requests=("workload_review", "rotation"),
        request_other="A quieter desk for a week", progress=(Action("Book a reflective session", "done"),),
        new_actions=("Ask about break cover",), dropped=frozenset({"talking_points"}),
        left_out=frozenset({"talking_point:2026-11-20"})))
    assert doc.section("talking_points") is None
    assert doc.section("helping").bullets == ("Walking the dog",)
    assert doc.section("requests").bullets == (
        "A review of my workload", "Rotation or pacing away from graphic material", "A quieter desk for a week")
    assert doc.section("actions").bullets == ("Book a reflective session: done", "Ask about break cover: to discuss")


SMALL = build([ci(END, mood=7, sleep_hours=7.5, raise_at_supervision=True, talking_point="Rota")],
              (END, END), None, Choices(helped=("Walks",), harder=("Nights",)))


def test_markdown_exactly():
    assert markdown(SMALL) == """# My wellbeing summary for supervision

**Period:** Friday 27 November 2026 to Friday 27 November 2026  
**Check-ins:** 1

*This is a self-reported reflection, shared voluntarily. It is not a clinical assessment, and it is not for attendance or performance management.*

*Once given to a manager, this summary may be kept by the employer and could be disclosed like any other work record, so notes about incidents are best left out.*

## How the period has looked

|   | In this period | Compared with the period before |
|---|---|---|
| Distressing incidents | none | no earlier period to compare |
| Sleep | 7.5 h a night (7 hours or more) | no earlier period to compare |

## Week by week

| Week of | Sleep, hours a night (weekly average) | Heavy-exposure days | Significant incident |
|---|---|---|---|
| 27 Nov | 7.5 | 0 |  |

## What has been helping

- Walks

## What has been harder, and signs I notice in myself

- Nights

## Talking points

- Friday 27 November 2026: Rota

## Actions: agreed, and to discuss

- No actions carried over: this is the first summary.

---

*resilience is a personal reflection tool, not a medical device. It does not diagnose or treat anything, and nobody monitors it.*
"""


def test_text_exactly():
    assert text(SMALL) == """MY WELLBEING SUMMARY FOR SUPERVISION
====================================

Period: Friday 27 November 2026 to Friday 27 November 2026
Check-ins: 1

This is a self-reported reflection, shared voluntarily. It is not a clinical assessment, and it is not for attendance or performance management.
Once given to a manager, this summary may be kept by the employer and could be disclosed like any other work record, so notes about incidents are best left out.

How the period has looked
-------------------------
                         In this period                   Compared with the period before
  Distressing incidents  none                             no earlier period to compare
  Sleep                  7.5 h a night (7 hours or more)  no earlier period to compare

Week by week
------------
  Week of  Sleep, hours a night (weekly average)  Heavy-exposure days  Significant incident
  27 Nov   7.5                                    0

What has been helping
---------------------
  * Walks

What has been harder, and signs I notice in myself
--------------------------------------------------
  * Nights

Talking points
--------------
  * Friday 27 November 2026: Rota

Actions: agreed, and to discuss
-------------------------------
  * No actions carried over: this is the first summary.

resilience is a personal reflection tool, not a medical device. It does not diagnose or treat anything, and nobody monitors it.
"""


class Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(tag, k, v or "") for k, v in attrs]

    def handle_data(self, data):
        self.text.append(data)


def test_html_is_self_contained_with_charts():
    page = html(build(journal(), (START, END), None, Choices(include=frozenset({"notes"}))))
    parsed = Collector()
    parsed.feed(page)
    urls = [v for _, k, v in parsed.attrs if k in ("src", "href", "data", "action", "poster")]
    assert urls == []
    assert not re.search(r"url\(|@import|https?://(?!www\.w3\.org/2000/svg)", page)
    assert parsed.tags.count("svg") == 2 and parsed.tags.count("rect") >= 4
    assert ('html', 'lang', 'en-GB') in parsed.attrs
    assert "@page { size: A4" in page and "@media print" in page
    assert "Zoë helped" in "".join(parsed.text)
    assert "<script" not in page


def test_pdf_text_and_first_page(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    pytest.importorskip("fpdf", reason="the pdf extra (fpdf2) is not installable here")
    from resilience_cli.report.pdf import pdf

    data = pdf(build(journal(), (START, END), None, Choices(include=frozenset({"notes"}))))
    path = tmp_path / "s.pdf"
    path.write_bytes(data)
    words = "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    for expected in ("My wellbeing summary for supervision", "Saturday 14 November 2026",
                     "Sleep, hours a night (weekly average)", "Slept badly – again ≥ 2 times; £5 taxi. Zoë helped.",
                     "not a medical device"):
        assert expected in " ".join(words.split()), expected
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed; .ci/run installs it")
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")], check=True)
    from PIL import Image

    image = Image.open(tmp_path / "p-1.png").convert("L")
    dark = sum(image.histogram()[:128])
    assert image.size[0] > 200 and dark > 500  # real text and bars on the page, not a blank one


# Identifiers.

@pytest.mark.parametrize(
    "line,what",
    [
        ("A1234BC kicked off on the landing", "a prison number"),
        ("PNC 12/345678A came up", "a PNC ID"),
        ("CRN 12345/21 still open", "a crime reference number"),
        ("Ref AB/12345/21 from the unit", "a crime reference number"),
        ("Call back on 07700 900123", "a phone number"),
        ("Ring 0161 496 0000 tomorrow", "a phone number"),
        ("email j.smith@justice.gov.uk", "an email address"),
        ("Spoke with John Smith after", "what may be a person's name"),
    ],
)
def test_identifiers_are_flagged(line, what):
    assert what in [w.what for w in scan(line)]


@pytest.mark.parametrize(
    "line",
    ["Long night shift, quiet at the end.", "Talked to my Team Manager about breaks on Monday",
     "Spoke to Occupational Health", "Felt better after a walk; 2 hours of statements.",
     "Cover for breaks on nights", "Support after the incident on the wing", "Back on days from 14/12"],
)
def test_ordinary_lines_are_not_flagged(line):
    assert scan(line) == []


# Through the command.

@pytest.fixture
def journal_home(db_path):
    with JournalStore.open(db_path, create=True) as store:
        store.insert_many([ci(today() - dt.timedelta(days=n), mood=6, sleep_hours=7.0, shift="day",
                              raise_at_supervision=True if n == 2 else None,
                              talking_point="Talk about A1234BC and the wing" if n == 2 else None,
                              note="Met Jane Doe at court" if n == 3 else None)
                           for n in range(10)])
        store.safety_answers.add(today(), "yes")
    return db_path


def test_flagged_words_are_left_out_without_a_terminal(cli, journal_home):
    result = cli("summary", "--no-input", "--include", "notes")
    assert result.exit_code == 0, result.stderr
    assert "A1234BC" not in result.stdout and "Jane Doe" not in result.stdout
    assert "was left out: it may identify someone (a prison number (A1234BC))" in result.stderr
    assert "what may be a person's name (Jane Doe)" in result.stderr


def test_safety_answers_and_rules_never_appear(cli, journal_home, tmp_path):
    for fmt in ("md", "txt", "html"):
        out = tmp_path / f"s.{fmt}"
        result = cli("summary", "--no-input", "--format", fmt, "--output", str(out),
                     "--include", "notes", "--include", "daily", "--include", "alcohol", "--include", "intrusions")
        assert result.exit_code == 0, result.stderr
        content = out.read_text().lower()
        for never in ("safety", "thoughts of", "ending your life", "crisis", "r1", "r2 ", "samaritans", "116 123"):
            assert never not in content, (fmt, never)


def test_stdout_preview_and_files_and_memory(cli, journal_home, tmp_path, monkeypatch):
    preview = cli("summary", "--no-input")
    assert preview.stdout.startswith("# My wellbeing summary for supervision")
    assert cli("summary", "--list").stdout == "No summaries yet. Write one with: resilience summary --format html\n"
    monkeypatch.chdir(tmp_path)
    written = cli("summary", "--no-input", "--format", "html")
    path = tmp_path / f"resilience-summary-{today().isoformat()}.html"
    assert written.stderr.endswith(
        f"Wrote your summary to {path}. Once given to a manager, this summary may be kept by the employer "
        "and could be disclosed like any other work record, so notes about incidents are best left out.\n")
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    [row] = rows(journal_home, "SELECT period_from, period_to FROM summaries")
    assert row == {"period_from": (today() - dt.timedelta(days=27)).isoformat(), "period_to": today().isoformat()}
    assert cli("summary", "--list").stdout.startswith(f"{today().isoformat()}  ")


def test_the_next_summary_starts_after_the_last(cli, journal_home, tmp_path):
    conn = sqlite3.connect(journal_home)
    conn.execute("INSERT INTO summaries (id, created_at, period_from, period_to, requests, actions) VALUES "
                 f"('a', 'x', '2026-01-01', '{(today() - dt.timedelta(days=5)).isoformat()}', '[]', "
                 "'[{\"text\": \"Ask about rota\", \"status\": \"not started\"}]')")
    conn.commit()
    conn.close()
    out = cli("summary", "--no-input").stdout
    start = today() - dt.timedelta(days=4)
    assert f"**Period:** {start:%A} {start.day} {start:%B %Y} to" in out
    assert "- Ask about rota: not started" in out


@pytest.mark.parametrize(
    "args,message",
    [
        (["--include", "everything"], "--include takes notes, daily, alcohol, intrusions, packs, mood, incident, "
                                      "reflection, growth, colleagues, phonein; 'everything' is not one of them.\n"),
        (["--from", "2026-02-30"], "'2026-02-30' is not a date I can read. Use YYYY-MM-DD, today or yesterday.\n"),
    ],
)
def test_bad_input(cli, journal_home, args, message):
    result = cli("summary", "--no-input", *args)
    assert (result.exit_code, result.stderr) == (2, message)


def test_no_journal(cli, home):
    result = cli("summary", "--no-input")
    # Exit 1, the contract's "could not do its job": nothing was wrong with the input.
    assert (result.exit_code, result.stderr) == (
        1, "There are no check-ins yet, so there is nothing to summarise. Start with: resilience checkin\n")
    assert not home.exists()


def test_interactive_summary_by_keys(cli, terminal, journal_home, monkeypatch, tmp_path):
    ENTER, DOWN = "\r", "\x1b[B"
    keys = "".join([
        ENTER,                                  # private sections: none ticked
        "e" + ENTER, "\x15Talk about the wing" + ENTER,  # the flagged talking point, edited
        "d" + ENTER,                            # what helped: drop the one suggestion (sleep)...
        "Walks with the dog" + ENTER, ENTER,    # ...and add one item of their own
        ENTER,                                  # what was harder: nothing suggested, nothing added
        " " + DOWN + " " + ENTER,               # requests: workload review, protected breaks
        "Time to catch up" + ENTER,             # anything else
        "Ask about rota" + ENTER, ENTER,        # one new action
        *(["y" + ENTER] * 3), "n" + ENTER, "y" + ENTER, "y" + ENTER,  # every section but requests
    ])
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)
        result = cli("summary", "--output", str(tmp_path / "s.md"))
    assert result.exit_code == 0, result.stderr
    out = (tmp_path / "s.md").read_text()
    assert "- Walks with the dog" in out
    assert "## What I would like from my manager" not in out
    assert "Talk about the wing" in out and "A1234BC" not in out
    assert "- Ask about rota: to discuss" in out
    [row] = rows(journal_home, "SELECT requests, request_other, actions FROM summaries")
    assert json.loads(row["requests"]) == ["workload_review", "protected_breaks"]
    assert json.loads(row["actions"]) == [{"text": "Ask about rota", "status": "to discuss"}]


def test_ctrl_c_writes_nothing(cli, terminal, journal_home, monkeypatch, tmp_path):
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("\r\x03")
        result = cli("summary", "--output", str(tmp_path / "s.md"))
    assert (result.exit_code, result.stderr) == (130, "Summary cancelled; nothing was written.\n")
    assert not (tmp_path / "s.md").exists()
    assert rows(journal_home, "SELECT * FROM summaries") == []


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed; .ci/run installs it")
def test_html_in_a_real_headless_browser(cli, journal_home, tmp_path):
    page = tmp_path / "s.html"
    assert cli("summary", "--no-input", "--format", "html", "--output", str(page)).exit_code == 0
    profile = tmp_path / "profile"
    printed = tmp_path / "printed.pdf"
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0"]
    dom = subprocess.run([*flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    assert "My wellbeing summary for supervision" in dom.stdout
    assert dom.stdout.count("<svg") == 2  # sleep and heavy exposure; mood only when included
    console = [line for line in dom.stderr.splitlines() if "CONSOLE" in line or "net::ERR" in line]
    assert console == []
    subprocess.run([*flags, f"--print-to-pdf={printed}", "--no-pdf-header-footer", page.as_uri()],
                   capture_output=True, timeout=120)
    assert printed.exists() and printed.read_bytes()[:5] == b"%PDF-"


def test_pdf_without_the_extra_says_how_to_install(cli, journal_home, tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "fpdf", None)
    result = cli("summary", "--no-input", "--format", "pdf", "--output", str(tmp_path / "s.pdf"))
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        1, "PDF summaries need the optional fpdf2 library, which is not installed. Install it with: "
           "pip install 'resilience-checkin[pdf]', or choose --format html and print that.")
    assert not (tmp_path / "s.pdf").exists()
    assert rows(journal_home, "SELECT * FROM summaries") == []


@pytest.mark.parametrize(
    "name,now,before,words",
    [
        ("mood", 6.4, 6.0, "→ about the same as before"),  # within half a point of 10
        ("mood", 6.5, 6.0, "↑ higher than before"),
        ("sleep_hours", 6.0, 6.3, "↓ lower than before"),  # a quarter of an hour
        ("support", 2.0, 2.2, "→ about the same as before"),
        ("alcohol_units", 3.0, 2.2, "→ about the same as before"),  # within a unit
        ("incidents", 1, 0, "↑ higher than before"),
        ("material", 0.8, 1.2, "↓ lower than before"),
    ],
)
def test_the_summarys_arrows_agree_with_the_trends(name, now, before, words):
    """One rule for 'about the same' (insights.Change), so the summary taken into
    supervision never shows an arrow the trends screen would not."""
    from resilience_cli.insights import ARROWS, Change
    from resilience_cli.report.document import arrow

    assert arrow(name, now, before) == words
    assert words.startswith(ARROWS[Change.between(name, now, before).direction])


# -- one table of the private sections; the question catalogue drives the views ----------

def test_the_private_sections_are_named_once(cli, journal_home):
    """--include's help, its refusal and the picker all read report.sections.OPTIONAL."""
    from resilience_cli.report.sections import OPTIONAL, optional_titles

    assert list(optional_titles()) == list(OPTIONAL)
    assert optional_titles()["alcohol"] == "Alcohol"  # the question catalogue's label
    assert optional_titles()["notes"] == "My private notes"
    listed = ", ".join(OPTIONAL)
    refused = cli("summary", "--no-input", "--include", "everything")
    assert refused.stderr == f"--include takes {listed}; 'everything' is not one of them.\n"
    shown = " ".join(cli("summary", "--help").stdout.split())
    assert f"Add a private section (repeat): {', '.join(OPTIONAL[:-1])} or {OPTIONAL[-1]}." in shown


def test_an_optional_amount_question_is_a_section_drawn_from_its_catalogue_entry():
    from resilience_cli.report.sections import AMOUNTS

    assert AMOUNTS == {"alcohol": "alcohol_units"}  # from FieldSpec: a unit, and a setting that asks it
    include = Choices(include=frozenset({"alcohol"}))
    section = build(journal(), (START, END), None, include).section("alcohol")
    assert (section.title, section.paragraphs) == ("Alcohol", ("About 2.0 units a week on average, on 2 days.",))
    unanswered = [ci(START + dt.timedelta(days=n), mood=5) for n in range(3)]
    assert build(unanswered, (START, END), None, include).section("alcohol").paragraphs == (
        "No alcohol answers in this period.",)


def test_the_week_by_week_columns_take_their_words_from_the_question_catalogue():
    doc = build(journal(), (START, END), None, Choices(include=frozenset({"mood"})))
    assert [(c.id, c.title, c.unit, c.top) for c in doc.charts] == [
        ("sleep", "Sleep, hours a night (weekly average)", "hours a night", 12.0),  # FieldSpec.chart_top
        ("exposure", "Heavy-exposure days", "days", 7.0),
        ("mood", "Mood, weekly average (0 to 10)", "of 10", 10.0),
        ("energy", "Energy, weekly average (0 to 10)", "of 10", 10.0),
    ]
