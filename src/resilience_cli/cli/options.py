"""Options several commands share, defined once (as sqlite-utils defines its shared options).

Each is an `Annotated` alias: a command's parameter `to: ToOpt = None` gets
the same flag, metavar and help everywhere.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer


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


def _format(choices: type[StrEnum], note: str = "") -> typer.models.OptionInfo:
    """--format, its help listing the choices in words ("md, txt, html or pdf")."""
    names = [c.value for c in choices]
    listed = f"{', '.join(names[:-1])} or {names[-1]}"
    return typer.Option("--format", help=f"{listed}{f' ({note})' if note else ''}.")


ToOpt = Annotated[str | None, typer.Option("--to", metavar="D", help="The last day (default today).")]


def no_input_option(then: str) -> typer.models.OptionInfo:
    """--no-input, its help saying what happens instead of asking."""
    return typer.Option("--no-input", help=f"Never ask; {then}.")


NoInputOpt = Annotated[bool, no_input_option("record only what the flags give")]
TextOrJsonOpt = Annotated[TextOrJson, _format(TextOrJson)]
TableFormatOpt = Annotated[TableFormat, _format(TableFormat)]
ExportFormatOpt = Annotated[ExportFormat, _format(ExportFormat, "check-ins only")]
ImportFormatOpt = Annotated[ImportFormat | None, _format(ImportFormat, "default: from the file")]
SummaryFormatOpt = Annotated[SummaryFormat, _format(SummaryFormat)]
HostFormatOpt = Annotated[HostFormat, _format(HostFormat, "text: the live screen on a terminal; md: the running order, to print")]
PulseFormatOpt = Annotated[PulseFormat, _format(PulseFormat)]


def command_help(about: str, examples: str) -> str:
    """A subcommand's --help: what it does, then its examples (a message of commands as
    typed, one a line) under their heading, as `resilience --help` gives a command's
    (cli/app.py); Click must not rewrap the examples (the \\b line)."""
    from resilience_cli.messages import _

    lines = examples.splitlines()
    heading = _("commands.examples_heading" if len(lines) > 1 else "commands.example_heading")
    return f"{about}\n\n\b\n{heading}\n" + "\n".join(f"  {line}" for line in lines)
