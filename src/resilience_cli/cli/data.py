"""`export`, `import`, `backup`, `restore` and `privacy`: your data, safe and yours."""

from __future__ import annotations

import datetime as dt
import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from resilience_cli.cli import common
from resilience_cli.cli.options import (
    ExportFormat,
    ExportFormatOpt,
    ImportFormatOpt,
)
from resilience_cli.config import paths
from resilience_cli.errors import (
    Cancelled,
    InvalidInput,
    JournalProblem,
    ResilienceError,
)
from resilience_cli.files import output_target, refuse_protected, write_private
from resilience_cli.messages import _, _n

BACKUPS = "backups"
# Commands and flags named in the words below: typed as they are, in every language.
ENCRYPT = "resilience encrypt"  # not a message: a command
PASSPHRASE = "resilience passphrase"  # not a message: a command
FORGET_SAFETY = "resilience privacy --forget-safety"  # not a message: a command
FORGET_COLLEAGUE = "resilience colleague forget NICKNAME"  # not a message: a command


class Prefer(StrEnum):
    journal = "journal"
    file = "file"


def export(
    format_: ExportFormatOpt = ExportFormat.json,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="PATH", help=_("data.option.output"))] = None,
    force: Annotated[bool, typer.Option("--force", help=_("data.option.force", option="--output"))] = False,
) -> None:
    """`resilience export`: its --help is commands.po's (commands.export.*, see cli/app.py)."""
    from resilience_cli.interchange import formats
    from resilience_cli.store import utc_now

    # Checked before anything is read: a refused path costs nothing.
    target = output_target(output, force=force, ask=common.ask_replace(), protected=common.protected_folders()) if output is not None else None
    with common.read_only_store() as store:
        checkins, followups, reflections, packs = store.everything() if store else ([], [], [], [])
        summaries = store.summaries.all() if store else []
        phoneins = _phoneins(store) if store else []
        colleagues = store.colleagues.all() if store else []
    if format_ is ExportFormat.json:
        text = formats.export_json(checkins, followups, reflections, utc_now(), packs, summaries, phoneins,
                                   colleagues=colleagues)
    elif format_ is ExportFormat.jsonl:
        text = formats.export_jsonl(checkins, followups, reflections, packs, summaries, phoneins,
                                    colleagues=colleagues)
    else:
        text = formats.to_csv(checkins)
    if target is None:
        common.machine_output(text)
        return
    write_private(target, text)
    total = len(checkins) + (0 if format_ is ExportFormat.csv else
                             len(followups) + len(reflections) + len(packs) + len(summaries) + len(phoneins)
                             + len(colleagues))
    print(_n("data.export.wrote", total, path=target), file=sys.stderr)


def _phoneins(store) -> list:
    """The phone-in plan and takeaways; the private preparation before a call stays in the journal."""
    plan = store.phoneins.plan()
    return [*store.phoneins.takeaways(dt.date.min), *([plan] if plan else [])]


# A century of daily check-ins with long notes is well under this.
MAX_IMPORT_BYTES = 256 * 2**20


