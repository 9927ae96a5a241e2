"""The log of changes only tells the truth: every rule CONTRIBUTING.md
states for an entry is checked, in-process against the figure layer (no
build needed). Each case puts one false entry on top of the real log, with
the release raised to match, so the rule under test is the one that stops it.
"""

from __future__ import annotations

import copy
import datetime
import shutil

import pytest
import yaml

from figures import FigureDataError, load_dataset
from figures.yamlfile import read_yaml

from helpers import DATA, PROJECT

RAW = read_yaml(DATA).data
FIGURE = next(iter(RAW["figures"]))
VALUE = RAW["figures"][FIGURE]["value"]
QUOTE = RAW["figures"][FIGURE]["quote"]
CLAIM = next(iter(RAW["claims"]))
NEWEST = RAW["changes"][0]
MAJOR, MINOR, PATCH = (int(n) for n in NEWEST["version"].split("."))
PATCHED, MINORED, MAJORED = f"{MAJOR}.{MINOR}.{PATCH + 1}", f"{MAJOR}.{MINOR + 1}.0", f"{MAJOR + 1}.0.0"
ARTICLE_DATE = RAW["source"]["date_published"]
TODAY = datetime.date.today().isoformat()
REASON = dict.fromkeys(NEWEST["reason"], "A reason.")


def _write(tmp_path, data: dict):
    shutil.copytree(PROJECT / "data", tmp_path / "data")
    path = tmp_path / "data" / "figures.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _labels(entry: dict) -> dict:
    """The label of each figure and claim an entry names, as today's data has it."""
    named = [*entry.get("values", {}), *entry.get("ids", ()), *entry.get("removed", ())]
    records = {**RAW["figures"], **RAW["claims"]}
    return {record_id: records[record_id]["label"] for record_id in named if record_id in records}


def _with_entry(entry: dict, data_edit=None) -> dict:
    data = copy.deepcopy(RAW)
    entry = {"date": NEWEST["date"], "reason": REASON, "labels": _labels(entry), **entry}
    data["changes"].insert(0, entry)
    data["release"]["version"], data["release"]["date"] = entry["version"], entry["date"]
    if data_edit:
        data_edit(data)
    return data


FALSE_ENTRIES = [
    (
        "removed edition whose texts the data still holds",
        {"version": MAJORED, "kind": "removal", "removed_editions": [next(reversed(RAW["figures"][FIGURE]["label"]))]},
        "as removed, but the data still holds its texts",
    ),
    (
        "removed edition on a clarification",
        {"version": PATCHED, "kind": "clarification", "ids": [FIGURE], "removed_editions": ["xx"]},
        "lists removed editions",
    ),
    (
        "removed figure the data still holds",
        {"version": MAJORED, "kind": "removal", "removed": [FIGURE]},
        f"lists '{FIGURE}' as removed, but the data still holds it",
    ),
    (
        "correction whose old value is its new one",
        {"version": PATCHED, "kind": "correction", "values": {FIGURE: {"old": VALUE, "new": VALUE}}},
        f"gives '{FIGURE}' the same old and new value ({VALUE})",
    ),
    (
        "clarification raising the first number",
        {"version": MAJORED, "kind": "clarification", "ids": [QUOTE]},
        f"the clarification {MAJORED} follows {NEWEST['version']}, but a clarification raises the third number",
    ),
    (
        "addition raising the third number",
        {"version": PATCHED, "kind": "addition", "ids": [CLAIM]},
        "but a addition raises the second number",
    ),
    (
        "correction skipping a version",
        {"version": f"{MAJOR}.{MINOR}.{PATCH + 2}", "kind": "correction", "ids": [QUOTE]},
        f"expected version {PATCHED}",
    ),
    (
        "value given to a claim",
        {"version": PATCHED, "kind": "correction", "values": {CLAIM: {"old": 1, "new": 2}}},
        f"gives a value to '{CLAIM}', which is not a figure (it is a claim or a quote",
    ),
    (
        "value given to an unknown id",
        {"version": PATCHED, "kind": "correction", "values": {FIGURE + "x": {"old": 1, "new": 2}}},
        f"gives a value to '{FIGURE}x', which is not a figure",
    ),
    (
        "clarification naming nothing",
        {"version": PATCHED, "kind": "clarification"},
        f"the clarification {PATCHED} names nothing it touches",
    ),
    (
        "clarification that changes a value",
        {
            "version": PATCHED,
            "kind": "clarification",
            "ids": [FIGURE],
            "values": {FIGURE: {"old": VALUE, "new": VALUE + 1}},
        },
        "gives values: a clarification changes wording, not a value",
    ),
    (
        "correction naming nothing",
        {"version": PATCHED, "kind": "correction"},
        f"the correction {PATCHED} names nothing it touches",
    ),
    (
        "correction without the old value",
        {"version": PATCHED, "kind": "correction", "values": {FIGURE: {"new": VALUE + 1}}},
        f"gives '{FIGURE}' no old value",
    ),
    (
        "removal listing nothing",
        {"version": MAJORED, "kind": "removal", "ids": [FIGURE]},
        f"the removal {MAJORED} lists nothing under removed",
    ),
    (
        "entry naming a figure without its label",
        {"version": PATCHED, "kind": "clarification", "ids": [FIGURE], "labels": {}},
        f"the change {PATCHED} names '{FIGURE}' but does not record its label",
    ),
    (
        "label recorded for what the entry does not name",
        {
            "version": PATCHED,
            "kind": "clarification",
            "ids": [QUOTE],
            "labels": {FIGURE: RAW["figures"][FIGURE]["label"]},
        },
        f"records the label of '{FIGURE}', which it does not name",
    ),
    (
        "second publication",
        {"version": PATCHED, "kind": "publication", "ids": [FIGURE]},
        "is a publication, but is not the oldest entry",
    ),
]


