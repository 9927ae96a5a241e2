"""Markup placed in the data file is shown to readers as text, never run.
(The browser test in test_hostile_data.py tries each field in a real
browser, tooltips and search included.)"""

from bs4 import BeautifulSoup

from figures import load_dataset
from helpers import DATA, DataFileEditor, addresses, build

HOSTILE_LABEL = "<script>alert('label')</script> **bold** _under_ [link](https://example.org) {{ raw }}"
HOSTILE_PREFIX = "<img src=x onerror=alert(document.domain)> `code` | pipe "
DATASET = load_dataset(DATA, DATA.with_name("figures.schema.json"))
FIGURE = next(iter(DATASET.figures.values()))


def _yaml_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def test_markup_in_data_is_shown_as_text(project_copy, tmp_path):
    data = DataFileEditor(project_copy / "data" / "figures.yml")
    data.set(("figures", FIGURE.id, "label", "en"), _yaml_string(HOSTILE_LABEL))
    hostile_quote = HOSTILE_PREFIX + FIGURE.quote.text
    data.set(("quotes", FIGURE.quote.id, "text"), _yaml_string(hostile_quote))
    # The quote must stay verbatim in the source's text: put it there too.
    article = project_copy / "data" / DATASET.source.text_file
    article.write_text(article.read_text(encoding="utf-8").replace(FIGURE.quote.text, hostile_quote),
                       encoding="utf-8")

    result = build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr

    page_file = tmp_path / "site" / addresses().page(FIGURE.theme.page) / "index.html"
    page = BeautifulSoup(page_file.read_text(encoding="utf-8"), "html.parser")
    card = page.select_one(f'figure.fig-card[data-figure="{FIGURE.id}"]')
    assert card.select_one(".fig-card__label").get_text() == HOSTILE_LABEL
    assert card.blockquote.get_text() == f"“{hostile_quote}”"
    # None of it became markup: no script, image, emphasis, code or link.
    assert card.find(["script", "img", "strong", "em", "code"]) is None
    assert [a["href"] for a in card.find_all("a")] == [f"../figures/#{FIGURE.id}"]
