"""No number is typed by hand: every digit a reader sees comes from the data file."""

import re

import pytest

from adapter.checks.page_text import typed_digits

from helpers import PROJECT

PAGE_SOURCES = sorted((PROJECT / "docs").rglob("*.md"))


@pytest.mark.parametrize("source", PAGE_SOURCES, ids=lambda p: p.name)
def test_page_source_has_no_typed_digit(source):
    found = typed_digits(source.read_text(encoding="utf-8"))
    assert not found, f"{source.relative_to(PROJECT)}: digits typed outside a macro: {found}"


def test_lint_catches_digits_in_prose_and_front_matter():
    page = '---\ndescription: since 2004\n---\n\nAbout {{ figure("x") }} of them.\nIn 2017, 80 of them.\n'
    assert typed_digits(page) == [(2, "description: since 2004"), (6, "In 2017, 80 of them.")]


def test_lint_allows_digits_inside_template_tags():
    assert typed_digits('{{ figure("year-to-date-2017") }}\n{% set n = 2 %}\n') == []


def _digit_texts_outside_data(soup):
    for node in soup.body.find_all(string=re.compile(r"\d")):
        if node.find_parent(["script", "style"]) is None and node.find_parent(attrs={"data-figure": True}) is None:
            yield node.strip()


def test_every_digit_on_every_page_comes_from_a_data_figure_element(pages, dataset):
    # 404.html is the theme's error page; its "404" is not a figure.
    offenders = {name: list(_digit_texts_outside_data(soup)) for name, soup in pages.items() if name != "404.html"}
    assert {name: texts for name, texts in offenders.items() if texts} == {}
    # What the check let through is the data's: every figure's digits, in the
    # figure's own element, on some page.
    inside = {
        node.find_parent(attrs={"data-figure": True})["data-figure"].split(":")[0]
        for soup in pages.values()
        for node in soup.body.find_all(string=re.compile(r"\d"))
        if node.find_parent(attrs={"data-figure": True})
    }
    assert set(dataset.figures) <= inside


def test_titles_and_descriptions_have_no_digits(pages):
    for name, soup in pages.items():
        if name == "404.html":
            continue
        description = soup.find("meta", attrs={"name": "description"})
        assert not re.search(r"\d", soup.title.get_text()), name
        assert description and not re.search(r"\d", description["content"]), name
