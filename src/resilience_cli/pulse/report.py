"""The team report in words: Markdown, HTML, plain text and its versioned JSON (and that JSON read back)."""

from __future__ import annotations

import datetime as dt
import html
import json

from resilience_cli.errors import InvalidInput
from resilience_cli.pulse.bands import QUESTIONS, parse_week, week_id, week_words
from resilience_cli.pulse.merge import Report, WeekReport
from resilience_cli.pulse.schema import MIN_GROUP, REPORT, VERSION, PulseFileProblem, refuse_report
from resilience_cli.pulse.suppress import FEWER, NOT_SHOWN, Cell

TITLE = "Team pulse"


def what_it_is(n: int) -> str:
    return (f"What this is: the answers of the {n} people who chose to send a pulse file for this week, "
            "self-reported, put into coarse bands by each person's own journal, and counted together: "
            "a snapshot of those who took part.")


WHAT_IT_IS_NOT = ("What it is not: a measure of any one person, of anyone who did not take part, or of how "
                  "well anyone does their job; nor a clinical assessment.")


def suppression_note(k: int) -> str:
    return (f"Where a question has a count from fewer than {k} people, every count under {k} in it, none "
            f"included, is shown as \"fewer than {k}\"; where even that would let one be worked out from the "
            "total, the whole question is \"not shown\".")


def too_few_sentence(monday: dt.date, k: int) -> str:
    return (f"Week {week_id(monday)} ({week_words(monday)}): fewer than {k} people sent a file, so there is "
            "no report for it; counts from so few people could point to someone.")


def cell_words(cell: Cell, k: int) -> str:
    if cell == FEWER:
        return f"fewer than {k}"
    return str(cell)


def _heading(week: WeekReport) -> str:
    return f"{TITLE}: week {week_id(week.monday)} ({week_words(week.monday)})"


# -- Markdown, text, HTML --------------------------------------------------------

def _md_escape(text: str) -> str:
    return text.replace("|", "\\|")


