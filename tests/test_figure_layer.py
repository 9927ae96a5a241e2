"""The figure layer on its own, without MkDocs: reading, validating, formatting."""

from pathlib import Path

import pytest

from conftest import PROJECT
from figures import FigureDataError, load_dataset
from figures.formatting import Formatter
from figures.html import text
from figures.yamlfile import read_yaml

DATA = PROJECT / "data" / "figures.yml"
SCHEMA = PROJECT / "data" / "figures.schema.json"


@pytest.fixture
def data_file(tmp_path):
    """A writable copy of the real data file beside its schema."""
    copy = tmp_path / "figures.yml"
    copy.write_text(DATA.read_text(encoding="utf-8"), encoding="utf-8")
    return copy


def load(path: Path):
    return load_dataset(path, SCHEMA, "figures.yml")


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_real_data_file_loads():
    dataset = load(DATA)
    assert set(dataset.figures) == {
        "networks-dismantled", "migration-attempts-prevented", "cells-busted",
        "extremist-trafficking-earnings", "people-regularised", "voluntary-returns"}
    assert dataset.figure("people-regularised").value == 23000
    assert dataset.source.author is None and dataset.source.publisher is None and dataset.source.url is None


@pytest.mark.parametrize("value, qualifier, currency, expected", [
    (80, "as-stated", None, "80"),
    (50000, "as-stated", None, "50,000"),
    (3000, "as-stated", None, "3,000"),
    (175000000, "as-much-as", "USD", "as much as US$175 million"),
    (23000, "more-than", None, "more than 23,000"),
    (22000, "as-stated", None, "22,000"),
])
def test_english_renderings(value, qualifier, currency, expected):
    assert Formatter("en").qualified(value, qualifier, currency) == expected


@pytest.mark.parametrize("iso, expected", [("2017-11-16", "16 November 2017"), ("2004", "2004"),
                                           ("2017-01-01", "1 January 2017")])
def test_english_dates(iso, expected):
    assert Formatter("en").date(iso) == expected


def test_records_are_immutable():
    dataset = load(DATA)
    with pytest.raises(AttributeError):
        dataset.figure("voluntary-returns").value = 1
    with pytest.raises(TypeError):
        dataset.figures["new"] = None


def test_unknown_id_suggests_the_closest():
    with pytest.raises(FigureDataError, match="Did you mean 'voluntary-returns'"):
        load(DATA).figure("voluntary-return")


def test_duplicate_key_names_both_lines(tmp_path):
    path = tmp_path / "d.yml"
    path.write_text("a:\n  b: 1\n  c: 2\n  b: 3\n", encoding="utf-8")
    with pytest.raises(FigureDataError) as raised:
        read_yaml(path, "d.yml")
    assert str(raised.value).startswith("d.yml, line 4, at a › b: duplicate key 'b' (first defined on line 2)")


def test_dates_stay_iso_text(tmp_path):
    path = tmp_path / "d.yml"
    path.write_text("date: 2017-11-16\n", encoding="utf-8")
    assert read_yaml(path).data == {"date": "2017-11-16"}


def test_empty_file_is_an_error(tmp_path):
    path = tmp_path / "d.yml"
    path.write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(FigureDataError, match="the file is empty"):
        read_yaml(path)


@pytest.mark.parametrize("old, new, message", [
    ("schema_version: 1", "schema_version: 2", "the number 2 is not an allowed value"),
    ("  networks-dismantled:\n", "  Networks_Dismantled:\n", "has the wrong form"),
    ("    value: 80\n", "    value: -80\n", "-80 is less than the minimum of 0"),
    ("    value: 80\n", "    value: 80.5\n", "wrong type: got the number 80.5; expected a whole number"),
    ('  date_published: "2017-11-16"', '  date_published: "16/11/2017"', "has the wrong form"),
    ("  author: null ", "  authors: null ", "unknown field 'authors'"),
    ("    currency: USD\n", "    currency: dollars\n", "the text 'dollars' has the wrong form"),
    ("    inferred: [end]\n", "    inferred: [finish]\n", "the text 'finish' is not an allowed value"),
    ("    paragraph: 3\n", "    paragraph: 0\n", "0 is less than the minimum of 1"),
])
def test_schema_rejects(data_file, old, new, message):
    replace_in(data_file, old, new)
    with pytest.raises(FigureDataError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load(data_file)


def test_schema_is_valid_and_documents_every_field():
    import json
    from jsonschema import Draft202012Validator
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    for name, definition in schema["$defs"].items():
        for field, spec in definition.get("properties", {}).items():
            assert "description" in spec or "$ref" in spec, f"{name}.{field} is undocumented"


def test_period_must_not_end_before_it_starts(data_file):
    replace_in(data_file, '    start: "2017-01-01"', '    start: "2017-12-01"')
    with pytest.raises(FigureDataError, match="starts .* after it ends"):
        load(data_file)


def test_text_neutralises_html_and_markdown():
    assert str(text("<b>*x*</b> & [a](b)")) == "&lt;b&gt;&#42;x&#42;&lt;/b&gt; &amp; &#91;a&#93;(b)"
