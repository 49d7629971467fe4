"""Patterns written in rule packs run on RE2: linear time, no catastrophic backtracking.

A pack is untrusted input (it may come from another municipality); ``(a+)+$`` must not hang
the gate. RE2's ``\\w`` is ASCII-only, so packs write ``\\pL`` for Dutch letters (ë, é).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import re2

# Every built-in pack pattern (valid: validated when written) with its required literals
# (:func:`required_literals`; none for some), written with rules/compiled/ (``write_compiled``):
# a pattern is compiled for a text holding one of them.
LITERALS = Path(__file__).parent / "rules" / "compiled" / "literals.json"
MIN_LITERAL = 3  # shorter literals are in nearly every memo: not worth a filter


class Match(Protocol):
    def start(self, group: int = 0) -> int: ...
    def end(self, group: int = 0) -> int: ...
    def group(self, group: int = 0) -> str: ...


class Pattern(Protocol):
    def search(self, text: str) -> Match | None: ...
    def finditer(self, text: str) -> Any: ...


_UNANCHORED = re2._Anchor.UNANCHORED
_ANCHOR_START = re2._Anchor.ANCHOR_START
_NO_SPAN = (-1, -1)
# A pattern searched anchored (_Compiled's ``first``) for its first this many bytes of text:
# about what RE2 scans in the time it takes to compile a large reversed program.
FIRST_BYTES = 32_768
# ... when its program has at least this many instructions; a smaller one's reversed
# program costs less to compile than the anchored search's slower scan.
LARGE_PROGRAM = 200
_WRAPPER = "\\C*?({})"
_ASCII = frozenset(map(chr, range(128)))


class _Found:
    """One match: character offsets of the whole match and of each group (RE2 gives bytes)."""

    __slots__ = ("_spans", "_text")

    def __init__(self, text: str, spans: Sequence[tuple[int, int]]) -> None:
        self._text = text
        self._spans = spans

    def start(self, group: int = 0) -> int:
        return self._spans[group][0]

    def end(self, group: int = 0) -> int:
        return self._spans[group][1]

    def group(self, group: int = 0) -> str:
        start, end = self._spans[group]
        return self._text[start:end]


class _Encoded:
    """The last text searched, encoded once for every pattern searched in it in a row (a scope's
    joined lines meet dozens of patterns); for ASCII text a byte offset is a character offset."""

    __slots__ = ("_beyond", "ascii", "data", "text")

    def __init__(self) -> None:
        self.text = ""
        self.data = b""
        self.ascii = True
        self._beyond: frozenset[str] | None = frozenset()

    def of(self, text: str) -> _Encoded:
        if text is not self.text:
            self.text = text
            self.data = text.encode("utf-8")
            self.ascii = len(self.data) == len(text)
            self._beyond = frozenset() if self.ascii else None
        return self

    def beyond_ascii(self) -> frozenset[str]:
        """The text's characters beyond ASCII."""
        if self._beyond is None:
            self._beyond = frozenset(self.text).difference(_ASCII)
        return self._beyond


_LAST = _Encoded()


