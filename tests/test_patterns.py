"""memo_lint.patterns: pack patterns on RE2, with the matches the re2 module gives; the
searches built on them."""

from __future__ import annotations

import json

import pytest
import re2
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import CORPUS, EXAMPLES
from memo_lint import patterns
from memo_lint.analysis.search import lines_matching
from memo_lint.model import Line, joined
from memo_lint.patterns import compile_pattern, first_starts, present

# Non-ASCII text before and inside matches, groups that do not take part, empty matches.
TEXTS = ["", "é", "Financiën: € 5, daarna financieel ë1 en ë", "a\nbé\n\nx ë2", "éé ab"]
PATTERNS = [r"(?i)\bfinanci\pL+", r"(a)|(é+)", r"(?m)^\s*(\pL+)?", r"(?i)ë(\d)?", r"", r"\b", "x*"]


def _spans(found: object, groups: int) -> list[tuple[object, ...]]:
    return [
        (m.group(), *((m.start(g), m.end(g)) for g in range(groups + 1)))
        for m in found  # type: ignore[attr-defined]
    ]


def test_matches_are_the_re2_modules() -> None:
    for pattern in PATTERNS:
        reference = re2.compile(pattern)
        for text in TEXTS:
            expected = _spans(reference.finditer(text), reference.groups)
            assert _spans(compile_pattern(pattern).finditer(text), reference.groups) == expected
            first = compile_pattern(pattern).search(text)
            assert ((first.start(), first.end()) if first else None) == (
                expected[0][1] if expected else None
            )


def test_present_names_the_patterns_that_match_somewhere() -> None:
    cues = (r"(?im)^\s*beslisnota\b", r"(?i)\bmotie\b", r"(?m)^Bijlage \d+$")
    assert present(cues, "Inleiding\n  Beslisnota over de motie") == frozenset(cues[:2])
    assert present(cues, "niets van dat alles") == frozenset()


def test_present_does_not_know_when_the_set_cannot_be_built(monkeypatch: object) -> None:
    cues = (r"(?i)\bmotie\b",)
    monkeypatch.setattr(patterns, "_pattern_set", lambda _: None)  # type: ignore[attr-defined]
    assert present(cues, "een motie") is None


class _OutOfMemory:
    """RE2's set when its DFA runs out of memory: no match at all, not even the empty one's."""

    def Match(self, text: bytes) -> list[int]:
        return []


def test_present_does_not_know_when_re2_gives_up(monkeypatch: object) -> None:
    monkeypatch.setattr(patterns, "_pattern_set", lambda _: _OutOfMemory())  # type: ignore[attr-defined]
    assert present((r"(?i)\bmotie\b",), "een motie") is None


def _lines(*texts: str) -> list[Line]:
    return [Line(number, text) for number, text in enumerate(texts, start=1)]


def test_lines_matching_reads_each_line_on_its_own() -> None:
    lines = _lines("Contactpersoon: P. Jansen", "Over contact", "  contact ", "", "vragen")
    assert lines_matching(r"(?i)^\s*contact\w*\b", lines) == {1, 3}
    # Joined, "Jansen\nOver" would match; line by line nothing does.
    assert lines_matching(r"Jansen\s+Over", lines) == set()
    assert lines_matching(r"(?i)\Avragen", lines) == {5}  # \A: the start of each line
    assert lines_matching(r"x*", lines) == {1, 2, 3, 4, 5}  # an empty match is a match
    assert lines_matching(r"(?i)vragen$", lines) == {5}
    assert lines_matching(r"motie", lines) == set()


def test_first_starts_names_the_part_each_first_match_starts_in() -> None:
    parts = ["Gemeente Zwolle", "Beslisnota — café", "het college besluit:", "  besluit"]
    text, starts = joined(parts)
    patterns = ("(?m)^\\s*besluit", "(?m)(?i)COLLEGE\\s+besluit", "(?m)é$", "(?m)é\\nhet", "niets")
    found = first_starts(patterns, text, starts)
    assert found == {patterns[0]: 3, patterns[1]: 2, patterns[2]: 1, patterns[3]: 1}
    ends = [*starts[1:], len(text) + 1]
    for pattern, index in found.items():  # where re2 finds the first match
        match = re2.search(pattern, text)
        assert match is not None and starts[index] <= match.start() < ends[index], pattern


