"""The command line: the one place where errors become messages and exit codes.

Exit codes (the public contract): 0 success; 1 the command could not do its
job; 2 invalid input or usage; 130 cancelled, nothing saved.
"""

from __future__ import annotations

import os
import sys
from contextvars import ContextVar

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_CANCELLED = 130


def help_now_line() -> str:
    """The last line of every usage error (an unknown command or option, a missing
    argument): someone in distress who mistypes is one step from help, not from
    a dead end. Our own messages about a value (mood 11) stay one sentence."""
    from resilience_cli.messages import _

    return _("errors.help_now", command="resilience help-now")  # not a message: a command


# Which command's help this run may show: its name (`resilience checkin --help`),
# False for none, True for any (shell completion shows options' help; outside a
# run, the docs and tests build the app).
_HELP_SHOWN: ContextVar[str | bool] = ContextVar("resilience_help_shown", default=True)


def help_shown(command: str) -> bool:
    """Whether `command`'s help can be shown in this run. Help built from the question
    catalogue (cli/checkin.py) is built only then: reading the questions' words costs
    milliseconds that a check-in by flags never pays."""
    shown = _HELP_SHOWN.get()
    return shown is True or shown == command


def _help_for(args: list[str]) -> str | bool:
    """The command whose help `args` ask for (--help or -h); False for none."""
    if "_RESILIENCE_COMPLETE" in os.environ:
        return True
    end = args.index("--") if "--" in args else len(args)
    if not any(a in ("--help", "-h") for a in args[:end]):
        return False
    # The global options left (--plain) take no value: the first word is the command.
    # `resilience --help` lists the commands, and no command's options.
    return next((a for a in args[:end] if not a.startswith("-")), False)


def _cancelled() -> str:
    """"Cancelled; nothing was saved.", in the language spoken when it can be read."""
    try:
        from resilience_cli.messages import _

        return _("errors.cancelled")
    except BaseException:  # noqa: BLE001 - a Ctrl-C mid-import can leave any module half-made
        # (seen on 3.13: pathlib, imported for the catalogue, broken for the rest of the run).
        return "Cancelled; nothing was saved."  # not a message: errors.cancelled's English, its last resort


def main(argv: list[str] | None = None) -> None:
    """Run the CLI and exit with the contract's exit code."""
    import signal

    # First, before any import that takes time: a Ctrl-C in the first tenth of a
    # second once printed a traceback from half-way through an import. Until the
    # command runs inside _run's handling, it ends the run quietly.
    signal.signal(signal.SIGINT, _cancelled_early)
    code = run(argv)
    # The command has done its work: a Ctrl-C now must not say it was cancelled.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _end(code)


def _end(code: int) -> None:
    """End the process once the command has done its work, without tearing the
    interpreter down: freeing some 300 modules one by one cost about 13 ms of every
    run (measured: 83 against 70 ms of CPU for the check-in's imports alone).

    Nothing is lost by it: every file we write is closed where it is written, every
    journal is closed (or committed: SQLite keeps a commit through a crash) before
    the command returns, and nothing of ours waits for exit. Only the two standard
    streams are left buffered, so they are flushed here; a reader that has gone
    away (`resilience log | head`) is no error.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


def _cancelled_early(signum: int, frame: object) -> None:
    os.write(2, _cancelled().encode("utf-8", "replace") + b"\n")
    os._exit(EXIT_CANCELLED)


def _handle_ctrl_c_as_exception() -> None:
    """From here Ctrl-C raises KeyboardInterrupt, so that every `finally` runs (a
    conversion removes its copy) and _run says "Cancelled"."""
    import signal

    if signal.getsignal(signal.SIGINT) is _cancelled_early:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        sys.unraisablehook = _unraisable


def _unraisable(unraisable: object) -> None:
    """A Ctrl-C that lands in a callback Python cannot raise from (the import system's
    lock clean-up) was printed as "Exception ignored ... KeyboardInterrupt" and lost.
    Sent again it could land in this hook itself, so the run ends here, as at start-up:
    SQLite rolls back an open transaction, and a conversion's copy is swept on the next open."""
    if issubclass(getattr(unraisable, "exc_type", type(None)), KeyboardInterrupt):
        _cancelled_early(0, None)
    sys.__unraisablehook__(unraisable)  # type: ignore[arg-type]


def run(argv: list[str] | None = None, *, terminal: bool | None = None) -> int:
    """Run the CLI and return the exit code, turning every error into a plain message.

    `terminal` says whether questions can be asked (None: whether standard
    input is a terminal); tests that type into a pipe pass True.
    """
    from resilience_cli.cli.context import running

    with running(terminal=terminal):
        return _run(list(sys.argv[1:] if argv is None else argv))


