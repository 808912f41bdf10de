"""`resilience trends`: the pattern of recent weeks against your own baseline."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated

import typer

from resilience_cli.cli import common
from resilience_cli.cli.options import TextOrJson, TextOrJsonOpt, ToOpt
from resilience_cli.errors import InvalidInput
from resilience_cli.messages import _
from resilience_cli.model import NUMERIC_FIELDS

DEFAULT_DAYS = 28
DEFAULT_CALENDAR = "mood"


def trends(
    days: Annotated[int, typer.Option(metavar="N", help=_("trends.option.days"))] = DEFAULT_DAYS,
    to: ToOpt = None,
    metric: Annotated[str, typer.Option(metavar="M", help=_("trends.option.metric", measures=", ".join(NUMERIC_FIELDS)))] = DEFAULT_CALENDAR,
    format_: TextOrJsonOpt = TextOrJson.text,
) -> None:
    """See your pattern: averages, changes, exposure and a calendar, against your own baseline.

    \b
    Examples:
      resilience trends
      resilience trends --days 90 --metric sleep_hours
      resilience trends --to 2026-10-31 --format json
    """
    from resilience_cli.insights import history_needed, to_json_dict
    from resilience_cli.insights import trends as compute
    from resilience_cli.pack_files import pack_scores

    days = common.positive_days(days)
    metric_name = metric.strip().lower().replace("-", "_")
    if metric_name not in NUMERIC_FIELDS:
        raise InvalidInput(_("trends.error.metric", measures=", ".join(NUMERIC_FIELDS), given=repr(metric)))
    end = common.parse_date(to, allow_future=True) if to else common.today()
    # Read only the window, the previous one and the baseline: the cost of a
    # fixed window must not grow with years of history.
    try:
        span = history_needed(end, days)
    except OverflowError:  # the window, the one before it and the baseline reach before year 1
        raise InvalidInput(_("trends.error.too_far_back", days=days, end=end.isoformat())) from None
    with common.read_only_store() as store:
        records = store.between(span.start, span.end) if store else []
        pack_answers = store.pack_answers.since(end - dt.timedelta(days=days - 1)) if store else []
        reflections = store.reflections.since(span.start) if store else []
        colleagues = store.colleagues.all() if store else []
    result = compute(records, end, days)
    packs = pack_scores(pack_answers, end - dt.timedelta(days=days - 1), end)
    from resilience_cli import went_well

    well = went_well.went_well(records, reflections, colleagues, result.window)
    if format_ is TextOrJson.json:
        common.machine_output(json.dumps({**to_json_dict(result), "packs": packs, **went_well.to_json_dict(well)},
                                         indent=2, allow_nan=False) + "\n")
        return
    from resilience_cli.render.trends import dashboard

    out = common.console()
    if store is None:
        out.print(common.NO_CHECKINS_YET)
        return
    from resilience_cli.render.went_well import went_well_lines

    out.print(dashboard(result, calendar_metric=metric_name, width=out.width, plain=common.plain_mode(),
                        beside=went_well_lines(well, width=out.width, sparklines=not common.plain_mode())))
    if any(score["count"] for pack in packs.values() for score in pack["scores"].values()):
        from resilience_cli.render.trends import pack_lines

        out.print()
        for line in pack_lines(packs):
            out.print(line)

