"""Errors that come from the world (a bad file, a wrong passphrase, a full disk) as opposed to bugs.

A :class:`UserError` carries one sentence for the user and is shown as such, on the command line and in the
UI; anything else is a bug: logged with its traceback, and shown as "an internal error" with the log's path.
Each subsystem subclasses it.
"""

from __future__ import annotations


class UserError(Exception):
    """An error the user can understand and act on; ``str(error)`` is one clear sentence."""

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details: list[str] = list(details or [])

    def __str__(self) -> str:
        return self.message
