"""The single error type of the figure layer.

Every problem in the data file or in a page's use of it becomes one
`FigureDataError`, whose text is one readable paragraph: where (file, line,
key), what is wrong, what was expected, and a "did you mean" where one fits.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence


class FigureDataError(Exception):
    def __init__(
        self,
        problem: str,
        *,
        file: str | None = None,
        line: int | None = None,
        key: Sequence[str | int] | None = None,
        expected: str | None = None,
        suggestion: str | None = None,
    ) -> None:
        self.problem = problem
        self.file = file
        self.line = line
        self.key = tuple(key or ())
        self.expected = expected
        self.suggestion = suggestion
        super().__init__(self.message)

    @property
    def location(self) -> str:
        parts = []
        if self.file:
            parts.append(self.file)
        if self.line:
            parts.append(f"line {self.line}")
        if self.key:
            parts.append("at " + key_path(self.key))
        return ", ".join(parts)

    @property
    def message(self) -> str:
        text = f"{self.location}: {self.problem}" if self.location else self.problem
        if self.expected:
            text += f"; expected {self.expected}"
        text += "."
        if self.suggestion:
            text += f" Did you mean '{self.suggestion}'?"
        return text


def key_path(key: Iterable[str | int]) -> str:
    """figures › people-regularised › value, readable in a message."""
    return " › ".join(f"[{k}]" if isinstance(k, int) else str(k) for k in key)


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The likeliest intended spelling of `word`, if any is close enough."""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None
