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
from itertools import pairwise
from types import MappingProxyType
from typing import TYPE_CHECKING

from .errors import FigureDataError, closest, error_at
from .localized import Localized
from .yamlfile import YamlDocument

if TYPE_CHECKING:  # the model imports this module: no import circle at run time
    from .model import Dataset

PUBLICATION = "publication"  # the kind of the oldest entry: the first publication
CORRECTION = "correction"
CLARIFICATION = "clarification"
ADDITION = "addition"
REMOVAL = "removal"
# Which number of the version each kind raises (CONTRIBUTING.md, “Correcting
# a figure”): 0 the first, for a removed or renamed public address.
RAISES = {CORRECTION: 2, CLARIFICATION: 2, ADDITION: 1, REMOVAL: 0}
_NUMBER_NAMES = ("first", "second", "third")


@dataclass(frozen=True)
class Licence:
    name: str  # "CC BY 4.0"
    title: str  # "Creative Commons Attribution 4.0 International"
    spdx: str  # "CC-BY-4.0"
    url: str


@dataclass(frozen=True)
class Release:
    version: str  # "1.0.0"
    date: str  # the day of that version, ISO 8601
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
    removed_editions: tuple[str, ...]  # the languages of editions it withdrew ("ar")
    reason: Localized
    # The label of each figure and claim it names, as it read when the entry was published.
    labels: Mapping[str, Localized]

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
        labels = {record_id: localized(texts) for record_id, texts in entry.get("labels", {}).items()}
        changes.append(
            Change(
                index,
                entry["version"],
                entry["date"],
                entry["kind"],
                ids,
                MappingProxyType(values),
                removed,
                tuple(entry.get("removed_editions", ())),
                localized(entry["reason"]),
                MappingProxyType(labels),
            )
        )
    return tuple(changes)


def latest_correction(dataset, figure) -> Change | None:
    """The newest correction of `figure` (figures/model.py's Dataset and
    Figure, which import this module): of its value, or of its quote."""
    return next(
        (c for c in dataset.changes if c.kind == CORRECTION and (figure.id in c.ids or figure.quote.id in c.ids)), None
    )


def check_changes(dataset) -> None:
    """The log agrees with the data (figures/model.py's Dataset), or the
    build stops at the entry that does not."""
    document, changes, release = dataset.document, dataset.changes, dataset.release

    def error(key: tuple, problem: str, expected: str, suggestion: str | None = None) -> FigureDataError:
        return _error(document, key, problem, expected, suggestion)

    newest = changes[0]
    if (newest.version, newest.date) != (release.version, release.date):
        raise error(
            ("changes", 0, "version"),
            f"the newest change is version {newest.version} of {newest.date}, "
            f"but the data is version {release.version} of {release.date} (release)",
            "the newest entry of changes: (the first in the list) to have release.version "
            "and release.date, so that a new version always says what changed",
        )
    for newer, older in pairwise(changes):
        if _version_key(newer.version) <= _version_key(older.version) or newer.date < older.date:
            raise error(
                ("changes", newer.index, "version"),
                f"the change {newer.version} of {newer.date} is listed before {older.version} of {older.date}",
                "changes newest first: each entry's version higher than the next one's, and its date the same or later",
            )
    for newer, older in pairwise(changes):
        if newer.kind in RAISES and newer.version != _raised(older.version, RAISES[newer.kind]):
            raise error(
                ("changes", newer.index, "version"),
                f"the {newer.kind} {newer.version} follows {older.version}, but a {newer.kind} raises the "
                f"{_NUMBER_NAMES[RAISES[newer.kind]]} number of the version",
                f"version {_raised(older.version, RAISES[newer.kind])} (CONTRIBUTING.md: the third number "
                "for a correction or a clarification, the second for an addition, the first for a removal)",
            )
    first = changes[-1]
    for change in changes:
        is_first = change is first
        if (change.kind == PUBLICATION) != is_first:
            raise error(
                ("changes", change.index, "kind"),
                "the first publication is not the oldest entry of the log"
                if is_first
                else f"the change {change.version} is a publication, but is not the oldest entry",
                "the oldest entry (the last in the list) of kind publication, and no other",
            )
    removed = {record_id for change in changes for record_id in change.removed}
    known = {**dataset.figures, **dataset.claims, **dataset.quotes}
    for change in changes:
        _check_what_it_names(change, dataset, known, removed, error)
    for change in changes:
        for record_id in change.ids:
            if record_id not in known and record_id not in removed:
                raise error(
                    ("changes", change.index),
                    f"the change {change.version} names the id "
                    f"'{record_id}', which is not in the data and is not listed as removed",
                    "an id of a figure, claim or quote of the data file, or one that an entry lists under removed",
                    closest(record_id, known),
                )
    _check_values(dataset, error)
    for change in changes:  # last: a value missing from an entry is the first thing to say
        for record_id in change.labels:
            if record_id not in change.ids:
                raise error(
                    ("changes", change.index, "labels", record_id),
                    f"the change {change.version} records the label of '{record_id}', which it does not name",
                    "labels only for the ids under values, ids or removed",
                )