class _Compiled:
    """A compiled RE2 pattern with the two calls the checks make, without the ``re2`` module's
    per-call cost: its wrapper encodes the text on every call and converts a byte offset into
    a character offset by counting from the start of the text (tens of microseconds a match on
    a memo); here ASCII text needs no conversion and other text is decoded from the last offset
    on. Matches are the ones ``re2``'s ``search``/``finditer`` return, empty ones included.

    Made by :func:`_first_searched`, it searches its first texts with ``first``: the pattern
    wrapped as ``\\C*?(pattern)`` and matched from the search position (RE2's own unanchored
    search is that prefix), group 1 being the match. To tell where a match starts, an
    unanchored RE2 search compiles a second, reversed program the first time it matches
    (~1.3 compiles of the pattern: ~1 ms for one with ``\\pL``); the anchored one does not, but
    scans without RE2's literal prefix skipping and finds groups with its slower engines. That
    is cheaper for a memo's few texts, dearer for many: after :data:`FIRST_BYTES` bytes of
    text the pattern itself is compiled and searched as before. In ``first``, ``\\pL`` is
    written out as the letters of the texts searched so far where that is known
    (:func:`written_out`); a text with other characters beyond ASCII wraps it again."""

    __slots__ = ("_alphabet", "_budget", "_first", "_regexp", "pattern")

    def __init__(self, pattern: str, compiled: re2._Regexp | None, first: Any = None) -> None:
        self.pattern = pattern
        self._regexp: Any = compiled._regexp if compiled is not None else None
        self._first = first
        # The characters beyond ASCII whose letters ``first`` writes out (None: it reads \pL).
        self._alphabet: frozenset[str] | None = None
        self._budget = FIRST_BYTES if compiled is None else -1

    def _engine(self, encoded: _Encoded) -> tuple[Any, Any, int]:
        """The RE2 call for a search of ``encoded``: (match, anchor, group of the match)."""
        if self._budget >= 0:
            self._budget -= len(encoded.data)
            alphabet = self._alphabet
            if self._first is None or (
                alphabet is not None and not encoded.beyond_ascii() <= alphabet
            ):
                self._wrap(encoded.beyond_ascii() | (alphabet or frozenset()))
            if self._first is not None:
                return self._first.Match, _ANCHOR_START, 1
        if self._regexp is None:
            self._first = None
            self._regexp = re2.compile(self.pattern, _OPTIONS)._regexp
        return self._regexp.Match, _UNANCHORED, 0

    def _wrap(self, alphabet: frozenset[str]) -> None:
        """``first`` for texts of ASCII and ``alphabet``; none when RE2 cannot wrap the pattern
        (it is then searched as it is)."""
        written = written_out(self.pattern, alphabet)
        for pattern, known in ((written, alphabet), (self.pattern, None)):
            if pattern is not None:
                try:
                    self._first = re2.compile(_WRAPPER.format(pattern), _OPTIONS)._regexp
                except re2.error:
                    continue
                self._alphabet = known
                return
        self._first, self._budget = None, -1

    def search(self, text: str) -> _Found | None:
        encoded = _LAST.of(text)
        if not encoded.ascii:
            return next(self.finditer(text), None)  # the same first match, offsets converted
        data = encoded.data
        match, anchor, group = self._engine(encoded)
        spans = match(anchor, data, 0, len(data))
        if spans[0] == _NO_SPAN:
            return None
        return _Found(text, spans[group:] if group else spans)

    def finditer(self, text: str) -> Iterator[_Found]:
        encoded = _LAST.of(text)
        data, ascii_only = encoded.data, encoded.ascii
        pos, endpos = 0, len(data)
        match, anchor, group = self._engine(encoded)
        # byte offset -> character offset, counted forward from the last one converted
        last_byte = last_char = 0
        while True:
            spans = match(anchor, data, pos, endpos)
            if spans[0] == _NO_SPAN:
                return
            if group:
                spans = spans[group:]
            whole = spans[0]
            if ascii_only:
                chars = spans
            else:
                offsets: dict[int, int] = {}
                for offset in sorted({o for span in spans for o in span if o >= 0}):
                    if offset < last_byte:
                        last_byte = last_char = 0
                    last_char += len(data[last_byte:offset].decode("utf-8"))
                    last_byte = offset
                    offsets[offset] = last_char
                chars = [
                    span if span == _NO_SPAN else (offsets[span[0]], offsets[span[1]])
                    for span in spans
                ]
            yield _Found(text, chars)
            if pos == endpos:
                return
            if pos == whole[1]:  # an empty match where the search began: step one character
                pos += 1
                while pos < endpos and data[pos] & 0xC0 == 0x80:
                    pos += 1
            else:
                pos = whole[1]


