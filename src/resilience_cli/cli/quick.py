"""The commands that sit in shell start-up files, answered without loading Typer.

`resilience status` and `resilience --version` run on every new shell for
some people, so `cli.run` sends their plain forms here directly: about half
the start-up time of going through the full command line (see the benchmark).
Their Typer definitions in `basics` and `app` call the same functions, so
the two paths cannot drift apart.
"""

from __future__ import annotations

import os

from resilience_cli.config import PASSPHRASE_ENV, paths
from resilience_cli.messages import _

CHECKIN = "resilience checkin"  # not a message: a command


# A night or long shift checked in for the day it began counts until this
# hour the next day: a morning reminder must not nag after every night.
DUTY_DAY_ENDS = 18


def checked_in_today() -> bool | None:
    """Whether today's duty is checked in; None when the journal is encrypted and no
    passphrase is at hand (never ask in a prompt line)."""
    return today_at_a_glance()[0]


def today_at_a_glance() -> tuple[bool | None, str | None, list[str]]:
    """Whether today's duty is checked in (as `checked_in_today`), the line saying a
    follow-up after an incident is due, when one is, and the reminders to look out for
    a colleague that are due, in words: one opening of the journal for all three."""
    import datetime as dt

    from resilience_cli.store import JournalStore
    from resilience_cli.store.cipher import looks_encrypted

    path = paths().database
    if not path.exists():
        return False, None, []
    encrypted = looks_encrypted(path)
    passphrase = os.environ.get(PASSPHRASE_ENV) if encrypted else None
    if encrypted and not passphrase:
        return None, None, []
    store = JournalStore.open(path, create=False, passphrase=passphrase)
    if store is None:
        return False, None, []
    from resilience_cli import clock, followups

    now = clock.now()
    today = now.date()
    with store:
        nudges = _colleague_nudges(store, today)
        # Only the weeks a follow-up can be due in are read: status stays quick with years of data.
        since = today - dt.timedelta(days=max(followups.KINDS.values()) + followups.DUE_FOR_DAYS)
        due = followups.due(store.between(since, today), store.followups.since(since), today)
        line = followups.due_line(due[0], today) if due else None
        if store.has(today):
            return True, line, nudges
        if now.hour >= DUTY_DAY_ENDS:
            return False, line, nudges
        yesterday = store.get(today - dt.timedelta(days=1))
        return yesterday is not None and yesterday.shift in ("night", "long"), line, nudges


def _colleague_nudges(store, today) -> list[str]:
    checks = store.colleagues.all()  # no rows, no import: the usual case stays as quick
    if not checks:
        return []
    from resilience_cli.colleagues import due, nudge_words

    return [nudge_words(n, today) for n in due(checks, today)]


def status(quiet: bool = False) -> None:
    # Plain print, not Rich: this runs in shell start-up files and must be quick.
    from resilience_cli.errors import ResilienceError

    try:
        done, followup, nudges = today_at_a_glance()
    except ResilienceError as exc:
        # A shell start-up line must never fail: say why on standard error, exit 0.
        import sys

        print(exc.message, file=sys.stderr)
        return
    if done is None:
        if not quiet:
            print(_("status.encrypted", variable=PASSPHRASE_ENV))
    elif done:
        # A due follow-up is said even with --quiet: that is when the line helps.
        if followup:
            print(_("status.checked_in_followup", followup=followup))
        elif not quiet:
            print(_("status.checked_in"))
    elif followup:
        print(_("status.not_yet_followup", command=CHECKIN, followup=followup))
    else:
        print(_("status.not_yet", command=CHECKIN))
    # Due reminders to look out for a colleague speak even with --quiet: like
    # the check-in nudge, they print only when there is something to do.
    for line in nudges:
        print(line)


def version() -> None:
    from resilience_cli import __version__

    print(f"resilience {__version__}")


# Other words a person may reach for when they need help now.
HELP_ALIASES = ("help-now", "help", "crisis", "sos")


def asks_for_help(args: list[str]) -> bool:
    """`help-now`, an alias of it or a slip of the keys, with at most --plain or --debug.

    However help is asked for, the contacts come first, never a usage error.
    """
    words = [a for a in args if a not in ("--plain", "--debug")]
    if len(words) != 1 or len(args) - len(words) > 2:
        return False
    word = words[0].lower()
    if word in HELP_ALIASES:
        return True
    import difflib

    letters = "".join(c for c in word if c.isalnum())
    # "helpnow", "hlep-now", "help_now", "help-no": within a slip of the keys.
    return difflib.SequenceMatcher(None, letters, "helpnow").ratio() >= 0.75


def fast_path(args: list[str]) -> bool:
    """Answer the start-up-file forms, and every way of asking for help, directly."""
    if asks_for_help(args):
        from resilience_cli.cli.helpnow import show_help_now

        show_help_now(plain="--plain" in args)
        return True
    if args == ["--version"]:
        version()
        return True
    if args and args[0] == "status" and all(a in ("-q", "--quiet") for a in args[1:]) and len(args) <= 2:
        status(quiet=len(args) == 2)
        return True
    return False
