"""What mkdocs.yml says about the site's pages: the nav's pages, the pages
that moved, and from them the figure layer's SiteAddresses (each page's
address is MkDocs' own, adapter/wrappers/mkdocs.py)."""

from __future__ import annotations

from figures.addresses import SiteAddresses

from ..wrappers.i18n import edition_languages
from ..wrappers.mkdocs import page_url

# Pages the components link to, by their source path in the default edition.
REFERENCE_PAGE = "figures.md"  # the table of all figures
CORRECTIONS_PAGE = "corrections.md"  # the corrections and changes page
LICENCE_PAGE = "use.md"  # the page that gives the licences in full


def nav_pages(nav) -> list[tuple[str, str]]:
    """(title, source path) of every page in the nav, in order: the one walk
    of the nav."""
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


def addresses_for(config) -> SiteAddresses:
    """The site's addresses: the nav's pages, and the pages components link to."""
    base = config["site_url"] or "/"
    pages = {src: page_url(src, config) for _, src in nav_pages(config["nav"])}
    # A linked page that moved is linked at its new address. Until its move
    # is declared, links keep its old address, which no longer resolves, and
    # the public-address check says so (adapter/checks/public_addresses.py).
    reference, corrections, licence = (
        moved_pages(config).get(src, src) for src in (REFERENCE_PAGE, CORRECTIONS_PAGE, LICENCE_PAGE)
    )
    for src in (reference, corrections, licence):
        pages.setdefault(src, page_url(src, config))
    return SiteAddresses(
        base=base if base.endswith("/") else base + "/",
        pages=pages,
        editions={
            language: "" if index == 0 else f"{language}/" for index, language in enumerate(edition_languages(config))
        },
        reference_page=reference,
        corrections_page=corrections,
        licence_page=licence,
    )
