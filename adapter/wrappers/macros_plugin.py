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
- `env._env`: the plugin builds a plain `jinja2.Environment` in its
  `on_config`, after `define_env` has run, with a loader on `docs/` and
  Jinja's globals (`lipsum`, `cycler`…), and renders every page and page
  title with it (`MacrosPlugin.render`, `env.from_string`). A page must not
  run Python, so before the first page renders this site puts a
  `PageSandbox` there in its place: Jinja's documented sandbox, with no
  loader and no globals but the site's macros.

Pages are text with macro calls only (CONTRIBUTING.md, “What a page may
hold”): `page_template_problem` refuses anything else, at its line, before a
page renders; the sandbox is the second wall, for what reaches Jinja anyway.
"""

from __future__ import annotations

import logging

import jinja2
import jinja2.meta
from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment

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


def parse_page(env, markdown: str | nodes.Template) -> set[str]:
    """The names the page's template uses without defining them; raises
    jinja2.TemplateSyntaxError for a broken {{ … }} or {% … %}."""
    return jinja2.meta.find_undeclared_variables(_parsed(env, markdown))


def parsed_page(env, markdown: str) -> nodes.Template:
    """The page's template read once, for the three functions here that
    read it (parse_page, page_template_problem, macro_calls); raises
    jinja2.TemplateSyntaxError for a broken {{ … }} or {% … %}."""
    return env.env.parse(markdown)


def _parsed(env, template: str | nodes.Template) -> nodes.Template:
    return template if isinstance(template, nodes.Template) else env.env.parse(template)


def stop_on_render_errors(config, stop: bool) -> None:
    """Whether a template error that no check foresaw ends the build."""
    config["plugins"][PLUGIN].config["on_error_fail"] = stop


def quiet_logs() -> None:
    """Keep the plugin's INFO inventory out of every rebuild's console."""
    logging.getLogger(LOGGER).setLevel(logging.WARNING)


class PageSandbox(SandboxedEnvironment):
    """Jinja's sandbox, stricter: no attribute of any Python object, not only
    the underscore ones, is reachable from a page."""

    def is_safe_attribute(self, obj, attr, value) -> bool:
        return False


def sandbox_pages(env) -> None:
    """Render pages (and page titles) in a PageSandbox from now on: the same
    delimiters and undefined behaviour as the plugin's own environment, no
    loader (nothing to include, import or extend), only the site's macros."""
    plain = env.env
    if isinstance(plain, PageSandbox):
        return
    sandbox = PageSandbox(
        loader=None,
        undefined=plain.undefined,
        autoescape=False,
        block_start_string=plain.block_start_string,
        block_end_string=plain.block_end_string,
        variable_start_string=plain.variable_start_string,
        variable_end_string=plain.variable_end_string,
        comment_start_string=plain.comment_start_string,
        comment_end_string=plain.comment_end_string,
    )
    sandbox.globals.clear()
    sandbox.globals.update(env.macros)
    sandbox.filters.clear()
    env._env = sandbox


def page_template_problem(env, template: str | nodes.Template) -> tuple[int, str] | None:
    """The first thing in a page's template that is neither text nor a call of
    a macro with written-out arguments: (its line in `template`, what it is);
    raises jinja2.TemplateSyntaxError for a broken {{ … }} or {% … %}.
    A name that is no macro of the site is left to `parse_page`'s caller."""
    for node in _parsed(env, template).body:
        if not isinstance(node, nodes.Output):
            return node.lineno, _what(node)
        for part in node.nodes:
            if isinstance(part, (nodes.TemplateData, nodes.Const)):
                continue
            if isinstance(part, nodes.Name):
                if part.name in env.macros:
                    return part.lineno, f"the macro '{part.name}' named but not called"
                continue  # not a macro of the site: parse_page's caller names it
            if not _is_macro_call(part):
                return part.lineno, _what(part)
    return None


def _is_macro_call(node: nodes.Node) -> bool:
    """name("…", option=True): a name called with constants only."""
    return (
        isinstance(node, nodes.Call)
        and isinstance(node.node, nodes.Name)
        and node.dyn_args is None
        and node.dyn_kwargs is None
        and all(isinstance(arg, nodes.Const) for arg in node.args)
        and all(isinstance(keyword.value, nodes.Const) for keyword in node.kwargs)
    )


def _what(node: nodes.Node) -> str:
    if isinstance(node, (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
        tag = {
            nodes.Include: "include",
            nodes.Import: "import",
            nodes.FromImport: "from … import",
            nodes.Extends: "extends",
        }[type(node)]
        return f"{{% {tag} %}}, which reads another file"
    if isinstance(node, (nodes.Getattr, nodes.Getitem)):
        return "an attribute or item of a Python object" + (
            f" ('.{node.attr}')" if isinstance(node, nodes.Getattr) else ""
        )
    if isinstance(node, nodes.Filter):
        return f"the filter '|{node.name}'"
    if isinstance(node, nodes.Call):
        if not isinstance(node.node, nodes.Name):
            return _what(node.node)
        return "a call whose arguments are not written out (only strings, numbers, True and False)"
    return f"a template statement or expression ({type(node).__name__})"


def macro_calls(env, template: str | nodes.Template) -> list[tuple[int, str, tuple, dict]]:
    """(line, name, arguments, keyword arguments) of each macro call in a
    template that `page_template_problem` accepts."""
    return [
        (
            part.lineno,
            part.node.name,
            tuple(arg.value for arg in part.args),
            {keyword.key: keyword.value.value for keyword in part.kwargs},
        )
        for node in _parsed(env, template).body
        if isinstance(node, nodes.Output)
        for part in node.nodes
        if _is_macro_call(part)
    ]


# Each reliance by a name that only this module may write:
# tests/test_contracts.py searches the rest of the MkDocs side for it.
GUARDED = {
    r"env\.env\b": (),
    r"env\._env\b": (),
    r"on_error_fail": (),
    r"env\.macros\.pop|del env\.variables": (),
}
