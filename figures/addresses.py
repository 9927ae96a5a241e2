"""The site's public addresses, in one place: each page in each edition, each
figure's row in the table of all figures, and the exports at the site root.

Other sites link to these addresses and other people's code reads the
exports, so they are a public interface. The site generator supplies each
page's address (MkDocs' own `File.url`, through the adapter); nothing here
knows how a generator makes addresses. Addresses are site-relative
("fr/figures/#people-regularised") unless made absolute with `absolute`.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass

# The exports, at the site root, in every edition's links: published once.
JSON_PATH = "figures.json"
CSV_PATH = "figures.csv"
DATAPACKAGE_PATH = "datapackage.json"
INVENTORY_PATH = "objects.inv"
BIBTEX_PATH = "figures.bib"
CSL_PATH = "figures.csl.json"


@dataclass(frozen=True)
class SiteAddresses:
    base: str  # the published site's address, ending with "/"
    pages: Mapping[str, str]  # source path -> address in the default edition: "returns.md" -> "returns/"
    editions: Mapping[str, str]  # language -> folder of its edition: "en" -> "", "fr" -> "fr/"
    reference_page: str  # source path of the table of all figures
    corrections_page: str  # source path of the corrections and changes page
    licence_page: str  # source path of the page that gives the licences in full

    @property
    def default_language(self) -> str:
        return next(language for language, folder in self.editions.items() if folder == "")

    def page(self, src_path: str, language: str | None = None) -> str:
        """A page, by its source path, in an edition (the default if None)."""
        return self.editions[language or self.default_language] + self.pages[src_path]

    def figure(self, figure_id: str, language: str | None = None) -> str:
        """A figure's row in the table of all figures."""
        return f"{self.page(self.reference_page, language)}#{figure_id}"

    def card(self, figure_id: str, language: str | None = None) -> str:
        """A figure's embeddable card (an SVG file), beside the table of all figures."""
        return f"{self.page(self.reference_page, language)}{figure_id}.svg"

    def preview(self, src_path: str, language: str | None = None) -> str:
        """A page's preview image (PNG), in the page's folder."""
        return f"{self.page(src_path, language)}preview.png"

    def absolute(self, address: str) -> str:
        return self.base + address

    @staticmethod
    def relative(address: str, from_page: str) -> str:
        """`address` as a link written on the page at `from_page` (both
        site-relative; pages are folders, as "returns/")."""
        path, hash_, anchor = address.partition("#")
        return _relative_path(path, from_page) + hash_ + anchor


def _relative_path(path: str, from_page: str) -> str:
    start = from_page if from_page.endswith("/") or not from_page else posixpath.dirname(from_page) + "/"
    target = posixpath.relpath(path or ".", start.rstrip("/") or ".")
    if path.endswith("/") or not path:
        target = "./" if target == "." else target + "/"
    return target
