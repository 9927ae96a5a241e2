"""Each figure appears on its theme page, formatted and qualified correctly.

The expected renderings were written by hand from the article: its numbers,
its qualifiers, and the site's English conventions (grouped digits, "US$").
"""

import re

import pytest

from helpers import DATA, addresses, golden
from figures import load_dataset

GOLDEN = golden()["figures"]
DATASET = load_dataset(DATA, DATA.with_name("figures.schema.json"))
FIGURES = list(DATASET.figures)


def theme_page(figure_id: str) -> str:
    return addresses().page(DATASET.figure(figure_id).theme.page) + "index.html"


def test_the_golden_file_covers_exactly_the_figures():
    assert sorted(GOLDEN) == sorted(FIGURES)
    assert {fid: g["value"] for fid, g in GOLDEN.items()} == {f.id: f.value for f in DATASET.figures.values()}


@pytest.mark.parametrize("figure_id", FIGURES)
def test_figure_card_on_its_theme_page(pages, figure_id):
    page = pages[theme_page(figure_id)]
    cards = page.select(f'figure.fig-card[data-figure="{figure_id}"]')
    assert len(cards) == 1, f"{figure_id} should have one card on its theme page"
    value = cards[0].select_one(".fig-card__value data")
    assert value["value"] == str(GOLDEN[figure_id]["value"])
    assert value.get_text() == GOLDEN[figure_id]["with_unit"]["en"]


@pytest.mark.parametrize("figure_id", FIGURES)
def test_figure_in_running_text_keeps_its_qualifier(pages, figure_id):
    page = pages[theme_page(figure_id)]
    inline = page.select(f'a.fig[data-figure="{figure_id}"]')
    assert inline, f"{figure_id} is not cited in the prose of its theme page"
    for link in inline:
        assert link.data["value"] == str(GOLDEN[figure_id]["value"])
        assert link.get_text().startswith(GOLDEN[figure_id]["shown"]["en"])


@pytest.mark.parametrize("figure_id", FIGURES)
def test_figure_links_to_its_reference_row_and_shows_its_source(pages, figure_id):
    page = pages[theme_page(figure_id)]
    link = page.select_one(f'a.fig[data-figure="{figure_id}"]')
    assert link["href"].endswith(f"figures/#{figure_id}")
    assert pages["figures/index.html"].select_one(f'tr[id="{figure_id}"]') is not None
    # The tooltip holds the verbatim sentence, with the figure in it; the page
    # shows that sentence as a block, in the card or once above it.
    sentence = DATASET.figure(figure_id).quote.text
    assert sentence in link["title"]
    assert any(bq.get_text().strip("“”") == sentence for bq in page.select("figure.quote blockquote"))
    card = page.select_one(f'figure.fig-card[data-figure="{figure_id}"]')
    assert card.blockquote is not None or card.select_one(".quoted-above") is not None


@pytest.mark.parametrize("figure_id", [f.id for f in DATASET.figures.values() if f.qualifier != "as-stated"])
def test_qualifiers_stay_with_their_numbers_in_the_source_sentences(pages, figure_id):
    from figures.formatting import SOURCE_QUALIFIER_WORDS
    figure = DATASET.figure(figure_id)
    sentence = pages[theme_page(figure_id)].select_one(
        f'figure.fig-card[data-figure="{figure_id}"] blockquote').get_text()
    assert SOURCE_QUALIFIER_WORDS[figure.qualifier] in sentence


def test_periods_say_what_was_inferred(pages):
    card = pages["enforcement/index.html"].select_one('figure.fig-card[data-figure="networks-dismantled"]')
    period = card.select_one('[data-figure="period:year-to-date-2017"]')
    assert [t["datetime"] for t in period.select("time")] == ["2017-01-01", "2017-11-16"]
    text = " ".join(period.get_text().split())
    assert text == ("1 January 2017 – 16 November 2017 (the source says “so far this year”; "
                    "both dates inferred from the article’s date)")


def test_home_page_shows_every_figure(pages):
    home = pages["index.html"]
    shown = {li["data-figure"]: li.data.get_text() for li in home.select(".key-figures > li")}
    assert shown == {figure_id: g["shown"]["en"] for figure_id, g in GOLDEN.items()}


def test_reference_table_lists_every_figure_once(pages):
    rows = pages["figures/index.html"].select(".figure-table tbody tr[id]")
    assert sorted(row["id"] for row in rows) == sorted(FIGURES)


def test_speaker_and_source_attributed(pages):
    page = pages["regularisation/index.html"]
    # The speaker's name and title the first time the page names him, the name alone after.
    named = [element.get_text() for element in page.article.select('[data-figure="speaker:zerouali"]')]
    assert named[0] == "Khaled Zerouali, Director of immigration at Morocco’s interior ministry"
    assert set(named[1:]) == {"Khaled Zerouali"} and len(named) > 2
    card = page.select_one('figure.fig-card[data-figure="people-regularised"]')
    assert card.select_one('[data-figure="speaker:zerouali"]').get_text() == "Khaled Zerouali"
    caption = " ".join(card.figcaption.get_text().split())
    assert caption == ("“Dismantling Human Traffickers: Morocco Paves the Way for Immigrant Well-Being”, "
                       "16 November 2017, paragraph 3")


def test_unattributed_sentences_are_not_put_in_the_officials_mouth(pages):
    card = pages["enforcement/index.html"].select_one('figure.fig-card[data-figure="networks-dismantled"]')
    assert card.select_one('[data-figure="speaker:article"]') is not None
    assert card.select_one('[data-figure="speaker:zerouali"]') is None


def test_no_page_shows_a_blank_none_or_template_tag(site):
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "{{" not in text and "{%" not in text, path
        assert not re.search(r">\s*None\s*<", text), path
        assert "Macro Rendering Error" not in text, path


def test_a_page_shows_each_source_sentence_once_in_its_flow(pages, dataset):
    """Cards and block quotes on a page never repeat a sentence already shown
    above (the reference table's folded citations are each row's own)."""
    repeated = {}
    for name, page in pages.items():
        article = page.select_one("article")
        if article is None:
            continue
        shown = [bq.get_text(" ", strip=True) for bq in article.select("figure.quote blockquote")
                 if not bq.find_parent(class_="figure-table")]
        twice = {text[:60] for text in shown if shown.count(text) > 1}
        if twice:
            repeated[name] = sorted(twice)
    assert repeated == {}
    pointers = [p for page in pages.values() for p in page.select(".quoted-above")]
    assert pointers, "the data has sentences shared by two blocks on one page"
