"""Each figure appears on its theme page, formatted and qualified correctly.

The expected renderings were written by hand from the article: its numbers,
its qualifiers, and the site's English conventions (grouped digits, "US$").
"""

import re

import pytest

THEME_PAGE_OF = {
    "networks-dismantled": "enforcement/index.html",
    "migration-attempts-prevented": "enforcement/index.html",
    "cells-busted": "enforcement/index.html",
    "extremist-trafficking-earnings": "sahel/index.html",
    "people-regularised": "regularisation/index.html",
    "voluntary-returns": "returns/index.html",
}

RENDERED = {  # (qualified value, raw value)
    "networks-dismantled": ("80", "80"),
    "migration-attempts-prevented": ("50,000", "50000"),
    "cells-busted": ("3,000", "3000"),
    "extremist-trafficking-earnings": ("as much as US$175 million", "175000000"),
    "people-regularised": ("more than 23,000", "23000"),
    "voluntary-returns": ("22,000", "22000"),
}

UNITS = {
    "networks-dismantled": "criminal networks", "migration-attempts-prevented": "attempts",
    "cells-busted": "cells", "people-regularised": "people", "voluntary-returns": "people",
}


@pytest.mark.parametrize("figure_id", sorted(THEME_PAGE_OF))
def test_figure_card_on_its_theme_page(pages, figure_id):
    page = pages[THEME_PAGE_OF[figure_id]]
    cards = page.select(f'figure.fig-card[data-figure="{figure_id}"]')
    assert len(cards) == 1, f"{figure_id} should have one card on its theme page"
    value = cards[0].select_one(".fig-card__value data")
    shown, raw = RENDERED[figure_id]
    assert value["value"] == raw
    expected = f"{shown} {UNITS[figure_id]}" if figure_id in UNITS else shown
    assert value.get_text() == expected


@pytest.mark.parametrize("figure_id", sorted(THEME_PAGE_OF))
def test_figure_in_running_text_keeps_its_qualifier(pages, figure_id):
    page = pages[THEME_PAGE_OF[figure_id]]
    inline = page.select(f'a.fig[data-figure="{figure_id}"]')
    assert inline, f"{figure_id} is not cited in the prose of its theme page"
    shown, raw = RENDERED[figure_id]
    for link in inline:
        assert link.data["value"] == raw
        assert link.get_text().startswith(shown)


@pytest.mark.parametrize("figure_id", sorted(THEME_PAGE_OF))
def test_figure_links_to_its_reference_row_and_shows_its_source(pages, figure_id):
    page = pages[THEME_PAGE_OF[figure_id]]
    link = page.select_one(f'a.fig[data-figure="{figure_id}"]')
    assert link["href"] == f"../figures/#{figure_id}"
    assert pages["figures/index.html"].select_one(f'tr[id="{figure_id}"]') is not None
    # The tooltip holds the verbatim sentence, with the figure in it.
    sentence = page.select_one(f'figure.fig-card[data-figure="{figure_id}"] blockquote').get_text()
    assert sentence.strip("“”") in link["title"]


def test_qualifiers_stay_with_their_numbers_in_the_source_sentences(pages):
    regularisation = pages["regularisation/index.html"].select_one(
        'figure.fig-card[data-figure="people-regularised"] blockquote').get_text()
    assert "more than 23,000 people" in regularisation
    sahel = pages["sahel/index.html"].select_one(
        'figure.fig-card[data-figure="extremist-trafficking-earnings"] blockquote').get_text()
    assert "as much as $175 million" in sahel


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
    assert shown == {figure_id: text for figure_id, (text, _) in RENDERED.items()}


def test_reference_table_lists_every_figure_once(pages):
    rows = pages["figures/index.html"].select(".figure-table tbody tr[id]")
    assert sorted(row["id"] for row in rows) == sorted(RENDERED)


def test_speaker_and_source_attributed(pages):
    card = pages["regularisation/index.html"].select_one('figure.fig-card[data-figure="people-regularised"]')
    assert card.select_one('[data-figure="speaker:zerouali"]').get_text() == (
        "Khaled Zerouali, Director of immigration at Morocco’s interior ministry")
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
