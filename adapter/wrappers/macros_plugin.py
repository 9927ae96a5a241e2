"""mkdocs-macros and Jinja, as this site uses them: the one module that goes
past their documented API.

Documented ground: the module hooks `define_env`, `on_pre_page_macros` and
`on_post_page_macros`; `env.macro()`, `env.macros`, `env.variables`,
`env.markdown`, `env.page`, `env.conf` (mkdocs-macros); `Environment.parse`
and `jinja2.meta.find_undeclared_variables` (Jinja).

Past it, read from mkdocs-macros 1.5.0 and Jinja 3.1.6 (pinned;
tests/test_contracts.py fails, naming the item, if an upgrade changes one):

- `env.env`: the Jinja environment that renders pages, whose `globals`
  hold the macros once `define_env` has run.
- The plugin's `on_error_fail` option is read on every page it renders, so
  setting it once a build has started decides for that build. A build must
  stop on a template error that no check here foresaw; `mkdocs serve` must
  not (`on_error_fail` ends the process with `exit()`).
- Its logger, `mkdocs.plugins.mkdocs_macros`, which lists the modules,
  variables and macros it found at INFO level on every build.
- Its own macros (`context`, `macros_info`, `now`, `fix_url`) and
  variables (`config`, `extra`, `environment`, `git`…), which this site
  removes so that pages call the site's macros only.
"""

from __future__ import annotations

import logging

import jinja2
import jinja2.meta

PLUGIN = "macros"
VERSION_READ = "1.5.0"
JINJA_VERSION_READ = "3.1.6"
BUILTIN_MACROS = ("context", "macros_info", "now", "fix_url")
LOGGER = "mkdocs.plugins.mkdocs_macros"


def keep_only_site_macros(env) -> None:
    """Remove mkdocs-macros' own macros (called from define_env, before the
    plugin copies the macros into its Jinja environment)."""
    for name in BUILTIN_MACROS:
        env.macros.pop(name, None)


def keep_only_page_variable(env) -> None:
    """Leave pages the `page` variable only: a page calls macros."""
    for name in [name for name in env.variables if name != "page"]:
        del env.variables[name]


def page_names(env) -> list[str]:
    """The names a page may use: the site's macros, then Jinja's own globals."""
    return [*env.macros, *(name for name in env.env.globals if name not in env.macros), *env.variables]


def parse_page(env, markdown: str) -> set[str]:
    """The names the page's template uses without defining them; raises
    jinja2.TemplateSyntaxError for a broken {{ … }} or {% … %}."""
    return jinja2.meta.find_undeclared_variables(env.env.parse(markdown))


def stop_on_render_errors(config, stop: bool) -> None:
    """Whether a template error that no check foresaw ends the build."""
    config["plugins"][PLUGIN].config["on_error_fail"] = stop


def quiet_logs() -> None:
    """Keep the plugin's INFO inventory out of every rebuild's console."""
    logging.getLogger(LOGGER).setLevel(logging.WARNING)


# Each reliance by a name that only this module may write:
# tests/test_contracts.py searches the rest of the MkDocs side for it.
GUARDED = {
    r"env\.env\b": (),
    r"on_error_fail": (),
    r"env\.macros\.pop|del env\.variables": (),
}
