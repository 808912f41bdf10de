"""The summary as a PDF: selectable text in DejaVu Sans (shipped, so every character we
write shows on any system), charts drawn as vectors. fpdf2 is imported only here, and
only when a PDF is asked for (the `pdf` extra)."""

from __future__ import annotations

import math
from importlib import resources

from resilience_cli.errors import JournalProblem
from resilience_cli.messages import _
from resilience_cli.report.document import Chart, Document, Section

INSTALL = "pip install 'resilience-checkin[pdf]'"  # not a message: a command, typed as it is
AS_HTML = "--format html"  # not a message: an option, typed as it is
INK = (27, 27, 27)
ACCENT = (74, 108, 130)
MARK = (138, 59, 18)  # the weeks of a significant incident, as in the HTML
# More weeks than this in a chart, and its labels are thinned (see _chart).
CROWDED_WEEKS = 26


def _fpdf():
    try:
        from fpdf import FPDF
    except ImportError:
        raise JournalProblem(_("summary.pdf.needs_library", install=INSTALL, option=AS_HTML)) from None
    return FPDF


def pdf(doc: Document) -> bytes:
    """The document as PDF bytes; a failure to draw it is said plainly (JournalProblem), not as a bug."""
    FPDF = _fpdf()
    try:
        return _draw(FPDF, doc)
    except Exception as exc:  # noqa: BLE001 - whatever the library refuses, the officer needs words
        raise JournalProblem(_("summary.pdf.failed", problem=exc, flag="--from", option=AS_HTML)) from exc


def _draw(FPDF, doc: Document) -> bytes:
    fonts = resources.files("resilience_cli").joinpath("data/fonts")
    out = FPDF(format="A4", unit="mm")
    out.set_margins(18, 16, 18)
    out.set_auto_page_break(True, margin=16)
    out.set_title(f"{doc.title}: {doc.period_words}")
    out.set_creator("resilience")
    with resources.as_file(fonts.joinpath("DejaVuSans.ttf")) as regular, \
            resources.as_file(fonts.joinpath("DejaVuSans-Bold.ttf")) as bold:
        out.add_font("DejaVu", "", str(regular))
        out.add_font("DejaVu", "B", str(bold))
    out.add_page()
    width = out.w - out.l_margin - out.r_margin
    out.set_text_color(*INK)
    out.set_font("DejaVu", "B", 16)
    out.multi_cell(width, 8, doc.title, new_x="LMARGIN", new_y="NEXT")
    out.set_font("DejaVu", "", 10.5)
    out.multi_cell(width, 5.5, f"{_('summary.doc.period')} {doc.period_words}", new_x="LMARGIN", new_y="NEXT")
    out.multi_cell(width, 5.5, f"{_('summary.doc.checkins')} {doc.checkins}", new_x="LMARGIN", new_y="NEXT")
    out.ln(2)
    out.multi_cell(width, 5.5, doc.statement, new_x="LMARGIN", new_y="NEXT")
    out.multi_cell(width, 5.5, doc.shared_record, new_x="LMARGIN", new_y="NEXT")
    for section in doc.sections:
        _section(out, section, width)
        if section.id == "weekly":
            for chart in doc.charts:
                _chart(out, chart, width)
    out.ln(4)
    out.set_font("DejaVu", "", 9)
    out.multi_cell(width, 4.8, doc.disclaimer, new_x="LMARGIN", new_y="NEXT")
    return bytes(out.output())


def _section(out, section: Section, width: float) -> None:
    out.ln(3)
    out.set_font("DejaVu", "B", 12.5)
    out.set_text_color(*ACCENT)
    out.multi_cell(width, 7, section.title, new_x="LMARGIN", new_y="NEXT")
    out.set_text_color(*INK)
    out.set_font("DejaVu", "", 10.5)
    for paragraph in section.paragraphs:
        out.multi_cell(width, 5.5, paragraph, new_x="LMARGIN", new_y="NEXT")
    for bullet in section.bullets:
        out.multi_cell(width, 5.5, f"•  {bullet}", new_x="LMARGIN", new_y="NEXT")
    if section.table:
        header, *rows = section.table
        cols = len(header)
        first = width * (0.34 if cols == 3 else 0.18)
        rest = (width - first) / max(1, cols - 1)
        out.set_font("DejaVu", "", 9.5 if cols > 3 else 10)
        with out.table(col_widths=(first, *([rest] * (cols - 1))), text_align="LEFT",
                       line_height=5.2, borders_layout="HORIZONTAL_LINES", first_row_as_headings=True) as table:
            for row in section.table:
                cells = table.row()
                for cell in row:
                    cells.cell(cell)
        out.set_font("DejaVu", "", 10.5)


def _chart(out, chart: Chart, width: float) -> None:
    height, label_h = 30.0, 5.0
    if out.get_y() + height + 16 > out.h - out.b_margin:
        out.add_page()
    out.ln(3)
    out.set_font("DejaVu", "B", 10)
    out.multi_cell(width, 5.5, chart.title, new_x="LMARGIN", new_y="NEXT")
    top = out.get_y() + 1
    base = top + height
    left = out.l_margin + 8
    slot = (width - 8) / max(1, len(chart.values))
    out.set_font("DejaVu", "", 7.5)
    out.set_draw_color(136, 136, 136)
    out.line(left, base, left + width - 8, base)
    out.text(out.l_margin, top + 3, f"{chart.top:g}")
    out.text(out.l_margin, base, "0")
    out.set_fill_color(*ACCENT)
    # Over many weeks the bars narrow: the numbers over them, the incident marks
    # and the week labels are then thinned so they never print over each other
    # (the week-by-week table above holds every figure).
    crowded = len(chart.values) > CROWDED_WEEKS
    widest = max((out.get_string_width(label) for label in chart.labels), default=0.0)
    every = max(1, math.ceil((widest + 2) / slot))  # a label every this many weeks, with room between
    for i, (label, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
        x = left + i * slot + slot * 0.15
        if value is not None:
            h = height * min(value, chart.top) / chart.top
            out.rect(x, base - h, slot * 0.7, h, style="F")
            if not crowded:
                out.text(x, base - h - 1, f"{value:.0f}" if chart.id == "exposure" else f"{value:.1f}")
        if chart.marked and chart.marked[i]:
            if crowded:  # a short stroke above the week: words would print over each other
                out.set_fill_color(*MARK)
                out.rect(x, top - 0.8, max(slot * 0.7, 0.2), 1.2, style="F")
                out.set_fill_color(*ACCENT)
            else:
                out.text(x, top - 1, _("summary.chart.incident_mark"))
        if i % every == 0:
            out.text(x, base + 4, label)
    out.set_y(base + label_h + 1)
