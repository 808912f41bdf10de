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
from resilience_cli.model import FIELD_SPECS, LEVEL_WORDS, day_words
from resilience_cli.render.words import hours

# The rows of the dashboard, in the order people asked to see them; their
# labels, and any question added later (after these), from the catalogue
# (FieldSpec.trend_label).
ORDER = ("sleep_hours", "sleep_quality", "mood", "energy", "switch_off", "support", "workload",
         "intrusions", "interactions")
ROWS = tuple((n, FIELD_SPECS[n].trend_label) for n in
             (*ORDER, *(n for n, s in FIELD_SPECS.items() if s.trend_label and n not in ORDER)))
LABELS = dict(ROWS) | {"material": "Distressing material"}
BARS = "▁▂▃▄▅▆▇█"
GAP = "·"
# Where bars top out when not at the scale's top (sleep: 12 hours, not 24).
SPARK_TOP = {n: s.chart_top for n, s in FIELD_SPECS.items() if s.chart_top is not None}
# A calm sequential palette for the calendar: colour adds, numbers carry meaning.
SHADES = ("grey42", "steel_blue", "deep_sky_blue3", "turquoise2")
LABEL_WIDTH = 18


def indented(renderable: RenderableType) -> RenderableType:
    """Indented by two, and wrapped lines keep the indent."""
    return Padding(renderable, (0, 0, 0, 2))


def period_words(days: int) -> str:
    if days % 7 == 0 and days >= 14:
        return f"{days // 7} weeks"
    if days == 7:
        return "week"
    return f"{days} days"


def value_words(name: str, value: float) -> str:
    """A mean in words: '6.1 h', '5.8/10', '3.0 units'."""
    unit = FIELD_SPECS[name].unit
    if unit == "hours":
        return f"{value:.1f} h"
    if unit:
        return f"{value:.1f} {unit}"
    # "6.3/10" has no space inside, so a narrow terminal never splits it.
    return f"{value:.1f}/{int(FIELD_SPECS[name].high)}"  # type: ignore[arg-type]


def amount_words(name: str, amount: float) -> str:
    unit = FIELD_SPECS[name].unit
    if unit == "hours":
        return f"{abs(amount):.1f} h"
    if unit:
        return f"{abs(amount):.1f} {unit}"
    return f"{abs(amount):.1f}"


def change_words(name: str, change: Change, against: str) -> str:
    if change.direction == "same":
        return f"{ARROWS['same']} same as {against}"
    return f"{ARROWS[change.direction]} {change.direction} {amount_words(name, change.amount)} on {against}"


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
        return Text("no answers in this period", style="dim")
    text = Text()
    text.append(value_words(m.name, m.now.mean), style="bold")
    if m.change is not None:
        text.append("  " + change_words(m.name, m.change, f"the previous {period_words(days)}"))
    if m.baseline_change is not None:
        text.append(f"; usual {value_words(m.name, m.baseline.mean)}")  # type: ignore[arg-type]
    return text


