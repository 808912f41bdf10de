"""`resilience config`: the effective settings and where each came from."""

from __future__ import annotations

import json

from resilience_cli.cli import common
from resilience_cli.cli.options import TextOrJson, TextOrJsonOpt
from resilience_cli.config import load_settings, paths
from resilience_cli.messages import _


def config(
    format_: TextOrJsonOpt = TextOrJson.text,
) -> None:
    """`resilience config`: its --help is commands.po's (commands.config.*, see cli/app.py)."""
    p = paths()
    settings = load_settings(p.config_file)
    rows = settings.described()
    # Tips quietened with `tips --silence` live in the journal, not the file.
    with common.read_only_store() as store:
        quiet = store.tips.silenced() if store is not None else {}
    today = common.today()
    now = sorted((rule, until) for rule, until in quiet.items() if until >= today)
    if format_ is TextOrJson.json:
        # JSON's own values, in English whatever the language spoken.
        rows.append(("rules.silenced_for_now", [f"{rule} until {until.isoformat()}" for rule, until in now],  # not a message: JSON's value
                     "journal (resilience tips --silence)" if now else "default"))  # not a message: JSON's value
        common.machine_output(json.dumps({"config_file": str(p.config_file),
                                          "settings": {k: {"value": v, "from": src} for k, v, src in rows}},
                                         indent=2, allow_nan=False) + "\n")
        return
    rows.append(("rules.silenced_for_now",
                 [_("settings.config.silenced_until", rule=rule, date=until.isoformat()) for rule, until in now],
                 "journal" if now else "default"))
    # Where each came from: described()'s values, in words.
    sources = {"config file": _("settings.source.file"),  # not a message: described()'s value
               "default": _("settings.source.default"),
               "journal": _("settings.source.journal", command="resilience tips --silence")}  # not a message: a command
    print(_("settings.config.file", path=p.config_file) if p.config_file.exists()
          else _("settings.config.file_not_created", path=p.config_file))
    width = max(len(name) for name, __, __ in rows)
    for key, value, source in rows:
        shown = _("settings.config.not_set") if value is None or value == [] else (
            ", ".join(map(str, value)) if isinstance(value, list) else str(value).lower()
            if isinstance(value, bool) else str(value))
        print(f"  {key:<{width}}  {shown}  ({sources[source]})")
