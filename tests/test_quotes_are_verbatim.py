"""The data file holds the article to its own text (the build checks each
quote, the title and the printed date; see test_bad_input.py), and every
number the article states is a figure of the site."""

import re

from figures.formatting import source_spellings

from helpers import DATA


def _article(dataset) -> str:
    return (DATA.parent / dataset.source.text_file).read_text(encoding="utf-8")


def test_the_source_text_is_kept_in_the_repository(dataset):
    path = DATA.parent / dataset.source.text_file
    assert path.is_file() and path.resolve().is_relative_to(DATA.parent.resolve())
    assert _article(dataset).splitlines()[0] == dataset.source.title


def test_every_quote_is_in_the_article(dataset):
    article = _article(dataset)
    assert [q.id for q in dataset.quotes.values() if q.text not in article] == []


def test_every_number_in_the_article_is_a_figure(dataset):
    article = _article(dataset)
    body = article.split(dataset.source.date_as_printed)[1]
    numbers = set(re.findall(r"\d[\d,]*", body))
    # As the article writes them: "50,000", or the digits of "175 million";
    # and the start years of periods ("since 2004").
    values = {spelling.split()[0] for f in dataset.figures.values() for spelling in source_spellings(f.value)}
    values |= {p.start for p in dataset.periods.values() if p.start and len(p.start) == 4}
    assert numbers <= values, f"numbers in the article with no figure: {numbers - values}"
