"""Errors every action raises, with a stable machine code and a message for people."""

from __future__ import annotations


class ActionError(Exception):
    """An action refused: `code` is stable for scripts and the API, `message` is for people."""

    code = "invalid"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code


class NotAllowed(ActionError):
    """The actor may not do this to this object."""

    code = "not_allowed"


class IllegalTransition(ActionError):
    """The object's state does not allow this move."""

    code = "illegal_transition"


class InvalidInput(ActionError):
    """The values given are wrong (missing reason, bad date, unknown unit...)."""

    code = "invalid_input"
