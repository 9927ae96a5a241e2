"""The site's addresses, anchors and exports are a public interface: other
sites link to them and other people's code reads them."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import zlib
from xml.etree import ElementTree

import pytest
import sphobjinv as soi
from bs4 import BeautifulSoup

from adapter.checks.public_addresses import problem_with, public_addresses, redirect_target
from figures import load_dataset

from helpers import (
    DATA,
    PROJECT,
    SITE_URL,
    addresses,
    build,
    declare_move,
    figure_address,
    golden,
    languages,
    moved_pages,
    nav_sources,
    nav_titles,
    page_address,
    reference_file,
    reference_page,
    site_config,
    suffixes,
)

PUBLIC_URLS = [address for _, address in public_addresses(PROJECT)]
DATASET = load_dataset(DATA, DATA.with_name("figures.schema.json"))
GOLDEN = golden()["figures"]
# A figure to look at closely, and the one given in money.
FIGURE = next(f for f in DATASET.figures.values() if f.qualifier != "as-stated" and not f.currency)
MONEY = next(f for f in DATASET.figures.values() if f.currency)


def test_every_public_address_resolves(site):
    assert [p for p in (problem_with(site, url) for url in PUBLIC_URLS) if p] == []


def test_every_page_and_figure_is_listed_as_public(site, pages):
    listed = set(PUBLIC_URLS)
    for name in pages:
        if name != "404.html":
            assert "/" + name.removesuffix("index.html") in listed, f"{name} is not in public_urls.txt"
    for figure_id in DATASET.figures:
        assert f"/{figure_address(figure_id)}" in listed


# A page to move in the test below: the last of the nav with a public anchor
# (the build checks the anchor through the redirect), and that anchor.
MOVED = next(
    src
    for src in reversed(nav_sources())
    if src != "index.md" and any(a.startswith("/" + page_address(src) + "#") for a in PUBLIC_URLS)
)
MOVED_ANCHOR = next(a for a in PUBLIC_URLS if a.startswith("/" + page_address(MOVED) + "#")).split("#")[1]


def test_moving_a_page_keeps_its_old_address_in_every_edition(project_copy, tmp_path):
    old_src, new_src = MOVED, "moved-" + MOVED
    old, new = MOVED.removesuffix(".md"), new_src.removesuffix(".md")
    # A real rename: every edition's file, the nav and every link.
    for path in [
        project_copy / "mkdocs.yml",
        project_copy / "data" / "figures.yml",
        *(project_copy / "docs").glob("*.md"),
    ]:
        path.write_text(
            re.sub(rf"\b(?<!-){re.escape(old)}((?:\.\w+)?\.md)\b", rf"{new}\1", path.read_text(encoding="utf-8")),
            encoding="utf-8",
        )
    for suffix in suffixes().values():
        (project_copy / f"docs/{old}{suffix}.md").rename(project_copy / f"docs/{new}{suffix}.md")
    with (project_copy / "data/public_urls.txt").open("a", encoding="utf-8") as listed:
        listed.writelines(f"/{folder}{page_address(new_src)}\n" for folder in addresses().editions.values())
    broken = build(project_copy, tmp_path / "renamed")
    assert broken.returncode != 0
    said = broken.stdout + broken.stderr
    assert f"the public address /{page_address(old_src)}" in said and "extra › moved_pages" in said, said

    # The step the build asks for: declare the move.
    declare_move(project_copy / "mkdocs.yml", old_src, new_src)
    result = build(project_copy, tmp_path / "moved")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "moved"
    for language in languages():
        edition = addresses().editions[language]
        old_address = f"/{edition}{page_address(old_src)}"
        assert problem_with(site, old_address + "#" + MOVED_ANCHOR) is None
        html = (site / edition / page_address(old_src) / "index.html").read_text(encoding="utf-8")
        assert redirect_target(html, old_address) == f"/{edition}{page_address(new_src)}", "the same edition's new page"
        page = BeautifulSoup(html, "html.parser")
        assert page.html["lang"] == language
        assert page.find("link", rel="canonical")["href"] == f"{SITE_URL}{edition}{page_address(new_src)}"
        assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
        description = page.find("meta", attrs={"name": "description"})["content"]
        assert description and not re.search(r"\d", description + page.title.get_text())
        assert "location.hash" in page.script.string, "the anchor is kept"
    inventory = {o.name: o.uri for o in soi.Inventory(site / "objects.inv").objects if o.role == "doc"}
    assert inventory[old] == inventory[new] == page_address(new_src)


# -- the reference page --------------------------------------------------------


def test_each_figure_has_exactly_one_anchor_on_the_reference_page(pages):
    reference = pages[reference_file()]
    for figure_id in DATASET.figures:
        assert len(reference.find_all(id=figure_id)) == 1


def test_every_figure_on_every_page_links_to_its_row(pages):
    # A figure's value is a <data> element; each one must sit in a link to its row.
    checked = 0
    for name, soup in pages.items():
        for value in soup.find_all("data"):
            figure_id = value.find_parent(attrs={"data-figure": True})["data-figure"]
            link = value.find_parent("a")
            if name.endswith(reference_file()) and link is None:
                continue  # the row itself, in any edition
            assert link is not None, f"{name}: {figure_id} is not linked"
            assert link["href"].endswith(figure_address(figure_id)), f"{name}: {figure_id} links to {link['href']}"
            checked += 1
    assert checked > len(DATASET.figures) * 2


def test_each_row_offers_quote_and_citations(pages):
    reference = pages[reference_file()]
    figure, release, site_name = FIGURE, DATASET.release, site_config()["site_name"]
    shown, address = GOLDEN[figure.id]["shown"]["en"], SITE_URL + figure_address(figure.id)
    details = reference.select_one(f'tr[data-figure="{figure.id}:cite"] details')
    assert details.blockquote.get_text() == f"“{figure.quote.text}”"
    short, full, figure_bibtex, csl = (code.get_text() for code in details.select("pre code"))
    # The figure first, with its qualifier; then the site and the version; then the article.
    # Its period in the article's words, saying which date was inferred; "reported", never "quoted".
    assert short == (
        f"{figure.label('en')}: {shown}, up to 16\u00a0November\u00a02017, start not stated "
        f"(“so\u00a0far”; end inferred from the article’s date). Khaled Zerouali, as reported in "
        f"“Dismantling Human Traffickers: Morocco Paves the Way for Immigrant Well-Being”, "
        f"16\u00a0November\u00a02017. {site_name}, version {release.version}."
    )
    assert full.startswith(f"{figure.label('en')}: {shown}, ")
    assert f". {site_name}, data version {release.version} of " in full and f", {address}. Based on “" in full
    assert full.endswith("(author, publisher and web address not stated in the source).")
    assert figure_bibtex.startswith(
        f"@misc{{dismantling2017:{figure.id},\n  title = {{{{{figure.label('en')}: {shown}}}}},\n"
    )
    assert "  crossref = {dismantling2017}\n}" in figure_bibtex
    assert [item["id"] for item in json.loads(csl)] == [f"dismantling2017:{figure.id}", "dismantling2017"]
    # The article's entry, once, after the table.
    assert reference.select_one(".figure-table__article pre code").get_text() == (
        "@misc{dismantling2017,\n"
        "  title = {{Dismantling Human Traffickers: Morocco Paves the Way for Immigrant Well-Being}},\n"
        "  key = {Dismantling Human Traffickers: Morocco Paves the Way for Immigrant Well-Being},\n"
        "  year = {2017},\n"
        "  month = nov,\n"
        "  date = {2017-11-16},\n"
        "  howpublished = {News article},\n"
        "  note = {Not stated in the source: author, publisher and web address}\n"
        "}"
    )


def test_bibtex_invents_no_author_publisher_or_address(pages):
    bibtex = pages[reference_file()].select_one(".figure-table__article pre code").get_text()
    assert not re.search(r"^\s*(author|publisher|organization|journal|url|address)\s*=", bibtex, re.M)


# -- exports -------------------------------------------------------------------


def test_json_export(site):
    document = json.loads((site / "figures.json").read_text(encoding="utf-8"))
    records = {r["id"]: r for r in document["figures"]}
    assert set(records) == set(DATASET.figures)
    for figure_id, record in records.items():
        figure = DATASET.figure(figure_id)
        assert (record["value"], record["qualifier"], record["quote"], record["theme"]) == (
            figure.value,
            figure.qualifier,
            figure.quote.text,
            figure.theme.id,
        )
        for key in ("id", "value", "unit", "qualifier", "period", "stated_by", "quote", "theme", "url"):
            assert record[key] not in (None, ""), f"{figure_id}.{key}"
    assert records[FIGURE.id]["url"] == SITE_URL + figure_address(FIGURE.id)
    assert records[FIGURE.id]["qualified_value"] == GOLDEN[FIGURE.id]["shown"]["en"]
    assert records[MONEY.id]["period"]["recurrence"] == MONEY.period.recurrence
    # The currency as the article writes it, a sign its sentence holds: not a code it never gives.
    assert records[MONEY.id]["currency"] == MONEY.currency and MONEY.currency in MONEY.quote.text
    assert document["source"]["author"] is None and document["source"]["not_stated"] == ["author", "publisher", "url"]


def test_csv_export_is_rfc_4180_utf8(site):
    raw = (site / "figures.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "no byte-order mark"
    text = raw.decode("utf-8")
    assert text.count("\r\n") >= len(DATASET.figures) + 1 and "\n" not in text.replace("\r\n", "")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [r["id"] for r in rows] == list(DATASET.figures)
    by_id = {r["id"]: r for r in rows}
    assert by_id[FIGURE.id]["value"] == str(GOLDEN[FIGURE.id]["value"])
    assert by_id[MONEY.id]["qualified_value"] == GOLDEN[MONEY.id]["shown"]["en"]
    assert by_id[MONEY.id]["currency"] == MONEY.currency and by_id[FIGURE.id]["currency"] == ""
    inferred = next(f for f in DATASET.figures.values() if f.period.inferred == {"start", "end"})
    assert by_id[inferred.id]["period_inferred"] == "start end"


# The data package's name as first published: the identifier others cite and
# fetch it by, kept although the article never says "smuggling" (figures/exports.py).
PUBLISHED_PACKAGE_NAME = "morocco-smuggling-trafficking-figures"


def test_datapackage_keeps_its_name_and_says_what_it_holds(site):
    package = json.loads((site / "datapackage.json").read_text(encoding="utf-8"))
    assert package["name"] == PUBLISHED_PACKAGE_NAME
    description = package["description"]
    # Two figures are in the article's own voice: not all are an official's statements.
    assert any(f.quote.speaker is None for f in DATASET.figures.values())
    assert "official statements" not in description.lower() and "in its own voice" in description
    assert "speaker" not in description and "who states it" in description
    # The name's word is explained as the package's, not the article's.
    assert "never speaks of smuggling" in description
    # What each resource is, and no currency the article does not name.
    assert [r["path"] for r in package["resources"]] == ["figures.csv", "figures.json", "figures.csl.json"]
    for export in ("datapackage.json", "figures.csv", "figures.json"):
        assert "USD" not in (site / export).read_text(encoding="utf-8"), export


def test_datapackage_is_valid_frictionless(site):
    from frictionless import validate

    report = validate(site / "datapackage.json")
    assert report.valid, report.flatten(["type", "note"])


def test_every_exported_link_points_at_an_existing_anchor(site, pages):
    document = json.loads((site / "figures.json").read_text(encoding="utf-8"))
    urls = [r["url"] for r in document["figures"]] + [r["theme_url"] for r in document["figures"]]
    urls += [r["theme_url"] for r in document["claims"]]
    urls += [row["url"] for row in csv.DictReader(io.StringIO((site / "figures.csv").read_text(), newline=""))]
    jsonld = json.loads(pages[reference_file()].find("script", type="application/ld+json").string)
    urls += [d["contentUrl"] for d in jsonld["distribution"]] + [jsonld["url"]]
    inventory = soi.Inventory(site / "objects.inv")
    urls += [SITE_URL + obj.uri_expanded for obj in inventory.objects]
    assert [p for p in (problem_with(site, _site_relative(u)) for u in urls) if p] == []


# -- objects.inv ---------------------------------------------------------------


def test_inventory_has_a_label_per_figure_and_a_doc_per_page(site):
    inventory = soi.Inventory(site / "objects.inv")
    labels = {o.name: o for o in inventory.objects if (o.domain, o.role) == ("std", "label")}
    docs = {o.name: o.uri for o in inventory.objects if (o.domain, o.role) == ("std", "doc")}
    assert set(labels) == set(DATASET.figures)
    assert labels[FIGURE.id].uri_expanded == figure_address(FIGURE.id)
    assert labels[FIGURE.id].dispname == f"{FIGURE.label('en')}: {GOLDEN[FIGURE.id]['shown']['en']}"
    # Each page of the nav, and each moved page's old name, still resolving (to its new page).
    expected = {src.removesuffix(".md"): page_address(src) for src in nav_sources()}
    expected |= {old.removesuffix(".md"): page_address(new) for old, new in moved_pages().items()}
    assert docs == expected
    assert (site / "objects.inv").read_bytes().startswith(b"# Sphinx inventory version 2\n")


def test_a_sphinx_project_resolves_figures_through_intersphinx_and_stops_on_an_unknown_one(site, tmp_path):
    """One Sphinx build, warnings as errors but carried on to the end: the
    known figure and page resolve, the unknown figure fails the build."""
    (tmp_path / "conf.py").write_text(
        'extensions = ["sphinx.ext.intersphinx"]\n'
        f'intersphinx_mapping = {{"morocco": ("https://example.org/morocco/", {str(site / "objects.inv")!r})}}\n'
    )
    page = FIGURE.theme.page
    (tmp_path / "index.rst").write_text(
        f"Client\n======\n\nSee :ref:`morocco:{FIGURE.id}` and :doc:`morocco:{page.removesuffix('.md')}`.\n\n"
        f"Not :ref:`morocco:{FIGURE.id}x`.\n"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            "html",
            str(tmp_path),
            str(tmp_path / "_build"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and f"{FIGURE.id}x" in result.stderr, result.stderr
    assert result.stderr.count("WARNING") == 1, result.stderr
    html = BeautifulSoup((tmp_path / "_build/index.html").read_text(), "html.parser")
    links = {a["href"]: a.get_text() for a in html.select("a.reference.external")}
    assert links == {
        f"https://example.org/morocco/{addresses().figure(FIGURE.id)}": f"{FIGURE.label('en')}: {GOLDEN[FIGURE.id]['shown']['en']}",
        f"https://example.org/morocco/{page_address(page)}": nav_titles()[page],
    }


# -- page metadata -------------------------------------------------------------


def test_jsonld_dataset(pages):
    script = pages[reference_file()].find("script", type="application/ld+json")
    data = json.loads(script.string)
    assert data["@type"] == "Dataset"
    # Open at the start ("so far" states no start), and no inferred
    # day: JSON-LD could not mark it as inferred, so only the article's year.
    assert data["temporalCoverage"] == "../2017"
    assert data["spatialCoverage"]["name"] == "Morocco"
    assert data["citation"] == {
        "@type": "NewsArticle",
        "headline": DATASET.source.title,
        "datePublished": "2017-11-16",
        "inLanguage": "en",
    }
    assert {d["contentUrl"] for d in data["distribution"]} == {f"{SITE_URL}figures.csv", f"{SITE_URL}figures.json"}
    assert data["name"] and data["description"]


@pytest.mark.parametrize("language", languages())
def test_each_editions_jsonld_is_in_its_language_at_its_address(pages, language):
    folder = addresses().editions[language]
    page = pages[reference_file(folder)]
    data = json.loads(page.find("script", type="application/ld+json").string)
    site_name = page.find("meta", attrs={"property": "og:site_name"})["content"]
    assert data["inLanguage"] == language
    assert data["url"] == f"{SITE_URL}{folder}{page_address(reference_page())}"
    assert data["name"] == site_name
    assert data["variableMeasured"] == [f.label(language) for f in DATASET.figures.values()]
    assert data["spatialCoverage"]["name"] == DATASET.place(language)
    # The article names no author or publisher: the dataset's are this site, never the article's.
    for role in ("creator", "publisher"):
        assert data[role] == {"@type": "Organization", "name": site_name, "url": f"{SITE_URL}{folder}"}
    assert "author" not in data["citation"] and "publisher" not in data["citation"]


def test_canonical_urls_and_descriptions(pages):
    descriptions: dict[str, dict[str, str]] = {}  # edition folder -> page -> description
    folders = sorted(addresses().editions.values(), key=len)
    for name, soup in pages.items():
        if name == "404.html":
            continue
        canonical = soup.find("link", rel="canonical")["href"]
        assert canonical == SITE_URL + name.removesuffix("index.html")
        folder = next(f for f in reversed(folders) if name.startswith(f))
        descriptions.setdefault(folder, {})[name] = soup.find("meta", attrs={"name": "description"})["content"]
    assert set(descriptions) == set(folders)
    for folder, described in descriptions.items():  # an edition may begin as a copy of another's words
        assert len(set(described.values())) == len(described), f"each page of {folder or '/'} needs its own description"


def test_sitemap_lists_exactly_the_pages(site, pages):
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    sitemap = ElementTree.parse(site / "sitemap.xml")
    listed = sorted(loc.text for loc in sitemap.iterfind("s:url/s:loc", namespace))
    expected = sorted(SITE_URL + name.removesuffix("index.html") for name in pages if name != "404.html")
    assert listed == expected
    assert zlib.decompress((site / "sitemap.xml.gz").read_bytes(), 31).decode() == (site / "sitemap.xml").read_text()


def test_the_search_dialog_has_an_accessible_name(pages):
    for name, page in pages.items():
        dialog = page.select_one('[data-md-component="search"][role="dialog"]')
        assert dialog is not None and dialog.get("aria-label", "").strip(), name


def _site_relative(url: str) -> str:
    """ "https://host/repo/figures/#x" -> "/figures/#x"."""
    assert url.startswith(SITE_URL), f"{url} is not on the site {SITE_URL}"
    return "/" + url[len(SITE_URL) :]
