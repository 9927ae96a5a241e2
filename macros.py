"""mkdocs-macros adapter: the only module that knows MkDocs exists.

It loads the data file once per build, exposes the figure layer's components
to pages as macros, and turns every figure-layer error into a build stop
that names the file and line.
"""

from __future__ import annotations

import functools
import re
import sys
from pathlib import Path

from jinja2 import StrictUndefined
from jinja2.utils import missing
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url
from mkdocs_macros.errors import format_error

# mkdocs-macros loads this file by path, without putting its folder on
# sys.path; the figure layer beside it needs that to be importable.
PROJECT_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(PROJECT_DIR))

from figures import FigureDataError, load_dataset  # noqa: E402
from figures.components import Components  # noqa: E402
from figures.errors import closest  # noqa: E402
from figures.exports import (  # noqa: E402
    CSV_PATH, DATAPACKAGE_PATH, JSON_PATH, SiteUrls, datapackage, figures_csv, figures_json, page_path)
from figures.html import Links  # noqa: E402
from figures.inventory import INVENTORY_PATH, inventory  # noqa: E402
from figures.jsonld import dataset_jsonld as dataset_jsonld_text  # noqa: E402

DATA_FILE = Path("data/figures.yml")
SCHEMA_FILE = Path("data/figures.schema.json")
REFERENCE_PAGE = "figures.md"
DEFAULT_LANGUAGE = "en"
# Version field of objects.inv; raise it when figure ids or page names change.
INVENTORY_VERSION = "1"

# Macros a page may call, each a method of figures.html.Renderer.
PAGE_MACROS = (
    "figure", "figure_card", "quote", "claim", "claim_card", "published",
    "period", "period_start", "period_end", "citation", "title",
    "key_figures", "figure_table", "theme_link", "person", "downloads",
    "people_chart", "timeline_chart",
)


@format_error.register
def _format_figure_error(error: FigureDataError, markdown: str, page) -> str:
    """Show our one-paragraph message, not a traceback."""
    return str(error)


def define_env(env) -> None:
    project_dir = Path(env.project_dir)
    try:
        dataset = load_dataset(project_dir / DATA_FILE, project_dir / SCHEMA_FILE, str(DATA_FILE))
    except FigureDataError as error:
        raise PluginError(f"Figure data error: {error}") from None
    env.variables["dataset"] = dataset
    urls = _site_urls(env.conf)
    _check_translations(Path(env.conf["docs_dir"]), env.conf)

    def renderer() -> Components:
        page = env.page
        return Components(dataset, _language(page), Links(
            figure=lambda figure_id: _href(page, REFERENCE_PAGE) + "#" + figure_id,
            page=lambda src_path: _href(page, src_path),
            file=lambda path: get_relative_url(path, page.url),
            absolute_figure=urls.figure,
        ))

    for name in PAGE_MACROS:
        env.macro(_located(env, name, lambda *args, _name=name, **kwargs:
                           getattr(renderer(), _name)(*args, **kwargs)), name)

    @env.macro
    def dataset_jsonld() -> str:
        """schema.org Dataset metadata, for the reference page's body."""
        document = dataset_jsonld_text(dataset, urls, env.conf["site_name"], env.conf["site_description"])
        return f'<script type="application/ld+json">{document}</script>'


def on_post_build(env) -> None:
    """Write the exports and the inventory at the site root, once: with the
    i18n plugin this runs after each edition, and the exports are the same."""
    if env.conf["theme"]["language"] != DEFAULT_LANGUAGE:
        return
    dataset = env.variables["dataset"]
    urls = _site_urls(env.conf)
    site_dir = Path(env.conf["site_dir"])
    exports = {
        JSON_PATH: figures_json(dataset, urls),
        CSV_PATH: figures_csv(dataset, urls),
        DATAPACKAGE_PATH: datapackage(dataset, urls, env.conf["site_name"]),
    }
    for path, content in exports.items():
        # newline="" keeps the CSV's CRLF line ends as RFC 4180 wants them.
        with open(site_dir / path, "w", encoding="utf-8", newline="") as file:
            file.write(content)
    pages = [(src.removesuffix(".md"), page_path(src), title) for title, src in _nav_pages(env.conf["nav"])]
    (site_dir / INVENTORY_PATH).write_bytes(
        inventory(dataset, env.conf["site_name"], INVENTORY_VERSION, page_path(REFERENCE_PAGE), pages))


