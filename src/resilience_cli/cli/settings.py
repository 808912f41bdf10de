"""`resilience config`: the effective settings and where each came from."""

from __future__ import annotations

import json

from resilience_cli.cli import common
from resilience_cli.cli.options import TextOrJson, TextOrJsonOpt
from resilience_cli.config import load_settings, paths


def config(
    format_: TextOrJsonOpt = TextOrJson.text,
) -> None:
    """Show your settings, and whether each comes from your config file or the defaults.

    \b
    Example:
      resilience config
    """
    p = paths()
    settings = load_settings(p.config_file)
    rows = settings.described()
    # Tips quietened with `tips --silence` live in the journal, not the file.
    with common.read_only_store() as store:
        quiet = store.tips.silenced() if store is not None else {}
    today = common.today()
    now = sorted(f"{rule} until {until.isoformat()}" for rule, until in quiet.items() if until >= today)
    rows.append(("rules.silenced_for_now", now, "journal (resilience tips --silence)" if now else "default"))
    if format_ is TextOrJson.json:
        common.machine_output(json.dumps({"config_file": str(p.config_file),
                                          "settings": {k: {"value": v, "from": src} for k, v, src in rows}},
                                         indent=2, allow_nan=False) + "\n")
        return
    state = "" if p.config_file.exists() else " (not created; every setting is a default)"
    print(f"Settings file: {p.config_file}{state}")
    width = max(len(k) for k, _, _ in rows)
    for key, value, source in rows:
        shown = "not set" if value is None or value == [] else (
            ", ".join(map(str, value)) if isinstance(value, list) else str(value).lower()
            if isinstance(value, bool) else str(value))
        print(f"  {key:<{width}}  {shown}  ({source})")