def _run(args: list[str]) -> int:
    # --debug anywhere, before the command name or after it (the crash message
    # says "run again with --debug": people add it at the end); options end at "--".
    end = args.index("--") if "--" in args else len(args)
    debug = "--debug" in args[:end]
    args = [a for a in args[:end] if a != "--debug"] + args[end:]
    # Everything we create (journal, WAL files, backups, exports) is the
    # user's alone, whatever umask the shell has.
    os.umask(0o077)
    # Human text in an encoding that cannot hold every character (an emoji in
    # a note, on cp1252) shows a replacement character, never an error.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):
                pass

    from resilience_cli.errors import ResilienceError

    try:
        _handle_ctrl_c_as_exception()
        args = _language(args)
        from resilience_cli.cli.quick import fast_path

        if fast_path(args):
            return EXIT_OK
        return _through_typer(args)
    except ResilienceError as exc:
        _say(exc.message)
        if debug:
            _traceback(exc)
        return exc.exit_code
    except KeyboardInterrupt:
        _say(_cancelled())
        return EXIT_CANCELLED
    except BrokenPipeError:  # `resilience log | head`
        return EXIT_OK
    except PermissionError as exc:
        # A home in a folder of another person's, or of the system: whichever file
        # was first refused, its folder is the one to change.
        from resilience_cli.messages import _

        folder = os.path.dirname(exc.filename) if exc.filename else _("errors.permission.its_folder")
        _say(_("errors.permission", folder=folder, variable="RESILIENCE_HOME"))
        if debug:
            _traceback(exc)
        return EXIT_FAILED
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if _from_ctrl_c(exc):
            _say(_cancelled())
            return EXIT_CANCELLED
        from resilience_cli.messages import _

        _say(_("errors.bug", debug="--debug"))
        if debug:
            _traceback(exc)
        return EXIT_FAILED


def _language(args: list[str]) -> list[str]:
    """Take --lang (anywhere before "--", like --debug) out of the arguments and speak it.

    Read before any command is built, so that its help is in that language too."""
    end = args.index("--") if "--" in args else len(args)
    for i, arg in enumerate(args[:end]):
        if arg == "--lang" or arg.startswith("--lang="):
            from resilience_cli import messages
            from resilience_cli.errors import InvalidInput
            from resilience_cli.messages import _

            value, taken = (arg.partition("=")[2], 1) if "=" in arg else (
                args[i + 1] if i + 1 < end else "", 2)
            choices = messages.available()
            if value.strip().lower() not in choices:
                if choices == messages.LANGUAGES == ("en",):
                    raise InvalidInput(_("errors.lang.only_english", flag="--lang", language="en"))
                raise InvalidInput(_("errors.lang.not_one", flag="--lang", languages=", ".join(choices[:-1]),
                                     last=choices[-1], value=repr(value)))
            messages.use(value.strip().lower())
            return args[:i] + args[i + taken:]
    from resilience_cli import messages
    from resilience_cli.cli.context import settings_language

    messages.later(settings_language)
    return args


def _from_ctrl_c(exc: BaseException) -> bool:
    """Whether a Ctrl-C caused this error: one mid-import can come out wrapped in
    another (RuntimeError: "Error calling __set_name__")."""
    seen = 0
    cause: BaseException | None = exc
    while cause is not None and seen < 20:
        if isinstance(cause, KeyboardInterrupt):
            return True
        cause, seen = cause.__cause__ or cause.__context__, seen + 1
    return False


def _through_typer(args: list[str]) -> int:
    from resilience_cli.cli.app import Abort, ClickException, command

    shown = _HELP_SHOWN.set(_help_for(args))
    try:
        result = command(args).main(args=args, prog_name="resilience", standalone_mode=False)
    except Abort:
        _say(_cancelled())
        return EXIT_CANCELLED
    except ClickException as exc:
        exc.show()
        if exc.exit_code == EXIT_USAGE:
            _say(help_now_line())
        return exc.exit_code
    except SystemExit as exc:
        # Typer ends a run whose reader went away (`resilience log | head`) with exit 1,
        # once it has wrapped the streams so that nothing more is written: the reader had
        # all it wanted, so it is a success, as a BrokenPipeError of ours is.
        if exc.code == 1 and type(sys.stdout).__name__ == "PacifyFlushWrapper":
            return EXIT_OK
        raise
    finally:
        _HELP_SHOWN.reset(shown)
    if result == EXIT_CANCELLED:
        # Typer turns a Ctrl-C that reaches it (mid-import in a command) into a
        # silent exit 130; our commands say Cancelled by raising, never by returning.
        _say(_cancelled())
    return result if isinstance(result, int) else EXIT_OK


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _traceback(exc: BaseException) -> None:
    # The standard traceback shows code, never local variables (which may
    # hold a journal entry).
    import traceback

    traceback.print_exception(exc, file=sys.stderr)
