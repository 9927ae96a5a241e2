"""Where the site relies on another package's behaviour past its documented
API, the one module that wraps that package (adapter/wrappers/, and on the
figure layer's side figures/shaping.py) lists each reliance in its docstring, names the version it was read from, and guards
the names that express it. These tests read the installed packages and
fail, naming the item, when an upgrade changes one: re-read the item in
the new version, adapt the wrapper, then update its VERSION_READ."""

from __future__ import annotations

import hashlib
import inspect
import re
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from adapter.wrappers import i18n, macros_plugin, material, mkdocs
from figures import shaping

from helpers import PROJECT

WRAPPED = [
    ("mkdocs-static-i18n", i18n.VERSION_READ, "adapter/wrappers/i18n.py"),
    ("mkdocs-macros-plugin", macros_plugin.VERSION_READ, "adapter/wrappers/macros_plugin.py"),
    ("jinja2", macros_plugin.JINJA_VERSION_READ, "adapter/wrappers/macros_plugin.py"),
    ("mkdocs", mkdocs.VERSION_READ, "adapter/wrappers/mkdocs.py"),
    ("watchdog", mkdocs.WATCHDOG_VERSION_READ, "adapter/wrappers/mkdocs.py"),
    ("mkdocs-material", material.VERSION_READ, "adapter/wrappers/material.py"),
    ("python-bidi", shaping.BIDI_VERSION_READ, "figures/shaping.py"),
]
WRAPPERS = {
    "adapter/wrappers/i18n.py": i18n,
    "adapter/wrappers/macros_plugin.py": macros_plugin,
    "adapter/wrappers/material.py": material,
    "adapter/wrappers/mkdocs.py": mkdocs,
    "figures/shaping.py": shaping,
}


def _source(module_name: str) -> str:
    __import__(module_name)
    return inspect.getsource(sys.modules[module_name])


@pytest.mark.parametrize("package, read, module", WRAPPED, ids=[w[0] for w in WRAPPED])
def test_each_wrapped_package_is_the_version_its_module_was_read_from(package, read, module):
    assert version(package) == read, (
        f"{package} is {version(package)}, but {module} was read from {read}: re-read each item its "
        "docstring lists in the new version, then update VERSION_READ"
    )


def test_wrapped_versions_are_the_pinned_ones():
    pins = dict(
        line.split("==")
        for line in (PROJECT / "requirements" / "constraints.txt").read_text().splitlines()
        if "==" in line and not line.startswith("#")
    )
    pins = {name.lower(): pin.strip() for name, pin in pins.items()}
    for package, read, module in WRAPPED:
        assert pins[package.lower()] == read, (
            f"requirements/constraints.txt pins {package} {pins[package.lower()]}, {module} was read from {read}"
        )


# -- python-bidi ------------------------------------------------------------------


def test_python_bidi_orders_without_mirroring_and_keeps_its_table_of_mirrored_pairs():
    """figures/shaping.py mirrors a right-to-left line's brackets itself
    with python-bidi's table: were the Rust algorithm to start mirroring,
    they would be turned twice."""
    from bidi import get_display
    from bidi.mirror import MIRRORED

    assert get_display("(\u0645\u0646)", base_dir="R") == ")\u0646\u0645(", (
        "python-bidi's get_display now mirrors: drop figures/shaping.py's own mirroring"
    )
    assert MIRRORED["("] == ")" and MIRRORED["\u00ab"] == "\u00bb" and MIRRORED[")"] == "("


# -- mkdocs-static-i18n ----------------------------------------------------------


def test_i18n_plugin_attributes():
    from mkdocs_static_i18n.plugin import I18n

    plugin = I18n()
    for name in i18n.PLUGIN_ATTRIBUTES:
        assert hasattr(plugin, name), (
            f"mkdocs-static-i18n's plugin has no attribute {name!r} (adapter/wrappers/i18n.py reads it)"
        )


def test_i18n_plugin_sets_the_locale_of_each_file():
    assert re.search(r"^\s*file\.locale = ", _source("mkdocs_static_i18n.suffix"), re.M), (
        "mkdocs-static-i18n no longer sets File.locale on the files of an edition (adapter/wrappers/i18n.py, page_language)"
    )