class PatternError(ValueError):
    """An invalid pack pattern; ``reason`` is RE2's own words (pack validation says the rest
    in Dutch or English)."""

    def __init__(self, pattern: str, reason: str) -> None:
        super().__init__(
            f"invalid pattern {pattern!r}: {reason} (patterns run on RE2: no look-around, "
            "no back-references)"
        )
        self.reason = reason


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
    if literals is None:  # not a built-in pattern: validated here
        return _compile(pattern)
    return _Prefiltered(pattern, tuple(literals)) if literals else _first_searched(pattern)


def _compile(pattern: str) -> Pattern:
    try:
        compiled = re2.compile(pattern, _OPTIONS)
    except re2.error as error:
        reason = error.args[0]
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise PatternError(pattern, reason) from None
    return _Compiled(pattern, compiled)


def _first_searched(pattern: str) -> Pattern:
    """A valid pattern that searches its first texts anchored (:class:`_Compiled`) when its
    program is large; ``pattern`` must be valid: a wrapper can balance a stray parenthesis."""
    if "\\pL" in pattern:
        return _Compiled(pattern, None)  # wrapped for its first text's letters
    try:
        wrapped = re2.compile(_WRAPPER.format(pattern), _OPTIONS)
    except re2.error:
        return _compile(pattern)
    if wrapped._regexp.ProgramSize() < LARGE_PROGRAM:
        return _compile(pattern)
    return _Compiled(pattern, None, wrapped._regexp)


@lru_cache(maxsize=16)
def _pattern_set(patterns: tuple[str, ...]) -> re2.Set | None:
    """The patterns as one RE2 set, and an empty pattern last, which matches every text; None
    when RE2 cannot build it (the caller then searches pattern by pattern)."""
    options = re2.Options()
    options.log_errors = False
    found = re2.Set.SearchSet(options)
    try:
        for pattern in (*patterns, ""):
            found.Add(pattern)
        found.Compile()
    except re2.error:
        return None
    return found


def present(patterns: tuple[str, ...], text: str) -> frozenset[str] | None:
    """Which of the patterns match somewhere in ``text``: one pass of RE2 over the text for
    all of them, where searching each costs one pass apiece (recognition's ~60 cues, most of
    which match nothing). None when that is not known: the set could not be built, or RE2 ran
    out of memory (it then reports no match at all, not even the empty pattern's)."""
    found = _pattern_set(patterns)
    if found is None:
        return None
    indices = found.Match(_LAST.of(text).data)
    if len(patterns) not in indices:
        return None
    return frozenset(patterns[index] for index in indices if index < len(patterns))


# What a pattern may assert about the start of the whole text: ``\A``, or ``^`` with
# multi-line mode turned off. A part of the text read on its own starts a text, the part of a
# whole one does not, so such a pattern is not located part by part (first_starts).
_TEXT_START = re.compile(r"\\A|\(\?[a-zA-Z]*-[a-zA-Z]*m")


def may_match(pattern: str, text: str) -> bool:
    """False when ``pattern`` cannot match ``text``: a built-in pattern whose required literals
    (:data:`LITERALS`) are all missing from the case-folded text."""
    literals = _literal_table().get(pattern.removeprefix("(?m)"))
    return not literals or any(literal in _folded(text) for literal in literals)


