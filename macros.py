"""mkdocs-macros entry point: exposes the figure layer's components to pages.

Mistakes and bugs are told apart:

- A mistake (an unknown id, a misspelt macro, a wrong argument, a digit
  typed into a page, a broken {{ … }}, a bad data file) is a
  FigureDataError with one readable paragraph naming the file and line.
  `mkdocs build` stops on it; `mkdocs serve` logs it once and shows it in
  place of the page, and keeps serving (adapter/build/state.py).
- Anything else is a bug in the site's code: mkdocs-macros reports it with
  its traceback, and the build stops (adapter/wrappers/macros_plugin.py); `mkdocs
  serve` shows it in the page and goes on.

The components (figures/components.py), and the reference page's
schema.org metadata, are the only macros pages see; a call's arguments
are checked against the component's signature before it runs, so a
TypeError from inside a component stays a bug. Each call gets its
component's renderer, given this page's context: what the page has shown
so far (adapter/build/state.py, PageState).
"""

from __future__ import annotations

import inspect
import re
import sys
import types
from pathlib import Path

from jinja2 import TemplateSyntaxError

# mkdocs-macros loads this file by path, without putting its folder on
# sys.path; the packages beside it need that to be importable.
PROJECT_DIR = Path(__file__).resolve().parent
if str(PROJECT_DIR) not in sys.path:
    sys.path.insert(0, str(PROJECT_DIR))

from adapter.build import state as build_state  # noqa: E402
from adapter.build.problems import panel  # noqa: E402
from adapter.build.site_config import addresses_for, moved_pages, nav_pages  # noqa: E402
from adapter.checks.editions import (  # noqa: E402
    check_nav_titles,
    check_no_stray_editions,
    check_pages,
    check_pages_are_public,
)
from adapter.checks.page_text import typed_digits, unnamed_headings  # noqa: E402
from adapter.checks.settings import check_extra  # noqa: E402
from adapter.checks.untranslated import refuse_untranslated_editions  # noqa: E402
from adapter.wrappers import i18n, macros_plugin  # noqa: E402
from figures import Dataset, FigureDataError  # noqa: E402
from figures.charts import CHART_DRAWINGS  # noqa: E402
from figures.components import COMPONENTS  # noqa: E402
from figures.corrections import CorrectionsRenderer  # noqa: E402
from figures.errors import closest  # noqa: E402
from figures.jsonld import dataset_jsonld as dataset_jsonld_text  # noqa: E402

# What a page may hold, as CONTRIBUTING.md's “What a page may hold” says.
PAGE_HOLDS = (
    "text, and calls of the site's macros with written-out arguments, such as "
    '{{ figure("…", with_unit=True) }}: no attribute, filter, include, import or other '
    "statement (CONTRIBUTING.md, “What a page may hold”)"
)


def define_env(env) -> None:
    state = build_state.current()
    macros_plugin.keep_only_site_macros(env)
    try:
        dataset, editions = state.data()
        _check_site(dataset, env.conf, state.project_dir)
        if not state.serving:
            # An edition started by the edition command is shown with its
            # "not yet translated" marks by `mkdocs serve`, and is not built
            # for publishing while one is left.
            refuse_untranslated_editions(env.conf)
    except FigureDataError as error:
        state.site_problem = f"Figure data error: {error}"
        state.report(state.site_problem)
        return
    addresses = addresses_for(env.conf)
    edition = editions[i18n.edition_being_built(env.conf)]
    issues_url = env.conf["extra"].get("issues_url")

    def renderer(kind):
        # The edition's own site_name: the i18n plugin sets it after this hook.
        return kind(
            dataset,
            edition,
            addresses,
            env.page.url,
            state.page.shown,
            site_name=env.conf["site_name"],
            issues_url=issues_url,
        )

    # Material's `copyright` setting is the footer line of every page: the
    # licences, and the data's version and date, in this edition's words.
    env.conf["copyright"] = str(CorrectionsRenderer(dataset, edition, addresses, "").footer())

    for name, kind in COMPONENTS.items():
        env.macro(_component_macro(env, name, kind, renderer), name)

    @env.macro
    def dataset_jsonld() -> str:
        """schema.org Dataset metadata in this edition's words and at its
        address, for the reference page's body."""
        document = dataset_jsonld_text(dataset, addresses, edition, env.conf["site_name"], env.conf["site_description"])
        return f'<script type="application/ld+json">{document}</script>'


def on_pre_page_macros(env) -> None:
    state = build_state.current()
    state.start_page()
    macros_plugin.keep_only_page_variable(env)
    macros_plugin.sandbox_pages(env)
    if state.site_problem:
        env.markdown = ""  # nothing to render: the page shows the problem instead
        return
    problem = _template_problem(env) or _typed_digit(env) or _page_source_problem(env)
    if problem:
        state.page.problem = str(problem)
        env.markdown = ""


