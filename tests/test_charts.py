"""Charts are drawn from the data, state their values to assistive
technology, and come with the same data as a table."""

import pytest


@pytest.fixture
def people_chart(pages):
    return pages["index.html"].select_one('figure.chart[data-figure="chart:people"]')


@pytest.fixture
def timeline(pages):
    return pages["source-and-method/index.html"].select_one('figure.chart[data-figure="chart:timeline"]')


def test_charts_are_accessible_images_with_their_values_in_words(people_chart, timeline):
    for chart in (people_chart, timeline):
        svg = chart.svg
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert svg.find(id=title_id).name == "title" and svg.find(id=desc_id).name == "desc"
    description = people_chart.svg.desc.get_text()
    for words in ("Irregular-migration attempts prevented: 50,000, 1 January 2017 – 16 November 2017.",
                  "People given legal stay: more than 23,000, up to 16 November 2017, start not stated.",
                  "Voluntary returns: 22,000, up to 16 November 2017, start not stated."):
        assert words in description


def test_people_chart_bars_share_one_scale(people_chart):
    # 230 units for the largest value (50,000): the others are hand-computed.
    widths = {g["data-figure"]: float(g.rect["width"]) for g in people_chart.svg.find_all("g")}
    assert widths == {"migration-attempts-prevented": 230.0, "people-regularised": 105.8,
                      "voluntary-returns": 101.2}


def test_people_chart_marks_the_more_than_figure(people_chart):
    marked = [g["data-figure"] for g in people_chart.svg.find_all("g") if g.find("path", class_="chart__more")]
    assert marked == ["people-regularised"]
    values = [t.get_text() for t in people_chart.svg.select("text.chart__value")]
    assert values == ["50,000", "more than 23,000", "22,000"]


def test_timeline_draws_each_period_and_marks_the_open_one(timeline):
    groups = {g["data-figure"]: g for g in timeline.svg.find_all("g")}
    assert list(groups) == ["period:since-2004", "period:year-to-date-2017", "period:to-date"]
    assert "chart__span--open" in groups["period:to-date"].rect["class"]
    assert "chart__span--open" not in groups["period:since-2004"].rect["class"]
    # One axis from the earliest stated start to the article's date.
    start, end = timeline.svg.select("text[data-figure^='period:']")[-2:]
    assert (start.get_text(), end.get_text()) == ("2004", "16 November 2017")
    since = groups["period:since-2004"].rect
    assert float(since["x"]) == 6 and float(since["width"]) == pytest.approx(348)


def test_each_chart_has_its_data_as_a_table(people_chart, timeline):
    rows = people_chart.select("details table tbody tr")
    assert [r["data-figure"] for r in rows] == ["migration-attempts-prevented", "people-regularised",
                                                "voluntary-returns"]
    assert rows[1].select_one("a.fig").get_text() == "more than 23,000 people"
    assert len(timeline.select("details table tbody tr")) == 5
