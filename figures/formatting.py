"""Numbers and dates as a reader of each language expects them, via Babel.

The value never changes between languages; only its rendering does (digits,
grouping, "million", currency placement, month names). Which Babel locale
serves each site language is decided here and nowhere else.
"""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_compact_decimal, format_decimal

# Site language -> CLDR locale, chosen for readers in and around Morocco.
# - en_GB: day-month-year dates ("16 November 2017") and "US$", unambiguous
#   for an international readership, where a bare "$" is not.
# - fr_MA: French as written in Morocco; for these figures it renders like
#   fr ("23 000" with a narrow no-break space, "16 novembre 2017").
# - ar_MA: Moroccan Arabic usage writes Western digits, groups them with a
#   dot ("23.000") and names months as in Morocco ("نونبر"); generic ar
#   would give "23,000" and "نوفمبر".
BABEL_LOCALES = {"en": "en_GB", "fr": "fr_MA", "ar": "ar_MA"}

# A whole number of millions, billions or trillions reads better as words
# ("175 million") than as nine digits, as the source prints it. Anything
# else is shown in grouped digits: a compact form would round it
# ("23,456,789" is not "23 million"). One and two are left in digits too:
# Babel 2.18 writes "1 millions" in French and "2 مليون" in Arabic, where
# the languages say "1 million" and "مليونان".
COMPACT_UNITS = (10**12, 10**9, 10**6)
COMPACT_FROM_COUNT = 3

# How each qualifier wraps a formatted number. "{}" is the number.
QUALIFIER_PATTERNS = {
    "en": {"as-stated": "{}", "more-than": "more than {}", "as-much-as": "as much as {}"},
    "fr": {"as-stated": "{}", "more-than": "plus de {}", "as-much-as": "jusqu’à {}"},
    "ar": {"as-stated": "{}", "more-than": "أكثر من {}", "as-much-as": "ما يصل إلى {}"},
}

# The words of each qualifier as an English source writes them: a figure's
# quote must contain them, so a qualifier can never be dropped silently.
SOURCE_QUALIFIER_WORDS = {"as-stated": "", "more-than": "more than", "as-much-as": "as much as"}


class Formatter:
    """Formats values for one site language."""

    def __init__(self, language: str) -> None:
        if language not in BABEL_LOCALES:
            raise ValueError(f"no locale configured for language {language!r}")
        self.language = language
        self.locale = Locale.parse(BABEL_LOCALES[language])

    def number(self, value: int) -> str:
        if _exact_in_words(value):
            return format_compact_decimal(value, format_type="long", locale=self.locale)
        return format_decimal(value, locale=self.locale)

    def amount(self, value: int, currency: str | None = None) -> str:
        """A number, with its currency placed where the locale puts it."""
        number = self.number(value)
        if currency is None:
            return number
        symbol = self.locale.currency_symbols.get(currency, currency)
        pattern = self.locale.currency_formats["standard"]
        prefix, suffix = pattern.prefix[0], pattern.suffix[0]
        return f"{prefix}{number}{suffix}".replace("¤", symbol)

    def qualified(self, value: int, qualifier: str, currency: str | None = None) -> str:
        return QUALIFIER_PATTERNS[self.language][qualifier].format(self.amount(value, currency))

    @property
    def direction(self) -> str:
        """"rtl" for a right-to-left language such as Arabic, else "ltr"."""
        return "rtl" if self.locale.character_order == "right-to-left" else "ltr"

    def date(self, iso: str) -> str:
        """An ISO date or bare year, in the locale's long date format."""
        if len(iso) == 4:
            return format_decimal(int(iso), locale=self.locale, group_separator=False)
        return format_date(dt.date.fromisoformat(iso), format="long", locale=self.locale)


def _exact_in_words(value: int) -> bool:
    """True if "N million" (billion, trillion) states `value` exactly."""
    return any(value % unit == 0 and COMPACT_FROM_COUNT <= value // unit < 1000 for unit in COMPACT_UNITS)


def source_spellings(value: int) -> set[str]:
    """Ways an English source may write `value`: "50,000", "175 million"."""
    return {
        format_decimal(value, locale="en"),
        format_compact_decimal(value, format_type="long", locale="en"),
    }
