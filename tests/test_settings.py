"""Every setting is checked where it enters, and its message names it: the
shell's SITE_URL, ISSUES_URL and SOURCE_DATE_EPOCH, each key under `extra`
(adapter/checks/extra.schema.json), and the moved pages, which must never send a
redirect outside the site. Unit tests of adapter/checks/settings.py, then builds
that prove the wiring: the build stops with the message, without a
traceback, and writes nothing outside the site.
"""

from __future__ import annotations

import pytest

from adapter.checks.settings import build_date, check_environment, check_extra
from figures import FigureDataError

from helpers import PROJECT, build, declare_move, nav_sources, site_config

CONFIG = {"site_url": "http://127.0.0.1:8000/", "extra": {"issues_url": ""}}

BAD_ENVIRONMENT = [
    ({"SITE_URL": ""}, "SITE_URL is empty"),
    ({"SITE_URL": 'http://x/"><script>alert(1)</script>'}, "SITE_URL ('http://x/\"><script>"),
    ({"SITE_URL": "http://x/{a}/"}, "holds '{'"),
    ({"SITE_URL": "http://x/ y/"}, "holds ' '"),
    ({"SITE_URL": "javascript:alert(1)//"}, "SITE_URL ('javascript:alert(1)//') is not an http or https address"),
    ({"SITE_URL": "ftp://x/"}, "is not an http or https address"),
    ({"SITE_URL": "https:///"}, "is not an http or https address"),
    ({"SITE_URL": "https://x/" + "a" * 400}, "SITE_URL is 410 characters long"),
    ({"ISSUES_URL": "javascript:alert(1)"}, "ISSUES_URL ('javascript:alert(1)') is not an http or https address"),
    ({"ISSUES_URL": "https://x/'onmouseover='y"}, "ISSUES_URL"),
    ({"SOURCE_DATE_EPOCH": "abc"}, "SOURCE_DATE_EPOCH is 'abc', which is not a whole number of seconds"),
    ({"SOURCE_DATE_EPOCH": "1.5"}, "SOURCE_DATE_EPOCH is '1.5'"),
    ({"SOURCE_DATE_EPOCH": "-1"}, "SOURCE_DATE_EPOCH is '-1'"),
    ({"SOURCE_DATE_EPOCH": "99999999999999"}, "SOURCE_DATE_EPOCH is '99999999999999'"),
    ({"SOURCE_DATE_EPOCH": "١٢٣"}, "SOURCE_DATE_EPOCH is '١٢٣'"),  # Arabic-Indic digits: isdigit() is not enough
    ({"SOURCE_DATE_EPOCH": ""}, "SOURCE_DATE_EPOCH is ''"),
]


def _config(environ: dict) -> dict:
    """mkdocs.yml's values as MkDocs reads them, with `environ` in the shell (!ENV)."""
    extra = {"issues_url": environ.get("ISSUES_URL", "")}
    return {"site_url": environ.get("SITE_URL", CONFIG["site_url"]), "extra": extra}


@pytest.mark.parametrize("environ, said", BAD_ENVIRONMENT, ids=[repr(e)[:50] for e, _ in BAD_ENVIRONMENT])
def test_a_bad_setting_in_the_shell_is_refused_naming_it(environ, said):
    with pytest.raises(FigureDataError) as raised:
        check_environment(_config(environ), environ)
    assert said in str(raised.value)
    assert next(iter(environ)) in str(raised.value), "the message does not name the variable"


@pytest.mark.parametrize(
    "environ",
    [
        {},
        {"SITE_URL": "https://owner.github.io/repo/"},
        {"ISSUES_URL": "https://github.com/o/r/issues"},
        {"ISSUES_URL": ""},
        {"SOURCE_DATE_EPOCH": "1764633600"},
        {"SOURCE_DATE_EPOCH": "0"},
    ],
)
def test_good_settings_pass(environ):
    check_environment(_config(environ), environ)


def test_the_build_date_is_source_date_epochs_day_when_it_is_set():
    assert build_date({"SOURCE_DATE_EPOCH": "1510790400"}) == "2017-11-16"


