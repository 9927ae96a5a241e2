"""The site's build as a whole: how it starts, and what is written once
every edition is built (the site's own files, each edition's search index,
the redirects of moved pages), then the check that every public address
still resolves; and how often `mkdocs serve` looks for saved files.
`adapter/hooks.py` calls these."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from figures import FigureDataError
from figures.site_files import site_files

from ..build import state as build_state
from ..build.redirects import redirect_pages
from ..build.site_config import addresses_for, moved_pages
from ..checks.public_addresses import broken_public_address
from ..checks.settings import check_environment
from ..wrappers import i18n, macros_plugin, material
from ..wrappers.mkdocs import (
    look_for_saves_every,
    page_url,
    set_permalink_title,
    skip_dot_folders_in_theme_listing,
    use_template_cache,
)

log = logging.getLogger("mkdocs.plugins.figures")
SEARCH_INDEX = Path("search") / "search_index.json"
# How often `mkdocs serve` looks for saved files (MkDocs' own: every 0.5 s);
# what it gains and costs is measured in adapter/wrappers/mkdocs.py.
SERVE_POLLING_SECONDS = 0.2


def building_an_edition(config) -> bool:
    """True for the build of an edition other than the default: the site's
    build has started already."""
    return i18n.inside_an_edition_build(config)


def start_site(config, project_dir: Path, serving: bool) -> None:
    try:
        check_environment(config)
    except FigureDataError as error:
        raise PluginError(f"Setting error: {error}") from None
    build_state.start(project_dir, i18n.edition_languages(config), serving)
    i18n.quiet_logs()
    macros_plugin.quiet_logs()
    # A template error that no check foresaw stops a build; serving goes on.
    macros_plugin.stop_on_render_errors(config, stop=not serving)


def start_edition(config) -> None:
    """What the build of each edition sets: a theme listing that skips
    Material's icons, and in its own words the title of each heading's
    permalink (data/site_words.yml, `permalink_title`)."""
    skip_dot_folders_in_theme_listing(config)
    try:
        _, editions = build_state.current().data()
    except FigureDataError:
        return  # reported by macros.py, on every page
    set_permalink_title(config, editions[i18n.edition_being_built(config)].words["permalink_title"])


def on_serve(server, config):
    return look_for_saves_every(SERVE_POLLING_SECONDS, server, config)


def on_env(env, project_dir: Path):
    return use_template_cache(env, project_dir)


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
    if state.site_problem:
        return  # so is a mistake in mkdocs.yml
    addresses = addresses_for(config)
    moved = moved_pages(config)
    order = list(addresses.pages)  # the nav's pages first, in order
    pages = sorted(state.pages, key=lambda page: order.index(page.source))
    urls = {src: page_url(src, config) for src in {*moved, *moved.values()}}
    try:
        files = site_files(dataset, editions, addresses, pages, moved, state.previews.png, old_addresses=urls)
    except FigureDataError as error:  # a preview image's shaping packages missing
        state.report(error.message)
        return
    if unused := state.previews.left_over():  # a bug: each image was drawn twice
        log.warning(f"preview images started beside the build and not used: {', '.join(unused)}")
    files.update({path: html.encode() for path, html in redirect_pages(moved, urls, addresses, editions).items()})
    combined = json.loads((site_dir / SEARCH_INDEX).read_text(encoding="utf-8"))
    for folder, index in i18n.search_index_per_edition(combined, addresses.editions).items():
        files[folder + SEARCH_INDEX.as_posix()] = json.dumps(
            material.search_index_in_english(index), ensure_ascii=False, separators=(",", ":")
        ).encode()
    inside = site_dir.resolve()
    for path, content in files.items():
        target = (site_dir / path).resolve()
        if not target.is_relative_to(inside):  # adapter/checks/settings.py makes this unreachable
            raise PluginError(f"refused to write {path}, which is outside the site's folder {site_dir}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    if state.failed:
        return  # one mistake, one message: a page shown as a problem has lost its anchors
    problem = broken_public_address(state.project_dir, site_dir, addresses)
    if problem:
        state.report(problem)
        return
    log.info(
        f"Figures: {len(dataset.figures)} figures, {len(state.pages)} pages in "
        f"{len(state.languages)} editions, every public address resolves"
    )
