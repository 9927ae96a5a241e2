"""The edition command (adapter/new_edition.py) is all or nothing: on a
broken tree it stops with its message, no traceback, and writes nothing, so
it runs again once the tree is fixed; it never writes over a file it did
not create; it refuses a language Material cannot translate; the name it is
given reaches the language selector as text. And it copies texts only:
settings are copied as they are, every text (quotation marks included) is
marked. In-process on a copy, except the command line itself.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import material
import pytest
import yaml
from jinja2 import ChoiceLoader, Environment, FileSystemLoader
from markupsafe import escape

from adapter.new_edition import plan_edition, read_config, start_edition
from adapter.wrappers.i18n import settings_in_mkdocs_yml
from adapter.wrappers.material import translations
from figures import FigureDataError
from figures.editions import SETTING_WORDS
from figures.untranslated import MARK
from figures.yamlfile import read_yaml

from helpers import PROJECT, DataFileEditor, clean_environment, copy_project, languages, nav_sources

# A language that is not yet an edition (a recipe may have started es) and that Material translates.
NEW = next(code for code in ("es", "de", "pt", "it", "nl") if code not in languages() and code in translations())


@pytest.fixture
def tree(tmp_path):
    return copy_project(tmp_path / "project")


def _snapshot(project):
    return {
        p.relative_to(project).as_posix(): p.read_bytes()
        for p in sorted(project.rglob("*"))
        if p.is_file() and ".cache" not in p.parts
    }


def _break_data(project):
    DataFileEditor(project / "data/figures.yml").set(
        ("figures", next(iter(read_yaml(project / "data/figures.yml").data["figures"])), "value"), '"many"'
    )


def _untracked_translation(project):
    (project / "docs" / nav_sources()[0].replace(".md", f".{NEW}.md")).write_text("Mi traducción.\n", encoding="utf-8")


BROKEN_TREES = [
    ("broken data file", _break_data, {}, "data/figures.yml, line"),
    (
        "broken words file",
        lambda p: (p / "data/site_words.yml").write_text("en: [\n", encoding="utf-8"),
        {},
        "data/site_words.yml",
    ),
    (
        "broken mkdocs.yml",
        lambda p: (p / "mkdocs.yml").write_text("nav: [\n", encoding="utf-8"),
        {},
        "mkdocs.yml, line",
    ),
    (
        "no i18n plugin",
        lambda p: (p / "mkdocs.yml").write_text("site_name: x\nplugins: [search]\n", encoding="utf-8"),
        {},
        "the site has no i18n plugin",
    ),
    (
        "an untracked translation in the way",
        _untracked_translation,
        {},
        f"docs/{nav_sources()[0].replace('.md', f'.{NEW}.md')} already exists: the command writes nothing over a file",
    ),
    ("a page of the nav missing", lambda p: (p / "docs" / nav_sources()[-1]).unlink(), {}, "No such file"),
    ("an edition that exists", lambda p: None, {"language": "fr"}, "the edition 'fr' already exists"),
    ("not a language code", lambda p: None, {"language": "../x"}, "'../x' is not a language code"),
    (
        "a language Material does not translate",
        lambda p: None,
        {"language": next(code for code in ("ff", "ak", "yo", "zu", "ee") if code not in translations())},
        "Material for MkDocs has no translation for",
    ),
    ("a name on two lines", lambda p: None, {"name": "Es\npañol"}, "cannot name the edition"),
    ("no project here", lambda p: (p / "mkdocs.yml").unlink(), {}, "no mkdocs.yml in"),
]


@pytest.mark.parametrize(
    "breaks, options, said", [(b, o, s) for _, b, o, s in BROKEN_TREES], ids=[i for i, _, _, _ in BROKEN_TREES]
)
def test_on_a_broken_tree_it_stops_and_writes_nothing(breaks, options, said, tree):
    breaks(tree)
    before = _snapshot(tree)
    options = {"language": NEW, **options}
    with pytest.raises((FigureDataError, OSError)) as raised:
        start_edition(tree, options.pop("language"), **options)
    assert said in str(raised.value)
    assert _snapshot(tree) == before, "the command wrote something before it stopped"


def test_it_runs_again_once_the_tree_is_fixed(tree):
    data = (tree / "data/figures.yml").read_text(encoding="utf-8")
    _break_data(tree)
    with pytest.raises(FigureDataError):
        start_edition(tree, NEW)
    (tree / "data/figures.yml").write_text(data, encoding="utf-8")
    started = start_edition(tree, NEW)
    assert f"docs/index.{NEW}.md" in started.files


def test_the_command_line_says_what_is_wrong_without_a_traceback(tmp_path):
    for arguments, said in [
        (["--project", str(tmp_path / "nowhere")], "no mkdocs.yml in"),
        (["--project", str(tmp_path)], "run the command there, or give it with --project"),
    ]:
        done = subprocess.run(
            [sys.executable, "-m", "adapter.new_edition", NEW, *arguments],
            cwd=PROJECT,
            capture_output=True,
            text=True,
            env=clean_environment(),
        )
        assert done.returncode == 1 and said in done.stderr and "Traceback" not in done.stderr, done.stderr
        assert "Nothing was written." in done.stderr


def test_it_copies_settings_as_they_are_and_marks_every_text(tree):
    started = plan_edition(tree, NEW)
    words = read_yaml(tree / "data/site_words.yml").data["en"]["words"]
    copied = yaml.safe_load(started.texts["data/site_words.yml"])[NEW]["words"]
    for key in SETTING_WORDS & set(words):
        assert copied[key] == words[key], f"the setting {key} was changed"
    assert "currency_written_as" in SETTING_WORDS and "embed_markdown" in SETTING_WORDS
    config = started.texts["mkdocs.yml"]
    for key in SETTING_WORDS:
        assert f"{MARK}" not in str(copied.get(key, "")), f"the setting {key} is marked for translation"
    # English quotation marks are the edition's to change: every word that holds one is marked.
    for key, value in words.items():
        if key not in SETTING_WORDS and isinstance(value, str) and any(mark in value for mark in "“”"):
            assert copied[key].startswith(MARK), f"{key}: {copied[key]!r} copies English quotation marks unmarked"
    assert "[not yet translated]" in config


def test_the_name_it_is_given_reaches_the_selector_as_text(tree):
    name = '<img src=x onerror=alert(1)>"Español'
    start_edition(tree, NEW, name=name)
    entry = next(e for e in settings_in_mkdocs_yml(read_config(tree / "mkdocs.yml"))["languages"] if e["locale"] == NEW)
    assert entry["name"] == name, "mkdocs.yml does not hold the name as given"
    templates = Path(material.__file__).parent / "templates"
    env = Environment(loader=ChoiceLoader([FileSystemLoader(PROJECT / "overrides"), FileSystemLoader(templates)]))
    env.filters["url"] = lambda value: value
    html = env.get_template("partials/alternate.html").render(
        config={"theme": {"icon": {}}},
        lang={"t": lambda key: key},
        page_alternates=[{"link": "/es/", "lang": NEW, "name": name}],
    )
    assert name not in html and str(escape(name)) in html


def test_material_still_ships_its_translations_where_the_command_looks():
    """adapter/wrappers/material.py reads Material 9.8.2's partials/languages/<language>.html."""
    assert {"en", "fr", "ar"} <= set(translations()), (
        "Material no longer ships partials/languages/<language>.html (adapter/wrappers/material.py, translations)"
    )
