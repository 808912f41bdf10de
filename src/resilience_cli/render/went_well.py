"""The trends view's "What went well" and "Looking out for colleagues": counts and sparklines."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text

from resilience_cli.insights import BASELINE_DAYS
from resilience_cli.messages import _, _n
from resilience_cli.render.trends import BARS, GAP, indented
from resilience_cli.went_well import WentWell


def _days(n: int) -> str:
    return _n("checkin.went_well.days", n)


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
        share = m.baseline_share
        if share is None:
            text = _("checkin.went_well.moments", days=m.days, answered=_days(m.answered))
        else:
            text = _("checkin.went_well.moments_usually", days=m.days, answered=_days(m.answered),
                     share=f"{share:.0%}")
        good.append(indented(Text(text)))
        if sparklines:
            good.append(indented(Text(marks(m.daily, max(1, width - 2)), style="cyan")))
    if w.weekly:
        if w.baseline_mean is None:
            text = _n("checkin.went_well.worthwhile", len(w.weekly), mean=f"{w.mean:.1f}")
        else:
            text = _n("checkin.went_well.worthwhile_usually", len(w.weekly), mean=f"{w.mean:.1f}",
                      usual=f"{w.baseline_mean:.1f}")
        good.append(indented(Text(text)))
        if sparklines:
            good.append(indented(Text(scale_line(w.weekly), style="cyan")))
    if result.growth_lines or result.growth_lines_baseline:
        good.append(indented(Text(_("checkin.went_well.growth", lines=result.growth_lines,
                                    before=result.growth_lines_baseline, days=BASELINE_DAYS))))
    if good:
        lines += [Text(_("checkin.went_well.heading"), style="bold"), *good]
    if result.colleague_checkins:
        n = result.colleague_checkins
        checked = (_("colleagues.went_well.once") if n == 1 else _("colleagues.went_well.twice") if n == 2
                   else _n("colleagues.went_well.times", n))
        lines += [Text(_("colleagues.went_well.heading"), style="bold"), indented(Text(checked))]
    return lines
