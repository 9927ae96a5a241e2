"""The English, French and Arabic editions: the same figures from the same
data, rendered as each language writes them, never drifting."""

import json
from xml.etree import ElementTree

import pytest

from figures import load_dataset
from adapter.page_urls import nav_pages
from helpers import DATA, PROJECT, addresses, build, editions, golden, site_config

EDITIONS = addresses().editions
DATASET = load_dataset(DATA, DATA.with_name("figures.schema.json"))
GOLDEN = golden()
ENGLISH_PAGES = sorted(p.relative_to(PROJECT / "docs").with_suffix("").as_posix()
                       for p in (PROJECT / "docs").glob("*.md") if "." not in p.stem)
# The "Use these figures" page shows its figures as images (cards), whose
# values test_sharing.py reads in the SVG files.
PAGES_WITH_VALUES = [stem for stem in ENGLISH_PAGES if stem != "use"]


def _page(pages, edition, stem):
    return pages[EDITIONS[edition] + ("index.html" if stem == "index" else f"{stem}/index.html")]


@pytest.mark.parametrize("stem", ENGLISH_PAGES)
def test_every_page_exists_in_every_edition_with_its_language_and_direction(pages, stem):
    for edition in EDITIONS:
        soup = _page(pages, edition, stem)
        assert soup.html["lang"] == edition
        assert soup.body["dir"] == ("rtl" if edition == "ar" else "ltr")
        # The document's direction is on its root too, not only on <body>.
        assert soup.html.get("dir", "ltr") == soup.body["dir"]


def _read_back(shown: str, locale: str) -> int:
    """The number a reader of `locale` reads in `shown` ("plus de 23 000
    personnes", "175 مليون"), parsed with Babel, not with the site's code."""
    import re
    from babel.numbers import format_compact_decimal, parse_decimal
    shown = re.sub("[\u200e\u200f\u2066-\u2069]", "", shown)
    match = re.search(r"\d(?:[\d\s,.\u202f\u00a0\u066b\u066c]*\d)?", shown)
    value = int(parse_decimal(match.group().strip(), locale=locale, strict=True))
    rest = shown[match.end():].lstrip()
    for power in (10**12, 10**9, 10**6):
        words = {format_compact_decimal(n * power, format_type="long", locale=locale).replace(str(n), "").strip()
                 for n in (1, 3, 11, 175)}
        if any(word and rest.startswith(word) for word in words):
            return value * power
    return value


@pytest.mark.parametrize("stem", PAGES_WITH_VALUES)
def test_each_edition_shows_the_same_figures_and_reads_back_as_their_values(pages, stem):
    """Every edition's page shows the same figures, and each number shown,
    read back as a reader of that edition's locale reads it, is the value
    of the data file."""
    locales = {language: edition.locale for language, edition in editions().items()}
    shown_in = {}
    for edition in EDITIONS:
        shown = shown_in[edition] = set()
        for element in _page(pages, edition, stem).select("[data-figure] data"):
            owner = element if element.has_attr("data-figure") else element.find_parent(attrs={"data-figure": True})
            figure_id = owner["data-figure"].split(":")[0]
            shown.add(figure_id)
            assert _read_back(element.get_text(), locales[edition]) == DATASET.figure(figure_id).value, \
                (edition, figure_id, element.get_text())
    assert all(shown == shown_in[addresses().default_language] for shown in shown_in.values()), shown_in


@pytest.mark.parametrize("edition", EDITIONS)
def test_renderings_per_locale(pages, edition):
    home = _page(pages, edition, "index")
    shown = {li["data-figure"]: li.data.get_text() for li in home.select(".key-figures > li")}
    assert shown == {figure_id: g["shown"][edition] for figure_id, g in GOLDEN["figures"].items()}
    assert home.select_one('time[data-figure="source:date_published"]').get_text() == GOLDEN["article_date"][edition]


@pytest.mark.parametrize("edition", ["fr", "ar"])
def test_quotes_stay_verbatim_in_english_with_our_translation_marked(pages, edition):
    figure = next(iter(DATASET.figures.values()))
    stem = figure.theme.page.removesuffix(".md")
    card = _page(pages, edition, stem).select_one(f'figure.fig-card[data-figure="{figure.id}"]')
    original = card.select_one('blockquote[lang="en"]').get_text()
    assert original == {"fr": f"«\u202f{figure.quote.text}\u202f»", "ar": f"«{figure.quote.text}»"}[edition]
    translation = card.select_one(f'.quote__translation[lang="{edition}"]').get_text()
    ours = figure.quote.translation(edition)
    assert translation == {"fr": f"Notre traduction\u202f: «\u202f{ours}\u202f»", "ar": f"ترجمتنا: «{ours}»"}[edition]