def import_(
    path: Annotated[Path, typer.Argument(metavar="PATH", help=_("data.option.import_path"))],
    format_: ImportFormatOpt = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=_("data.option.dry_run"))] = False,
    prefer: Annotated[Prefer | None, typer.Option("--prefer", help=_("data.option.prefer"))] = None,
) -> None:
    """`resilience import`: its --help is commands.po's (commands.import.*, see cli/app.py)."""
    from resilience_cli.interchange.load import parse
    from resilience_cli.interchange.reader import detect

    try:
        with path.expanduser().open("rb") as handle:
            # Read in a bounded way: /dev/zero, or a file far larger than a
            # century of check-ins, is refused rather than read into memory.
            raw = handle.read(MAX_IMPORT_BYTES + 1)
    except OSError as exc:
        raise JournalProblem(_("data.import.unreadable", path=path, reason=exc.strerror)) from None
    if len(raw) > MAX_IMPORT_BYTES:
        raise InvalidInput(_("data.import.too_large", path=path, megabytes=MAX_IMPORT_BYTES // 2**20))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(_("data.import.not_utf8", path=path)) from None
    fmt = format_.value if format_ else detect(path.name, text)
    batch = parse(text, fmt, common.today())
    _no_identifying_nicknames(batch)
    store = common.open_store(create=not dry_run)
    if store is None:  # a dry run on a new home: everything would be new
        from resilience_cli.store.bulk import Report, Tally

        report = Report(Tally(new=len(batch.checkins)), Tally(new=len(batch.followups)),
                        Tally(new=len(batch.reflections)), Tally(new=len(batch.pack_answers)),
                        Tally(new=len(batch.summaries)), Tally(new=len(batch.phoneins) + len(batch.phonein_plans)),
                        Tally(new=len(batch.colleague_checks)))
    else:
        with store:
            report = store.import_batch(batch, prefer=prefer.value if prefer else None, dry_run=dry_run)
    # Plain lines: scripts read this report, and it must not wrap mid-figure.
    checkins = report.checkins.words(_("data.import.noun.checkins"))
    print(_("data.import.dry_run", tally=checkins) if dry_run else _("data.import.imported", tally=checkins))
    if batch.followups or batch.reflections or batch.pack_answers or batch.summaries:
        print("  " + _("data.import.more", followups=report.followups.words(_("data.import.noun.followups")),
                       reflections=report.reflections.words(_("data.import.noun.reflections")),
                       packs=report.pack_answers.words(_("data.import.noun.pack_answers"))))
    if batch.summaries:
        print("  " + _("data.import.line", tally=report.summaries.words(_("data.import.noun.summaries"))))
    if batch.phoneins or batch.phonein_plans:
        print("  " + _("data.import.line", tally=report.phoneins.words(_("data.import.noun.phoneins"))))
    if batch.colleague_checks:
        print("  " + _("data.import.line", tally=report.colleague_checks.words(_("data.import.noun.colleagues"))))
    for change in report.changes:
        print(f"  {change}")
    for remark in batch.remarks:
        print(f"  {remark}")


def default_backup_path(today: dt.date) -> Path:
    folder = paths().data_dir / BACKUPS
    candidate = folder / f"journal-{today.isoformat()}.db"
    n = 2
    while candidate.exists():
        candidate = folder / f"journal-{today.isoformat()}-{n}.db"
        n += 1
    return candidate


def backup(
    path: Annotated[Path | None, typer.Argument(metavar="[PATH]", help=_("data.option.backup_path"))] = None,
    without_safety: Annotated[bool, typer.Option("--without-safety", help=_("data.option.without_safety"))] = False,
) -> None:
    """`resilience backup`: its --help is commands.po's (commands.backup.*, see cli/app.py)."""
    from resilience_cli.config import ensure_private_dir

    if path is not None and str(path) == "-":
        # Not standard output: a backup is a database file, and this once left a file named "-".
        raise InvalidInput(_("data.backup.not_stdout"))
    store = common.open_store(create=False)
    if store is None:
        raise JournalProblem(_("data.backup.no_journal"))
    dest = (path.expanduser() if path else default_backup_path(common.today()))
    if path is not None:
        # Like --output: never over the journal, config.toml or anything beside them
        # (an SQLite file as config.toml stopped every check-in); the backups folder is theirs.
        refuse_protected(dest, common.protected_folders(), allowed=paths().data_dir / BACKUPS)
    else:
        ensure_private_dir(dest.parent)
    with store:
        store.check_integrity()  # a copy to rely on later: never of a damaged journal
        store.backup_to(dest, without_safety=without_safety, passphrase=common.passphrase_for(paths().database))
        counts = store.counts()
    done = _n("data.backup.done", counts["checkins"], path=dest)
    print(f"{done} {_('data.backup.without_safety')}" if without_safety else done)


def restore(
    path: Annotated[Path, typer.Argument(metavar="PATH", help=_("data.option.restore_path", command="resilience backup"))],  # not a message: a command
    yes: Annotated[bool, typer.Option("--yes", "-y", help=_("data.option.restore_yes"))] = False,
    decrypt: Annotated[bool, typer.Option("--decrypt", help=_("data.option.decrypt"))] = False,
) -> None:
    """`resilience restore`: its --help is commands.po's (commands.restore.*, see cli/app.py)."""
    from resilience_cli.store.files import private_copy

    source = path.expanduser()
    journal = paths().database
    if source.resolve() == journal.resolve():
        raise InvalidInput(_("data.restore.is_journal"))
    phrase = common.passphrase_for(source, purpose=_("data.passphrase.of_backup"))
    # What is checked, and then installed, is this private copy (its -wal folded
    # in), never the backup's own file, which could change or differ from what
    # SQLite read.
    # Beside the real file: a journal kept as a link (into a synced folder) stays a link.
    copy = private_copy(source, journal.resolve().parent, phrase)
    try:
        _restore_copy(source, copy, phrase, yes=yes, decrypt=decrypt)
    finally:
        copy.unlink(missing_ok=True)


def _restore_copy(source: Path, copy: Path, phrase: str | None, *, yes: bool, decrypt: bool) -> None:
    from resilience_cli.config import ensure_private_dir
    from resilience_cli.store.files import inspect_file, private_copy, replace_journal

    journal = paths().database
    counts = inspect_file(copy, phrase, today=common.today(), shown_as=source)
    from resilience_cli.store.cipher import looks_encrypted

    if journal.exists() and looks_encrypted(journal) and not looks_encrypted(source) and not decrypt:
        raise InvalidInput(_("data.restore.would_decrypt", option="--decrypt", command=ENCRYPT))
    if not yes:
        if not common.stdin_is_terminal():
            raise InvalidInput(_("data.restore.needs_yes", option="--yes"))
        from resilience_cli.prompts import confirm

        try:
            agreed = confirm(_n("data.restore.confirm", counts["checkins"]))
        except KeyboardInterrupt:
            raise Cancelled(_("data.cancelled")) from None
        if not agreed:
            print(_("data.nothing_changed"))
            return
    kept = None
    old_phrase = common.passphrase_for(journal)
    current = common.open_store(create=False)
    if current is not None:
        kept = default_backup_path(common.today()).with_name(
            f"journal-before-restore-{dt.datetime.now():%Y-%m-%d-%H%M%S}.db")
        ensure_private_dir(kept.parent)
        with current:
            current.backup_to(kept)
    replace_journal(journal.resolve(), copy, old_phrase)
    try:
        reopened = common.open_store(create=True)  # brings an older backup's schema up to date
        if reopened is not None:
            reopened.close()
    except ResilienceError as exc:
        # Checked before the swap, so this should not happen; if it does, the
        # previous journal goes back, and the person is told where it is.
        if kept is None:
            raise
        replace_journal(journal.resolve(), private_copy(kept, journal.resolve().parent, old_phrase))
        raise JournalProblem(_("data.restore.put_back", problem=exc.message.rstrip("."), path=kept)) from None
    print(_n("data.restore.done", counts["checkins"], path=source))
    if kept:
        print(_("data.restore.kept", path=kept))


def privacy(
    forget_safety: Annotated[bool, typer.Option("--forget-safety", help=_("data.option.forget_safety"))] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help=_("data.option.forget_yes", option="--forget-safety"))] = False,
) -> None:
    """`resilience privacy`: its --help is commands.po's (commands.privacy.*, see cli/app.py)."""
    if forget_safety:
        _forget_safety(yes)
        return
    if yes:
        raise InvalidInput(_("data.privacy.yes_alone", yes="--yes", option="--forget-safety"))
    import stat

    p = paths()
    print(_label("data.privacy.label.journal") + str(p.database))
    if not p.database.exists():
        print(INDENT + _("data.privacy.not_created"))
    else:
        mode = stat.S_IMODE(p.database.stat().st_mode)
        folder = stat.S_IMODE(p.data_dir.stat().st_mode)
        print(_label("data.privacy.label.access") + _(
            "data.privacy.access", mode=oct(mode)[2:], folder=oct(folder)[2:],
            who=_("data.privacy.only_you") if mode & 0o077 == 0 else _("data.privacy.others_read"),
            folder_who=_("data.privacy.only_you") if folder & 0o077 == 0 else _("data.privacy.others_list")))
        store = common.open_store(create=False)
        if store is not None:
            with store:
                counts = store.counts()
                applied = store.applied_migrations()
                stale = store.stale_copies()
                try:
                    store.check_integrity()
                    integrity = _("data.privacy.sound")
                except JournalProblem:
                    integrity = _("data.privacy.damaged")
            from resilience_cli.store.cipher import looks_encrypted

            safety = counts["safety_answers"] + counts["pack_safety_answers"]
            encrypted = (_("data.privacy.encrypted") if looks_encrypted(p.database)
                         else _("data.privacy.not_encrypted", command=ENCRYPT))
            print(_label("data.privacy.label.encrypted") + encrypted)
            print(_label("data.privacy.label.schema") + _n(
                "data.privacy.schema", len(applied),
                name=applied[-1] if applied else _("data.privacy.no_schema")))
            print(_label("data.privacy.label.integrity") + integrity)
            records = [_n("data.privacy.checkins", counts["checkins"]),
                       _n("data.privacy.followups", counts["followups"]),
                       _n("data.privacy.reflections", counts["reflections"])]
            records += [_n(key, counts[table]) for table, key in (
                ("pack_answers", "data.privacy.pack_answers"),
                ("summaries", "data.privacy.summaries")) if counts[table]]
            _field(_("data.privacy.label.records"), ", ".join(records))
            if counts["colleague_checks"]:
                _field(_("data.privacy.label.colleagues"), _n("data.privacy.colleagues", counts["colleague_checks"]),
                       _("data.privacy.colleague_forget", command=FORGET_COLLEAGUE))
            phoneins = _phonein_words(counts)
            if phoneins:
                _field(_("data.privacy.label.phoneins"), phoneins)
            if counts["pulse_reads"]:
                _field(_("data.privacy.label.pulse"), _n("data.privacy.pulse", counts["pulse_reads"]))
            print(_label("data.privacy.label.safety") + _lines(_n("data.privacy.safety", safety, command=FORGET_SAFETY)))
            if stale:
                print(_label("data.privacy.label.left_over")
                      + _("data.privacy.left_over", paths=", ".join(str(p) for p in stale)))
    print(_label("data.privacy.label.network") + _lines(_("data.privacy.network")))


