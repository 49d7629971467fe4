"""Which pack checks a memo, and why (``--show-pack``, the JSON report's ``files[].pack``).

Order: ``--pack``; the memo's front matter ``type:``; the config (``overrides``, ``types``
globs, ``pack``); detection from the memo itself (a title line such as "Raadsvoorstel" or
"Raadsinformatiebrief", an operative formula such as "De raad … besluit:"), most specific
pack first; else the default pack.
"""

from __future__ import annotations

from bisect import bisect_right

from memo_lint.model import Line, Source
from memo_lint.packs import Candidate
from memo_lint.patterns import compile_pattern


def front_matter_type(source: Source) -> str | None:
    value = source.front_matter.get("type")
    return str(value).strip() if value else None


def detect(source: Source, candidates: list[Candidate]) -> tuple[str, str] | None:
    """The first candidate whose title or formula patterns match the memo."""
    skipped = set()
    if source.front_matter_span:
        span = source.front_matter_span
        skipped = set(range(span.line, span.end_line + 1))
    lines = [line for line in source.lines if line.number not in skipped and line.text.strip()]
    scopes: dict[int, _Scope] = {}  # the memo's first N lines, joined once per memo and N

    def scope(count: int) -> _Scope:
        count = min(count, len(lines))
        if count not in scopes:
            scopes[count] = _Scope(lines[:count])
        return scopes[count]

    for pack in candidates:
        for pattern in pack.detect.get("title_patterns", ()):
            hit = scope(pack.header_lines).first_line_matching(pattern)
            if hit is not None:
                return pack.name, f"detected: line {hit.number} '{hit.text.strip()[:60]}'"
        for pattern in pack.detect.get("formula_patterns", ()):
            hit = scope(len(lines)).first_line_matching(pattern)
            if hit is not None:
                return (
                    pack.name,
                    f"detected: formula on line {hit.number} '{hit.text.strip()[:60]}'",
                )
    return None


class _Scope:
    """Lines joined once for every pattern searched in them."""

    __slots__ = ("lines", "starts", "text")

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.starts, offset = [], 0
        for line in lines:
            self.starts.append(offset)
            offset += len(line.text) + 1
        self.text = "\n".join(line.text for line in lines)

    def first_line_matching(self, pattern: str) -> Line | None:
        """One RE2 search over the lines joined, ``^``/``$`` meaning line start and end."""
        match = compile_pattern("(?m)" + pattern).search(self.text)
        return self.lines[bisect_right(self.starts, match.start()) - 1] if match else None