def on_pre_page_macros(env) -> None:
    # A name the page uses but nothing defines stops the build with a
    # "did you mean", rather than rendering as blank or as raw {{ ... }}.
    env.env.undefined = _undefined_class(env)


def _located(env, name: str, macro):
    """Give errors raised by `macro` the page file and line of the call."""

    @functools.wraps(macro)
    def wrapper(*args, **kwargs):
        try:
            return str(macro(*args, **kwargs))
        except FigureDataError as error:
            needle = next((a for a in args if isinstance(a, str)), name)
            raise _at_page_line(env, error.problem, needle, error.expected, error.suggestion) from None
        except TypeError as error:
            raise _at_page_line(env, f"wrong use of the macro '{name}': {error}", name) from None

    return wrapper


def _undefined_class(env):
    """A StrictUndefined whose error names the page line and the closest name.

    Jinja raises `self._undefined_exception(self._undefined_message)` from
    every operation on an undefined value; here that raises our error.
    """

    class ExplainedUndefined(StrictUndefined):
        __slots__ = ()

        def __init__(self, hint=None, obj=missing, name=None, exc=None):
            super().__init__(hint, obj, name, exc=lambda error: error)

        @property
        def _undefined_message(self) -> FigureDataError:
            name = self._undefined_name or "?"
            if self._undefined_obj is not missing:
                return _at_page_line(env, f"'{name}' is not defined on the value it is read from", name)
            return _at_page_line(env, f"'{name}' is not a macro or variable of this site", name,
                                 "one of the macros " + ", ".join(PAGE_MACROS),
                                 closest(name, list(env.macros) + list(env.variables)))

    return ExplainedUndefined


def _at_page_line(env, problem: str, needle: str, expected: str | None = None,
                  suggestion: str | None = None) -> FigureDataError:
    """A FigureDataError located at the first template line mentioning `needle`."""
    src = env.page.file.src_path
    line = None
    pattern = re.compile(r"(\{\{|\{%).*" + re.escape(needle))
    # Read the file itself: env.markdown has lost the front matter, and with
    # it the line numbers an editor shows.
    source = Path(env.page.file.abs_src_path).read_text(encoding="utf-8")
    for number, text in enumerate(source.splitlines(), start=1):
        if pattern.search(text):
            line = number
            break
    docs_dir = Path(env.conf["docs_dir"]).name
    return FigureDataError(problem, file=f"{docs_dir}/{src}", line=line,
                           expected=expected, suggestion=suggestion)


def _language(page) -> str:
    return getattr(page.file, "locale", None) or DEFAULT_LANGUAGE


def _href(page, src_path: str) -> str:
    """Relative address from `page` to the page built from `src_path`."""
    return get_relative_url(page_path(src_path) or ".", page.url)


def _site_urls(config) -> SiteUrls:
    base = config["site_url"] or "/"
    return SiteUrls(base=base if base.endswith("/") else base + "/", reference_page=page_path(REFERENCE_PAGE))


def _check_translations(docs_dir: Path, config) -> None:
    """Every page of the nav must exist in every edition: stop the build,
    naming the page, rather than let an edition fall back to English."""
    i18n = config["plugins"].get("i18n")
    if i18n is None:
        return
    languages = [lang.locale for lang in i18n.config.languages if lang.build and not lang.default]
    missing = [f"{docs_dir.name}/{src.removesuffix('.md')}.{language}.md"
               for _, src in _nav_pages(config["nav"]) for language in languages
               if not (docs_dir / f"{src.removesuffix('.md')}.{language}.md").exists()]
    if missing:
        raise PluginError(
            f"Missing translation: {', '.join(missing)} does not exist; expected every page of the nav "
            f"in every edition ({', '.join(languages)}), translated, not left to fall back to English.")


def _nav_pages(nav) -> list[tuple[str, str]]:
    """(title, source path) of every page in the nav, in order."""
    pages = []
    for entry in nav:
        for title, target in entry.items():
            if isinstance(target, list):
                pages.extend(_nav_pages(target))
            else:
                pages.append((title, target))
    return pages
