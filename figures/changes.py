"""The data's version, its licences, and the log of every change to it.

A reader who cited a figure must be able to learn that it changed. So the
data file carries a version, and a `changes:` log, newest first, that
says what each version changed and why; and a figure cannot change
silently: `check_changes` holds the log to the data, and a value edited
without its entry stops the build.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .errors import FigureDataError, closest
from .localized import Localized
from .yamlfile import YamlDocument

PUBLICATION = "publication"  # the kind of the oldest entry: the first publication
CORRECTION = "correction"


@dataclass(frozen=True)
class Licence:
    name: str   # "CC BY 4.0"
    title: str  # "Creative Commons Attribution 4.0 International"
    spdx: str   # "CC-BY-4.0"
    url: str


@dataclass(frozen=True)
class Release:
    version: str  # "1.0.0"
    date: str     # the day of that version, ISO 8601
    content_licence: Licence  # our texts, translations, data, charts, cards, previews
    code_licence: Licence


@dataclass(frozen=True)
class ValueChange:
    old: int | None  # None: the figure was first published (or added) by this change
    new: int


@dataclass(frozen=True)
class Change:
    index: int  # its place in the log, 0 for the newest: where messages point
    version: str
    date: str
    kind: str
    ids: tuple[str, ...]  # every id it touches: listed, valued or removed
    values: Mapping[str, ValueChange]
    removed: tuple[str, ...]
    reason: Localized

    @property
    def anchor(self) -> str:
        """Its heading's id on the corrections page: "change-1-0-1"."""
        return "change-" + self.version.replace(".", "-")


def build_release(data: Mapping) -> Release:
    release = data["release"]
    licences = release["licences"]
    return Release(release["version"], release["date"], Licence(**licences["content"]), Licence(**licences["code"]))


def build_changes(data: Mapping, localized) -> tuple[Change, ...]:
    changes = []
    for index, entry in enumerate(data["changes"]):
        values = {fid: ValueChange(v.get("old"), v["new"]) for fid, v in entry.get("values", {}).items()}
        removed = tuple(entry.get("removed", ()))
        ids = tuple(dict.fromkeys([*entry.get("ids", ()), *values, *removed]))
        changes.append(Change(index, entry["version"], entry["date"], entry["kind"], ids,
                              MappingProxyType(values), removed, localized(entry["reason"])))
    return tuple(changes)


def latest_correction(dataset, figure) -> Change | None:
    """The newest correction of `figure` (figures/model.py's Dataset and
    Figure, which import this module): of its value, or of its quote."""
    return next((c for c in dataset.changes
                 if c.kind == CORRECTION and (figure.id in c.ids or figure.quote.id in c.ids)), None)


def check_changes(dataset) -> None:
    """The log agrees with the data (figures/model.py's Dataset), or the
    build stops at the entry that does not."""
    document, changes, release = dataset.document, dataset.changes, dataset.release

    def error(key: tuple, problem: str, expected: str, suggestion: str | None = None) -> FigureDataError:
        return _error(document, key, problem, expected, suggestion)

    newest = changes[0]
    if (newest.version, newest.date) != (release.version, release.date):
        raise error(("changes", 0, "version"),
                    f"the newest change is version {newest.version} of {newest.date}, "
                    f"but the data is version {release.version} of {release.date} (release)",
                    "the newest entry of changes: (the first in the list) to have release.version "
                    "and release.date, so that a new version always says what changed")
    for newer, older in zip(changes, changes[1:]):
        if _version_key(newer.version) <= _version_key(older.version) or newer.date < older.date:
            raise error(("changes", newer.index, "version"),
                        f"the change {newer.version} of {newer.date} is listed before "
                        f"{older.version} of {older.date}",
                        "changes newest first: each entry's version higher than the next one's, "
                        "and its date the same or later")
    first = changes[-1]
    for change in changes:
        is_first = change is first
        if (change.kind == PUBLICATION) != is_first:
            raise error(("changes", change.index, "kind"),
                        "the first publication is not the oldest entry of the log" if is_first else
                        f"the change {change.version} is a publication, but is not the oldest entry",
                        "the oldest entry (the last in the list) of kind publication, and no other")
    removed = {record_id for change in changes for record_id in change.removed}
    known = {**dataset.figures, **dataset.claims, **dataset.quotes}
    for change in changes:
        for record_id in change.ids:
            if record_id not in known and record_id not in removed:
                raise error(("changes", change.index), f"the change {change.version} names the id "
                            f"'{record_id}', which is not in the data and is not listed as removed",
                            "an id of a figure, claim or quote of the data file, or one that an entry "
                            "lists under removed", closest(record_id, known))
    _check_values(dataset, error)


def _check_values(dataset, error) -> None:
    """Told from oldest to newest, the log's values end at each figure's value."""
    values: dict[str, int] = {}
    for change in reversed(dataset.changes):
        for figure_id, value in change.values.items():
            if value.old is not None and values.get(figure_id) != value.old:
                raise error(("changes", change.index, "values", figure_id, "old"),
                            f"the change {change.version} gives '{figure_id}' the old value {value.old}, "
                            f"but the log's value before it is {values.get(figure_id, 'none')}",
                            "old to be the value the previous entry gave the figure")
            values[figure_id] = value.new
    for figure in dataset.figures.values():
        if figure.id not in values:
            raise error(("figures", figure.id), f"the figure '{figure.id}' has no value in the log of changes",
                        "its value recorded by the first publication, or by the entry that added it "
                        f"(changes › … › values › {figure.id} › new: {figure.value})")
        if values[figure.id] != figure.value:
            raise error(("figures", figure.id, "value"),
                        f"the figure '{figure.id}' is {figure.value}, but the newest value the log of "
                        f"changes gives it is {values[figure.id]}",
                        "a change of value to come with its entry on top of changes: (kind, version, "
                        f"date, values › {figure.id} › old: {values[figure.id]}, new: {figure.value}, "
                        "reason) and release.version raised; or the value put back")


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def _error(document: YamlDocument | None, key: tuple, problem: str, expected: str,
           suggestion: str | None = None) -> FigureDataError:
    return FigureDataError(problem, file=document.file if document else None,
                           line=document.line_of(key) if document else None, key=key,
                           expected=expected, suggestion=suggestion)
