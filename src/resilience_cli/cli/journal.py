"""`resilience log`, `show` and `delete`: reading and removing saved check-ins."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Annotated

import typer

from resilience_cli.cli import common
from resilience_cli.cli.options import TableFormat, TableFormatOpt, ToOpt
from resilience_cli.errors import Cancelled, InvalidInput, NotFound
from resilience_cli.messages import _
from resilience_cli.model import day_words

DEFAULT_LOG_DAYS = 14

DayArg = Annotated[str, typer.Argument(metavar="D", help=_("journal.option.day"))]


def log(
    days: Annotated[int | None, typer.Option(metavar="N", help=_("journal.option.days", default=DEFAULT_LOG_DAYS))] = None,
    from_: Annotated[str | None, typer.Option("--from", metavar="D", help=_("journal.option.from"))] = None,
    to: ToOpt = None,
    format_: TableFormatOpt = TableFormat.table,
) -> None:
    """List check-ins, newest last.

    \b
    Examples:
      resilience log
      resilience log --days 90 --format csv > checkins.csv
      resilience log --from 2026-01-01 --to 2026-03-31 --format json
    """
    if days is not None and from_ is not None:
        raise InvalidInput(_("journal.error.days_and_from"))
    end = common.parse_date(to, allow_future=True) if to else common.today()
    if from_ is not None:
        start = common.parse_date(from_, allow_future=True)
        if start > end:
            raise InvalidInput(_("journal.error.from_after_to", start=start, end=end))
    else:
        start = end - dt.timedelta(days=common.positive_days(DEFAULT_LOG_DAYS if days is None else days) - 1)
    with common.read_only_store() as store:
        records = store.between(start, end) if store else []
    if format_ is TableFormat.json:
        from resilience_cli.interchange.formats import to_json

        common.machine_output(to_json(records))
        return
    if format_ is TableFormat.csv:
        from resilience_cli.interchange.formats import to_csv

        common.machine_output(to_csv(records))
        return
    if store is None:
        common.console().print(common.NO_CHECKINS_YET)
        return
    if not records:
        common.console().print(_("journal.log.none", start=day_words(start), end=day_words(end)))
        return
    import shutil

    from resilience_cli.render.logtable import LOG_TABLE_MIN_WIDTH, legend, log_rows

    width = shutil.get_terminal_size((80, 24)).columns
    if width < LOG_TABLE_MIN_WIDTH:
        from resilience_cli.render.journal import log_lines

        out = common.console()
        out.print(log_lines(records))
        out.print(legend(), style="dim")
        return
    # Streamed without Rich: the same look, at a fraction of the start-up.
    import textwrap

    header, lines = log_rows(records)
    write = sys.stdout.write
    write(common.styled(header, "1;4") + "\n")
    write("".join(line + "\n" for line in lines))
    write(common.styled("\n".join(textwrap.wrap(legend(), width - 1)), "2") + "\n")


def show(date: DayArg) -> None:
    """Show every answer of one day's check-in, including its private note.

    \b
    Example:
      resilience show yesterday
    """
    day = common.parse_date(date)
    with common.read_only_store() as store:
        record = store.get(day) if store else None
    if record is None:
        raise NotFound(_("journal.show.not_found", day=day_words(day)))
    from resilience_cli.render.journal import detail

    settings = common.settings()
    from resilience_cli.model import turned_off

    common.console().print(detail(record, list(turned_off(settings))))


def delete(
    date: DayArg,
    yes: Annotated[bool, typer.Option("--yes", "-y", help=_("journal.option.yes"))] = False,
) -> None:
    """Delete one day's check-in, after asking.

    \b
    Example:
      resilience delete 2026-11-20 --yes
    """
    day = common.parse_date(date)
    with common.read_only_store() as store:
        exists = store.has(day) if store else False
    if not exists:
        raise NotFound(_("journal.delete.not_found", day=day_words(day)))
    if not yes:
        if not common.stdin_is_terminal():
            raise InvalidInput(_("journal.delete.needs_yes"))
        from resilience_cli.prompts import confirm_delete

        try:
            agreed = confirm_delete(day)
        except KeyboardInterrupt:
            raise Cancelled(_("journal.delete.cancelled")) from None
        if not agreed:
            common.console().print(_("journal.delete.kept"))
            return
    store = common.created_store()
    with store:
        store.delete(day)
    common.console().print(_("journal.delete.done", day=day_words(day)))
