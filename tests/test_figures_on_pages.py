"""Each figure appears on its theme page, formatted and qualified correctly.

The expected renderings were written by hand from the article: its numbers,
its qualifiers, and the site's English conventions (grouped digits, "$" as the article writes it).
"""

import re

import pytest

from figures import load_dataset

from helpers import DATA, addresses, editions, figure_address, golden, golden_mismatch, languages, reference_page

GOLDEN = golden()["figures"]
DATASET = load_dataset(DATA, DATA.with_name("figures.schema.json"))
FIGURES = list(DATASET.figures)
DEFAULT = languages()[0]
HOME, REFERENCE = (addresses().page(src) + "index.html" for src in (next(iter(addresses().pages)), reference_page()))
# A figure stated by a speaker, its sentence shown by its own card; and one
# the article states in its own voice.
SPOKEN = next(
    f
    for f in DATASET.figures.values()
    if f.quote.speaker and sum(g.quote.id == f.quote.id for g in DATASET.figures.values()) == 1
)
UNATTRIBUTED = next(f for f in DATASET.figures.values() if f.quote.speaker is None)


def theme_page(figure_id: str) -> str:
    return addresses().page(DATASET.figure(figure_id).theme.page) + "index.html"


def test_the_golden_file_covers_exactly_the_figures():
    assert sorted(GOLDEN) == sorted(FIGURES), "tests/golden.yml: one entry per figure of data/figures.yml"
    written = {fid: g["value"] for fid, g in GOLDEN.items()}
    data = {f.id: f.value for f in DATASET.figures.values()}
    assert written == data, "tests/golden.yml and data/figures.yml give other values: " + ", ".join(
        f"figures › {fid} › value is {written[fid]} in the golden file, {data[fid]} in the data"
        for fid in data
        if written.get(fid) != data[fid]
    )


@pytest.mark.parametrize("figure_id", FIGURES)
def test_figure_card_on_its_theme_page(pages, figure_id):
    page = pages[theme_page(figure_id)]
    cards = page.select(f'figure.fig-card[data-figure="{figure_id}"]')
    assert len(cards) == 1, f"{figure_id} should have one card on its theme page"
    value = cards[0].select_one(".fig-card__value data")
    assert value["value"] == str(GOLDEN[figure_id]["value"])
    assert value.get_text() == GOLDEN[figure_id]["with_unit"][DEFAULT], golden_mismatch(
        "with_unit", DEFAULT, {figure_id: value.get_text()}, {figure_id: GOLDEN[figure_id]["with_unit"][DEFAULT]}
    )


@pytest.mark.parametrize("figure_id", FIGURES)
def test_figure_in_running_text_keeps_its_qualifier(pages, figure_id):
    page = pages[theme_page(figure_id)]
    inline = page.select(f'a.fig[data-figure="{figure_id}"]')
    assert inline, f"{figure_id} is not cited in the prose of its theme page"
    for link in inline:
        assert link.data["value"] == str(GOLDEN[figure_id]["value"])
        assert link.get_text().startswith(GOLDEN[figure_id]["shown"][DEFAULT]), golden_mismatch(
            "shown", DEFAULT, {figure_id: link.get_text()}, {figure_id: GOLDEN[figure_id]["shown"][DEFAULT]}
        )


@pytest.mark.parametrize("figure_id", FIGURES)
def test_figure_links_to_its_reference_row_and_shows_its_source(pages, figure_id):
    page = pages[theme_page(figure_id)]
    link = page.select_one(f'a.fig[data-figure="{figure_id}"]')
    assert link["href"].endswith(figure_address(figure_id))
    assert pages[REFERENCE].select_one(f'tr[id="{figure_id}"]') is not None
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
    sentence = (
        pages[theme_page(figure_id)].select_one(f'figure.fig-card[data-figure="{figure_id}"] blockquote').get_text()
    )
    assert SOURCE_QUALIFIER_WORDS[figure.qualifier] in sentence


@pytest.mark.parametrize("period_id", golden()["periods"])
def test_periods_say_what_was_inferred(pages, period_id):
    figure = next(f for f in DATASET.figures.values() if f.period.id == period_id)
    card = pages[theme_page(figure.id)].select_one(f'figure.fig-card[data-figure="{figure.id}"]')
    period = card.select_one(f'[data-figure="period:{period_id}"]')
    assert [t["datetime"] for t in period.select("time")] == [d for d in (figure.period.start, figure.period.end) if d]
    text = " ".join(period.get_text().split())
    assert text == golden()["periods"][period_id][DEFAULT], f"tests/golden.yml, periods › {period_id} › {DEFAULT}"


def test_home_page_shows_every_figure(pages):
    home = pages[HOME]
    shown = {li["data-figure"]: li.data.get_text() for li in home.select(".key-figures > li")}
    expected = {figure_id: g["shown"][DEFAULT] for figure_id, g in GOLDEN.items()}
    assert shown == expected, golden_mismatch("shown", DEFAULT, shown, expected)


def test_reference_table_lists_every_figure_once(pages):
    rows = pages[REFERENCE].select(".figure-table tbody tr[id]")
    assert sorted(row["id"] for row in rows) == sorted(FIGURES)


def test_speaker_and_source_attributed(pages):
    page = pages[theme_page(SPOKEN.id)]
    speaker = SPOKEN.quote.speaker
    # The speaker's name and title the first time the page names him, the name alone after.
    named = [element.get_text() for element in page.article.select(f'[data-figure="speaker:{speaker.id}"]')]
    assert named[0] == editions()[DEFAULT].words["name_and_role"].format(name=speaker.name, role=speaker.role(DEFAULT))
    assert set(named[1:]) == {speaker.name} and len(named) > 2
    card = page.select_one(f'figure.fig-card[data-figure="{SPOKEN.id}"]')
    assert card.select_one(f'[data-figure="speaker:{speaker.id}"]').get_text() == speaker.name
    caption = " ".join(card.figcaption.get_text().split())
    expected = f"“{DATASET.source.title}”, {golden()['article_date'][DEFAULT]}, paragraph {SPOKEN.quote.paragraph}"
    assert caption == " ".join(expected.split())  # spaces compared as spaces: no-break ones are checked elsewhere


def test_unattributed_sentences_are_not_put_in_the_officials_mouth(pages):
    card = pages[theme_page(UNATTRIBUTED.id)].select_one(f'figure.fig-card[data-figure="{UNATTRIBUTED.id}"]')
    assert card.select_one('[data-figure="speaker:article"]') is not None
    assert [s for s in DATASET.speakers if card.select_one(f'[data-figure="speaker:{s}"]')] == []


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
        shown = [
            bq.get_text(" ", strip=True)
            for bq in article.select("figure.quote blockquote")
            if not bq.find_parent(class_="figure-table")
        ]
        twice = {text[:60] for text in shown if shown.count(text) > 1}
        if twice:
            repeated[name] = sorted(twice)
    assert repeated == {}
    pointers = [p for page in pages.values() for p in page.select(".quoted-above")]
    assert pointers, "the data has sentences shared by two blocks on one page"


def test_the_build_links_figures_to_the_page_that_shows_the_table():
    """The components link each figure to the nav's page calling
    {{ figure_table() }}, wherever that page has moved."""
    assert addresses().reference_page == reference_page()
