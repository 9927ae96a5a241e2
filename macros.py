"""mkdocs-macros adapter: exposes the figure layer's components to pages.

Mistakes and bugs are told apart:

- A mistake (an unknown id, a misspelt macro, a wrong argument, a digit
  typed into a page, a bad data file) is a FigureDataError with one
  readable paragraph naming the file and line. `mkdocs build` stops on it;
  `mkdocs serve` logs it and shows it in place of the page, and keeps
  serving (adapter/problems.py).
- Anything else is a bug in the site's code: the build stops with its
  traceback.

Only the components (methods marked @component) are exposed to pages, and
a call's arguments are checked against the component's signature before it
runs, so a TypeError from inside a component stays a bug.
"""

from __future__ import annotations

import inspect
import re
import sys
import traceback
from pathlib import Path

from jinja2 import StrictUndefined, TemplateSyntaxError
from jinja2.utils import missing
from mkdocs_macros.errors import format_error

# mkdocs-macros loads this file by path, without putting its folder on
# sys.path; the packages beside it need that to be importable.
PROJECT_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(PROJECT_DIR))

from adapter import blocks, data, editions, mode  # noqa: E402
from adapter.addresses import REFERENCE_PAGE, site_addresses  # noqa: E402
from adapter.moved_pages import moved_pages  # noqa: E402
from adapter.page_lint import typed_digits  # noqa: E402
from adapter.problems import panel, stop_or_log  # noqa: E402
from figures import Dataset, FigureDataError  # noqa: E402
from figures.addresses import CSV_PATH, DATAPACKAGE_PATH, INVENTORY_PATH, JSON_PATH  # noqa: E402
from figures.charts import CHART_DRAWINGS  # noqa: E402
from figures.components import Components  # noqa: E402
from figures.editions import Edition  # noqa: E402
from figures.errors import closest  # noqa: E402
from figures.exports import datapackage, figures_csv, figures_json  # noqa: E402
from figures.inventory import inventory  # noqa: E402
from figures.jsonld import dataset_jsonld as dataset_jsonld_text  # noqa: E402
from figures.untranslated import refuse_untranslated  # noqa: E402

# Components that are blocks of their own: kept out of Markdown (adapter/blocks.py).
BLOCK_COMPONENTS = Components.block_names()
# mkdocs-macros' own macros, which this site does not offer to pages.
MKDOCS_MACROS_BUILTINS = ("context", "macros_info", "now", "fix_url")
# Version field of objects.inv; raise it when figure ids or page names change.
INVENTORY_VERSION = "1"


class _BuildState:
    """What one build (one edition) knows beyond its configuration. (Not a
    dataclass: mkdocs-macros loads this file outside sys.modules.)"""

    def __init__(self) -> None:
        self.dataset: Dataset | None = None
        self.editions: dict[str, Edition] = {}
        self.site_problem: str | None = None  # shown on every page when serving
        self.page_problem: str | None = None  # shown on the current page when serving
        self.cards: set[str] = set()          # figure ids shown as cards on the current page
        self.quotes: set[str] = set()         # quote ids shown as blocks on the current page
        self.drawn: dict[str, str] = {}       # site-relative address -> SVG drawn for this edition


_state = _BuildState()


def define_env(env) -> None:
    global _state
    _state = _BuildState()
    languages = editions.edition_languages(env.conf)
    try:
        dataset, site_editions = data.load(Path(env.project_dir), languages)
        _check_site(dataset, env.conf)
    except FigureDataError as error:
        stop_or_log(f"Figure data error: {error}")
        _state.site_problem = str(error)
        return
    _state.dataset, _state.editions = dataset, site_editions
    addresses = site_addresses(env.conf, dataset)
    edition = site_editions[editions.current_language(env.conf)]

    def renderer() -> Components:
        return Components(dataset, edition, addresses, env.page.url, _state.quotes)

    for name in Components.names():
        env.macro(_component_macro(env, name, renderer), name)
    # Only the site's macros reach pages: not mkdocs-macros' own helpers.
    for name in MKDOCS_MACROS_BUILTINS:
        env.macros.pop(name, None)

    @env.macro
    def dataset_jsonld() -> str:
        """schema.org Dataset metadata (in the default edition, like the
        exports it describes), for the reference page's body."""
        document = dataset_jsonld_text(dataset, addresses, site_editions[languages[0]],
                                       env.conf["site_name"], env.conf["site_description"])
        return blocks.placeholder(f'<script type="application/ld+json">{document}</script>')


