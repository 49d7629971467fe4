"""Fields (``key: value``): table rows, known keys of the pack (with a leader or with the value
on a later line of the header), and any ``Key: value`` line."""

from __future__ import annotations

import re

from memo_lint.analysis.lines import LEADER, header_end, list_prefix_end, plain
from memo_lint.dutch import normalise
from memo_lint.model import (
    FieldValue,
    Line,
    Section,
    Source,
    Span,
)
from memo_lint.pack import Pack

FIELD_WITH_COLON = re.compile(r"^\s*([A-Z\u00c0-\u00de][\w .&/’'()-]{1,40}?)\s*:\s+(\S.*?)\s*$")


_Keys = list[tuple[str, str]]
# The pack's keys; by first character, those that may start a text with it; those for any.
_Buckets = tuple[_Keys, dict[str, _Keys], _Keys]
_BY_INITIAL: dict[int, _Buckets] = {}


def _key_buckets(pack: Pack) -> _Buckets:
    """The pack's field keys by their first character, longest first as in the pack: a line
    is tried only against the keys its first character may start (a pack has dozens)."""
    keys = pack.field_keys
    cached = _BY_INITIAL.get(id(keys))
    if cached is None or cached[0] is not keys:
        empty = [k for k in keys if not k[1]]
        buckets = {
            initial: [k for k in keys if k[1][:1] in (initial, "")]
            for initial in {wanted[:1] for _, wanted in keys}
        }
        cached = _BY_INITIAL[id(keys)] = (keys, buckets, empty)
    return cached


def _field_key(text: str, pack: Pack, buckets: _Buckets) -> tuple[str, int] | None:
    """A known field key at the start of ``text``: (key as the pack spells it, its length);
    ``buckets``: :func:`_key_buckets` of the pack, looked up once per memo."""
    candidates = buckets[1].get(first_normalised(text), buckets[2])
    if not candidates:
        return None
    lowered = _normalised_start(text, pack)
    # The longest key wins: "Datum PM 20 juni" is the field "Datum PM", not "Datum".
    for key, wanted in candidates:
        if lowered.startswith(wanted) and (
            len(lowered) == len(wanted) or not lowered[len(wanted)].isalnum()
        ):
            return key, len(key)
    return None


def first_normalised(text: str) -> str:
    """``normalise(text)[:1]`` worked out alone: most lines start with a letter no field key
    starts with, and need no normalising."""
    return text.lstrip()[:1].replace("\u2019", "'").replace("\u2018", "'").lower()[:1]


def _normalised_start(text: str, pack: Pack) -> str:
    """The start of ``normalise(text)``, long enough to hold any field key and the character
    after it: most lines are prose far longer than a key. Cut before white space, the text's
    start normalises to the start of the normalised text (words are whole, and no letter's
    lower case depends on what follows a space: Greek final sigma)."""
    longest = _longest_key(pack)
    space = _SPACE.search(text, 2 * longest + 8)
    if space is None:
        return normalise(text)
    start = normalise(text[: space.start()])
    return start if len(start) > longest else normalise(text)


def _longest_key(pack: Pack) -> int:
    keys = pack.field_keys
    cached = _LONGEST.get(id(keys))
    if cached is None or cached[0] is not keys:
        cached = _LONGEST[id(keys)] = (keys, max((len(wanted) for _, wanted in keys), default=0))
    return cached[1]


_LONGEST: dict[int, tuple[_Keys, int]] = {}
_SPACE = re.compile(r"\s")


def find_fields(
    source: Source,
    content: list[Line],
    heading_lines: set[int],
    pack: Pack,
    sections: list[Section],
) -> list[FieldValue]:
    section_by_line: dict[int, str | None] = {}
    for section in sections:
        for number in range(section.heading_line, max(section.body_end, section.heading_line) + 1):
            section_by_line[number] = section.id
    fields: list[FieldValue] = []
    table_lines: set[int] = set()
    by_number = {line.number: line for line in source.lines}
    for row in source.table_rows:
        if len(row) < 2:
            continue
        key_cell, value_cells = row[0], row[1:]
        key_line = by_number[key_cell.line]
        key = key_line.text[key_cell.start : key_cell.end].strip().strip("*_ ").rstrip(":")
        first, last = value_cells[0], value_cells[-1]
        value = " ".join(
            by_number[c.line].text[c.start : c.end].strip() for c in value_cells
        ).strip()
        if not key:
            continue
        table_lines.update(c.line for c in row)
        fields.append(
            FieldValue(
                key=key,
                value=value.strip("*_ "),
                key_span=Span(key_cell.line, key_cell.start + 1, key_cell.line, key_cell.end + 1),
                value_span=Span(
                    first.line, first.start + 1, last.line, max(last.end, last.start + 1) + 1
                ),
                section=section_by_line.get(key_cell.line),
            )
        )
    last_header_line = header_end(content, pack)
    # Header keys whose values the layout put on later lines ("Fatale termijn" / blank /
    # "1 februari 2026"; Den Haag's "Datum", "Ons Kenmerk", then both values): in order.
    stacked: list[tuple[Line, str, int, int]] = []
    buckets = _key_buckets(pack)
    for line in content:
        if line.number in table_lines or line.text.isspace() or not line.text:
            continue  # a blank line (white space is all a body of it could hold)
        text = plain(line).replace("**", "").replace("__", "")
        offset = list_prefix_end(text)
        body = text[offset:]
        if not body.strip():
            continue
        if line.number in heading_lines:
            stacked.clear()
        known = _field_key(body, pack, buckets)
        if known is not None and line.number not in heading_lines:
            key, length = known
            rest = LEADER.sub("", body[length:])
            value = rest.lstrip(" :\t").rstrip()
            if not value and line.number <= last_header_line:
                stacked.append((line, key, offset, length))
                continue
            if value:
                value_start = line.text.find(value, offset + length)
                value_start = value_start if value_start >= 0 else offset + length
                fields.append(
                    _field(line, key, offset, length, value, value_start, section_by_line)
                )
            continue
        if stacked and line.number not in heading_lines:
            key_line, key, key_start, length = stacked.pop(0)
            value = body.strip()
            value_start = line.text.find(value)
            fields.append(
                FieldValue(
                    key=key,
                    value=value,
                    key_span=Span.of_line(key_line, key_start, key_start + length),
                    value_span=Span.of_line(line, value_start, value_start + len(value)),
                    section=section_by_line.get(key_line.number),
                )
            )
            continue
        match = FIELD_WITH_COLON.match(body) if ":" in body else None
        if match and line.number not in heading_lines:
            value_start = line.text.find(match[2], offset)
            fields.append(
                _field(
                    line,
                    match[1],
                    offset,
                    len(match[1]),
                    match[2],
                    max(value_start, 0),
                    section_by_line,
                )
            )
    return fields


def _field(
    line: Line,
    key: str,
    key_start: int,
    key_length: int,
    value: str,
    value_start: int,
    section_by_line: dict[int, str | None],
) -> FieldValue:
    return FieldValue(
        key=key,
        value=value,
        key_span=Span.of_line(line, key_start, key_start + key_length),
        value_span=Span.of_line(line, value_start, value_start + len(value)),
        section=section_by_line.get(line.number),
    )
