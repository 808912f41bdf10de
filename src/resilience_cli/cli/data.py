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

BACKUPS = "backups"


class Prefer(StrEnum):
    journal = "journal"
    file = "file"


def export(
    format_: ExportFormatOpt = ExportFormat.json,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="PATH", help="Write to this file (mode 0600) instead of standard output; - for standard output.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the --output file if it exists.")] = False,
) -> None:
    """Write out every record, every field (safety answers never leave the journal).

    \b
    Examples:
      resilience export --output journal.json
      resilience export --format csv --output checkins.csv
    """
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
    print(f"Wrote {total} records to {target}.", file=sys.stderr)


def _phoneins(store) -> list:
    """The phone-in plan and takeaways; the private preparation before a call stays in the journal."""
    plan = store.phoneins.plan()
    return [*store.phoneins.takeaways(dt.date.min), *([plan] if plan else [])]


# A century of daily check-ins with long notes is well under this.
MAX_IMPORT_BYTES = 256 * 2**20


def import_(
    path: Annotated[Path, typer.Argument(metavar="PATH", help="A resilience export, or a Daylio CSV or jrnl JSON export.")],
    format_: ImportFormatOpt = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Check the file and say what would change, changing nothing.")] = False,
    prefer: Annotated[Prefer | None, typer.Option("--prefer", help="When a day already has a different check-in: keep the journal's, or take the file's.")] = None,
) -> None:
    """Bring records back from an export (or from Daylio or jrnl): all of them, or none.

    \b
    Examples:
      resilience import journal.json
      resilience import daylio_export.csv --dry-run
      resilience import old.jsonl --prefer journal
    """
    from resilience_cli.interchange.load import parse
    from resilience_cli.interchange.reader import detect

    try:
        with path.expanduser().open("rb") as handle:
            # Read in a bounded way: /dev/zero, or a file far larger than a
            # century of check-ins, is refused rather than read into memory.
            raw = handle.read(MAX_IMPORT_BYTES + 1)
    except OSError as exc:
        raise JournalProblem(f"{path} could not be read ({exc.strerror}). Nothing was imported.") from None
    if len(raw) > MAX_IMPORT_BYTES:
        raise InvalidInput(f"{path} is larger than {MAX_IMPORT_BYTES // 2**20} MB, far more than a century of "
                           "check-ins, so it is not a journal export. Nothing was imported.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(f"{path} is not a text file in UTF-8. Nothing was imported.") from None
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
    lead = "Nothing was changed (dry run). Importing would give" if dry_run else "Imported"
    print(f"{lead} {report.checkins.words('check-ins')}.")
    if batch.followups or batch.reflections or batch.pack_answers or batch.summaries:
        print(f"  {report.followups.words('follow-ups')}; {report.reflections.words('reflections')}; "
              f"{report.pack_answers.words('question pack answers')}.")
    if batch.summaries:
        print(f"  {report.summaries.words('supervision summaries')}.")
    if batch.phoneins or batch.phonein_plans:
        print(f"  {report.phoneins.words('phone-in takeaways and plan')}.")
    if batch.colleague_checks:
        print(f"  {report.colleague_checks.words('colleagues to look out for')}.")
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
    path: Annotated[Path | None, typer.Argument(metavar="[PATH]", help="Where to write it (default: the backups folder beside your journal).")] = None,
    without_safety: Annotated[bool, typer.Option("--without-safety", help="Leave the safety answers out of the copy.")] = False,
) -> None:
    """Make a consistent copy of your journal (safe while another command writes to it).

    \b
    Examples:
      resilience backup
      resilience backup /media/usb/journal-backup.db
      resilience backup --without-safety
    """
    from resilience_cli.config import ensure_private_dir

    if path is not None and str(path) == "-":
        # Not standard output: a backup is a database file, and this once left a file named "-".
        raise InvalidInput("A backup is a database file, not text for standard output: give it a file "
                           "name. Nothing was written.")
    store = common.open_store(create=False)
    if store is None:
        raise JournalProblem("There is no journal to back up yet. Nothing was written.")
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
    left_out = " Safety answers were left out of it." if without_safety else ""
    print(f"Backed up {counts['checkins']} check-ins to {dest}.{left_out}")