def on_pre_page_macros(env) -> None:
    blocks.start_page()
    _state.page_problem = None
    _state.cards = set()
    _state.quotes.clear()
    # Nor its variables (config, environment, extra…): a page calls macros.
    for name in [name for name in env.variables if name != "page"]:
        del env.variables[name]
    if _state.site_problem:
        env.markdown = ""  # nothing to render: the page shows the problem instead
        return
    # A name the page uses but nothing defines stops the build with a
    # "did you mean", rather than rendering as blank or as raw {{ ... }}.
    env.env.undefined = _undefined_class(env)
    source = env.page.file.content_string  # the file as written (or as generated)
    for line, text in typed_digits(source):
        _report(FigureDataError(
            f"a digit typed outside a macro: '{text}'", file=_page_file(env), line=line,
            expected="every number, date and year to come from the data file through a macro, "
                     "such as {{ figure(\"…\") }} or {{ published() }}"))
        break


def on_post_page_macros(env) -> None:
    if not (_state.site_problem or _state.page_problem):
        _check_theme_page_shows_its_figures(env)
    problem = _state.site_problem or _state.page_problem
    if problem:
        env.markdown = panel(problem)


def on_post_build(env) -> None:
    """Write the files drawn for this edition; then, once, the exports and
    the inventory at the site root: with the i18n plugin this runs after
    each edition, and the exports are the same in all of them."""
    site_dir = Path(env.conf["site_dir"])
    if _state.dataset is not None:
        language = editions.current_language(env.conf)
        urls = site_addresses(env.conf, _state.dataset)
        cards = Components(_state.dataset, _state.editions[language], urls, urls.page(REFERENCE_PAGE, language))
        _state.drawn.update(cards.card_files())
    for address, svg in _state.drawn.items():
        (site_dir / address).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / address).write_text(svg, encoding="utf-8")
    languages = editions.edition_languages(env.conf)
    if editions.current_language(env.conf) != languages[0] or _state.dataset is None:
        return
    dataset, edition = _state.dataset, _state.editions[languages[0]]
    urls = site_addresses(env.conf, dataset)
    exports = {
        JSON_PATH: figures_json(dataset, urls, edition),
        CSV_PATH: figures_csv(dataset, urls, edition),
        DATAPACKAGE_PATH: datapackage(dataset, urls, env.conf["site_name"]),
    }
    for path, content in exports.items():
        # newline="" keeps the CSV's CRLF line ends as RFC 4180 wants them.
        with open(site_dir / path, "w", encoding="utf-8", newline="") as file:
            file.write(content)
    pages = [(src.removesuffix(".md"), urls.page(src), title) for title, src in editions.nav_pages(env.conf["nav"])]
    # A moved page's old name keeps resolving, to its new address.
    titles = {src: title for title, src in editions.nav_pages(env.conf["nav"])}
    pages += [(old.removesuffix(".md"), urls.page(new), titles.get(new, new))
              for old, new in moved_pages(env.conf).items()]
    (site_dir / INVENTORY_PATH).write_bytes(inventory(
        dataset, env.conf["site_name"], INVENTORY_VERSION, urls.page(REFERENCE_PAGE), edition, pages))


# -- checks ------------------------------------------------------------------

def _check_site(dataset: Dataset, config) -> None:
    """What must hold before any page renders: every theme page exists,
    every edition has every page and every nav title."""
    pages = [src for _, src in editions.nav_pages(config["nav"])]
    for theme in dataset.themes.values():
        if theme.page not in pages:
            raise dataset.error_at(
                ("themes", theme.id, "page"), f"the theme page '{theme.page}' is not a page of the site",
                expected="a page listed in the nav of mkdocs.yml: " + ", ".join(pages),
                suggestion=closest(theme.page, pages))
    editions.check_pages(config)
    editions.check_nav_titles(config)
    _refuse_untranslated_when_building(config)


def _refuse_untranslated_when_building(config) -> None:
    """An edition started by `python -m figures.new_edition` is shown with
    its "not yet translated" marks by `mkdocs serve`, and is not built for
    publishing while one is left: the figure layer lists them all."""
    if mode.serving:
        return
    config_file = Path(config["config_file_path"])
    refuse_untranslated(config_file.parent, editions.edition_languages(config), config_file=config_file.name,
                        docs_dir=Path(config["docs_dir"]).relative_to(config_file.parent).as_posix())


