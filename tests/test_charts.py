"""Charts are drawn from the data, state their values to assistive
technology, and come with the same data as a table."""

import pytest

from figures import load_dataset
from helpers import DATA, golden

DATASET = load_dataset(DATA, DATA.with_name("figures.schema.json"))
GOLDEN = golden()


@pytest.fixture
def people_chart(pages):
    return pages["index.html"].select_one('figure.chart[data-figure="chart:people"]')


@pytest.fixture
def timeline(pages):
    return pages["source-and-method/index.html"].select_one('figure.chart[data-figure="chart:timeline"]')


def _bars(chart) -> dict:
    return {g["data-figure"]: g for g in chart.svg.find_all("g") if g.rect is not None}


def test_charts_are_accessible_images_with_their_values_in_words(people_chart, timeline):
    for chart in (people_chart, timeline):
        svg = chart.svg
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert svg.find(id=title_id).name == "title" and svg.find(id=desc_id).name == "desc"
    description = people_chart.svg.desc.get_text()
    for figure_id in _bars(people_chart):
        figure = DATASET.figure(figure_id)
        assert f"{figure.label('en')}: {GOLDEN['figures'][figure_id]['shown']['en']}, " in description


def test_people_chart_bars_share_one_scale(people_chart):
    bars = _bars(people_chart)
    assert len(bars) >= 2
    values = {figure_id: GOLDEN["figures"][figure_id]["value"] for figure_id in bars}
    top = max(values.values())
    widths = {figure_id: float(g.rect["width"]) for figure_id, g in bars.items()}
    # The largest value fills the 230 units of bar room; the others in proportion.
    assert widths == {figure_id: pytest.approx(230 * value / top, abs=0.05) for figure_id, value in values.items()}


def test_people_chart_marks_the_more_than_figures(people_chart):
    bars = _bars(people_chart)
    marked = [figure_id for figure_id, g in bars.items() if g.find("path", class_="chart__more")]
    assert marked == [figure_id for figure_id in bars if DATASET.figure(figure_id).qualifier == "more-than"]
    values = [t.get_text() for t in people_chart.svg.select("text.chart__value")]
    assert values == [GOLDEN["figures"][figure_id]["shown"]["en"] for figure_id in bars]


def test_timeline_draws_each_period_and_marks_the_open_one(timeline):
    groups = {g["data-figure"]: g for g in timeline.svg.find_all("g") if g.get("data-figure", "").startswith("period:")}
    shown = [p for p in DATASET.periods.values() if p.end and not p.recurrence
             and any(f.period is p for f in DATASET.figures.values())]
    assert set(groups) == {f"period:{p.id}" for p in shown}
    for period in shown:
        open_start = "chart__span--open" in groups[f"period:{period.id}"].rect["class"]
        assert open_start == (period.start is None), period.id
    # One axis from the earliest stated start to the article's date.
    start, end = timeline.svg.select("text[data-figure^='period:']")[-2:]
    assert start.get_text() == min(p.start for p in shown if p.start)[:4]
    assert end.get_text() == GOLDEN["article_date"]["en"]


def test_each_chart_has_its_data_as_a_table(people_chart, timeline):
    rows = people_chart.select("details table tbody tr")
    assert [r["data-figure"] for r in rows] == list(_bars(people_chart))
    for row in rows:
        assert row.select_one("a.fig").get_text() == GOLDEN["figures"][row["data-figure"]]["with_unit"]["en"]
    timeline_figures = [f for f in DATASET.figures.values() if f.period.end and not f.period.recurrence]
    assert len(timeline.select("details table tbody tr")) == len(timeline_figures)
