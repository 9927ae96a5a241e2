"""The single error type of the figure layer.

Every problem in the data file or in a page's use of it becomes one
`FigureDataError`, whose text is one readable paragraph: where (file, line,
key), what is wrong, what was expected, and a "did you mean" where one fits.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Sequence
from functools import partial


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

    def __reduce__(self):
        """Pickled whole, with its parts (an error raised where a preview
        image is drawn, which may be in a process of its own)."""
        parts = {"file": self.file, "line": self.line, "key": self.key, "expected": self.expected}
        return partial(type(self), self.problem, suggestion=self.suggestion, **parts), ()

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


def error_at(
    document, key: tuple, problem: str, expected: str | None = None, suggestion: str | None = None
) -> FigureDataError:
    """A FigureDataError located at `key` of a data file (a YamlDocument, or
    None when there is no file to point into)."""
    return FigureDataError(
        problem,
        file=document.file if document else None,
        line=document.line_of(key) if document else None,
        key=key,
        expected=expected,
        suggestion=suggestion,
    )


def key_path(key: Iterable[str | int]) -> str:
    """figures › people-regularised › value, readable in a message."""
    return " › ".join(f"[{k}]" if isinstance(k, int) else str(k) for k in key)


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The likeliest intended spelling of `word`, if any is close enough."""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


def describe_character(character: str) -> str:
    """ "'е' (U+0435 CYRILLIC SMALL LETTER IE)": which character it really is."""
    name = unicodedata.name(character, "")  # control characters have none
    shown = repr(character)[1:-1] if not character.isprintable() else character
    return f"'{shown}' (U+{ord(character):04X}{' ' + name if name else ''})"


def lookalikes(word: str) -> str:
    """A note naming the non-ASCII characters of an id, which may look like
    Latin letters: "" when there are none."""
    strangers = list(dict.fromkeys(c for c in str(word) if not c.isascii()))
    if not strangers:
        return ""
    return " (it contains " + ", ".join(describe_character(c) for c in strangers) + ", not a Latin letter)"


# A list longer than this is cut, with a count of the rest: enough to fix a
# batch at a time without scrolling past a screen.
LISTED_AT_MOST = 20


def collected(
    problems: Sequence[FigureDataError], headline: str, expected: str | None = None, noun: str = "problems"
) -> FigureDataError:
    """One error for several problems: a single one as it is, several as
    `headline`, then one line per problem (its file, line and key): the
    first LISTED_AT_MOST of them, then how many more."""
    if len(problems) == 1:
        return problems[0]
    lines = [f"  - {p.location}: {p.problem}" if p.location else f"  - {p.problem}" for p in problems[:LISTED_AT_MOST]]
    if len(problems) > LISTED_AT_MOST:
        lines.append(f"  - … and {len(problems) - LISTED_AT_MOST} more ({len(problems)} in all)")
    opening = f"{headline}: {len(problems)} {noun}" + (f"; expected {expected}" if expected else "")
    return FigureDataError(opening + ":\n" + "\n".join(lines))