def test_i18n_plugin_gives_pages_the_variables_the_template_reads():
    source = _source("mkdocs_static_i18n.plugin")
    for name in i18n.PAGE_VARIABLES:
        assert f'context["{name}"] = ' in source, (
            f"mkdocs-static-i18n no longer sets the page variable {name!r} (overrides/main.html reads it; "
            "adapter/wrappers/i18n.py lists it)"
        )


def test_i18n_plugin_builds_every_edition_into_one_site_dir():
    """Each edition's 404.html is then written at the site's root."""
    reconfigure, plugin = _source("mkdocs_static_i18n.reconfigure"), _source("mkdocs_static_i18n.plugin")
    forbidden = re.search(r"forbidden_config_overrides = \[(.*?)\]", reconfigure, re.S)
    assert forbidden and '"site_dir"' in forbidden.group(1), (
        "mkdocs-static-i18n may now give an edition its own site_dir: where does each 404.html go? "
        "(adapter/wrappers/i18n.py, is_root_404)"
    )
    assert "build(config, dirty=dirty)" in plugin and "site_dir =" not in plugin, (
        "mkdocs-static-i18n builds the other editions differently (adapter/wrappers/i18n.py)"
    )


def test_i18n_plugin_writes_one_search_index_of_every_edition():
    source = inspect.getsource(
        __import__("mkdocs_static_i18n.reconfigure").reconfigure.ExtendedPlugin.reconfigure_search_index
    )
    assert "search_index_entries.extend(self.search_entries)" in source, (
        "mkdocs-static-i18n no longer merges every edition's entries into the one search index "
        "(adapter/wrappers/i18n.py, search_index_per_edition)"
    )


# -- mkdocs-macros and Jinja ---------------------------------------------------------


def test_macros_plugin_reads_its_error_option_on_every_page():
    from mkdocs_macros.plugin import MacrosPlugin

    source = inspect.getsource(MacrosPlugin.render)
    assert "self.config['on_error_fail']" in source, (
        "mkdocs-macros no longer reads on_error_fail when it renders a page "
        "(adapter/wrappers/macros_plugin.py, stop_on_render_errors)"
    )
    for name in macros_plugin.BUILTIN_MACROS:
        assert name in _source("mkdocs_macros.context"), (
            f"mkdocs-macros no longer defines the macro {name!r} that adapter/wrappers/macros_plugin.py removes"
        )


def test_jinja_meta_finds_the_names_a_template_uses():
    import jinja2

    env = jinja2.Environment()
    env.globals["figure"] = lambda *a: ""
    # A global (the site's macros are) is known; a misspelt name is not.
    assert macros_plugin.parse_page(type("Env", (), {"env": env})(), '{{ figure("x") }} {{ publised() }}') == {
        "publised"
    }


# -- MkDocs ----------------------------------------------------------------------------


def test_mkdocs_hands_over_its_jinja_environment_before_it_renders_a_template():
    import jinja2
    from mkdocs.theme import Theme

    assert inspect.signature(Theme.get_env).return_annotation in (jinja2.Environment, "jinja2.Environment")
    build = _source("mkdocs.commands.build")
    body = build[build.index("def build(") :]
    assert body.index("plugins.on_env(env") < body.index("_build_theme_template("), (
        "MkDocs renders a theme template before on_env now: the template cache comes too late "
        "(adapter/wrappers/mkdocs.py, use_template_cache)"
    )


