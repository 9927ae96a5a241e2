"""What the site adds to each step of MkDocs' build, beside the macros
(macros.py). `adapter/hooks.py` calls these, in the order and with the
priorities it lists.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from mkdocs.structure.files import File, InclusionLevel

from figures import FigureDataError
from figures.components import Components
from figures.preview import SIZE
from figures.reference import split_by_theme, table_pages
from figures.site_files import BuiltPage, page_preview, site_files

from . import build_state, i18n, macros_plugin
from .edition_checks import source_path
from .link_check import PUBLIC_URLS, problem_with, public_addresses
from .mkdocs_internals import add_anchor_ids, place_in_folder
from .page_urls import addresses_for, moved_pages, nav_pages, page_url, rows_at_most
from .preview_cache import PreviewCache
from .redirects import redirect_pages
from .template_cache import use_template_cache

log = logging.getLogger("mkdocs.plugins.figures")
SEARCH_INDEX = Path("search") / "search_index.json"
_FIGURE_MARK = re.compile(r'data-figure="([a-z0-9-]+)[":]')  # "people-regularised", "people-regularised:label"


def building_an_edition(config) -> bool:
    """True for the build of an edition other than the default: the site's
    build has started already."""
    return i18n.inside_an_edition_build(config)


def start_site(config, project_dir: Path, serving: bool) -> None:
    build_state.start(project_dir, i18n.edition_languages(config), serving)
    i18n.quiet_logs()
    macros_plugin.quiet_logs()
    # A template error that no check foresaw stops a build; serving goes on.
    macros_plugin.stop_on_render_errors(config, stop=not serving)


def on_files(files, config):
    """Once the data outgrows one reference page (figures/reference.py), each
    theme's table becomes a page of its own, in every edition, outside the
    nav (the table of all figures links to each)."""
    try:
        dataset, _ = build_state.current().data()
    except FigureDataError:
        return files  # macros.py reports it
    most = rows_at_most(config)
    if not split_by_theme(dataset, most):
        return files
    folder = addresses_for(config).editions[i18n.edition_being_built(config)]
    for src, (theme_id, part, _) in table_pages(dataset, most).items():
        # Macros only: the theme's title is data, and comes through one.
        content = (f"# {{{{ theme_title(\"{theme_id}\") }}}}\n\n"
                   f"{{{{ figure_table(theme=\"{theme_id}\", part={part}) }}}}\n")
        page = File.generated(config, src, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
        place_in_folder(page, folder)
        files.append(page)
    return files


def on_env(env, config, project_dir: Path):
    return use_template_cache(env, project_dir)


def on_page_content(html, page, config):
    """Put the block components back, then record what the page shows, for
    its sharing tags now and its preview image at the end of the build."""
    state = build_state.current()
    html, ids = state.blocks.restore(html)
    add_anchor_ids(page, ids)
    try:
        dataset, editions = state.data()
    except FigureDataError:
        return html
    addresses = addresses_for(config, dataset)
    source = source_path(page)
    if source not in addresses.pages:
        return html  # not a page of the site: the 404 page
    language = i18n.edition_being_built(config)
    shown = list(dict.fromkeys(m for m in _FIGURE_MARK.findall(html) if m in dataset.figures))
    shown.sort(key=lambda figure_id: dataset.figure(figure_id).theme.page != source)  # stable: page order kept
    built = BuiltPage(
        source=source, language=language,
        title=config["site_name"] if source == "index.md" else page.title,  # the home page's nav title is "Overview"
        description=page.meta.get("description") or config["site_description"],
        site_name=config["site_name"], figures=tuple(shown), charts=tuple(state.page.charts),
        nav_title={src: title for title, src in nav_pages(config["nav"])}.get(source))
    state.pages.append(built)
    renderer = Components(dataset, editions[language], addresses, page.url, site_name=config["site_name"])
    preview = page_preview(renderer, built)
    locales = {lang: editions[lang].locale for lang in state.languages}
    page.meta["share"] = {
        "title": built.title,
        "description": built.description,
        "locale": locales[language],
        "alternate_locales": [locale for lang, locale in locales.items() if lang != language],
        "image": addresses.absolute(addresses.preview(source, language)),
        "image_alt": renderer.preview_alt(preview),
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
    """The parts set aside for search come back. Material writes a
    right-to-left edition's direction on <body> only; the document's
    direction belongs on <html> too (the HTML checker says so, and so do
    tools that read only the root element)."""
    output = build_state.current().blocks.restore_excluded(output)
    if '<body dir="rtl"' in output and not re.search(r"<html[^>]*\sdir=", output[:500]):
        output = output.replace("<html ", '<html dir="rtl" ', 1)
    return output


def on_post_template(output, template_name, config):
    """Each edition writes its own 404.html at the root, so the last one
    built would greet every reader who mistypes an address: the default
    edition's page is kept."""
    if template_name != "404.html":
        return output
    state = build_state.current()
    if i18n.edition_being_built(config) == state.languages[0]:
        state.default_404 = output
    return state.default_404 or output


