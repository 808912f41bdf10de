"""The trends view's "What went well" and "Looking out for colleagues": counts and sparklines."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text

from resilience_cli.insights import BASELINE_DAYS
from resilience_cli.render.trends import BARS, GAP, indented
from resilience_cli.went_well import WentWell


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def marks(daily: tuple[bool | None, ...], width: int) -> str:
    """One mark a day (a full bar: yes; a low one: no; a dot: not answered); grouped when too wide."""
    if width < 1 or not daily:
        return ""
    size = max(1, -(-len(daily) // width))
    out = []
    for i in range(0, len(daily), size):
        answered = [v for v in daily[i : i + size] if v is not None]
        if not answered:
            out.append(GAP)
            continue
        share = sum(answered) / len(answered)
        out.append(BARS[min(len(BARS) - 1, int(share * (len(BARS) - 1) + 0.5))])
    return "".join(out)


def scale_line(values: tuple[int, ...], top: int = 4) -> str:
    return "".join(BARS[min(len(BARS) - 1, int(v / top * (len(BARS) - 1) + 0.5))] for v in values)


def went_well_lines(result: WentWell, *, width: int, sparklines: bool = True) -> list[RenderableType]:
    lines: list[RenderableType] = []
    m, w = result.moments, result.worthwhile
    good: list[RenderableType] = []
    if m.answered:
        text = f"A moment at work that felt worthwhile on {m.days} of {_days(m.answered)} answered"
        share = m.baseline_share
        if share is not None:
            text += f"; usually on {share:.0%} of days"
        good.append(indented(Text(text + ".")))
        if sparklines:
            good.append(indented(Text(marks(m.daily, max(1, width - 2)), style="cyan")))
    if w.weekly:
        text = (f"Work felt worthwhile: {w.mean:.1f} of 4 on average over {len(w.weekly)} weekly "
                f"{'reflection' if len(w.weekly) == 1 else 'reflections'}")
        if w.baseline_mean is not None:
            text += f"; usually {w.baseline_mean:.1f}"
        good.append(indented(Text(text + ".")))
        if sparklines:
            good.append(indented(Text(scale_line(w.weekly), style="cyan")))
    if result.growth_lines or result.growth_lines_baseline:
        good.append(indented(Text(
            f"Things you learned or are quietly proud of: {result.growth_lines} in this period "
            f"({result.growth_lines_baseline} in the {BASELINE_DAYS} days before).")))
    if good:
        lines += [Text("What went well", style="bold"), *good]
    if result.colleague_checkins:
        n = result.colleague_checkins
        lines += [Text("Looking out for colleagues", style="bold"),
                  indented(Text(f"You checked on a colleague after an incident "
                                f"{ {1: 'once', 2: 'twice'}.get(n, f'{n} times') }."))]
    return lines
