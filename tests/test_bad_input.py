"""Every kind of bad input stops the build with one readable message that
says where the problem is and what was expected.

Mistakes in the data file are checked in-process, against the figure layer
that MkDocs calls; mistakes that need MkDocs (pages, navigation, editions,
public addresses) are checked with real builds. Lines are found by key or
by content, never written down, so comments and reordering cannot break a
case. Which figure a case breaks is read from the data, so adding or
changing a figure needs no edit here.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from adapter.build.data import load_data
from adapter.checks.public_addresses import public_addresses
from figures import FigureDataError
from figures.yamlfile import read_yaml

from helpers import (
    DATA,
    PROJECT,
    DataFileEditor,
    build,
    declare_move,
    edit,
    languages,
    line_of,
    nav_sources,
    nav_titles,
    page_address,
    site_config,
)

RAW = read_yaml(DATA).data
FIRST_FIGURE = next(iter(RAW["figures"]))
QUALIFIED = next(fid for fid, f in RAW["figures"].items() if f["qualifier"] != "as-stated")
FIRST_THEME = next(iter(RAW["themes"]))
FIRST_CLAIM = next(iter(RAW["claims"]))
TRANSLATED_QUOTE = RAW["figures"][FIRST_FIGURE]["quote"]
# Editions to break: the first after the default, and the last.
SECOND_EDITION, LAST_EDITION = languages()[1], languages()[-1]
# A figure in whole thousands (Babel's compact form "22 thousand" would
# round a value near it), and a quote with an abbreviation's full stop.
THOUSANDS = next(
    fid for fid, f in RAW["figures"].items() if f["value"] >= 1000 and f["value"] % 1000 == 0 and "currency" not in f
)
ABBREVIATED_QUOTE = next(qid for qid, q in RAW["quotes"].items() if "Mr. " in q["text"])


@dataclass
class Case:
    id: str
    breaks: Callable[[DataFileEditor], None]
    # Fragments that must all appear in the message, in order; a callable
    # gets the broken data file's editor, for lines found after the edit.
    message: list[str | Callable[[DataFileEditor], str]]


def at(*key) -> Callable[[DataFileEditor], str]:
    return lambda data: f"data/figures.yml, line {data.line(*key)}"


def at_text(needle: str) -> Callable[[DataFileEditor], str]:
    return lambda data: f"data/figures.yml, line {line_of(data.path, needle)}"


def _rounded_in_words(editor: DataFileEditor) -> None:
    """The value becomes 500 more, and its quote and translations say it
    "in thousands", as Babel's compact form rounds it: "22 thousand" for 22500."""
    from helpers import reformat_number

    figure = RAW["figures"][THOUSANDS]
    value, quote = figure["value"], figure["quote"]
    editor.set(("figures", THOUSANDS, "value"), str(value + 500))
    editor.replace_in_value(("quotes", quote, "text"), f"{value:,}", f"{value // 1000} thousand")
    for language, translated in RAW["quotes"][quote]["translation"].items():
        editor.set(
            ("quotes", quote, "translation", language), '"' + reformat_number(translated, value, value // 1000) + '"'
        )


def _first_digit_group(text: str) -> str:
    import re

    return re.search(r"\d[\d,]*", text).group()


DATA_CASES = [
    Case("missing data file", lambda d: d.path.unlink(), ["data/figures.yml", "the data file does not exist"]),
    Case(
        "malformed YAML",
        lambda d: d.set(("figures", FIRST_FIGURE, "value"), "[1"),
        [
            "data/figures.yml, line",
            "malformed YAML",
            f"while parsing a flow sequence that starts on line {DataFileEditor(DATA).line('figures', FIRST_FIGURE, 'value')}",
        ],
    ),
    Case(
        "duplicate key",
        lambda d: d.insert_after(("figures", FIRST_FIGURE, "qualifier"), "qualifier: as-stated"),
        [
            f"data/figures.yml, line {DataFileEditor(DATA).line('figures', FIRST_FIGURE, 'qualifier') + 1}",
            f"figures › {FIRST_FIGURE} › qualifier",
            f"duplicate key 'qualifier' (first defined on line {DataFileEditor(DATA).line('figures', FIRST_FIGURE, 'qualifier')})",
        ],
    ),
    Case(
        "missing required field",
        lambda d: d.delete(("figures", FIRST_FIGURE, "unit")),
        [at("figures", FIRST_FIGURE), f"figures › {FIRST_FIGURE}", "missing required field 'unit'"],
    ),
    Case(
        "misspelt field",
        lambda d: d.rename(("figures", FIRST_FIGURE, "value"), "valeu"),
        [at("figures", FIRST_FIGURE, "valeu"), "unknown field 'valeu'", "Did you mean 'value'?"],
    ),
    Case(
        "value of the wrong type",
        lambda d: d.set(("figures", FIRST_FIGURE, "value"), '"many"'),
        [
            at("figures", FIRST_FIGURE, "value"),
            f"figures › {FIRST_FIGURE} › value",
            "got the text 'many'",
            "expected a whole number",
        ],
    ),
    Case(
        "qualifier not in the allowed list",
        lambda d: d.set(("figures", QUALIFIED, "qualifier"), "more_than"),
        [at("figures", QUALIFIED, "qualifier"), "'more_than' is not an allowed value", "Did you mean"],
    ),
    Case(
        "unknown period id",
        lambda d: d.set(("figures", FIRST_FIGURE, "period"), "every-year"),
        [at("figures", FIRST_FIGURE, "period"), "unknown period id 'every-year'", "expected one of"],
    ),
    Case(
        "quote does not contain its figure",
        lambda d: d.set(("figures", FIRST_FIGURE, "value"), str(RAW["figures"][FIRST_FIGURE]["value"] + 1)),
        [at("figures", FIRST_FIGURE, "value"), f"the quote '{TRANSLATED_QUOTE}' does not contain the figure's value"],
    ),
    Case(
        "quote that rounds the figure's value",
        _rounded_in_words,
        [
            at("figures", THOUSANDS, "value"),
            f"the quote '{RAW['figures'][THOUSANDS]['quote']}' does not contain the figure's value "
            f"{RAW['figures'][THOUSANDS]['value'] + 500} (looked for '{RAW['figures'][THOUSANDS]['value'] + 500:,}'",
        ],
    ),
    Case(
        "quote drops the figure's qualifier",
        lambda d: d.set(("figures", FIRST_FIGURE, "qualifier"), "more-than"),
        [at("figures", FIRST_FIGURE, "qualifier"), "the quote does not contain the qualifier 'more than'"],
    ),
    Case(
        "claim excerpt not in its quote",
        lambda d: d.replace_in_value(("claims", FIRST_CLAIM, "excerpt"), "e", "é"),
        [
            at("claims", FIRST_CLAIM, "excerpt"),
            f"claims › {FIRST_CLAIM} › excerpt",
            "the quote does not contain the excerpt",
        ],
    ),
    Case(
        "translation that changes a number",
        lambda d: d.set(("quotes", TRANSLATED_QUOTE, "translation", SECOND_EDITION), '"Un total de 7 reste."'),
        [
            at("quotes", TRANSLATED_QUOTE, "translation", SECOND_EDITION),
            f"quotes › {TRANSLATED_QUOTE} › translation › {SECOND_EDITION}",
            f"the {SECOND_EDITION} translation holds the numbers [7]",
        ],
    ),
    Case(
        "label missing in one language",
        lambda d: d.delete(("figures", FIRST_FIGURE, "label", LAST_EDITION)),
        [
            at("figures", FIRST_FIGURE, "label"),
            f"figures › {FIRST_FIGURE} › label",
            f"no text for the edition '{LAST_EDITION}'",
        ],
    ),
    Case(
        "quote that is not the article's sentence",
        lambda d: d.replace_in_value(("quotes", TRANSLATED_QUOTE, "text"), "a", "â"),
        [
            at("quotes", TRANSLATED_QUOTE, "text"),
            f"the quote '{TRANSLATED_QUOTE}' is not in the source's text",
            "its closest sentence is",
        ],
    ),
    Case(
        "closest sentence kept whole at an abbreviation",
        lambda d: d.replace_in_value(("quotes", ABBREVIATED_QUOTE, "text"), "e", "é"),
        [
            at("quotes", ABBREVIATED_QUOTE, "text"),
            f"its closest sentence is '{RAW['quotes'][ABBREVIATED_QUOTE]['text']}'",
        ],
    ),
    Case(
        "title that is not the article's",
        lambda d: d.replace_in_value(("source", "title"), "Morocco", "Marocco"),
        [
            at("source", "title"),
            "the title is not in the source's text",
            "its closest sentence is 'Dismantling Human Traffickers",
        ],
    ),
    Case(
        "printed date that is not the article's",
        lambda d: d.replace_in_value(("source", "date_as_printed"), "Thursday", "Friday"),
        [at("source", "date_as_printed"), "the printed date is not in the source's text"],
    ),
    Case(
        "printed date of another day than date_published",
        lambda d: d.replace_in_value(("source", "date_published"), "-16", "-17"),
        [at("source", "date_as_printed"), "does not name the day of date_published"],
    ),
    Case(
        "source text file that does not exist",
        lambda d: d.set(("source", "text_file"), "source/missing.txt"),
        [at("source", "text_file"), "the source's text file does not exist (data/source/missing.txt)"],
    ),
]


def _assert_in_order(output: str, fragments: list[str]) -> None:
    position = 0
    for fragment in fragments:
        found = output.find(fragment, position)
        assert found != -1, f"{fragment!r} missing from:\n{output}"
        position = found


@pytest.mark.parametrize("case", DATA_CASES, ids=lambda case: case.id)
def test_bad_data_stops_with_a_readable_message(case, data_copy):
    case.breaks(data_copy)
    fragments = [f(data_copy) if callable(f) else f for f in case.message]
    with pytest.raises(FigureDataError) as raised:
        load_data(data_copy.path.parent.parent, languages())  # as the build reads it
    _assert_in_order(str(raised.value), fragments)


# -- mistakes that need MkDocs: full builds ----------------------------------


def _theme_page_of(figure_id: str) -> str:
    return "docs/" + RAW["themes"][RAW["figures"][figure_id]["theme"]]["page"]


CARD = f'figure_card("{FIRST_FIGURE}")'
THEME_PAGE = _theme_page_of(FIRST_FIGURE)
# Its nav entry, and that entry's title in the last edition (mkdocs.yml).
NAV_TITLE = nav_titles()[THEME_PAGE.removeprefix("docs/")]
_LAST = next(lang for lang in site_config()["plugins"]["i18n"].config.languages if lang.locale == LAST_EDITION)
# A public anchor that a page sets itself ({ #id }), to rename.
ANCHORED_PAGE, ANCHOR = next(
    (f"docs/{src}", address.split("#")[1])
    for src in nav_sources()
    for _, address in public_addresses(PROJECT)
    if address.startswith(f"/{page_address(src)}#")
    and "{ #" + address.split("#")[1] + " }" in (PROJECT / "docs" / src).read_text(encoding="utf-8")
)
ANCHOR_ADDRESS = f"/{page_address(ANCHORED_PAGE.removeprefix('docs/'))}#{ANCHOR}"


@dataclass
class BuildCase:
    id: str
    breaks: Callable[[Path], None]
    message: list[str | Callable[[Path], str]]


def _delete_nav_translation(config: Path, language: str, title: str) -> None:
    """Delete `title: …` under nav_translations of `language`'s entry in mkdocs.yml."""
    import re

    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    entry = next(i for i, line in enumerate(lines) if re.match(rf"\s*- locale: {language}\s*$", line))
    target = next(i for i in range(entry, len(lines)) if re.match(rf"\s+{re.escape(title)}:", lines[i]))
    del lines[target]
    config.write_text("".join(lines), encoding="utf-8")


# A language no edition of the site uses.
UNDECLARED = next(code for code in ("es", "de", "it", "pt") if code not in languages())


def _drop_description(page: Path) -> None:
    """The page's front matter without its `description:` line."""
    import re

    text = page.read_text(encoding="utf-8")
    assert re.search(r"^description:.*\n", text, re.M), f"test setup: no description in {page}"
    page.write_text(re.sub(r"^description:.*\n", "", text, count=1, flags=re.M), encoding="utf-8")


def page_line(page: str, needle: str) -> Callable[[Path], str]:
    return lambda project: f"{page}, line {line_of(project / page, needle)}"


BUILD_CASES = [
    BuildCase(
        "unknown figure id in a page",
        lambda p: edit(p / _theme_page_of(FIRST_FIGURE), CARD, CARD.replace('")', 'x")')),
        [
            page_line(_theme_page_of(FIRST_FIGURE), CARD.replace('")', 'x")')),
            f"unknown figure id '{FIRST_FIGURE}x'",
            f"Did you mean '{FIRST_FIGURE}'?",
        ],
    ),
    BuildCase(
        "misspelt macro in a page",
        lambda p: edit(p / "docs/index.md", "{{ published() }}", "{{ publised() }}"),
        [
            page_line("docs/index.md", "publised"),
            "'publised' is not a macro or variable of this site",
            "Did you mean 'published'?",
        ],
    ),
    BuildCase(
        "macro called with a wrong argument",
        lambda p: edit(p / "docs/index.md", "{{ published() }}", "{{ published(wrong=True) }}"),
        [page_line("docs/index.md", "wrong=True"), "wrong use of the macro 'published'", "expected published()"],
    ),
    BuildCase(
        "broken template syntax",
        lambda p: edit(p / "docs/index.md", "{{ published() }}", "{{ published( }}"),
        [page_line("docs/index.md", "published( }}"), "template syntax error"],
    ),
    BuildCase(
        "moved page sent to a page that does not exist",
        lambda p: declare_move(p / "mkdocs.yml", "gone.md", THEME_PAGE.split("/")[-1].removesuffix(".md") + "x.md"),
        [
            "mkdocs.yml, at extra › moved_pages › gone.md: the moved page 'gone.md' is sent to",
            "which is not a page of the site",
            "Did you mean",
        ],
    ),
    BuildCase(
        "digit typed into a page",
        lambda p: edit(p / THEME_PAGE, "\n#", "\nSome 12 people.\n\n#"),
        [page_line(THEME_PAGE, "Some 12 people."), "a digit typed outside a macro: 'Some 12 people.'"],
    ),
    BuildCase(
        "page without a description",
        lambda p: _drop_description(p / THEME_PAGE),
        [f"{THEME_PAGE}, line 1", "the page has no description", "`description: …` in the page's front matter"],
    ),
    BuildCase(
        "page of an edition that is not declared",
        lambda p: shutil.copy(p / THEME_PAGE, p / THEME_PAGE.replace(".md", f".{UNDECLARED}.md")),
        [
            f"{THEME_PAGE.replace('.md', f'.{UNDECLARED}.md')}: a page of the edition '{UNDECLARED}', "
            "which mkdocs.yml does not declare",
            "“Removing an edition” in CONTRIBUTING.md",
        ],
    ),
    BuildCase(
        "page missing in one edition",
        lambda p: (p / THEME_PAGE.replace(".md", f".{LAST_EDITION}.md")).unlink(),
        [f"missing translation: {THEME_PAGE.replace('.md', f'.{LAST_EDITION}.md')} does not exist"],
    ),
    BuildCase(
        "nav entry without its translation",
        lambda p: _delete_nav_translation(p / "mkdocs.yml", LAST_EDITION, NAV_TITLE),
        [
            lambda p: f"mkdocs.yml, line {line_of(p / 'mkdocs.yml', f'- {NAV_TITLE}:')}",
            f"the nav entry '{NAV_TITLE}' has no {_LAST.name} ({LAST_EDITION}) title",
        ],
    ),
    BuildCase(
        "figure that its theme page does not show",
        lambda p: edit(p / _theme_page_of(FIRST_FIGURE), "{{ " + CARD + " }}", ""),
        [
            _theme_page_of(FIRST_FIGURE),
            f"the figure '{FIRST_FIGURE}' is not shown on this page",
            "data/figures.yml, line",
        ],
    ),
    BuildCase(
        "theme page that does not exist",
        lambda p: DataFileEditor(p / "data/figures.yml").set(("themes", FIRST_THEME, "page"), "nowhere.md"),
        [
            lambda p: (
                f"data/figures.yml, line {DataFileEditor(p / 'data/figures.yml').line('themes', FIRST_THEME, 'page')}"
            ),
            "the theme page 'nowhere.md' is not a page of the site",
        ],
    ),
    BuildCase(
        "public anchor renamed",
        lambda p: edit(p / ANCHORED_PAGE, "{ #" + ANCHOR + " }", "{ #" + ANCHOR + "-renamed }"),
        [
            lambda p: f"data/public_urls.txt, line {line_of(p / 'data/public_urls.txt', ANCHOR_ADDRESS)}",
            f"the public address {ANCHOR_ADDRESS} no longer resolves",
        ],
    ),
    BuildCase(
        "data error reaches the build",
        lambda p: DataFileEditor(p / "data/figures.yml").set(("figures", FIRST_FIGURE, "value"), '"many"'),
        [
            lambda p: (
                f"data/figures.yml, line {DataFileEditor(p / 'data/figures.yml').line('figures', FIRST_FIGURE, 'value')}"
            ),
            "expected a whole number",
        ],
    ),
]


@pytest.mark.parametrize("case", BUILD_CASES, ids=lambda case: case.id)
def test_bad_input_stops_the_build_with_a_readable_message(case, project_copy, tmp_path):
    case.breaks(project_copy)
    fragments = [f(project_copy) if callable(f) else f for f in case.message]
    # Without --strict: the mistake itself must stop the build.
    result = build(project_copy, tmp_path / "site", strict=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build went through:\n{output}"
    _assert_in_order(output, fragments)
    assert "Traceback" not in output, f"the message should not need a traceback:\n{output}"
