"""The memo's own date: front matter ``datum``/``date``, else a "Datum" field in the header."""

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
            continue  # another field ("Datum PM"), or a layout that left the value elsewhere
        span = field.value_span
        if reading.found is not None:
            line = document.line(field.value_span.line)
            start = line.text.find(field.value)
            if start >= 0:
                begin = start + reading.found.start
                span = Span.of_line(line, begin, begin + reading.found.end - reading.found.start)
        return MemoDate(reading.value, span, field.value, reading.status)
    return MemoDate(None, None, None, None)