def first_starts(patterns: tuple[str, ...], text: str, starts: list[int]) -> dict[str, int] | None:
    """Where each pattern's first match in ``text`` starts: the index of the part (the text is
    parts joined by newlines, part i starting at character ``starts[i]``) for every pattern
    that matches, found without compiling each pattern and its reverse program (RE2 needs one
    to tell where a match starts: two compiles per matching pattern, ~2 ms for a cue with
    ``\\pL``). One RE2 set, anchored, of ``[^\\n]*?(?:pattern)``, is matched from the start of
    each part: it tells which patterns have a match starting in that part; the first part that
    says so holds the first match. The context a part starts in is the text's (a part that does
    not start the text follows a newline: ``^``, ``\\b`` read the same), but for the start of
    the text itself; None for patterns that may assert it, and when RE2 cannot build the set or
    runs out of memory (then nothing is reported, not even the empty pattern's match)."""
    if any(_TEXT_START.search(pattern) for pattern in patterns):
        return None
    found = _anchored_for(patterns, _LAST.of(text).beyond_ascii())
    if found is None:
        return None
    data = text.encode("utf-8")
    view = memoryview(data)
    first: dict[str, int] = {}
    offset = last = 0
    for index, start in enumerate(starts):
        offset += len(text[last:start].encode("utf-8"))  # characters -> bytes, part by part
        last = start
        matched = found.Match(view[offset:])
        if len(patterns) not in matched:
            return None
        for number in matched:
            if number < len(patterns):
                first.setdefault(patterns[number], index)
    return first


# The anchored sets built, per tuple of patterns: the characters beyond ASCII their letters
# are written out for (written_out), and the set. Recognition locates its cues in the whole
# text first, then in its head: that set serves both.
_ANCHORED: dict[tuple[str, ...], tuple[frozenset[str], re2.Set | None]] = {}


def _anchored_for(patterns: tuple[str, ...], beyond: frozenset[str]) -> re2.Set | None:
    known = _ANCHORED.get(patterns)
    if known is None or not beyond <= known[0]:
        if len(_ANCHORED) >= 4:
            _ANCHORED.clear()
        alphabet = beyond | known[0] if known else beyond
        written = tuple(written_out(pattern, alphabet) or pattern for pattern in patterns)
        known = _ANCHORED[patterns] = (alphabet, _anchored_set(written))
    return known[1]


def _anchored_set(patterns: tuple[str, ...]) -> re2.Set | None:
    options = re2.Options()
    options.log_errors = False
    found = re2.Set.MatchSet(options)
    try:
        for pattern in patterns:
            found.Add("[^\\n]*?(?:" + pattern + ")")
        found.Add("")
        found.Compile()
    except re2.error:
        return None
    return found


# Characters beyond ASCII whose \pL membership is known here (tests hold both tables to RE2's
# own \pL and (?i)\pL): letters; others that are no letter and fold to none.
_LETTERS = (
    *((0xAA, 0xAA), (0xB5, 0xB5), (0xBA, 0xBA), (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x2C1)),
    (0xFB00, 0xFB06),
)
_NOT_LETTERS = (
    *((0x80, 0xA9), (0xAB, 0xB4), (0xB6, 0xB9), (0xBB, 0xBF), (0xD7, 0xD7), (0xF7, 0xF7)),
    *((0x2000, 0x206F), (0x20A0, 0x20CF), (0x2190, 0x23FF), (0x2500, 0x27BF)),
    *((0xE000, 0xF8FF), (0xFFFD, 0xFFFD)),
)


def _is_letter(char: str) -> bool | None:
    code = ord(char)
    if any(low <= code <= high for low, high in _LETTERS):
        return True
    return False if any(low <= code <= high for low, high in _NOT_LETTERS) else None


