"""Material for MkDocs, as this site uses it past its documented
customisation (overriding blocks and partials under `custom_dir`): the one
module that relies on Material's behaviour.

Read from Material 9.8.2 (pinned; Material is in maintenance until its end
of life on 5 May 2027). overrides/ holds every template change, and
tests/test_contracts.py reads the installed Material and fails, naming the
item, when an upgrade changes what these were written against:

- base.html writes a right-to-left edition's direction on <body> only
  (`<body dir="{{ direction }}"`): `with_document_direction` puts it on
  <html> too.
- Its search worker loads a lunr language plugin for every language of
  the index's `config.lang` but English: `search_index_in_english` sets
  it to English alone.

- overrides/main.html, block `site_meta`: Material's block without its
  `<link rel="alternate" hreflang>` loop (its script fetches a sitemap next
  to each of those addresses, which do not exist with one site per
  edition: mkdocs-material#6582); with the sharing tags.
- overrides/main.html, block `htmltitle`: Material's block with an en dash,
  not a hyphen, between the page's title and the site's name.
- overrides/main.html, block `config`: each edition's search looks in its
  own folder, by rewriting `base` in the `__config` JSON Material reads.
- overrides/main.html, block `scripts`: the search index is requested, and
  the search worker started, when the reader first opens the search: the
  9.8 bundle requests the index with XMLHttpRequest and starts one
  `new Worker`, which the block holds back until then.
- overrides/partials/search.html: Material's partial with an accessible
  name on the dialog.
- overrides/partials/alternate.html: Material's language selector,
  linking to this page in each edition.
- overrides/partials/footer.html: Material's footer, with a narrow
  no-break space before the colon of the previous/next links' aria-labels
  in the French edition.
- overrides/404.html: Material's not-found page, its heading with an en
  dash.
- overrides/partials/languages/ar.html: Material's Arabic interface words,
  with an Arabic editor's corrections (the file lists them). Material's
  documented way to change a language's words is a partial of its own under
  `partials/languages/`; the site's editions set `theme.language` through
  mkdocs-static-i18n, so the partial keeps the language's name, and, having
  the name of Material's own, cannot import it: it is a copy.
- Its interface's words, one template per language in
  `templates/partials/languages/` (`en.html`, `fr.html`…): an edition in a
  language without one has no words for search or the selector, and
  `has_translation` says so before an edition is started
  (adapter/new_edition.py); an override in `custom_dir` counts.
"""

from __future__ import annotations

import re
from pathlib import Path

from adapter.wrappers.i18n import ROOT_404

VERSION_READ = "9.8.2"

# What each override was copied from: a digest (SHA-256, first 16 hex
# digits) of Material's template, or of one block of it, in VERSION_READ.
COPIED_FROM = {
    ("base.html", "site_meta"): "26f3fa30991041e5",
    ("base.html", "htmltitle"): "8ebd0d3f80cb7be8",
    ("partials/search.html", None): "bfd556535abcddb9",
    ("partials/alternate.html", None): "572b1d4dae611aa5",
    ("partials/languages/ar.html", None): "55350404e6ad073d",
    ("partials/footer.html", None): "50c2a75f013b7b03",
    (ROOT_404, None): "80c93494b5432b1b",  # the not-found page's template, named where i18n.py relies on it
}
# What the `config` and `scripts` blocks rely on in Material's own files.
RELIED_ON = {
    "base.html": ('<script id="__config" type="application/json">', '"base":', '<body dir="{{ direction }}"'),
    "assets/javascripts/bundle.*.min.js": ("XMLHttpRequest", "new Worker", "search_index.json"),
    "assets/javascripts/workers/search.*.min.js": ('e.lang.length===1&&e.lang[0]!=="en"',),
}
_HTML_DIR = re.compile(r"<html[^>]*\sdir=")


def with_document_direction(page_html: str) -> str:
    """A right-to-left page's direction on <html> as well as on <body>
    (the HTML checker asks for it, and so do tools that read only the root
    element)."""
    if '<body dir="rtl"' in page_html and not _HTML_DIR.search(page_html[:500]):
        return page_html.replace("<html ", '<html dir="rtl" ', 1)
    return page_html


def search_index_in_english(index: dict) -> dict:
    """`index` with lunr's built-in language only. Material's search drops
    lunr's trimmer and stemmer anyway (its pipeline is only the stop-word
    filter), so a French or Arabic lunr plugin would cost every first view
    about 4 KB for a list of stop words."""
    return {**index, "config": {**index["config"], "lang": ["en"]}}


def _languages_folder() -> Path:
    import material

    return Path(material.__file__).parent / "templates" / "partials" / "languages"


def translations() -> list[str]:
    """The languages Material's interface is translated into."""
    return sorted(path.stem for path in _languages_folder().glob("*.html"))


def has_translation(language: str, custom_dir: Path) -> bool:
    """Whether Material, or the site's overrides, translate its interface into `language`."""
    name = f"{language}.html"
    return (_languages_folder() / name).is_file() or (custom_dir / "partials" / "languages" / name).is_file()


# Each reliance by a name that only this module (and overrides/, which holds
# the copied templates) may write: tests/test_contracts.py searches the
# rest of the MkDocs side for it.
GUARDED = {
    r"<body dir=": (),
    r'"lang"\s*:|\["lang"\]': (),
    r"XMLHttpRequest|new Worker": ("overrides/main.html",),
    r"__config": ("overrides/main.html",),
}