def test_first_starts_declines_patterns_that_may_assert_the_start_of_the_text() -> None:
    text, starts = joined(["eerste", "tweede"])
    assert first_starts(("\\Atweede",), text, starts) is None
    assert first_starts(("(?i-m)^tweede",), text, starts) is None
    assert first_starts(("(?m)^tweede",), text, starts) == {"(?m)^tweede": 1}


def _first_searched(pattern: str, monkeypatch: pytest.MonkeyPatch) -> patterns.Pattern:
    """The pattern as a memo's first texts search it (anchored, wrapped), whatever its size."""
    monkeypatch.setattr(patterns, "LARGE_PROGRAM", 0)
    compiled = patterns._first_searched(pattern)
    assert compiled._first is not None  # type: ignore[attr-defined]
    return compiled


def test_first_searches_give_the_re2_modules_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    edge = [r"^a", r"a$", r"\Aé", r"é\z", r"(?m)$", r"(?i)\bB\w*", r"((a)|b)+"]
    for pattern in [*PATTERNS, *edge]:
        reference = re2.compile(pattern)
        compiled = _first_searched(pattern, monkeypatch)
        for text in [*TEXTS, "ab\nba\n", "Aé\nbé\n"]:
            expected = _spans(reference.finditer(text), reference.groups)
            assert _spans(compiled.finditer(text), reference.groups) == expected, (pattern, text)
            first = compiled.search(text)
            assert ((first.start(), first.end()) if first else None) == (
                expected[0][1] if expected else None
            ), (pattern, text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abBé ë.\n:1€’", max_size=40))
def test_first_searches_match_re2_on_any_text(text: str) -> None:
    for pattern in [*PATTERNS, r"(?i)\b(b|é)\pL*\s*:?", r"(?m)^\s*(\d+\.)?\s*\pL+$", r"[^.]{0,3}b"]:
        reference = re2.compile(pattern)
        compiled = patterns._Compiled(pattern, None, re2.compile(f"\\C*?({pattern})")._regexp)
        expected = _spans(reference.finditer(text), reference.groups)
        assert _spans(compiled.finditer(text), reference.groups) == expected, pattern


def test_a_pattern_searches_as_before_after_its_first_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(patterns, "FIRST_BYTES", 10)
    compiled = _first_searched(r"(?i)\b(het )?college\b", monkeypatch)
    text = "Het college besluit; het college."
    for _ in range(3):
        assert [m.group(1) for m in compiled.finditer(text)] == ["Het ", "het "]
    assert compiled._first is None  # type: ignore[attr-defined]


def test_builtin_patterns_first_searched_match_as_re2_does_on_the_corpus(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every built-in pattern whose program is large enough to be searched anchored first,
    also as recognition and line searches compile it (multi-line), on the examples and the
    real corpus texts: the matches and groups re2 gives."""
    texts = [p.read_text("utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    texts += [p.read_text("utf-8") for p in sorted(CORPUS.glob("*.txt"))] if CORPUS.is_dir() else []
    table = json.loads(patterns.LITERALS.read_text("utf-8"))
    searched = matched = 0
    for pattern in [*table, *("(?m)" + p for p in table)]:
        compiled = patterns._first_searched(pattern)
        if compiled._first is None:  # type: ignore[union-attr]
            continue
        searched += 1
        reference = re2.compile(pattern)
        for text in texts:
            expected = _spans(reference.finditer(text), reference.groups)
            compiled._budget = patterns.FIRST_BYTES  # type: ignore[union-attr]
            assert _spans(compiled.finditer(text), reference.groups) == expected, pattern
            matched += bool(expected)
    assert searched > 40 and matched > (500 if CORPUS.is_dir() else 20)
