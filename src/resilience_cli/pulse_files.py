"""The collector's pulse files from disk: files and folders, one at a time, each read only up to a limit.

Streaming keeps memory flat however many files a force or a prison service
sends: a folder is listed as it is walked, never sorted into a list, and no
file is read past the size a pulse file could have.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from resilience_cli.errors import InvalidInput, ResilienceError
from resilience_cli.messages import _
from resilience_cli.pulse.schema import MAX_FILE_BYTES, PulseFileProblem


def pulse_paths(given: Iterable[Path]) -> Iterator[Path]:
    """Each file named, and each *.json file directly inside each folder named (hidden ones left out)."""
    for path in given:
        path = path.expanduser()
        if path.is_dir():
            try:
                with os.scandir(path) as entries:
                    for entry in entries:
                        if entry.name.endswith(".json") and not entry.name.startswith("."):
                            yield Path(entry.path)
            except OSError as exc:
                raise ResilienceError(_("pulse.files.folder_unreadable", path=path, why=exc.strerror)) from None
        elif path.exists():
            yield path
        else:
            raise InvalidInput(_("pulse.files.missing", path=path))


def read_small(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """A file's bytes when it is a regular file of at most `limit` bytes; never more read than that."""
    try:
        # O_NONBLOCK: a named pipe dropped among the files opens at once instead of waiting forever.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise ResilienceError(_("pulse.files.unreadable", path=path, why=exc.strerror)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise PulseFileProblem(_("pulse.files.not_regular", path=path))
        too_big = PulseFileProblem(_("pulse.files.too_big", path=path, kb=limit // 1024))
        if info.st_size > limit:
            raise too_big
        chunks, size = [], 0
        while True:  # the size can change after fstat: the limit holds whatever is read
            chunk = os.read(fd, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise too_big
        return b"".join(chunks)
    except OSError as exc:
        raise ResilienceError(_("pulse.files.unreadable", path=path, why=exc.strerror)) from None
    finally:
        os.close(fd)
