"""The team report in words: Markdown, HTML, plain text and its versioned JSON (and that JSON read back)."""

from __future__ import annotations

import datetime as dt
import html
import json

from resilience_cli.errors import InvalidInput
from resilience_cli.messages import _, _n
from resilience_cli.pulse.bands import QUESTIONS, parse_week, week_id, week_words
from resilience_cli.pulse.merge import Report, WeekReport
from resilience_cli.pulse.schema import MIN_GROUP, REPORT, VERSION, PulseFileProblem, refuse_report
from resilience_cli.pulse.suppress import FEWER, NOT_SHOWN, Cell

def title() -> str:
    return _("pulse.report.title")


def what_it_is(n: int) -> str:
    return _n("pulse.report.what_it_is", n)


def what_it_is_not() -> str:
    return _("pulse.report.what_it_is_not")


def suppression_note(k: int) -> str:
    return _("pulse.report.suppression", k=k, fewer=_("pulse.report.fewer", k=k), not_shown=_("pulse.report.not_shown"))


def too_few_sentence(monday: dt.date, k: int) -> str:
    return _("pulse.report.too_few", week=week_id(monday), words=week_words(monday), k=k)


def took_part(n: int) -> str:
    return _n("pulse.report.took_part", n)


def cell_words(cell: Cell, k: int) -> str:
    """A count as the report shows it, in words."""
    if cell == FEWER:
        return _("pulse.report.fewer", k=k)
    if cell == NOT_SHOWN:
        return _("pulse.report.not_shown")
    return str(cell)


# The report's JSON holds hidden counts in these words, in every language (check_report reads them back).
def _json_fewer(k: int) -> str:
    return f"fewer than {k}"  # not a message: the report file's format


def _json_cell(cell: Cell, k: int) -> Cell:
    return _json_fewer(k) if cell == FEWER else cell


def _heading(week: WeekReport) -> str:
    return _("pulse.report.heading", title=title(), week=week_id(week.monday), words=week_words(week.monday))


# -- Markdown, text, HTML --------------------------------------------------------

def _md_escape(text: str) -> str:
    return text.replace("|", "\\|")