def metrics_table(result: Trends, width: int, *, sparklines: bool = True) -> Table:
    label_width = min(LABEL_WIDTH, max(8, width // 3))
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=False, width=label_width, style="bold")
    table.add_column(no_wrap=False)
    spark_width = max(1, width - label_width - 1)
    for name, label in ROWS:
        m = result.metrics[name]
        if FIELD_SPECS[name].setting and m.now.count == 0:
            continue  # an optional question: no row unless it is answered
        table.add_row(label, metric_row(m, result.window.days))
        if m.now.count and sparklines:
            table.add_row("", Text(sparkline(m.daily, name, spark_width), style="cyan"))
    return table


def exposure_lines(result: Trends) -> list[RenderableType]:
    e = result.exposure
    lines: list[RenderableType] = [Text("Exposure", style="bold")]
    incidents = []
    if e.significant_incidents:
        incidents.append(f"{e.significant_incidents} significant")
    if e.minor_incidents:
        incidents.append(f"{e.minor_incidents} minor")
    lines.append(indented(Text("Incidents: " + (", ".join(incidents) if incidents else "none") + ".")))
    if e.hurt_days:
        lines.append(indented(Text(f"Assaulted or physically hurt at work on {e.hurt_days} "
                                   f"{'day' if e.hurt_days == 1 else 'days'}.")))
    bands = sorted(LEVEL_WORDS.items(), reverse=True)  # heaviest first
    for label, days in (("Distressing material", e.material_days),
                        ("Hostile or distressing interactions", e.interaction_days)):
        # Every level answered, heaviest first.
        pieces = [f"{words} on {days[b]} {'day' if days[b] == 1 else 'days'}" for b, words in bands if days[b]]
        if pieces:
            lines.append(indented(Text(f"{label}: " + ", ".join(pieces) + ".")))
    if e.graphic_days:
        lines.append(indented(Text(
            f"Violent or graphic images or video on {e.graphic_days} "
            f"{'day' if e.graphic_days == 1 else 'days'}."
        )))
    return lines


RECOVERY_SHORT = {
    "exercise": "exercise", "outdoors": "time outdoors", "people": "time with people",
    "hobby": "a hobby", "wind_down": "a wind-down routine", "rest": "rest",
    "other": "something else",
}


def colleague_line(result: Trends) -> list[RenderableType]:
    days = result.colleague_days
    if days is None:
        return []
    return [indented(Text(f"You supported a colleague on {days} {'day' if days == 1 else 'days'}."))]


def recovery_lines(result: Trends) -> list[RenderableType]:
    counts = sorted(
        ((n, item) for item, n in result.recovery.items() if n and item != "nothing"),
        key=lambda pair: (-pair[0], pair[1]),
    )
    if not counts:
        return []
    pieces = [f"{RECOVERY_SHORT[item]} on {n} {'day' if n == 1 else 'days'}" for n, item in counts]
    return [Text("What you did for yourself", style="bold"),
            indented(Text(", ".join(pieces).capitalize() + "."))]


def comparison_words(c: Comparison) -> str:
    label = LABELS.get(c.measure, c.measure)
    return (
        f"{label} {c.with_label}: {value_words(c.measure, c.with_mean)} on average, against "
        f"{value_words(c.measure, c.without_mean)} {c.without_label} "
        f"({c.with_count} and {c.without_count} days)."
    )


def comparisons_block(result: Trends) -> list[RenderableType]:
    if not result.comparisons:
        return []
    lines: list[RenderableType] = [
        Text("What goes together", style="bold"),
        indented(Text("Patterns in your own check-ins: they show what tends to go together, "
                      "not that one causes the other.", style="dim")),
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
    label = LABELS.get(name, name)
    ends = ""
    if spec.words.get(spec.low) and spec.words.get(spec.high):
        ends = f" ({int(spec.low)} {spec.words[spec.low]} to {int(spec.high)} {spec.words[spec.high]})"  # type: ignore[arg-type, index]
    lines.append(Text(f"{label} by day{ends}", style="bold"))
    lines.append(indented(Text(
        f"Weeks from {day_words(start_monday)}, one column a week; "
        f"{GAP} no answer, blank outside the period.",
        style="dim",
    )))
    header = Text("   ")
    for week in range(shown):
        header.append(f"{(start_monday + dt.timedelta(weeks=week)).day:>{cell - 1}} ", style="dim")
    lines.append(header)
    for weekday in range(7):
        row = Text(f"{'MTWTFSS'[weekday]}  ")
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
    return Text(
        f"{day_words(w.start)} to {day_words(w.end)}: you checked in on "
        f"{result.checked_in} of these {w.days} days."
    )


# Each kind of day counted: (one, many).
DAY_TYPE_WORDS = {
    "day": ("day shift", "day shifts"), "late": ("late shift", "late shifts"),
    "night": ("night shift", "night shifts"), "long": ("long or extended shift", "long or extended shifts"),
    "training": ("training, court or office day", "training, court or office days"),
    "rest": ("rest day", "rest days"), "sick": ("day off sick", "days off sick"),
    "leave": ("day of annual leave", "days of annual leave"),
    "skipped": ("day with its kind skipped", "days with their kind skipped"),
}


def day_types_line(result: Trends) -> list[RenderableType]:
    """'Kinds of day: 4 day shifts, 2 night shifts, 1 day off sick.' Only the kinds there were."""
    pieces = [f"{n} {DAY_TYPE_WORDS[kind][n != 1]}" for kind, n in result.day_types.items()
              if n and kind in DAY_TYPE_WORDS]
    return [Text("Kinds of day: " + ", ".join(pieces) + ".")] if pieces else []


def too_little(window: Window, count: int) -> Text:
    have = "no check-ins" if count == 0 else f"{count} check-in{'s' if count != 1 else ''}"
    return Text(
        f"There is not much to show yet: {have} from {day_words(window.start)} to "
        f"{day_words(window.end)}. After a few check-ins, your averages, a calendar and "
        "what goes together will appear here."
    )


def dashboard(result: Trends, *, calendar_metric: str, width: int, plain: bool = False,
              beside: list[RenderableType] | None = None) -> RenderableType:
    """`beside`: what went well, shown after what was hard (render.went_well)."""
    if result.checked_in < MIN_FOR_AVERAGE:
        return too_little(result.window, result.checked_in)
    parts: list[RenderableType] = [
        Text(f"Your last {period_words(result.window.days)}", style="bold"),
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

    lines: list[RenderableType] = [Text("Question packs", style="bold")]
    for pack in packs.values():
        for score in pack["scores"].values():
            if not score["count"]:
                continue
            # Text, never markup: the title and the band's words come from the officer's own pack file.
            lines.append(indented(Text(f"{score_words(score)}.")))
    return lines
