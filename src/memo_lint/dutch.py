"""Dutch dates and amounts as memos write them: the one date reader every rule uses.

Dates: "1 april", "per 1 juli 2024", "31-05-2022", "1-4-24", "d.d. 13 april 2021", "2024-03-01",
"1e april", "1 april '24", "maandag 1 april", "1 april a.s." (the coming 1 April), "3 mei jl."
(the last), the first day of a range ("1 t/m 31 maart 2024", "1 en 2 april"). Impossible dates
("31-02-2022", "32 mei", "0000-01-01") are kept and marked invalid so ML704 can point at them.
:func:`read_date` reads a whole field value ("Datum: 24 juni 2o25") and says why it cannot.

Amounts: "€9.000 excl. btw", "€ 2.400.000", "€ 106.707,-".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import NamedTuple

from memo_lint.regex import compile_later

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4,
    "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
# Each date pattern opens with its first digit and looks behind it after that:
# "(\d(?<![\d.,]\d)\d?)" matches what "(?<![\d.,])(\d{1,2})" does, and ``re`` scans for a
# pattern's opening character class fast; one opening with a look-behind is tried at every
# character.
NUMERIC_DATE = re.compile(r"(\d(?<![\d.,/-]\d)\d?)[-/.](\d{1,2})[-/.](\d{4})(?![\d/-]|\.\d)")
# "1-4-24", "01/04/24": a two-digit year needs the same separator twice and no dots (section
# numbers such as 1.4.24 are not dates).
SHORT_DATE = re.compile(r"(\d(?<![\d.,/-]\d)\d?)([-/])(\d{1,2})\2(\d{2})(?![\d/-]|[.,]\d)")
ISO_DATE = re.compile(r"(\d(?<![\d.-]\d)\d{3})-(\d{2})-(\d{2})(?![\d-])")
_RELATIVE = r"(?:\s+(?P<relative>a\.s\.|aanstaande|jl\.|jongstleden))?"
WRITTEN_DATE = re.compile(
    rf"(\d(?<![\d.,]\d)\d?)(?:e|ste|de)?\s+({_MONTH_NAMES})\.?(?:\s+(\d{{4}}|['’‘]\d{{2}}))?"
    rf"{_RELATIVE}(?!\w|-\D)",
    re.IGNORECASE,
)
# The first day of a range takes the month (and year) of the last: "1 t/m 31 maart 2024".
RANGE_START = re.compile(
    rf"(\d(?<![\d.,]\d)\d?)\s*(?:t/m|tot en met|tot|-|–|en)\s*"
    rf"(?=\d{{1,2}}(?:e|ste|de)?\s+(?:{_MONTH_NAMES})\b\.?(?:\s+(\d{{4}}))?)",
    re.IGNORECASE,
)
_RANGE_MONTH = compile_later(rf"\d{{1,2}}(?:e|ste|de)?\s+({_MONTH_NAMES})\b", re.IGNORECASE)
_UNIT = r"miljoen|mln\.?|miljard|mld\.?|duizend"
# "€ 9.000", "EUR 3,1 mln", and the written-out "ca 60.000 euro", "3,1 miljoen euro".
AMOUNT = re.compile(
    rf"(?:(?:€|EUR\b)\s?|(?<![\w.,])(?=[\d.,]+\s?(?:(?:{_UNIT})\s?)?euro\b))"
    r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}|-{1,2}))?"
    rf"(?:\s?({_UNIT}))?(?:\s?euro\b)?",
    re.IGNORECASE,
)
_MULTIPLIERS = {"miljoen": 1e6, "mln": 1e6, "miljard": 1e9, "mld": 1e9, "duizend": 1e3}


def is_valid(day: int, month: int, year: int | None) -> bool:
    if not 1 <= month <= 12 or day < 1 or (year is not None and not 1 <= year <= 9999):
        return False
    # A missing year: allow 29 February (2024 is a leap year). datetime, not calendar: a
    # one-memo run need not import calendar (and locale) for this.
    try:
        dt.date(year if year is not None else 2024, month, day)
    except ValueError:
        return False
    return True


class DateMatch(NamedTuple):
    start: int
    end: int
    day: int
    month: int
    year: int | None
    # "upcoming" for "1 april a.s.", "past" for "3 mei jl.": which year a yearless date means.
    relative: str | None = None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    return 2000 + int(text[1:]) if not text[0].isdigit() else int(text)


# What each kind of date needs somewhere in the text; each starts with a digit, so ``re`` scans
# for it fast, where the date patterns start with a look-behind and are tried at every character.
_DIGIT_SEPARATOR_DIGIT = re.compile(r"\d[-/.]\d")  # numeric, short and ISO dates
# written dates and ranges: a digit, white space and a month name's first letter (case-folded
# as the date patterns fold it)
_DIGIT_BEFORE_MONTH = re.compile(r"\d(?:e|ste|de)?\s+[jfmasond]", re.IGNORECASE)


def find_dates(text: str) -> Iterator[DateMatch]:
    """Every date in ``text``, valid or not, in order of the pattern kinds."""
    if _DIGIT_SEPARATOR_DIGIT.search(text):
        yield from _numeric_dates(text)
    if not _DIGIT_BEFORE_MONTH.search(text):
        return
    for match in WRITTEN_DATE.finditer(text):
        relative = match["relative"]
        when = None if relative is None else "upcoming" if relative[0] in "aA" else "past"
        month = MONTHS[match[2].lower()]
        yield DateMatch(match.start(), match.end(), int(match[1]), month, _year(match[3]), when)
    for match in RANGE_START.finditer(text):
        last = _RANGE_MONTH.match(text, match.end())
        if last is not None:
            end = match.start() + len(match[1])
            last_year = int(match[2]) if match[2] else None
            yield DateMatch(match.start(), end, int(match[1]), MONTHS[last[1].lower()], last_year)


def _numeric_dates(text: str) -> Iterator[DateMatch]:
    for match in NUMERIC_DATE.finditer(text):
        yield DateMatch(match.start(), match.end(), int(match[1]), int(match[2]), int(match[3]))
    for match in SHORT_DATE.finditer(text):
        # A two-digit year is ambiguous ("13-14-15" is a page range): only a real date counts.
        day, month, year = int(match[1]), int(match[3]), 2000 + int(match[4])
        if is_valid(day, month, year):
            yield DateMatch(match.start(), match.end(), day, month, year)
    for match in ISO_DATE.finditer(text):
        yield DateMatch(match.start(), match.end(), int(match[3]), int(match[2]), int(match[1]))


_WEEKDAY = compile_later(
    r"^(?:(?:maan|dins|woens|donder|vrij|zater|zon)dag|ma|di|wo|do|vr|za|zo)\.?,?\s+", re.I
)
PLACEHOLDER_DATE = compile_later(
    r"^(?:\[[^\]]*\]|<[^>]*>|\{[^}]*\}|[xX]{1,2}[-/. ][xX]{1,2}[-/. ][xX]{2,4}"
    r"|[dD]{1,2}[-/.][mM]{1,2}[-/.][jJyY]{2,4}|\.{3,}|…|_{2,}|n\.?n\.?b\.?|TBD|TODO)$"
)


# What makes a value an attempt at a date at all: a month name, digits with a date separator,
# or a year-like token ("2o25"); not a phone number ("14070") or a reference ("RIS321716").
_ATTEMPT = compile_later(
    rf"\b(?:{_MONTH_NAMES})\b|\d{{1,4}}\s*[-/.]\s*[\doO]{{1,2}}|\b[12][\doO]{{3}}\b", re.I
)


class DateReading(NamedTuple):
    """A field value read as one date: ``status`` is ok, impossible, unreadable, placeholder,
    empty, or none (no attempt at a date: no digit, no month: "Datum PM" is another field);
    ``found`` is the date read (also when impossible)."""

    status: str
    value: dt.date | None = None
    found: DateMatch | None = None


def read_date(text: str) -> DateReading:
    """The date a whole value states ("dinsdag 24 juni 2025", "2025-06-24"), or why not."""
    value = text.strip().strip("*_").strip().rstrip(".,;:").strip()
    if not value:
        return DateReading("empty")
    if PLACEHOLDER_DATE.match(value):
        return DateReading("placeholder")
    body = _WEEKDAY.sub("", re.sub(r"^d\.d\.\s*", "", value, flags=re.I))
    if not _ATTEMPT.search(body):
        return DateReading("none")
    found = min(find_dates(body), key=lambda d: d.start, default=None)
    if found is None or found.year is None:
        return DateReading("unreadable", None, found)
    if not is_valid(found.day, found.month, found.year):
        return DateReading("impossible", None, found)
    return DateReading("ok", dt.date(found.year, found.month, found.day), found)


def parse_amount(match: re.Match[str]) -> float:
    whole = float(match[1].replace(".", ""))
    cents = match[2]
    if cents and cents[0].isdigit():
        whole += int(cents) / (10 ** len(cents))
    unit = (match[3] or "").lower().rstrip(".")
    return whole * _MULTIPLIERS.get(unit, 1)


def normalise(text: str) -> str:
    """Lower case, typographic quotes straightened, whitespace collapsed: for matching titles."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    return " ".join(text.lower().split())


_MONTH_NAMES_BY_LANG = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip


def format_date(day: dt.date, lang: str = "nl") -> str:
    """ "1 mei 2022" / "1 May 2022": a date as a message to the memo's author writes it."""
    names = _MONTH_NAMES_BY_LANG["en" if lang == "en" else "nl"]
    return f"{day.day} {names[day.month - 1]} {day.year}"
