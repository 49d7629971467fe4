"""Patterns written in rule packs run on RE2: linear time, no catastrophic backtracking.

A pack is untrusted input (it may come from another municipality); ``(a+)+$`` must not hang
the gate. RE2's ``\\w`` is ASCII-only, so packs write ``\\pL`` for Dutch letters (ë, é).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol, cast

import re2

# Each built-in pack pattern's required literals (:func:`required_literals`), written with
# rules/compiled/ (``write_compiled``): a pattern is compiled for a text holding one of them.
LITERALS = Path(__file__).parent / "rules" / "compiled" / "literals.json"
MIN_LITERAL = 3  # shorter literals are in nearly every memo: not worth a filter


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
    """A pack pattern, compiled now; raise :class:`PatternError` with RE2's reason when invalid.

    A built-in pattern whose required literals are known (:data:`LITERALS`) is compiled when
    first searched in a text that holds one of them: compiling RE2 programs (``\\pL``, case
    folding) was most of a one-memo run's work, and most cues never match a given memo.
    """
    literals = _literal_table().get(pattern.removeprefix("(?m)"))
    return _Prefiltered(pattern, tuple(literals)) if literals else _compile(pattern)


def _compile(pattern: str) -> Pattern:
    try:
        # cast: google-re2-stubs, where installed, types the match more narrowly
        compiled = cast(Pattern, re2.compile(pattern, _OPTIONS))
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


class _Prefiltered:
    """A valid pattern compiled on first use by a text that may match it: one that holds one of
    its required literals, compared case-folded (RE2's ``(?i)`` folds no wider)."""

    __slots__ = ("_compiled", "_literals", "_pattern")

    def __init__(self, pattern: str, literals: tuple[str, ...]) -> None:
        self._pattern = pattern
        self._literals = literals
        self._compiled: Pattern | None = None

    def _for(self, text: str) -> Pattern | None:
        if self._compiled is None:
            folded = _folded(text)
            if not any(literal in folded for literal in self._literals):
                return None
            self._compiled = _compile(self._pattern)
        return self._compiled

    def search(self, text: str) -> Match | None:
        compiled = self._for(text)
        return compiled.search(text) if compiled is not None else None

    def finditer(self, text: str) -> Iterator[Any]:
        compiled = self._for(text)
        return iter(compiled.finditer(text)) if compiled is not None else iter(())


_LAST_FOLDED: list[str] = ["", ""]  # the last text case-folded: the cues search one text


def _folded(text: str) -> str:
    if _LAST_FOLDED[0] is not text:
        _LAST_FOLDED[:] = [text, text.casefold()]
    return _LAST_FOLDED[1]


@lru_cache(maxsize=1)
def _literal_table() -> dict[str, list[str]]:
    try:
        table = json.loads(LITERALS.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return table if isinstance(table, dict) else {}


# RE2 syntax Python's parser reads differently: Unicode classes (read as \w: no literal) ...
_UNICODE_CLASS = r"(?<!\\)((?:\\\\)*)\\[pP](?:\{[^}]*\}|[A-Za-z])"
# ... and POSIX classes ([[:alpha:]] would be a set and a literal ']').
_POSIX_CLASS = r"\[:\^?[a-z]+:\]"


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Case-folded ASCII strings one of which every match of ``pattern`` contains, or None
    when no such set of at least :data:`MIN_LITERAL` characters is known (build time: the
    pattern is read with Python's own regex parser, RE2's ``\\pL`` as ``\\w``)."""
    from re import _parser  # type: ignore[attr-defined]

    if re.search(_POSIX_CLASS, pattern):
        return None
    try:
        parsed = _parser.parse(re.sub(_UNICODE_CLASS, r"\1\\w", pattern))
    except (re.error, RecursionError, OverflowError, ValueError):
        return None
    found = _sequence(list(parsed))
    return tuple(sorted(found)) if found else None


def _sequence(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The best requirement of a sequence: every element must match, so any one element's
    requirement holds; the one whose shortest literal is longest filters best."""
    from re import _constants as c  # type: ignore[attr-defined]

    options: list[frozenset[str]] = []
    run = ""

    def flush() -> None:
        nonlocal run
        pieces = [piece for piece in re.split(r"[^\x00-\x7f]", run) if piece]
        if pieces:
            options.append(frozenset({max(pieces, key=len).casefold()}))
        run = ""

    for op, value in items:
        if op is c.LITERAL:
            run += chr(value)
            continue
        flush()
        found: frozenset[str] | None = None
        if op is c.SUBPATTERN:
            found = _sequence(list(value[-1]))
        elif op is c.BRANCH:
            branches = [_sequence(list(branch)) for branch in value[1]]
            if all(branch is not None for branch in branches):
                found = frozenset().union(*(b for b in branches if b is not None))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and value[0] >= 1:
            found = _sequence(list(value[2]))
        if found:
            options.append(found)
    flush()
    useful = [option for option in options if min(map(len, option)) >= MIN_LITERAL]
    return max(useful, key=lambda o: (min(map(len, o)), -len(o)), default=None)
