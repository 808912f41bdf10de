"""The summary as one self-contained HTML file: inline CSS and SVG, no external resource
of any kind, and a print stylesheet for A4."""

from __future__ import annotations

import math
from html import escape

from resilience_cli.messages import _
from resilience_cli.report.document import Chart, Document, Section

CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.15rem; margin-top: 1.6rem; border-bottom: 1px solid #c8c8c8; padding-bottom: .2rem; }
.meta { margin: .2rem 0; }
.statement { font-style: italic; background: #f3f6f8; padding: .6rem .8rem; border-left: 4px solid #4a6c82; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #e2e2e2; vertical-align: top; }
th { font-weight: 600; }
figure { margin: 1rem 0; break-inside: avoid; }
figcaption { font-size: .9rem; color: #444; }
svg { width: 100%; height: auto; }
.bar { fill: #4a6c82; }
.axis { stroke: #888; stroke-width: 1; }
.label { font-size: 11px; fill: #333; }
.mark { font-size: 10px; fill: #8a3b12; font-weight: 600; }
.stroke { fill: #8a3b12; }
footer { margin-top: 2rem; font-size: .9rem; color: #444; border-top: 1px solid #c8c8c8; padding-top: .6rem; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  section, table, figure { break-inside: avoid; }
  .statement { background: none; }
}
"""  # not a message: the stylesheet


# More weeks than this in a chart, and its labels are thinned (see svg_chart).
CROWDED_WEEKS = 26
LABEL_CHAR = 6.2  # about how wide a character of an 11px label is, in the chart's units


def _section(section: Section) -> str:
    parts = [f'<section id="{escape(section.id)}">', f"<h2>{escape(section.title)}</h2>"]  # not a message: HTML
    parts += [f"<p>{escape(p)}</p>" for p in section.paragraphs]
    if section.bullets:
        parts.append("<ul>" + "".join(f"<li>{escape(b)}</li>" for b in section.bullets) + "</ul>")
    if section.table:
        header, *rows = section.table
        parts.append("<table><thead><tr>" + "".join(f'<th scope="col">{escape(h)}</th>' for h in header)  # not a message: HTML
                     + "</tr></thead><tbody>")
        for row in rows:
            first, *rest = row
            parts.append(f'<tr><th scope="row">{escape(first)}</th>'  # not a message: HTML
                         + "".join(f"<td>{escape(c)}</td>" for c in rest) + "</tr>")
        parts.append("</tbody></table>")
    parts.append("</section>")
    return "\n".join(parts)


def _value(chart: Chart, value: float) -> str:
    """As the week-by-week table writes it."""
    return f"{value:.0f}" if chart.id == "exposure" else f"{value:.1f}"


def svg_chart(chart: Chart) -> str:
    """Bars, one a week, with the numbers beside them in words for screen readers."""
    width, height, left, bottom, top_pad = 560, 180, 34, 26, 12
    n = max(1, len(chart.values))
    slot = (width - left) / n
    plot = height - bottom - top_pad
    bars = [f'<line class="axis" x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}"/>',  # not a message: HTML
            f'<text class="label" x="2" y="{top_pad + 8}">{chart.top:g}</text>',  # not a message: HTML
            f'<text class="label" x="2" y="{height - bottom}">0</text>']  # not a message: HTML
    # Over many weeks the bars narrow: the week labels are thinned and an incident
    # week is a short stroke, so no words print over each other.
    crowded = n > CROWDED_WEEKS
    mark = _("summary.chart.incident_mark")
    every = max(1, math.ceil((max(map(len, chart.labels), default=0) * LABEL_CHAR + 8) / slot))
    for i, (label, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
        x = left + i * slot + slot * 0.15
        marked = bool(chart.marked) and chart.marked[i]
        if value is not None:
            h = plot * min(value, chart.top) / chart.top
            bars.append(f'<rect class="bar" x="{x:.1f}" y="{height - bottom - h:.1f}" '  # not a message: HTML
                        f'width="{slot * 0.7:.1f}" height="{h:.1f}"><title>{escape(label)}: '
                        f'{_value(chart, value)} {escape(chart.unit)}</title></rect>')
        if marked and crowded:
            bars.append(f'<rect class="stroke" x="{x:.1f}" y="{top_pad - 6}" width="{max(slot * 0.7, 0.5):.1f}" '  # not a message: HTML
                        'height="4"/>')
        elif marked:
            # The week of a significant incident, marked above its bar.
            bars.append(f'<text class="mark" x="{x:.1f}" y="{top_pad}">{escape(mark)}</text>')  # not a message: HTML
        if i % every == 0:
            bars.append(f'<text class="label" x="{x:.1f}" y="{height - 8}">{escape(label)}</text>')  # not a message: HTML
    described = "; ".join(
        _("summary.chart.week_significant" if chart.marked and chart.marked[i] else "summary.chart.week",
          week=label, value=_("summary.chart.no_answers") if v is None else _value(chart, v))
        for i, (label, v) in enumerate(zip(chart.labels, chart.values, strict=True)))
    return (f'<figure id="chart-{escape(chart.id)}"><svg xmlns="http://www.w3.org/2000/svg" '  # not a message: HTML
            f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(chart.title)}">'
            + "".join(bars) + f"</svg><figcaption>{escape(chart.title)}. {escape(described)}.</figcaption></figure>")


def html(doc: Document) -> str:
    body = [
        f"<h1>{escape(doc.title)}</h1>",
        f'<p class="meta"><strong>{escape(_("summary.doc.period"))}</strong> {escape(doc.period_words)}</p>',
        f'<p class="meta"><strong>{escape(_("summary.doc.checkins"))}</strong> {doc.checkins}</p>',
        f'<p class="statement">{escape(doc.statement)}</p>',
        f'<p class="statement" id="shared-record">{escape(doc.shared_record)}</p>',  # not a message: HTML
    ]
    for section in doc.sections:
        body.append(_section(section))
        if section.id == "weekly" and doc.charts:
            body += [svg_chart(c) for c in doc.charts]
    body.append(f"<footer>{escape(doc.disclaimer)}</footer>")
    return (
        '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'  # not a message: HTML
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(doc.title)}: {escape(doc.period_words)}</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n<main>\n" + "\n".join(body) + "\n</main>\n</body>\n</html>\n"  # not a message: HTML
    )
