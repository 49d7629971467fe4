"""memo_lint.patterns: pack patterns on RE2, with the matches the re2 module gives; the
searches built on them."""

from __future__ import annotations

import json
from bisect import bisect_right

import pytest
import re2
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import CORPUS, EXAMPLES
from memo_lint import patterns
from memo_lint.analysis.search import lines_matching
from memo_lint.model import Line, joined
from memo_lint.patterns import compile_pattern, first_starts, present, written_out

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


def _texts() -> list[str]:
    """The examples and every text of the shared corpus (real and dev) when present, up to
    the bytes a pattern is first searched in (FIRST_BYTES): 161 of its 177 texts."""
    found = sorted(EXAMPLES.glob("*.txt"))
    found += sorted(CORPUS.parent.rglob("*.txt")) if CORPUS.is_dir() else []
    texts = [path.read_text("utf-8") for path in found]
    return [text for text in texts if len(text.encode("utf-8")) <= patterns.FIRST_BYTES]


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


def test_first_starts_writes_out_the_letters_of_each_text() -> None:
    cues = (r"(?m)^\s*besluit\pL*\s*$", r"(?m)(?i)^x\pL")
    for parts in (["besluit", "xa"], ["x", "besluitën"], ["Xé", "besluitł"], ["besluit₂"]):
        text, starts = joined(parts)
        expected = {}
        for cue in cues:
            match = re2.search(cue, text)
            if match is not None:
                expected[cue] = bisect_right(starts, match.start()) - 1
        assert first_starts(cues, text, starts) == expected, parts


def test_first_starts_declines_patterns_that_may_assert_the_start_of_the_text() -> None:
    text, starts = joined(["eerste", "tweede"])
    assert first_starts(("\\Atweede",), text, starts) is None
    assert first_starts(("(?i-m)^tweede",), text, starts) is None
    assert first_starts(("(?m)^tweede",), text, starts) == {"(?m)^tweede": 1}


def _first_searched(pattern: str, monkeypatch: pytest.MonkeyPatch) -> patterns.Pattern:
    """The pattern as a memo's first texts search it (anchored, wrapped), whatever its size."""
    monkeypatch.setattr(patterns, "LARGE_PROGRAM", 0)
    compiled = patterns._first_searched(pattern)
    assert compiled._budget >= 0  # type: ignore[attr-defined]
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
    corpus texts: the matches and groups of the pattern searched as before (which are the re2
    module's: test_matches_are_the_re2_modules)."""
    texts = _texts()
    table = json.loads(patterns.LITERALS.read_text("utf-8"))
    searched = matched = 0
    for pattern in [*table, *("(?m)" + p for p in table)]:
        compiled = patterns._first_searched(pattern)
        if compiled._budget < 0:  # type: ignore[union-attr]
            continue
        searched += 1
        reference, groups = patterns._compile(pattern), re2.compile(pattern).groups
        for text in texts:
            expected = _spans(reference.finditer(text), groups)
            compiled._budget = patterns.FIRST_BYTES  # type: ignore[union-attr]
            assert _spans(compiled.finditer(text), groups) == expected, pattern
            matched += bool(expected)
    assert searched > 40 and matched > (2000 if CORPUS.is_dir() else 20)


def test_the_letter_tables_are_re2s() -> None:
    """Every character the tables call a letter is one to RE2's \\pL; every other character
    they know is neither a letter nor case folds to one ((?i)\\pL)."""
    letter, folded = re2.compile(r"\A\pL\z"), re2.compile(r"(?i)\A\pL\z")
    for low, high in patterns._LETTERS:
        assert all(letter.search(chr(code)) for code in range(low, high + 1)), hex(low)
    for low, high in patterns._NOT_LETTERS:
        assert not any(folded.search(chr(code)) for code in range(low, high + 1)), hex(low)
    assert patterns._is_letter("\u0345") is None  # no letter, but (?i)\pL matches it


def test_written_out_reads_only_what_it_knows() -> None:
    known = frozenset("é’")
    body = r"A-Za-z\x{e9}"
    assert written_out(r"(?i)\b\pL+", known) == rf"(?i)\b[{body}]+"
    assert written_out(r"[^\pL]|[]\pL]|[[:digit:]\pL]", known) == (
        rf"[^{body}]|[]{body}]|[[:digit:]{body}]"
    )
    assert written_out(r"x\\pL", known) is None  # an escaped backslash: no \pL
    assert written_out(r"\pL", frozenset("ł")) == r"[A-Za-z\x{142}]"
    for unread in [r"\p{L}", r"\PL", r"\pN", r"\Q\pL", r"[\pL-z]", "niets"]:
        assert written_out(unread, known) is None, unread
    assert written_out(r"\pL", frozenset("\u0345")) is None  # membership unknown here


def test_builtin_patterns_written_out_match_as_re2_does_on_the_corpus() -> None:
    """Every built-in pattern with \\pL, its letters written out for each example and corpus
    text whose characters the tables know: the matches and groups of the pattern itself."""
    texts = _texts()
    ascii_ = frozenset(map(chr, range(128)))
    known = [(t, b) for t in texts if None not in map(patterns._is_letter, b := set(t) - ascii_)]
    table = [p for p in json.loads(patterns.LITERALS.read_text("utf-8")) if r"\pL" in p]
    matched = 0
    for pattern in [*table, *("(?m)" + p for p in table)]:
        reference, groups = patterns._compile(pattern), re2.compile(pattern).groups
        for text, beyond in known:
            written = written_out(pattern, frozenset(beyond))
            assert written is not None, pattern
            expected = _spans(reference.finditer(text), groups)
            assert _spans(patterns._compile(written).finditer(text), groups) == expected
            matched += bool(expected)
    assert len(table) > 20 and len(known) > (150 if CORPUS.is_dir() else 1) and matched > 500


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aBzÉéëﬁ ’€–.:-\n1×ª", max_size=30))
def test_written_out_matches_re2_on_any_text_of_known_characters(text: str) -> None:
    beyond = frozenset(text) - frozenset(map(chr, range(128)))
    for pattern in [
        r"\pL+",
        r"(?i)\b(é|b)\pL*\s*:?",
        r"[^\pL\s]+",
        r"(?i)[^\pL]",
        r"(?i)É\pL",
        r"[\pL\d]{2}",
        r"(?m)^\s*\pL+$",
    ]:
        reference = re2.compile(pattern)
        written = re2.compile(str(written_out(pattern, beyond)))
        expected = _spans(reference.finditer(text), reference.groups)
        assert _spans(written.finditer(text), reference.groups) == expected, pattern


def test_a_first_searched_pattern_writes_its_letters_out_again_for_new_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compiled = _first_searched(r"(?i)\bbesluit\pL*", monkeypatch)
    texts = ["Besluiten:", "BESLUITÉ en besluitë", "besluitł", "besluit₂"]
    alphabets = []
    for text in texts:
        expected = [m.group() for m in re2.finditer(r"(?i)\bbesluit\pL*", text)]
        assert [m.group() for m in compiled.finditer(text)] == expected, text
        alphabets.append(compiled._alphabet)  # type: ignore[attr-defined]
    assert alphabets == [frozenset(), frozenset("Éë"), frozenset("Éëł"), None]
