"""The trends dashboard: metric rows with sparklines, exposure, a calendar, comparisons.

Readable at 80 columns and still whole at 40: words wrap between words, never
inside a number, and sparklines and the calendar shrink to the width they get.
Every arrow has words beside it, and the calendar shows numbers, so nothing
depends on colour or on seeing the symbols.
"""

from __future__ import annotations

import datetime as dt

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from resilience_cli.insights import (
    ARROWS,
    MIN_FOR_AVERAGE,
    Change,
    Comparison,
    MetricTrend,
    Trends,
    Window,
)
from resilience_cli.messages import _, _n, first_upper
from resilience_cli.model import FIELD_SPECS, LEVEL_WORDS, day_words
from resilience_cli.render.words import hours

# The rows of the dashboard, in the order people asked to see them; their
# labels, and any question added later (after these), from the catalogue
# (FieldSpec.trend_label: questions.NAME.trend_label in another language).
ORDER = ("sleep_hours", "sleep_quality", "mood", "energy", "switch_off", "support", "workload",
         "intrusions", "interactions")
ROWS = tuple((n, FIELD_SPECS[n].trend_label) for n in
             (*ORDER, *(n for n, s in FIELD_SPECS.items() if s.trend_label and n not in ORDER)))
BARS = "▁▂▃▄▅▆▇█"
GAP = "·"
# Where bars top out when not at the scale's top (sleep: 12 hours, not 24).
SPARK_TOP = {n: s.chart_top for n, s in FIELD_SPECS.items() if s.chart_top is not None}
# A calm sequential palette for the calendar: colour adds, numbers carry meaning.
SHADES = ("grey42", "steel_blue", "deep_sky_blue3", "turquoise2")
LABEL_WIDTH = 18
# The kinds of day counted in "Kinds of day" (insights.day_types), in its order.
DAY_TYPES = ("day", "late", "night", "long", "training", "rest", "sick", "leave", "skipped")


def label(name: str) -> str:
    """A measure's name on the dashboard: its row's label ('Sleep'), in the language spoken."""
    spec = FIELD_SPECS.get(name)
    if spec is not None and spec.trend_label:
        return spec.trend_label
    if name == "material":  # not a row of its own: it is counted under Exposure
        return _("trends.label.material")
    return name


def unit_words(name: str) -> str:
    """A counted amount's unit ('units'), in the language spoken."""
    return FIELD_SPECS[name].unit_words


def scale_words(name: str, value: float) -> str:
    """The words for one end of a scale ('very low'); '' when the scale has none there."""
    return FIELD_SPECS[name].words.get(value) or ""


def level_words(level: int) -> str:
    """An exposure's level in short words ('a little')."""
    return LEVEL_WORDS[level]


def indented(renderable: RenderableType) -> RenderableType:
    """Indented by two, and wrapped lines keep the indent."""
    return Padding(renderable, (0, 0, 0, 2))


