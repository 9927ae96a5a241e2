"""Nothing shows more certainty than the article: wherever a period whose
dates were worked out from the article's date is shown (pages, charts,
embeddable cards, preview images, exports), it says so in the edition's
words, next to the article's own words for it ("so far this year")."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from helpers import addresses, editions, languages, nav_sources, reference_page

NO_BREAK = {"\u00a0": " ", "\u2066": "", "\u2069": ""}


def _plain(text: str) -> str:
    return " ".join(re.sub("[\u00a0\u2066\u2069]", lambda m: NO_BREAK[m.group()], text).split())


def _inferred(dataset) -> dict:
    return {p.id: p for p in dataset.periods.values() if p.inferred}


def _marked(text: str, period, language: str) -> bool:
    """True when `text` gives the period's source wording and says the dates were inferred."""
    words = editions()[language].words
    markers = [_plain(words[key]) for key in ("inferred_start", "inferred_end", "inferred_both")]
    text = _plain(text)
    # The article's words in the edition's language: our translation of them outside English.
    return _plain(period.wording_translation(language)) in text and any(marker in text for marker in markers)


def _page_name(src: str, language: str) -> str:
    return addresses().page(src, language) + "index.html"


def test_the_data_has_inferred_periods_to_check(dataset):
    assert _inferred(dataset), "no period with inferred dates: this file checks nothing"


@pytest.mark.parametrize("language", languages())
def test_every_period_on_every_page_is_marked(pages, dataset, language):
    """Key figures, figure cards, the reference table and the charts' tables
    carry data-figure="period:<id>"; the charts' notes sit in a group that does."""
    inferred, seen = _inferred(dataset), set()
    for src in addresses().pages:
        page = pages[_page_name(src, language)]
        article = page.select_one("article")
        for element in article.select('[data-figure^="period:"]'):
            period_id = element["data-figure"].split(":")[1]
            if period_id in inferred and element["data-figure"].count(":") == 1:
                seen.add(src)
                assert _marked(element.get_text(" "), inferred[period_id], language), (src, element.get_text(" "))
    assert {nav_sources()[0], reference_page()} <= seen, seen


@pytest.mark.parametrize("language", languages())
def test_the_home_pages_key_figures_mark_their_periods(pages, dataset, language):
    items = pages[_page_name("index.md", language)].select(".key-figures li")
    assert len(items) == len(dataset.figures)
    for item in items:
        period = dataset.figure(item["data-figure"]).period
        if period.inferred:
            assert _marked(item.select_one(".key-figures__period").get_text(), period, language)


@pytest.mark.parametrize("language", languages())
def test_every_embeddable_card_marks_its_period(site, dataset, language):
    for figure in dataset.figures.values():
        if not figure.period.inferred:
            continue
        svg = BeautifulSoup((site / addresses().card(figure.id, language)).read_text(encoding="utf-8"), "html.parser")
        shown = " ".join(t.get_text() for t in svg.find_all("text"))
        assert _marked(shown, figure.period, language), (figure.id, shown)
        assert _marked(svg.desc.get_text(), figure.period, language)


@pytest.mark.parametrize("language", languages())
def test_every_preview_image_marks_its_periods(dataset, language):
    """Through the record the image is drawn from, and the lines it places."""
    from figures.html import Renderer
    from figures.preview import laid_out
    from figures.site_files import BuiltPage, page_preview, preview_alt

    renderer = Renderer(dataset, editions()[language], addresses(), "")
    page = BuiltPage(
        source="index.md",
        language=language,
        title="Title",
        description="",
        site_name="Site",
        figures=tuple(dataset.figures),
    )
    preview = page_preview(renderer, page)
    periods = [line.text for line in laid_out(preview) if line.role == "period"]
    assert periods
    for figure in preview.figures[:6]:
        assert figure.period in " ".join(periods)
    for figure_id, shown in zip(page.figures, preview.figures, strict=False):
        period = dataset.figure(figure_id).period
        if period.inferred:
            assert _marked(shown.period, period, language), shown.period
            assert _marked(preview_alt(renderer, preview), period, language)


def test_the_exports_say_which_dates_were_inferred(site, dataset):
    document = json.loads((site / "figures.json").read_text(encoding="utf-8"))
    for record in document["figures"]:
        period = dataset.figure(record["id"]).period
        assert record["period"]["wording"] == period.wording
        assert set(record["period"]["inferred"]) == set(period.inferred)
    package = json.loads((site / "datapackage.json").read_text(encoding="utf-8"))
    fields = {f["name"]: f for resource in package["resources"] for f in resource.get("schema", {}).get("fields", [])}
    for bound in ("period_start", "period_end"):
        assert "inferred" in fields[bound]["description"], fields[bound]["description"]


def test_the_check_catches_a_bare_inferred_date(dataset):
    period = next(iter(_inferred(dataset).values()))
    assert not _marked("1 January 2017 – 16 November 2017", period, "en")
    assert not _marked(f"1 January 2017 – 16 November 2017 (“{period.wording}”)", period, "en")
    assert not _marked(f"1 January 2017 – 16 November 2017 (inferred from “{period.wording}”)", period, "en")
    assert _marked(
        f"1 January 2017 – 16 November 2017 (“{period.wording}”; end inferred from the article’s date)", period, "en"
    )
