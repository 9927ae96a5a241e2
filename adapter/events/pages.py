"""What the site adds to each page MkDocs renders, beside the macros
(macros.py): its sharing tags, its language selector, its direction on
<html>, and one 404 page. `adapter/hooks.py` calls these."""

from __future__ import annotations

import re

from figures import FigureDataError
from figures.html import Renderer
from figures.preview import SIZE
from figures.site_files import BuiltPage, page_preview, preview_alt

from ..build import state as build_state
from ..build.site_config import addresses_for, nav_pages
from ..wrappers import i18n, material

_FIGURE_MARK = re.compile(r'data-figure="([a-z0-9-]+)[":]')  # "people-regularised", "people-regularised:label"


def on_page_content(html, page, config):
    """Record what the page shows, for its sharing tags now and its preview
    image, which starts to be drawn now and is written at the end of the
    build."""
    state = build_state.current()
    try:
        dataset, editions = state.data()
    except FigureDataError:
        return html
    addresses = addresses_for(config)
    source = i18n.source_path(page)
    if source not in addresses.pages:
        return html  # not a page of the site: the 404 page
    language = i18n.edition_being_built(config)
    shown = list(dict.fromkeys(m for m in _FIGURE_MARK.findall(html) if m in dataset.figures))
    shown.sort(key=lambda figure_id: dataset.figure(figure_id).theme.page != source)  # stable: page order kept
    built = BuiltPage(
        source=source,
        language=language,
        title=config["site_name"] if source == "index.md" else page.title,  # the home page's nav title is "Overview"
        description=page.meta.get("description") or config["site_description"],
        site_name=config["site_name"],
        figures=tuple(shown),
        charts=tuple(state.page.charts),
        nav_title={src: title for title, src in nav_pages(config["nav"])}.get(source),
    )
    state.pages.append(built)
    renderer = Renderer(dataset, editions[language], addresses, page.url, site_name=config["site_name"])
    preview = page_preview(renderer, built)
    state.previews.start(preview, addresses.preview(source, language))
    locales = {lang: editions[lang].locale for lang in state.languages}
    page.meta["share"] = {
        "title": built.title,
        "description": built.description,
        "locale": locales[language],
        "alternate_locales": [locale for lang, locale in locales.items() if lang != language],
        "image": addresses.absolute(addresses.preview(source, language)),
        "image_alt": preview_alt(renderer, preview),
        "image_width": SIZE[0],
        "image_height": SIZE[1],
    }
    return html


def on_page_context(context, config):
    """This page in each edition, for the language selector
    (overrides/partials/alternate.html)."""
    context["page_alternates"] = i18n.page_alternates(config)
    return context


def on_post_page(output):
    return material.with_document_direction(output)


def on_post_template(output, template_name, config):
    """Each edition writes its own 404 page at the root, so the last one
    built would greet every reader who mistypes an address: the default
    edition's page is kept."""
    if not i18n.is_root_404(template_name):
        return output
    state = build_state.current()
    if i18n.edition_being_built(config) == state.languages[0]:
        state.default_404 = output
    return state.default_404 or output
