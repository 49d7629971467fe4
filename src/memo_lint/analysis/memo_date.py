"""The memo's own date: front matter ``datum``/``date``, else a "Datum" field in the header
(also stacked below its key), else a letter's date line ("Den Haag, 5 januari 2025")."""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from memo_lint.analysis.lines import header_end
from memo_lint.dutch import read_date
from memo_lint.model import (
    Document,
    Source,
    Span,
)
from memo_lint.pack import Pack, title_key


class MemoDate(NamedTuple):
    value: dt.date | None
    span: Span | None
    text: str | None
    status: str | None


def _front_matter_span(source: Source, key: str) -> Span | None:
    """Where front matter ``key: value`` writes its value (the whole line if not found)."""
    span = source.front_matter_span
    if span is None:
        return None
    for line in source.lines[span.line - 1 : span.end_line]:
        match = re.match(rf"\s*{key}\s*:\s*", line.text, re.IGNORECASE)
        if match:
            return Span.of_line(line, match.end(), len(line.text.rstrip()))
    return None


def find_memo_date(document: Document, pack: Pack, source: Source) -> MemoDate:
    """The memo's own date: front matter ``datum``/``date``, else a "Datum" line in the header.

    The value is read whole (:func:`memo_lint.dutch.read_date`), so "24 juni 2o25" and
    "[invullen]" are told apart from a date the memo does not state at all.
    """
    for key in ("datum", "date"):
        if key not in document.metadata:
            continue
        value = document.metadata[key]
        span = _front_matter_span(source, key)
        if isinstance(value, dt.datetime):
            return MemoDate(value.date(), span, value.isoformat(), "ok")
        if isinstance(value, dt.date):
            return MemoDate(value, span, value.isoformat(), "ok")
        # Read what was written: YAML makes "[invullen]" a list and "24-06" a string.
        text = "" if value is None else str(value)
        if span is not None:
            text = document.line(span.line).text[span.column - 1 : span.end_column - 1].strip()
            text = text.strip("'\"") if len(text) > 1 and text[0] == text[-1] in "'\"" else text
        reading = read_date(text)
        status = "unreadable" if reading.status == "none" else reading.status
        return MemoDate(reading.value, span, text, status)
    last_header_line = header_end(document.content, pack)
    for field in document.fields:
        if field.key_span.line > last_header_line or title_key(field.key) not in ("datum", "date"):
            continue
        reading = read_date(field.value)
        if reading.status in ("none", "empty"):
            # A stacked header ("Datum" / "Registratienummer" / "11 oktober 2024", Den Haag,
            # Overijssel) puts the value a few lines below its key. A bare "Datum" line: its
            # value is up to ten lines below. A table row ("Datum GS-kenmerk …"): the next
            # line. "Datum bijeenkomst" and "Datum PM" are other fields (none).
            key = document.line(field.key_span.line).text.strip().rstrip(":").strip()
            alone = title_key(key) in ("datum", "date")
            stacked = _stacked_date(document, field.key_span.line, last_header_line, alone)
            if stacked is not None:
                return stacked
            continue
        span = field.value_span
        if reading.found is not None:
            line = document.line(field.value_span.line)
            start = line.text.find(field.value)
            if start >= 0:
                begin = start + reading.found.start
                span = Span.of_line(line, begin, begin + reading.found.end - reading.found.start)
        return MemoDate(reading.value, span, field.value, reading.status)
    return (
        _letter_date(document, last_header_line)
        or _top_date(document, last_header_line)
        or MemoDate(None, None, None, None)
    )


_STACK_DEPTH = 10  # how far below its "Datum" key a stacked header writes the date


