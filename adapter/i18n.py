"""mkdocs-static-i18n, as this site uses it: the one module that reads the
plugin past its documented configuration.

Documented ground: the plugin's options in mkdocs.yml (`languages`, each
with `locale`, `default`, `build`, `name`, `nav_translations`…), read
through MkDocs' own `config.plugins[...].config`.

Past it, read from mkdocs-static-i18n 1.3.1 (pinned in
requirements/site.txt; tests/test_contracts.py fails, naming the item, if
an upgrade changes one):

- `I18n.current_language`: the edition being built. The plugin builds the
  default edition, then each other one from inside its own `on_post_build`.
- `I18n.building`: true while it builds the other editions, so a hook's
  `on_post_build` can tell an edition's end from the whole site's end.
- `I18n.extra_alternate` and `config.extra.alternate`: the language
  selector's list, which it rewrites for each page in `on_page_context`.
- `File.locale`: the edition of a page's source file, set on each file.
- Its search index: one file at the root holding every edition's entries,
  an edition's locations prefixed with its folder ("fr/…").
- Its logger, `mkdocs.plugins.mkdocs_static_i18n`, which reports each
  edition's configuration at INFO level.
"""

from __future__ import annotations

import copy
import logging

PLUGIN = "i18n"
VERSION_READ = "1.3.1"
# The attributes read here, for the contract test.
PLUGIN_ATTRIBUTES = ("current_language", "building", "extra_alternate")
LOGGER = "mkdocs.plugins.mkdocs_static_i18n"


def _plugin(config):
    return config["plugins"].get(PLUGIN)


def _languages(config) -> list:
    plugin = _plugin(config)
    return [] if plugin is None else [lang for lang in plugin.config.languages if lang.build]


def edition_languages(config) -> list[str]:
    """The site's editions, the default first, as mkdocs.yml declares them
    (plugins › i18n › languages): the one list every other one derives from."""
    languages = _languages(config)
    if not languages:
        return [config["theme"]["language"]]
    return [lang.locale for lang in sorted(languages, key=lambda lang: not lang.default)]


def translated_languages(config) -> list:
    """The language entries of mkdocs.yml other than the default."""
    return [lang for lang in _languages(config) if not lang.default]


def edition_being_built(config) -> str:
    """The edition being built."""
    plugin = _plugin(config)
    # Before its first edition starts, the plugin has not set it yet: the default comes first.
    return (plugin.current_language if plugin is not None else None) or edition_languages(config)[0]


def inside_an_edition_build(config) -> bool:
    """True inside the build of a non-default edition, which the plugin runs
    from the default edition's post-build: the site is not finished then."""
    plugin = _plugin(config)
    return plugin is not None and bool(plugin.building)


def page_language(page) -> str | None:
    """The edition of a page's source ("returns.fr.md" -> "fr")."""
    return getattr(page.file, "locale", None)


def page_alternates(config) -> list[dict]:
    """This page in each edition ({name, link, lang}), copied: the plugin
    rewrites its list before the next page."""
    plugin = _plugin(config)
    if plugin is None or not plugin.extra_alternate:
        return []
    return copy.deepcopy(list(config.extra.alternate))


def search_index_per_edition(combined: dict, folders: dict[str, str]) -> dict[str, dict]:
    """The plugin's one index of every edition, as one index per edition
    folder ({"": …, "fr/": …}), each with locations relative to its folder."""
    prefixes = tuple(folder for folder in folders.values() if folder)
    indexes = {}
    for folder in folders.values():
        docs = [{**doc, "location": doc["location"][len(folder):]} for doc in combined["docs"]
                if (doc["location"].startswith(folder) if folder else not doc["location"].startswith(prefixes))]
        indexes[folder] = {**combined, "docs": docs}
    return indexes


def quiet_logs() -> None:
    """Keep the plugin's per-edition INFO lines out of every rebuild's console."""
    logging.getLogger(LOGGER).setLevel(logging.WARNING)
