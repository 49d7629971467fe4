"""Plain text, usually as extracted from a PDF (like the reference memo).

Decoding: UTF-8 (with or without BOM), UTF-16 with BOM; a byte that is not part of valid
UTF-8 is read as Windows-1252 on its own (one stray byte must not turn "Financiële" elsewhere
into "FinanciÃ«le"), and the lines that held one are reported (ML005). Binary files (NUL bytes
outside UTF-16) are refused. Lines keep
their text exactly, form feeds included, so every span points at what is in the file;
a form feed starts a new page. A corpus provenance header (``# source: …`` up to
``# ---``) is read as front matter.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from memo_lint.errors import UnreadableFile
from memo_lint.model import Line, Source, Span
from memo_lint.readers import Limits
from memo_lint.regex import compile_later

PROVENANCE_END = "# ---"
_ESCAPED = re.compile("[\udc80-\udcff]")  # bytes kept by "surrogateescape"
_LINE_BREAK = compile_later("\r\n|\r|\n")


class Decoded(NamedTuple):
    text: str
    undecodable: list[int]  # numbers of the lines that held bytes that are not UTF-8


def _utf8_or_windows_1252(data: bytes) -> Decoded:
    """UTF-8, each byte that is not part of valid UTF-8 read as Windows-1252 (one character
    for one byte, so positions stay), and the lines where that happened."""
    try:  # valid UTF-8 (nearly every memo): no byte to look for
        return Decoded(data.decode("utf-8"), [])
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "surrogateescape")
    offsets = [match.start() for match in _ESCAPED.finditer(text)]
    if not offsets:
        return Decoded(text, [])
    text = _ESCAPED.sub(
        lambda match: bytes([ord(match[0]) - 0xDC00]).decode("cp1252", "replace"), text
    )
    starts = [match.end() for match in _LINE_BREAK.finditer(text)]
    lines = sorted({bisect_right(starts, offset) + 1 for offset in offsets})
    return Decoded(text, lines)


def decode(data: bytes, limits: Limits) -> Decoded:
    """Bytes to text by BOM (UTF-8, UTF-16), else UTF-8 with Windows-1252 for stray bytes."""
    undecodable: list[int] = []
    if data.startswith(b"\xef\xbb\xbf"):
        text, undecodable = _utf8_or_windows_1252(data[3:])
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise UnreadableFile("text.bad-utf16", offset=error.start) from None
    else:
        if b"\x00" in data[:8192]:
            raise UnreadableFile("text.nul-bytes")
        text, undecodable = _utf8_or_windows_1252(data)
    if "\x00" in text:
        raise UnreadableFile("text.nul-characters")
    limits.check_chars(len(text), "memo")
    return Decoded(text, undecodable)


def without_final_line_end(text: str) -> str:
    """The text without the line end that closes its last line (LF, CRLF or CR)."""
    for ending in ("\r\n", "\n", "\r"):
        if text.endswith(ending):
            return text[: -len(ending)]
    return text


def split_lines(text: str) -> list[str]:
    """Lines on LF, CRLF or a lone CR: never on form feeds, which mark pages inside a line."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def to_lines(raw_lines: list[str]) -> list[Line]:
    """Numbered lines; pages only when the text has form feeds (extracted from a PDF)."""
    if not any("\f" in text for text in raw_lines):
        return [Line(number, text) for number, text in enumerate(raw_lines, start=1)]
    lines, page = [], 1
    for number, text in enumerate(raw_lines, start=1):
        page += text.count("\f")  # the page break belongs to the line it starts
        lines.append(Line(number, text, page))
    return lines


def _provenance(lines: list[Line]) -> tuple[dict[str, object], Span | None]:
    if not lines or not lines[0].text.startswith("# source:"):
        return {}, None
    meta: dict[str, object] = {}
    for line in lines:
        if line.text.strip() == PROVENANCE_END:
            return meta, Span(1, 1, line.number, len(line.text) + 1)
        key, _, value = line.text[2:].partition(":")
        meta[key.strip()] = value.strip()
    return {}, None


def read(path: str, data: bytes, limits: Limits) -> Source:
    decoded = decode(data, limits)
    text = without_final_line_end(decoded.text)
    lines = to_lines(split_lines(text)) if text else []
    provenance, span = _provenance(lines)
    # Kept apart from front matter: the corpus's "type:" describes where a text came from, it
    # does not choose a pack the way a memo author's front matter does.
    front_matter: dict[str, object] = {"provenance": provenance} if provenance else {}
    return Source(
        path=path,
        lines=lines,
        front_matter=front_matter,
        front_matter_span=span,
        undecodable_lines=decoded.undecodable,
    )