@pytest.mark.parametrize("entry, said", [(e, s) for _, e, s in FALSE_ENTRIES], ids=[i for i, _, _ in FALSE_ENTRIES])
def test_a_false_entry_stops_the_build_at_it(entry, said, tmp_path):
    path = _write(tmp_path, _with_entry(entry))
    with pytest.raises(FigureDataError) as raised:
        load_dataset(path, path.parent / "figures.schema.json", "data/figures.yml", build_day=TODAY)
    message = str(raised.value)
    assert said in message
    assert message.startswith("data/figures.yml, line "), message


@pytest.mark.parametrize(
    "date, said",
    [
        ("2099-12-31", f"is dated 2099-12-31, after the day of this build ({TODAY})"),
        ("2017-11-15", f"is dated 2017-11-15, before the article itself ({ARTICLE_DATE})"),
    ],
)
def test_an_entry_dated_outside_the_article_and_the_build_is_refused(date, said, tmp_path):
    data = _with_entry({"version": PATCHED, "kind": "clarification", "ids": [QUOTE], "date": date})
    if date < NEWEST["date"]:  # the oldest entries too, so that the log stays in order
        for entry in data["changes"]:
            entry["date"] = date
        data["release"]["date"] = date
    path = _write(tmp_path, data)
    with pytest.raises(FigureDataError, match=r"data/figures\.yml, line") as raised:
        load_dataset(path, path.parent / "figures.schema.json", "data/figures.yml", build_day=TODAY)
    assert said in str(raised.value)


def test_the_build_day_is_the_bound_not_the_machines_clock(tmp_path):
    """A rebuild of an old commit (SOURCE_DATE_EPOCH) refuses an entry dated after it."""
    path = _write(tmp_path, _with_entry({"version": PATCHED, "kind": "clarification", "ids": [QUOTE], "date": TODAY}))
    load_dataset(path, path.parent / "figures.schema.json", "data/figures.yml", build_day=TODAY)
    day_before = (datetime.date.fromisoformat(TODAY) - datetime.timedelta(days=1)).isoformat()
    with pytest.raises(FigureDataError, match=rf"the change {PATCHED} is dated {TODAY}, after the day of this build"):
        load_dataset(path, path.parent / "figures.schema.json", "data/figures.yml", build_day=day_before)


@pytest.mark.parametrize(
    "entry",
    [
        {"version": PATCHED, "kind": "clarification", "ids": [QUOTE]},
        {"version": PATCHED, "kind": "correction", "ids": [QUOTE]},
        {"version": MINORED, "kind": "addition", "ids": [CLAIM]},
    ],
    ids=["clarification", "correction of a quote", "addition"],
)
def test_a_well_formed_entry_is_accepted(entry, tmp_path):
    path = _write(tmp_path, _with_entry(entry))
    dataset = load_dataset(path, path.parent / "figures.schema.json", "data/figures.yml", build_day=TODAY)
    assert dataset.changes[0].version == entry["version"]


def test_our_copy_of_the_article_is_pinned_by_its_hash(tmp_path):
    path = _write(tmp_path, copy.deepcopy(RAW))
    article = path.parent / RAW["source"]["text_file"]
    article.write_text(article.read_text(encoding="utf-8").replace("Morocco", "Morroco", 1), encoding="utf-8")
    with pytest.raises(FigureDataError) as raised:
        load_dataset(path, path.parent / "figures.schema.json", "data/figures.yml")
    message = str(raised.value)
    assert "at source › text_sha256: our copy of the article (data/source/" in message
    assert "is not the text the data pins" in message and "an entry of kind correction" in message