def restore(
    path: Annotated[Path, typer.Argument(metavar="PATH", help="A backup made by resilience backup.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Replace without asking.")] = False,
    decrypt: Annotated[bool, typer.Option("--decrypt", help="Restore an unencrypted backup over an encrypted journal, leaving it unencrypted.")] = False,
) -> None:
    """Replace your journal with a backup, after checking it and keeping a copy of the current one.

    \b
    Example:
      resilience restore ~/.local/share/resilience/backups/journal-2026-11-20.db
    """
    from resilience_cli.store.files import private_copy

    source = path.expanduser()
    journal = paths().database
    if source.resolve() == journal.resolve():
        raise InvalidInput("That file is your journal itself. Nothing was changed.")
    phrase = common.passphrase_for(source, purpose="of the backup")
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
        raise InvalidInput(
            "Your journal is encrypted and this backup is not: restoring it would turn encryption off. "
            "Add --decrypt to restore it unencrypted (then resilience encrypt to encrypt it again). "
            "Nothing was changed.")
    if not yes:
        if not common.stdin_is_terminal():
            raise InvalidInput("Add --yes to restore without being asked. Nothing was changed.")
        from resilience_cli.prompts import confirm

        try:
            agreed = confirm(
                f"Replace your journal with this backup ({counts['checkins']} check-ins)? "
                "A copy of your current journal is kept first.")
        except KeyboardInterrupt:
            raise Cancelled("Cancelled; nothing was changed.") from None
        if not agreed:
            print("Nothing was changed.")
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
        raise JournalProblem(f"The restored journal could not be opened ({exc.message.rstrip('.')}), so your "
                             f"previous journal was put back. A copy of it is also at {kept}.") from None
    print(f"Restored {counts['checkins']} check-ins from {source}.")
    if kept:
        print(f"Your previous journal is kept at {kept}.")


def privacy(
    forget_safety: Annotated[bool, typer.Option("--forget-safety", help="Remove every safety answer from the journal, after asking.")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="With --forget-safety: remove without asking.")] = False,
) -> None:
    """Show where your data lives, who can read it, and that nothing leaves this computer.

    \b
    Examples:
      resilience privacy
      resilience privacy --forget-safety
    """
    if forget_safety:
        _forget_safety(yes)
        return
    if yes:
        raise InvalidInput("--yes goes with --forget-safety. Nothing was changed.")
    import stat

    p = paths()
    print(f"Journal:      {p.database}")
    if not p.database.exists():
        print("              not created yet: no check-ins")
    else:
        mode = stat.S_IMODE(p.database.stat().st_mode)
        folder = stat.S_IMODE(p.data_dir.stat().st_mode)
        print(f"File access:  {oct(mode)[2:]} ({'only you' if mode & 0o077 == 0 else 'others can read it too'})"
              f"; folder {oct(folder)[2:]} ({'only you' if folder & 0o077 == 0 else 'others can list it'})")
        store = common.open_store(create=False)
        if store is not None:
            with store:
                counts = store.counts()
                applied = store.applied_migrations()
                stale = store.stale_copies()
                try:
                    store.check_integrity()
                    integrity = "sound (SQLite integrity check passed)"
                except JournalProblem:
                    integrity = "DAMAGED: restore a backup"
            from resilience_cli.store.cipher import looks_encrypted

            safety = counts["safety_answers"] + counts["pack_safety_answers"]
            print(f"Encrypted:    {'yes' if looks_encrypted(p.database) else 'no (resilience encrypt can)'}")
            print(f"Schema:       {applied[-1] if applied else 'none'} ({len(applied)} migrations)")
            print(f"Integrity:    {integrity}")
            records = [plural(counts["checkins"], "check-in"), plural(counts["followups"], "follow-up"),
                       plural(counts["reflections"], "reflection")]
            records += [f"{counts[table]} {one if counts[table] == 1 else many}" for table, one, many in (
                ("pack_answers", "question pack answer", "question pack answers"),
                ("summaries", "supervision summary", "supervision summaries")) if counts[table]]
            _field("Records:", ", ".join(records))
            if counts["colleague_checks"]:
                _field("Colleagues:", f"{plural(counts['colleague_checks'], 'colleague reminder')} (a nickname and "
                       "dates only).", "To delete one: resilience colleague forget NICKNAME")
            phoneins = _phonein_words(counts)
            if phoneins:
                _field("Phone-ins:", phoneins)
            if counts["pulse_reads"]:
                reads = counts["pulse_reads"]
                _field("Team pulse:", f"{reads} team {'report or answer' if reads == 1 else 'reports or answers'} "
                       f"you have read: {'its' if reads == 1 else 'their'} weeks and one line, kept in the "
                       "journal alone.")
            print(f"Safety:       {plural(safety, 'safety answer')}, kept in the journal alone: never in a log,")
            print("              an export, trends or a summary. A backup is a copy of the journal, so it holds")
            print("              them too. To remove them all: resilience privacy --forget-safety")
            if stale:
                print(f"Left over:    {', '.join(str(p) for p in stale)}: a copy an interrupted encrypt, "
                      "decrypt or restore left (it may be unencrypted). It goes the next time the "
                      "journal opens with no conversion running; or delete it yourself.")
    print("Network:      resilience makes no network connections, ever. Nothing is shared unless")
    print("              you write it out yourself (export, backup, summary).")


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
    if counts["phoneins"] or counts["phonein_plan"]:
        held = plural(counts["phoneins"], "takeaway") if counts["phoneins"] else ""
        if counts["phonein_plan"]:
            held = f"{held} and your plan" if held else "Your plan"
        shared = "; in a summary only with --include phonein" if counts["phoneins"] else ""
        words.append(f"{held}, exported like your check-ins{shared}.")
    if counts["phonein_preps"]:
        notes = counts["phonein_preps"]
        words.append(f"{notes} {'note' if notes == 1 else 'notes'} of what to bring, kept in the journal alone "
                     "like safety answers: never in an export or a summary.")
    return " ".join(words)


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _forget_safety(yes: bool) -> None:
    """Remove every safety answer: the crisis box they called for stops showing."""
    with common.read_only_store() as store:
        held = store.safety_answers.count() if store else 0
    if held == 0:
        print("There are no safety answers in your journal. Nothing was changed.")
        return
    if not yes:
        if not common.stdin_is_terminal():
            raise InvalidInput("Add --yes to remove them without being asked. Nothing was changed.")
        from resilience_cli.prompts import confirm

        try:
            agreed = confirm(f"Remove {plural(held, 'safety answer')} from your journal? This cannot be undone.")
        except KeyboardInterrupt:
            raise Cancelled("Cancelled; nothing was changed.") from None
        if not agreed:
            print("Nothing was changed.")
            return
    store = common.open_store(create=False)
    if store is None:
        raise JournalProblem("The journal could not be opened. Nothing was changed.")
    with store:
        store.prepare_for_writing()  # a damaged journal is refused, never written to
        removed = store.safety_answers.forget()
    print(f"Removed {plural(removed, 'safety answer')}. Backups you made earlier still hold them.")