# Where `privacy` starts each field's words: after the widest label, as typed.
INDENT = " " * 14


def _label(key: str) -> str:
    """A field's label of `privacy`, padded so the words after it line up."""
    return f"{_(key):<{len(INDENT) - 1}} "


def _lines(text: str) -> str:
    """A message of `privacy` that breaks its own lines, each line under the one before."""
    return text.replace("\n", "\n" + INDENT)


def _field(label: str, *texts: str) -> None:
    """One field of `privacy`, wrapped under its label as the lines above it are; each text
    starts a line. A count never parts from its noun ("1 / supervision summary" reads as two figures)."""
    import textwrap

    lines = []
    for text in texts:
        glued = re.sub(r"(\d) ", "\\1\u00a0", text)
        lines += textwrap.wrap(glued, width=79, initial_indent=f"{label if not lines else '':<14}",
                               subsequent_indent=" " * 14, break_on_hyphens=False)
    print("\n".join(lines).replace("\u00a0", " "))


def _phonein_words(counts: dict[str, int]) -> str:
    """What the journal holds of phone-ins: takeaways and the plan go where check-ins go; the notes
    of what to bring stay in the journal, as `phonein prep` promises."""
    words = []
    takeaways, plan = counts["phoneins"], counts["phonein_plan"]
    if takeaways:
        key = "data.privacy.takeaways_and_plan" if plan else "data.privacy.takeaways"
        words.append(_n(key, takeaways, option="--include phonein"))  # not a message: an option
    elif plan:
        words.append(_("data.privacy.plan"))
    if counts["phonein_preps"]:
        words.append(_n("data.privacy.preps", counts["phonein_preps"]))
    return " ".join(words)


