"""A figure is typed once: changing it in the data file changes it everywhere."""

from conftest import build

import sphobjinv as soi

TEXT_SUFFIXES = {".html", ".json", ".xml", ".txt", ".csv", ".js"}


def test_changing_a_figure_changes_every_file_of_the_site(project_copy, tmp_path):
    data = project_copy / "data" / "figures.yml"
    text = data.read_text(encoding="utf-8")
    # The value and the sentence that supports it, and nothing else.
    text = text.replace("    value: 23000\n", "    value: 24500\n")
    text = text.replace("more than 23,000 people", "more than 24,500 people")
    text = text.replace("plus de 23 000 personnes", "plus de 24 500 personnes")  # our translations
    text = text.replace("لأكثر من 23.000 شخص", "لأكثر من 24.500 شخص")
    data.write_text(text, encoding="utf-8")

    result = build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr

    files = [p for p in (tmp_path / "site").rglob("*") if p.suffix in TEXT_SUFFIXES]
    old_renderings = ("23,000", "23000", "23\u202f000", "23.000")  # English, raw, French, Arabic
    stale = [p.relative_to(tmp_path / "site").as_posix() for p in files
             if any(old in p.read_text(encoding="utf-8") for old in old_renderings)]
    assert stale == []
    showing_new = {p.relative_to(tmp_path / "site").as_posix() for p in files
                   if "more than 24,500" in p.read_text(encoding="utf-8")}
    assert {"index.html", "regularisation/index.html", "figures/index.html",
            "search/search_index.json", "figures.json", "figures.csv"} <= showing_new
    for edition, shown in (("fr", "plus de 24\u202f500"), ("ar", "أكثر من 24.500")):
        for page in ("index.html", "regularisation/index.html", "figures/index.html", "search/search_index.json"):
            assert shown in (tmp_path / "site" / edition / page).read_text(encoding="utf-8"), f"{edition}/{page}"
    # objects.inv is compressed: read it back.
    names = {o.name: o.dispname for o in soi.Inventory(tmp_path / "site" / "objects.inv").objects}
    assert names["people-regularised"] == "People given legal stay: more than 24,500"
