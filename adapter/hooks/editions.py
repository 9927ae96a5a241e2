"""Make the three editions work together in Material, light to load.

mkdocs-static-i18n builds English, French and Arabic one after the other.

- It writes one search index with all three editions at the root, which
  every page would download. After it has finished, the index is split: the
  root keeps English, /fr/search/ and /ar/search/ get their own, with
  locations relative to the edition (overrides/main.html points each
  edition's search there). Each index keeps lunr's built-in language:
  Material's search drops lunr's trimmer and stemmer anyway (its pipeline is
  only the stop-word filter), so a French or Arabic lunr plugin would cost
  every first view about 4 KB for a list of stop words.

- Each edition writes its own 404.html at the root, so the last one built
  (Arabic) would greet every reader who mistypes an address. The default
  edition's page is kept.

- The language selector links to this page in each edition (the list the
  i18n plugin makes for each page, kept here for the template); the head has
  no alternate links (overrides/main.html says why): the hreflang alternates
  of every page are in sitemap.xml, which search engines read.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

from mkdocs.plugins import event_priority

INDEX = Path("search") / "search_index.json"
_default_404: dict[str, str] = {}  # the default edition's 404 page, kept while the others build


@event_priority(-50)  # after mkdocs-static-i18n has set this page's alternates (50)
def on_page_context(context, page, config, nav):
    """This page in each edition, for the language selector
    (overrides/partials/alternate.html); the i18n plugin rewrites the list
    before the next page, so it is copied."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.extra_alternate:
        context["page_alternates"] = copy.deepcopy(config.extra.alternate)
    return context


def on_post_page(output, page, config):
    """Material writes a right-to-left edition's direction on <body> only;
    the document's direction belongs on <html> too (the HTML checker says so,
    and so do tools that read only the root element)."""
    if '<body dir="rtl"' in output and not re.search(r"<html[^>]*\sdir=", output[:500]):
        output = output.replace("<html ", '<html dir="rtl" ', 1)
    return output


def on_post_template(output, template_name, config):
    i18n = config.plugins.get("i18n")
    if i18n is None or template_name != "404.html":
        return output
    if i18n.current_language == i18n.default_language:
        _default_404["html"] = output
        return output
    return _default_404.get("html", output)


@event_priority(-200)  # after mkdocs-static-i18n's own post-build (-100)
def on_post_build(config, **kwargs) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.building:
        return  # an edition built from inside the i18n plugin: the index is not final yet
    site = Path(config.site_dir)
    combined = json.loads((site / INDEX).read_text(encoding="utf-8"))
    editions = [lang for lang in i18n.build_languages if lang != i18n.default_language]
    for language in [i18n.default_language, *editions]:
        prefix = "" if language == i18n.default_language else f"{language}/"
        docs = [
            {**doc, "location": doc["location"][len(prefix):]}
            for doc in combined["docs"]
            if (doc["location"].startswith(prefix) if prefix
                else not doc["location"].startswith(tuple(f"{e}/" for e in editions)))
        ]
        index = {**combined, "config": {**combined["config"], "lang": ["en"]}, "docs": docs}
        target = site / prefix / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
