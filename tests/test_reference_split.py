"""Beyond extra.reference_rows_at_most figures (mkdocs.yml) the table of all
figures is split by theme, in parts, so that no reference page outgrows the
first-view budget; every figure's address (/figures/#id) keeps resolving,
in every edition. Built with a small limit, so that a few figures split."""

import json
import re

from bs4 import BeautifulSoup

from helpers import SITE_URL, build, edit, editions, languages, reference_file, synthetic

ROWS_AT_MOST = 3
COUNT = 16  # six real figures and ten copies: the largest theme then has more than one part


def test_a_large_table_is_split_by_theme_and_every_address_still_resolves(project_copy, tmp_path):
    edit(project_copy / "mkdocs.yml", "reference_rows_at_most: 100", f"reference_rows_at_most: {ROWS_AT_MOST}")
    synthetic(project_copy, COUNT)
    site = tmp_path / "site"
    result = build(project_copy, site)  # --strict: every listed public address resolves
    assert result.returncode == 0, result.stderr
    exported = json.loads((site / "figures.json").read_text(encoding="utf-8"))["figures"]
    assert len(exported) == COUNT
    for index, language in enumerate(languages()):
        folder = site / reference_file("" if index == 0 else f"{language}/").removesuffix("index.html")
        index_page = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
        # The index says why the rows are elsewhere, in the edition's words.
        assert index_page.select_one(".figure-index > p").get_text() == editions()[language].words["table_split"]
        lines = index_page.select(".figure-index li[id]")
        assert len(lines) == COUNT and not index_page.select("tr[id]")
        tables = {path: BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
                  for path in folder.rglob("index.html") if path != folder / "index.html"}
        rows = {row["id"]: path for path, page in tables.items() for row in page.select(".figure-table tr[id]")}
        assert sorted(rows) == sorted(line["id"] for line in lines), "every figure has one row"
        assert all(len(page.select(".figure-table tr[id]")) <= ROWS_AT_MOST for page in tables.values())
        assert any(page.select_one("nav.table-parts") for page in tables.values()), "a theme in several parts"
        for line in lines:
            # The figure's address lands on its line, which links to its full row.
            target, _, anchor = line.a["href"].partition("#")
            assert anchor == line["id"]
            assert rows[anchor].resolve() == (folder / target / "index.html").resolve()
    for figure in exported:
        path, _, anchor = figure["url"].removeprefix(SITE_URL).partition("#")
        page = (site / path / "index.html").read_text(encoding="utf-8")
        assert re.search(rf'<tr id="{re.escape(anchor)}"', page), figure["url"]


def test_an_unsplit_table_has_no_index(pages):
    """With the real data, every edition's reference page is one table."""
    for index, language in enumerate(languages()):
        page = pages[reference_file("" if index == 0 else f"{language}/")]
        assert page.select(".figure-table tr[id]") and not page.select(".figure-index")
