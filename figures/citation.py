"""Citations of a figure: what was cited first (the figure, with its
qualifier and period), then where (this site, the data's version, the
figure's address), then what it is based on (the article, with what the
article leaves unstated). As plain text, BibTeX and CSL JSON.

BibTeX: each figure has an entry of its own, under a key unique across the
site and its editions, that refers (`crossref`) to one entry for the
article. Only fields both BibTeX and biblatex read carry the facts (`year`
and `month` beside biblatex's `date`; the version in `note` beside
biblatex's `version`).
"""

from __future__ import annotations

import json
import re
from typing import Any

from .editions import Edition
from .formatting import NO_BREAK_SPACE, Formatter
from .model import Dataset, Figure, Period

BIBLIOGRAPHIC_FIELDS = ("author", "publisher", "url")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def not_stated(dataset: Dataset) -> list[str]:
    """The bibliographic fields the source leaves blank."""
    return [name for name in BIBLIOGRAPHIC_FIELDS if getattr(dataset.source, name) is None]


def unstated_fields(dataset: Dataset, edition: Edition) -> str:
    """The fields the source leaves blank, in the edition's words, listed as
    it lists them ("author, publisher and web address"); empty if none."""
    words = edition.words
    names = [words["fields"][name] for name in not_stated(dataset)]
    if len(names) < 2:
        return "".join(names)
    joined = words["fields_joined"]
    return joined["between"].join(names[:-1]) + joined["last"] + names[-1]


def _first_upper(words: str) -> str:
    return words[:1].upper() + words[1:]


def period_words(period: Period, edition: Edition) -> str:
    """A period in a few words, as plain text (citations, charts, cards,
    images): its span, the article's words for it (in this edition's
    language) and which of its dates were worked out from the article's
    date. The article's words stay on one line (a break would split their
    isolate in Arabic)."""
    words, fmt = edition.words, Formatter(edition)
    wording = words["quoted"].format(text=period.wording_translation(edition.language).replace(" ", NO_BREAK_SPACE))
    if period.recurrence:
        return words["span_worded"].format(span=words["yearly"], wording=wording)
    end = fmt.date(period.end)
    if period.start:
        span = words["span"].format(start=fmt.date(period.start), end=end)
    else:
        span = words["until_open"].format(end=end)
    inferred = inferred_note(period)
    if inferred is None:
        return words["span_worded"].format(span=span, wording=wording)
    return words["span_inferred"].format(span=span, wording=wording, inferred=words[inferred])


def inferred_note(period: Period) -> str | None:
    """The word key saying which of the period's bounds were inferred."""
    if {"start", "end"} <= period.inferred:
        return "inferred_both"
    if "start" in period.inferred:
        return "inferred_start"
    if "end" in period.inferred:
        return "inferred_end"
    return None


def _figure_words(figure: Figure, edition: Edition) -> dict[str, str]:
    fmt, language = Formatter(edition), edition.language
    return {
        "label": figure.label(language),
        "value": fmt.qualified(figure.value, figure.qualifier, figure.currency),
        "period": period_words(figure.period, edition),
    }


def short_citation(dataset: Dataset, figure: Figure, edition: Edition, site_name: str) -> str:
    """For running text: the figure, who said it, where, when; this site and the version."""
    words, source = edition.words, dataset.source
    parts = {
        **_figure_words(figure, edition),
        "title": source.title,
        "date": Formatter(edition).date(source.date_published),
        "site": site_name,
        "version": dataset.release.version,
    }
    if figure.quote.speaker is None:
        return words["short_citation_unattributed"].format(**parts)
    return words["short_citation"].format(speaker=figure.quote.speaker.name_in(edition.language), **parts)


def full_citation(dataset: Dataset, figure: Figure, figure_url: str, edition: Edition, site_name: str) -> str:
    """For a bibliography: the figure; this site, the version and the
    figure's address; the article, and what it leaves unstated."""
    fmt, release = Formatter(edition), dataset.release
    return edition.words["full_citation"].format(
        **_figure_words(figure, edition),
        site=site_name,
        version=release.version,
        version_date=fmt.date(release.date),
        url=figure_url,
        based_on=based_on(dataset, figure, edition),
    )


