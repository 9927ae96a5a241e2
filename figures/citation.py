"""Citations of the source, as plain text, holding only what the source states."""

from __future__ import annotations

import re

from babel.lists import format_list

from .editions import Edition
from .formatting import Formatter
from .model import Dataset, Figure

BIBLIOGRAPHIC_FIELDS = ("author", "publisher", "url")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def not_stated(dataset: Dataset) -> list[str]:
    """The bibliographic fields the source leaves blank."""
    return [name for name in BIBLIOGRAPHIC_FIELDS if getattr(dataset.source, name) is None]


def short_citation(dataset: Dataset, figure: Figure, edition: Edition) -> str:
    """For running text: who said it, where, when."""
    words, source = edition.words, dataset.source
    date = Formatter(edition).date(source.date_published)
    if figure.quote.speaker is None:
        return words["short_citation_unattributed"].format(title=source.title, date=date)
    return words["short_citation"].format(speaker=figure.quote.speaker.name, title=source.title, date=date)


def full_citation(dataset: Dataset, figure: Figure, figure_url: str, edition: Edition) -> str:
    """For a bibliography: the source, what it leaves unstated, the figure and its address here."""
    words, fmt, source, language = edition.words, Formatter(edition), dataset.source, edition.language
    speaker = (words["name_and_role"].format(name=figure.quote.speaker.name,
                                             role=figure.quote.speaker.role(language))
               if figure.quote.speaker else words["unattributed"])
    missing = format_list([words["fields"][name] for name in not_stated(dataset)],
                          locale=fmt.locale) or "—"
    return words["full_citation"].format(
        title=source.title, kind=source.kind(language).capitalize(), date=fmt.date(source.date_published),
        paragraph=fmt.number(figure.quote.paragraph), speaker=speaker, missing=missing,
        label=figure.label(language), value=fmt.qualified(figure.value, figure.qualifier, figure.currency),
        url=figure_url)


def bibtex_key(dataset: Dataset) -> str:
    first_word = re.sub(r"[^a-z]", "", dataset.source.title.split()[0].lower())
    return f"{first_word}{dataset.source.date_published[:4]}"


def bibtex(dataset: Dataset) -> str:
    """A @misc entry: the source names no outlet, so it cannot be an @article,
    and fields it leaves blank are left out rather than guessed."""
    source = dataset.source
    year, month, _ = source.date_published.split("-")
    fields = [("title", "{" + _escape(source.title) + "}")]  # inner braces keep its capitals
    if source.author:
        fields.append(("author", _escape(source.author)))
    if source.publisher:
        fields.append(("organization", _escape(source.publisher)))
    fields += [("year", year), ("month", _MONTHS[int(month) - 1]), ("date", source.date_published),
               ("howpublished", _escape(source.kind(source.language).capitalize()))]
    if source.url:
        fields.append(("url", _escape_url(source.url)))
    missing = not_stated(dataset)
    if missing:
        fields.append(("note", "Not stated in the source: " + ", ".join(missing)))
    # A month is a BibTeX macro (nov), written without braces.
    lines = [f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}" for name, value in fields]
    return f"@misc{{{bibtex_key(dataset)},\n" + ",\n".join(lines) + "\n}"


def _escape(value: str) -> str:
    return re.sub(r"([&%$#_{}])", r"\\\1", value)


def _escape_url(url: str) -> str:
    """An address for a BibTeX url field, where %, # and braces are special
    (the schema admits only http(s) addresses in URL characters)."""
    return re.sub(r"([%#{}\\])", r"\\\1", url)