def _no_identifying_nicknames(batch) -> None:
    """A file brings in no colleague nickname that `colleague remember` would refuse:
    a nickname that could identify someone (a title and surname, a number) stays out."""
    from resilience_cli.report.identifiers import describe, scan

    for check in batch.colleague_checks:
        warnings = scan(check.nickname)
        if warnings:
            raise InvalidInput(
                f"Nothing was imported. The colleague reminder for the incident on {check.incident_date} has a "
                f"nickname that may identify someone ({describe(warnings)}): change it in the file to one only "
                "you would know, such as an initial.")


def _new_passphrase() -> str:
    import os as _os

    from_env = _os.environ.get(common.PASSPHRASE_ENV + "_NEW") or (
        None if common.stdin_is_terminal() else _os.environ.get(common.PASSPHRASE_ENV))
    if from_env:
        return from_env
    if not common.stdin_is_terminal():
        raise InvalidInput(
            f"Type the new passphrase in a terminal, or set {common.PASSPHRASE_ENV}_NEW. Nothing was changed.")
    from resilience_cli.prompts import ask_new_passphrase

    try:
        return ask_new_passphrase()
    except KeyboardInterrupt:
        raise Cancelled("Cancelled; nothing was changed.") from None


def encrypt() -> None:
    """Encrypt your journal with a passphrase (needs the encryption extra).

    A lost passphrase cannot be recovered: keep it somewhere safe.

    \b
    Example:
      resilience encrypt
    """
    from resilience_cli.store import cipher, encryption

    cipher.driver()
    journal = paths().database
    if not journal.exists():
        raise JournalProblem("There is no journal to encrypt yet. Check in first. Nothing was changed.")
    if cipher.looks_encrypted(journal):
        raise InvalidInput("The journal is already encrypted. To change the passphrase: resilience passphrase")
    # The real file: a journal kept as a link stays a link.
    encryption.encrypt(journal.resolve(), _new_passphrase())
    print(f"Your journal at {journal} is now encrypted. Every command will ask for the passphrase.")
    print("A lost passphrase cannot be recovered. Backups made before now are not encrypted: "
          "delete them or keep them somewhere safe.")


def decrypt() -> None:
    """Turn an encrypted journal back into a plain one (asks for the passphrase).

    \b
    Example:
      resilience decrypt
    """
    from resilience_cli.store import cipher, encryption

    journal = paths().database
    if not journal.exists() or not cipher.looks_encrypted(journal):
        raise InvalidInput("The journal is not encrypted. Nothing was changed.")
    encryption.decrypt(journal.resolve(), common.passphrase_for(journal, purpose="to decrypt your journal") or "")
    print(f"Your journal at {journal} is no longer encrypted.")


def passphrase() -> None:
    """Change the passphrase of an encrypted journal.

    \b
    Example:
      resilience passphrase
    """
    from resilience_cli.store import cipher, encryption

    journal = paths().database
    if not journal.exists() or not cipher.looks_encrypted(journal):
        raise InvalidInput("The journal is not encrypted; to encrypt it: resilience encrypt")
    old = common.passphrase_for(journal, purpose="(the current one)") or ""
    encryption.change(journal, old, _new_passphrase())
    print("The passphrase is changed. Backups made before keep the old one.")
