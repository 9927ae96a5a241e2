"""The English, French and Arabic editions: the same figures from the same
data, rendered as each language writes them, never drifting."""

import json
from xml.etree import ElementTree

import pytest

from figures import load_dataset
from figures.untranslated import MARK

from helpers import (
    DATA,
    PROJECT,
    addresses,
    build,
    editions,
    embeds_page,
    figure_address,
    golden,
    golden_mismatch,
    languages,
    nav_sources,
    or_skipped,
    page_address,
    page_calling,
    start_edition,
    translate_all,
)

EDITIONS = addresses().editions
RIGHT_TO_LEFT = or_skipped(
    [e for e in EDITIONS if editions()[e].direction == "rtl"], "mkdocs.yml declares no right-to-left edition"
)
DEFAULT, *TRANSLATED = languages()
WORDS = {language: edition.words for language, edition in editions().items()}
DATASET = load_dataset(DATA, DATA.with_name("figures.schema.json"))
GOLDEN = golden()
PAGES = [source.removesuffix(".md") for source in nav_sources()]
# The "Use these figures" page shows its figures as images (cards), whose
# values test_sharing.py reads in the SVG files: the pages that show a
# figure in text are those that call a macro with a value.
PAGES_WITH_VALUES = [stem for stem in PAGES if stem != embeds_page().removesuffix(".md")]
A_THEME_PAGE = next(iter(DATASET.themes.values())).page.removesuffix(".md")


def _page(pages, edition, stem):
    return pages[EDITIONS[edition] + page_address(stem + ".md") + "index.html"]


@pytest.mark.parametrize("stem", PAGES)
def test_every_page_exists_in_every_edition_with_its_language_and_direction(pages, stem):
    for edition in EDITIONS:
        soup = _page(pages, edition, stem)
        assert soup.html["lang"] == edition
        assert soup.body["dir"] == editions()[edition].direction
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
    rest = shown[match.end() :].lstrip()
    for power in (10**12, 10**9, 10**6):
        words = {
            format_compact_decimal(n * power, format_type="long", locale=locale).replace(str(n), "").strip()
            for n in (1, 3, 11, 175)
        }
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
            assert _read_back(element.get_text(), locales[edition]) == DATASET.figure(figure_id).value, (
                edition,
                figure_id,
                element.get_text(),
            )
    assert all(shown == shown_in[addresses().default_language] for shown in shown_in.values()), shown_in


@pytest.mark.parametrize("edition", EDITIONS)
def test_renderings_per_locale(pages, edition):
    home = _page(pages, edition, "index")
    shown = {li["data-figure"]: li.data.get_text() for li in home.select(".key-figures > li")}
    expected = {figure_id: g["shown"][edition] for figure_id, g in GOLDEN["figures"].items()}
    assert shown == expected, golden_mismatch("shown", edition, shown, expected)
    assert home.select_one('time[data-figure="source:date_published"]').get_text() == GOLDEN["article_date"][edition]


@pytest.mark.parametrize("edition", TRANSLATED)
def test_quotes_stay_verbatim_in_english_with_our_translation_marked(pages, edition):
    figure = next(iter(DATASET.figures.values()))
    stem = figure.theme.page.removesuffix(".md")
    card = _page(pages, edition, stem).select_one(f'figure.fig-card[data-figure="{figure.id}"]')
    original = card.select_one('blockquote[lang="en"]').get_text()
    assert original == WORDS[edition]["quoted"].format(text=figure.quote.text)  # the edition's quotation marks
    translation = card.select_one(f'.quote__translation[lang="{edition}"]').get_text()
    ours = figure.quote.translation(edition)
    assert translation == WORDS[edition]["our_translation"].format(text=ours)


