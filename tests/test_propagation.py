"""A figure is typed once: changing it in the data file changes it everywhere."""

import re

import sphobjinv as soi

from figures import load_dataset

from helpers import (
    DATA,
    addresses,
    build,
    change_figure_value,
    corrections_page,
    editions,
    embeds_page,
    golden,
    languages,
    nav_sources,
    reference_page,
)

TEXT_SUFFIXES = {".html", ".json", ".xml", ".txt", ".csv", ".js", ".svg"}
DATASET = load_dataset(DATA, DATA.with_name("figures.schema.json"))
GOLDEN = golden()["figures"]
# A figure with a qualifier, written in grouped digits (not "… million").
FIGURE = next(f for f in DATASET.figures.values() if f.qualifier != "as-stated" and 10_000 <= f.value < 1_000_000)
NEW_VALUE = FIGURE.value + 1_500
assert len(str(NEW_VALUE)) == len(str(FIGURE.value)), "the new value keeps the old one's number of digits"


def _shown_with(shown: str, value: int) -> str:
    """A hand-checked rendering (tests/golden.yml) with its digits replaced,
    one by one, by those of `value`: grouping, qualifier and words stay as
    the golden file writes them, so no expectation comes from the formatter."""
    digits = iter(str(value))
    written = re.sub(r"\d", lambda _: next(digits), shown)
    assert next(digits, None) is None, f"{shown!r} does not write {len(str(value))} digits"
    return written


def test_changing_a_figure_changes_every_file_of_the_site(project_copy, tmp_path, site):
    real_site = site
    change_figure_value(project_copy / "data" / "figures.yml", DATASET, FIGURE.id, NEW_VALUE)
    result = build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr

    site = tmp_path / "site"
    files = [p for p in site.rglob("*") if p.suffix in TEXT_SUFFIXES]
    # The old value as each edition writes its digits, and raw.
    old = {str(FIGURE.value)} | {
        re.search(r"\d[\d,.\u202f]*\d", shown).group() for shown in GOLDEN[FIGURE.id]["shown"].values()
    }
    # Only the log of changes still tells the old value (the correction's
    # "from … to …"), on the corrections page of each edition and in its search entries.
    log_pages = {addresses().page(corrections_page(), language) for language in editions()}
    stale = [
        p.relative_to(site).as_posix() for p in files if any(o in _without_the_log(p, site, log_pages) for o in old)
    ]
    assert stale == []
    new = {language: _shown_with(shown, NEW_VALUE) for language, shown in GOLDEN[FIGURE.id]["shown"].items()}
    showing_new = {p.relative_to(site).as_posix() for p in files if new["en"] in p.read_text(encoding="utf-8")}
    home, theme_page, reference = (
        addresses().page(src) + "index.html" for src in (nav_sources()[0], FIGURE.theme.page, reference_page())
    )
    assert {home, theme_page, reference, "search/search_index.json", "figures.json", "figures.csv"} <= showing_new
    for edition in languages()[1:]:
        folder = addresses().editions[edition]
        for page in (home, theme_page, reference, "search/search_index.json"):
            assert new[edition] in (site / folder / page).read_text(encoding="utf-8"), f"{folder}{page}"
    # Its card in every edition, and the preview image of every page that shows it.
    for language in editions():
        assert new[language] in (changed := tmp_path / "site").joinpath(
            addresses().card(FIGURE.id, language)
        ).read_text(encoding="utf-8")
        for src in (nav_sources()[0], FIGURE.theme.page, reference_page(), embeds_page()):
            preview = addresses().preview(src, language)
            assert (changed / preview).read_bytes() != (real_site / preview).read_bytes(), preview
    # objects.inv is compressed: read it back.
    names = {o.name: o.dispname for o in soi.Inventory(site / "objects.inv").objects}
    assert names[FIGURE.id] == f"{FIGURE.label('en')}: {new['en']}"


def _without_the_log(path, site, log_pages: set[str]) -> str:
    """The file's text, less the corrections pages and their search entries."""
    import json

    relative = path.relative_to(site).as_posix()
    if any(relative == page + "index.html" for page in log_pages):
        return ""
    text = path.read_text(encoding="utf-8")
    if path.name == "search_index.json":
        index = json.loads(text)
        edition = relative.removesuffix("search/search_index.json")
        index["docs"] = [d for d in index["docs"] if edition + d["location"].split("#")[0] not in log_pages]
        return json.dumps(index, ensure_ascii=False)
    return text