def on_post_page_macros(env) -> None:
    state = build_state.current()
    if state.site_problem:
        env.markdown = panel(state.site_problem)
        return
    if not state.page.problem:
        state.page.problem = _theme_page_problem(state, env)
    if state.page.problem:
        state.report(state.page.problem)
        env.markdown = panel(state.page.problem)


# -- checks ------------------------------------------------------------------


def _check_site(dataset: Dataset, config, project_dir: Path) -> None:
    """What must hold before any page renders: every theme page exists,
    every edition has every page and every nav title and no stray page, and
    every page is listed as public."""
    pages = [src for _, src in nav_pages(config["nav"])]
    check_extra(config, Path(config["docs_dir"]), pages)
    for theme in dataset.themes.values():
        if theme.page not in pages:
            raise dataset.error_at(
                ("themes", theme.id, "page"),
                f"the theme page '{theme.page}' is not a page of the site",
                expected="a page listed in the nav of mkdocs.yml: " + ", ".join(pages),
                suggestion=closest(theme.page, pages),
            )
    for old, new in moved_pages(config).items():
        if new not in pages:
            raise FigureDataError(
                f"the moved page '{old}' is sent to '{new}', which is not a page of the site",
                file="mkdocs.yml",
                key=("extra", "moved_pages", old),
                expected="a page listed in the nav of mkdocs.yml: " + ", ".join(pages),
                suggestion=closest(new, pages),
            )
    check_pages(config)
    check_no_stray_editions(config)
    check_nav_titles(config)
    check_pages_are_public(config, project_dir)


def _template_problem(env) -> FigureDataError | None:
    """A broken {{ … }}, or a name no macro or variable of the site has,
    found before the page renders, at the page's own line."""
    source, markdown = env.page.file.content_string, env.markdown
    # env.markdown has lost the front matter, and with it the lines an editor shows.
    offset = source[: source.find(markdown[:200])].count("\n") if markdown[:200] in source else 0
    try:
        template = macros_plugin.parsed_page(env, markdown)
        names = macros_plugin.parse_page(env, template)
        beyond = macros_plugin.page_template_problem(env, template)
    except TemplateSyntaxError as error:
        return FigureDataError(
            f"template syntax error: {error.message}",
            file=_page_file(env),
            line=(error.lineno or 0) + offset or None,
            expected='{{ macro("…") }}, closed on the same line',
        )
    if beyond:
        line, what = beyond
        return FigureDataError(
            f"the page uses {what}: a page holds text and macro calls only",
            file=_page_file(env),
            line=line + offset,
            expected=PAGE_HOLDS,
        )
    for line, name, args, kwargs in macros_plugin.macro_calls(env, template):
        if name in COMPONENTS:
            signature = _signature(name)
            try:
                _check_argument_types(signature, signature.bind(None, *args, **kwargs))
            except TypeError as error:
                return FigureDataError(
                    f"wrong use of the macro '{name}': {error}",
                    file=_page_file(env),
                    line=line + offset,
                    expected=f"{name}{_shown_signature(signature)}",
                )
    title = env.page.meta.get("title")
    if isinstance(title, str) and ("{{" in title or "{%" in title):
        line = next((n for n, text in enumerate(source.splitlines(), start=1) if text.startswith("title:")), None)
        return FigureDataError(
            "a template in the page's title: a title is text only",
            file=_page_file(env),
            line=line,
            expected="a title written out, without {{ … }} or {% … %}",
        )
    known = macros_plugin.page_names(env)
    for name in sorted(names - set(known)):
        site_macros = list(env.macros)
        return _at_page_line(
            env,
            f"'{name}' is not a macro or variable of this site",
            name,
            "one of the macros " + ", ".join(site_macros),
            closest(name, site_macros),
        )
    return None


def _typed_digit(env) -> FigureDataError | None:
    for line, text in typed_digits(env.page.file.content_string):  # the file as written, front matter included
        return FigureDataError(
            f"a digit typed outside a macro: '{text}'",
            file=_page_file(env),
            line=line,
            expected="every number, date and year to come from the data file through a macro, "
            'such as {{ figure("…") }} or {{ published() }}',
        )
    return None


