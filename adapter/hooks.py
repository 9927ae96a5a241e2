"""The site's MkDocs hooks: the one file under `hooks:` in mkdocs.yml.

Each event hands over to adapter/build_steps.py. MkDocs loads this file
once per process, and modules stay imported, so under `mkdocs serve` an
edit to the figure layer or the adapter would run only after a restart:
when a build of the site starts and one of their files has changed, every
module of both is imported afresh. (macros.py is executed again on every
build by mkdocs-macros.) A rebuild after an edit of the data or a page
keeps them: importing them again and re-checking the schema would add
about 0.1 s to each `mkdocs serve` reload.

MkDocs runs an event's handlers by priority, the highest first (plugins'
default is 0), then in the order of mkdocs.yml. The priorities here, and
why:

| event           | priority | runs                                                                |
|-----------------|----------|---------------------------------------------------------------------|
| on_startup      | 0        | once per process: serving or building                               |
| on_config       | 100      | before mkdocs-macros (0) loads macros.py: a site build starts here  |
| on_files        | -200     | after mkdocs-static-i18n (-100) has chosen the edition's files      |
| on_env          | 0        | the theme's compiled templates kept between builds                  |
| on_page_content | 0        | before Material's search (which reads the content at page context)  |
| on_page_context | -50      | after mkdocs-static-i18n (50) has set this page's alternates        |
| on_post_page    | 0        | the finished page                                                   |
| on_post_template| 0        | the default edition's 404.html kept                                 |
| on_post_build   | -200     | after mkdocs-static-i18n (-100), which builds the other editions    |
|                 |          | inside the default edition's post-build: the site is finished       |
| on_build_error  | 0        | the build state is dropped                                          |
"""

import importlib
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

PROJECT_DIR = Path(__file__).resolve().parents[1]
_PROJECT_PACKAGES = ("adapter", "figures")
_serving = False
_imported: tuple = ()  # the project's Python files as they were when imported


def _steps():
    return importlib.import_module("adapter.build_steps")


def _project_code() -> tuple:
    """What changes when any Python file of the project's packages does."""
    files = sorted(path for package in _PROJECT_PACKAGES for path in (PROJECT_DIR / package).rglob("*.py"))
    return tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in files)


def _forget_changed_project_code() -> None:
    """Drop the project's modules if one of their files changed, so that this
    build imports them as they are now."""
    global _imported
    now = _project_code()
    if _imported and now != _imported:
        for name in [name for name in sys.modules if name.split(".")[0] in _PROJECT_PACKAGES]:
            del sys.modules[name]
    _imported = now


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


@event_priority(100)
def on_config(config):
    if str(PROJECT_DIR) not in sys.path:
        sys.path.insert(0, str(PROJECT_DIR))
    if not _steps().building_an_edition(config):
        _forget_changed_project_code()
        _steps().start_site(config, PROJECT_DIR, _serving)
    return config


@event_priority(-200)
def on_files(files, config):
    return _steps().on_files(files, config)


def on_env(env, config, files):
    return _steps().on_env(env, config, PROJECT_DIR)


def on_page_content(html, page, config, files):
    return _steps().on_page_content(html, page, config)


@event_priority(-50)
def on_page_context(context, page, config, nav):
    return _steps().on_page_context(context, config)


def on_post_page(output, page, config):
    return _steps().on_post_page(output)


def on_post_template(output, template_name, config):
    return _steps().on_post_template(output, template_name, config)


@event_priority(-200)
def on_post_build(config):
    if not _steps().building_an_edition(config):
        try:
            _steps().end_site(config)
        finally:
            importlib.import_module("adapter.build_state").drop()


def on_build_error(error):
    importlib.import_module("adapter.build_state").drop()
