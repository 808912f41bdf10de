"""Options several commands share, defined once (as sqlite-utils defines its shared options).

Each is an `Annotated` alias: a command's parameter `to: ToOpt = None` gets
the same flag, metavar and help everywhere.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from resilience_cli.messages import _


class TextOrJson(StrEnum):
    text = "text"
    json = "json"


class TableFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class ImportFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    daylio = "daylio"
    jrnl = "jrnl"


class HostFormat(StrEnum):
    text = "text"
    md = "md"


class SummaryFormat(StrEnum):
    md = "md"
    txt = "txt"
    html = "html"
    pdf = "pdf"


class PulseFormat(StrEnum):
    md = "md"
    html = "html"
    json = "json"


# The words of these options are commands.po's (the catalogue every Typer run reads
# for `resilience --help`'s lines): the choices themselves are typed, never translated.
def _format(choices: type[StrEnum], note: str | None = None) -> typer.models.OptionInfo:
    """--format, its help listing the choices in words ("md, txt, html or pdf")."""
    names = [c.value for c in choices]
    listed = _("commands.option.format.choices", most=", ".join(names[:-1]), last=names[-1])
    if note is None:
        return typer.Option("--format", help=_("commands.option.format", choices=listed))
    return typer.Option("--format", help=_("commands.option.format.note", choices=listed, note=note))


ToOpt = Annotated[str | None, typer.Option("--to", metavar="D", help=_("commands.option.to"))]


def no_input_option(then: str) -> typer.models.OptionInfo:
    """--no-input, its help saying what happens instead of asking."""
    return typer.Option("--no-input", help=_("commands.option.no_input", then=then))


NoInputOpt = Annotated[bool, no_input_option(_("commands.option.no_input.checkin"))]
TextOrJsonOpt = Annotated[TextOrJson, _format(TextOrJson)]
TableFormatOpt = Annotated[TableFormat, _format(TableFormat)]
ExportFormatOpt = Annotated[ExportFormat, _format(ExportFormat, _("commands.option.format.export"))]
ImportFormatOpt = Annotated[ImportFormat | None, _format(ImportFormat, _("commands.option.format.import"))]
SummaryFormatOpt = Annotated[SummaryFormat, _format(SummaryFormat)]
HostFormatOpt = Annotated[HostFormat, _format(HostFormat, _("commands.option.format.host"))]
PulseFormatOpt = Annotated[PulseFormat, _format(PulseFormat)]


def command_help(about: str, examples: str) -> str:
    """A subcommand's --help: what it does, then its examples (a message of commands as
    typed, one a line) under their heading, as `resilience --help` gives a command's
    (cli/app.py); Click must not rewrap the examples (the \\b line)."""
    from resilience_cli.messages import _

    lines = examples.splitlines()
    heading = _("commands.examples_heading" if len(lines) > 1 else "commands.example_heading")
    return f"{about}\n\n\b\n{heading}\n" + "\n".join(f"  {line}" for line in lines)
