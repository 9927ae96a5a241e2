"""Machine-readable exports of the data: JSON, CSV (RFC 4180) and a
Frictionless Data Package (v2) that describes them and the CSL JSON.

Their column names, types and paths are a public interface: other people's
code reads them. Add columns at the end; never rename or remove one.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .addresses import BIBTEX_PATH, CSL_PATH, CSV_PATH, JSON_PATH, SiteAddresses
from .changes import latest_correction
from .citation import (
    article_csl,
    bibtex,
    csl_json,
    figure_bibtex,
    figure_csl,
    full_citation,
    not_stated,
    short_citation,
)
from .editions import Edition
from .formatting import Formatter
from .model import ARTICLE_VOICE, Claim, Dataset, Figure

# (column, Table Schema type, description, extra Table Schema keys)
CSV_COLUMNS: list[tuple[str, str, str, dict[str, Any]]] = [
    (
        "id",
        "string",
        "Stable figure id; also the figure's anchor on the site.",
        {"constraints": {"required": True, "unique": True, "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"}},
    ),
    ("label", "string", "What the figure counts, in the site's words (English).", {}),
    (
        "value",
        "integer",
        "The number as the source states it, in full.",
        {"constraints": {"required": True, "minimum": 0}},
    ),
    ("unit", "string", "What is counted (English).", {}),
    (
        "currency",
        "string",
        "The currency sign as the source writes it when the value is an amount of money; empty otherwise. "
        "The source writes “$” and names no currency, so no ISO 4217 code is given.",
        {},
    ),
    (
        "qualifier",
        "string",
        "as-stated, more-than or as-much-as, as the source words it.",
        {"constraints": {"required": True, "enum": ["as-stated", "more-than", "as-much-as"]}},
    ),
    ("qualified_value", "string", "The value with its qualifier, as the site shows it in English.", {}),
    ("period_id", "string", "Id of the period the figure covers.", {}),
    ("period_wording", "string", "The source's own words for the period.", {}),
    (
        "period_start",
        "string",
        "First day or year covered (ISO 8601), empty if not stated; inferred from the "
        "article's date, not read in it, when period_inferred names 'start'.",
        {},
    ),
    (
        "period_end",
        "string",
        "Last day covered (ISO 8601), empty for a yearly rate; inferred from the "
        "article's date, not read in it, when period_inferred names 'end'.",
        {},
    ),
    ("period_recurrence", "string", "'yearly' for a rate per year; empty otherwise.", {}),
    (
        "period_inferred",
        "string",
        "Bounds inferred from the article's date rather than read in it, space-separated.",
        {},
    ),
    ("stated_by", "string", "Speaker id, or 'article' when the article states it in its own voice.", {}),
    ("stated_by_name", "string", "The speaker's name as the source gives it; empty for the article's own voice.", {}),
    ("stated_by_role", "string", "The speaker's title as the source gives it.", {}),
    ("quote", "string", "The verbatim sentence of the source that states the figure.", {}),
    ("quote_paragraph", "integer", "Paragraph of the source's body holding the quote, from 1.", {}),
    ("theme", "string", "Id of the theme page that presents the figure.", {}),
    ("theme_url", "string", "Absolute address of that theme page.", {"format": "uri"}),
    ("url", "string", "Absolute address of the figure's row in the table of all figures.", {"format": "uri"}),
    ("citation", "string", "A full citation of the figure and its source.", {}),
    ("data_version", "string", "The version of the data this row belongs to (MAJOR.MINOR.PATCH).", {}),
    ("corrected_on", "date", "The day of the figure's latest correction; empty if it was never corrected.", {}),
]


def figure_record(
    dataset: Dataset, figure: Figure, urls: SiteAddresses, edition: Edition, site_name: str
) -> dict[str, Any]:
    """A figure as the exports give it, in the default edition's words."""
    period, speaker, language = figure.period, figure.quote.speaker, edition.language
    url = urls.absolute(urls.figure(figure.id))
    corrected = latest_correction(dataset, figure)
    return {
        "id": figure.id,
        "label": figure.label(language),
        "value": figure.value,
        "unit": figure.unit(language),
        "currency": figure.currency,
        "qualifier": figure.qualifier,
        "qualified_value": Formatter(edition).qualified(figure.value, figure.qualifier, figure.currency),
        "period": {
            "id": period.id,
            "wording": period.wording,
            "start": period.start,
            "end": period.end,
            "recurrence": period.recurrence,
            "inferred": [bound for bound in ("start", "end") if bound in period.inferred],
        },
        "stated_by": {
            "id": speaker.id if speaker else ARTICLE_VOICE,
            "name": speaker.name if speaker else None,
            "role": speaker.role(language) if speaker else None,
        },
        "quote": figure.quote.text,
        "quote_paragraph": figure.quote.paragraph,
        "theme": figure.theme.id,
        "theme_url": urls.absolute(urls.page(figure.theme.page)),
        "url": url,
        "citation": {
            "short": short_citation(dataset, figure, edition, site_name),
            "full": full_citation(dataset, figure, url, edition, site_name),
            "bibtex": figure_bibtex(dataset, figure, url, edition, site_name, urls.default_language),
            "csl": figure_csl(dataset, figure, url, edition, site_name, urls.default_language),
        },
        "data_version": dataset.release.version,
        "corrected": (
            {
                "version": corrected.version,
                "date": corrected.date,
                "entry": urls.absolute(urls.page(urls.corrections_page)) + "#" + corrected.anchor,
            }
            if corrected
            else None
        ),
    }


