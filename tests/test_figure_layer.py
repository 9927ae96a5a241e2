"""The figure layer on its own, without MkDocs: reading, validating, formatting."""

import html
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from figures import FigureDataError, load_dataset
from figures.formatting import Formatter
from figures.templating import text, tooltip
from figures.yamlfile import read_yaml

from helpers import DATA, PROJECT, SCHEMA, DataFileEditor, editions, golden, golden_mismatch, languages

GOLDEN = golden()


@pytest.fixture
def data_file(tmp_path):
    """A writable copy of the real data folder (data file, schema, source)."""
    import shutil

    shutil.copytree(DATA.parent, tmp_path / "data")
    return tmp_path / "data" / "figures.yml"


def load(path: Path):
    return load_dataset(path, path.with_name("figures.schema.json"), "figures.yml")


def test_real_data_file_loads():
    dataset = load(DATA)
    assert {f.id: f.value for f in dataset.figures.values()} == {
        figure_id: g["value"] for figure_id, g in GOLDEN["figures"].items()
    }
    assert dataset.source.author is None and dataset.source.publisher is None and dataset.source.url is None


@pytest.mark.parametrize("language", languages())
def test_renderings_match_the_golden_file(language):
    dataset = load(DATA)
    fmt = Formatter(editions()[language])
    shown = {f.id: fmt.qualified(f.value, f.qualifier, f.currency) for f in dataset.figures.values()}
    expected = {figure_id: g["shown"][language] for figure_id, g in GOLDEN["figures"].items()}
    assert shown == expected, golden_mismatch("shown", language, shown, expected)


# A date is one unit: no-break spaces (U+00A0) keep a line from breaking inside it.
@pytest.mark.parametrize(
    "iso, expected",
    [("2017-11-16", "16\u00a0November\u00a02017"), ("2004", "2004"), ("2017-01-01", "1\u00a0January\u00a02017")],
)
def test_english_dates(iso, expected):
    assert Formatter(editions()["en"]).date(iso) == expected


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


def test_an_error_pickles_whole():
    """Raised where a preview image is drawn beside `mkdocs serve`'s build,
    in a process of its own, an error reaches the build with all its parts."""
    import pickle

    error = FigureDataError("no such id", file="d.yml", line=4, key=("a", 1), expected="an id", suggestion="b")
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), copy.message, copy.key) == (FigureDataError, error.message, ("a", 1))
    assert (str(copy), copy.args) == (str(error), error.args)
    assert copy.message == "d.yml, line 4, at a › [1]: no such id; expected an id. Did you mean 'b'?"


def test_dates_stay_iso_text(tmp_path):
    path = tmp_path / "d.yml"
    path.write_text("date: 2017-11-16\n", encoding="utf-8")
    assert read_yaml(path).data == {"date": "2017-11-16"}


def test_empty_file_is_an_error(tmp_path):
    path = tmp_path / "d.yml"
    path.write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(FigureDataError, match="the file is empty"):
        read_yaml(path)


RAW = read_yaml(DATA).data
FIGURE = next(iter(RAW["figures"]))
MONEY = next(fid for fid, f in RAW["figures"].items() if f.get("currency"))
PERIOD = next(pid for pid, p in RAW["periods"].items() if p.get("inferred"))
QUOTE = next(iter(RAW["quotes"]))


@pytest.mark.parametrize(
    "key, written, message",
    [
        (("schema_version",), "2", "the number 2 is not an allowed value"),
        (("figures", FIGURE, "value"), "-80", "-80 is less than the minimum of 0"),
        (("figures", FIGURE, "value"), "80.5", "'80.5' is a number with a fraction; expected a whole number"),
        (("source", "date_published"), '"16/11/2017"', "has the wrong form"),
        (("figures", MONEY, "currency"), "dollars", "the text 'dollars' has the wrong form"),
        (("periods", PERIOD, "inferred"), "[finish]", "the text 'finish' is not an allowed value"),
        (("quotes", QUOTE, "paragraph"), "0", "0 is less than the minimum of 1"),
    ],
)
def test_schema_rejects(data_file, key, written, message):
    DataFileEditor(data_file).set(key, written)
    with pytest.raises(FigureDataError, match=re.escape(message)):
        load(data_file)


