"""Feed the figure layer's SiteAddresses from MkDocs: each page's address is
MkDocs' own `File.url`, and the editions are mkdocs.yml's."""

from __future__ import annotations

from mkdocs.structure.files import File

from figures.addresses import SiteAddresses
from figures.reference import REFERENCE_ROWS_AT_MOST, split_by_theme, table_pages

from .i18n import edition_languages

# Pages the components link to, by their source path in the default edition.
REFERENCE_PAGE = "figures.md"        # the table of all figures
CORRECTIONS_PAGE = "corrections.md"  # the corrections and changes page
LICENCE_PAGE = "use.md"              # the page that gives the licences in full


def nav_pages(nav) -> list[tuple[str, str]]:
    """(title, source path) of every page in the nav, in order."""
    pages = []
    for entry in nav or []:
        for title, target in entry.items():
            if isinstance(target, list):
                pages.extend(nav_pages(target))
            else:
                pages.append((title, target))
    return pages


def moved_pages(config) -> dict[str, str]:
    """{old source path: new source path}, as mkdocs.yml declares them
    under extra › moved_pages."""
    return dict((config["extra"] or {}).get("moved_pages") or {})


def page_url(src_path: str, config) -> str:
    """A page's address as MkDocs makes it: "method.md" -> "method/", and
    the home page "" (MkDocs gives it as "./")."""
    url = File(src_path, config["docs_dir"], config["site_dir"], config["use_directory_urls"]).url
    return "" if url in ("./", ".") else url


def addresses_for(config, dataset=None) -> SiteAddresses:
    """The site's addresses; with the dataset, those of the theme tables too
    when the reference table is split by theme (figures/reference.py)."""
    base = config["site_url"] or "/"
    sources = [src for _, src in nav_pages(config["nav"])]
    figure_pages, most = {}, rows_at_most(config)
    if dataset is not None and split_by_theme(dataset, most):
        tables = table_pages(dataset, most)
        figure_pages = {f.id: src for src, (_, _, figures) in tables.items() for f in figures}
        sources += list(tables)
    pages = {src: page_url(src, config) for src in sources}
    # A linked page that moved is linked at its new address. Until its move
    # is declared, links keep its old address, which no longer resolves, and
    # the public-address check says so (adapter/build_steps.py).
    reference, corrections, licence = (moved_pages(config).get(src, src)
                                       for src in (REFERENCE_PAGE, CORRECTIONS_PAGE, LICENCE_PAGE))
    for src in (reference, corrections, licence):
        pages.setdefault(src, page_url(src, config))
    languages = edition_languages(config)
    return SiteAddresses(base=base if base.endswith("/") else base + "/", pages=pages,
                         editions={language: "" if index == 0 else f"{language}/"
                                   for index, language in enumerate(languages)},
                         reference_page=reference, corrections_page=corrections, licence_page=licence,
                         figure_pages=figure_pages)


def rows_at_most(config) -> int:
    """How many rows the reference table holds before it is split by theme."""
    return int(config["extra"].get("reference_rows_at_most", REFERENCE_ROWS_AT_MOST))