def claim_record(claim: Claim, urls: SiteAddresses, edition: Edition) -> dict[str, Any]:
    speaker = claim.quote.speaker
    return {
        "id": claim.id,
        "label": claim.label(edition.language),
        "excerpt": claim.excerpt,
        "quote": claim.quote.text,
        "quote_paragraph": claim.quote.paragraph,
        "stated_by": speaker.id if speaker else ARTICLE_VOICE,
        "theme": claim.theme.id,
        "theme_url": urls.absolute(urls.page(claim.theme.page)),
    }


def source_record(dataset: Dataset, edition: Edition, default_language: str) -> dict[str, Any]:
    source = dataset.source
    return {
        "title": source.title,
        "kind": source.kind(edition.language),
        "date_published": source.date_published,
        "language": source.language,
        "author": source.author,
        "publisher": source.publisher,
        "url": source.url,
        "not_stated": not_stated(dataset),
        "bibtex": bibtex(dataset, edition, default_language),
    }


def release_record(dataset: Dataset, urls: SiteAddresses) -> dict[str, Any]:
    """The data's version, its date, its licence and where its changes are told."""
    release = dataset.release
    return {
        "version": release.version,
        "date": release.date,
        "license": _licence(release.content_licence),
        "code_license": _licence(release.code_licence),
        "license_note": "The quoted sentences remain the article’s, quoted for reference.",
        "changes": urls.absolute(urls.page(urls.corrections_page)),
    }


def _licence(licence) -> dict[str, str]:
    return {"name": licence.spdx, "title": licence.title, "path": licence.url}


