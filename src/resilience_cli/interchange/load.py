"""Reading a file of any format we know: ours through `reader`, Daylio's and jrnl's through `others`.

Its own module so that `reader` and `others` need not import each other.
"""

from __future__ import annotations

import datetime as dt

from resilience_cli.errors import InvalidInput
from resilience_cli.interchange import others, reader
from resilience_cli.messages import _
from resilience_cli.validation import Batch


def parse(text: str, fmt: str, today: dt.date) -> Batch:
    if fmt == "json":
        return reader.from_json(text, today)
    if fmt == "jsonl":
        return reader.from_jsonl(text, today)
    if fmt == "csv":
        return reader.from_csv(text, today)
    if fmt == "daylio":
        return others.from_daylio(text, today)
    if fmt == "jrnl":
        return others.from_jrnl(text, today)
    raise InvalidInput(_("interchange.bad_format", option="--format", formats=", ".join(reader.FORMATS),
                         given=repr(fmt)))