def _forget_safety(yes: bool) -> None:
    """Remove every safety answer: the crisis box they called for stops showing."""
    with common.read_only_store() as store:
        held = store.safety_answers.count() if store else 0
    if held == 0:
        print(_("data.forget.none"))
        return
    if not yes:
        if not common.stdin_is_terminal():
            raise InvalidInput(_("data.forget.needs_yes", option="--yes"))
        from resilience_cli.prompts import confirm

        try:
            agreed = confirm(_n("data.forget.confirm", held))
        except KeyboardInterrupt:
            raise Cancelled(_("data.cancelled")) from None
        if not agreed:
            print(_("data.nothing_changed"))
            return
    store = common.open_store(create=False)
    if store is None:
        raise JournalProblem(_("data.forget.cannot_open"))
    with store:
        store.prepare_for_writing()  # a damaged journal is refused, never written to
        removed = store.safety_answers.forget()
    print(_n("data.forget.done", removed))


def _no_identifying_nicknames(batch) -> None:
    """A file brings in no colleague nickname that `colleague remember` would refuse:
    a nickname that could identify someone (a title and surname, a number) stays out."""
    from resilience_cli.report.identifiers import describe, scan

    for check in batch.colleague_checks:
        warnings = scan(check.nickname)
        if warnings:
            raise InvalidInput(_("data.import.identifying_nickname", day=check.incident_date,
                                 warnings=describe(warnings)))