def _stacked_date(
    document: Document, key_line: int, last_header_line: int, alone: bool
) -> MemoDate | None:
    """The first line below a "Datum" key that starts with a date: the stacked layout's value.
    Below a bare key, other keys' values (a kenmerk, a department) come between and are
    skipped; below a table row of keys only the next line counts."""
    last = min(key_line + _STACK_DEPTH, last_header_line, len(document.lines))
    for number in range(key_line + 1, last + 1):
        line = document.line(number)
        text = line.text.strip()
        if not text:
            continue
        reading = read_date(text)
        found = reading.found
        if reading.status in ("ok", "impossible") and found and found.start == 0:
            begin = len(line.text) - len(line.text.lstrip())
            span = Span.of_line(line, begin, begin + found.end)
            return MemoDate(reading.value, span, text[: found.end], reading.status)
        if not alone:
            break
    return None


# A letter's date line: "Den Haag, 5 januari 2025", "Zwolle, 12 oktober 2023". Every word of
# the place capitalised ("Alphen aan den Rijn": connectors aside), the line short: "In de
# vergadering, 5 januari 2025, is besloten" is a sentence, not a date line.
_PLACE_COMMA = re.compile(
    r"\s*(?:'s-)?[A-Z][\w'’-]+(?:\s(?:(?:op|aan|den|de|an)\s)*[A-Z][\w'’-]+){0,3},\s+(?=\S)"
)
_LETTER_LINE = 60  # longest letter date line ("Den Haag, 5 januari 2025 RIS321353")


def _letter_date(document: Document, last_header_line: int) -> MemoDate | None:
    """A header line "<place>, <date>" (the Dutch letter form), when no "Datum" field says it."""
    for line in document.content:
        if line.number > last_header_line:
            break
        place = _PLACE_COMMA.match(line.text)
        if place is None or len(line.text.strip()) > _LETTER_LINE:
            continue
        reading = read_date(line.text[place.end() :])
        found = reading.found
        if reading.status in ("ok", "impossible") and found is not None and found.start == 0:
            begin = place.end()
            span = Span.of_line(line, begin, begin + found.end)
            text = line.text[begin : begin + found.end]
            return MemoDate(reading.value, span, text, reading.status)
    return None


# A letter whose "Datum" label the text lost (Den Haag's PDF letterhead puts the label in a
# layer pdftotext drops): the date opens the text, below only the letterhead (address lines,
# the place alone on a line), alone on its line or before the next header label
# ("13 mei 2025 Ons Kenmerk"). Any other line first (a title, a key such as "Datum PM") and
# the date at the top is something else's.
_ADDRESS = re.compile(r"(?i)\bpostbus\s+\d|\bwww\.|\b\d{4}\s?[a-z]{2}\b")
_PLACE_LINE = re.compile(
    r"\s*(?:'s-)?[A-Z][\w'’-]+(?:\s(?:(?:op|aan|den|de|an)\s)*[A-Z][\w'’-]+){0,3}\s*$"
)
_NEXT_LABEL = re.compile(r"(?i)(?:(?:ons|uw)\s+)?kenmerk|registratienummer|onderwerp")
# A line of capitalised words that is a header key, not a place ("Datum PM", "Fatale Termijn").
_KEY_WORD = re.compile(r"(?i)\b(?:datum|date|kenmerk|onderwerp|registratienummer|termijn)\b")


def _top_date(document: Document, last_header_line: int) -> MemoDate | None:
    """The date that opens a letter whose "Datum" label was lost (see above)."""
    keys = {field.key_span.line for field in document.fields}
    for line in document.content:
        if line.number > last_header_line:
            break
        text = line.text.strip()
        if not text or _ADDRESS.search(text):
            continue
        reading = read_date(text)
        found = reading.found
        if reading.status in ("ok", "impossible") and found is not None and found.start == 0:
            if text[found.end :].strip() and not _NEXT_LABEL.fullmatch(text[found.end :].strip()):
                return None
            begin = len(line.text) - len(line.text.lstrip())
            span = Span.of_line(line, begin, begin + found.end)
            return MemoDate(reading.value, span, text[: found.end], reading.status)
        if line.number in keys or _KEY_WORD.search(text) or not _PLACE_LINE.match(line.text):
            return None
    return None
