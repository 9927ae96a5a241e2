"""A shared link or an embedded figure carries its source: Open Graph and
Twitter tags on every page, a preview image per page drawn from the data,
and an embeddable SVG card per figure in each edition."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from figures.cards import markdown_alt
from figures.citation import period_words
from figures.drawing import LEFT_TO_RIGHT_ISOLATE, POP_DIRECTIONAL_ISOLATE, isolated_runs
from figures.preview import Preview, PreviewFigure, preview_png
from figures.shaping import display_order, strong_left_to_right_outside_isolates

from helpers import (
    PROJECT,
    SITE_URL,
    addresses,
    build,
    clean_environment,
    copy_project,
    editions,
    embeds_page,
    golden,
    languages,
    missing_in_ci_fails,
    without_system_fribidi,
)

GOLDEN = golden()
SVG = "{http://www.w3.org/2000/svg}"
NAV_PAGES = list(addresses().pages)


def _page_file(src: str, language: str) -> str:
    address = addresses().page(src, language)
    return address + "index.html" if address.endswith("/") or not address else address


def _meta(page: BeautifulSoup, key: str) -> list[str]:
    return [
        m["content"]
        for m in page.find_all("meta", attrs={"property": key}) + page.find_all("meta", attrs={"name": key})
    ]


def _plain(text: str) -> str:
    return text.replace(LEFT_TO_RIGHT_ISOLATE, "").replace(POP_DIRECTIONAL_ISOLATE, "")


@pytest.mark.parametrize("language", languages())
@pytest.mark.parametrize("src", NAV_PAGES)
def test_every_page_has_its_sharing_tags_and_preview_image(pages, site, src, language):
    page = pages[_page_file(src, language)]
    edition = editions()[language]
    one = {
        key: _meta(page, key)
        for key in (
            "og:title",
            "og:description",
            "og:url",
            "og:locale",
            "og:site_name",
            "og:image",
            "og:image:alt",
            "og:image:width",
            "og:image:height",
            "twitter:card",
        )
    }
    for key, values in one.items():
        assert len(values) == 1 and values[0].strip(), f"{key}: {values}"
    assert one["og:url"][0] == page.find("link", rel="canonical")["href"]
    assert one["og:url"][0] == SITE_URL + addresses().page(src, language)
    assert one["og:locale"][0] == edition.locale
    assert set(_meta(page, "og:locale:alternate")) == {e.locale for lang, e in editions().items() if lang != language}
    assert one["twitter:card"] == ["summary_large_image"]
    image = one["og:image"][0]
    assert image == SITE_URL + addresses().preview(src, language)
    with Image.open(site / image.removeprefix(SITE_URL)) as preview:
        assert preview.format == "PNG" and preview.size == (1200, 630)
        assert (one["og:image:width"][0], one["og:image:height"][0]) == ("1200", "630")
    assert (site / image.removeprefix(SITE_URL)).stat().st_size < 300_000
    # A page whose image shows no figure prints its description instead: the alt says it too.
    alt = _plain(one["og:image:alt"][0])
    if not any(shown["with_unit"][language] in alt for shown in GOLDEN["figures"].values()):
        assert _plain(one["og:description"][0]) in alt, alt


@pytest.mark.parametrize("language", languages())
def test_a_theme_pages_preview_names_its_figures_with_their_qualifiers(pages, dataset, language):
    for figure in dataset.figures.values():
        page = pages[_page_file(figure.theme.page, language)]
        alt = _plain(_meta(page, "og:image:alt")[0])
        assert GOLDEN["figures"][figure.id]["with_unit"][language] in alt
        assert GOLDEN["article_date"][language] in alt


def test_a_preview_image_is_the_same_bytes_for_the_same_content():
    """Drawn in this process and in another one: the same bytes (the fonts
    are the repository's, not the machine's); a changed title, other bytes."""
    from figures.preview import Preview, PreviewFigure, preview_png

    fields = {
        "title": "Title",
        "figures": (PreviewFigure("more than 1,000 people", "Label"),),
        "summary": "",
        "source_line": "Source: “X”, 1 January 2000",
        "site": "Site · example.org",
        "language": "ar",
        "direction": "rtl",
    }
    script = (
        "import sys; from figures.preview import Preview, PreviewFigure, preview_png; "
        f"sys.stdout.buffer.write(preview_png(Preview(**{fields!r})))"
    )
    elsewhere = subprocess.run([sys.executable, "-c", script], cwd=PROJECT, capture_output=True, check=True).stdout
    assert preview_png(Preview(**fields)) == elsewhere
    assert preview_png(Preview(**{**fields, "title": "Other"})) != elsewhere


@pytest.mark.parametrize("language", languages())
def test_each_figure_has_a_standalone_svg_card(site, dataset, language):
    for figure in dataset.figures.values():
        content = (site / addresses().card(figure.id, language)).read_text(encoding="utf-8")
        root = ElementTree.fromstring(content)  # well-formed XML
        assert root.tag == f"{SVG}svg" and root.get("lang") == language
        assert not re.search(r"(?:href|src)\s*=|@import|url\((?!#)", content), "no external reference"
        texts = _plain(" ".join(t.text or "" for t in root.iter(f"{SVG}text")))
        expected = GOLDEN["figures"][figure.id]
        assert expected["with_unit"][language] in texts
        assert figure.label(language) in texts and GOLDEN["article_date"][language] in texts
        speaker = figure.quote.speaker
        assert (speaker.name_in(language) if speaker else editions()[language].words["article_voice"]) in texts
        # Its description says who states it in a sentence of its own, the article reporting the speaker.
        words, description = editions()[language].words, _plain(root.find(f"{SVG}desc").text)
        who = (
            words["card_who"].format(
                speaker=words["name_and_role"].format(name=speaker.name_in(language), role=speaker.role(language))
            )
            if speaker
            else words["card_who_article"]
        )
        assert f"). {who} " in description, description
        # The address, in lines broken after a "/" when it is long, reads whole.
        address = "".join(_plain(t.text) for t in root.iter(f"{SVG}text") if t.get("class") == "card__address")
        assert address == SITE_URL.split("//")[1] + addresses().figure(figure.id, language)


def test_card_addresses_are_public_addresses(dataset):
    listed = (PROJECT / "data" / "public_urls.txt").read_text(encoding="utf-8").split()
    for language in languages():
        for figure in dataset.figures.values():
            assert "/" + addresses().card(figure.id, language) in listed


@pytest.mark.parametrize("language", languages())
def test_the_use_page_offers_each_card_with_working_snippets(pages, site, dataset, language):
    page = pages[_page_file(embeds_page(), language)]
    for figure in dataset.figures.values():
        section = page.select_one(f'section[data-figure="{figure.id}:embed"]')
        card = SITE_URL + addresses().card(figure.id, language)
        row = SITE_URL + addresses().figure(figure.id, language)
        markdown, html = (code.get_text() for code in section.select("pre code"))
        assert re.fullmatch(r"\[!\[(?:[^\[\]\\]|\\.)+\]\((\S+)\)\]\((\S+)\)", markdown).groups() == (card, row)
        snippet = BeautifulSoup(html, "html.parser")
        assert snippet.a["href"] == row and snippet.img["src"] == card
        # What stands in for the card keeps its figure's qualifier, period and who states it.
        alt, words = snippet.img["alt"], editions()[language].words
        assert alt.startswith(figure.label(language)) and GOLDEN["figures"][figure.id]["with_unit"][language] in alt
        assert period_words(figure.period, editions()[language]) in alt
        speaker = figure.quote.speaker
        assert alt.endswith(
            words["card_who"].format(speaker=speaker.name_in(language)) if speaker else words["card_who_article"]
        )
        shown = section.select_one("img")
        assert shown["alt"] == alt and f"[![{markdown_alt(alt)}]" in markdown
        assert (site / _page_file(embeds_page(), language)).parent.joinpath(shown["src"]).resolve() == (
            site / addresses().card(figure.id, language)
        ).resolve()


def test_markdown_alternative_text_cannot_break_out_of_the_image():
    assert markdown_alt("a] (b) [c \\ d\ne") == "a\\] (b) \\[c \\\\ d e"


# A preview's record, as a page of the site would give it.
_SAHEL = Preview(
    title="Sahel",
    figures=(PreviewFigure("as much as $175 million", "earnings"),),
    summary="",
    source_line="Source",
    site="Site",
    language="en",
    direction="ltr",
)


def test_kept_preview_images_are_drawn_again_only_when_what_they_show_changes(tmp_path, monkeypatch):
    """adapter/build/preview_cache.py: the same record is read back, not drawn;
    a changed one is drawn and replaces the old file; the same page of a
    site at another address is kept beside it."""
    import adapter.build.preview_cache as preview_cache

    drawn = []
    monkeypatch.setattr(preview_cache, "preview_png", lambda p: drawn.append(p) or repr(p).encode())
    cache = preview_cache.PreviewCache(tmp_path)
    record = _SAHEL
    first = cache.png(record, "sahel/preview.png")
    assert cache.png(record, "sahel/preview.png") == first and drawn == [record]
    changed = Preview(**{**record.__dict__, "title": "Sahel and beyond"})
    assert cache.png(changed, "sahel/preview.png") != first and drawn == [record, changed]
    assert len(list(tmp_path.glob("sahel~preview@*.png"))) == 1
    elsewhere = Preview(**{**changed.__dict__, "site": "Site · example.org"})
    cache.png(elsewhere, "sahel/preview.png")
    assert cache.png(changed, "sahel/preview.png") and drawn == [record, changed, elsewhere]
    assert len(list(tmp_path.glob("sahel~preview@*.png"))) == 2


def test_under_mkdocs_serve_an_image_is_drawn_beside_the_build_to_the_same_bytes(tmp_path):
    """adapter/build/preview_cache.py: started when its page is rendered, an
    image is drawn in a process of its own, to the bytes drawn here; once
    kept, it starts nothing; the process stops with the build."""
    import multiprocessing

    import adapter.build.preview_cache as preview_cache

    record = _SAHEL
    cache = preview_cache.PreviewCache(tmp_path, beside=True)
    cache.start(record, "sahel/preview.png")
    started = cache._started[("sahel/preview.png", record)]
    assert cache.png(record, "sahel/preview.png") == preview_png(record)
    assert started.done() and started.exception() is None and cache.left_over() == []
    cache.start(record, "sahel/preview.png")  # kept now: nothing to draw
    assert cache._started == {}
    assert multiprocessing.active_children(), "no process drew the image"
    cache.close()
    assert multiprocessing.active_children() == []
    # A process that dies before it gives the image: the build draws it,
    # and the ones it starts after, itself.
    elsewhere = Preview(**{**record.__dict__, "title": "Sahel and beyond"})
    later = Preview(**{**record.__dict__, "title": "Returns"})
    dying = preview_cache.PreviewCache(tmp_path, beside=True)
    dying.start(elsewhere, "sahel/preview.png")
    for process in multiprocessing.active_children():
        process.kill()
    assert dying.png(elsewhere, "sahel/preview.png") == preview_png(elsewhere)
    dying.start(later, "returns/preview.png")
    assert dying.png(later, "returns/preview.png") == preview_png(later)
    dying.close()


# -- the preview images hold their text ---------------------------------------


def _preview_problems(preview) -> list[str]:
    """What is wrong with the lines a preview image places: a line outside
    the image's margins, two lines whose shaped text overlaps, a text that
    lost words, or an address not drawn as one left-to-right run."""
    from figures.preview import SIZE, laid_out

    lines, problems = laid_out(preview), []
    boxes = [(line, line.box()) for line in lines if line.text]
    if len(boxes) < 2:
        problems.append(f"{len(boxes)} lines drawn: nothing to measure")
    for line, (left, top, right, bottom) in boxes:
        if left < 40 or right > SIZE[0] - 40 or top < 20 or bottom > SIZE[1] - 20:
            problems.append(f"outside the image: {line.text!r}")
    for index, (one, a) in enumerate(boxes):
        for other, b in boxes[index + 1 :]:
            # (Pillow's boxes are whole pixels: lines that touch may share one.)
            if a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1:
                problems.append(f"overlap: {one.text!r} and {other.text!r}")

    def shown(role: str) -> str:
        return " ".join(line.text for line in lines if line.role == role)

    for role, texts in (
        ("value", [f.value for f in preview.figures[:6]]),
        ("label", [f.label for f in preview.figures[:6]]),
        ("period", [f.period for f in preview.figures[:6]]),
        ("title", [preview.title]),
        ("source", [preview.source_line]),
    ):
        for text in texts:
            if " ".join(text.split(" ")) not in shown(role):
                problems.append(f"not whole: {text!r}")
    for line in lines:
        if line.direction == "rtl" and strong_left_to_right_outside_isolates(isolated_runs(line.text, "rtl")):
            problems.append(f"left-to-right letters outside an isolate, mirrored as if right to left: {line.text!r}")
    addresses_drawn = [line for line in lines if line.role == "address"]
    if [(line.text, line.direction) for line in addresses_drawn] != [(preview.address, "ltr")]:
        problems.append(f"address: {[(line.text, line.direction) for line in addresses_drawn]}")
    return problems


@pytest.mark.parametrize("language", languages())
def test_every_preview_image_holds_its_text(pages, dataset, language):
    """The record of every page's image, made as the build makes it from the
    page's figures: no line cut, outside the image, or over another."""
    from adapter.events.pages import _FIGURE_MARK
    from figures.html import Renderer
    from figures.site_files import BuiltPage, page_preview

    site_addresses = addresses()
    components = Renderer(dataset, editions()[language], site_addresses, "")
    for src in site_addresses.pages:
        page = pages[_page_file(src, language)]
        shown = list(
            dict.fromkeys(m for m in _FIGURE_MARK.findall(str(page.select_one("article"))) if m in dataset.figures)
        )
        shown.sort(key=lambda figure_id: dataset.figure(figure_id).theme.page != src)
        built = BuiltPage(
            source=src,
            language=language,
            title=_meta(page, "og:title")[0],
            description=_meta(page, "og:description")[0],
            site_name=_meta(page, "og:site_name")[0],
            figures=tuple(shown),
        )
        preview = page_preview(components, built)
        assert _preview_problems(preview) == [], src


