"""mkdocs-static-i18n, as this site uses it: the one module that relies on
the plugin's behaviour past its documented configuration.

Documented ground: the plugin's options in mkdocs.yml (`languages`, each
with `locale`, `default`, `build`, `name`, `nav_translations`…), read
through MkDocs' own `config.plugins[...].config`.

Relied on, read from mkdocs-static-i18n 1.3.1 (pinned in
requirements/site.txt; tests/test_contracts.py reads the installed plugin
and fails, naming the item, if an upgrade changes one):

- `I18n.current_language`: the edition being built. The plugin builds the
  default edition, then each other one from inside its own `on_post_build`.
- `I18n.building`: true while it builds the other editions, so a hook's
  `on_post_build` can tell an edition's end from the whole site's end.
- `I18n.extra_alternate` and `config.extra.alternate`: the language
  selector's list, which it rewrites for each page in `on_page_context`.
- `File.locale`: the edition of a page's source file, set on each file of
  an edition; a page's source is "<page>.<locale>.md" (the suffix structure).
- Its search index: one file at the root holding every edition's entries,
  an edition's locations prefixed with its folder ("fr/…").
- Each edition's 404 page: every edition is built into the same `site_dir`
  (the plugin refuses a per-language `site_dir`), so MkDocs writes each
  edition's 404.html at the site's root, the last one built winning.
- The page variables `i18n_config` and `i18n_page_locale`, which it sets in
  `on_page_context` (not on the 404 page), read by overrides/main.html.
- Its logger, `mkdocs.plugins.mkdocs_static_i18n`, which reports each
  edition's configuration at INFO level.
"""

from __future__ import annotations

import copy
import logging
import re
from pathlib import Path

from figures import FigureDataError

PLUGIN = "i18n"
VERSION_READ = "1.3.1"
# The attributes read here, for the contract test.
PLUGIN_ATTRIBUTES = ("current_language", "building", "extra_alternate")
# The page variables it sets, which overrides/main.html reads.
PAGE_VARIABLES = ("i18n_config", "i18n_page_locale")
ROOT_404 = "404.html"  # the template every edition renders, written at the site's root
LOGGER = "mkdocs.plugins.mkdocs_static_i18n"
_TRANSLATED_SOURCE = re.compile(r"\.(?P<language>[A-Za-z_-]+)\.md$")  # "returns.fr.md"


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


def page_language(page) -> str:
    """The edition of a page's source ("returns.fr.md" -> "fr")."""
    try:
        return page.file.locale
    except AttributeError:
        raise RuntimeError(
            f"mkdocs-static-i18n set no locale on {page.file.src_uri}: adapter/wrappers/i18n.py "
            f"was read from mkdocs-static-i18n {VERSION_READ}, which sets File.locale on every "
            "file of an edition"
        ) from None


def source_path(page) -> str:
    """The page's source path in the default edition: "returns.fr.md" -> "returns.md"."""
    src, suffix = page.file.src_uri, f".{page_language(page)}.md"
    return src.removesuffix(suffix) + ".md" if src.endswith(suffix) else src


def translated_pages(docs_dir: Path) -> list[tuple[str, Path]]:
    """(language, file) of every page source of an edition but the default
    ("returns.fr.md" is the "fr" edition's)."""
    return [
        (match["language"], page)
        for page in sorted(docs_dir.rglob("*.md"))
        if (match := _TRANSLATED_SOURCE.search(page.name))
    ]


def is_root_404(template_name: str) -> bool:
    """True for the 404 page, which every edition writes at the site's root."""
    return template_name == ROOT_404


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
        docs = [
            {**doc, "location": doc["location"][len(folder) :]}
            for doc in combined["docs"]
            if (doc["location"].startswith(folder) if folder else not doc["location"].startswith(prefixes))
        ]
        indexes[folder] = {**combined, "docs": docs}
    return indexes


def settings_in_mkdocs_yml(config: dict) -> dict:
    """The plugin's settings as mkdocs.yml writes them (`config` read as
    plain YAML, as the edition command edits it): its `languages` are the
    editions."""
    for plugin in config.get("plugins") or []:
        if (
            isinstance(plugin, dict)
            and isinstance(plugin.get("i18n"), dict)
            and isinstance(plugin["i18n"].get("languages"), list)
        ):
            return plugin["i18n"]
    raise FigureDataError(
        "the site has no i18n plugin",
        file="mkdocs.yml",
        expected="plugins › i18n › languages, where editions are declared",
    )


def quiet_logs() -> None:
    """Keep the plugin's per-edition INFO lines out of every rebuild's console."""
    logging.getLogger(LOGGER).setLevel(logging.WARNING)


# Each reliance by a name that only this module (and the files given) may
# write: tests/test_contracts.py searches the rest of the MkDocs side for it.
GUARDED = {
    r"\[.plugins.\]\.get\(|plugins\[.i18n.\]|get\(.i18n.\)": (),  # the plugin object
    r"\.current_language\b(?!\()": (),
    r"\.building\b(?!_)": (),
    r"extra_alternate|extra\.alternate": (),
    r"file\.locale\b": (),
    r"i18n_config|i18n_page_locale": ("overrides/main.html",),
    r"[\'\"]404\.html[\'\"]": (),
}
