"""Markup placed in the data file is shown to readers as text, never run or
rendered: HTML, Markdown and template syntax alike. Read from the hostile
site's files (tests/hostile.py); test_hostile_data.py opens the same site
in a real browser, tooltips and search included."""

from bs4 import BeautifulSoup

from figures.changes import latest_correction

from helpers import addresses, figure_address, html_pages
from hostile import INJECTED


def test_markup_in_data_is_shown_as_text(hostile_site):
    dataset, folder = hostile_site.dataset, hostile_site.folder
    for figure in dataset.figures.values():
        page_file = folder / addresses().page(figure.theme.page) / "index.html"
        page = BeautifulSoup(page_file.read_text(encoding="utf-8"), "html.parser")
        card = page.select_one(f'figure.fig-card[data-figure="{figure.id}"]')
        assert "<img src=x" in figure.label("en") and "**bold**" in figure.label("en")
        assert card.select_one(".fig-card__label").get_text() == figure.label("en")
        # None of it became markup: no script, image, emphasis, code or link
        # but the figure's own.
        assert card.find(["script", "img", "svg", "strong", "em", "code"]) is None
        corrected = latest_correction(dataset, figure)
        assert [a["href"] for a in card.find_all("a")] == ["../" + figure_address(figure.id)] + (
            [f"../{addresses().page(addresses().corrections_page)}#{corrected.anchor}"] if corrected else []
        )
    quoted = page.select_one("figure.fig-card blockquote")
    assert quoted.get_text().startswith("“<img src=x onerror=alert(")


def test_no_page_carries_an_injected_element(hostile_site):
    for path, page in html_pages(hostile_site.folder).items():
        assert page.select(INJECTED) == [], path
        assert not page.select('a[href="https://example.org"]'), path
