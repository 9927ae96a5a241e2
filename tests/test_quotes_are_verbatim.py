"""Every quote in the data file is a verbatim sentence of the source article."""

import os
import re

import pytest

from conftest import PROJECT
from figures import load_dataset
from figures.formatting import source_spellings

# The article sits in the team's shared folder beside the project, not in the
# repository: the site quotes it, it does not republish it.
ARTICLE = PROJECT.parent / "shared" / "seeds" / "000_7378d6c677f2862e.txt"


@pytest.fixture(scope="module")
def article() -> str:
    if not ARTICLE.exists():
        if os.environ.get("CI"):
            pytest.fail(f"the source article is missing at {ARTICLE}")
        pytest.skip(f"the source article is not beside this checkout ({ARTICLE})")
    return ARTICLE.read_text(encoding="utf-8")


def test_every_quote_is_in_the_article(article):
    dataset = load_dataset(PROJECT / "data/figures.yml", PROJECT / "data/figures.schema.json")
    missing = [q.id for q in dataset.quotes.values() if q.text not in article]
    assert missing == []


def test_source_title_and_date_match_the_article(article):
    dataset = load_dataset(PROJECT / "data/figures.yml", PROJECT / "data/figures.schema.json")
    assert article.splitlines()[0] == dataset.source.title
    assert "Thursday, November 16th, 2017" in article and dataset.source.date_published == "2017-11-16"


def test_every_number_in_the_article_is_a_figure(article):
    dataset = load_dataset(PROJECT / "data/figures.yml", PROJECT / "data/figures.schema.json")
    body = article.split("Written by")[1].split("Article Categories")[0]
    numbers = set(re.findall(r"\d[\d,]*", body)) - {"16", "2017"}  # the dateline
    # As the article writes them: "50,000", or the digits of "175 million";
    # and the start years of periods ("since 2004").
    values = {spelling.split()[0] for f in dataset.figures.values() for spelling in source_spellings(f.value)}
    values |= {p.start for p in dataset.periods.values() if p.start and len(p.start) == 4}
    assert numbers <= values, f"numbers in the article with no figure: {numbers - values}"