def _check_what_it_names(change: Change, dataset: Dataset, known: Mapping, removed: set[str], error) -> None:
    """Each kind names what it touches, and only what it can: values are
    figures' and really change, removed ids are gone from the data."""
    where = ("changes", change.index)
    if change.kind == CLARIFICATION and (change.values or not change.ids):
        raise error(
            where,
            f"the clarification {change.version} "
            + (
                "gives values: a clarification changes wording, not a value"
                if change.values
                else "names nothing it touches"
            ),
            "ids: the figures, claims or quotes whose wording it made clearer, and no values "
            "(a changed value is a correction)",
        )
    if change.kind in (CORRECTION, ADDITION) and not change.ids:
        raise error(
            where,
            f"the {change.kind} {change.version} names nothing it touches",
            "values: {<figure id>: {old: …, new: …}} for a value, or ids: [...] for a quote, claim or text",
        )
    if change.kind == REMOVAL and not (change.removed or change.removed_editions):
        raise error(
            where,
            f"the removal {change.version} lists nothing under removed or removed_editions",
            "removed: the ids of the figures or claims withdrawn; removed_editions: the languages "
            "of the editions withdrawn",
        )
    if change.removed_editions and change.kind != REMOVAL:
        raise error(
            (*where, "removed_editions"),
            f"the {change.kind} {change.version} lists removed editions",
            "removed_editions on an entry of kind removal only (removing an edition removes its public addresses)",
        )
    held = {language for figure in dataset.document.data["figures"].values() for language in figure["label"]}
    for language in change.removed_editions:
        if language in held:
            raise error(
                (*where, "removed_editions"),
                f"the change {change.version} lists the edition "
                f"'{language}' as removed, but the data still holds its texts",
                f"every '{language}:' text deleted from the data files, or '{language}' taken off removed_editions",
            )
    labelled = {
        record_id
        for record_id in change.ids
        if record_id in dataset.figures or record_id in dataset.claims or record_id in removed
    }
    for record_id in sorted(labelled - set(change.labels), key=change.ids.index):
        record = dataset.figures.get(record_id) or dataset.claims.get(record_id)
        today = f" (today: labels › {record_id} › {_first_text(record.label)})" if record else ""
        raise error(
            where,
            f"the change {change.version} names '{record_id}' but does not record its label{today}",
            f"labels › {record_id}: its label in every edition as this entry publishes it, so that the "
            "entry reads the same whatever the label says later",
        )
    for record_id in change.removed:
        if record_id in known:
            raise error(
                (*where, "removed"),
                f"the change {change.version} lists '{record_id}' as removed, but the data still holds it",
                f"'{record_id}' deleted from the data, or taken off removed",
            )
    for figure_id, value in change.values.items():
        key = (*where, "values", figure_id)
        if figure_id not in dataset.figures and (figure_id in known or figure_id not in removed):
            raise error(
                key,
                f"the change {change.version} gives a value to '{figure_id}', which is not a figure"
                + (" (it is a claim or a quote: name it under ids)" if figure_id in known else ""),
                "the id of a figure of the data file",
                closest(figure_id, dataset.figures),
            )
        if value.old is not None and value.old == value.new:
            raise error(
                key,
                f"the change {change.version} gives '{figure_id}' the same old and new value ({value.new})",
                "old: the value before the change, new: a different value after it",
            )
        if (value.old is None) != (change.kind in (PUBLICATION, ADDITION)):
            raise error(
                key,
                f"the {change.kind} {change.version} "
                + (
                    f"gives '{figure_id}' an old value: it had none before"
                    if value.old is not None
                    else f"gives '{figure_id}' no old value"
                ),
                "old only for a correction: the value it had before; none for a publication or an addition",
            )


def _first_text(localized) -> str:
    language, text = next(iter(localized.texts.items()))
    return f"{language}: {text}"


def check_change_dates(dataset: Dataset, build_day: str) -> None:
    """Every entry dated between the article's date and the day of the build
    (which a rebuild of the same commit fixes with SOURCE_DATE_EPOCH): a log
    cannot record a change before there was anything to change, nor one not
    yet made ("corrected on 31 December 2099")."""
    earliest = dataset.source.date_published
    for change in dataset.changes:
        if not earliest <= change.date <= build_day:
            raise _error(
                dataset.document,
                ("changes", change.index, "date"),
                f"the change {change.version} is dated {change.date}, "
                + (
                    f"before the article itself ({earliest})"
                    if change.date < earliest
                    else f"after the day of this build ({build_day})"
                ),
                f"the day the change was published: from {earliest} to {build_day}",
            )


def _raised(version: str, number: int) -> str:
    parts = list(_version_key(version)) + [0] * 3
    parts[number] += 1
    return ".".join(str(part) for part in [*parts[: number + 1], 0, 0][:3])


def _check_values(dataset, error) -> None:
    """Told from oldest to newest, the log's values end at each figure's value."""
    values: dict[str, int] = {}
    for change in reversed(dataset.changes):
        for figure_id, value in change.values.items():
            if value.old is not None and values.get(figure_id) != value.old:
                raise error(
                    ("changes", change.index, "values", figure_id, "old"),
                    f"the change {change.version} gives '{figure_id}' the old value {value.old}, "
                    f"but the log's value before it is {values.get(figure_id, 'none')}",
                    "old to be the value the previous entry gave the figure",
                )
            values[figure_id] = value.new
    for figure in dataset.figures.values():
        if figure.id not in values:
            raise error(
                ("figures", figure.id),
                f"the figure '{figure.id}' has no value in the log of changes",
                "its value recorded by the first publication, or by the entry that added it "
                f"(changes › … › values › {figure.id} › new: {figure.value})",
            )
        if values[figure.id] != figure.value:
            raise error(
                ("figures", figure.id, "value"),
                f"the figure '{figure.id}' is {figure.value}, but the newest value the log of "
                f"changes gives it is {values[figure.id]}",
                "a change of value to come with its entry on top of changes: (kind, version, "
                f"date, values › {figure.id} › old: {values[figure.id]}, new: {figure.value}, "
                "reason) and release.version raised; or the value put back",
            )


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def _error(
    document: YamlDocument | None, key: tuple, problem: str, expected: str, suggestion: str | None = None
) -> FigureDataError:
    return error_at(document, key, problem, expected, suggestion)
