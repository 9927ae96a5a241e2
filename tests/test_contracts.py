"""Where the site reaches past another package's documented API, the one
module that wraps that package names the version it was read from and
what it reads (adapter/i18n.py, adapter/macros_plugin.py,
adapter/mkdocs_internals.py, adapter/material.py, figures/shaping.py). These tests fail, naming
the item, when an upgrade changes one: re-read the item in the new
version, adapt the module, then update its VERSION_READ."""

from __future__ import annotations

import hashlib
import re
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from adapter import i18n, macros_plugin, material, mkdocs_internals
from figures import shaping
from helpers import PROJECT

WRAPPED = [
    ("mkdocs-static-i18n", i18n.VERSION_READ, "adapter/i18n.py"),
    ("mkdocs-macros-plugin", macros_plugin.VERSION_READ, "adapter/macros_plugin.py"),
    ("jinja2", macros_plugin.JINJA_VERSION_READ, "adapter/macros_plugin.py"),
    ("mkdocs", mkdocs_internals.VERSION_READ, "adapter/mkdocs_internals.py"),
    ("mkdocs-material", material.VERSION_READ, "adapter/material.py"),
    ("python-bidi", shaping.BIDI_VERSION_READ, "figures/shaping.py"),
]


@pytest.mark.parametrize("package, read, module", WRAPPED, ids=[w[0] for w in WRAPPED])
def test_each_wrapped_package_is_the_version_its_module_was_read_from(package, read, module):
    assert version(package) == read, (
        f"{package} is {version(package)}, but {module} was read from {read}: re-read each item its "
        "docstring lists in the new version, then update VERSION_READ")


def test_wrapped_versions_are_the_pinned_ones():
    pins = dict(line.split("==") for line in (PROJECT / "requirements" / "constraints.txt").read_text().splitlines()
                if "==" in line and not line.startswith("#"))
    pins = {name.lower(): pin.strip() for name, pin in pins.items()}
    for package, read, module in WRAPPED:
        assert pins[package.lower()] == read, f"requirements/constraints.txt pins {package} {pins[package.lower()]}, {module} was read from {read}"


def test_python_bidi_orders_without_mirroring_and_keeps_its_table_of_mirrored_pairs():
    """figures/shaping.py mirrors a right-to-left line's brackets itself
    with python-bidi's table: were the Rust algorithm to start mirroring,
    they would be turned twice."""
    from bidi import get_display
    from bidi.mirror import MIRRORED
    assert get_display("(\u0645\u0646)", base_dir="R") == ")\u0646\u0645(", \
        "python-bidi's get_display now mirrors: drop figures/shaping.py's own mirroring"
    assert MIRRORED["("] == ")" and MIRRORED["\u00ab"] == "\u00bb" and MIRRORED[")"] == "("


def test_i18n_plugin_attributes():
    from mkdocs_static_i18n.plugin import I18n
    plugin = I18n()
    for name in i18n.PLUGIN_ATTRIBUTES:
        assert hasattr(plugin, name), f"mkdocs-static-i18n's plugin has no attribute {name!r} (adapter/i18n.py reads it)"


def test_i18n_combined_search_index_is_split_by_edition_folder():
    combined = {"config": {"lang": ["en", "fr"]}, "docs": [
        {"location": "", "title": "en home"}, {"location": "fr/", "title": "fr home"},
        {"location": "fr/sahel/#x", "title": "fr section"}, {"location": "sahel/", "title": "en page"}]}
    split = i18n.search_index_per_edition(combined, {"en": "", "fr": "fr/"})
    assert [d["location"] for d in split[""]["docs"]] == ["", "sahel/"]
    assert [d["location"] for d in split["fr/"]["docs"]] == ["", "sahel/#x"]


def test_macros_plugin_reads_its_error_option_on_every_page():
    import inspect
    from mkdocs_macros.plugin import MacrosPlugin
    source = inspect.getsource(MacrosPlugin.render)
    assert "self.config['on_error_fail']" in source, (
        "mkdocs-macros no longer reads on_error_fail when it renders a page "
        "(adapter/macros_plugin.py, stop_on_render_errors)")
    for name in macros_plugin.BUILTIN_MACROS:
        assert name in inspect.getsource(sys.modules["mkdocs_macros.context"]), (
            f"mkdocs-macros no longer defines the macro {name!r} that adapter/macros_plugin.py removes")


def test_jinja_meta_finds_the_names_a_template_uses():
    import jinja2
    env = jinja2.Environment()
    env.globals["figure"] = lambda *a: ""
    # A global (the site's macros are) is known; a misspelt name is not.
    assert macros_plugin.parse_page(type("Env", (), {"env": env})(), '{{ figure("x") }} {{ publised() }}') \
        == {"publised"}


def test_mkdocs_page_keeps_the_anchor_ids_it_found():
    from mkdocs.structure.pages import Page
    assert "present_anchor_ids" in Page.__annotations__ or hasattr(Page, "present_anchor_ids"), \
        "MkDocs' Page no longer has present_anchor_ids (adapter/mkdocs_internals.py, add_anchor_ids)"


def _material_templates() -> Path:
    import material as material_package
    return Path(material_package.__file__).parent / "templates"


@pytest.mark.parametrize("template, block", list(material.COPIED_FROM), ids=[
    f"{t}{':' + b if b else ''}" for t, b in material.COPIED_FROM])
def test_material_templates_are_those_the_overrides_were_copied_from(template, block):
    text = (_material_templates() / template).read_text(encoding="utf-8")
    if block:
        match = re.search(r"\{% block " + block + r" %\}.*?\{% endblock %\}", text, re.S)
        assert match, f"Material's {template} has no block {block!r} any more (overrides/main.html overrides it)"
        text = match.group()
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    assert digest == material.COPIED_FROM[(template, block)], (
        f"Material's {template}{' block ' + block if block else ''} changed since overrides/ copied it from "
        f"{material.VERSION_READ}: compare the two, carry the change over, then update adapter/material.py")


@pytest.mark.parametrize("pattern", list(material.RELIED_ON))
def test_material_files_still_hold_what_the_overrides_rely_on(pattern):
    [path] = _material_templates().glob(pattern)
    text = path.read_text(encoding="utf-8")
    for needle in material.RELIED_ON[pattern]:
        assert needle in text, f"Material's {path.name} no longer contains {needle!r} (overrides/main.html relies on it)"


def test_only_the_wrapping_modules_reach_past_documented_apis():
    """The names that only the wrapping modules may use, searched in every
    other file of the MkDocs side."""
    reach = re.compile(r"plugins\.get\(.i18n.\)|plugins\[.i18n.\]|\.current_language\b(?!\()|\.building\b(?!_)|"
                       r"extra_alternate|format_error|env\.env\b|_undefined_|env\.macros\.pop|del env\.variables|"
                       r"XMLHttpRequest|__config|present_anchor_ids|dest_uri|bidi\.mirror")
    allowed = {"adapter/i18n.py", "adapter/macros_plugin.py", "adapter/mkdocs_internals.py",
               "adapter/material.py", "overrides/main.html", "figures/shaping.py"}
    files = [p for p in [PROJECT / "macros.py", *PROJECT.glob("adapter/**/*.py"), *PROJECT.glob("overrides/**/*.html"),
                         *PROJECT.glob("figures/**/*.py")]]
    offenders = [p.relative_to(PROJECT).as_posix() for p in files
                 if p.relative_to(PROJECT).as_posix() not in allowed and reach.search(p.read_text(encoding="utf-8"))]
    assert offenders == [], f"these files reach past another package's documented API: {offenders}"
