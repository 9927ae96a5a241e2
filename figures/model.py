"""Immutable records built from the validated data file.

The schema has checked each field on its own; this module checks what a
schema cannot: that references between records resolve, and that every
quote really supports what it is cited for.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .changes import Change, Release, build_changes, build_release
from .errors import FigureDataError, closest, error_at, lookalikes
from .formatting import SOURCE_QUALIFIER_WORDS, source_spellings
from .localized import Localized
from .untranslated import unmarked
from .yamlfile import YamlDocument

ARTICLE_VOICE = "article"  # `stated_by` value for the article speaking in its own voice


@dataclass(frozen=True)
class Source:
    title: str
    text_file: str  # the source's text, relative to the data file
    text_sha256: str  # that file's SHA-256: our copy changes only with a recorded correction
    kind: Localized
    date_published: str
    date_as_printed: str
    language: str
    author: str | None
    publisher: str | None
    url: str | None


@dataclass(frozen=True)
class Speaker:
    id: str
    name: str
    role: Localized
    # The name in the editions whose script differs from the source's.
    written: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def name_in(self, language: str) -> str:
        return self.written.get(language, self.name)


@dataclass(frozen=True)
class Theme:
    id: str
    title: Localized
    page: str


@dataclass(frozen=True)
class Period:
    id: str
    wording: str
    wording_translation: Localized  # the source's words, and ours in each other language
    start: str | None
    end: str | None
    recurrence: str | None
    inferred: frozenset[str]


@dataclass(frozen=True)
class Quote:
    id: str
    text: str
    translation: Localized  # ours, in each language but English
    speaker: Speaker | None  # None: the article's own voice
    paragraph: int


@dataclass(frozen=True)
class Figure:
    id: str
    label: Localized
    value: int
    unit: Localized
    currency: str | None
    qualifier: str
    period: Period
    quote: Quote
    theme: Theme


@dataclass(frozen=True)
class Claim:
    id: str
    label: Localized
    quote: Quote
    excerpt: str
    excerpt_translation: Localized
    theme: Theme


@dataclass(frozen=True)
class Dataset:
    place: Localized
    source: Source
    speakers: Mapping[str, Speaker]
    themes: Mapping[str, Theme]
    periods: Mapping[str, Period]
    quotes: Mapping[str, Quote]
    figures: Mapping[str, Figure]
    claims: Mapping[str, Claim]
    release: Release
    changes: tuple[Change, ...]  # newest first (figures/changes.py)
    # Where each key stands in the data file, for messages about it.
    document: YamlDocument | None = field(default=None, compare=False, repr=False)

    def error_at(
        self, key: tuple, problem: str, expected: str | None = None, suggestion: str | None = None
    ) -> FigureDataError:
        """An error located at `key` of the data file."""
        return error_at(self.document, key, problem, expected, suggestion)

    def figure(self, figure_id: str) -> Figure:
        return _lookup(self.figures, figure_id, "figure")

    def claim(self, claim_id: str) -> Claim:
        return _lookup(self.claims, claim_id, "claim")

    def quote(self, quote_id: str) -> Quote:
        return _lookup(self.quotes, quote_id, "quote")

    def period(self, period_id: str) -> Period:
        return _lookup(self.periods, period_id, "period")

    def theme(self, theme_id: str) -> Theme:
        return _lookup(self.themes, theme_id, "theme")

    def speaker(self, speaker_id: str) -> Speaker:
        return _lookup(self.speakers, speaker_id, "speaker")


def _lookup(records: Mapping[str, Any], record_id: str, kind: str) -> Any:
    try:
        return records[record_id]
    except (KeyError, TypeError):
        raise FigureDataError(
            f"unknown {kind} id '{record_id}'{lookalikes(record_id)}",
            expected=f"one of the {kind} ids in the data file: " + ", ".join(records),
            suggestion=closest(str(record_id), records),
        ) from None


def build_dataset(document: YamlDocument) -> Dataset:
    """Records from a document that has passed schema validation."""
    data = document.data

    def refer(records: Mapping[str, Any], key: tuple, kind: str) -> Any:
        wanted = _get(data, key)
        if wanted not in records:
            raise FigureDataError(
                f"unknown {kind} id '{wanted}'{lookalikes(wanted)}",
                file=document.file,
                line=document.line_of(key),
                key=key,
                expected=f"one of: {', '.join(records)}",
                suggestion=closest(wanted, records),
            )
        return records[wanted]

    def check_contains(text: str, needle: str, key: tuple, what: str) -> None:
        # A copy not yet translated is marked in the quote and the excerpt alike.
        if unmarked(needle) not in unmarked(text):
            raise FigureDataError(
                f"the quote does not contain {what} '{needle}'",
                file=document.file,
                line=document.line_of(key),
                key=key,
                expected="a quote that states, word for word, what it is cited for",
            )

    _check_dates(document)
    source = Source(**{**data["source"], "kind": _localized(data["source"]["kind"])})
    speakers = {
        sid: Speaker(sid, s["name"], _localized(s["role"]), MappingProxyType(dict(s.get("name_written", {}))))
        for sid, s in data["speakers"].items()
    }
    themes = {tid: Theme(tid, _localized(t["title"]), t["page"]) for tid, t in data["themes"].items()}
    periods = {
        pid: Period(
            pid,
            p["wording"],
            _localized({source.language: p["wording"], **p["wording_translation"]}),
            p.get("start"),
            p.get("end"),
            p.get("recurrence"),
            frozenset(p.get("inferred", ())),
        )
        for pid, p in data["periods"].items()
    }
    for pid, period in periods.items():
        if period.start and period.end and period.start > period.end:
            raise FigureDataError(
                f"the period starts ({period.start}) after it ends ({period.end})",
                file=document.file,
                line=document.line_of(("periods", pid, "start")),
                key=("periods", pid),
                expected="start on or before end",
            )

    speakers_and_voice = {**speakers, ARTICLE_VOICE: None}
    quotes = {
        qid: Quote(
            qid,
            q["text"],
            _localized({source.language: q["text"], **q["translation"]}),
            refer(speakers_and_voice, ("quotes", qid, "stated_by"), "speaker"),
            q["paragraph"],
        )
        for qid, q in data["quotes"].items()
    }
    translated = [(("quotes", qid, "translation"), quote.text) for qid, quote in quotes.items()]
    translated += [(("periods", pid, "wording_translation"), period.wording) for pid, period in periods.items()]
    for key, original in translated:
        for language, translation in data[key[0]][key[1]][key[2]].items():
            if _numbers(translation) != _numbers(original):
                raise FigureDataError(
                    f"the {language} translation holds the numbers {sorted(_numbers(translation))}, "
                    f"the original {sorted(_numbers(original))}",
                    file=document.file,
                    line=document.line_of(key + (language,)),
                    key=key + (language,),
                    expected="a translation with the same numbers as the words it translates",
                )

    figures = {}
    for fid, f in data["figures"].items():
        key = ("figures", fid)
        figure = Figure(
            id=fid,
            label=_localized(f["label"]),
            value=f["value"],
            unit=_localized(f["unit"]),
            currency=f.get("currency"),
            qualifier=f["qualifier"],
            period=refer(periods, key + ("period",), "period"),
            quote=refer(quotes, key + ("quote",), "quote"),
            theme=refer(themes, key + ("theme",), "theme"),
        )
        _check_quote_supports(figure, document, key)
        if figure.qualifier != "as-stated":
            check_contains(
                figure.quote.text, SOURCE_QUALIFIER_WORDS[figure.qualifier], key + ("qualifier",), "the qualifier"
            )
        check_contains(figure.quote.text, figure.period.wording, key + ("period",), "the wording of the period")
        figures[fid] = figure

    claims = {}
    for cid, c in data["claims"].items():
        key = ("claims", cid)
        claim = Claim(
            cid,
            _localized(c["label"]),
            refer(quotes, key + ("quote",), "quote"),
            c["excerpt"],
            _localized({source.language: c["excerpt"], **c["excerpt_translation"]}),
            refer(themes, key + ("theme",), "theme"),
        )
        check_contains(claim.quote.text, claim.excerpt, key + ("excerpt",), "the excerpt")
        for language, translated in c["excerpt_translation"].items():
            check_contains(
                claim.quote.translation(language),
                translated,
                key + ("excerpt_translation", language),
                f"its {language} translation, the excerpt",
            )
        claims[cid] = claim

    return Dataset(
        place=_localized(data["place"]),
        source=source,
        speakers=MappingProxyType(speakers),
        themes=MappingProxyType(themes),
        periods=MappingProxyType(periods),
        quotes=MappingProxyType(quotes),
        figures=MappingProxyType(figures),
        claims=MappingProxyType(claims),
        release=build_release(data),
        changes=build_changes(data, _localized),
        document=document,
    )


def _check_dates(document: YamlDocument) -> None:
    """Each ISO date names a real day ("2017-02-30" has the right form, no day)."""
    data = document.data
    dates = [
        (("source", "date_published"), data["source"]["date_published"]),
        (("release", "date"), data["release"]["date"]),
    ]
    dates += [(("changes", index, "date"), change["date"]) for index, change in enumerate(data["changes"])]
    dates += [
        (("periods", pid, bound), p[bound])
        for pid, p in data["periods"].items()
        for bound in ("start", "end")
        if p.get(bound)
    ]
    for key, iso in dates:
        if len(iso) == 4:
            continue
        try:
            dt.date.fromisoformat(iso)
        except ValueError:
            raise FigureDataError(
                f"'{iso}' is not a day of the calendar",
                file=document.file,
                line=document.line_of(key),
                key=key,
                expected="a real date, YYYY-MM-DD",
            ) from None


def _check_quote_supports(figure: Figure, document: YamlDocument, key: tuple) -> None:
    spellings = sorted(source_spellings(figure.value, document.data["source"]["language"]))
    if not any(_contains_number(figure.quote.text, s) for s in spellings):
        raise FigureDataError(
            f"the quote '{figure.quote.id}' does not contain the figure's value {figure.value}"
            f" (looked for {' or '.join(repr(s) for s in spellings)})",
            file=document.file,
            line=document.line_of(key + ("value",)),
            key=key + ("value",),
            expected="a value that the quote's sentence states, or a quote that states it",
        )


def _contains_number(text: str, spelling: str) -> bool:
    """True if `spelling` occurs in `text` as a whole number: "23,000" must not
    match inside "123,000" or "23,0001"."""
    return re.search(rf"(?<![\d.,]){re.escape(spelling)}(?![\d]|[.,]\d)", text) is not None


def _numbers(text: str) -> set[int]:
    """The numbers in a sentence, whatever its grouping: "23,000", "23 000"
    and "23.000" are all 23000; "175 million" counts as 175."""
    groups = re.findall(r"\d+(?:[,.\u202f\u00a0 ]\d{3})*", text)
    return {int(re.sub(r"\D", "", group)) for group in groups}


def _get(data: Any, key: tuple) -> Any:
    for part in key:
        data = data[part]
    return data


def _localized(texts: Mapping[str, str]) -> Localized:
    return Localized(MappingProxyType(dict(texts)))
