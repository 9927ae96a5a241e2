"""schema.org `Dataset` metadata for search engines and data catalogues."""

from __future__ import annotations

import json

from .addresses import CSV_PATH, JSON_PATH, SiteAddresses
from .editions import Edition
from .model import Dataset


def dataset_jsonld(dataset: Dataset, urls: SiteAddresses, edition: Edition, name: str, description: str) -> str:
    """The metadata, in `edition`'s words and at its address, as <script>
    text. This site compiled the dataset and publishes it, so it is named as
    its creator and publisher; the article, whose author and publisher the
    source does not state, is only what it is based on."""
    source = dataset.source
    temporal = temporal_coverage(dataset)
    citation = {
        "@type": "NewsArticle",
        "headline": source.title,
        "datePublished": source.date_published,
        "inLanguage": source.language,
    }
    if source.url:
        citation["url"] = source.url
    site = {"@type": "Organization", "name": name, "url": urls.absolute(urls.page("index.md", edition.language))}
    document = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": name,
        "description": description,
        "url": urls.absolute(urls.page(urls.reference_page, edition.language)),
        "temporalCoverage": temporal,
        "spatialCoverage": {"@type": "Place", "name": dataset.place(edition.language)},
        "inLanguage": edition.language,
        "version": dataset.release.version,
        "dateModified": dataset.release.date,
        "license": dataset.release.content_licence.url,
        "creator": site,
        "publisher": site,
        "isBasedOn": citation,
        "citation": citation,
        "variableMeasured": [f.label(edition.language) for f in dataset.figures.values()],
        "distribution": [
            {"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": urls.absolute(CSV_PATH)},
            {"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": urls.absolute(JSON_PATH)},
        ],
    }
    # Inside <script>, "</script>" would end the element and "<!--" would
    # start a comment that swallows the rest of the page: written as JSON
    # escapes, <, > and & mean the same to a JSON reader and nothing to HTML.
    return json.dumps(document, ensure_ascii=False, indent=2).translate(_SCRIPT_SAFE)


def temporal_coverage(dataset: Dataset) -> str:
    """The span the figures cover, in ISO 8601 years. A dated period ends on
    a day inferred from the article's date, which JSON-LD cannot mark as
    inferred: the coverage gives only its year, the article's own. A period
    whose start the article does not state leaves it open at the start."""
    periods = [p for p in dataset.periods.values() if p.end]

    def year(period, bound: str) -> str:
        return getattr(period, bound)[:4]

    end = max(year(p, "end") for p in periods)
    if any(p.start is None for p in periods):
        return f"../{end}"
    return f"{min(year(p, 'start') for p in periods)}/{end}"


_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})
