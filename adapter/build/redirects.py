"""Pages that moved keep their old address, in every edition.

A move is declared once in mkdocs.yml, by source path,

    extra:
      moved_pages:
        source-and-method.md: method.md

and each old address gets a redirect page in each edition (/method/,
/fr/method/…) sending the reader to the same edition's new page with the
anchor kept. mkdocs-redirects does this for the default edition only: with
mkdocs-static-i18n's suffix structure it points the others at pages that
do not exist (mkdocs-redirects issues 33 and 63).
"""

from __future__ import annotations

import json
import posixpath

from figures.addresses import SiteAddresses
from figures.editions import Edition
from figures.templating import render


def redirect_pages(
    moved: dict[str, str], urls: dict[str, str], addresses: SiteAddresses, editions: dict[str, Edition]
) -> dict[str, str]:
    """{site-relative path of each redirect page: its HTML}; `urls` maps a
    source path to its address ("method.md" -> "method/")."""
    pages = {}
    for old, new in moved.items():
        for language, folder in addresses.editions.items():
            old_address, new_address = folder + urls[old], folder + urls[new]
            pages[old_address + "index.html"] = redirect_page(
                old_address, new_address, addresses.base, editions[language]
            )
    return pages


def redirect_page(old: str, new: str, site_url: str, edition: Edition) -> str:
    """The page left at `old` (site-relative) sending readers to `new`,
    with the #anchor kept (a meta refresh drops it; the script keeps it)."""
    target = posixpath.relpath(new or ".", old or ".") + "/"
    before, _, after = edition.words["page_moved_to"].partition("{address}")
    return (
        render(
            "redirect.html",
            edition=edition,
            words=edition.words["page_moved"],
            before=before,
            after=after,
            target=target,
            absolute=site_url + new,
            new=new,
            script_target=json.dumps(target).replace("<", "\\u003c"),
        )
        + "\n"
    )