def written_out(pattern: str, alphabet: frozenset[str]) -> str | None:
    """``pattern`` with each ``\\pL`` written as a class of the ASCII letters and the letters
    of ``alphabet``: the same matches in a text of ASCII and ``alphabet`` characters, case
    folded or not. RE2 compiles ``\\pL`` into the UTF-8 of all of Unicode's letters, ~0.5 ms
    a pattern (most of a memo's RE2 compiling); a memo's few letters cost almost nothing. None
    when the pattern has no ``\\pL``, syntax not read here (other Unicode classes, ``\\Q``,
    ``\\pL`` before a ``-`` in a class), or ``alphabet`` a character of unknown membership."""
    if "\\pL" not in pattern:
        return None
    letters = []
    for char in sorted(alphabet):
        known = _is_letter(char)
        if known is None:
            return None
        if known:
            letters.append(f"\\x{{{ord(char):x}}}")
    body = "A-Za-z" + "".join(letters)
    out: list[str] = []
    at, end, in_class, first, written = 0, len(pattern), False, 0, False
    while at < end:
        char = pattern[at]
        if char == "\\":
            escape = pattern[at + 1 : at + 2]
            if escape in ("p", "P", "Q"):
                if pattern[at : at + 3] != "\\pL" or (in_class and pattern[at + 3 : at + 4] == "-"):
                    return None
                out.append(body if in_class else f"[{body}]")
                written = True
                at += 3
                continue
            out.append(pattern[at : at + 2])
            at += 2
            continue
        if in_class and char == "[" and pattern[at + 1 : at + 2] == ":":
            close = pattern.find(":]", at + 2)
            if close < 0:
                return None
            out.append(pattern[at : close + 2])
            at = close + 2
            continue
        if in_class and char == "]" and at > first:
            in_class = False
        elif not in_class and char == "[":
            in_class = True
            first = at + 2 if pattern[at + 1 : at + 2] == "^" else at + 1  # ']' there: literal
            out.append(pattern[at:first])
            at = first
            continue
        out.append(char)
        at += 1
    return "".join(out) if written else None


# Rejected texts after which a prefiltered pattern tests its literals with RE2 (see _Prefiltered).
LITERAL_SEARCH_AFTER = 3


class _Prefiltered:
    """A valid pattern compiled on first use by a text that may match it: one that holds one of
    its required literals, compared case-folded (RE2's ``(?i)`` folds no wider).

    A pattern whose literals most memos lack is asked about every memo's texts: after
    :data:`LITERAL_SEARCH_AFTER` rejections its literals are looked for by one RE2 search,
    case-insensitive, of the text's UTF-8 (shared with the searches after it) instead of by
    folding the text and scanning it once per literal: a third of the cost, for a compile
    (~65 µs) that a one-memo run, which rejects each pattern at most twice, does not pay. A
    match of the pattern holds one of its literals in RE2's folding too, so both tests let
    every match through."""

    __slots__ = ("_compiled", "_finder", "_literals", "_pattern", "_rejected")

    def __init__(self, pattern: str, literals: tuple[str, ...]) -> None:
        self._pattern = pattern
        self._literals = literals
        self._compiled: Pattern | None = None
        self._finder: Any = None
        self._rejected = 0

    def _for(self, text: str) -> Pattern | None:
        if self._compiled is None:
            if not self._may_match(text):
                return None
            self._compiled = _first_searched(self._pattern)
        return self._compiled

    def _may_match(self, text: str) -> bool:
        finder = self._finder
        if finder is not None:
            data = _LAST.of(text).data
            return bool(finder.Match(_UNANCHORED, data, 0, len(data))[0] != _NO_SPAN)
        folded = _folded(text)
        if any(literal in folded for literal in self._literals):
            return True
        self._rejected += 1
        if self._rejected >= LITERAL_SEARCH_AFTER:
            self._finder = literal_finder(self._literals)
        return False

    def search(self, text: str) -> Match | None:
        compiled = self._for(text)
        return compiled.search(text) if compiled is not None else None

    def finditer(self, text: str) -> Iterator[Any]:
        compiled = self._for(text)
        return iter(compiled.finditer(text)) if compiled is not None else iter(())


def literal_finder(literals: tuple[str, ...]) -> Any:
    """One RE2 program matching any of the (ASCII) literals in any case RE2 folds it to."""
    escaped = ("".join(c if c.isalnum() else f"\\x{{{ord(c):x}}}" for c in lit) for lit in literals)
    return re2.compile("(?i)(?:" + "|".join(escaped) + ")", _OPTIONS)._regexp


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