def _new_passphrase() -> str:
    import os as _os

    from_env = _os.environ.get(common.PASSPHRASE_ENV + "_NEW") or (
        None if common.stdin_is_terminal() else _os.environ.get(common.PASSPHRASE_ENV))
    if from_env:
        return from_env
    if not common.stdin_is_terminal():
        raise InvalidInput(_("data.passphrase.needs_terminal", variable=common.PASSPHRASE_ENV + "_NEW"))
    from resilience_cli.prompts import ask_new_passphrase

    try:
        return ask_new_passphrase()
    except KeyboardInterrupt:
        raise Cancelled(_("data.cancelled")) from None


def encrypt() -> None:
    """`resilience encrypt`: its --help is commands.po's (commands.encrypt.*, see cli/app.py)."""
    from resilience_cli.store import cipher, encryption

    cipher.driver()
    journal = paths().database
    if not journal.exists():
        raise JournalProblem(_("data.encrypt.no_journal"))
    if cipher.looks_encrypted(journal):
        raise InvalidInput(_("data.encrypt.already", command=PASSPHRASE))
    # The real file: a journal kept as a link stays a link.
    encryption.encrypt(journal.resolve(), _new_passphrase())
    print(_("data.encrypt.done", path=journal))
    print(_("data.encrypt.warning"))


def decrypt() -> None:
    """`resilience decrypt`: its --help is commands.po's (commands.decrypt.*, see cli/app.py)."""
    from resilience_cli.store import cipher, encryption

    journal = paths().database
    if not journal.exists() or not cipher.looks_encrypted(journal):
        raise InvalidInput(_("data.decrypt.not_encrypted"))
    encryption.decrypt(journal.resolve(), common.passphrase_for(journal, purpose=_("data.passphrase.to_decrypt")) or "")
    print(_("data.decrypt.done", path=journal))


def passphrase() -> None:
    """`resilience passphrase`: its --help is commands.po's (commands.passphrase.*, see cli/app.py)."""
    from resilience_cli.store import cipher, encryption

    journal = paths().database
    if not journal.exists() or not cipher.looks_encrypted(journal):
        raise InvalidInput(_("data.passphrase.not_encrypted", command=ENCRYPT))
    old = common.passphrase_for(journal, purpose=_("data.passphrase.current")) or ""
    encryption.change(journal, old, _new_passphrase())
    print(_("data.passphrase.done"))
