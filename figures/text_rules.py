"""Rules for every id and every text of the data file, checked before the
schema so that a message can name the offending character.

- An id is lowercase ASCII words joined by single hyphens. A look-alike
  letter from another script (Cyrillic "е" for Latin "e") is named, with its
  Unicode name, at the id's own line.
- A text is one line, not blank, and free of control characters, line
  separators and the bidirectional controls that can reorder what a reader
  sees (U+202A–U+202E, U+2066–U+2069); an id is at most ID_AT_MOST
  characters, and a text at most TEXT_AT_MOST: a quote is one sentence,
  and the longest text of the data is a quote's translation of about 300.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterator
from typing import Any

from .errors import FigureDataError, describe_character
from .yamlfile import YamlDocument

ID = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
ID_ALPHABET = set(string.ascii_lowercase + string.digits + "-")
RECORD_KINDS = ("speakers", "themes", "periods", "quotes", "figures", "claims")
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
ID_AT_MOST = 64
TEXT_AT_MOST = 1000
ID_EXPECTED = (
    f"lowercase ASCII letters and digits in words joined by single hyphens, at most {ID_AT_MOST} "
    "characters, such as 'people-regularised'"
)


def check_ids_and_texts(document: YamlDocument) -> None:
    data = document.data
    if not isinstance(data, dict):
        return  # the schema says what the file should be
    for kind in RECORD_KINDS:
        records = data.get(kind)
        if isinstance(records, dict):
            for record_id in records:
                problem = id_problem(record_id)
                if problem:
                    key = (kind, record_id)
                    raise FigureDataError(
                        f"the id '{record_id}' {problem}",
                        file=document.file,
                        line=document.line_of(key),
                        key=key,
                        expected=ID_EXPECTED,
                    )
    for key, value in _texts(data, ()):
        problem = _text_problem(value)
        if problem:
            raise FigureDataError(
                problem,
                file=document.file,
                line=document.line_of(key),
                key=key,
                expected=f"one line of text of at most {TEXT_AT_MOST} characters, not blank, "
                "with no control characters",
            )


def id_problem(record_id: str) -> str | None:
    """Why `record_id` is not a valid id, or None."""
    if len(record_id) > ID_AT_MOST:
        return f"is {len(record_id)} characters long"
    if ID.fullmatch(record_id):
        return None
    stranger = next((c for c in record_id if c not in ID_ALPHABET), None)
    if stranger is not None:
        return f"contains {describe_character(stranger)}"
    if not record_id:
        return "is empty"
    return "does not start with a letter, or has a hyphen at an end or two in a row"


def _text_problem(value: str) -> str | None:
    if not value.strip():
        return "the text is blank"
    if len(value) > TEXT_AT_MOST:
        return f"the text is {len(value)} characters long"
    for character in value:
        if character in "\n\r":
            return "the text holds a line break"
        if unicodedata.category(character) in ("Cc", "Zl", "Zp") or character in _BIDI_CONTROLS:
            return f"the text contains {describe_character(character)}, a control character"
    return None


def _texts(value: Any, key: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, dict):
        for name, child in value.items():
            yield from _texts(child, key + (name,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _texts(child, key + (index,))
    elif isinstance(value, str):
        yield key, value
