"""Patterns written in rule packs run on RE2: linear time, no catastrophic backtracking.

A pack is untrusted input (it may come from another municipality); ``(a+)+$`` must not hang
the gate. RE2's ``\\w`` is ASCII-only, so packs write ``\\pL`` for Dutch letters (ë, é).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any, Protocol

import re2


class Match(Protocol):
    def start(self, group: int = 0) -> int: ...
    def end(self, group: int = 0) -> int: ...
    def group(self, group: int = 0) -> str: ...


class Pattern(Protocol):
    def search(self, text: str) -> Match | None: ...
    def finditer(self, text: str) -> Any: ...


class PatternError(ValueError):
    pass


_OPTIONS = re2.Options()
_OPTIONS.log_errors = False


@lru_cache(maxsize=4096)
def compile_pattern(pattern: str) -> Pattern:
    """Compile a pack pattern; raise :class:`PatternError` with RE2's reason when invalid."""
    try:
        compiled: Pattern = re2.compile(pattern, _OPTIONS)
    except re2.error as error:
        reason = error.args[0]
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise PatternError(
            f"invalid pattern {pattern!r}: {reason} (patterns run on RE2: no look-around, "
            "no back-references)"
        ) from None
    return compiled


def joined(texts: Iterable[str]) -> tuple[str, list[int]]:
    """Texts joined by newlines, and the offset where each starts: one RE2 call searches many
    lines or sentences, and a match is mapped back to the one it starts in."""
    parts = list(texts)
    starts, offset = [], 0
    for part in parts:
        starts.append(offset)
        offset += len(part) + 1
    return "\n".join(parts), starts
