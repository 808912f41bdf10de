"""Our exception classes. Raised anywhere; turned into exit codes only by the CLI."""


class ResilienceError(Exception):
    """A problem we can explain to the user in one or two plain sentences."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InvalidInput(ResilienceError):
    """An out-of-range value, an unknown choice, a bad date: exit 2."""

    exit_code = 2


class JournalProblem(ResilienceError):
    """The journal could not be read or written: exit 1."""


class DamagedJournal(JournalProblem):
    """The file is not a sound resilience journal; we never touch it."""


class NewerJournal(JournalProblem):
    """The journal was written by a newer version of resilience."""


class NotFound(ResilienceError):
    """The thing asked for is not in the journal: exit 1."""


class Cancelled(ResilienceError):
    """The user pressed Ctrl-C or declined; nothing was saved: exit 130."""

    exit_code = 130