def period_words(days: int) -> str:
    if days % 7 == 0 and days >= 14:
        return _n("trends.period.weeks", days // 7)
    if days == 7:
        return _("trends.period.week")
    return _n("trends.period.days", days)


def value_words(name: str, value: float) -> str:
    """A mean in words: '6.1 h', '5.8/10', '3.0 units'."""
    unit = FIELD_SPECS[name].unit
    if unit == "hours":
        return _("trends.value.hours", value=f"{value:.1f}")
    if unit:
        return _("trends.value.unit", value=f"{value:.1f}", unit=unit_words(name))
    # "6.3/10" has no space inside, so a narrow terminal never splits it.
    return _("trends.value.scale", value=f"{value:.1f}", top=int(FIELD_SPECS[name].high))  # type: ignore[arg-type]


def amount_words(name: str, amount: float) -> str:
    unit = FIELD_SPECS[name].unit
    if unit == "hours":
        return _("trends.value.hours", value=f"{abs(amount):.1f}")
    if unit:
        return _("trends.value.unit", value=f"{abs(amount):.1f}", unit=unit_words(name))
    return f"{abs(amount):.1f}"


def change_words(name: str, change: Change, against: str) -> str:
    arrow = ARROWS[change.direction]
    if change.direction == "same":
        return _("trends.change.same", arrow=arrow, against=against)
    amount = amount_words(name, change.amount)
    if change.direction == "up":
        return _("trends.change.up", arrow=arrow, amount=amount, against=against)
    return _("trends.change.down", arrow=arrow, amount=amount, against=against)


def sparkline(series: list[float | None], name: str, width: int) -> str:
    """One character a day (or a bucket of days when they do not fit); gaps as dots."""
    if width < 1 or not series:
        return ""
    spec = FIELD_SPECS[name]
    low = spec.low or 0.0
    top = SPARK_TOP.get(name, spec.high or 1.0)
    buckets = _buckets(series, width)
    out = []
    for bucket in buckets:
        vals = [v for v in bucket if v is not None]
        if not vals:
            out.append(GAP)
            continue
        level = (min(max(sum(vals) / len(vals), low), top) - low) / ((top - low) or 1)
        out.append(BARS[min(len(BARS) - 1, int(level * len(BARS)))])
    return "".join(out)


def _buckets(series: list[float | None], width: int) -> list[list[float | None]]:
    if len(series) <= width:
        return [[v] for v in series]
    size = -(-len(series) // width)  # ceiling division: never more buckets than width
    return [series[i : i + size] for i in range(0, len(series), size)]


def metric_row(m: MetricTrend, days: int) -> Text:
    """'6.1 h  ↓ down 0.6 h on the previous 4 weeks; usual 7.1 h'."""
    if m.now.mean is None:
        return Text(_("trends.metric.no_answers"), style="dim")
    text = Text()
    text.append(value_words(m.name, m.now.mean), style="bold")
    if m.change is not None:
        against = _("trends.metric.previous", period=period_words(days))
        text.append("  " + change_words(m.name, m.change, against))
    if m.baseline_change is not None:
        text.append(_("trends.metric.usual", value=value_words(m.name, m.baseline.mean)))  # type: ignore[arg-type]
    return text


def metrics_table(result: Trends, width: int, *, sparklines: bool = True) -> Table:
    label_width = min(LABEL_WIDTH, max(8, width // 3))
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=False, width=label_width, style="bold")
    table.add_column(no_wrap=False)
    spark_width = max(1, width - label_width - 1)
    for name, _english in ROWS:
        m = result.metrics[name]
        if FIELD_SPECS[name].setting and m.now.count == 0:
            continue  # an optional question: no row unless it is answered
        table.add_row(label(name), metric_row(m, result.window.days))
        if m.now.count and sparklines:
            table.add_row("", Text(sparkline(m.daily, name, spark_width), style="cyan"))
    return table


def exposure_lines(result: Trends) -> list[RenderableType]:
    e = result.exposure
    lines: list[RenderableType] = [Text(_("trends.exposure.heading"), style="bold")]
    incidents = []
    if e.significant_incidents:
        incidents.append(_n("trends.exposure.significant", e.significant_incidents))
    if e.minor_incidents:
        incidents.append(_n("trends.exposure.minor", e.minor_incidents))
    lines.append(indented(Text(_("trends.exposure.incidents", incidents=", ".join(incidents)) if incidents
                               else _("trends.exposure.no_incidents"))))
    if e.hurt_days:
        lines.append(indented(Text(_n("trends.exposure.hurt", e.hurt_days))))
    bands = sorted(LEVEL_WORDS, reverse=True)  # heaviest first
    for name, days in (("material", e.material_days), ("interactions", e.interaction_days)):
        # Every level answered, heaviest first.
        pieces = [_n("trends.exposure.level_days", days[b], level=level_words(b)) for b in bands if days[b]]
        if pieces:
            lines.append(indented(Text(_("trends.exposure.levels", label=label(name), levels=", ".join(pieces)))))
    if e.graphic_days:
        lines.append(indented(Text(_n("trends.exposure.graphic", e.graphic_days))))
    return lines


def colleague_line(result: Trends) -> list[RenderableType]:
    days = result.colleague_days
    if days is None:
        return []
    return [indented(Text(_n("trends.colleague", days)))]


def recovery_lines(result: Trends) -> list[RenderableType]:
    counts = sorted(
        ((n, item) for item, n in result.recovery.items() if n and item != "nothing"),
        key=lambda pair: (-pair[0], pair[1]),
    )
    if not counts:
        return []
    pieces = [_n("trends.recovery.days", n, activity=_(f"trends.recovery.{item}")) for n, item in counts]
    return [Text(_("trends.recovery.heading"), style="bold"),
            indented(Text(_("trends.recovery.line", activities=first_upper(", ".join(pieces)))))]


def comparison_words(c: Comparison) -> str:
    return _(
        "trends.comparison", measure=label(c.measure), with_label=c.with_label,
        with_mean=value_words(c.measure, c.with_mean), without_mean=value_words(c.measure, c.without_mean),
        without_label=c.without_label, with_count=c.with_count, without_count=c.without_count,
    )


def comparisons_block(result: Trends) -> list[RenderableType]:
    if not result.comparisons:
        return []
    lines: list[RenderableType] = [
        Text(_("trends.comparisons.heading"), style="bold"),
        indented(Text(_("trends.comparisons.note"), style="dim")),
    ]
    lines += [indented(Text(comparison_words(c))) for c in result.comparisons]
    return lines


def calendar(result: Trends, name: str, width: int) -> RenderableType:
    """Weeks across, weekdays down, the day's value in each cell; '·' is no answer."""
    window = result.window
    series = dict(zip(window.dates(), result.metrics[name].daily, strict=True))
    first_monday = window.start - dt.timedelta(days=window.start.weekday())
    weeks = (window.end - first_monday).days // 7 + 1
    cell = 4 if FIELD_SPECS[name].unit else 3
    fits = max(1, (width - 4) // cell)
    shown = min(weeks, fits)
    start_monday = first_monday + dt.timedelta(weeks=weeks - shown)
    spec = FIELD_SPECS[name]
    top = SPARK_TOP.get(name, spec.high or 1.0)
    lines: list[RenderableType] = []
    ends = ""
    if spec.words.get(spec.low) and spec.words.get(spec.high):
        ends = _("trends.calendar.ends", low=int(spec.low), low_words=scale_words(name, spec.low),  # type: ignore[arg-type]
                 high=int(spec.high), high_words=scale_words(name, spec.high))  # type: ignore[arg-type]
    lines.append(Text(_("trends.calendar.title", label=label(name), ends=ends), style="bold"))
    lines.append(indented(Text(_("trends.calendar.note", start=day_words(start_monday), gap=GAP), style="dim")))
    header = Text("   ")
    for week in range(shown):
        header.append(f"{(start_monday + dt.timedelta(weeks=week)).day:>{cell - 1}} ", style="dim")
    lines.append(header)
    for weekday in range(7):
        row = Text(_(f"trends.calendar.weekday.{weekday + 1}") + "  ")
        for week in range(shown):
            day = start_monday + dt.timedelta(weeks=week, days=weekday)
            if not window.start <= day <= window.end:
                row.append(" " * cell)
                continue
            value = series.get(day)
            if value is None:
                row.append(f"{GAP:>{cell - 1}} ")
                continue
            shown_value = hours(round(value, 1)) if cell == 4 else str(int(value))
            level = min(len(SHADES) - 1, int(min(value, top) / (top or 1) * len(SHADES)))
            row.append(f"{shown_value:>{cell - 1}}", style=SHADES[level])
            row.append(" ")
        lines.append(row)
    return Group(*lines)


def checked_in_line(result: Trends) -> Text:
    w = result.window
    return Text(_n("trends.checked_in", w.days, start=day_words(w.start), end=day_words(w.end),
                   checked=result.checked_in))


def day_types_line(result: Trends) -> list[RenderableType]:
    """'Kinds of day: 4 day shifts, 2 night shifts, 1 day off sick.' Only the kinds there were."""
    pieces = [_n(f"trends.day_type.{kind}", n) for kind, n in result.day_types.items()
              if n and kind in DAY_TYPES]
    return [Text(_("trends.day_types", kinds=", ".join(pieces)))] if pieces else []


def too_little(window: Window, count: int) -> Text:
    start, end = day_words(window.start), day_words(window.end)
    if count == 0:
        return Text(_("trends.too_little.none", start=start, end=end))
    return Text(_n("trends.too_little", count, start=start, end=end))


def dashboard(result: Trends, *, calendar_metric: str, width: int, plain: bool = False,
              beside: list[RenderableType] | None = None) -> RenderableType:
    """`beside`: what went well, shown after what was hard (render.went_well)."""
    if result.checked_in < MIN_FOR_AVERAGE:
        return too_little(result.window, result.checked_in)
    parts: list[RenderableType] = [
        Text(_("trends.heading", period=period_words(result.window.days)), style="bold"),
        checked_in_line(result),
        *day_types_line(result),
        Text(""),
        metrics_table(result, width, sparklines=not plain),
        Text(""),
        *exposure_lines(result),
    ]
    recovery = recovery_lines(result)
    if recovery:
        parts += [Text(""), *recovery, *colleague_line(result)]
    elif colleague_line(result):
        parts += [Text(""), *colleague_line(result)]
    if beside:
        parts += [Text(""), *beside]
    comparisons = comparisons_block(result)
    if comparisons:
        parts += [Text(""), *comparisons]
    parts += [Text(""), calendar(result, calendar_metric, width)]
    return Group(*parts)


def pack_lines(packs: dict) -> list[RenderableType]:
    from resilience_cli.packs import score_words

    lines: list[RenderableType] = [Text(_("trends.packs.heading"), style="bold")]
    for pack in packs.values():
        for score in pack["scores"].values():
            if not score["count"]:
                continue
            # Text, never markup: the title and the band's words come from the officer's own pack file.
            lines.append(indented(Text(_("trends.packs.score", score=score_words(score)))))
    return lines
