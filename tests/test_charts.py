"""Charts are drawn from the data, carry their title, legend and source
inside the image, state their values to assistive technology, come with the
same data as a table, and can be downloaded as a standalone SVG that stands
alone. No chart sets figures side by side on one scale: the article never
compares them."""

import posixpath
import re
import xml.etree.ElementTree as ElementTree

import pytest

from helpers import PROJECT, addresses, editions, golden, languages, nav_sources

GOLDEN = golden()
SVG = "{http://www.w3.org/2000/svg}"
# The page (built file of the default edition) that calls each chart's macro.
_MACROS = {"timeline_chart(": "chart-timeline"}
CHARTS = {
    addresses().page(src) + "index.html": chart
    for src in nav_sources()
    for macro, chart in _MACROS.items()
    if macro in (PROJECT / "docs" / src).read_text(encoding="utf-8")
}
TIMELINE_PAGE = next(page for page, c in CHARTS.items() if c == "chart-timeline")


def _chart(pages, page: str):
    return pages[page].select_one(f'figure.chart[data-figure="{CHARTS[page]}"]')


@pytest.fixture
def timeline(pages):
    return _chart(pages, TIMELINE_PAGE)


def _texts(chart) -> list[str]:
    return [t.get_text() for t in chart.svg.find_all("text")]


def _timeline_figures(dataset) -> list:
    """The figures the timeline draws, from the data: those over a period with
    an end and no recurrence. The data holds some, or the chart tests prove nothing."""
    figures = [f for f in dataset.figures.values() if f.period.end and not f.period.recurrence]
    assert figures, "data/figures.yml has no figure over a bounded period: the timeline would be empty"
    return figures


def test_charts_are_accessible_images_with_their_values_in_words(timeline, dataset):
    for chart in (timeline,):
        svg = chart.svg
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert svg.find(id=title_id).name == "title" and svg.find(id=desc_id).name == "desc"
        description = svg.desc.get_text()
        shown = {t["data-figure"] for t in chart.select("tbody tr")}
        assert shown == {f.id for f in _timeline_figures(dataset)}, "the chart's table holds the timeline's figures"
        for figure_id in shown:
            assert f"{GOLDEN['figures'][figure_id]['shown']['en']}, " in description


def test_the_home_page_sets_no_figures_side_by_side_on_one_scale(pages):
    """The article never relates its counts to one another (23,000 given
    legal stay, 22,000 returned): the home page shows them one by one."""
    for language in languages():
        home = addresses().page("index.md", language) + "index.html"
        assert pages[home].select("figure.chart") == [], home
        assert pages[home].select(".key-figures li"), home


@pytest.mark.parametrize("page", list(CHARTS))
def test_title_above_and_source_line_inside_the_image(pages, page, dataset):
    chart = _chart(pages, page)
    texts = chart.svg.find_all("text")
    title = [t for t in texts if "drawing__title" in t["class"]]
    assert " ".join(t.get_text() for t in title) == chart.svg.title.get_text()
    assert float(title[0]["y"]) == min(float(t["y"]) for t in texts)
    source = " ".join(t.get_text() for t in chart.svg.select('g[data-figure="source"] text'))
    assert dataset.source.title.split(":")[0] in source and GOLDEN["article_date"]["en"] in source
    assert max(float(t["y"]) for t in texts) < float(chart.svg["viewbox"].split()[3])


def test_timeline_draws_an_unknown_start_as_unknown_with_year_ticks(timeline, dataset):
    groups = {g["data-figure"]: g for g in timeline.svg.find_all("g") if g.get("data-figure", "").startswith("period:")}
    shown = [
        p
        for p in dataset.periods.values()
        if p.end and not p.recurrence and any(f.period is p for f in dataset.figures.values())
    ]
    assert set(groups) == {f"period:{p.id}" for p in shown}
    gradient_ids = {g["id"] for g in timeline.svg.find_all("lineargradient")}
    for period in shown:
        bar = groups[f"period:{period.id}"].rect
        if period.start is None:
            # Fades in from nothing: no solid class, a gradient of its own.
            assert bar["class"] == ["chart__span--open"] and bar["fill"].startswith("url(#")
            assert bar["fill"][5:-1] in gradient_ids
        else:
            assert bar["class"] == ["chart__span"] and not bar.get("fill")
    first_year = min(int(p.start[:4]) for p in shown if p.start)
    last_year = int(GOLDEN["article_date"]["en"][-4:])
    assert len(timeline.svg.select("line.chart__tick-mark")) == last_year - first_year + 1
    years = [int(t.get_text()) for t in timeline.svg.select('text[data-figure^="year:"]')]
    assert years[0] == first_year and len(years) >= 3 and years == sorted(years)
    assert (
        timeline.svg.select_one('text[data-figure="source:date_published"]').get_text() == GOLDEN["article_date"]["en"]
    )
    assert "Fading bar" in " ".join(_texts(timeline))


def test_each_chart_has_its_data_as_a_table(timeline, dataset):
    rows = timeline.select("details table tbody tr")
    assert sorted(row["data-figure"] for row in rows) == sorted(f.id for f in _timeline_figures(dataset))
    for row in rows:
        assert row.select_one("a.fig").get_text() == GOLDEN["figures"][row["data-figure"]]["with_unit"]["en"]


@pytest.mark.parametrize("language", languages())
@pytest.mark.parametrize("page", list(CHARTS))
def test_download_is_a_standalone_svg_that_stands_alone(pages, site, page, language):
    page_path = addresses().editions[language] + page
    chart = pages[page_path].select_one(f'figure.chart[data-figure="{CHARTS[page]}"]')
    link = chart.select_one("a.chart__download")
    assert link.has_attr("download")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), link["href"]))
    content = (site / target).read_text(encoding="utf-8")
    root = ElementTree.fromstring(content)  # well-formed XML
    assert root.tag == f"{SVG}svg" and root.get("width") and root.get("height")
    assert root.get("lang") == language and root.get("direction") == editions()[language].direction
    assert root.find(f"{SVG}rect").get("class") == "drawing__background"
    # Nothing outside the file: no link, image, font or stylesheet address.
    assert not re.search(r"(?:href|src)\s*=|@import|url\((?!#)", content)
    # The same drawing as the page's, with its own colours.
    assert ["".join(t.itertext()) for t in root.iter(f"{SVG}text")] == _texts(chart)


@pytest.mark.parametrize("language", languages())
@pytest.mark.parametrize("page", list(CHARTS))
def test_the_articles_title_is_marked_in_its_own_language(pages, page, language, dataset):
    """In an edition of another language, the article's title inside a chart
    carries the article's `lang`, so that a screen reader reads it as written."""
    source = dataset.source
    chart = pages[addresses().editions[language] + page].select_one(f'figure.chart[data-figure="{CHARTS[page]}"]')
    marked = " ".join(
        run.get_text() for run in chart.svg.select(f'[data-figure="source"] tspan[lang="{source.language}"]')
    )
    if language == source.language:
        assert marked == ""
        return
    # The isolates and quotation marks that hold the title may go with it.
    marked = re.sub(r"[\u2066-\u2069«»“”]", "", marked)
    assert marked and all(word in source.title for word in marked.split()), marked
    assert " ".join(marked.split()) == " ".join(source.title.split()), (marked, source.title)
