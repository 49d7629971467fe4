"""The pattern search over lines the checks share, and the lines of one scope whose joined
text every pattern of that scope reuses."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from memo_lint.model import Line, ScopeLines, joined, joined_lines
from memo_lint.patterns import compile_pattern


def matches_in(pattern: str, lines: Iterable[Line]) -> Iterable[tuple[Line, int, int, str]]:
    """Every match of a pack pattern in the given lines: (line, start, end, matched text).

    The lines are searched as one text joined by newlines — one RE2 call instead of one per
    line, and a phrase that extraction broke over two lines still matches. A match is
    reported on the line it starts in, clipped to that line.
    """
    chosen = lines if isinstance(lines, ScopeLines) else list(lines)
    if not chosen:
        return
    text, starts = joined_lines(chosen)
    for match in compile_pattern(pattern).finditer(text):
        begin, end = match.start(), match.end()
        if end <= begin:
            continue
        index = bisect_right(starts, begin) - 1
        line = chosen[index]
        column = begin - starts[index]
        yield line, column, min(end - starts[index], len(line.text)), match.group()


# A pattern that matches a line on its own may fail in the lines' joined text only through
# \A, \z, or multi-line mode switched off: such a pattern is searched line by line.
_PER_LINE_ONLY = re.compile(r"\\[Az]|\(\?[a-zA-Z]*-")


def lines_matching(pattern: str, lines: Sequence[Line]) -> set[int]:
    """Numbers of the lines ``pattern`` matches, each line searched on its own (``^``/``$``
    are its ends).

    One search of the lines' joined text in multi-line mode comes first: a match within one
    line is a match there too, and every such match lies inside a match the joined search
    reports or starts one, so only the lines those touch are searched one by one.
    """
    compiled = compile_pattern(pattern)
    if _PER_LINE_ONLY.search(pattern) or len(lines) < 2:
        return {line.number for line in lines if compiled.search(line.text)}
    text, starts = joined(line.text for line in lines)
    touched: set[int] = set()
    for match in compile_pattern("(?m)" + pattern).finditer(text):
        first = bisect_right(starts, match.start()) - 1
        last = bisect_right(starts, max(match.start(), match.end() - 1)) - 1
        touched.update(range(first, last + 1))
    return {lines[index].number for index in sorted(touched) if compiled.search(lines[index].text)}
