"""Keep a moved page's old address working, in every edition.

After the last edition is built, each old address declared in mkdocs.yml
(adapter/moved_pages.py) gets a redirect page in each edition
(/source-and-method/, /fr/source-and-method/ and /ar/source-and-method/),
sending the reader to the same edition's new page with the anchor kept.
mkdocs-redirects does this for English only: with the i18n plugin's suffix
structure it points the other editions at pages that do not exist
(mkdocs-redirects issues 33 and 63).
"""

import sys
from pathlib import Path

from mkdocs.plugins import event_priority

PROJECT_DIR = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT_DIR))

from adapter import data, editions  # noqa: E402
from adapter.moved_pages import moved_pages, page_url, redirect_page  # noqa: E402
from figures import FigureDataError  # noqa: E402


@event_priority(-250)  # after the editions hook (-200), before the address check (-300)
def on_post_build(config, **kwargs) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # an edition built from inside the i18n plugin: the site is not finished
    moved = moved_pages(config)
    if not moved:
        return
    languages = editions.edition_languages(config)
    try:
        _, site_editions = data.load(PROJECT_DIR, languages)
    except FigureDataError:
        return  # a data mistake, already reported (macros.py); under serve, the redirects return with its fix
    site_url = (config.site_url or "/").rstrip("/") + "/"
    for old, new in moved.items():
        for index, language in enumerate(languages):
            prefix = "" if index == 0 else f"{language}/"
            old_address, new_address = prefix + page_url(old, config), prefix + page_url(new, config)
            path = Path(config.site_dir) / old_address / "index.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(redirect_page(old_address, new_address, site_url, site_editions[language]),
                            encoding="utf-8")