@pytest.mark.parametrize("edition", EDITIONS)
def test_tooltips_name_the_article_as_the_reporter_in_the_editions_words(pages, edition):
    """A figure's or a claim's tooltip gives its sentence, then who says it:
    the article, reporting the speaker (never the speaker alone, as if
    quoted), or the article naming no one; then the article's title and
    date, with the edition's comma."""
    import re

    words, direction = WORDS[edition], editions()[edition].direction
    title = words["quoted"].format(text=DATASET.source.title)
    where = words["tooltip_source"].format(title=title, date=GOLDEN["article_date"][edition])
    seen = set()
    for stem in PAGES_WITH_VALUES:
        for element in _page(pages, edition, stem).select("article [data-figure][title]"):
            record = DATASET.figures.get(element["data-figure"]) or DATASET.claims.get(
                element["data-figure"].removeprefix("claim:")
            )
            if record is None:
                continue
            tip = re.sub("[\u2066-\u2069]", "", element["title"])  # the isolates of a right-to-left tooltip
            speaker = record.quote.speaker
            if speaker is None:
                who = words["unattributed"]
            else:
                named = words["name_and_role"].format(name=speaker.name_in(edition), role=speaker.role(edition))
                who = words["reporting_in_tooltip"].format(speaker=named)
                assert f"({named})" not in tip
            assert f" ({who}). {where}" in tip, (stem, tip)
            seen.add(speaker is None)
    assert seen == {True, False}, "the check saw no tooltip of a speaker's sentence, or none of the article's own"
    if direction == "rtl":
        assert ", " not in where and "، " in where  # the Arabic comma after the title


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_heading_permalink_is_titled_in_its_editions_words(pages, edition):
    """The ¶ after each heading says what it is in the page's language, on
    every page of the edition (Python-Markdown would say "Permanent link")."""
    titles = {}
    for stem in PAGES:
        for link in _page(pages, edition, stem).select("a.headerlink"):
            titles.setdefault(link.get("title"), []).append(f"{stem}{link['href']}")
    assert list(titles) == [WORDS[edition]["permalink_title"]], {t: where[:3] for t, where in titles.items()}


@pytest.mark.parametrize(
    "edition",
    or_skipped(
        [e for e in EDITIONS if (PROJECT / "overrides" / "partials" / "languages" / f"{e}.html").is_file()],
        "no edition overrides Material's words (overrides/partials/languages/)",
    ),
)
def test_the_interface_speaks_in_the_sites_own_words_where_it_overrides_materials(pages, edition):
    """Where overrides/ gives a language's interface words, every page of
    its edition uses them: the landmarks' and buttons' names, and those the
    search script reads; none of the words they replace is left."""
    import re

    override = (PROJECT / "overrides" / "partials" / "languages" / f"{edition}.html").read_text(encoding="utf-8")
    ours = dict(re.findall(r'^\s*"([a-z.]+)": "(.*)",?$', override, re.M))
    for stem in PAGES:
        page = _page(pages, edition, stem)
        labels = {element["aria-label"] for element in page.select("[aria-label]")}
        for key in ("search", "select.language", "header", "footer", "nav"):
            assert ours[key] in labels, (stem, key)
        script = json.loads(page.select_one("script#__config").get_text())["translations"]
        assert {key: script[key] for key in script if key in ours} == {key: ours[key] for key in script if key in ours}
        # Material's words that the override corrects (wrong hamza, "more than" for "more").
        assert not re.search("إبحث|إختر|الى الحافظة|أكثر من [#1] في", str(page)), stem


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_articles_own_entry_is_in_the_editions_words(pages, edition):
    """Below the reference table, the article's BibTeX entry, and in each
    row's CSL JSON the article's item, say what the article is and what it
    leaves unstated in the edition's language (its title stays the article's)."""
    import re

    words = WORDS[edition]
    page = _page(pages, edition, page_calling("figure_table").removesuffix(".md"))
    entry = page.select_one(".figure-table__article pre code").get_text()
    fields = dict(re.findall(r"^  (\w+) = \{(.*)\},?$", entry, re.M))
    unstated = [
        words["fields"][name] for name in ("author", "publisher", "url") if getattr(DATASET.source, name) is None
    ]
    joined = words["fields_joined"]
    missing = joined["between"].join(unstated[:-1]) + joined["last"] + unstated[-1]
    note = words["article_note"].format(missing=missing)
    note = note[:1].upper() + note[1:]
    kind = DATASET.source.kind(edition)
    assert (fields["howpublished"], fields["note"]) == (kind[:1].upper() + kind[1:], note)
    assert fields["title"] == "{" + DATASET.source.title + "}"
    for block in page.select('tr[data-figure$=":cite"] pre code'):
        if block.get_text().lstrip().startswith("["):
            article = next(item for item in json.loads(block.get_text()) if item["type"] == "article-newspaper")
            assert article["note"] == note and article["title"] == DATASET.source.title