def test_a_long_address_on_a_card_breaks_only_after_a_slash():
    from figures.cards import address_lines
    from figures.drawing import text_width

    address = "someone.github.io/morocco-figures/fr/figures/#extremist-trafficking-earnings"
    lines = address_lines(address, 420, 16.5)
    assert "".join(lines) == address and len(lines) > 1
    assert all(line.endswith("/") for line in lines[:-1])
    assert all(text_width(line, 16.5) <= 420 for line in lines)
    assert address_lines("example.org/figures/#x", 420, 16.5) == ["example.org/figures/#x"]


def test_a_moved_reference_page_keeps_its_cards_at_their_published_addresses(dataset):
    """A card is an image that other sites embed by its address: when the
    reference page moves (its move declared), each card is written at the
    new page's address and at the published one, byte for byte the same."""
    from dataclasses import replace

    from adapter.checks.public_addresses import public_addresses
    from figures.site_files import site_files

    from helpers import moved_pages, page_address, reference_page

    # One more move of the reference page, after those mkdocs.yml declares.
    old, new = reference_page(), "all-" + reference_page()
    moves = {**{src: new if dest == old else dest for src, dest in moved_pages().items()}, old: new}
    moved = replace(addresses(), pages={**addresses().pages, new: page_address(new)}, reference_page=new)
    files = site_files(
        dataset,
        editions(),
        moved,
        [],
        moves,
        lambda preview, address: b"",
        old_addresses={src: page_address(src) for src in moves},
    )
    published = [address.lstrip("/") for _, address in public_addresses(PROJECT) if address.endswith(".svg")]
    assert {address.rsplit("/", 1)[1] for address in published} == {f"{figure_id}.svg" for figure_id in dataset.figures}
    folders = sorted(moved.editions.items(), key=lambda edition: -len(edition[1]))  # the default's "" last
    for address in published:
        figure_id = address.rsplit("/", 1)[1].removesuffix(".svg")
        language = next(language for language, folder in folders if address.startswith(folder))
        assert files[address] == files[moved.card(figure_id, language)], address


