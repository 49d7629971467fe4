"""Inline suppression comments in Markdown memos (DESIGN.md):

``<!-- memo-lint-disable ML101 ML401 -->`` until the end or a matching
``<!-- memo-lint-enable … -->``; ``<!-- memo-lint-disable-next-line ML701 -->``; a bare
``<!-- memo-lint-disable -->`` disables every rule. Codes may be prefixes (``ML6``) or rule
names (``required-section``), as everywhere (:mod:`memo_lint.codes`); a value that names no
rule of the memo's pack is kept in ``unknown`` and reported as an inert suppression.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from memo_lint.model import Record, field
from memo_lint.regex import compile_later

DIRECTIVE = compile_later(
    r"<!--\s*memo-lint-(disable-next-line|disable|enable)\b([^>]*?)-->", re.IGNORECASE
)
ALL = "*"


class Suppression(Record):
    line: int  # where the comment is
    codes: tuple[str, ...]
    first: int  # first suppressed line
    last: int  # last suppressed line (inclusive)
    used: set[str] = field(default_factory=set)
    unknown: tuple[str, ...] = ()  # values as written that name no rule: they suppress nothing

    def covers(self, code: str, line: int) -> bool:
        return self.first <= line <= self.last and any(
            c == ALL or code.startswith(c) for c in self.codes
        )


def parse(
    comments: list[tuple[int, str]],
    line_count: int,
    next_content: dict[int, int],
    resolve: Callable[[str], tuple[str, ...] | None] = lambda value: (value.upper(),),
) -> list[Suppression]:
    """Comment directives as line ranges; ``next_content``: a line → the next text line;
    ``resolve``: a value as written → the codes it stands for, or None (names no rule)."""
    result: list[Suppression] = []
    open_ranges: list[Suppression] = []
    for number, text in sorted(comments):
        for match in DIRECTIVE.finditer(text):
            action = match[1].lower()
            written = match[2].replace(",", " ").split()
            resolved = [(value, resolve(value)) for value in written]
            unknown = tuple(value for value, codes in resolved if codes is None)
            codes = tuple(code for _, found in resolved for code in found or ())
            if not written:
                codes = (ALL,)
            if action == "disable-next-line":
                target = next_content.get(number, number + 1)
                result.append(Suppression(number, codes, target, target, unknown=unknown))
            elif action == "disable":
                suppression = Suppression(number, codes, number, line_count, unknown=unknown)
                open_ranges.append(suppression)
                result.append(suppression)
            else:
                for suppression in open_ranges:
                    if suppression.last == line_count and (
                        codes == (ALL,) or set(codes) & set(suppression.codes)
                    ):
                        suppression.last = number
                if unknown:  # an enable naming no rule is inert too: reported, covers nothing
                    result.append(Suppression(number, (), number, number - 1, unknown=unknown))
    return result


def is_suppressed(suppressions: list[Suppression], code: str, line: int) -> bool:
    hit = False
    for suppression in suppressions:
        if suppression.covers(code, line):
            suppression.used.add(code)
            hit = True
    return hit


def plan(
    violations: set[tuple[str, int]], first_content: int, safe_lines: set[int]
) -> dict[int, str]:
    """Comments for ``check --add-suppressions``: line → the comment to insert above it.

    A violation on a line where a comment line can go without changing the Markdown
    (``safe_lines``: the start of a top-level block, see :func:`comment_targets`) gets a
    ``disable-next-line`` comment right above it; any other (inside a table, list, paragraph,
    code block or HTML comment) goes into one ``disable`` comment above the first line of text.
    """
    per_line: dict[int, set[str]] = {}
    file_level: set[str] = set()
    for code, line in violations:
        if line in safe_lines and line > first_content:
            per_line.setdefault(line, set()).add(code)
        else:
            file_level.add(code)
    comments = {
        line: f"<!-- memo-lint-disable-next-line {' '.join(sorted(codes))} -->"
        for line, codes in per_line.items()
    }
    if file_level:
        comments[first_content] = f"<!-- memo-lint-disable {' '.join(sorted(file_level))} -->"
    return comments


# A comment line may go above these top-level blocks (never above or inside code, HTML or
# front matter); after a blank line, or right after a paragraph or heading, which an HTML
# comment line ends just as the block itself did.
_TARGET_BLOCKS = frozenset(
    {
        "heading_open",
        "paragraph_open",
        "bullet_list_open",
        "ordered_list_open",
        "blockquote_open",
        "table_open",
        "hr",
    }
)
_INTERRUPTIBLE = frozenset({"heading_open", "paragraph_open"})


def comment_targets(blocks: list[tuple[str, int, int]], lines: list[str]) -> tuple[int, set[int]]:
    """The first line of text and the lines a comment line may go above.

    ``blocks``: (token type, first line, last line) of each top-level block, from the
    Markdown parser (:func:`memo_lint.readers.markdown.top_level_blocks`).
    """
    content = [b for b in blocks if b[0] != "front_matter"]
    first = content[0][1] if content else len(lines) + 1
    safe: set[int] = set()
    previous: tuple[str, int, int] | None = None
    for block in content:
        kind, start, _ = block
        after_blank = start > 1 and not lines[start - 2].strip()
        adjacent = (
            previous is not None and previous[2] == start - 1 and previous[0] in _INTERRUPTIBLE
        )
        if kind in _TARGET_BLOCKS and (after_blank or adjacent):
            safe.add(start)
        previous = block
    return first, safe


_LINE_END = compile_later(r"(\r\n|\r|\n)")


def insert_comments(data: bytes, comments: dict[int, str]) -> bytes:
    """``data`` with each comment as a line of its own above the given line, byte for byte.

    Nothing else changes: the encoding (UTF-8, stray bytes and all, is handled as bytes; UTF-16
    is decoded and encoded losslessly), the BOM, every line's own line end and the presence or
    absence of a final one. A comment takes the line end of the line it goes above (else that
    of the line before it, else LF).
    """
    prefix, codec = b"", "latin-1"  # latin-1: one character per byte, so bytes round-trip
    if data.startswith(b"\xef\xbb\xbf"):
        prefix = data[:3]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        prefix, codec = data[:2], "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
    text = data[len(prefix) :].decode(codec)
    if text.encode(codec) != data[len(prefix) :]:
        raise ValueError("the file cannot be written back byte for byte")
    pieces = _LINE_END.split(text)
    lines, ends = pieces[0::2], pieces[1::2]
    out: list[str] = []
    for number, line in enumerate(lines, start=1):
        if number in comments:
            own = ends[number - 1] if number - 1 < len(ends) else ""
            end = own or (ends[number - 2] if number >= 2 else "\n")
            out += [comments[number], end]
        out += [line, ends[number - 1] if number - 1 < len(ends) else ""]
    return prefix + "".join(out).encode(codec)
