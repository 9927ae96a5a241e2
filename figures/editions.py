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

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from string import Formatter as _TemplateParser
from types import MappingProxyType
from typing import Any

from babel import Locale, UnknownLocaleError

from .errors import FigureDataError
from .yamlfile import YamlDocument, read_yaml

QUALIFIERS = ("as-stated", "more-than", "as-much-as")


@dataclass(frozen=True, eq=False)  # compared and hashed as the object: a cache key
class Edition:
    language: str  # as the site generator names it: "en", "fr", "ar"
    locale: str    # CLDR: "en_GB", "fr_MA", "ar_MA"
    qualifiers: Mapping[str, str]
    words: Mapping[str, Any]

    @property
    def direction(self) -> str:
        """"rtl" for a right-to-left language such as Arabic, else "ltr"."""
        return _direction(self.locale)


@functools.lru_cache(maxsize=None)
def _direction(locale: str) -> str:
    return "rtl" if Locale.parse(locale).character_order == "right-to-left" else "ltr"


def load_editions(path: Path, languages: Sequence[str], display_name: str | None = None) -> dict[str, Edition]:
    """The editions of `languages` (the first is the default), from the site's words file."""
    document = read_yaml(path, display_name or str(path))
    data = document.data
    if not isinstance(data, dict):
        raise FigureDataError("the file is not a mapping of editions", file=document.file, line=1,
                              expected="one entry per edition: " + ", ".join(languages))
    _check_cover(document, set(data), languages, "entry")
    default = languages[0]
    editions = {}
    for language in languages:
        entry = data[language]
        key = (language,)
        if not isinstance(entry, dict) or set(entry) != {"locale", "qualifiers", "words"}:
            raise FigureDataError("the entry does not have exactly locale, qualifiers and words",
                                  file=document.file, line=document.line_of(key), key=key,
                                  expected="locale, qualifiers and words, as the default edition has them")
        try:
            Locale.parse(entry["locale"])
        except (UnknownLocaleError, ValueError, TypeError):
            raise FigureDataError(f"'{entry['locale']}' is not a CLDR locale", file=document.file,
                                  line=document.line_of(key + ("locale",)), key=key + ("locale",),
                                  expected="a locale such as en_GB, fr_MA or ar_MA") from None
        _check_same_shape(document, data[default]["qualifiers"] if language != default else
                          {q: "{}" for q in QUALIFIERS}, entry["qualifiers"], key + ("qualifiers",))
        _check_same_shape(document, data[default]["words"], entry["words"], key + ("words",))
        editions[language] = Edition(language, entry["locale"], MappingProxyType(dict(entry["qualifiers"])),
                                     MappingProxyType(dict(entry["words"])))
    return editions


def _check_cover(document: YamlDocument, present: set[str], languages: Sequence[str], what: str) -> None:
    missing = [language for language in languages if language not in present]
    extra = sorted(present - set(languages))
    if missing:
        raise FigureDataError(f"no {what} for the edition '{missing[0]}'", file=document.file, line=1,
                              expected="one entry per edition declared in mkdocs.yml: " + ", ".join(languages))
    if extra:
        raise FigureDataError(f"'{extra[0]}' is not an edition of the site", file=document.file,
                              line=document.line_of((extra[0],)), key=(extra[0],),
                              expected="only the editions declared in mkdocs.yml: " + ", ".join(languages))


def _check_same_shape(document: YamlDocument, model: Any, entry: Any, key: tuple) -> None:
    """`entry` has the keys of `model`, and each text the same {slots}."""
    if isinstance(model, dict):
        if not isinstance(entry, dict):
            raise FigureDataError("expected a mapping here", file=document.file, line=document.line_of(key),
                                  key=key, expected="the same keys as the default edition")
        for name in model:
            if name not in entry:
                raise FigureDataError(f"the word '{name}' is missing", file=document.file,
                                      line=document.line_of(key), key=key,
                                      expected="every word the default edition has")
            _check_same_shape(document, model[name], entry[name], key + (name,))
        for name in entry:
            if name not in model:
                raise FigureDataError(f"'{name}' is not a word of the default edition", file=document.file,
                                      line=document.line_of(key + (name,)), key=key + (name,),
                                      expected="only the words the default edition has")
        return
    if not isinstance(entry, str) or not entry.strip() and model.strip():
        raise FigureDataError("expected text here", file=document.file, line=document.line_of(key), key=key,
                              expected="a translation of the default edition's text")
    if _slots(model) != _slots(entry):
        raise FigureDataError(
            f"the text has the slots {sorted(_slots(entry))}, the default edition's {sorted(_slots(model))}",
            file=document.file, line=document.line_of(key), key=key,
            expected="the same {slots}, where the data goes, in every edition")


def _slots(template: str) -> set[str]:
    return {slot for _, slot, _, _ in _TemplateParser().parse(template) if slot is not None}


def check_dataset_covers(dataset, languages: Sequence[str]) -> None:
    """Every text of the data file that pages show is given in exactly the
    site's editions; quotes carry our translation into every edition that is
    not in the source's language."""
    document = dataset.document
    wanted = set(languages)

    def check(key: tuple, texts: Mapping[str, str], expected: set[str]) -> None:
        missing = sorted(expected - set(texts))
        extra = sorted(set(texts) - expected)
        if missing or extra:
            problem = (f"no text for the edition '{missing[0]}'" if missing
                       else f"'{extra[0]}' is not an edition of the site")
            line_key = key + (extra[0],) if not missing else key
            raise FigureDataError(problem, file=document.file if document else None,
                                  line=document.line_of(line_key) if document else None, key=line_key,
                                  expected="a text for each edition declared in mkdocs.yml: " + ", ".join(languages))

    source_language = dataset.source.language
    check(("source", "kind"), dataset.source.kind.texts, wanted)
    for speaker in dataset.speakers.values():
        check(("speakers", speaker.id, "role"), speaker.role.texts, wanted)
    for theme in dataset.themes.values():
        check(("themes", theme.id, "title"), theme.title.texts, wanted)
    for figure in dataset.figures.values():
        check(("figures", figure.id, "label"), figure.label.texts, wanted)
        check(("figures", figure.id, "unit"), figure.unit.texts, wanted)
    for claim in dataset.claims.values():
        check(("claims", claim.id, "label"), claim.label.texts, wanted)
        check(("claims", claim.id, "excerpt_translation"),
              {k: v for k, v in claim.excerpt_translation.texts.items() if k != source_language},
              wanted - {source_language})
    for period in dataset.periods.values():
        check(("periods", period.id, "wording_translation"),
              {k: v for k, v in period.wording_translation.texts.items() if k != source_language},
              wanted - {source_language})
    for change in dataset.changes:
        check(("changes", change.index, "reason"), change.reason.texts, wanted)
    for quote in dataset.quotes.values():
        check(("quotes", quote.id, "translation"),
              {k: v for k, v in quote.translation.texts.items() if k != source_language},
              wanted - {source_language})