def test_mkdocs_lists_the_theme_files_with_the_environment_of_the_build_and_drops_dot_folders():
    """The theme's files, as MkDocs picks them to copy, are the same with the
    listing that skips dot folders (adapter/wrappers/mkdocs.py,
    skip_dot_folders_in_theme_listing): MkDocs still makes the environment
    with `config.theme.get_env()` and still drops every dot folder's files."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    build = _source("mkdocs.commands.build")
    body = build[build.index("def build(") :]
    assert "env = config.theme.get_env()\n        files.add_files_from_theme(env, config)" in body, (
        "MkDocs no longer lists the theme's files with the environment of config.theme.get_env() "
        "(adapter/wrappers/mkdocs.py, skip_dot_folders_in_theme_listing)"
    )
    config = load_config(str(PROJECT / "mkdocs.yml"))

    def theme_files() -> list[str]:
        files = Files([])
        files.add_files_from_theme(config.theme.get_env(), config)
        return sorted(file.src_uri for file in files)

    everything = theme_files()
    mkdocs.skip_dot_folders_in_theme_listing(config)
    assert theme_files() == everything, (
        "MkDocs copies a theme file from a dot folder now, which the listing skips "
        "(adapter/wrappers/mkdocs.py, skip_dot_folders_in_theme_listing)"
    )
    assert any(name.startswith("assets/javascripts/bundle.") for name in everything), everything  # not vacuous


def test_mkdocs_serve_hands_on_serve_a_server_it_may_replace(tmp_path):
    """adapter/wrappers/mkdocs.py, look_for_saves_every: `mkdocs serve`
    makes its server without a polling interval, watches the docs and
    mkdocs.yml, then takes the server `on_serve` returns and watches
    `watch:` on it; the one returned is made the same way, looks every
    0.2 s, and watches what the first one did."""
    from mkdocs.livereload import LiveReloadServer

    serve = _source("mkdocs.commands.serve")
    made = serve[serve.index("server = LiveReloadServer(") :]
    assert "polling_interval" not in made[: made.index(")")], (
        "mkdocs serve sets its own polling interval now (adapter/wrappers/mkdocs.py, look_for_saves_every)"
    )
    order = [
        "server.error_handler = error_handler",
        "server.watch(config.docs_dir)",
        "server.watch(config.config_file_path)",
        "server = config.plugins.on_serve(server, config=config, builder=builder)",
        "for item in config.watch:",
        "server.serve(",
    ]
    found = [serve.find(step) for step in order]
    assert -1 not in found and found == sorted(found), (
        f"mkdocs serve no longer does these in this order: {order} (adapter/wrappers/mkdocs.py, look_for_saves_every)"
    )
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")

    def builder():
        pass

    def error_handler(code):
        return None

    first = LiveReloadServer(builder=builder, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    first.error_handler = error_handler
    first.watch(str(tmp_path / "docs"))
    first.watch(str(tmp_path / "mkdocs.yml"))
    watched = {(e.watch.raw_path, e.watch.is_recursive) for e in first.observer.emitters}
    faster = mkdocs.look_for_saves_every(0.2, first, {"dev_addr": ("127.0.0.1", 0)})
    try:
        assert isinstance(faster, LiveReloadServer) and faster is not first
        assert (faster.builder, faster.error_handler, faster.root) == (builder, error_handler, first.root)
        assert {(e.watch.raw_path, e.watch.is_recursive) for e in faster.observer.emitters} == watched
        assert len(watched) == 2 and {e.timeout for e in faster.observer.emitters} == {0.2}, (
            "watchdog's emitters no longer take the observer's timeout (adapter/wrappers/mkdocs.py)"
        )
    finally:
        faster.server_close()


def test_mkdocs_makes_page_addresses_as_the_site_expects():
    config = {"docs_dir": "docs", "site_dir": "site", "use_directory_urls": True}
    assert [mkdocs.page_url(src, config) for src in ("method.md", "index.md", "a/b.md")] == ["method/", "", "a/b/"], (
        "MkDocs makes page addresses differently (adapter/wrappers/mkdocs.py, page_url)"
    )


def test_mkdocs_renders_each_page_with_the_extension_options_of_its_config():
    """An `on_config` change to `mdx_configs` reaches Python-Markdown: the
    permalink title in each edition's words (adapter/wrappers/mkdocs.py,
    set_permalink_title)."""
    from mkdocs.structure.pages import Page

    assert "extension_configs=config['mdx_configs']" in inspect.getsource(Page.render), (
        "MkDocs no longer hands config['mdx_configs'] to Python-Markdown when it renders a page "
        "(adapter/wrappers/mkdocs.py, set_permalink_title)"
    )
    config = {"mdx_configs": {"toc": {"permalink": True}}}
    mkdocs.set_permalink_title(config, "Lien permanent")
    assert config["mdx_configs"]["toc"] == {"permalink": True, "permalink_title": "Lien permanent"}


# -- Material for MkDocs ------------------------------------------------------------------


def _material_templates() -> Path:
    import material as material_package

    return Path(material_package.__file__).parent / "templates"


@pytest.mark.parametrize(
    "template, block", list(material.COPIED_FROM), ids=[f"{t}{':' + b if b else ''}" for t, b in material.COPIED_FROM]
)
def test_material_templates_are_those_the_overrides_were_copied_from(template, block):
    text = (_material_templates() / template).read_text(encoding="utf-8")
    if block:
        match = re.search(r"\{% block " + block + r" %\}.*?\{% endblock %\}", text, re.S)
        assert match, f"Material's {template} has no block {block!r} any more (overrides/main.html overrides it)"
        text = match.group()
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    assert digest == material.COPIED_FROM[(template, block)], (
        f"Material's {template}{' block ' + block if block else ''} changed since overrides/ copied it from "
        f"{material.VERSION_READ}: compare the two, carry the change over, then update adapter/wrappers/material.py"
    )


@pytest.mark.parametrize("pattern", list(material.RELIED_ON))
def test_material_files_still_hold_what_the_site_relies_on(pattern):
    [path] = _material_templates().glob(pattern)
    text = path.read_text(encoding="utf-8")
    for needle in material.RELIED_ON[pattern]:
        assert needle in text, (
            f"Material's {path.name} no longer contains {needle!r} (adapter/wrappers/material.py relies on it)"
        )


# -- the guard ----------------------------------------------------------------------------------


def _mkdocs_side_files() -> list[Path]:
    return [
        PROJECT / "macros.py",
        *sorted(PROJECT.glob("adapter/**/*.py")),
        *sorted(PROJECT.glob("overrides/**/*.html")),
        *sorted(PROJECT.glob("figures/**/*.py")),
        *sorted(PROJECT.glob("figures/templates/*")),
    ]


@pytest.mark.parametrize("wrapper", list(WRAPPERS))
def test_only_the_wrapper_writes_the_names_of_its_reliances(wrapper):
    """Each name a wrapper guards, searched in every other file of the project's code."""
    module = WRAPPERS[wrapper]
    assert module.GUARDED, f"{wrapper} guards no name"
    offenders = []
    for pattern, allowed in module.GUARDED.items():
        for path in _mkdocs_side_files():
            name = path.relative_to(PROJECT).as_posix()
            if name != wrapper and name not in allowed and re.search(pattern, path.read_text(encoding="utf-8")):
                offenders.append(f"{name} ({pattern})")
    assert offenders == [], f"these files rely on what {wrapper} wraps: {offenders}"