def _speaker_words(figure, language: str) -> str:
    """How a preview names who states `figure`, in the edition's words."""
    words = editions()[language].words
    speaker = figure.quote.speaker
    return words["preview_speaker"].format(name=speaker.name_in(language)) if speaker else words["preview_article"]


@pytest.mark.parametrize("language", languages())
def test_a_theme_pages_preview_names_who_states_each_figure(site, dataset, language):
    """Through the lines the image places: each figure's period is followed
    by its speaker, or by the article's own voice, so a shared image alone
    still says whose number it is."""
    from figures.html import Renderer
    from figures.preview import laid_out
    from figures.site_files import BuiltPage, page_preview

    renderer = Renderer(dataset, editions()[language], addresses(), "")
    for theme in dataset.themes.values():
        figures = [f for f in dataset.figures.values() if f.theme is theme]
        if not figures:
            continue
        page = BuiltPage(
            source=theme.page,
            language=language,
            title=theme.title(language),
            description="",
            site_name="Site",
            figures=tuple(f.id for f in figures),
        )
        preview = page_preview(renderer, page)
        drawn = " ".join(line.text for line in laid_out(preview) if line.role == "period")
        for figure in figures:
            assert _speaker_words(figure, language) in drawn, (theme.id, drawn)


# Tesseract's name for each edition's language (`tesseract --list-langs`);
# Debian's package for its data is tesseract-ocr-<name>, which the Makefile's
# TOOLS_APT installs. A new edition adds both (CONTRIBUTING, Adding an edition).
_TESSERACT_LANGUAGES = {"en": "eng", "fr": "fra", "ar": "ara"}
# Tesseract's OpenMP threads fight the other test worker for the two cores:
# one thread reads an image in 0.49 s instead of 1.93 s (measured, idle machine).
_ONE_THREAD = {**os.environ, "OMP_THREAD_LIMIT": "1"}


