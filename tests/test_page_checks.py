"""The page checks the build runs before and while it renders (adapter/
checks/page_text.py, adapter/checks/editions.py, adapter/checks/public_addresses.py), on the
real configuration and copies of the real pages: a new page without a
description, its public addresses or named anchors, a page of an edition
that is not declared, and the advice for an address that no longer resolves.
tests/test_bad_input.py shows two of them stopping a real build."""

import copy
import shutil

import pytest

from adapter.checks.editions import check_no_stray_editions, check_pages_are_public
from adapter.checks.page_text import unnamed_headings
from adapter.checks.public_addresses import advice_for
from figures import FigureDataError

from helpers import PROJECT, addresses, languages, nav_sources, site_config

# A language no edition of the site uses.
UNDECLARED = next(code for code in ("es", "de", "it", "pt") if code not in languages())


def _config_with_docs(docs_dir):
    config = copy.copy(site_config())
    config["docs_dir"] = str(docs_dir)
    return config


@pytest.mark.parametrize("source", sorted((PROJECT / "docs").rglob("*.md")), ids=lambda p: p.name)
def test_every_section_heading_of_the_pages_has_an_anchor_of_its_own(source):
    assert unnamed_headings(source.read_text(encoding="utf-8")) == []


def test_a_heading_without_letters_to_name_it_is_found_with_its_line():
    """An Arabic heading without its { #id }, added to a real page."""
    page = (PROJECT / "docs" / nav_sources()[1]).read_text(encoding="utf-8")
    bare = "## عدد تراكمي"
    with_it = page.rstrip("\n") + f"\n\n{bare}\n\nنص.\n"
    assert unnamed_headings(with_it) == [(with_it.splitlines().index(bare) + 1, bare)]
    assert unnamed_headings(with_it.replace(bare, bare + " { #cumulative-count }")) == []
    assert unnamed_headings(f"```\n{bare}\n```\n") == []  # in a code block, not a heading


def test_a_page_of_an_undeclared_edition_is_refused(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(PROJECT / "docs", docs)
    check_no_stray_editions(_config_with_docs(docs))  # the real pages pass
    stray = docs / nav_sources()[1].replace(".md", f".{UNDECLARED}.md")
    shutil.copy(docs / nav_sources()[1], stray)
    with pytest.raises(FigureDataError) as raised:
        check_no_stray_editions(_config_with_docs(docs))
    assert f"docs/{stray.name}: a page of the edition '{UNDECLARED}', which mkdocs.yml does not declare" in str(
        raised.value
    )
    assert "“Removing an edition” in CONTRIBUTING.md" in str(raised.value)


def test_a_page_whose_addresses_are_not_public_is_refused(tmp_path):
    shutil.copytree(PROJECT / "data", tmp_path / "data")
    check_pages_are_public(site_config(), tmp_path)  # the real list passes
    page = nav_sources()[1]
    listed = (tmp_path / "data/public_urls.txt").read_text(encoding="utf-8")
    gone = [f"/{addresses().page(page, language)}" for language in languages()]
    kept = "".join(line + "\n" for line in listed.splitlines() if line.strip() not in gone)
    (tmp_path / "data/public_urls.txt").write_text(kept, encoding="utf-8")
    with pytest.raises(FigureDataError) as raised:
        check_pages_are_public(site_config(), tmp_path)
    assert str(raised.value).startswith(f"data/public_urls.txt: {', '.join(gone)}: page addresses not listed as public")


def test_the_advice_for_a_lost_address_fits_what_it_was():
    folders, pages = list(addresses().editions.values()), list(addresses().pages.values())
    figure_page = next(src for src in nav_sources() if src != nav_sources()[0])
    card = "/" + addresses().card("some-figure")
    advice = {
        "edition": advice_for(f"/{UNDECLARED}/{addresses().page(figure_page)}", folders, pages),
        "card": advice_for(card, folders, pages),
        "anchor": advice_for(f"/{addresses().page(figure_page)}#gone", folders, pages),
        "page": advice_for("/gone/", folders, pages),
    }
    assert f"the edition '{UNDECLARED}', which mkdocs.yml no longer declares" in advice["edition"]
    assert "Removing an edition" in advice["edition"] and "redirect" not in advice["edition"]
    assert "a redirect page cannot stand in for a file" in advice["card"]
    assert "{ #old-id }" in advice["anchor"]
    assert "extra › moved_pages" in advice["page"] and "Moving a page" in advice["page"]