def test_english_quotes_carry_no_translation(pages):
    assert _page(pages, "en", "regularisation").select(".quote__translation") == []


def test_language_selector_links_to_the_same_page_in_each_edition(pages):
    links = {a["hreflang"]: a["href"] for a in _page(pages, "fr", "enforcement").select("a.md-select__link")}
    assert links == {"en": "../../enforcement/", "fr": "./", "ar": "../../ar/enforcement/"}


def test_sitemap_gives_every_page_its_hreflang_alternates(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ElementTree.parse(site / "sitemap.xml").findall("s:url", ns)
    assert len(urls) == len(ENGLISH_PAGES) * len(EDITIONS)
    for url in urls:
        alternates = {link.get("hreflang") for link in url.findall("x:link", ns)}
        assert alternates == set(EDITIONS), url.find("s:loc", ns).text


def test_each_edition_searches_its_own_index(site):
    for edition, prefix in EDITIONS.items():
        index = json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        locations = {doc["location"].split("#")[0] for doc in index["docs"]}
        assert locations == {"" if stem == "index" else f"{stem}/" for stem in ENGLISH_PAGES}, edition
        text = " ".join(doc["text"] for doc in index["docs"])
        marker = {"en": "Every figure reported by the article", "fr": "tous les chiffres rapportés par l’article",
                  "ar": "جميع الأرقام التي أوردها المقال"}
        assert marker[edition] in text
        assert all(marker[other] not in text for other in marker if other != edition)


def test_arabic_chart_reads_right_to_left(pages):
    svg = _page(pages, "ar", "index").select_one('figure.chart[data-figure="chart-counts"] svg')
    assert svg["direction"] == "rtl"
    width = float(svg["viewbox"].split()[2])
    bars = [g for g in svg.find_all("g") if g.find("rect", class_="chart__bar")]
    assert len(bars) >= 2
    for group in bars:
        bar = group.find("rect", class_="chart__bar")
        start = width - 6  # the reading start, inside the margin
        assert float(bar["x"]) + float(bar["width"]) == pytest.approx(start)  # bars grow from the right
        assert float(group.select_one("text.chart__label")["x"]) == start


def test_the_not_found_page_is_the_default_editions(pages):
    # Each edition builds a 404.html at the root; the last one must not win.
    assert pages["404.html"].html["lang"] == "en"


def add_edition(project, language: str, locale: str, name: str) -> None:
    """A fourth edition, its texts copied from English: mkdocs.yml, the pages,
    the data file and the site's words, and nothing else."""
    import copy
    import re
    import yaml
    config = project / "mkdocs.yml"
    titles = [title for title, _ in nav_pages(site_config()["nav"])]
    entry = (f"        - locale: {language}\n          name: {name}\n          build: true\n"
             "          nav_translations:\n" + "".join(f"            {t}: {t}\n" for t in titles))
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(\n  - macros:)", "\n" + entry.rstrip("\n") + r"\1", text, count=1),
                      encoding="utf-8")
    for page in (project / "docs").glob("*.md"):
        if page.stem.count(".") == 0:
            page.with_name(f"{page.stem}.{language}.md").write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    data_file = project / "data" / "figures.yml"
    data = yaml.safe_load(data_file.read_text(encoding="utf-8"))

    def copy_english(value):
        if isinstance(value, dict):
            if "en" in value and all(isinstance(v, str) for v in value.values()):
                value[language] = value["en"]
            for child in value.values():
                copy_english(child)
        if isinstance(value, list):  # the log of changes: each entry's reason
            for child in value:
                copy_english(child)
    copy_english(data)
    for quote in data["quotes"].values():
        quote["translation"][language] = quote["text"]
    for claim in data["claims"].values():
        claim["excerpt_translation"][language] = claim["excerpt"]
    for period in data["periods"].values():
        period["wording_translation"][language] = period["wording"]
    data_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")
    words_file = project / "data" / "site_words.yml"
    words = yaml.safe_load(words_file.read_text(encoding="utf-8"))
    words[language] = {**copy.deepcopy(words["en"]), "locale": locale}  # no shared objects: no YAML aliases
    words_file.write_text(yaml.safe_dump(words, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_a_fourth_edition_needs_only_its_texts(project_copy, tmp_path):
    add_edition(project_copy, "es", "es_ES", "Español")
    result = build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    page = (site / "es" / "regularisation" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="es"' in page
    figure = next(iter(DATASET.figures.values()))
    from bs4 import BeautifulSoup
    card = BeautifulSoup((site / "es" / addresses().page(figure.theme.page) / "index.html").read_text(encoding="utf-8"),
                         "html.parser").select_one(f'figure.fig-card[data-figure="{figure.id}"]')
    assert card.select_one("data")["value"] == str(figure.value)
    assert card.select_one(".fig-card__value a")["href"] == f"../figures/#{figure.id}", "links stay in the edition"
    assert (site / "es" / "search" / "search_index.json").is_file()


def test_an_edition_without_its_words_stops_the_build(project_copy, tmp_path):
    add_edition(project_copy, "es", "es_ES", "Español")
    import yaml
    words_file = project_copy / "data" / "site_words.yml"
    words = yaml.safe_load(words_file.read_text(encoding="utf-8"))
    del words["es"]
    words_file.write_text(yaml.safe_dump(words, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = build(project_copy, tmp_path / "site", strict=False)
    assert result.returncode != 0
    assert "data/site_words.yml, line 1: no entry for the edition 'es'" in result.stdout + result.stderr


@pytest.mark.parametrize("edition", [language for language in EDITIONS if EDITIONS[language]])
def test_every_link_in_a_page_stays_in_its_edition(pages, edition):
    """Links that the pages and macros make lead to the same edition; only
    the exports, published once at the root, are shared."""
    import posixpath
    from figures.addresses import EXPORTS
    folder = EDITIONS[edition]
    checked = 0
    for name, soup in pages.items():
        if not name.startswith(folder):
            continue
        base = posixpath.dirname(name) + "/"
        for link in soup.select(".md-content a[href]"):
            href = link["href"]
            if href.startswith(("#", "http:", "https:", "mailto:")):
                continue
            target = posixpath.normpath(posixpath.join(base, href.split("#")[0]))
            if target.split("/")[-1] in EXPORTS:
                continue
            assert (target + "/").startswith(folder), f"{name}: {href} leaves the {edition} edition"
            checked += 1
    assert checked > 30, "the check found too few links to be meaningful"


def _latin_outside_isolates(article) -> list[str]:
    """Text with Latin letters, in a right-to-left page, that no isolate
    (<bdi>, an element with dir="ltr", code) protects from reordering."""
    import re
    found = []
    for node in article.find_all(string=re.compile(r"[A-Za-z]")):
        if node.find_parent(["script", "style"]):
            continue
        # Unicode's isolates (LRI … PDI) do in SVG text what <bdi> does in HTML.
        if not re.search(r"[A-Za-z]", re.sub("\u2066[^\u2069]*\u2069", "", node)):
            continue
        if not any(a.name in ("bdi", "code", "pre", "kbd") or a.get("dir") == "ltr"
                   for a in node.parents if a is not article and a.name):
            found.append(node.strip()[:80])
    return found


def test_every_latin_run_in_arabic_pages_is_isolated(pages):
    right_to_left = [language for language in EDITIONS if language == "ar"]
    assert right_to_left, "the site has an Arabic edition"
    offenders = {name: found for name, soup in pages.items() if name.startswith("ar/")
                 and (found := _latin_outside_isolates(soup.select_one("article")))}
    assert offenders == {}


def test_the_isolation_check_would_catch_a_bare_latin_word():
    from bs4 import BeautifulSoup
    planted = BeautifulSoup('<article><p>قال <bdi>Zerouali</bdi> إن US$ <span dir="ltr">ok</span></p>'
                            '<svg><text>مليون \u2066US$\u2069</text><text>مليون US$</text></svg></article>',
                            "html.parser")
    assert _latin_outside_isolates(planted.article) == ["إن US$", "مليون US$"]


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_first_of_a_month_as_each_edition_writes_it(pages, edition):
    """The year-to-date period starts on 1 January: "1er janvier" in French."""
    shown = _page(pages, edition, "enforcement").select_one('time[data-figure="period:year-to-date-2017:start"]')
    assert shown.get_text() == GOLDEN["period_start"][edition]


def test_arabic_keeps_each_number_with_the_word_that_governs_it(pages):
    """"الفقرة 2" and "في 16 نونبر 2017" never split across lines: a no-break
    space joins the word and its number or date."""
    page = _page(pages, "ar", "enforcement")
    paragraphs = page.select('[data-figure^="quote:"][data-figure$=":paragraph"]')
    assert paragraphs
    for number in paragraphs:
        assert str(number.previous_sibling).endswith("الفقرة\u00a0"), number.parent
    published = page.article.select_one('p time[data-figure="source:date_published"]')
    assert str(published.previous_sibling).endswith("في\u00a0") and "\u00a0" in published.get_text()
