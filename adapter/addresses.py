"""Feed the figure layer's SiteAddresses from MkDocs: each page's address is
MkDocs' own `File.url`, and each edition's folder is the i18n plugin's."""

from __future__ import annotations

from mkdocs.structure.files import File

from figures.addresses import SiteAddresses
from figures.reference import REFERENCE_ROWS_AT_MOST, split_by_theme, table_pages

from .editions import edition_languages, nav_pages

REFERENCE_PAGE = "figures.md"  # the table of all figures


def site_addresses(config, dataset=None) -> SiteAddresses:
    """The site's addresses; with the dataset, those of the theme tables too
    when the reference table is split by theme (figures/reference.py)."""
    base = config["site_url"] or "/"
    sources = [src for _, src in nav_pages(config["nav"])]
    figure_pages, most = {}, rows_at_most(config)
    if dataset is not None and split_by_theme(dataset, most):
        tables = table_pages(dataset, most)
        figure_pages = {f.id: src for src, (_, _, figures) in tables.items() for f in figures}
        sources += list(tables)
    pages = {src: _address(File(src, config["docs_dir"], config["site_dir"], config["use_directory_urls"]).url)
             for src in sources}
    languages = edition_languages(config)
    editions = {language: "" if index == 0 else f"{language}/" for index, language in enumerate(languages)}
    return SiteAddresses(base=base if base.endswith("/") else base + "/", pages=pages, editions=editions,
                         reference_page=REFERENCE_PAGE, figure_pages=figure_pages)


def rows_at_most(config) -> int:
    """How many rows the reference table holds before it is split by theme."""
    return int(config["extra"].get("reference_rows_at_most", REFERENCE_ROWS_AT_MOST))


def _address(url: str) -> str:
    """MkDocs gives the home page as "./"; an address here is relative to the
    site's root, where the home page is ""."""
    return "" if url in ("./", ".") else url