def _tesseract_language(language: str) -> str:
    if language not in _TESSERACT_LANGUAGES:
        pytest.fail(
            f"tests/test_sharing.py: _TESSERACT_LANGUAGES has no entry for the edition {language!r}; expected "
            "tesseract's name for its language (`tesseract --list-langs` lists them, such as 'spa'), and its "
            "package, tesseract-ocr-<name>, in the Makefile's TOOLS_APT"
        )
    return _TESSERACT_LANGUAGES[language]


@pytest.mark.parametrize("language", languages())
def test_make_test_installs_the_ocr_data_of_each_edition(language):
    """Every edition's preview images are read back by tesseract, in the
    edition's language: the Makefile installs that language's data."""
    tools = re.search(r"^TOOLS_APT :=(.*)$", (PROJECT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert tools, "the Makefile has no TOOLS_APT line"
    package = f"tesseract-ocr-{_tesseract_language(language)}"
    assert package in tools.group(1).split(), f"the Makefile's TOOLS_APT does not install {package}"


@pytest.mark.parametrize("language", languages())
def test_a_theme_pages_preview_image_reads_back_with_its_speaker(site, dataset, language, tmp_path):
    """The image itself, read by OCR: the speaker's words are legible in it."""
    code = _tesseract_language(language)
    if not shutil.which("tesseract"):
        missing_in_ci_fails(f"tesseract is not installed (tesseract-ocr, and tesseract-ocr-{code} for {language!r})")
    listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout.split()
    if code not in listed:
        missing_in_ci_fails(f"tesseract has no {code} data (tesseract-ocr-{code})")
    for theme in dataset.themes.values():
        figures = [f for f in dataset.figures.values() if f.theme is theme]
        if not figures:
            continue
        image = site / addresses().page(theme.page, language) / "preview.png"
        big = tmp_path / f"{theme.id}.png"
        with Image.open(image) as drawn:  # OCR reads small grey text better at twice the size
            drawn.resize((drawn.width * 2, drawn.height * 2)).save(big)
        read = subprocess.run(
            ["tesseract", str(big), "-", "-l", code], capture_output=True, text=True, timeout=120, env=_ONE_THREAD
        ).stdout
        read = " ".join(read.split())
        for figure in figures:
            speaker = figure.quote.speaker
            expected = (
                speaker.name_in(language).split()[-1] if speaker else _speaker_words(figure, language).split()[-1]
            )
            assert expected in read, (theme.id, expected, read)


# -- the preview images need no system library --------------------------------

_LAM_ALEF, _MEEM_INITIAL, _NOON_FINAL = "\ufefb", "\ufee3", "\ufee6"


def test_arabic_is_joined_ordered_and_mirrored_for_a_left_to_right_renderer():
    """Pillow's basic layout draws glyphs left to right as given: the text
    it gets is in display order, its letters in their joined forms (Unicode's
    presentation forms), a right-to-left line's brackets turned, a Latin run
    isolated inside it left as it reads."""
    assert display_order("\u0644\u0627", "rtl") == _LAM_ALEF  # lam and alef, one glyph
    assert display_order("\u0645\u0646", "rtl") == _NOON_FINAL + _MEEM_INITIAL  # "from", read from the right
    assert display_order("(\u0645\u0646)", "rtl") == f"({_NOON_FINAL}{_MEEM_INITIAL})"
    line = display_order(isolated_runs("(\u0645\u0646 \u00abso far\u00bb)", "rtl"), "rtl")
    assert line == f"(\u00abso far\u00bb {_NOON_FINAL}{_MEEM_INITIAL})"
    assert display_order("Source: (so far)", "ltr") == "Source: (so far)"


# Latin letters, digits, the data's punctuation and spaces, the isolates and
# marks a left-to-right line may hold, and one Arabic letter and one Arabic
# digit: a line with either must take the packages' way.
_LEFT_TO_RIGHT_LINE = list("Ab1 ,.:;()«»“”’–\u00a0\u202f\u2066\u2067\u2068\u2069\u200e\u200f") + ["\u0645", "\u0663"]


@given(st.text(alphabet=st.sampled_from(_LEFT_TO_RIGHT_LINE), max_size=30))
def test_a_left_to_right_line_shows_as_python_bidi_orders_it(text):
    """display_order skips both packages for a left-to-right line with
    nothing right to left in it: what it gives is what they give."""
    from figures.shaping import _BIDI_CONTROLS, _shaping_packages

    reshape, get_display, _ = _shaping_packages()
    assert display_order(text, "ltr") == _BIDI_CONTROLS.sub("", get_display(reshape(text), base_dir="L"))


def test_previews_use_pillows_basic_layout_only():
    from PIL import ImageFont

    from figures.preview import _font

    assert _font(True, 30).layout_engine == _font(False, 20).layout_engine == ImageFont.Layout.BASIC


@pytest.mark.skipif(sys.platform != "linux", reason="hides the system's FriBiDi with LD_LIBRARY_PATH")
def test_an_arabic_preview_is_the_same_bytes_without_the_systems_fribidi(tmp_path):
    """Where FriBiDi cannot load (Pillow then has no libraqm layout, which
    failed every build there), the image is drawn, and is the same bytes."""
    from figures.preview import Preview, PreviewFigure, preview_png

    fields = {
        "title": "\u0627\u0644\u0633\u0627\u062d\u0644",
        "summary": "",
        "language": "ar",
        "direction": "rtl",
        "figures": (PreviewFigure("\u0623\u0643\u062b\u0631 \u0645\u0646 23.000", "(\u0645\u0646)"),),
        "source_line": "\u00abDismantling Human Traffickers\u00bb",
        "site": "Site",
        "address": "example.org/x",
    }
    script = (
        "import sys; from PIL import features; from figures.preview import Preview, PreviewFigure, preview_png; "
        "assert not features.check('raqm'), 'FriBiDi is not hidden'; "
        f"sys.stdout.buffer.write(preview_png(Preview(**{fields!r})))"
    )
    bare = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT,
        capture_output=True,
        timeout=60,
        env=clean_environment(**without_system_fribidi(tmp_path)),
    )
    assert bare.returncode == 0, bare.stderr.decode()
    assert bare.stdout == preview_png(Preview(**fields))


@pytest.mark.build
def test_a_missing_shaping_package_stops_the_build_with_one_message(tmp_path):
    """python-bidi blocked from the build's Python, as on a machine where it
    did not install: the build says what to install, with no traceback. Only a
    right-to-left edition's preview images need it: a site with none (after
    the recipe that removes an edition, say) builds without it."""
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text("import sys\nsys.modules['bidi'] = None\n", encoding="utf-8")
    result = build(copy_project(tmp_path / "project"), tmp_path / "site", PYTHONPATH=str(blocker))
    if not any(edition.direction == "rtl" for edition in editions().values()):
        assert result.returncode == 0, "no right-to-left edition, yet the build needs python-bidi:\n" + result.stderr
        return
    assert result.returncode != 0
    assert "the preview images need python-bidi, which is not installed" in result.stderr, result.stderr
    assert "requirements/site.txt" in result.stderr and "Traceback" not in result.stderr, result.stderr
