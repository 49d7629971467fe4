"""The pattern search over lines the checks share, and the lines of one scope whose joined
text every pattern of that scope reuses."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from memo_lint.model import Line
from memo_lint.patterns import compile_pattern, joined


class ScopeLines(list[Line]):
    """The lines of one memo a rule reads (:meth:`memo_lint.checks.base.Context.scope_lines`),
    shared by every rule with that scope: their text is joined once for all its patterns."""

    __slots__ = ("_joined",)

    def joined(self) -> tuple[str, list[int]]:
        """The lines' text joined by newlines, and where each line starts in it."""
        if not hasattr(self, "_joined"):
            self._joined = joined(line.text for line in self)
        return self._joined


def matches_in(pattern: str, lines: Iterable[Line]) -> Iterable[tuple[Line, int, int, str]]:
    """Every match of a pack pattern in the given lines: (line, start, end, matched text).

    The lines are searched as one text joined by newlines — one RE2 call instead of one per
    line, and a phrase that extraction broke over two lines still matches. A match is
    reported on the line it starts in, clipped to that line.
    """
    chosen = lines if isinstance(lines, ScopeLines) else list(lines)
    if not chosen:
        return
    text, starts = (
        chosen.joined() if isinstance(chosen, ScopeLines) else joined(line.text for line in chosen)
    )
    for match in compile_pattern(pattern).finditer(text):
        begin, end = match.start(), match.end()
        if end <= begin:
            continue
        index = bisect_right(starts, begin) - 1
        line = chosen[index]
        column = begin - starts[index]
        yield line, column, min(end - starts[index], len(line.text)), match.group()