def based_on(dataset: Dataset, figure: Figure, edition: Edition) -> str:
    """The article a figure is based on: where it says it, who says it, and
    what it leaves unstated."""
    words, fmt, source, language = edition.words, Formatter(edition), dataset.source, edition.language
    speaker = (
        words["name_and_role"].format(
            name=figure.quote.speaker.name_in(language), role=figure.quote.speaker.role(language)
        )
        if figure.quote.speaker
        else None
    )
    missing = unstated_fields(dataset, edition)
    # A figure in the article's own voice has a sentence of its own, which
    # names the article once (not "based on the article …, stated by the article").
    key = "based_on" if speaker else "based_on_unattributed"
    template = words[key] if missing else words[key + "_all_stated"]
    return template.format(
        title=source.title,
        kind=source.kind(language),
        date=fmt.date(source.date_published),
        paragraph=fmt.number(figure.quote.paragraph),
        speaker=speaker,
        missing=missing,
    )


# -- BibTeX --------------------------------------------------------------------


def bibtex_key(dataset: Dataset) -> str:
    """The article's key: its title's first word and its year ("dismantling2017")."""
    first_word = re.sub(r"[^a-z]", "", dataset.source.title.split()[0].lower())
    return f"{first_word}{dataset.source.date_published[:4]}"


def figure_key(dataset: Dataset, figure: Figure, edition: Edition, default_language: str) -> str:
    """A figure's key, unique across the site: each edition's row is a work
    of its own (its own words and address), so other editions add their language."""
    key = f"{bibtex_key(dataset)}:{figure.id}"
    return key if edition.language == default_language else f"{key}:{edition.language}"


def article_key(dataset: Dataset, edition: Edition, default_language: str) -> str:
    """The article's key in an edition: its entry is in the edition's words,
    so, as a figure's, another edition's adds its language ("dismantling2017:fr"),
    and one .bib file can hold the entries of every edition."""
    key = bibtex_key(dataset)
    return key if edition.language == default_language else f"{key}:{edition.language}"


def bibtex(dataset: Dataset, edition: Edition, default_language: str) -> str:
    """The article's @misc entry, in the edition's words: the source names
    no outlet, so it cannot be an @article, and fields it leaves blank are
    left out rather than guessed, and said to be blank in its note."""
    source = dataset.source
    year, month, _ = source.date_published.split("-")
    fields = [
        ("title", "{" + _escape(source.title) + "}"),  # inner braces keep its capitals
        ("key", _escape(source.title)),
    ]
    if source.author:
        fields.append(("author", _escape(source.author)))
    if source.publisher:
        fields.append(("organization", _escape(source.publisher)))
    fields += [
        ("year", year),
        ("month", _MONTHS[int(month) - 1]),
        ("date", source.date_published),
        ("howpublished", _escape(_first_upper(source.kind(edition.language)))),
    ]
    if source.url:
        fields.append(("url", _escape_url(source.url)))
    note = _article_note(dataset, edition)
    if note:
        fields.append(("note", _escape(note)))
    return _entry("misc", article_key(dataset, edition, default_language), fields)


def _article_note(dataset: Dataset, edition: Edition) -> str | None:
    """What the article's entry says of the fields the source leaves blank."""
    missing = unstated_fields(dataset, edition)
    return _first_upper(edition.words["article_note"].format(missing=missing)) if missing else None


def figure_bibtex(
    dataset: Dataset, figure: Figure, figure_url: str, edition: Edition, site_name: str, default_language: str
) -> str:
    """The figure's @misc entry: the figure on this site, at this version;
    the article it is based on by `crossref` (whose entry must follow it in
    a .bib file, as BibTeX wants)."""
    release, words = dataset.release, _figure_words(figure, edition)
    year, month, _ = release.date.split("-")
    # The address goes in `howpublished` too: classic styles (plain.bst)
    # print that field and ignore `url`, which biblatex reads.
    fields = [
        ("title", "{" + _escape(edition.words["label_and_value"].format(**words)) + "}"),
        ("key", _escape(site_name)),  # plain.bst sorts by it, for want of an author
        ("howpublished", _escape(edition.words["site_and_address"].format(site=site_name, url=figure_url))),
        ("year", year),
        ("month", _MONTHS[int(month) - 1]),
        ("date", release.date),
        ("version", release.version),
        ("url", _escape_figure_url(figure_url)),
        ("note", _escape(_note(dataset, figure, edition))),
        ("language", edition.language),
        ("crossref", article_key(dataset, edition, default_language)),
    ]
    return _entry("misc", figure_key(dataset, figure, edition, default_language), fields)


