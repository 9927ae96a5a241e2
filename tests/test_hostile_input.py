"""A data file that is hostile, or only strange, stops with the one-paragraph
message, quickly: never a traceback, a hang, a blank, or a number read
differently from how it is written. Each case of the README's "When
something is wrong" has a test here or in test_bad_input.py."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figures import FigureDataError, load_dataset
from figures.citation import bibtex
from figures.exports import figures_csv
from figures.jsonld import dataset_jsonld
from figures.yamlfile import read_yaml

from helpers import DATA, PROJECT, DataFileEditor, addresses, editions

RAW = read_yaml(DATA).data
FIGURE = next(iter(RAW["figures"]))
PERIOD = RAW["figures"][FIGURE]["period"]
# Fast enough for a build, slow enough that a hang or a blow-up shows.
TIME_LIMIT = 2.0


@pytest.fixture
def data_dir(tmp_path) -> Path:
    shutil.copytree(PROJECT / "data", tmp_path / "data")
    return tmp_path / "data"


def load(data_dir: Path, name: str = "figures.yml"):
    return load_dataset(data_dir / name, data_dir / "figures.schema.json", f"data/{name}")


def refused(data_dir: Path, name: str = "figures.yml") -> str:
    """The message of the error that loading raises, within the time limit."""
    start = time.monotonic()
    with pytest.raises(FigureDataError) as raised:
        load(data_dir, name)
    assert time.monotonic() - start < TIME_LIMIT, "too slow"
    return str(raised.value)


# -- the reader --------------------------------------------------------------


def test_an_alias_bomb_is_refused_at_once(data_dir):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9)
    )
    (data_dir / "figures.yml").write_text(bomb, encoding="utf-8")
    assert "data/figures.yml, line 1: YAML anchors and aliases (&name, *name) are not allowed" in refused(data_dir)


def test_a_self_referencing_alias_is_refused(data_dir):
    (data_dir / "figures.yml").write_text("a: &a\n  b: *a\n", encoding="utf-8")
    assert "anchors and aliases" in refused(data_dir)


def test_deep_nesting_is_refused_before_it_is_built(data_dir):
    (data_dir / "figures.yml").write_text("a: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    assert "nested more than 20 levels deep" in refused(data_dir)


def test_a_folder_is_refused(data_dir):
    (data_dir / "figures.yml").unlink()
    (data_dir / "figures.yml").mkdir()
    assert "data/figures.yml: the data file is a folder, not a file" in refused(data_dir)


def test_a_fifo_is_refused_without_blocking(data_dir):
    (data_dir / "figures.yml").unlink()
    os.mkfifo(data_dir / "figures.yml")
    assert "is not a regular file (a FIFO, socket or device)" in refused(data_dir)


def test_a_link_to_a_device_is_refused(data_dir):
    (data_dir / "figures.yml").unlink()
    (data_dir / "figures.yml").symlink_to("/dev/zero")
    assert "is not a regular file" in refused(data_dir)


def test_a_symlink_loop_is_refused(data_dir):
    (data_dir / "figures.yml").unlink()
    (data_dir / "figures.yml").symlink_to(data_dir / "loop.yml")
    (data_dir / "loop.yml").symlink_to(data_dir / "figures.yml")
    assert "the data file cannot be read (Too many levels of symbolic links)" in refused(data_dir)


def test_an_unreadable_file_is_refused(data_dir, monkeypatch):
    # Root reads any file whatever its mode, so the refusal is simulated.
    def deny(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", deny)
    assert "the data file cannot be read (Permission denied)" in refused(data_dir)


def test_a_huge_file_is_refused_unread(data_dir):
    with open(data_dir / "figures.yml", "ab") as file:
        file.truncate(5_000_000)
    assert "the data file is 5,000,000 bytes long; expected at most 1,000,000 bytes" in refused(data_dir)


def test_a_file_that_is_not_utf8_is_refused(data_dir):
    (data_dir / "figures.yml").write_bytes(b"a: b\nc: \xff\n")
    assert "data/figures.yml, line 2: the data file is not valid UTF-8" in refused(data_dir)


# -- values ------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, form",
    [
        ("0x59D8", "a number in a YAML 1.1 form"),
        ("054730", "a number in a YAML 1.1 form"),  # octal
        ("6:23:20", "a number in a YAML 1.1 form"),
        ("23_000", "a number in a YAML 1.1 form"),
        ("+23000", "a number in a YAML 1.1 form"),
        ("23000.0", "a number with a fraction"),
        ("2.3e+4", "a number with a fraction"),
    ],
)
def test_numbers_are_plain_decimal_digits(data_dir, written, form):
    editor = DataFileEditor(data_dir / "figures.yml")
    line = editor.line("figures", FIGURE, "value")
    editor.set(("figures", FIGURE, "value"), written)
    assert (
        f"data/figures.yml, line {line}, at figures › {FIGURE} › value: '{written}' is {form}; "
        "expected plain decimal digits: 23000"
    ) in refused(data_dir)


def test_a_value_too_large_to_format_is_refused(data_dir):
    DataFileEditor(data_dir / "figures.yml").set(("figures", FIGURE, "value"), str(10**25))
    assert "is greater than the maximum of 999999999999999" in refused(data_dir)


@pytest.mark.parametrize(
    "written, problem",
    [
        ('"   "', "the text is blank"),
        ('"two\\nlines"', "the text holds a line break"),
        ('"bell\\a"', "the text contains '\\x07' (U+0007), a control character"),
        ('"left\\u202eright"', "the text contains '\\u202e' (U+202E RIGHT-TO-LEFT OVERRIDE), a control character"),
    ],
)
def test_texts_are_one_visible_line(data_dir, written, problem):
    editor = DataFileEditor(data_dir / "figures.yml")
    line = editor.line("figures", FIGURE, "label", "en")
    editor.set(("figures", FIGURE, "label", "en"), written)
    message = refused(data_dir)
    assert f"data/figures.yml, line {line}, at figures › {FIGURE} › label › en: {problem}" in message


def test_an_id_with_a_look_alike_letter_is_named_at_its_own_line(data_dir):
    editor = DataFileEditor(data_dir / "figures.yml")
    editor.rename(("figures", FIGURE), "\u0440" + FIGURE[1:])  # Cyrillic er, looks like Latin p
    line = editor.line("figures", "\u0440" + FIGURE[1:])
    assert (
        f"data/figures.yml, line {line}, at figures › \u0440{FIGURE[1:]}: the id '\u0440{FIGURE[1:]}' "
        "contains 'р' (U+0440 CYRILLIC SMALL LETTER ER)"
    ) in refused(data_dir)


def test_a_reference_with_a_look_alike_letter_says_so(data_dir):
    cyrillic = PERIOD.replace("e", "\u0435", 1)
    DataFileEditor(data_dir / "figures.yml").set(("figures", FIGURE, "period"), cyrillic)
    assert "(it contains 'е' (U+0435 CYRILLIC SMALL LETTER IE), not a Latin letter)" in refused(data_dir)


def test_a_date_that_is_no_day_is_refused(data_dir):
    DataFileEditor(data_dir / "figures.yml").set(("source", "date_published"), '"2017-02-30"')
    assert "'2017-02-30' is not a day of the calendar" in refused(data_dir)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "www.example.org", "https://example.org/a b"])
def test_only_http_addresses_are_accepted(data_dir, url):
    DataFileEditor(data_dir / "figures.yml").set(("source", "url"), json.dumps(url))
    assert "has the wrong form" in refused(data_dir)


# -- exports -------------------------------------------------------------------

ENGLISH = editions()["en"]


def test_csv_cells_cannot_start_a_formula(data_dir):
    editor = DataFileEditor(data_dir / "figures.yml")
    editor.set(("figures", FIGURE, "label", "en"), '"=HYPERLINK(\\"http://example.org\\")"')
    editor.set(("figures", FIGURE, "unit", "en"), '"@SUM(A1)"')
    rows = list(csv.DictReader(io.StringIO(figures_csv(load(data_dir), addresses(), ENGLISH, "Site"), newline="")))
    row = next(r for r in rows if r["id"] == FIGURE)
    assert row["label"] == '\'=HYPERLINK("http://example.org")' and row["unit"] == "'@SUM(A1)"


def test_jsonld_cannot_end_or_comment_out_its_script(data_dir):
    editor = DataFileEditor(data_dir / "figures.yml")
    hostile = "<!--<script></script>&amp;"
    editor.set(("figures", FIGURE, "label", "en"), json.dumps(hostile))
    text = dataset_jsonld(load(data_dir), addresses(), ENGLISH, "name", "description")
    assert not {"<", ">", "&"} & set(text)
    assert hostile in json.loads(text)["variableMeasured"]


def test_bibtex_escapes_the_url(data_dir):
    DataFileEditor(data_dir / "figures.yml").set(("source", "url"), '"https://example.org/a%20b#c"')
    assert "  url = {https://example.org/a\\%20b\\#c}" in bibtex(load(data_dir), ENGLISH, "en")


# -- components with edge values ---------------------------------------------


@pytest.mark.parametrize("values", [[0], [0, 0, 0], [5, 5, 5], [1]])
def test_charts_cope_with_zero_one_and_equal_values(data_dir, values):
    """Every chart and card drawn from figures whose values are zero, one or
    all equal: well-formed SVG, no NaN or infinite coordinate, no negative
    size, and each card states its figure's new value. (The values are set
    on the records: no quote of the article states them.)"""
    import math
    import xml.etree.ElementTree as ElementTree
    from dataclasses import replace
    from types import MappingProxyType

    from figures.cards import CardRenderer
    from figures.charts import CHART_DRAWINGS, ChartRenderer

    real = load(data_dir)
    changed = replace(
        real,
        figures=MappingProxyType(
            {
                figure.id: replace(figure, value=value)
                for figure, value in zip(real.figures.values(), values * len(real.figures), strict=False)
            }
        ),
    )
    assert [f.value for f in changed.figures.values()] != [f.value for f in real.figures.values()]
    for language in editions():  # each direction and script the site writes
        charts = ChartRenderer(changed, editions()[language], addresses(), "")
        components = CardRenderer(changed, editions()[language], addresses(), "")
        drawings = [getattr(charts, method)() for method in CHART_DRAWINGS.values()]
        drawings += [components.card_drawing(figure) for figure in changed.figures.values()]
        for drawing in filter(None, drawings):
            svg = str(drawing.svg(standalone=True))
            root = ElementTree.fromstring(svg)
            for element in root.iter():
                for name in ("x", "y", "width", "height", "x1", "x2", "y1", "y2"):
                    if name in element.attrib:
                        number = float(element.attrib[name].removesuffix("%"))
                        assert math.isfinite(number), (drawing.name, name, element.attrib)
                        assert name not in ("width", "height") or number >= 0, (drawing.name, element.attrib)
        for figure in changed.figures.values():
            shown = components.fmt.qualified(figure.value, figure.qualifier, figure.currency)
            assert shown in str(components.card_drawing(figure).svg(standalone=True)), (figure.id, shown)


def test_charts_cope_with_no_figure_to_draw(data_dir):
    from dataclasses import replace
    from types import MappingProxyType

    from figures.charts import ChartRenderer

    empty = replace(load(data_dir), figures=MappingProxyType({}))
    components = ChartRenderer(empty, ENGLISH, addresses(), "")
    assert str(components.timeline_chart()) == ""


# -- property-based: never another exception, never a hang --------------------

_HYPOTHESIS = settings(
    max_examples=120,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
_REAL_LINES = DATA.read_text(encoding="utf-8").splitlines(keepends=True)
_SCRATCH = Path(tempfile.mkdtemp(prefix="hostile-data-"))
shutil.copytree(PROJECT / "data", _SCRATCH / "data", dirs_exist_ok=True)


def _loads_or_refuses(text: str) -> None:
    path = _SCRATCH / "data" / "figures.yml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    start = time.monotonic()
    with contextlib.suppress(FigureDataError):
        load(path.parent)
    assert time.monotonic() - start < TIME_LIMIT


@_HYPOTHESIS
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=400))
def test_any_text_loads_or_is_refused(text):
    _loads_or_refuses(text)


_yamlish = st.text(alphabet=st.sampled_from(list("abc: -[]{}&*!|>'\"#,?%@`\n\t0123456789.xe")), max_size=30)


@_HYPOTHESIS
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["delete", "duplicate", "insert", "swap", "truncate"]),
            st.integers(min_value=0, max_value=len(_REAL_LINES) - 1),
            st.integers(min_value=0, max_value=len(_REAL_LINES) - 1),
            _yamlish,
        ),
        min_size=1,
        max_size=4,
    )
)
def test_mutations_of_the_real_file_load_or_are_refused(mutations):
    lines = list(_REAL_LINES)
    for operation, first, second, noise in mutations:
        first, second = first % len(lines), second % len(lines)
        if operation == "delete":
            del lines[first]
        elif operation == "duplicate":
            lines.insert(first, lines[first])
        elif operation == "insert":
            lines.insert(first, noise + "\n")
        elif operation == "swap":
            lines[first], lines[second] = lines[second], lines[first]
        else:
            lines[first] = lines[first][: len(lines[first]) // 2] + noise + "\n"
        if not lines:
            break
    _loads_or_refuses("".join(lines))
