"""Markup placed in the data file is shown to readers as text, never run."""

from bs4 import BeautifulSoup

from conftest import build

HOSTILE_LABEL = "<script>alert('label')</script> **bold** _under_ [link](https://example.org) {{ raw }}"
HOSTILE_QUOTE = ('<img src=x onerror=alert(document.domain)> The legalization campaign has so far given legal stay '
                 'rights to more than 23,000 people, he said. `code` | pipe')


def _yaml_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def test_markup_in_data_is_shown_as_text(project_copy, tmp_path):
    data = project_copy / "data" / "figures.yml"
    text = data.read_text(encoding="utf-8")
    text = text.replace("      en: People given legal stay", "      en: " + _yaml_string(HOSTILE_LABEL))
    text = text.replace(
        '"The legalization campaign has so far given legal stay rights to more than 23,000 people, he said."',
        _yaml_string(HOSTILE_QUOTE))
    data.write_text(text, encoding="utf-8")

    result = build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr

    page = BeautifulSoup((tmp_path / "site" / "regularisation" / "index.html").read_text(), "html.parser")
    card = page.select_one('figure.fig-card[data-figure="people-regularised"]')
    assert card.select_one(".fig-card__label").get_text() == HOSTILE_LABEL
    assert card.blockquote.get_text() == f"“{HOSTILE_QUOTE}”"
    # None of it became markup: no script, image, emphasis, code or link.
    assert card.find(["script", "img", "strong", "em", "code"]) is None
    assert [a["href"] for a in card.find_all("a")] == ["../figures/#people-regularised"]
    # The tooltip of the inline figure carries the quote as plain attribute text.
    inline = page.select_one('a.fig[data-figure="people-regularised"]')
    assert HOSTILE_QUOTE in inline["title"]
