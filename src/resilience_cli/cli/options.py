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


ToOpt = Annotated[str | None, typer.Option("--to", metavar="D", help="The last day (default today).")]
TextOrJsonOpt = Annotated[TextOrJson, typer.Option("--format", help="text or json.")]
NoInputOpt = Annotated[bool, typer.Option("--no-input", help="Never ask; record only what the flags give.")]