def end_site(config) -> None:
    """The whole site is built: its own files, each edition's search index,
    the redirects of moved pages, then the check that every public address
    still resolves."""
    state = build_state.current()
    site_dir = Path(config["site_dir"])
    try:
        dataset, editions = state.data()
    except FigureDataError:
        return  # reported by macros.py, on every page
    addresses = addresses_for(config, dataset)
    moved = moved_pages(config)
    previews = PreviewCache(state.project_dir / ".cache" / "previews")
    order = list(addresses.pages)  # the nav's pages first, in order
    pages = sorted(state.pages, key=lambda page: order.index(page.source))
    try:
        files = site_files(dataset, editions, addresses, pages, moved, previews.png)
    except FigureDataError as error:  # a preview image's shaping packages missing
        state.report(error.message)
        return
    urls = {src: page_url(src, config) for src in {*moved, *moved.values()}}
    files.update({path: html.encode() for path, html in redirect_pages(moved, urls, addresses, editions).items()})
    combined = json.loads((site_dir / SEARCH_INDEX).read_text(encoding="utf-8"))
    for folder, index in i18n.search_index_per_edition(combined, addresses.editions).items():
        # lunr's built-in language only: Material's search drops lunr's
        # trimmer and stemmer anyway (its pipeline is only the stop-word
        # filter), so a French or Arabic lunr plugin would cost every first
        # view about 4 KB for a list of stop words.
        index = {**index, "config": {**index["config"], "lang": ["en"]}}
        files[folder + SEARCH_INDEX.as_posix()] = json.dumps(index, ensure_ascii=False,
                                                              separators=(",", ":")).encode()
    for path, content in files.items():
        (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / path).write_bytes(content)
    if state.failed:
        return  # one mistake, one message: a page shown as a problem has lost its anchors
    _check_public_addresses(state, site_dir)
    if not state.failed:
        log.info(f"Figures: {len(dataset.figures)} figures, {len(state.pages)} pages in "
                 f"{len(state.languages)} editions, every public address resolves")


def _check_public_addresses(state: build_state.SiteBuild, site_dir: Path) -> None:
    broken = [(line, address, problem) for line, address in public_addresses(state.project_dir)
              if (problem := problem_with(site_dir, address))]
    if not broken:
        return
    line, address, problem = broken[0]
    more = f" (and {len(broken) - 1} more listed addresses)" if len(broken) > 1 else ""
    state.report(
        f"{PUBLIC_URLS.as_posix()}, line {line}: the public address {address} no longer resolves "
        f"({problem.removeprefix(address + ': ')}){more}; expected every listed address to keep working: "
        "add a redirect for a moved page, or keep an anchor with { #old-id }. See “Moving a page” in CONTRIBUTING.md.")