def test_schema_rejects_an_unknown_field(data_file):
    DataFileEditor(data_file).rename(("source", "author"), "authors")
    with pytest.raises(FigureDataError, match="unknown field 'authors'"):
        load(data_file)


@pytest.mark.parametrize(
    "schema_file", [SCHEMA, PROJECT / "adapter" / "checks" / "extra.schema.json"], ids=lambda p: p.name
)
def test_each_schema_is_a_valid_json_schema(schema_file):
    """The build holds a schema to JSON Schema's own only when validating
    with it fails (figures/schema.py): this test holds it on every change."""
    import json

    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(json.loads(schema_file.read_text(encoding="utf-8")))


def test_schema_documents_every_field():
    import json

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for name, definition in schema["$defs"].items():
        for field, spec in definition.get("properties", {}).items():
            assert "description" in spec or "$ref" in spec, f"{name}.{field} is undocumented"


def test_a_mistake_in_the_schema_is_named_with_its_file(data_file):
    import json

    schema_file = data_file.with_name(SCHEMA.name)
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    schema["properties"]["figures"]["minProperties"] = "one"  # a number, in JSON Schema
    schema_file.write_text(json.dumps(schema), encoding="utf-8")
    with pytest.raises(FigureDataError, match=r"not a valid JSON Schema at properties/figures/minProperties") as caught:
        load(data_file)
    assert SCHEMA.name in str(caught.value)


def test_period_must_not_end_before_it_starts(data_file):
    period = next(pid for pid, p in RAW["periods"].items() if p.get("start") and p.get("end"))
    DataFileEditor(data_file).set(("periods", period, "start"), '"2999-01-01"')
    with pytest.raises(FigureDataError, match=r"starts .* after it ends"):
        load(data_file)


def test_text_neutralises_html_and_markdown():
    assert str(text("<b>*x*</b> & [a](b)")) == "&lt;b&gt;&#42;x&#42;&lt;/b&gt; &amp; &#91;a&#93;(b)"


@given(st.text(alphabet=st.sampled_from("&<>\"'\\`*_{}[]|~^=#;a1 مZ")) | st.text())
def test_text_and_tooltips_read_back_and_hold_no_markup_character(value):
    shown, tip = str(text(value)), str(tooltip(value))
    assert html.unescape(shown) == value
    assert html.unescape(html.unescape(tip)) == value  # Material decodes the attribute, then inserts it as HTML
    assert not set(shown + tip) & set("<>\"'\\`*_{}[]|~^=")


@pytest.mark.parametrize(
    "value, stated, not_stated",
    [
        (175_000_000, {"175 million", "175,000,000"}, set()),
        (22_500, {"22,500", "22.5 thousand"}, {"22 thousand", "23 thousand"}),
        (1_500_000, {"1.5 million"}, {"2 million"}),
        (999_999, {"999,999"}, {"1000 thousand", "1 million"}),
    ],
)
def test_a_source_states_a_value_only_in_an_exact_spelling(value, stated, not_stated):
    from figures.formatting import source_spellings

    spellings = source_spellings(value, "en")
    assert stated <= spellings and not (not_stated & spellings)


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("Mr. Zerouali said so. He left.", ["Mr. Zerouali said so.", "He left."]),
        (
            "Dr. Smith met the U.S. envoy on Monday. Then he left.",
            ["Dr. Smith met the U.S. envoy on Monday.", "Then he left."],
        ),
        ("A title\n\nWritten by | Thursday\nOne. Two?", ["A title", "Written by | Thursday", "One.", "Two?"]),
    ],
)
def test_sentences_end_at_full_stops_not_at_abbreviations(text, sentences):
    from figures.source_text import split_sentences

    assert split_sentences(text, "en") == sentences
