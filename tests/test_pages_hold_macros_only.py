"""A page is text with macro calls, nothing more: no attribute of a Python
object, no filter, no include, import or extends, no other statement. Each
attempt is refused at its line before the page renders (unit tests of
adapter/macros_plugin.py), and the build proves the wiring: it stops, names
the page and line, and runs nothing (one build per kind of reach).
"""

from __future__ import annotations

import inspect
from types import SimpleNamespace

import pytest
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from jinja2.exceptions import SecurityError, UndefinedError

from adapter.wrappers import macros_plugin
from figures.yamlfile import read_yaml

from helpers import DATA, PROJECT, build, edit, line_of

MACROS = {"figure": lambda *a, **k: "", "published": lambda: ""}


def _env():
    """What macros_plugin reads of the plugin, `env` and `macros`: the plugin's
    own plain environment (a loader on docs/), then the sandbox put in its place."""
    plugin = SimpleNamespace(macros=MACROS)
    plugin.env = Environment(loader=FileSystemLoader(PROJECT / "docs"), undefined=StrictUndefined)
    plugin.env.globals.update(MACROS)
    macros_plugin.sandbox_pages(plugin)
    plugin.env = plugin._env  # the plugin's `env` property reads `_env`
    return plugin


# (what a page holds, what the message must say): every way out we know of.
REFUSED = [
    ('{{ lipsum.__globals__.os.popen("id").read() }}', "an attribute or item of a Python object"),
    ('{{ "".__class__.__mro__ }}', "an attribute or item of a Python object ('.__mro__')"),
    ("{{ cycler.__init__.__globals__ }}", "an attribute or item of a Python object"),
    ('{{ figure("x").upper() }}', "an attribute or item of a Python object ('.upper')"),
    ('{{ page["file"] }}', "an attribute or item of a Python object"),
    ('{{ figure|attr("__call__") }}', "the filter '|attr'"),
    ('{{ "x"|e }}', "the filter '|e'"),
    ('{% include "index.fr.md" %}', "{% include %}, which reads another file"),
    ('{% include "/etc/passwd" %}', "{% include %}, which reads another file"),
    ('{% import "x.html" as x %}', "{% import %}, which reads another file"),
    ('{% from "x.html" import y %}', "{% from … import %}, which reads another file"),
    ('{% extends "base.html" %}', "{% extends %}, which reads another file"),
    ("{% set x = 1 %}", "a template statement or expression (Assign)"),
    ("{% for x in range(9) %}{% endfor %}", "a template statement or expression (For)"),
    ("{% macro m() %}{% endmacro %}", "a template statement or expression (Macro)"),
    ("{{ figure(range(9)) }}", "a call whose arguments are not written out"),
    ("{{ figure(*args) }}", "a call whose arguments are not written out"),
    ("{{ figure }}", "the macro 'figure' named but not called"),
    ("{{ 9 * 9 }}", "a template statement or expression (Mul)"),
]


@pytest.mark.parametrize("template, said", REFUSED, ids=[t for t, _ in REFUSED])
def test_anything_beyond_text_and_macro_calls_is_refused_at_its_line(template, said):
    problem = macros_plugin.page_template_problem(_env(), f"# Title\n\nSome text.\n{template}\n")
    assert problem is not None, f"accepted: {template}"
    line, what = problem
    assert line == 4, f"{template}: refused at line {line}, not the line it is on"
    assert said in what


@pytest.mark.parametrize(
    "template",
    [
        "Plain text, *Markdown*, <b>HTML</b>.",
        '{{ figure("people-regularised", with_unit=True) }} and {{ published() }}',
        '{{ "{{" }} written out',
        "{# a comment #}",
    ],
)
def test_text_and_macro_calls_are_accepted(template):
    assert macros_plugin.page_template_problem(_env(), template) is None


def test_macro_calls_are_read_with_their_lines_and_arguments():
    calls = macros_plugin.macro_calls(_env(), 'a\n{{ figure("x", with_unit="no") }}\n')
    assert calls == [(2, "figure", ("x",), {"with_unit": "no"})]


def test_the_sandbox_refuses_every_attribute_and_holds_only_the_macros():
    env = _env().env
    assert set(env.globals) == set(MACROS), "Jinja's own globals (lipsum, cycler…) left beside the macros"
    with pytest.raises((SecurityError, UndefinedError)):
        env.from_string("{{ x.real }}").render(x=1)
    with pytest.raises((SecurityError, UndefinedError)):
        env.from_string('{{ "".__class__ }}').render()
    with pytest.raises(TypeError, match="no loader"):
        env.from_string('{% include "mkdocs.yml" %}').render()


def test_mkdocs_macros_still_builds_the_environment_the_sandbox_replaces():
    """adapter/macros_plugin.py replaces `_env`, which mkdocs-macros 1.5.0
    builds in on_config and renders every page and title with."""
    from mkdocs_macros.plugin import MacrosPlugin

    assert "self._env = Environment(" in inspect.getsource(MacrosPlugin.on_config), (
        "mkdocs-macros no longer builds its Jinja environment as self._env in on_config "
        "(adapter/macros_plugin.py, sandbox_pages)"
    )
    assert "self.env.from_string(markdown)" in inspect.getsource(MacrosPlugin.render), (
        "mkdocs-macros no longer renders pages with self.env (adapter/macros_plugin.py, sandbox_pages)"
    )


# -- the wiring: real builds ---------------------------------------------------

BUILD_REACHES = [
    ('{{ lipsum.__globals__.os.popen("touch RAN").read() }}', "an attribute or item of a Python object"),
    ('{% include "does-not-exist.md" %}', "{% include %}, which reads another file"),
    ('{{ figure("FIGURE", with_unit="no") }}', "wrong use of the macro 'figure': the argument 'with_unit' is 'no'"),
]


@pytest.mark.parametrize("template, said", BUILD_REACHES, ids=["python", "include", "argument type"])
def test_a_page_that_reaches_out_stops_the_build_and_runs_nothing(template, said, project_copy, tmp_path):
    template = template.replace("FIGURE", next(iter(read_yaml(DATA).data["figures"])))
    edit(project_copy / "docs/index.md", "{{ published() }}", "{{ published() }}\n\n" + template)
    result = build(project_copy, tmp_path / "site", strict=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build went through:\n{output}"
    assert (
        f"docs/index.md, line {line_of(project_copy / 'docs/index.md', template)}: the page uses" in output
        or f"docs/index.md, line {line_of(project_copy / 'docs/index.md', template)}: wrong use" in output
    ), output
    assert said in output
    assert "Traceback" not in output
    assert not (project_copy / "RAN").exists() and not (project_copy / "docs" / "RAN").exists(), (
        "the page ran a command"
    )
