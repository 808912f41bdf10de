"""Writing the files people take away (exports, summaries): private, atomic, and never
over the journal or a file the user did not mean to replace."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from resilience_cli.errors import Cancelled, InvalidInput, JournalProblem
from resilience_cli.messages import _

STDOUT = "-"


def output_target(path: Path, *, force: bool, ask: Callable[[str], bool] | None,
                  protected: Iterable[Path]) -> Path | None:
    """Where an --output may be written; None for "-", standard output.

    Never the journal, its -wal or -shm files, or anything in the journal's or
    the settings' folder: `summary -o journal.db` run from there once replaced
    every check-in. An existing file is replaced only with --force, or after a
    yes when `ask` (a terminal) is there; otherwise the command is refused.
    `protected`: the journal's and the settings' folders (config.paths()).
    """
    if str(path) == STDOUT:
        return None
    target = path.expanduser()
    refuse_protected(target, protected)
    if target.is_dir():
        raise InvalidInput(_("store.output.is_folder", path=target))
    if target.exists() or target.is_symlink():
        if force:
            return target
        if ask is None:
            raise InvalidInput(_("store.output.exists", path=target, flag="--force"))  # not a message: a flag
        if not ask(_("store.output.replace", path=target)):
            raise Cancelled(_("store.output.left", path=target))
    return target


def refuse_protected(target: Path, protected: Iterable[Path], *, allowed: Path | None = None) -> None:
    """Refuse a path to write that is in (or is) one of the `protected` folders, as its real
    location: the journal may be a link into a synced folder, and a file written over its
    real path replaced every check-in. `allowed`: a folder inside them that may be written
    (the backups folder beside the journal)."""
    resolved = target.resolve()
    if allowed is not None and resolved.parent == allowed.resolve():
        return
    for folder in {p.resolve() for p in protected}:
        if resolved == folder or resolved.is_relative_to(folder):
            raise InvalidInput(_("store.output.protected", path=target, folder=folder))


def create_private_file(path: Path, what: str) -> None:
    """Create an empty file readable by the user alone (unless another process just did).

    `what` is the id of the words naming it ("store.journal.what"), looked up only if
    the file cannot be made."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise JournalProblem(_("store.output.create_failed", what=_(what), path=path,
                               reason=exc.strerror)) from None
    os.close(fd)


def new_partial(beside: Path, suffix: str) -> Path:
    """A new empty file, the user's alone, beside `beside`, under a name nobody can guess
    and created exclusively: never one that is already there, which someone else could
    have planted as a link to a file of theirs."""
    import tempfile  # here: with typing, about 3 ms that `status` need not pay

    try:
        fd, name = tempfile.mkstemp(prefix=f".{beside.name}.", suffix=suffix, dir=beside.parent)
    except OSError as exc:
        raise JournalProblem(_("store.output.no_new_file", folder=beside.parent, reason=exc.strerror,
                               name=beside.name)) from None
    os.close(fd)
    return Path(name)


def put_in_place(partial: Path, dest: Path) -> None:
    """Make a finished file the user's alone, flush it to disk, and move it over `dest` in one step.

    The last step of every "write beside, then replace" (a backup, a restore,
    encrypt and decrypt): a crash leaves the old file or the new one, never half.
    """
    os.chmod(partial, 0o600)
    fd = os.open(partial, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(partial, dest)


def write_private(path: Path, content: str | bytes) -> None:
    """Write a file only the user can read, all of it or nothing.

    The content goes to a new hidden file beside `path` first, created
    exclusively under a name nobody can guess (never one that already exists,
    which someone else could have planted), is flushed to disk, and is then
    moved into place: a full disk or a crash never leaves half a file, and a
    symlink at `path` is replaced, never followed.
    """
    path = path.expanduser()
    if path.is_dir():
        raise InvalidInput(_("store.output.is_folder_short", path=path))
    data = content.encode("utf-8") if isinstance(content, str) else content
    partial: str | None = None
    import tempfile  # here: with typing, about 3 ms that `status` need not pay

    try:
        fd, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), 0o600)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except BaseException as exc:  # a full disk, Ctrl-C: never a partial file left behind
        if partial is not None:
            with contextlib.suppress(OSError):
                os.unlink(partial)
        if isinstance(exc, OSError):
            raise JournalProblem(_("store.output.write_failed", path=path, reason=exc.strerror)) from None
        raise