def as_markdown(rep: Report) -> str:
    out: list[str] = []
    for week in rep.weeks:
        out += [f"# {_heading(week)}", "", f"{week.participants} people took part.", "",
                what_it_is(week.participants), "", WHAT_IT_IS_NOT, "", suppression_note(rep.min_group), ""]
        for q, cells in zip(QUESTIONS, week.cells, strict=True):
            out += [f"## {q.title}", "", "| answer | people |", "|---|---|"]
            out += [f"| {_md_escape(words)} | {cell_words(c, rep.min_group)} |"
                    for (_, words), c in zip(q.bands, cells, strict=True)]
            out.append("")
    for monday in rep.too_few:
        out += [too_few_sentence(monday, rep.min_group), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def as_text(rep: Report) -> str:
    out: list[str] = []
    for week in rep.weeks:
        out += [_heading(week), f"{week.participants} people took part.", "",
                what_it_is(week.participants), WHAT_IT_IS_NOT, suppression_note(rep.min_group), ""]
        for q, cells in zip(QUESTIONS, week.cells, strict=True):
            out.append(q.title)
            out += [f"  {words}: {cell_words(c, rep.min_group)}" for (_, words), c in zip(q.bands, cells, strict=True)]
        out.append("")
    for monday in rep.too_few:
        out += [too_few_sentence(monday, rep.min_group), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def as_html(rep: Report) -> str:
    e = html.escape
    body: list[str] = []
    for week in rep.weeks:
        body += [f"<section><h1>{e(_heading(week))}</h1>", f"<p>{week.participants} people took part.</p>",
                 f"<p>{e(what_it_is(week.participants))}</p>", f"<p>{e(WHAT_IT_IS_NOT)}</p>",
                 f"<p>{e(suppression_note(rep.min_group))}</p>"]
        for q, cells in zip(QUESTIONS, week.cells, strict=True):
            rows = "".join(f"<tr><td>{e(words)}</td><td>{e(cell_words(c, rep.min_group))}</td></tr>"
                           for (_, words), c in zip(q.bands, cells, strict=True))
            body.append(f"<h2>{e(q.title)}</h2><table><tr><th>answer</th><th>people</th></tr>{rows}</table>")
        body.append("</section>")
    body += [f"<p>{e(too_few_sentence(m, rep.min_group))}</p>" for m in rep.too_few]
    return ("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Team pulse</title>"
            "<style>body{font-family:sans-serif;max-width:42em;margin:2em auto}"
            "section{page-break-after:always}table{border-collapse:collapse}"
            "td,th{border:1px solid #999;padding:.2em .6em;text-align:left}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")


# -- JSON ------------------------------------------------------------------------

def as_json(rep: Report) -> str:
    weeks = [{"week": week_id(w.monday), "participants": w.participants,
              "counts": {q.key: {band: cell_words(c, rep.min_group) if isinstance(c, str) else c
                                 for band, c in zip(q.ids, cells, strict=True)}
                         for q, cells in zip(QUESTIONS, w.cells, strict=True)}}
             for w in rep.weeks]
    data = {"format": REPORT, "version": VERSION, "min_group": rep.min_group, "weeks": weeks,
            "not_reported": [week_id(m) for m in rep.too_few]}
    return json.dumps(data, indent=2, ensure_ascii=True) + "\n"


def check_report(data: dict[str, object], name: str, today: dt.date) -> Report:
    """A team report's JSON read back, as strictly as a pulse file: only counts, bands and weeks."""
    from resilience_cli.pulse.bands import is_over

    def refuse(why: str) -> PulseFileProblem:
        return refuse_report(name, why)

    if set(data) != {"format", "version", "min_group", "weeks", "not_reported"}:
        raise refuse("does not hold exactly the keys of a team pulse report.")
    k = data["min_group"]
    if type(k) is not int or k < MIN_GROUP:
        raise refuse(f"has a \"min_group\" below {MIN_GROUP}.")

    def week_of(text: object) -> dt.date:
        if not isinstance(text, str):
            raise refuse("has a week that is not an ISO week.")
        try:
            monday = parse_week(text)
        except InvalidInput:
            raise refuse("has a week that is not an ISO week.") from None
        if not is_over(monday, today):
            raise refuse(f"is for week {week_id(monday)}, which has not ended yet.")
        return monday

    weeks_raw, too_few_raw = data["weeks"], data["not_reported"]
    if not isinstance(weeks_raw, list) or not isinstance(too_few_raw, list) or not (weeks_raw or too_few_raw):
        raise refuse("has no weeks.")
    fewer = f"fewer than {k}"
    weeks = []
    for item in weeks_raw:
        if not isinstance(item, dict) or set(item) != {"week", "participants", "counts"}:
            raise refuse("has a week that does not hold exactly week, participants and counts.")
        n = item["participants"]
        if type(n) is not int or not k <= n <= 10_000_000:
            raise refuse("has a week with a number of participants out of range.")
        counts = item["counts"]
        if not isinstance(counts, dict) or set(counts) != {q.key for q in QUESTIONS}:
            raise refuse("has a week whose questions are not the pulse's.")
        cells = []
        for q in QUESTIONS:
            row = counts[q.key]
            if not isinstance(row, dict) or list(row) != list(q.ids):
                raise refuse(f"has counts for \"{q.key}\" whose bands are not the pulse's.")
            shown = []
            for value in row.values():
                if value == fewer:
                    shown.append(FEWER)
                elif value == NOT_SHOWN:
                    shown.append(NOT_SHOWN)
                elif type(value) is int and 0 <= value <= n:
                    shown.append(value)
                else:
                    raise refuse(f"has a count for \"{q.key}\" that is neither a number up to the participants, "
                                 f"\"{fewer}\" nor \"{NOT_SHOWN}\".")
            if sum(v for v in shown if isinstance(v, int)) > n:
                raise refuse(f"has counts for \"{q.key}\" adding up to more than the participants.")
            cells.append(tuple(shown))
        weeks.append(WeekReport(week_of(item["week"]), n, tuple(cells)))
    return Report(k, tuple(weeks), tuple(week_of(w) for w in too_few_raw))