@pytest.mark.parametrize("wrapper", list(WRAPPERS))
def test_the_guard_would_see_each_name(wrapper):
    """Each guarded pattern matches the wrapper's own code or the file it allows, so it names something real."""
    module = WRAPPERS[wrapper]
    # The wrapper's code, without the GUARDED table, which names every pattern.
    code = (PROJECT / wrapper).read_text(encoding="utf-8").split("\nGUARDED = {")[0]
    for pattern, allowed in module.GUARDED.items():
        texts = [code, *((PROJECT / name).read_text(encoding="utf-8") for name in allowed)]
        assert any(re.search(pattern, text) for text in texts), f"{wrapper}: {pattern!r} matches nothing"


def test_the_figure_layer_knows_no_site_generator():
    """figures/ imports nothing of MkDocs or its plugins, and reads no mkdocs.yml."""
    reach = re.compile(
        r"^\s*(from|import)\s+(mkdocs|material|mkdocs_macros|mkdocs_static_i18n|adapter)\b|mkdocs\.yml['\"]", re.M
    )
    offenders = [
        p.relative_to(PROJECT).as_posix()
        for p in sorted(PROJECT.glob("figures/**/*.py"))
        if p.name != "new_edition.py" and reach.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == [], f"these figure-layer files know the site generator: {offenders}"
