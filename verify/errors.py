"""Errors that reach a user as one clear line on stderr and a non-zero exit."""


class VerifyError(Exception):
    """A problem the user can fix: bad input, unknown ID, unreadable database, malformed rule.

    The message is shown as it is, on one line, without a traceback.
    """

    exit_code = 1


class InputError(VerifyError):
    """An article file that cannot be read as an article."""

    exit_code = 2


class NotFound(VerifyError):
    """An ID or name that the store does not hold."""

    exit_code = 3


class RulebookError(VerifyError):
    """A rulebook that does not parse or does not lint clean."""

    exit_code = 4


class StoreError(VerifyError):
    """A database that cannot be opened or upgraded."""

    exit_code = 5


class Conflict(VerifyError):
    """The claim (or source) changed since the caller last saw it: someone else acted on it first.

    ``latest`` is the event that changed it (a ``verify.models.Event``); nothing was recorded.
    """

    exit_code = 6

    def __init__(self, message: str, latest=None) -> None:
        super().__init__(message)
        self.latest = latest
