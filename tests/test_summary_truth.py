"""A summary the officer can stand behind: the same truth in every format, nothing unseen,
nothing unsaid, nothing understated, no identifier kept unasked, no Markdown that runs."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import io
import json
import re
import sqlite3
from html.parser import HTMLParser

import pytest
from conftest import rows, spelled, today
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.plain_text import PlainTextOutput

from resilience_cli.cli import common
from resilience_cli.model import CheckIn
from resilience_cli.report.document import Choices, build
from resilience_cli.report.identifiers import scan
from resilience_cli.report.text import markdown
from resilience_cli.store import JournalStore

ENTER, DOWN = "\r", "\x1b[B"
END = today()
START = END - dt.timedelta(days=27)
INCIDENT = START + dt.timedelta(days=9)  # in the second week

# One note for each kind of identifier: none may reach a summary unasked.
IDENTIFIERS = {
    "a prison number": "a1234bc kicked off again",
    "a case reference number": "Read up on X123456 before the visit",
    "a date of birth": "His DOB 03/04/1988 was wrong on the file",
    "a postcode": "Home visit near SW1A 1AA ran late",
    "a National Insurance number": "Form had AB 12 34 56 C on it",
    "a vehicle registration": "Car AB12 CDE parked outside again",
    "a title and surname": "Officer Smith covered my break",
    "a title and surname ": "Ms O'Brien rang twice",
    "a title and surname  ": "Mr Ali was upset at visits",
}
HOSTILE = {
    "talking point html": '<img src=x onerror="alert(1)">',
    "talking point comment": "<!-- everything after this hides",
    "talking point link": "[click](javascript:alert(1)) **loud** # heading",
    "talking point list": "- not a list\n1. nor this",
}


def ci(day: dt.date, **answers) -> CheckIn:
    return CheckIn(id=f"00000000-0000-4000-8000-{day.toordinal():012d}", date=day.isoformat(),
                   created_at="2026-01-01T00:00:00Z", updated_at="2026-01-01T00:00:00Z", **answers)


def four_weeks() -> list[CheckIn]:
    """Heavy material on most days, a significant incident, short sleep, notes with identifiers."""
    notes = list(IDENTIFIERS.values())
    points = list(HOSTILE.values())
    out = []
    for i in range(28):
        day = START + dt.timedelta(days=i)
        material = 3 if i < 10 else 2 if i < 20 else 1 if i < 22 else 0
        out.append(ci(day, shift="night" if i % 4 == 0 else "day", material=material,
                      incident="significant" if day == INCIDENT else "minor" if i == 15 else "none",
                      sleep_hours=5.25 if i % 2 else 6.0, sleep_quality=3, mood=4, energy=4,
                      switch_off=1, support=2, workload=1, intrusions=2 if i % 3 == 0 else 0,
                      recovery=("exercise",) if i % 5 == 0 else ("rest",), talked=i % 2 == 0,
                      note=notes[i] if i < len(notes) else None,
                      raise_at_supervision=True if 20 <= i < 25 else None,
                      talking_point=points[i - 20] if 20 <= i < 24 else None))
    return out


@pytest.fixture
def journal(db_path):
    with JournalStore.open(db_path, create=True) as store:
        store.insert_many(four_weeks())
    return db_path


class Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ("td", "th", "li", "p", "h1", "h2", "figcaption"):
            self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(data)


def words(text: str) -> str:
    return " ".join(text.split())


def rendered(fmt: str, path) -> str:
    """What a reader sees, as words: Markdown rendered, HTML parsed, PDF text extracted."""
    if fmt == "md":
        from markdown_it import MarkdownIt

        page = MarkdownIt("commonmark").enable("table").render(path.read_text())
        parsed = Text()
        parsed.feed(page)
        return words(html_lib.unescape("".join(parsed.parts)))
    if fmt == "html":
        parsed = Text()
        parsed.feed(path.read_text())
        return words("".join(parsed.parts))
    if fmt == "pdf":
        pypdf = pytest.importorskip("pypdf")
        return words(" ".join(page.extract_text() for page in pypdf.PdfReader(path).pages))
    return words(path.read_text())


FORMATS = ("md", "txt", "html", "pdf")


def write_all(cli, tmp_path, *extra):
    out = {}
    for fmt in FORMATS:
        path = tmp_path / f"s.{fmt}"
        result = cli("summary", "--no-input", "--from", START.isoformat(), "--format", fmt,
                     "--output", str(path), *extra)
        assert result.exit_code == 0, result.stderr
        out[fmt] = (rendered(fmt, path), result)
        # Each written summary is remembered; forget it, so that all four
        # describe the same situation (the first summary, nothing carried over).
        conn = sqlite3.connect(common.paths().database)
        conn.execute("DELETE FROM summaries")
        conn.commit()
        conn.close()
    return out


def test_every_format_carries_the_same_sections_and_figures(cli, journal, tmp_path):
    shown = write_all(cli, tmp_path, "--include", "notes")
    doc = build(four_weeks(), (START, END), None, Choices(
        include=frozenset({"notes"}),
        left_out=frozenset(f"note:{(START + dt.timedelta(days=i)).isoformat()}" for i in range(9))))
    expected = [doc.title, doc.statement, doc.shared_record, doc.disclaimer]
    for section in doc.sections:
        expected.append(section.title)
        expected += list(section.bullets) + list(section.paragraphs)
        expected += [cell for row in section.table for cell in row if cell]
    for fmt, (text, _) in shown.items():
        if fmt == "txt":
            text = text.replace(doc.title.upper(), doc.title)  # plain text's title is in capitals
        missing = [e for e in expected if words(e) not in text]
        assert missing == [], (fmt, missing[:5])
    # And the reverse: each format holds the same sections in the same order, and nothing else.
    titles = [s.title for s in doc.sections]
    for fmt, (text, _) in shown.items():
        found = sorted(titles, key=text.index)
        assert found == titles, fmt
    for fmt in ("md", "txt"):
        assert "Week by week" in shown[fmt][0]  # the figures the HTML and PDF charts draw


def test_the_figures_are_not_understated(cli, journal, tmp_path):
    shown = write_all(cli, tmp_path)
    incident_week = f"{(START + dt.timedelta(days=7)).day} {START + dt.timedelta(days=7):%b}"
    minor_week = f"{(START + dt.timedelta(days=14)).day} {START + dt.timedelta(days=14):%b}"
    for fmt, (text, _) in shown.items():
        assert "Distressing material a lot: 10 days; some: 10 days; a little: 2 days; none: 6 days" in text, fmt
        assert f"1 significant (week of {incident_week}); 1 minor (week of {minor_week})" in text, fmt
        assert "5.6 h a night (short)" in text, fmt
        assert "hours a night (weekly average)" in text and "average hours a week" not in text, fmt
        assert "1.0 of 4 (low)" in text and "3.0 of 10 (low)" in text, fmt
    # The incident week is marked in the table, and in the charts.
    doc = build(four_weeks(), (START, END), None, Choices())
    weekly = doc.section("weekly").table
    assert [row[-1] for row in weekly[1:]] == ["", "yes", "", ""]
    page = (tmp_path / "s.html").read_text()
    assert page.count("▲ incident") == 2  # above its bar, in both charts
    assert f"week of {incident_week}: 5.6 (a significant incident)" in page


def test_no_mood_unless_included(cli, journal, tmp_path):
    for fmt, (text, _) in write_all(cli, tmp_path).items():
        assert "mood" not in text.lower() and "energy, weekly" not in text.lower(), fmt
    with_mood = tmp_path / "with"
    with_mood.mkdir()
    for fmt, (text, _) in write_all(cli, with_mood, "--include", "mood").items():
        assert "Mood, weekly average (0 to 10)" in text and "Energy, weekly average (0 to 10)" in text, fmt
    assert (with_mood / "s.html").read_text().count("<svg") == 4


FIRST_PERSON = re.compile(r"\b(I|me|my|myself|I'm|I've)\b", re.I)


def test_no_first_person_words_that_were_not_chosen(cli, journal, tmp_path):
    for fmt, (text, _) in write_all(cli, tmp_path).items():
        rest = text.replace("My wellbeing summary for supervision", "").replace(
            "MY WELLBEING SUMMARY FOR SUPERVISION", "")
        assert FIRST_PERSON.findall(rest) == [], fmt
        assert "Nothing right now" not in text and "What I would like" not in text
        assert "What may have been helping (suggested from the check-ins, not reviewed)" in text
        assert "What may have been harder (suggested from the check-ins, not reviewed)" in text
        assert f"{spelled(START + dt.timedelta(days=24))}: a day marked to raise" in text


def test_no_flagged_identifier_is_kept_without_a_keep(cli, journal, tmp_path):
    shown = write_all(cli, tmp_path, "--include", "notes")
    for note in IDENTIFIERS.values():
        for found in scan(note):
            for fmt, (text, _) in shown.items():
                assert found.found not in text, (fmt, found)
    stderr = shown["md"][1].stderr
    assert stderr.count("was left out: it may identify someone") == 9
    assert ("Your notes section was left out: all 9 notes were held back because they may "
            "identify someone.") in stderr
    assert "My notes" not in shown["md"][0] and "No notes in this period" not in shown["md"][0]


def test_hostile_markdown_is_inert(cli, journal, tmp_path):
    from markdown_it import MarkdownIt

    path = tmp_path / "s.md"
    assert cli("summary", "--no-input", "--from", START.isoformat(), "--output", str(path)).exit_code == 0
    source = path.read_text()
    page = MarkdownIt("commonmark").enable("table").render(source)
    assert "<img" not in page and "<!--" not in page
    assert "href=" not in page  # no link of anyone's making
    body = page.split("</em></p>", 2)[-1]  # after the header's own emphasis
    assert "<strong>" not in body and "<em>" not in body.rsplit("<hr />", 1)[0]
    assert "<ol>" not in page and "<h1>" not in body
    assert page.count("<h2>") == source.count("\n## ")  # no heading smuggled in by a note
    assert "nobody monitors it" in page.rsplit("<hr />", 1)[1]  # the disclaimer survives "<!--"
    text = rendered("md", path)
    for payload in ('<img src=x onerror="alert(1)">', "<!-- everything after this hides",
                    "[click](javascript:alert(1)) **loud** # heading", "- not a list 1. nor this"):
        assert payload in text  # shown as written


def test_talking_points_from_a_script_and_days_marked_without_words(cli, db_path):
    result = cli("checkin", "--talking-point-stdin", input="Cover for breaks on nights\n")
    assert result.exit_code == 0, result.stderr
    [row] = rows(db_path, "SELECT talking_point, raise_at_supervision FROM checkins")
    assert row == {"talking_point": "Cover for breaks on nights", "raise_at_supervision": 1}
    both = cli("checkin", "--date", "yesterday", "--note-stdin", "--talking-point-stdin", input="x")
    assert (both.exit_code, both.stderr) == (2, "--note-stdin and --talking-point-stdin both read standard "
                                                "input: give one at a time. Nothing was saved.\n")
    cli("checkin", "--date", "yesterday", "--raise", "--no-input")
    out = cli("summary", "--no-input").stdout
    yesterday = spelled(today() - dt.timedelta(days=1))
    assert f"- {yesterday}: a day marked to raise\n- {spelled(today())}: Cover for breaks on nights" in out


def test_after_an_incident_and_reflections_only_when_included(cli, journal, tmp_path):
    conn = sqlite3.connect(journal)
    conn.execute("INSERT INTO followups (id, incident_date, kind, date, intrusions, sleep_quality, avoidance, "
                 "support, trim, skipped, created_at, updated_at) VALUES ('f', ?, 'day3', ?, 3, 2, 1, 1, 'no', 0, "
                 "'x', 'x')", (INCIDENT.isoformat(), (INCIDENT + dt.timedelta(days=3)).isoformat()))
    week = START - dt.timedelta(days=START.weekday()) + dt.timedelta(days=7)
    conn.execute("INSERT INTO reflections (id, week, date, helped, harder, worthwhile, try_next, created_at, "
                 "updated_at) VALUES ('r', ?, ?, 'The team', 'Nights', 3, 'A walk after nights', 'x', 'x')",
                 (week.isoformat(), week.isoformat()))
    conn.commit()
    conn.close()
    plain = cli("summary", "--no-input", "--from", START.isoformat()).stdout
    assert "After a significant incident" not in plain and "A walk after nights" not in plain
    out = words(cli("summary", "--no-input", "--from", START.isoformat(), "--include", "incident",
                    "--include", "reflection").stdout)
    incident_week = f"{(START + dt.timedelta(days=7)).day} {START + dt.timedelta(days=7):%b}"
    assert (f"- A significant incident in the week of {incident_week}. About 3 days after: unwanted memories "
            "often; sleep quality low; avoiding reminders a little; support low; TRiM, a care team or peer "
            "support not offered. About 4 weeks after: not answered.") in out
    assert (f"- Week of {spelled(week)}: what helped: The team; what was harder: Nights; one thing to try: "
            "A walk after nights; work felt worthwhile: 3 of 4") in out


def test_leave_out_all_flagged_lines_at_once(cli, terminal, journal, monkeypatch, tmp_path):
    drawn = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
    keys = "".join([
        " " + ENTER,                 # private sections: tick the first (notes)
        "d" + ENTER,                 # nine flagged notes: leave out all of them
        ENTER * 2, ENTER,            # what helped: keep both suggestions, add nothing
        ENTER * 4, ENTER,            # what was harder: keep all four suggestions, add nothing
        ENTER, ENTER,                # no requests, nothing else
        ENTER,                       # no new action
        *(["y" + ENTER] * 7),        # keep every section
    ])
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=PlainTextOutput(drawn)):
        pipe.send_text(keys)
        result = cli("summary", "--from", START.isoformat(), "--output", str(tmp_path / "s.md"))
    assert result.exit_code == 0, result.stderr
    asked = words(drawn.buffer.getvalue().decode())
    assert "9 lines may identify someone. What would you like to do with them?" in asked
    assert "may identify someone: a prison number" not in asked  # not asked one by one
    out = (tmp_path / "s.md").read_text()
    for note in IDENTIFIERS.values():
        assert note.split()[0] not in out or note.split()[0] in ("Car", "Home", "Form", "Read")
        for found in scan(note):
            assert found.found not in out
    # The preview showed the week-by-week figures before they were kept.
    assert "Week by week" in result.stdout and "Week of" in result.stdout
    assert "Significant incident" in result.stdout
    # Once kept, the officer's own words: no longer marked as suggestions.
    assert "## What has been helping" in out and "suggested from the check-ins" not in out


def test_a_flagged_line_is_shown_whole(cli, terminal, db_path, monkeypatch, tmp_path):
    long_point = ("The handover about the man on the threes went badly and a1234bc was named in front of "
                  "everyone on the landing, which needs raising with the custody manager")
    cli("checkin", "--talking-point-stdin", input=long_point)
    drawn = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
    keys = ENTER + "k" + ENTER + ENTER + ENTER + ENTER + ENTER + ENTER + "y" + ENTER * 2 + ("y" + ENTER) * 6
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=PlainTextOutput(drawn)):
        pipe.send_text(keys)
        cli("summary", "--output", str(tmp_path / "s.md"))
    asked = words(drawn.buffer.getvalue().decode())
    assert words(f'"{long_point}"') in asked


def test_export_carries_the_summaries_and_import_takes_them_back(cli, journal, tmp_path, monkeypatch, home):
    # Dates from the run's own day, so the test holds whenever it runs.
    period_from, period_to = START - dt.timedelta(days=60), START - dt.timedelta(days=31)
    created = f"{(period_to + dt.timedelta(days=1)).isoformat()}T09:00:00Z"
    conn = sqlite3.connect(journal)
    conn.execute("INSERT INTO summaries (id, created_at, period_from, period_to, requests, request_other, actions) "
                 "VALUES ('8f14e45f-ceea-467a-9af4-0b4c1e8b7a11', ?, ?, ?, '[\"protected_breaks\"]', "
                 "'A quieter week', '[{\"text\": \"Ask about rota\", \"status\": \"to discuss\"}]')",
                 (created, period_from.isoformat(), period_to.isoformat()))
    conn.commit()
    conn.close()
    for fmt in ("json", "jsonl"):
        exported = tmp_path / f"e.{fmt}"
        assert cli("export", "--format", fmt, "--output", str(exported)).exit_code == 0
        records = (json.loads(exported.read_text())["records"] if fmt == "json"
                   else [json.loads(line) for line in exported.read_text().splitlines()])
        assert [r for r in records if r["type"] == "summary"] == [{
            "type": "summary", "id": "8f14e45f-ceea-467a-9af4-0b4c1e8b7a11", "created_at": created,
            "period_from": period_from.isoformat(), "period_to": period_to.isoformat(),
            "requests": ["protected_breaks"], "request_other": "A quieter week",
            "actions": [{"text": "Ask about rota", "status": "to discuss"}]}]
        monkeypatch.setenv("RESILIENCE_HOME", str(tmp_path / f"new-{fmt}"))
        result = cli("import", str(exported))
        assert result.exit_code == 0, result.stderr
        assert "  supervision summaries: 1 new, 0 updated, 0 unchanged." in result.stdout
        again = cli("import", str(exported))
        assert "  supervision summaries: 0 new, 0 updated, 1 unchanged." in again.stdout
        assert cli("summary", "--list").stdout == (
            f"{created[:10]}  {spelled(period_from)} to {spelled(period_to)}; 2 requests; "
            "Ask about rota (to discuss)\n")
        monkeypatch.setenv("RESILIENCE_HOME", str(home))


def test_a_bad_summary_record_imports_nothing_and_names_it(cli, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"type": "summary", "id": "8f14e45f-ceea-467a-9af4-0b4c1e8b7a11",
                               "created_at": "2026-10-01T09:00:00Z", "period_from": "2026-09-01",
                               "period_to": "2026-09-30", "requests": [], "request_other": None,
                               "actions": [{"text": "x", "status": "maybe"}]}) + "\n")
    result = cli("import", str(bad))
    assert result.exit_code == 2
    assert result.stderr.startswith("Nothing was imported. Line 1: an action's status must be one of agreed,")


@pytest.mark.parametrize("line,what", [
    ("a1234bc kicked off on the landing", "a prison number"),
    ("Read up on X123456 first", "a case reference number"),
    ("DOB 03/04/1988 on the form", "a date of birth"),
    ("born 3 March 1990", "a date of birth"),
    ("visit to SW1A 1AA", "a postcode"),
    ("near b33 8th", "a postcode"),
    ("NI number AB 12 34 56 C", "a National Insurance number"),
    ("car AB12 CDE outside", "a vehicle registration"),
    ("Officer Smith covered", "a title and surname"),
    ("Ms O'Brien rang", "a title and surname"),
    ("Mr Ali was upset", "a title and surname"),
])
def test_each_new_kind_of_identifier_is_caught(line, what):
    assert what in [w.what for w in scan(line)]


@pytest.mark.parametrize("line", [
    "Shift 07:30 to 19:30", "Nights 12/11/2026 to 15/11/2026", "Back on days from 14/12",
    "mood 7/10 today", "support 3 of 4", "2026-11-12 long day", "Long shift on 1 December 2026",
    "M1 was closed so in late", "Cover for breaks on nights", "A lot of statements at 14:00",
])
def test_near_misses_are_not_flagged(line):
    assert scan(line) == []


def test_the_markdown_is_the_preview_the_officer_saw():
    doc = build(four_weeks(), (START, END), None, Choices())
    text = markdown(doc)
    assert "## Week by week" in text and doc.section("weekly") is not None


PAYLOADS = ('<img src=x onerror="alert(1)">', "<!-- hide the rest", "# not a heading",
            "[link](javascript:alert(1))", "> not a quote", "1. not a list", "| not | a table |")


def test_every_field_that_reaches_the_summary_is_inert_in_markdown():
    from markdown_it import MarkdownIt

    from resilience_cli.reflection import Reflection
    from resilience_cli.supervision import Action

    week = START - dt.timedelta(days=START.weekday()) + dt.timedelta(days=7)
    records = [ci(START + dt.timedelta(days=i), note=p, raise_at_supervision=True, talking_point=p, mood=5)
               for i, p in enumerate(PAYLOADS)]
    doc = build(records, (START, END), None, Choices(
        include=frozenset({"notes", "reflection"}), helped=PAYLOADS, harder=PAYLOADS, requests=("training",),
        request_other=PAYLOADS[0], progress=(Action(PAYLOADS[1], "agreed"),), new_actions=PAYLOADS),
        reflections=[Reflection("r", week.isoformat(), week.isoformat(), helped=PAYLOADS[0],
                                harder=PAYLOADS[1], try_next=PAYLOADS[2])])
    source = markdown(doc)
    page = MarkdownIt("commonmark").enable("table").render(source)
    assert "<img" not in page and "<!--" not in page and "href=" not in page and "<blockquote>" not in page
    assert "<ol>" not in page and page.count("<h1>") == 1 and page.count("<table>") == 2  # snapshot, weekly
    assert page.count("<h2>") == len(doc.sections)
    assert "nobody monitors it" in page.rsplit("<hr />", 1)[1]
    shown = words(html_lib.unescape(re.sub(r"<[^>]+>", " ", page)))
    for payload in PAYLOADS:
        assert shown.count(words(payload)) >= 5, payload  # notes, points, lists, actions: as written