def _check_theme_page_shows_its_figures(env) -> None:
    """A figure's theme page must show its card, in every edition."""
    page_source = editions.source_path(env.page)
    for figure in _state.dataset.figures.values():
        if figure.theme.page == page_source and figure.id not in _state.cards:
            where = _state.dataset.error_at(("figures", figure.id, "theme"), "")
            _report(FigureDataError(
                f"the figure '{figure.id}' is not shown on this page, which is its theme page "
                f"({where.location})", file=_page_file(env),
                expected=f'its card on the page: {{{{ figure_card("{figure.id}") }}}}'))


def _report(error: FigureDataError, log: bool = True) -> None:
    """Stop the build; when serving, keep the page's first problem to show,
    and log it unless mkdocs-macros is about to."""
    message = str(error)
    if log or not mode.serving:
        stop_or_log(message)
    _state.page_problem = _state.page_problem or message


# -- macros ------------------------------------------------------------------

def _component_macro(env, name: str, renderer):
    """The component `name` as a macro: arguments checked against its
    signature, figure-layer mistakes located at the page's line."""
    signature = inspect.signature(getattr(Components, name))

    def macro(*args, **kwargs):
        try:
            signature.bind(None, *args, **kwargs)  # None stands for self
        except TypeError as error:
            raise _at_page_line(env, f"wrong use of the macro '{name}': {error}", name,
                                f"{name}{_shown_signature(signature)}") from None
        components = renderer()
        try:
            rendered = getattr(components, name)(*args, **kwargs)
        except FigureDataError as error:
            needle = next((a for a in args if isinstance(a, str)), name)
            raise _at_page_line(env, error.problem, needle, error.expected, error.suggestion) from None
        if name == "figure_card":
            _state.cards.add(args[0] if args else kwargs["figure_id"])
        if name in CHART_DRAWINGS and (drawn := components.standalone_chart(name)):
            _state.drawn[drawn[0]] = drawn[1]
        return blocks.placeholder(str(rendered)) if name in BLOCK_COMPONENTS else str(rendered)

    macro.__name__ = name
    macro.__doc__ = getattr(Components, name).__doc__
    return macro


def _shown_signature(signature: inspect.Signature) -> str:
    parameters = [p for name, p in signature.parameters.items() if name != "self"]
    return str(signature.replace(parameters=parameters, return_annotation=inspect.Signature.empty))


@format_error.register
def _format_figure_error(error: FigureDataError, markdown: str, page) -> str:
    """A mistake in a page: stop the build, or show it when serving (and
    mkdocs-macros logs the message this returns)."""
    _report(error, log=False)
    return str(error)


@format_error.register
def _format_syntax_error(error: TemplateSyntaxError, markdown: str, page) -> str:
    """A broken {{ … }} or {% … %}: the same, at the page's own line."""
    source = page.file.content_string
    offset = source[:source.find(markdown[:200])].count("\n") if markdown[:200] in source else 0
    _report(FigureDataError(f"template syntax error: {error.message}", file=f"docs/{page.file.src_path}",
                            line=(error.lineno or 0) + offset or None,
                            expected="{{ macro(\"…\") }} or {% … %}, closed on the same line"), log=False)
    return _state.page_problem


@format_error.register
def _format_bug(error: Exception, markdown: str, page) -> str:
    """Anything else is a bug in the site's code: the build stops with its
    traceback; when serving, the page shows it."""
    if not mode.serving:
        raise error
    trace = traceback.format_exc()
    stop_or_log(trace)
    _state.page_problem = _state.page_problem or trace
    return ""


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
                                 "one of the macros " + ", ".join(env.macros),
                                 closest(name, list(env.macros)))

    return ExplainedUndefined


def _at_page_line(env, problem: str, needle: str, expected: str | None = None,
                  suggestion: str | None = None) -> FigureDataError:
    """A FigureDataError located at the first template line mentioning `needle`."""
    line = None
    pattern = re.compile(r"(\{\{|\{%).*" + re.escape(needle))
    # Read the file itself: env.markdown has lost the front matter, and with
    # it the line numbers an editor shows.
    source = env.page.file.content_string
    for number, text in enumerate(source.splitlines(), start=1):
        if pattern.search(text):
            line = number
            break
    return FigureDataError(problem, file=_page_file(env), line=line, expected=expected, suggestion=suggestion)


# -- pages and addresses -----------------------------------------------------

def _page_file(env) -> str:
    return f"{Path(env.conf['docs_dir']).name}/{env.page.file.src_path}"