def _page_source_problem(env) -> FigureDataError | None:
    """Every section heading has an anchor of its own, and every page of the
    nav a description: its summary in search engines, in its sharing tags
    and on its preview image."""
    for line, heading in unnamed_headings(env.page.file.content_string):
        return FigureDataError(
            f"the heading '{heading}' has no anchor of its own: Markdown would number it (_1, _2…), "
            "and the number changes when a heading is added above it",
            file=_page_file(env),
            line=line,
            expected="an id written after the heading, the same as in the default edition: `## … { #id }`",
        )
    in_nav = i18n.source_path(env.page) in {src for _, src in nav_pages(env.conf["nav"])}
    if in_nav and not str(env.page.meta.get("description") or "").strip():
        return FigureDataError(
            "the page has no description",
            file=_page_file(env),
            line=1,
            expected="`description: …` in the page's front matter (between its two `---` lines): "
            "one sentence of our own words, without digits",
        )
    return None


def _theme_page_problem(state, env) -> str | None:
    """A figure's theme page must show its card, in every edition."""
    dataset, _ = state.data()
    page_source = i18n.source_path(env.page)
    for figure in dataset.figures.values():
        if figure.theme.page == page_source and figure.id not in state.page.cards:
            where = dataset.error_at(("figures", figure.id, "theme"), "")
            return str(
                FigureDataError(
                    f"the figure '{figure.id}' is not shown on this page, which is its theme page ({where.location})",
                    file=_page_file(env),
                    expected=f'its card on the page: {{{{ figure_card("{figure.id}") }}}}',
                )
            )
    return None


# -- macros ------------------------------------------------------------------


def _component_macro(env, name: str, kind, renderer):
    """The component `name` of the renderer `kind` as a macro: arguments
    checked against its signature and types, figure-layer mistakes located
    at the page's line."""
    signature = _signature(name)
    state = build_state.current()

    def macro(*args, **kwargs):
        try:
            bound = signature.bind(None, *args, **kwargs)  # None stands for self
            _check_argument_types(signature, bound)
        except TypeError as error:
            return _mistake(
                state,
                _at_page_line(
                    env, f"wrong use of the macro '{name}': {error}", name, f"{name}{_shown_signature(signature)}"
                ),
            )
        try:
            rendered = str(getattr(renderer(kind), name)(*args, **kwargs))
        except FigureDataError as error:
            needle = next((a for a in args if isinstance(a, str)), name)
            return _mistake(state, _at_page_line(env, error.problem, needle, error.expected, error.suggestion))
        if name == "figure_card":
            state.page.cards.add(args[0] if args else kwargs["figure_id"])
        if name in CHART_DRAWINGS:
            state.page.charts.append(name)
        return rendered

    macro.__name__ = name
    macro.__doc__ = getattr(kind, name).__doc__
    return macro


def _signature(name: str) -> inspect.Signature:
    """A component's signature, its annotations evaluated (the figure layer
    writes them as strings, `from __future__ import annotations`)."""
    return inspect.signature(getattr(COMPONENTS[name], name), eval_str=True)


def _check_argument_types(signature: inspect.Signature, bound: inspect.BoundArguments) -> None:
    """Each argument of the type the component declares: with_unit="no" is
    a string, and a string is true; raises TypeError saying which."""
    for parameter, value in bound.arguments.items():
        wanted = signature.parameters[parameter].annotation
        if parameter == "self" or not isinstance(wanted, (type, types.UnionType)):
            continue
        if not isinstance(value, wanted) or (wanted is int and isinstance(value, bool)):
            shown = {bool: "True or False", str: "a string in quotes", int: "a whole number"}.get(
                wanted, wanted.__name__
            )
            raise TypeError(f"the argument '{parameter}' is {value!r}, expected {shown}")


def _mistake(state, error: FigureDataError) -> str:
    """Keep the page's first mistake, reported once the page is rendered."""
    state.page.problem = state.page.problem or str(error)
    return ""


def _shown_signature(signature: inspect.Signature) -> str:
    parameters = [p for name, p in signature.parameters.items() if name != "self"]
    return str(signature.replace(parameters=parameters, return_annotation=inspect.Signature.empty))


def _at_page_line(
    env, problem: str, needle: str, expected: str | None = None, suggestion: str | None = None
) -> FigureDataError:
    """A FigureDataError located at the first template line mentioning `needle`."""
    line = None
    pattern = re.compile(r"(\{\{|\{%).*" + re.escape(needle))
    # Read the file itself: env.markdown has lost the front matter, and with
    # it the line numbers an editor shows.
    for number, text in enumerate(env.page.file.content_string.splitlines(), start=1):
        if pattern.search(text):
            line = number
            break
    return FigureDataError(problem, file=_page_file(env), line=line, expected=expected, suggestion=suggestion)


def _page_file(env) -> str:
    return f"{Path(env.conf['docs_dir']).name}/{env.page.file.src_path}"
