"""The English, French and Arabic editions: the same figures from the same
data, rendered as each language writes them, never drifting."""

import json
from xml.etree import ElementTree

import pytest

from figures import load_dataset
from helpers import DATA, PROJECT, golden

EDITIONS = {"en": "", "fr": "fr/", "ar": "ar/"}
DATASET = load_dataset(DATA, DATA.with_name("figures.schema.json"))
GOLDEN = golden()
ENGLISH_PAGES = sorted(p.relative_to(PROJECT / "docs").with_suffix("").as_posix()
                       for p in (PROJECT / "docs").glob("*.md") if "." not in p.stem)


def _page(pages, edition, stem):
    return pages[EDITIONS[edition] + ("index.html" if stem == "index" else f"{stem}/index.html")]


@pytest.mark.parametrize("stem", ENGLISH_PAGES)
def test_every_page_exists_in_every_edition_with_its_language_and_direction(pages, stem):
    for edition in EDITIONS:
        soup = _page(pages, edition, stem)
        assert soup.html["lang"] == edition
        assert soup.body["dir"] == ("rtl" if edition == "ar" else "ltr")


@pytest.mark.parametrize("stem", ENGLISH_PAGES)
def test_each_value_is_identical_in_the_three_editions(pages, stem):
    def values(soup):
        shown = {}
        for element in soup.select("[data-figure] data, time[data-figure]"):
            owner = element if element.has_attr("data-figure") else element.find_parent(attrs={"data-figure": True})
            shown.setdefault(owner["data-figure"], set()).add(element.get("value") or element["datetime"])
        return shown
    english = values(_page(pages, "en", stem))
    assert english, f"{stem} shows no value"
    for edition in ("fr", "ar"):
        assert values(_page(pages, edition, stem)) == english, edition


@pytest.mark.parametrize("edition", EDITIONS)
def test_renderings_per_locale(pages, edition):
    home = _page(pages, edition, "index")
    shown = {li["data-figure"]: li.data.get_text() for li in home.select(".key-figures > li")}
    assert shown == {figure_id: g["shown"][edition] for figure_id, g in GOLDEN["figures"].items()}
    assert home.select_one('time[data-figure="source:date_published"]').get_text() == GOLDEN["article_date"][edition]


@pytest.mark.parametrize("edition", ["fr", "ar"])
def test_quotes_stay_verbatim_in_english_with_our_translation_marked(pages, edition):
    figure = next(iter(DATASET.figures.values()))
    stem = figure.theme.page.removesuffix(".md")
    card = _page(pages, edition, stem).select_one(f'figure.fig-card[data-figure="{figure.id}"]')
    original = card.select_one('blockquote[lang="en"]').get_text()
    assert original == f"“{figure.quote.text}”"
    translation = card.select_one(f'.quote__translation[lang="{edition}"]').get_text()
    ours = figure.quote.translation(edition)
    assert translation == {"fr": f"Notre traduction\u202f: «\u202f{ours}\u202f»", "ar": f"ترجمتنا: «{ours}»"}[edition]


def test_english_quotes_carry_no_translation(pages):
    assert _page(pages, "en", "regularisation").select(".quote__translation") == []


def test_language_selector_links_to_the_same_page_in_each_edition(pages):
    links = {a["hreflang"]: a["href"] for a in _page(pages, "fr", "enforcement").select("a.md-select__link")}
    assert links == {"en": "../../enforcement/", "fr": "./", "ar": "../../ar/enforcement/"}


def test_sitemap_gives_every_page_its_hreflang_alternates(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ElementTree.parse(site / "sitemap.xml").findall("s:url", ns)
    assert len(urls) == len(ENGLISH_PAGES) * len(EDITIONS)
    for url in urls:
        alternates = {link.get("hreflang") for link in url.findall("x:link", ns)}
        assert alternates == set(EDITIONS), url.find("s:loc", ns).text


def test_each_edition_searches_its_own_index(site):
    for edition, prefix in EDITIONS.items():
        index = json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        locations = {doc["location"].split("#")[0] for doc in index["docs"]}
        assert locations == {"" if stem == "index" else f"{stem}/" for stem in ENGLISH_PAGES}, edition
        text = " ".join(doc["text"] for doc in index["docs"])
        marker = {"en": "Every figure reported by the article", "fr": "Tous les chiffres rapportés",
                  "ar": "جميع الأرقام التي أوردها المقال"}
        assert marker[edition] in text
        assert all(marker[other] not in text for other in marker if other != edition)


def test_arabic_chart_reads_right_to_left(pages):
    svg = _page(pages, "ar", "index").select_one('figure.chart[data-figure="chart:people"] svg')
    assert svg["direction"] == "rtl"
    for group in svg.find_all("g"):
        bar = group.rect
        assert float(bar["x"]) + float(bar["width"]) == pytest.approx(360)  # bars grow from the right
        assert float(group.select_one("text.chart__label")["x"]) == 360


def test_the_not_found_page_is_the_default_editions(pages):
    # Each edition builds a 404.html at the root; the last one must not win.
    assert pages["404.html"].html["lang"] == "en"
