"""The one exception text intake raises for bad input."""

from __future__ import annotations


class TextError(Exception):
    """Input that cannot be read as a document; the message is one line meant for the user."""

    def __init__(self, name: str, problem: str) -> None:
        self.name = name
        self.problem = problem
        # One line even if a name or a library's message carries line breaks.
        line = f"{name}: {problem}" if name else problem
        super().__init__(" ".join(line.split()))