def as_markdown(rep: Report) -> str:
    out: list[str] = []
    for week in rep.weeks:
        out += [f"# {_heading(week)}", "", took_part(week.participants), "",
                what_it_is(week.participants), "", what_it_is_not(), "", suppression_note(rep.min_group), ""]
        header = f"| {_md_escape(_('pulse.report.answer'))} | {_md_escape(_('pulse.report.people'))} |"
        for q, cells in zip(QUESTIONS, week.cells, strict=True):
            out += [f"## {q.title}", "", header, "|---|---|"]
            out += [f"| {_md_escape(words)} | {cell_words(c, rep.min_group)} |"
                    for (__, words), c in zip(q.bands, cells, strict=True)]
            out.append("")
    for monday in rep.too_few:
        out += [too_few_sentence(monday, rep.min_group), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def as_text(rep: Report) -> str:
    out: list[str] = []
    for week in rep.weeks:
        out += [_heading(week), took_part(week.participants), "",
                what_it_is(week.participants), what_it_is_not(), suppression_note(rep.min_group), ""]
        for q, cells in zip(QUESTIONS, week.cells, strict=True):
            out.append(q.title)
            out += [f"  {words}: {cell_words(c, rep.min_group)}" for (__, words), c in zip(q.bands, cells, strict=True)]
        out.append("")
    for monday in rep.too_few:
        out += [too_few_sentence(monday, rep.min_group), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def as_html(rep: Report) -> str:
    e = html.escape
    body: list[str] = []
    for week in rep.weeks:
        body += [f"<section><h1>{e(_heading(week))}</h1>", f"<p>{e(took_part(week.participants))}</p>",
                 f"<p>{e(what_it_is(week.participants))}</p>", f"<p>{e(what_it_is_not())}</p>",
                 f"<p>{e(suppression_note(rep.min_group))}</p>"]
        header = f"<tr><th>{e(_('pulse.report.answer'))}</th><th>{e(_('pulse.report.people'))}</th></tr>"
        for q, cells in zip(QUESTIONS, week.cells, strict=True):
            rows = "".join(f"<tr><td>{e(words)}</td><td>{e(cell_words(c, rep.min_group))}</td></tr>"
                           for (__, words), c in zip(q.bands, cells, strict=True))
            body.append(f"<h2>{e(q.title)}</h2><table>{header}{rows}</table>")
        body.append("</section>")
    body += [f"<p>{e(too_few_sentence(m, rep.min_group))}</p>" for m in rep.too_few]
    return ("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"  # not a message: HTML
            f"<title>{e(title())}</title>"
            "<style>body{font-family:sans-serif;max-width:42em;margin:2em auto}"
            "section{page-break-after:always}table{border-collapse:collapse}"
            "td,th{border:1px solid #999;padding:.2em .6em;text-align:left}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")


# -- JSON ------------------------------------------------------------------------

def as_json(rep: Report) -> str:
    weeks = [{"week": week_id(w.monday), "participants": w.participants,
              "counts": {q.key: {band: _json_cell(c, rep.min_group)
                                 for band, c in zip(q.ids, cells, strict=True)}
                         for q, cells in zip(QUESTIONS, w.cells, strict=True)}}
             for w in rep.weeks]
    data = {"format": REPORT, "version": VERSION, "min_group": rep.min_group, "weeks": weeks,
            "not_reported": [week_id(m) for m in rep.too_few]}
    return json.dumps(data, indent=2, ensure_ascii=True) + "\n"


def check_report(data: dict[str, object], name: str, today: dt.date) -> Report:
    """A team report's JSON read back, as strictly as a pulse file: only counts, bands and weeks."""
    from resilience_cli.pulse.bands import is_over

    def refuse(message: str, /, **values: object) -> PulseFileProblem:
        return refuse_report(name, _(message, **values))

    if set(data) != {"format", "version", "min_group", "weeks", "not_reported"}:
        raise refuse("pulse.report_file.keys")
    k = data["min_group"]
    if type(k) is not int or k < MIN_GROUP:
        raise refuse("pulse.report_file.min_group", least=MIN_GROUP)

    def week_of(text: object) -> dt.date:
        if not isinstance(text, str):
            raise refuse("pulse.report_file.week")
        try:
            monday = parse_week(text)
        except InvalidInput:
            raise refuse("pulse.report_file.week") from None
        if not is_over(monday, today):
            raise refuse("pulse.report_file.week_to_come", week=week_id(monday))
        return monday

    weeks_raw, too_few_raw = data["weeks"], data["not_reported"]
    if not isinstance(weeks_raw, list) or not isinstance(too_few_raw, list) or not (weeks_raw or too_few_raw):
        raise refuse("pulse.report_file.no_weeks")
    fewer = _json_fewer(k)
    weeks = []
    for item in weeks_raw:
        if not isinstance(item, dict) or set(item) != {"week", "participants", "counts"}:
            raise refuse("pulse.report_file.week_keys")
        n = item["participants"]
        if type(n) is not int or not k <= n <= 10_000_000:
            raise refuse("pulse.report_file.participants")
        counts = item["counts"]
        if not isinstance(counts, dict) or set(counts) != {q.key for q in QUESTIONS}:
            raise refuse("pulse.report_file.questions")
        cells = []
        for q in QUESTIONS:
            row = counts[q.key]
            if not isinstance(row, dict) or list(row) != list(q.ids):
                raise refuse("pulse.report_file.bands", key=q.key)
            shown = []
            for value in row.values():
                if value == fewer:
                    shown.append(FEWER)
                elif value == NOT_SHOWN:
                    shown.append(NOT_SHOWN)
                elif type(value) is int and 0 <= value <= n:
                    shown.append(value)
                else:
                    raise refuse("pulse.report_file.count", key=q.key, fewer=fewer, not_shown=NOT_SHOWN)
            if sum(v for v in shown if isinstance(v, int)) > n:
                raise refuse("pulse.report_file.sum", key=q.key)
            cells.append(tuple(shown))
        weeks.append(WeekReport(week_of(item["week"]), n, tuple(cells)))
    return Report(k, tuple(weeks), tuple(week_of(w) for w in too_few_raw))
