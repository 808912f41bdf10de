"""The packs installed in the data folder, and their scores over a window.

Beside the pure `packs` (which parses and scores one pack) because it reads
the data folder; below the CLI because `pack`, `trends` and `summary` all
need it, and no command borrows from another.
"""

from __future__ import annotations

import datetime as dt

from resilience_cli.errors import ResilienceError


def installed() -> dict[str, object]:
    """The packs in the data folder, by name, in the language spoken (a built-in pack's words from the
    catalogue, anyone's own as written). A broken file is skipped (`pack add` checks a file before it is added)."""
    from resilience_cli.config import paths
    from resilience_cli.packs import in_language, parse

    folder = paths().packs_dir
    found = {}
    if folder.is_dir():
        for path in sorted(folder.glob("*.toml")):
            try:
                pack = parse(path.read_text("utf-8"), path.name)
            except (ResilienceError, OSError, UnicodeDecodeError):
                continue
            found[pack.name] = in_language(pack)
    return found


def pack_scores(answers, start: dt.date, end: dt.date) -> dict:
    """Scores of the installed packs answered in the window, by pack name."""
    if not answers:
        return {}
    from resilience_cli.packs import window_scores

    return {name: {"title": pack.title, "scores": window_scores(pack, answers, start, end)}
            for name, pack in installed().items() if any(a.pack == name for a in answers)}