def test_english_quotes_carry_no_translation(pages):
    assert _page(pages, DEFAULT, A_THEME_PAGE).select(".quote__translation") == []


@pytest.mark.parametrize("edition", EDITIONS)
def test_language_selector_links_to_the_same_page_in_each_edition(pages, edition):
    import posixpath

    here = EDITIONS[edition] + page_address(A_THEME_PAGE + ".md")
    links = {a["hreflang"]: a["href"] for a in _page(pages, edition, A_THEME_PAGE).select("a.md-select__link")}
    assert links == {
        other: posixpath.relpath(prefix + page_address(A_THEME_PAGE + ".md"), here) + "/"
        for other, prefix in EDITIONS.items()
    }


def test_sitemap_gives_every_page_its_hreflang_alternates(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ElementTree.parse(site / "sitemap.xml").findall("s:url", ns)
    assert len(urls) == len(PAGES) * len(EDITIONS)
    for url in urls:
        alternates = {link.get("hreflang") for link in url.findall("x:link", ns)}
        assert alternates == set(EDITIONS), url.find("s:loc", ns).text


def test_each_edition_searches_its_own_index(site, pages):
    def page_entries(prefix: str) -> dict[str, dict]:
        index = json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        entries = [doc for doc in index["docs"] if "#" not in doc["location"]]
        # Each page once, at its address in the edition: another edition's
        # pages would come twice, or under its folder.
        assert len({doc["location"] for doc in entries}) == len(entries), prefix
        return {doc["location"]: doc for doc in entries}

    default = page_entries("")
    for edition, prefix in EDITIONS.items():
        entries = default if not prefix else page_entries(prefix)
        # mkdocs-static-i18n leaves out of an edition's index a section
        # whose title and text are the default edition's, word for word (a
        # copy not yet translated), so that search shows it once: such a page
        # is found in the default edition's index, under the same title.
        expected = {page_address(stem + ".md"): stem for stem in PAGES}
        title = {address: _page(pages, edition, stem).h1.get_text().strip("¶ ") for address, stem in expected.items()}
        assert set(entries) <= set(expected), edition
        copies = set(expected) - set(entries)
        assert prefix or not copies, f"pages missing from the default edition's index: {sorted(copies)}"
        assert {address: default[address]["title"] for address in copies} == {a: title[a] for a in copies}, edition
        assert {address: doc["title"] for address, doc in entries.items()} == {
            address: title[address] for address in expected if address not in copies
        }, edition


@pytest.mark.parametrize("edition", RIGHT_TO_LEFT)
def test_right_to_left_chart_reads_right_to_left(pages, edition):
    svg = _page(pages, edition, page_calling("timeline_chart").removesuffix(".md")).select_one(
        'figure.chart[data-figure="chart-timeline"] svg'
    )
    assert svg["direction"] == "rtl"
    width = float(svg["viewbox"].split()[2])
    spans = [g for g in svg.find_all("g") if g.get("data-figure", "").startswith("period:")]
    assert len(spans) >= 2
    start = width - 6  # the reading start, inside the margin
    for group in spans:
        bar = group.find("rect")
        # Every period ends on the article's date: at the axis' far end, the left in Arabic.
        assert float(bar["x"]) == pytest.approx(6, abs=0.5)
        assert float(group.select_one("text.chart__label")["x"]) == start


def test_the_not_found_page_is_the_default_editions(pages):
    # Each edition builds a 404.html at the root; the last one must not win.
    assert pages["404.html"].html["lang"] == DEFAULT


# A language that is not an edition yet, for the tests that start one.
NEW = next(language for language in ("es", "de", "pt", "it") if language not in EDITIONS)


def _marks(project) -> int:
    return sum(
        path.read_text(encoding="utf-8").count(MARK)
        for path in [project / "mkdocs.yml", *(project / "data").glob("*.yml"), *(project / "docs").glob("*.md")]
    )


def test_a_new_edition_is_one_command_and_is_not_published_until_translated(project_copy, tmp_path):
    import re

    from bs4 import BeautifulSoup

    from figures.errors import LISTED_AT_MOST

    started = start_edition(project_copy, NEW)
    assert _marks(project_copy) == started.marked > len(DATASET.figures)
    refused = build(project_copy, tmp_path / "refused")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0 and "Traceback" not in output, output
    assert (
        f"the edition '{NEW}' still has texts copied from the default edition and marked {MARK}: "
        f"{started.marked} texts" in output
    ), output
    listed = re.findall(r"^  - (\S+), line (\d+)", output, re.M)
    assert len(listed) == LISTED_AT_MOST and f"({started.marked} in all)" in output
    for file, line in listed:  # each one points at a marked line
        assert MARK in (project_copy / file).read_text(encoding="utf-8").splitlines()[int(line) - 1], (file, line)

    translate_all(project_copy)  # (as a translator's last step would leave it: no mark)
    result = build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    figure = next(iter(DATASET.figures.values()))
    page = BeautifulSoup(
        (site / NEW / addresses().page(figure.theme.page) / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert page.html["lang"] == NEW and MARK not in page.get_text()
    card = page.select_one(f'figure.fig-card[data-figure="{figure.id}"]')
    assert card.select_one("data")["value"] == str(figure.value)
    assert card.select_one(".fig-card__value a")["href"] == "../" + figure_address(figure.id), (
        "links stay in the edition"
    )
    assert (site / NEW / "search" / "search_index.json").is_file()


def test_every_missing_text_of_an_edition_is_reported_at_once(tmp_path):
    """One message for an edition declared with none of its texts: the site's
    words and each text of the data file, with its line, the first ones
    listed, then how many in all."""
    import re
    import shutil

    from figures import FigureDataError
    from figures.editions import load_editions, localized_texts
    from figures.errors import LISTED_AT_MOST

    from helpers import DataFileEditor

    shutil.copytree(DATA.parent, tmp_path / "data")
    data_file = tmp_path / "data" / "figures.yml"
    dataset = load_dataset(data_file, data_file.with_name("figures.schema.json"), "data/figures.yml")
    with pytest.raises(FigureDataError) as raised:
        load_editions(tmp_path / "data" / "site_words.yml", [*languages(), NEW], "data/site_words.yml", dataset=dataset)
    message = str(raised.value)
    expected = 1 + sum(1 for _ in localized_texts(dataset))  # the words' entry, and each text of the data
    assert message.startswith(f"the editions' texts are incomplete: {expected} problems")
    assert f"  - data/site_words.yml, line 1: no entry for the edition '{NEW}'" in message
    listed = re.findall(r"^  - data/figures.yml, line (\d+), at (.+): no text for the edition '(\w+)'$", message, re.M)
    assert len(listed) == LISTED_AT_MOST - 1 and {language for *_, language in listed} == {NEW}
    editor = DataFileEditor(data_file)
    assert all(int(line) == editor.line(*key.split(" › ")) for line, key, _ in listed)
    assert message.endswith(f"… and {expected - LISTED_AT_MOST} more ({expected} in all).")


def test_serve_shows_a_started_edition_with_its_marks(project_copy, tmp_path):
    """`mkdocs serve` shows an edition not yet translated as it stands, each
    copied text with its mark: the page, its title in the nav, the site's
    name, a figure's label."""
    import time

    from helpers import fetch, mkdocs_serve

    start_edition(project_copy, NEW)
    figure = next(iter(DATASET.figures.values()))
    with mkdocs_serve(project_copy, tmp_path / "serve.log") as (base, _):
        url = f"{base}{NEW}/{addresses().page(figure.theme.page)}"
        deadline = time.monotonic() + 180  # room for a machine shared with other work
        while f'data-figure="{figure.id}"' not in (html := fetch(url)) and time.monotonic() < deadline:
            time.sleep(0.2)
    from bs4 import BeautifulSoup

    page = BeautifulSoup(html, "html.parser")
    assert page.select_one("article"), (tmp_path / "serve.log").read_text()
    assert "build-problem" not in html
    title = next(t for s, t in __import__("helpers").nav_titles().items() if s == figure.theme.page)
    assert f"{MARK} {title}" in page.select_one(".md-nav--primary").get_text()
    assert f"{MARK} " in page.select_one(".md-header__topic").get_text()
    assert page.select_one("article").get_text().lstrip().startswith(MARK), "the page's own mark, on top"
    card = page.select_one(f'figure.fig-card[data-figure="{figure.id}"]')
    assert f"{MARK} {figure.label(DEFAULT)}" in card.get_text()


def test_an_edition_without_its_words_stops_the_build(project_copy, tmp_path):
    import yaml

    start_edition(project_copy, NEW)
    translate_all(project_copy)
    words_file = project_copy / "data" / "site_words.yml"
    words = yaml.safe_load(words_file.read_text(encoding="utf-8"))
    del words[NEW]
    words_file.write_text(yaml.safe_dump(words, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = build(project_copy, tmp_path / "site", strict=False)
    assert result.returncode != 0
    assert f"data/site_words.yml, line 1: no entry for the edition '{NEW}'" in result.stdout + result.stderr


@pytest.mark.parametrize("edition", [language for language in EDITIONS if EDITIONS[language]])
def test_every_link_in_a_page_stays_in_its_edition(pages, edition):
    """Links that the pages and macros make lead to the same edition; only
    the exports, published once at the root, are shared."""
    import posixpath

    from figures import addresses as site_addresses

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
            if target.split("/")[-1] in {
                value for name, value in vars(site_addresses).items() if name.endswith("_PATH")
            }:
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
        if not any(
            a.name in ("bdi", "code", "pre", "kbd") or a.get("dir") == "ltr"
            for a in node.parents
            if a is not article and a.name
        ):
            found.append(node.strip()[:80])
    return found


@pytest.mark.parametrize("edition", RIGHT_TO_LEFT)
def test_every_latin_run_in_right_to_left_pages_is_isolated(pages, dataset, edition):
    right_to_left = [EDITIONS[edition]]
    articles = {
        name: soup.select_one("article") for name, soup in pages.items() if name.startswith(tuple(right_to_left))
    }
    offenders = {name: found for name, article in articles.items() if (found := _latin_outside_isolates(article))}
    assert offenders == {}
    # The check saw Latin text to judge: the speaker's name, as the data writes it, on the edition's pages.
    assert all(
        any(speaker.name in article.get_text() for article in articles.values())
        for speaker in dataset.speakers.values()
    )


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_first_of_a_month_as_each_edition_writes_it(pages, edition):
    """The year-to-date period starts on 1 January: "1er janvier" in French."""
    shown = _page(pages, edition, page_calling("period_start").removesuffix(".md")).select_one(
        'time[data-figure="period:year-to-date-2017:start"]'
    )
    assert shown.get_text() == GOLDEN["period_start"][edition]


@pytest.mark.parametrize(
    "edition", or_skipped([e for e in EDITIONS if e.startswith("ar")], "there is no Arabic edition")
)
def test_arabic_keeps_each_number_with_the_word_that_governs_it(pages, edition):
    """ "الفقرة 2" and "في 16 نونبر 2017" never split across lines: a no-break
    space joins the word and its number or date."""
    page = _page(pages, edition, page_calling("figure_card").removesuffix(".md"))
    paragraphs = page.select('[data-figure^="quote:"][data-figure$=":paragraph"]')
    assert paragraphs
    for number in paragraphs:
        assert str(number.previous_sibling).endswith("الفقرة\u00a0"), number.parent
    published = page.article.select_one('p time[data-figure="source:date_published"]')
    assert str(published.previous_sibling).endswith("في\u00a0") and "\u00a0" in published.get_text()


def test_a_pages_title_sets_the_site_name_apart_with_an_en_dash(pages):
    """<title>: the page's title, an en dash, the edition's site name (as
    typesetting in the three languages separates them; Material writes a
    hyphen, overrides/main.html's htmltitle block replaces it)."""
    wrong = {name: page.title.string for name, page in pages.items() if " - " in page.title.string}
    assert wrong == {}
    with_page_title = [page.title.string for page in pages.values() if " – " in page.title.string]
    assert len(with_page_title) >= len(pages) - len(EDITIONS) - 1, "every page but the home pages and 404"
