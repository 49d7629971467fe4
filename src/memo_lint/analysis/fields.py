"""Fields (``key: value``): table rows, known keys of the pack (with a leader or with the value
on a later line of the header), and any ``Key: value`` line."""

from __future__ import annotations

import re

from memo_lint.analysis.lines import LEADER, TextMemo, header_end, list_prefix_end, plain
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
    readings = _READINGS.of(pack)
    buckets = _key_buckets(pack)
    for line in content:
        if line.number in table_lines:
            continue
        reading = readings.get(line.text)
        if reading is None:
            reading = readings[line.text] = _reading(line, pack, buckets)
        if not reading:
            continue  # a blank line (white space is all a body of it could hold)
        offset, known, (body, body_start), colon = reading
        heading = line.number in heading_lines
        if heading:
            stacked.clear()
        if known is not None and not heading:
            key, length, value, value_start = known
            if not value and line.number <= last_header_line:
                stacked.append((line, key, offset, length))
            elif value:
                fields.append(
                    _field(line, key, offset, length, value, value_start, section_by_line)
                )
            continue
        if stacked and not heading:
            key_line, key, key_start, length = stacked.pop(0)
            fields.append(
                FieldValue(
                    key=key,
                    value=body,
                    key_span=Span.of_line(key_line, key_start, key_start + length),
                    value_span=Span.of_line(line, body_start, body_start + len(body)),
                    section=section_by_line.get(key_line.number),
                )
            )
            continue
        if colon is not None and not heading:
            key, value, value_start = colon
            fields.append(_field(line, key, offset, len(key), value, value_start, section_by_line))
    return fields


# What a line's text says as a field, whatever its place: where its body starts after a list
# prefix; a known key at its start (key, length, the value after it or "", where that value
# starts); the body stripped and where it starts (a value of a key stacked above it); a
# ``Key: value`` reading (key, value, where the value starts). () for a blank body.
_Reading = (
    tuple[
        int,
        tuple[str, int, str, int] | None,
        tuple[str, int],
        tuple[str, str, int] | None,
    ]
    | tuple[()]
)
_READINGS: TextMemo[_Reading] = TextMemo()


def _reading(line: Line, pack: Pack, buckets: _Buckets) -> _Reading:
    """What the line's text says as a field (see _Reading), read from its text alone."""
    if line.text.isspace() or not line.text:
        return ()
    text = plain(line).replace("**", "").replace("__", "")
    offset = list_prefix_end(text)
    body = text[offset:]
    stripped = body.strip()
    if not stripped:
        return ()
    known = None
    found = _field_key(body, pack, buckets)
    if found is not None:
        key, length = found
        value = LEADER.sub("", body[length:]).lstrip(" :\t").rstrip()
        value_start = line.text.find(value, offset + length) if value else -1
        known = (key, length, value, value_start if value_start >= 0 else offset + length)
    match = FIELD_WITH_COLON.match(body) if ":" in body else None
    colon = None
    if match is not None:
        colon = (match[1], match[2], max(line.text.find(match[2], offset), 0))
    return offset, known, (stripped, line.text.find(stripped)), colon


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
