"""Numbers and dates as a reader of each edition expects them, via Babel.

The value never changes between editions; only its rendering does (digits,
grouping, "million", currency placement, month names). Which CLDR locale
serves each edition is said in data/site_words.yml, with the reasons.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from babel import Locale
from babel.dates import format_date
from babel.numbers import NumberFormatError, format_compact_decimal, format_decimal, parse_decimal

from .editions import Edition

# A whole number of millions, billions or trillions reads better as words
# ("175 million") than as nine digits, as the source prints it. Anything
# else is shown in grouped digits: a compact form would round it
# ("23,456,789" is not "23 million"). One and two are left in digits too:
# Babel 2.18 writes "1 millions" in French and "2 مليون" in Arabic, where
# the languages say "1 million" and "مليونان".
COMPACT_UNITS = (10**12, 10**9, 10**6)
COMPACT_FROM_COUNT = 3

# The words of each qualifier as an English source writes them: a figure's
# quote must contain them, so a qualifier can never be dropped silently.
SOURCE_QUALIFIER_WORDS = {"as-stated": "", "more-than": "more than", "as-much-as": "as much as"}

# A date, and a number with its unit or currency, are read as one: a line
# never breaks inside them ("16 / November 2017", "175 مليون / دولار").
NO_BREAK_SPACE = "\u00a0"

# Languages that write the first day of a month as an ordinal, where CLDR's
# long pattern has the day's plain number ("1 janvier 2017"): French writes
# "1er janvier 2017". The suffix, quoted as a literal of a CLDR pattern.
FIRST_DAY_SUFFIX = {"fr": "'er'"}
_DAY_FIELD = re.compile(r"(?<![d'])d(?!d)")


class Formatter:
    """Formats values for one edition: its CLDR locale and qualifier words
    (data/site_words.yml)."""

    def __init__(self, edition: Edition) -> None:
        self.edition = edition
        self.locale = Locale.parse(edition.locale)

    def number(self, value: int) -> str:
        if _exact_in_words(value):
            # "175 million" is one number: a line never breaks inside it.
            compact = format_compact_decimal(value, format_type="long", locale=self.locale)
            return compact.replace(" ", NO_BREAK_SPACE)
        return format_decimal(value, locale=self.locale)

    def amount(self, value: int, currency: str | None = None) -> str:
        """A number, and for an amount of money the edition's words for it
        (site_words.yml, `money` and `money_in_words`): the article writes
        "$175 million" and names no currency, so no edition names one
        ("$175 million", "175 millions de dollars", "175 مليون دولار")."""
        number = self.number(value)
        if currency is None:
            return number
        template = self.edition.words["money_in_words" if _exact_in_words(value) else "money"]
        return template.format(number=number)

    def qualified(self, value: int, qualifier: str, currency: str | None = None) -> str:
        return self.edition.qualifiers[qualifier].format(self.amount(value, currency))

    def date(self, iso: str) -> str:
        """An ISO date or bare year, in the locale's long date format."""
        if len(iso) == 4:
            return format_decimal(int(iso), locale=self.locale, group_separator=False)
        day = dt.date.fromisoformat(iso)
        pattern = self.locale.date_formats["long"].pattern
        if day.day == 1 and self.locale.language in FIRST_DAY_SUFFIX:
            pattern = _DAY_FIELD.sub("d" + FIRST_DAY_SUFFIX[self.locale.language], pattern, count=1)
        return format_date(day, format=pattern, locale=self.locale).replace(" ", NO_BREAK_SPACE)


def _exact_in_words(value: int) -> bool:
    """True if "N million" (billion, trillion) states `value` exactly."""
    return any(value % unit == 0 and COMPACT_FROM_COUNT <= value // unit < 1000 for unit in COMPACT_UNITS)


def source_spellings(value: int, language: str = "en") -> set[str]:
    """Ways a source in `language` may write `value` exactly: "50,000",
    "175 million", "22.5 thousand". A compact form that rounds ("22
    thousand" for 22500) stands for another number, so it is not one."""
    spellings = {format_decimal(value, locale=language)}
    for fraction_digits in range(3):
        compact = format_compact_decimal(value, format_type="long", locale=language, fraction_digits=fraction_digits)
        if _states_exactly(compact, value, language):
            spellings.add(compact)
    return spellings


def _states_exactly(compact: str, value: int, language: str) -> bool:
    """True if the compact form's number times its word's power of ten is
    `value`: Babel writes round(value / 10**k, digits) before the word, so
    value / number is a power of ten only when nothing was rounded away."""
    number = re.search(r"\d[\d.,\u00a0\u202f ]*", compact)
    if number is None:
        return False
    try:
        stated = parse_decimal(number.group().strip(), locale=language)
    except NumberFormatError:
        return False
    if stated == 0:
        return value == 0
    ratio = Decimal(value) / stated
    return ratio == ratio.to_integral_value() and str(int(ratio)).rstrip("0") == "1"
