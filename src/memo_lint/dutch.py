"""Dutch dates and amounts as memos write them.

"1 april", "per 1 juli 2024", "31-05-2022", "d.d. 13 april 2021", "€9.000 excl. btw",
"€ 2.400.000", "€ 106.707,-". Impossible dates ("31-02-2022", "32 mei") are kept and marked
invalid so ML704 can point at them.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from typing import NamedTuple

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4,
    "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
NUMERIC_DATE = re.compile(r"(?<![\d.,/-])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?![\d/-]|\.\d)")
ISO_DATE = re.compile(r"(?<![\d.-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
WRITTEN_DATE = re.compile(
    rf"(?<![\d.,])(\d{{1,2}})\s+({_MONTH_NAMES})\.?(?:\s+(\d{{4}}))?(?![\w-])", re.IGNORECASE
)
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
    if not 1 <= month <= 12 or day < 1:
        return False
    # A missing year: allow 29 February, judge the rest by a non-leap year's calendar.
    last_day = calendar.monthrange(year if year is not None else 2024, month)[1]
    return day <= last_day


class DateMatch(NamedTuple):
    start: int
    end: int
    day: int
    month: int
    year: int | None


def find_dates(text: str) -> Iterator[DateMatch]:
    """Every date in ``text``, valid or not, in order of the pattern kinds."""
    for match in NUMERIC_DATE.finditer(text):
        yield DateMatch(match.start(), match.end(), int(match[1]), int(match[2]), int(match[3]))
    for match in ISO_DATE.finditer(text):
        yield DateMatch(match.start(), match.end(), int(match[3]), int(match[2]), int(match[1]))
    for match in WRITTEN_DATE.finditer(text):
        year = int(match[3]) if match[3] else None
        yield DateMatch(match.start(), match.end(), int(match[1]), MONTHS[match[2].lower()], year)


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