def figures_json(dataset: Dataset, urls: SiteAddresses, edition: Edition, site_name: str) -> str:
    document = {
        **release_record(dataset, urls),
        "source": source_record(dataset, edition, urls.default_language),
        "figures": [figure_record(dataset, f, urls, edition, site_name) for f in dataset.figures.values()],
        "claims": [claim_record(c, urls, edition) for c in dataset.claims.values()],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def figures_csv(dataset: Dataset, urls: SiteAddresses, edition: Edition, site_name: str) -> str:
    """One row per figure; CRLF line ends and minimal quoting, as RFC 4180 says."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(name for name, *_ in CSV_COLUMNS)
    for figure in dataset.figures.values():
        writer.writerow(_csv_row(figure_record(dataset, figure, urls, edition, site_name)))
    return buffer.getvalue()


def _csv_row(record: dict[str, Any]) -> list[str]:
    period, speaker = record["period"], record["stated_by"]
    flat = {
        **{
            k: record[k]
            for k in (
                "id",
                "label",
                "value",
                "unit",
                "currency",
                "qualifier",
                "qualified_value",
                "quote",
                "quote_paragraph",
                "theme",
                "theme_url",
                "url",
            )
        },
        "period_id": period["id"],
        "period_wording": period["wording"],
        "period_start": period["start"],
        "period_end": period["end"],
        "period_recurrence": period["recurrence"],
        "period_inferred": " ".join(period["inferred"]),
        "stated_by": speaker["id"],
        "stated_by_name": speaker["name"],
        "stated_by_role": speaker["role"],
        "citation": record["citation"]["full"],
        "data_version": record["data_version"],
        "corrected_on": record["corrected"]["date"] if record["corrected"] else None,
    }
    return [_cell(flat[name]) for name, *_ in CSV_COLUMNS]


# A spreadsheet reads a cell that starts with one of these as a formula
# (CSV injection). The data file takes contributions, so such a text cell
# gets a leading apostrophe, which spreadsheets show as text and hide.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return str(value)


# The package's `name` was published as it stands, and a data package's name
# is the identifier others cite and fetch it by: it is kept, although the
# article never says "smuggling" (nothing documents how to rename one without
# breaking what reads it). The description says what the package holds in
# the article's own terms, and why the name says otherwise.
DATAPACKAGE_NAME = "morocco-smuggling-trafficking-figures"

# A count as a word, in the description's running text ("four of them").
_COUNT_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _count(number: int) -> str:
    return _COUNT_WORDS[number] if number < len(_COUNT_WORDS) else str(number)


def datapackage_description(dataset: Dataset) -> str:
    """What the package holds, in the article's terms, and who states its figures."""
    source = dataset.source
    attributed = sum(1 for f in dataset.figures.values() if f.quote.speaker is not None)
    own_voice = len(dataset.figures) - attributed
    return (
        f"The figures reported by one news article, “{source.title}” ({source.date_published}), "
        "on Morocco’s action against human traffickers, criminal networks and illegal immigration "
        "attempts (the article’s terms), each with its qualifier, its period, who states it and the "
        f"verbatim sentence it comes from. {_count(attributed).capitalize()} are attributed by the "
        f"article to an official and {_count(own_voice)} are in its own voice; none has been checked "
        "against another source. The article never speaks of smuggling: the package’s name says "
        "“smuggling” only because the package was first published under that name, which is kept "
        "as its identifier."
    )


def datapackage(dataset: Dataset, urls: SiteAddresses, title: str) -> str:
    source = dataset.source
    fields = [
        {"name": name, "type": kind, "description": description, **extra}
        for name, kind, description, extra in CSV_COLUMNS
    ]
    descriptor = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": DATAPACKAGE_NAME,
        "title": title,
        "description": datapackage_description(dataset),
        "homepage": urls.absolute(""),
        "version": dataset.release.version,
        "licenses": [_licence(dataset.release.content_licence)],
        "sources": [{"title": source.title}],
        "resources": [
            {
                "name": "figures",
                "path": CSV_PATH,
                "type": "table",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {
                    "$schema": "https://datapackage.org/profiles/2.0/tabledialect.json",
                    "delimiter": ",",
                    "lineTerminator": "\r\n",
                    "quoteChar": '"',
                    "doubleQuote": True,
                    "header": True,
                },
                "schema": {
                    "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
                    "fields": fields,
                    "primaryKey": ["id"],
                },
            },
            {
                "name": "figures-json",
                "path": JSON_PATH,
                "type": "json",
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                "description": (
                    "The same figures with nested periods, speakers and citations, "
                    "plus the source record and the non-numeric claims."
                ),
            },
            {
                "name": "citations-csl",
                "path": CSL_PATH,
                "type": "json",
                "format": "json",
                "mediatype": "application/vnd.citationstyles.csl+json",
                "encoding": "utf-8",
                "description": "Each figure's citation and the article's, as CSL JSON (Zotero, Pandoc).",
            },
        ],
    }
    return json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"


def citation_exports(dataset: Dataset, urls: SiteAddresses, edition: Edition, site_name: str) -> dict[str, str]:
    """Every figure's citation, then the article's: as BibTeX (the article's
    entry last, as `crossref` wants) and as CSL JSON."""
    figures = [(f, urls.absolute(urls.figure(f.id))) for f in dataset.figures.values()]
    entries = [figure_bibtex(dataset, f, url, edition, site_name, urls.default_language) for f, url in figures]
    items = [figure_csl(dataset, f, url, edition, site_name, urls.default_language) for f, url in figures]
    return {
        BIBTEX_PATH: "\n\n".join([*entries, bibtex(dataset, edition, urls.default_language)]) + "\n",
        CSL_PATH: csl_json([*items, article_csl(dataset, edition, urls.default_language)]) + "\n",
    }
