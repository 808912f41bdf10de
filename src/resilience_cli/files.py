"""Writing the files people take away (exports, summaries): private and atomic."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from resilience_cli.errors import InvalidInput, JournalProblem


def write_private(path: Path, content: str | bytes) -> None:
    """Write a file only the user can read, all of it or nothing.

    The content goes to a hidden file beside `path` first, is flushed to disk,
    and is then moved into place: a full disk or a crash never leaves half a file.
    """
    path = path.expanduser()
    if path.is_dir():
        raise InvalidInput(f"{path} is a folder; give a file name.")
    partial = path.with_name(f".{path.name}.partial")
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(partial, 0o600)
        os.replace(partial, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise JournalProblem(f"{path} could not be written ({exc.strerror}). Nothing was written.") from None
