"""A Sphinx inventory (objects.inv, version 2) so that other documentation
can link to this site's figures and pages through intersphinx or
mkdocstrings/autorefs, written with sphobjinv."""

from __future__ import annotations

from collections.abc import Iterable

from .editions import Edition
from .formatting import Formatter
from .model import Dataset


def inventory(
    dataset: Dataset,
    project: str,
    version: str,
    reference_page: str,
    edition: Edition,
    pages: Iterable[tuple[str, str, str]],
) -> bytes:
    """Compressed inventory bytes.

    One `std:label` per figure, pointing at its row of the reference table
    (`reference_page` + "#" + id), and one `std:doc` per page, given as
    (name, url, title) with `url` relative to the site root.
    """
    import sphobjinv as soi  # here, not at import: only the last step of a build needs it

    fmt = Formatter(edition)
    inv = soi.Inventory()
    inv.project, inv.version = project, version
    for figure in dataset.figures.values():
        shown = fmt.qualified(figure.value, figure.qualifier, figure.currency)
        inv.objects.append(
            soi.DataObjStr(
                name=figure.id,
                domain="std",
                role="label",
                priority="-1",
                uri=f"{reference_page}#$",  # "$" stands for the name, as Sphinx writes it
                dispname=f"{figure.label(edition.language)}: {shown}",
            )
        )
    for name, url, title in pages:
        inv.objects.append(soi.DataObjStr(name=name, domain="std", role="doc", priority="-1", uri=url, dispname=title))
    return soi.compress(inv.data_file(contract=True))
