"""Dates and amounts mentioned anywhere in the memo's text."""

from __future__ import annotations

from memo_lint.dutch import AMOUNT, find_dates, is_valid, parse_amount
from memo_lint.model import Amount, DateMention, ScopeLines, Span


def date_mentions(lines: ScopeLines) -> list[DateMention]:
    mentions = []
    for line, digits in zip(lines, lines.digit_counts(), strict=True):
        if not digits:  # every date pattern needs a digit
            continue
        for found in find_dates(line.text):
            mentions.append(
                DateMention(
                    text=line.text[found.start : found.end],
                    day=found.day,
                    month=found.month,
                    year=found.year,
                    span=Span.of_line(line, found.start, found.end),
                    valid=is_valid(found.day, found.month, found.year),
                    relative=found.relative,
                )
            )
    mentions.sort(key=lambda d: (d.span.line, d.span.column))
    return mentions


def amounts(lines: ScopeLines) -> list[Amount]:
    return [
        Amount(match[0], parse_amount(match), Span.of_line(line, match.start(), match.end()))
        for line, digits in zip(lines, lines.digit_counts(), strict=True)
        if digits and _currency(line.text)
        for match in AMOUNT.finditer(line.text)
    ]


def _currency(text: str) -> bool:
    """What every amount has: "€", or "EUR"/"euro" in any case (AMOUNT is tried at every
    character; ``(?i)`` matches exactly the characters whose lower case is e, u, r or o)."""
    return "€" in text or "eur" in text.lower()
