"""The site's MkDocs hooks: the one file under `hooks:` in mkdocs.yml.

Each event hands over to adapter/events/. MkDocs loads this file once per
process, and Python keeps modules imported, so under `mkdocs serve` an edit
to the figure layer or the adapter would run only after a restart: every
build of the site after the first imports both afresh, and with them the
components' templates (macros.py is executed again on every build by
mkdocs-macros). That costs about 0.04 s of each reload (0.1 s where Python
writes no bytecode), and a reload then always runs what is on disk.

MkDocs runs an event's handlers by priority, the highest first (plugins'
default is 0), then in the order of mkdocs.yml. The priorities here, and
why:

| event           | priority | runs                                                                |
|-----------------|----------|---------------------------------------------------------------------|
| on_startup      | 0        | once per process: serving or building                               |
| on_config       | 100      | before mkdocs-macros (0) loads macros.py: a site build starts here; |
|                 |          | each edition's build sets its own words (its headings' permalinks)  |
|                 |          | and lists the theme's files without Material's icons                |
| on_env          | 0        | the theme's compiled templates kept between builds                  |
| on_page_content | 0        | what the page shows, for its sharing tags and preview image         |
| on_page_context | -50      | after mkdocs-static-i18n (50) has set this page's alternates        |
| on_post_page    | 0        | the finished page: its direction on <html>                          |
| on_post_template| 0        | the default edition's 404 page kept                                 |
| on_post_build   | -200     | after mkdocs-static-i18n (-100), which builds the other editions    |
|                 |          | inside the default edition's post-build: the site is finished       |
| on_build_error  | 0        | the build state is dropped                                          |
| on_serve        | 0        | once, after the first build: saves looked for every 0.2 s, not 0.5  |
"""

import importlib
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

PROJECT_DIR = Path(__file__).resolve().parents[1]
_PROJECT_PACKAGES = ("adapter", "figures")
_serving = False
_built_before = False  # a build of the site has run in this process


def _site():
    return importlib.import_module("adapter.events.site")


def _pages():
    return importlib.import_module("adapter.events.pages")


def _state():
    return importlib.import_module("adapter.build.state")


def _forget_project_code() -> None:
    """Drop the project's modules, so that this build imports them as they are now."""
    for name in [name for name in sys.modules if name.split(".")[0] in _PROJECT_PACKAGES]:
        del sys.modules[name]


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


@event_priority(100)
def on_config(config):
    if str(PROJECT_DIR) not in sys.path:
        sys.path.insert(0, str(PROJECT_DIR))
    global _built_before
    if not _site().building_an_edition(config):
        if _built_before:
            _forget_project_code()
        _built_before = True
        _site().start_site(config, PROJECT_DIR, _serving)
    _site().start_edition(config)
    return config


def on_env(env, config, files):
    return _site().on_env(env, PROJECT_DIR)


def on_page_content(html, page, config, files):
    return _pages().on_page_content(html, page, config)


@event_priority(-50)
def on_page_context(context, page, config, nav):
    return _pages().on_page_context(context, config)


def on_post_page(output, page, config):
    return _pages().on_post_page(output)


def on_post_template(output, template_name, config):
    return _pages().on_post_template(output, template_name, config)


@event_priority(-200)
def on_post_build(config):
    if not _site().building_an_edition(config):
        try:
            _site().end_site(config)
        finally:
            _state().drop()


def on_build_error(error):
    _state().drop()


def on_serve(server, config, builder):
    return _site().on_serve(server, config)
