"""The editions of the site: which languages, and each one's own words.

The languages are declared once, by the site generator's configuration;
the figure layer receives that list. For each language, data/site_words.yml
gives the CLDR locale numbers and dates are written with, the words around
each qualifier, and the site's own words around the data. This module loads
that file and checks that it, and the data file, cover exactly the
declared editions, so that no edition can lack a word or fall back to
another language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from string import Formatter as _TemplateParser
from types import MappingProxyType
from typing import Any

from babel import Locale, UnknownLocaleError

from .errors import FigureDataError, collected
from .text_rules import check_ids_and_texts
from .yamlfile import YamlDocument, read_yaml

QUALIFIERS = ("as-stated", "more-than", "as-much-as")


@dataclass(frozen=True)
class Edition:
    language: str  # as the site generator names it: "en", "fr", "ar"
    locale: str  # CLDR: "en_GB", "fr_MA", "ar_MA"
    qualifiers: Mapping[str, str]
    words: Mapping[str, Any]
    direction: str  # "rtl" for a right-to-left language such as Arabic, else "ltr"


# Words of data/site_words.yml that are settings or names, not texts: a new
# edition copies them as they are, for its editor to check, never marked
# for translation (adapter/new_edition.py).
SETTING_WORDS = frozenset(
    {
        "currency_written_as",  # symbol or name: how an amount writes its currency
        "embed_markdown",  # "Markdown", a format's name
        "embed_html",  # "HTML", a format's name
    }
)


def load_editions(
    path: Path, languages: Sequence[str], display_name: str | None = None, dataset=None
) -> dict[str, Edition]:
    """The editions of `languages` (the first is the default), from the site's
    words file. With `dataset`, its texts are checked too (dataset_text_problems),
    and every text missing in the two files is reported in one message."""
    document = read_yaml(path, display_name or str(path))
    check_ids_and_texts(document)  # one line each, no control character, a sensible length
    data = document.data
    if not isinstance(data, dict):
        raise FigureDataError(
            "the file is not a mapping of editions",
            file=document.file,
            line=1,
            expected="one entry per edition: " + ", ".join(languages),
        )
    problems: list[FigureDataError] = []
    absent = _check_cover(document, set(data), languages, "entry", problems)
    default = languages[0]
    if default in absent:
        raise problems[0]
    for language in languages:
        if language in absent:
            continue
        entry = data[language]
        key = (language,)
        if not isinstance(entry, dict) or set(entry) != {"locale", "qualifiers", "words"}:
            raise FigureDataError(
                "the entry does not have exactly locale, qualifiers and words",
                file=document.file,
                line=document.line_of(key),
                key=key,
                expected="locale, qualifiers and words, as the default edition has them",
            )
        try:
            Locale.parse(entry["locale"])
        except (UnknownLocaleError, ValueError, TypeError):
            raise FigureDataError(
                f"'{entry['locale']}' is not a CLDR locale",
                file=document.file,
                line=document.line_of(key + ("locale",)),
                key=key + ("locale",),
                expected="a locale such as en_GB, fr_MA or ar_MA",
            ) from None
        _check_same_shape(
            document,
            data[default]["qualifiers"] if language != default else dict.fromkeys(QUALIFIERS, "{}"),
            entry["qualifiers"],
            key + ("qualifiers",),
            problems,
        )
        _check_same_shape(document, data[default]["words"], entry["words"], key + ("words",), problems)
    if dataset is not None:
        problems += dataset_text_problems(dataset, languages)
    if problems:
        raise _all_at_once(problems, languages)
    return {
        language: Edition(
            language,
            data[language]["locale"],
            MappingProxyType(dict(data[language]["qualifiers"])),
            MappingProxyType(dict(data[language]["words"])),
            _direction(data[language]["locale"]),
        )
        for language in languages
    }


def _all_at_once(problems: list[FigureDataError], languages: Sequence[str]) -> FigureDataError:
    return collected(
        problems,
        "the editions' texts are incomplete",
        expected="every text of the default edition given in each edition declared in mkdocs.yml ("
        + ", ".join(languages)
        + "), with the same {slots}",
    )


def _check_cover(
    document: YamlDocument, present: set[str], languages: Sequence[str], what: str, problems: list[FigureDataError]
) -> set[str]:
    """Note each edition with no entry, and each entry of no edition; return
    the editions with none."""
    missing = [language for language in languages if language not in present]
    for language in missing:
        problems.append(
            FigureDataError(
                f"no {what} for the edition '{language}'",
                file=document.file,
                line=1,
                expected="one entry per edition declared in mkdocs.yml: " + ", ".join(languages),
            )
        )
    for extra in sorted(present - set(languages)):
        problems.append(
            FigureDataError(
                f"'{extra}' is not an edition of the site",
                file=document.file,
                line=document.line_of((extra,)),
                key=(extra,),
                expected="only the editions declared in mkdocs.yml: " + ", ".join(languages),
            )
        )
    return set(missing)


def _check_same_shape(
    document: YamlDocument, model: Any, entry: Any, key: tuple, problems: list[FigureDataError]
) -> None:
    """`entry` has the keys of `model`, and each text the same {slots}; each
    difference is noted in `problems`."""

    def note(problem: str, at: tuple, expected: str) -> None:
        problems.append(
            FigureDataError(problem, file=document.file, line=document.line_of(at), key=at, expected=expected)
        )

    if isinstance(model, dict):
        if not isinstance(entry, dict):
            return note("expected a mapping here", key, "the same keys as the default edition")
        for name in model:
            if name not in entry:
                note(f"the word '{name}' is missing", key, "every word the default edition has")
            else:
                _check_same_shape(document, model[name], entry[name], key + (name,), problems)
        for name in entry:
            if name not in model:
                note(
                    f"'{name}' is not a word of the default edition",
                    key + (name,),
                    "only the words the default edition has",
                )
        return
    if not isinstance(entry, str) or (not entry.strip() and model.strip()):
        return note("expected text here", key, "a translation of the default edition's text")
    if _slots(model) != _slots(entry):
        note(
            f"the text has the slots {sorted(_slots(entry))}, the default edition's {sorted(_slots(model))}",
            key,
            "the same {slots}, where the data goes, in every edition",
        )


def _slots(template: str) -> set[str]:
    return {slot for _, slot, _, _ in _TemplateParser().parse(template) if slot is not None}


def dataset_text_problems(dataset, languages: Sequence[str]) -> list[FigureDataError]:
    """Each text of the data file missing in an edition, or given in a
    language that is no edition: one problem each."""
    document = dataset.document
    wanted = set(languages)
    problems: list[FigureDataError] = []

    def problem(message: str, key: tuple) -> FigureDataError:
        return FigureDataError(
            message,
            file=document.file if document else None,
            line=document.line_of(key) if document else None,
            key=key,
            expected="a text for each edition declared in mkdocs.yml: " + ", ".join(languages),
        )

    def check(key: tuple, texts: Mapping[str, str], expected: set[str]) -> None:
        problems.extend(
            problem(f"no text for the edition '{language}'", key) for language in sorted(expected - set(texts))
        )
        problems.extend(
            problem(f"'{language}' is not an edition of the site", key + (language,))
            for language in sorted(set(texts) - expected)
        )

    for key, localized, translated_only in localized_texts(dataset):
        exempt = {dataset.source.language} if translated_only else set()
        check(key, {k: v for k, v in localized.texts.items() if k not in exempt}, wanted - exempt)
    return problems


def localized_texts(dataset):
    """(key, Localized, translated_only) for each text of the data file that
    every edition must have; `translated_only`: a translation of the source's
    own words, which the source's language does not need (a quote, an
    excerpt). The key is where its texts stand in the data file."""
    yield ("place",), dataset.place, False
    yield ("source", "kind"), dataset.source.kind, False
    for speaker in dataset.speakers.values():
        yield ("speakers", speaker.id, "role"), speaker.role, False
    for theme in dataset.themes.values():
        yield ("themes", theme.id, "title"), theme.title, False
    for figure in dataset.figures.values():
        yield ("figures", figure.id, "label"), figure.label, False
        yield ("figures", figure.id, "unit"), figure.unit, False
    for claim in dataset.claims.values():
        yield ("claims", claim.id, "label"), claim.label, False
        yield ("claims", claim.id, "excerpt_translation"), claim.excerpt_translation, True
    for period in dataset.periods.values():
        yield ("periods", period.id, "wording_translation"), period.wording_translation, True
    for change in dataset.changes:
        yield ("changes", change.index, "reason"), change.reason, False
        for record_id, label in change.labels.items():
            yield ("changes", change.index, "labels", record_id), label, False
    for quote in dataset.quotes.values():
        yield ("quotes", quote.id, "translation"), quote.translation, True


def _direction(locale: str) -> str:
    return "rtl" if Locale.parse(locale).character_order == "right-to-left" else "ltr"