def _note(dataset: Dataset, figure: Figure, edition: Edition) -> str:
    """The period, the version and the article, for a figure's BibTeX and CSL entries."""
    period = period_words(figure.period, edition)
    return edition.words["bibtex_note"].format(
        period=period[:1].upper() + period[1:],
        version=dataset.release.version,
        based_on=based_on(dataset, figure, edition),
    )


def _entry(kind: str, key: str, fields: list[tuple[str, str]]) -> str:
    # A month is a BibTeX macro (nov), written without braces.
    lines = [f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}" for name, value in fields]
    return f"@{kind}{{{key},\n" + ",\n".join(lines) + "\n}"


_LATEX_TEXT = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    # Spaces pdflatex's inputenc does not know (French typography's
    # narrow no-break space stops it), written as LaTeX does.
    "\u00a0": "~",
    "\u202f": r"\,",
    "\u2009": r"\,",
    "\u2007": "~",
    "\u2060": "",
}


def _escape(value: str) -> str:
    """Text for a BibTeX field: LaTeX's special characters as text, no
    brace that BibTeX would count, and no space pdflatex cannot read."""
    return re.sub(
        r"[\\{}~^&%$#_\u00a0\u202f\u2009\u2007\u2060]", lambda m: _LATEX_TEXT.get(m.group(), "\\" + m.group()), value
    )


def _escape_url(url: str) -> str:
    """An address for a BibTeX url field, where %, # and braces are special
    (the schema admits only http(s) addresses in URL characters)."""
    return re.sub(r"([%#{}\\])", r"\\\1", url)


def _escape_figure_url(url: str) -> str:
    """This site's own address of a figure: its `#` is legal inside braces,
    and escaped it reaches readers as "\\#" (as pybtex renders it); % and
    braces are not (the site's address comes from SITE_URL)."""
    return re.sub(r"([%{}\\])", r"\\\1", url)


# -- CSL JSON ------------------------------------------------------------------


def article_csl(dataset: Dataset, edition: Edition, default_language: str) -> dict[str, Any]:
    """The article as a CSL JSON item (Zotero, Pandoc, citeproc), its note in the edition's words."""
    source = dataset.source
    item: dict[str, Any] = {
        "id": article_key(dataset, edition, default_language),
        "type": "article-newspaper",
        "title": source.title,
        "issued": _csl_date(source.date_published),
        "language": source.language,
    }
    if source.author:
        item["author"] = [{"literal": source.author}]
    if source.publisher:
        item["container-title"] = source.publisher
    if source.url:
        item["URL"] = source.url
    note = _article_note(dataset, edition)
    if note:
        item["note"] = note
    return item


def figure_csl(
    dataset: Dataset, figure: Figure, figure_url: str, edition: Edition, site_name: str, default_language: str
) -> dict[str, Any]:
    """The figure on this site, at this version, as a CSL JSON dataset item;
    its note cites the article it is based on."""
    release, words = dataset.release, _figure_words(figure, edition)
    return {
        "id": figure_key(dataset, figure, edition, default_language),
        "type": "dataset",
        "title": edition.words["label_and_value"].format(**words),
        "container-title": site_name,
        "version": release.version,
        "issued": _csl_date(release.date),
        "URL": figure_url,
        "language": edition.language,
        "note": _note(dataset, figure, edition),
    }


def csl_json(items: list[dict[str, Any]]) -> str:
    return json.dumps(items, ensure_ascii=False, indent=2)


def _csl_date(iso: str) -> dict[str, Any]:
    return {"date-parts": [[int(part) for part in iso.split("-")]]}
