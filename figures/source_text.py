"""Hold the data file to the source's own text.

The repository keeps the article's text (`source.text_file`), and the build
refuses a title, printed date or quote that is not in it character for
character, pointing at the closest sentence of the article, so a paraphrase
or a typo can never pass for a quotation.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
from pathlib import Path

import sentencex

from .errors import FigureDataError
from .files import read_text
from .model import Dataset
from .yamlfile import YamlDocument

_ORDINAL = re.compile(r"(\d+)(st|nd|rd|th)\b")


def check_against_source(dataset: Dataset, document: YamlDocument, data_path: Path, display_dir: str) -> str:
    """Check the dataset against its source's text; return that text."""
    relative = dataset.source.text_file
    key = ("source", "text_file")
    try:
        text = read_text(data_path.parent / relative, f"{display_dir}/{relative}", "the source's text file")
    except FigureDataError as error:
        raise FigureDataError(
            f"{error.problem} ({error.file})",
            file=document.file,
            line=document.line_of(key),
            key=key,
            expected=error.expected,
        ) from None
    digest = hashlib.sha256((data_path.parent / relative).read_bytes()).hexdigest()
    if digest != dataset.source.text_sha256:
        key = ("source", "text_sha256")
        raise FigureDataError(
            f"our copy of the article ({display_dir}/{relative}) is not the text the data pins: its SHA-256 is "
            f"{digest}",
            file=document.file,
            line=document.line_of(key),
            key=key,
            expected="the article's text unchanged; or, if our copy was wrong (a transcription error of ours), "
            "the correction recorded as CONTRIBUTING.md's “Correcting a figure” says: in "
            "data/source/README.md, an entry of kind correction on top of changes:, and the new SHA-256 here",
        )
    sentences = split_sentences(text, dataset.source.language)

    def require(words: str, key: tuple, what: str) -> None:
        if words in text:
            return
        closest = max(sentences, key=lambda s: difflib.SequenceMatcher(None, words, s).ratio(), default="")
        raise FigureDataError(
            f"{what} is not in the source's text ({relative})",
            file=document.file,
            line=document.line_of(key),
            key=key,
            expected=f"the source's words, character for character; its closest sentence is '{closest}'",
        )

    require(dataset.source.title, ("source", "title"), "the title")
    require(dataset.source.date_as_printed, ("source", "date_as_printed"), "the printed date")
    _check_same_day(dataset.source.date_as_printed, dataset.source.date_published, document)
    for quote in dataset.quotes.values():
        require(quote.text, ("quotes", quote.id, "text"), f"the quote '{quote.id}'")
    return text


def split_sentences(text: str, language: str) -> list[str]:
    """The sentences of `text`, by a segmenter that knows abbreviations: a
    full stop after "Mr." or "U.S." ends no sentence, so the closest sentence
    a message offers can be copied as it is. Lines are split first: the
    title, the byline and each paragraph stand on their own lines."""
    return [
        sentence.strip()
        for line in text.splitlines()
        for sentence in sentencex.segment(language, line)
        if sentence.strip()
    ]


def _check_same_day(printed: str, iso: str, document: YamlDocument) -> None:
    """ "Thursday, November 16th, 2017" must name the day of "2017-11-16"."""
    day = dt.date.fromisoformat(iso)
    readings = {day.strftime(f) for f in ("%A, %B %d, %Y", "%B %d, %Y", "%d %B %Y", "%A %d %B %Y")}
    readings |= {r.replace(" 0", " ") for r in readings}
    if _ORDINAL.sub(r"\1", printed) not in readings:
        key = ("source", "date_as_printed")
        raise FigureDataError(
            f"the printed date '{printed}' does not name the day of date_published ({iso})",
            file=document.file,
            line=document.line_of(key),
            key=key,
            expected=f"the same day, for example '{day.strftime('%A, %B')} {day.day}, {day.year}'",
        )