BAD_EXTRA = [
    ({"moved_pages": ["a.md"]}, "mkdocs.yml, at extra › moved_pages: wrong type: got a list"),
    ({"moved_pages": {"../../x.md": "index.md"}}, "the text '../../x.md' has the wrong form"),
    ({"moved_pages": {"/tmp/x.md": "index.md"}}, "the text '/tmp/x.md' has the wrong form"),
    ({"moved_pages": {"gone.md": "../index.md"}}, "at extra › moved_pages › gone.md: the text '../index.md'"),
    ({"moved_pages": {"a/../../x.md": "index.md"}}, "has the wrong form"),
    ({"moved_pages": {"gone.md": 5}}, "wrong type: got the number 5"),
    (
        {"moved_pages": {"index.md": "figures.md"}},
        "extra › moved_pages › index.md: the page 'index.md' is declared moved, but docs/index.md still exists",
    ),
    ({"moved_pages": {"a.md": "a.md"}}, "extra › moved_pages › a.md: the page 'a.md' is moved to itself"),
    ({"moved_pages": {"a.md": "b.md", "b.md": "a.md"}}, "the moved pages go round a loop: a.md → b.md → a.md"),
    ({"moved_pages": {"a.md": "b.md", "b.md": "index.md"}}, "which is itself declared moved"),
    ({"issues_url": 5}, "mkdocs.yml, at extra › issues_url: wrong type: got the number 5"),
    ({"reference_rows_at_most": "many"}, "at extra › reference_rows_at_most: wrong type: got the text 'many'"),
    ({"reference_rows_at_most": 0}, "reference_rows_at_most"),
    ({"moved_page": {}}, "unknown field 'moved_page'"),
    ({"generator": "no"}, "at extra › generator: wrong type"),
]


@pytest.mark.parametrize("extra, said", BAD_EXTRA, ids=[repr(e)[:50] for e, _ in BAD_EXTRA])
def test_a_bad_key_under_extra_is_refused_naming_it(extra, said):
    with pytest.raises(FigureDataError) as raised:
        check_extra({"extra": extra}, PROJECT / "docs", nav_sources())
    assert said in str(raised.value)


def test_the_real_extra_passes():
    check_extra(site_config(), PROJECT / "docs", nav_sources())


# -- the wiring: real builds ---------------------------------------------------


def test_an_empty_site_url_stops_the_build_with_its_name(project_copy, tmp_path):
    result = build(project_copy, tmp_path / "site", strict=False, SITE_URL="")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "SITE_URL is empty" in output and "Traceback" not in output, output


def test_a_move_out_of_the_site_writes_nothing_outside_it(project_copy, tmp_path):
    declare_move(project_copy / "mkdocs.yml", "../../escaped.md", nav_sources()[-1])
    result = build(project_copy, tmp_path / "out" / "site", strict=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "mkdocs.yml, at extra › moved_pages: the text '../../escaped.md' has the wrong form" in output, output
    assert "Traceback" not in output
    assert not list(tmp_path.rglob("escaped*")), "a redirect was written outside the site"


# -- text fields: a sensible length --------------------------------------------


def test_a_text_or_id_of_unreasonable_length_is_refused_at_its_line(tmp_path):
    import shutil

    from figures import load_dataset
    from figures.editions import load_editions
    from figures.text_rules import ID_AT_MOST, TEXT_AT_MOST
    from figures.yamlfile import read_yaml

    from helpers import DataFileEditor, languages

    shutil.copytree(PROJECT / "data", tmp_path / "data")
    data = DataFileEditor(tmp_path / "data" / "figures.yml")
    figure = next(iter(read_yaml(data.path).data["figures"]))
    data.set(("figures", figure, "label", languages()[0]), '"' + "x" * (TEXT_AT_MOST + 1) + '"')
    with pytest.raises(
        FigureDataError,
        match=rf"line \d+, at figures › {figure} › label › {languages()[0]}: "
        rf"the text is {TEXT_AT_MOST + 1} characters long",
    ):
        load_dataset(data.path, data.path.with_name("figures.schema.json"), "data/figures.yml")
    shutil.copy(PROJECT / "data" / "figures.yml", data.path)
    data.rename(("figures", figure), "a" * (ID_AT_MOST + 1))
    with pytest.raises(FigureDataError, match=f"is {ID_AT_MOST + 1} characters long"):
        load_dataset(data.path, data.path.with_name("figures.schema.json"), "data/figures.yml")
    words = tmp_path / "data" / "site_words.yml"
    words.write_text(
        words.read_text(encoding="utf-8").replace(
            "    figure: Figure\n", "    figure: " + "y" * (TEXT_AT_MOST + 1) + "\n", 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(FigureDataError, match=r"data/site_words.yml, line \d+, at en › words › figure: the text is"):
        load_editions(words, languages(), "data/site_words.yml")
