"""The log of changes held to its own history: what `main` published.

A published entry is never removed or changed, except its wording (its
`reason`); and nothing a reader cites (a figure's value, unit, qualifier,
period, quote or label, a claim, our copy of the article through its
`source › text_sha256`) changes without a new entry that names it. Both
are checked against the data file as `main` holds it, read with git:

- every entry of the log at each commit of `main` (first parent) that has
  a log must still be in today's, field for field but its reason;
- what a reader cites, as `main`'s newest commit has it, may differ today
  only where an entry that `main` does not have names the record.

Without that history (not a git checkout, a shallow clone, no `main`) the
check cannot run, and `published_data` says why in one sentence; the test
suite fails on it in CI (tests/test_history.py), which fetches the history
(`fetch-depth: 0` in the workflow's test job).
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from pathlib import Path

import yaml

from .errors import FigureDataError, error_at

DATA_FILE = "data/figures.yml"
MAIN_REFS = ("main", "origin/main")  # a clone has main; a pull request's CI checkout has origin/main
RECORDED = ("value", "unit", "qualifier", "period", "quote", "label")  # what a reader cites of a figure
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class NoHistory(Exception):
    """The history of main cannot be read; its message says why and what to do."""


def published_data(project_dir: Path) -> list[tuple[str, dict]]:
    """(short commit, data) of each commit of main that has a log of changes,
    newest first; raises NoHistory."""

    def git(*args: str) -> str:
        try:
            done = subprocess.run(["git", "-C", str(project_dir), *args], capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise NoHistory(f"git cannot run ({error})") from None
        if done.returncode:
            raise NoHistory(done.stderr.strip().splitlines()[0] if done.stderr.strip() else f"git {args[0]} failed")
        return done.stdout

    try:
        git("rev-parse", "--git-dir")
    except NoHistory:
        raise NoHistory(f"{project_dir} is not a git checkout") from None
    if git("rev-parse", "--is-shallow-repository").strip() == "true":
        raise NoHistory(
            "this clone is shallow: `git fetch --unshallow origin` (in GitHub Actions, "
            "actions/checkout with fetch-depth: 0)"
        )
    ref = next((r for r in MAIN_REFS if _has(git, r)), None)
    if ref is None:
        raise NoHistory("no branch main (nor origin/main) to compare with: `git fetch origin main`")
    commits = git("log", "--first-parent", "--format=%H", ref, "--", DATA_FILE).split()
    published = []
    for commit in commits:
        data = _data_at(str(project_dir), commit)
        if isinstance(data, dict) and data.get("changes"):
            published.append((commit[:10], data))
    return published


def _has(git, ref: str) -> bool:
    try:
        git("rev-parse", "--verify", "--quiet", ref + "^{commit}")
        return True
    except NoHistory:
        return False


def _data_at(project_dir: str, commit: str):
    """The data file at a commit, or None where it is not YAML. Read afresh by
    each build: a build reads each commit once, and `mkdocs serve` imports
    this module again for every rebuild (adapter/hooks.py), so a cache here
    would save nothing."""
    done = subprocess.run(
        ["git", "-C", project_dir, "show", f"{commit}:{DATA_FILE}"], capture_output=True, text=True, timeout=30
    )
    if done.returncode:
        return None
    try:
        return yaml.load(done.stdout, Loader=_LOADER)
    except yaml.YAMLError:
        return None


def check_history(data: Mapping, published: list[tuple[str, dict]], error) -> None:
    """Today's data against what main published; `error(key, problem,
    expected)` makes the FigureDataError, located in today's file."""
    entries = {entry["version"]: (index, entry) for index, entry in enumerate(data["changes"])}
    # A withdrawn edition's texts leave the data, published entries included.
    withdrawn = {language for entry in data["changes"] for language in entry.get("removed_editions", ())}
    published = [(commit, _without_languages(old, withdrawn)) for commit, old in published]
    for commit, old in published:
        for old_entry in old["changes"]:
            version = old_entry["version"]
            if version not in entries:
                raise error(
                    ("changes",),
                    f"the entry {version} of the log, published in main (commit {commit}), is no longer in the log",
                    "a published entry kept as it is: a later entry corrects it, none replaces it",
                )
            index, entry = entries[version]
            # Its reason may be reworded; a new edition may add its language
            # anywhere; labels may be recorded where main's entry had none.
            changed = sorted(
                k
                for k in {*old_entry, *entry} - {"reason"} - ({"labels"} - set(old_entry))
                if old_entry.get(k) != _as_far_as(entry.get(k), old_entry.get(k))
            )
            if changed:
                raise error(
                    ("changes", index, changed[0]),
                    f"the entry {version}, published in main (commit {commit}), has a changed " + ", ".join(changed),
                    f"{', '.join(changed)} as published: {_shown(old_entry, changed)}; only its reason's "
                    "wording may change; a new entry on top records anything else",
                )
    if not published:
        return
    commit, newest = published[0]
    new_entries = [
        (index, entry)
        for index, entry in enumerate(data["changes"])
        if entry["version"] not in {e["version"] for e in newest["changes"]}
    ]
    named = {
        record_id
        for _, entry in new_entries
        for record_id in [*entry.get("ids", ()), *entry.get("values", {}), *entry.get("removed", ())]
    }
    for record_id, (was, now, also) in _records(newest, data).items():
        now = _as_far_as(now, was)
        if was == now:
            continue
        if record_id == "source":
            if was is not None and not any(entry["kind"] == "correction" for _, entry in new_entries):
                raise error(
                    ("source", "text_sha256"),
                    "our copy of the article changed since main "
                    f"(commit {commit}) with no correction on top of the log",
                    "an entry of kind correction, and the correction recorded in data/source/README.md",
                )
            continue
        if not ({record_id, *also} & named):
            what = (
                "removed"
                if now is None
                else "added"
                if was is None
                else ", ".join(sorted(k for k in {*was, *now} if was.get(k) != now.get(k)))
            )
            raise error(
                _key_of(record_id, data),
                f"'{record_id}' changed since main (commit {commit}) "
                f"({what}) with no entry in the log of changes that names it",
                f"an entry on top of changes: naming '{record_id}' (under ids, values or removed), "
                "with release.version raised; or the change undone",
            )


def _without_languages(data, languages: set[str]):
    """`data` without the texts of `languages`, at every level."""
    if not languages:
        return data
    if isinstance(data, Mapping):
        return {key: _without_languages(value, languages) for key, value in data.items() if key not in languages}
    if isinstance(data, list):
        return [_without_languages(value, languages) for value in data]
    return data


def _records(old: Mapping, new: Mapping) -> dict[str, tuple]:
    """{id: (as main had it, as today, other ids naming it)}: each figure with
    its quote's words and period's, each claim with its quote's, the source."""

    def figure(data, fid):
        f = data.get("figures", {}).get(fid)
        if f is None:
            return None
        return {
            **{k: f.get(k) for k in RECORDED},
            "quote words": data["quotes"].get(f.get("quote")),
            "period words": data.get("periods", {}).get(f.get("period")),
        }

    def claim(data, cid):
        c = data.get("claims", {}).get(cid)
        return None if c is None else {**c, "quote words": data["quotes"].get(c.get("quote"))}

    def quote_ids(data, record):
        return {record["quote"]} if record and record.get("quote") else set()

    records = {}
    for kind, read in (("figures", figure), ("claims", claim)):
        for record_id in dict.fromkeys([*new.get(kind, {}), *old.get(kind, {})]):  # the file's order
            was, now = read(old, record_id), read(new, record_id)
            records[record_id] = (was, now, quote_ids(old, was) | quote_ids(new, now))
    records["source"] = (old["source"].get("text_sha256"), new["source"].get("text_sha256"), set())
    return records


def _as_far_as(now, was):
    """`now` with only the keys `was` has, at every level: a new edition's
    texts (an `es:` beside each label) change nothing that was published."""
    if isinstance(now, Mapping) and isinstance(was, Mapping):
        return {key: _as_far_as(now[key], was[key]) if key in now else None for key in was}
    return now


def _key_of(record_id: str, data: Mapping) -> tuple:
    for kind in ("figures", "claims"):
        if record_id in data.get(kind, {}):
            return (kind, record_id)
    return ("changes",)


def _shown(entry: Mapping, keys: list[str]) -> str:
    shown = "; ".join(f"{key}: {entry.get(key)!r}" for key in keys)
    return shown if len(shown) <= 200 else shown[:200] + "…"


def history_error(document):
    """The `error` for check_history, located in today's data file."""

    def error(key: tuple, problem: str, expected: str) -> FigureDataError:
        return error_at(document, key, problem, expected)

    return error
