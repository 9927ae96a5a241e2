"""A figure never changes silently: the log of changes is held to the data,
a correction shows wherever the figure and its citations travel, and the
citations are read back by a real BibTeX parser and a real CSL processor."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from adapter.build.data import load_data
from figures import FigureDataError, load_dataset
from figures.citation import bibtex_key
from figures.formatting import Formatter

from helpers import (
    CORRECTION_DATE,
    DATA,
    SITE_URL,
    DataFileEditor,
    addresses,
    build,
    change_figure_value,
    correction_reason,
    corrections_page,
    editions,
    figure_address,
    html_pages,
    languages,
    log_correction,
    page_address,
    reference_file,
    reference_page,
)

DATASET = load_dataset(DATA, DATA.with_name("figures.schema.json"))
FIGURE = next(f for f in DATASET.figures.values() if f.qualifier != "as-stated" and 10_000 <= f.value < 1_000_000)
NEW_VALUE = FIGURE.value + 1_500
OTHER = next(f for f in DATASET.figures.values() if f is not FIGURE)
ARTICLE_KEY = bibtex_key(DATASET)
# The article's key in each edition: its entry is in the edition's words.
ARTICLE_KEYS = {
    language: ARTICLE_KEY + ("" if language == languages()[0] else f":{language}") for language in languages()
}


def _load(editor: DataFileEditor):
    dataset, _ = load_data(editor.path.parent.parent, languages())  # as the build reads it
    return dataset


# -- the log held to the data (in-process) -------------------------------------


def _value_without_entry(d: DataFileEditor) -> str:
    change_figure_value(d.path, DATASET, FIGURE.id, NEW_VALUE, log=False)
    return (
        f"data/figures.yml, line {d.line('figures', FIGURE.id, 'value')}, at figures › {FIGURE.id} › value: "
        f"the figure '{FIGURE.id}' is {NEW_VALUE}, but the newest value the log of changes gives it is "
        f"{FIGURE.value}; expected a change of value to come with its entry on top of changes:"
    )


def _version_not_the_newest_entry(d: DataFileEditor) -> str:
    d.set(("release", "version"), '"9.9.9"')
    return (
        f"data/figures.yml, line {d.line('changes', 0, 'version')}, at changes › [0] › version: the newest "
        f"change is version {DATASET.release.version} of {DATASET.release.date}, but the data is version 9.9.9"
    )


def _entries_out_of_order(d: DataFileEditor) -> str:
    log_correction(d.path, DATASET, FIGURE.id, NEW_VALUE)
    change_figure_value(d.path, DATASET, FIGURE.id, NEW_VALUE, log=False)
    d.set(("changes", 0, "version"), '"0.9.0"')
    d.set(("release", "version"), '"0.9.0"')
    return (
        f"at changes › [0] › version: the change 0.9.0 of {CORRECTION_DATE} is listed before {DATASET.release.version}"
    )


def _unknown_id(d: DataFileEditor) -> str:
    last = len(DATASET.changes) - 1
    misspelt = FIGURE.id[:-1] + ("x" if FIGURE.id[-1] != "x" else "y")
    d.insert_after(("changes", last, "kind"), f"ids: [{misspelt}]")
    return (
        f"at changes › [{last}]: the change {DATASET.changes[-1].version} names the id '{misspelt}', which is "
        f"not in the data and is not listed as removed; expected an id of a figure, claim or quote of the "
        f"data file, or one that an entry lists under removed. Did you mean '{FIGURE.id}'?"
    )


def _oldest_not_a_publication(d: DataFileEditor) -> str:
    last = len(DATASET.changes) - 1
    d.set(("changes", last, "kind"), "correction")
    return f"at changes › [{last}] › kind: the first publication is not the oldest entry of the log"


def _value_not_published(d: DataFileEditor) -> str:
    d.delete(("changes", len(DATASET.changes) - 1, "values", OTHER.id))
    return (
        f"at figures › {OTHER.id}: the figure '{OTHER.id}' has no value in the log of changes; expected its "
        "value recorded by the first publication"
    )


def _wrong_old_value(d: DataFileEditor) -> str:
    version = log_correction(d.path, DATASET, FIGURE.id, NEW_VALUE)
    change_figure_value(d.path, DATASET, FIGURE.id, NEW_VALUE, log=False)
    d.replace_in_value(("changes", 0, "values", FIGURE.id), f"old: {FIGURE.value}", "old: 1")
    return (
        f"at changes › [0] › values › {FIGURE.id} › old: the change {version} gives '{FIGURE.id}' the old value 1, "
        f"but the log's value before it is {FIGURE.value}"
    )


def _reason_missing_an_edition(d: DataFileEditor) -> str:
    d.delete(("changes", 0, "reason", languages()[-1]))
    return f"at changes › [0] › reason: no text for the edition '{languages()[-1]}'"


def _malformed_version(d: DataFileEditor) -> str:
    d.set(("release", "version"), '"v1"')
    return f"data/figures.yml, line {d.line('release', 'version')}, at release › version"


LOG_CASES = {
    "value edited without its entry": _value_without_entry,
    "data version not the newest entry's": _version_not_the_newest_entry,
    "entries out of order": _entries_out_of_order,
    "an id that does not exist": _unknown_id,
    "oldest entry not the first publication": _oldest_not_a_publication,
    "a figure's value never published": _value_not_published,
    "an old value that is not the previous one": _wrong_old_value,
    "a reason missing in one edition": _reason_missing_an_edition,
    "a malformed version": _malformed_version,
}


@pytest.mark.parametrize("breaks", LOG_CASES.values(), ids=LOG_CASES.keys())
def test_a_log_that_disagrees_with_the_data_stops_with_one_paragraph(breaks, data_copy):
    expected = breaks(data_copy)
    with pytest.raises(FigureDataError) as raised:
        _load(data_copy)
    message = str(raised.value)
    assert expected in message and "\n" not in message, message


def test_a_logged_correction_loads(data_copy):
    version = change_figure_value(data_copy.path, DATASET, FIGURE.id, NEW_VALUE)
    dataset = _load(data_copy)
    assert (dataset.release.version, dataset.figure(FIGURE.id).value) == (version, NEW_VALUE)


# -- a correction, as readers see it (one build) -----------------------------


@pytest.fixture(scope="module")
def corrected(tmp_path_factory, build_cache):
    from helpers import copy_project

    project = copy_project(tmp_path_factory.mktemp("corrected") / "project", build_cache)
    version = change_figure_value(project / "data" / "figures.yml", DATASET, FIGURE.id, NEW_VALUE)
    site = project.parent / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    return version, site, html_pages(site)


def test_a_correction_shows_on_the_corrections_page_of_each_edition(corrected):
    version, _, pages = corrected
    anchor = "change-" + version.replace(".", "-")
    for language, edition in editions().items():
        page = pages[addresses().page(corrections_page(), language) + "index.html"]
        entry = page.find(id=anchor)
        assert entry is not None, language
        text = entry.get_text(" ")
        fmt = Formatter(edition)
        assert version in text and fmt.date(CORRECTION_DATE) in text
        assert edition.words["kinds"]["correction"] in text
        assert fmt.qualified(FIGURE.value, FIGURE.qualifier) in text
        assert fmt.qualified(NEW_VALUE, FIGURE.qualifier) in text
        assert correction_reason()[language] in text
        assert FIGURE.label(language) in text
        # The first publication stays in the log, after the correction.
        assert entry.find_next_sibling(id="change-" + DATASET.release.version.replace(".", "-")) is not None
        # Its footer names the new version.
        assert version in page.select_one(".md-copyright").get_text()


def test_a_corrected_figure_says_so_on_its_row_and_card(corrected):
    version, site, pages = corrected
    anchor = "change-" + version.replace(".", "-")
    for language, edition in editions().items():
        date = Formatter(edition).date(CORRECTION_DATE)
        reference = pages[addresses().page(reference_page(), language) + "index.html"]
        theme = pages[addresses().page(FIGURE.theme.page, language) + "index.html"]
        for where, holder in (
            ("row", reference.find(id=FIGURE.id)),
            ("card", theme.select_one(f'figure.fig-card[data-figure="{FIGURE.id}"]')),
        ):
            note = holder.select_one(f'[data-figure="{FIGURE.id}:corrected"] a')
            assert note is not None, f"{language} {where}"
            assert note["href"].endswith(f"{page_address(corrections_page())}#{anchor}") and date in note.get_text(), (
                f"{language} {where}"
            )
        # Its embeddable card (an SVG file) says so too.
        card = (site / addresses().card(FIGURE.id, language)).read_text(encoding="utf-8")
        assert edition.words["corrected_on"].format(date=date) in card, language
        # A figure that was not corrected says nothing of the kind.
        assert reference.find(id=OTHER.id).select_one(".corrected") is None
        assert edition.words["corrected_on"].format(date=date) not in (
            site / addresses().card(OTHER.id, language)
        ).read_text(encoding="utf-8")


def test_a_correction_changes_the_exports_version_and_the_citations(corrected):
    version, site, pages = corrected
    document = json.loads((site / "figures.json").read_text(encoding="utf-8"))
    assert document["version"] == version and document["date"] == CORRECTION_DATE
    record = next(r for r in document["figures"] if r["id"] == FIGURE.id)
    assert record["corrected"]["version"] == version and record["corrected"]["date"] == CORRECTION_DATE
    new = Formatter(editions()["en"]).qualified(NEW_VALUE, FIGURE.qualifier)
    for citation in (
        record["citation"]["short"],
        record["citation"]["full"],
        record["citation"]["bibtex"],
        record["citation"]["csl"]["note"],
    ):
        assert version in citation
    assert new in record["citation"]["full"] and new in record["citation"]["csl"]["title"]
    assert json.loads((site / "datapackage.json").read_text(encoding="utf-8"))["version"] == version
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((site / "figures.csv").read_text(), newline=""))}
    assert rows[FIGURE.id]["data_version"] == version and rows[FIGURE.id]["corrected_on"] == CORRECTION_DATE
    assert rows[OTHER.id]["corrected_on"] == ""
    jsonld = json.loads(pages[reference_file()].find("script", type="application/ld+json").string)
    assert (jsonld["version"], jsonld["dateModified"]) == (version, CORRECTION_DATE)
    for language, edition in editions().items():
        page = pages[addresses().page(reference_page(), language) + "index.html"]
        row = page.select_one(f'tr[data-figure="{FIGURE.id}:cite"]')
        shown = Formatter(edition).qualified(NEW_VALUE, FIGURE.qualifier)
        site_name = page.find("meta", property="og:site_name")["content"]  # the edition's own name
        for code in row.select("pre code"):
            text = code.get_text()
            # BibTeX writes the no-break spaces as LaTeX does (pdflatex stops on U+202F).
            as_bibtex = text.startswith("@misc")
            expected = shown.replace("\u202f", "\\,").replace("\u00a0", "~") if as_bibtex else shown
            assert version in text and expected in text, language
            assert (site_name.replace("\u202f", "\\,") if as_bibtex else site_name) in text, language


def test_a_value_changed_without_its_entry_stops_the_build(project_copy, tmp_path):
    change_figure_value(project_copy / "data" / "figures.yml", DATASET, FIGURE.id, NEW_VALUE, log=False)
    result = build(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    line = DataFileEditor(project_copy / "data" / "figures.yml").line("figures", FIGURE.id, "value")
    assert result.returncode != 0
    assert (
        f"data/figures.yml, line {line}, at figures › {FIGURE.id} › value: the figure '{FIGURE.id}' is "
        f"{NEW_VALUE}, but the newest value the log of changes gives it is {FIGURE.value}"
    ) in output
    assert "Traceback" not in output


# -- versions and licences where each thing travels ----------------------------


def test_the_version_and_licence_travel_with_every_export(site, pages):
    release = DATASET.release
    document = json.loads((site / "figures.json").read_text(encoding="utf-8"))
    assert (document["version"], document["date"]) == (release.version, release.date)
    assert document["license"]["path"] == release.content_licence.url
    package = json.loads((site / "datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] == release.version
    assert package["licenses"] == [
        {
            "name": release.content_licence.spdx,
            "title": release.content_licence.title,
            "path": release.content_licence.url,
        }
    ]
    jsonld = json.loads(pages[reference_file()].find("script", type="application/ld+json").string)
    assert (jsonld["version"], jsonld["dateModified"], jsonld["license"]) == (
        release.version,
        release.date,
        release.content_licence.url,
    )


@pytest.mark.parametrize("language", languages())
def test_every_card_file_names_its_licence_and_the_version(site, language):
    from xml.etree import ElementTree

    rdf = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
    for figure in DATASET.figures.values():
        root = ElementTree.parse(site / addresses().card(figure.id, language)).getroot()
        licence = root.find(".//{http://creativecommons.org/ns#}license")
        assert licence is not None and licence.get(f"{rdf}resource") == DATASET.release.content_licence.url
        rights = root.find(".//{http://purl.org/dc/elements/1.1/}rights").text
        assert DATASET.release.content_licence.name in rights and DATASET.release.version in rights


def test_every_page_footer_names_the_licence_and_the_version(pages):
    release = DATASET.release
    for name, page in pages.items():
        footer = page.select_one(".md-copyright")
        assert footer is not None, name
        assert footer.select_one('[data-figure="release:licence:content"]').get_text() == release.content_licence.name
        assert footer.select_one('[data-figure="release:version"]').get_text() == release.version, name
        assert footer.select_one('time[data-figure="release:date"]')["datetime"] == release.date, name


def test_the_corrections_page_without_an_issue_tracker_says_so(pages):
    for language, edition in editions().items():
        page = pages[addresses().page(corrections_page(), language) + "index.html"]
        assert edition.words["issues_missing"].split("(")[0].strip() in page.get_text(" "), language
        assert not page.select("a.issues-link")


def test_the_issue_tracker_is_linked_when_given_and_refused_when_not_a_web_address():
    from figures.corrections import CorrectionsRenderer

    address = "https://example.org/owner/repository/issues"
    for edition in editions().values():
        given = BeautifulSoup(
            str(CorrectionsRenderer(DATASET, edition, addresses(), "", issues_url=address).issue_tracker()),
            "html.parser",
        )
        assert given.select_one("a.issues-link")["href"] == address and given.a.bdi["dir"] == "ltr"
    with pytest.raises(
        FigureDataError, match=r"the issue tracker's address 'javascript:alert.1.' is not a web address"
    ):
        CorrectionsRenderer(
            DATASET, editions()["en"], addresses(), "", issues_url="javascript:alert(1)"
        ).issue_tracker()


# -- citations, read back by real tools ----------------------------------------


def _bibtex_entries(site: Path, pages) -> list[str]:
    """Every BibTeX entry the site shows or exports, each once: an entry
    shown twice (the article's, once per edition and in the export) is
    pasted once; any two different entries under one key make pybtex fail."""
    blocks = [
        code.get_text()
        for page in pages.values()
        for code in page.select("pre code")
        if code.get_text().lstrip().startswith("@")
    ]
    blocks += (site / "figures.bib").read_text(encoding="utf-8").split("\n\n")
    unique = list(dict.fromkeys(block.strip() for block in blocks))
    # The article's entry after the figures' that refer to it, as BibTeX wants.
    return sorted(unique, key=lambda entry: entry.split(",")[0] in {f"@misc{{{key}" for key in ARTICLE_KEYS.values()})


def test_every_bibtex_entry_of_the_site_parses_in_one_file(site, pages):
    from pybtex.database import parse_string

    unique = _bibtex_entries(site, pages)
    database = parse_string("\n\n".join(unique), "bibtex")
    entries = database.entries
    expected = {
        f"{ARTICLE_KEY}:{f.id}" + ("" if language == languages()[0] else f":{language}")
        for f in DATASET.figures.values()
        for language in languages()
    }
    # The article's entry once per edition, in its words, under its own key, as a figure's.
    assert set(entries) == expected | set(ARTICLE_KEYS.values())
    for key in expected:
        fields = entries[key].fields
        assert fields["crossref"] == ARTICLE_KEYS[fields["language"]]
        assert (fields["year"], fields["version"]) == (DATASET.release.date[:4], DATASET.release.version)
        assert DATASET.release.version in fields["note"] and fields["url"].startswith(SITE_URL)
    assert entries[ARTICLE_KEY].fields["year"] == DATASET.source.date_published[:4]
    # A BibTeX style reads each figure's entry as a reader would see it: its
    # address as it is, its crossref resolved to the article's entry.
    from pybtex.backends.plaintext import Backend
    from pybtex.style.formatting.plain import Style

    key = f"{ARTICLE_KEY}:{FIGURE.id}"
    shown = Style().format_bibliography(database, [key]).entries[0].text.render(Backend())
    assert f"URL: {SITE_URL}{figure_address(FIGURE.id)}." in shown and DATASET.release.version in shown


def test_the_csl_json_renders_with_citeproc(site, pages):
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    exported = json.loads((site / "figures.csl.json").read_text(encoding="utf-8"))
    rows = [
        json.loads(code.get_text())
        for page in pages.values()
        for code in page.select("tr.figure-table__cite pre code")
        if code.get_text().startswith("[")
    ]
    assert len(rows) == len(DATASET.figures) * len(languages())
    for items in [exported, *rows]:
        style = CitationStylesStyle("harvard-cite-them-right", validate=False)
        bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
        for item in items:
            bibliography.register(Citation([CitationItem(item["id"])]))
        rendered = [str(entry) for entry in bibliography.bibliography()]
        assert len(rendered) == len(items)
        for item in items:
            assert any(item["title"] in entry for entry in rendered), (item["title"], rendered)
        figure_items = [i for i in items if i["type"] == "dataset"]
        assert figure_items and all(i["version"] == DATASET.release.version for i in figure_items)


def test_markup_in_the_licences_and_reasons_is_shown_as_text(hostile_site):
    from hostile import INJECTED

    release = hostile_site.dataset.release
    assert "<img src=x" in release.content_licence.name
    pages = html_pages(hostile_site.folder)
    for name, page in pages.items():
        footer = page.select_one(".md-copyright")
        assert footer.select_one('[data-figure="release:licence:content"]').get_text() == release.content_licence.name
        assert footer.select(INJECTED) == [] and footer.find(["strong", "em", "code"]) is None, name
    log = pages[page_address(corrections_page()) + "index.html"].select_one(".change__reason")
    assert log.get_text() == hostile_site.dataset.changes[0].reason("en") and log.find(["img", "strong"]) is None
    card = (hostile_site.folder / addresses().card(next(iter(hostile_site.dataset.figures)))).read_text(
        encoding="utf-8"
    )
    assert "<img" not in card and "&lt;img src" in card
