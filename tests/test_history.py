"""The log of changes held to what main published (figures/history.py): a
published entry is never removed or changed but for its wording, and
nothing a reader cites changes without a new entry naming it. Unit tests on
the data as main had it and as it is now; then the same check on a small
git repository, and on this checkout's own history (which CI must have).
"""

from __future__ import annotations

import copy
import datetime
import os
import subprocess

import pytest

from figures import FigureDataError
from figures.history import NoHistory, check_history, published_data
from figures.yamlfile import read_yaml

from helpers import DATA, PROJECT

RAW = read_yaml(DATA).data
FIGURE = next(iter(RAW["figures"]))
QUOTE = RAW["figures"][FIGURE]["quote"]
NEWEST = RAW["changes"][0]
MAJOR, MINOR, PATCH = (int(n) for n in NEWEST["version"].split("."))
PATCHED = f"{MAJOR}.{MINOR}.{PATCH + 1}"
EDITION = next(iter(RAW["figures"][FIGURE]["label"]))


def error(key, problem, expected):
    return FigureDataError(problem, key=key, expected=expected)


def _check(now: dict, was: dict = RAW) -> None:
    check_history(now, [("abc1234567", was)], error)


def _edited(edit) -> dict:
    data = copy.deepcopy(RAW)
    edit(data)
    return data


def _clarification(ids: list[str]):
    def add(data):
        data["changes"].insert(
            0,
            {
                "version": PATCHED,
                "date": NEWEST["date"],
                "kind": "clarification",
                "ids": ids,
                "reason": NEWEST["reason"],
            },
        )

    return add


def _both(*edits):
    def edit(data):
        for one in edits:
            one(data)

    return edit


def _relabel(data):
    data["figures"][FIGURE]["label"][EDITION] += " (reworded)"


def _revalue_everywhere(data):
    """The value edited in the figure and in the publication entry together."""
    data["figures"][FIGURE]["value"] += 1
    data["changes"][-1]["values"][FIGURE]["new"] += 1


LAST = list(RAW["figures"][FIGURE]["label"])[-1]  # an edition that is not the default


def _without_edition(language: str):
    """Every text of `language` deleted, published entries included, as
    CONTRIBUTING.md's “Removing an edition” does."""

    def strip(node):
        if isinstance(node, dict):
            node.pop(language, None)
            for value in node.values():
                strip(value)
        elif isinstance(node, list):
            for value in node:
                strip(value)

    return strip


def _edition_removal(language: str):
    def add(data):
        data["changes"].insert(
            0,
            {
                "version": f"{MAJOR + 1}.0.0",
                "date": NEWEST["date"],
                "kind": "removal",
                "removed_editions": [language],
                "reason": NEWEST["reason"],
            },
        )

    return add


FALSE_HISTORIES = [
    (
        "entry deleted after it was published",
        lambda d: d["changes"].pop(),
        f"the entry {RAW['changes'][-1]['version']} of the log, published in main (commit abc1234567), is no longer",
    ),
    (
        "published entry's values changed",
        _revalue_everywhere,
        f"the entry {RAW['changes'][-1]['version']}, published in main (commit abc1234567), has a changed values",
    ),
    (
        "published entry's date changed",
        lambda d: d["changes"][0].update(
            date=str(datetime.date.fromisoformat(NEWEST["date"]) + datetime.timedelta(days=1))
        ),
        "has a changed date",
    ),
    (
        "label reworded with no entry",
        _relabel,
        f"'{FIGURE}' changed since main (commit abc1234567) (label) with no entry in the log of changes that names it",
    ),
    (
        "quote reworded with no entry",
        lambda d: d["quotes"][QUOTE].update(text=d["quotes"][QUOTE]["text"] + " "),
        f"'{FIGURE}' changed since main (commit abc1234567) (quote words)",
    ),
    ("unit changed with no entry", lambda d: d["figures"][FIGURE]["unit"].update({EDITION: "units"}), "(unit)"),
    (
        "qualifier changed with no entry",
        lambda d: d["figures"][FIGURE].update(
            qualifier="more-than" if RAW["figures"][FIGURE]["qualifier"] != "more-than" else "as-stated"
        ),
        "(qualifier)",
    ),
    (
        "label reworded with an entry naming another figure",
        _both(_relabel, _clarification([next(f for f in RAW["figures"] if f != FIGURE)])),
        "(label) with no entry",
    ),
    ("figure deleted with no entry", lambda d: d["figures"].pop(FIGURE), "(removed) with no entry"),
    (
        "edition's texts deleted with no entry",
        _without_edition(LAST),
        "published in main (commit abc1234567), has a changed labels",
    ),
    (
        "another edition's texts deleted than the one logged",
        _both(_without_edition(LAST), _edition_removal("xx")),
        "published in main (commit abc1234567), has a changed labels",
    ),
    (
        "our copy of the article re-pinned with no correction",
        lambda d: d["source"].update(text_sha256="0" * 64),
        "our copy of the article changed since main",
    ),
]


@pytest.mark.parametrize("edit, said", [(e, s) for _, e, s in FALSE_HISTORIES], ids=[i for i, _, _ in FALSE_HISTORIES])
def test_a_history_rewritten_is_refused(edit, said):
    with pytest.raises(FigureDataError) as raised:
        _check(_edited(edit))
    assert said in str(raised.value)


@pytest.mark.parametrize(
    "edit",
    [
        lambda d: d["changes"][-1]["reason"].update({EDITION: "Reworded."}),
        _both(_relabel, _clarification([FIGURE])),
        _both(_relabel, _clarification([QUOTE])),
        _clarification([QUOTE]),
        lambda d: [f["label"].update(xx="[not yet translated] " + f["label"][EDITION]) for f in d["figures"].values()],
        _both(_without_edition(LAST), _edition_removal(LAST)),
        lambda d: None,
    ],
    ids=[
        "reason reworded",
        "label with its clarification",
        "label with its quote's clarification",
        "a new entry only",
        "a new edition's texts",
        "an edition removed with its entry",
        "nothing changed",
    ],
)
def test_what_the_log_allows_is_accepted(edit):
    _check(_edited(edit))


# -- with git ------------------------------------------------------------------


def _git(repo, *args):
    subprocess.run(
        ["git", "-C", str(repo), *args],
        check=True,
        capture_output=True,
        env={
            **os.environ,
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@t",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@t",
            "GIT_CONFIG_GLOBAL": os.devnull,
        },
    )


def test_main_is_read_from_git_and_a_copy_without_history_says_why(tmp_path):
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    (repo / "data" / "figures.yml").write_text(DATA.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(NoHistory, match="is not a git checkout"):
        published_data(repo)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "publish")
    [(_commit, data)] = published_data(repo)
    assert data["changes"] == RAW["changes"]
    with pytest.raises(FigureDataError, match="with no entry in the log of changes"):
        _check(_edited(_relabel), data)
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True, capture_output=True
    )
    with pytest.raises(NoHistory, match="this clone is shallow: `git fetch --unshallow origin`"):
        published_data(shallow)


def test_this_checkout_agrees_with_what_main_published():
    """In CI the history must be there (the workflow fetches it)."""
    try:
        published = published_data(PROJECT)
    except NoHistory as why:
        if os.environ.get("CI"):
            pytest.fail(f"the log of changes cannot be checked against main: {why}")
        pytest.skip(f"the log of changes cannot be checked against main here: {why}")
    check_history(RAW, published, error)
