"""A text in each edition's language: the one type the data's records
(figures/model.py) and its log of changes (figures/changes.py) share."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Localized:
    """A text in each edition's language. The build has checked that every
    edition has one (editions.dataset_text_problems): no fallback."""

    texts: Mapping[str, str]

    def __call__(self, language: str) -> str:
        return self.texts[language]
