"""memo_lint.patterns: a built-in pattern is compiled only for a text that holds one of its
required literals, and that filter never hides a match."""

from __future__ import annotations

import json

import pytest
import re2

from helpers import CORPUS, EXAMPLES
from memo_lint import patterns
from memo_lint.pack_validation import pack_patterns
from memo_lint.packs import COMPILED, builtin_names
from memo_lint.patterns import compile_pattern, required_literals


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"(?i)\bbesluit\pL*\s*:", ("besluit",)),
        (r"(?i)\b(geen|niet)\b[^.]{0,60}\b(financi\pL+|kosten)", ("financi", "kosten")),
        (r"Financiën\b", ("financi",)),  # cut at the first letter outside ASCII
        (r"^[#\s]*motie\s*[:.]|^[#\s]*motie\s*$", ("motie",)),  # '[:' is a set, not POSIX
        (r"(?:ab)+cdef{2,}", ("cde",)),
        (r"\\pLabc", ("\\plabc",)),  # an escaped backslash, then letters
    ],
)
def test_required_literals_are_found(pattern: str, literals: tuple[str, ...]) -> None:
    assert required_literals(pattern) == literals


@pytest.mark.parametrize(
    "pattern",
    [
        r"a|amendement",  # one branch needs no literal of three letters
        r"(?:voorstel)?\s*\d+",  # optional
        r"[[:alpha:]]+ abcd",  # POSIX class: Python would read a literal ']'
        r"(?i)ab\pLcd",  # no three-letter run
        r"abc(",  # not a pattern at all
        r"x\zabcdef",  # RE2 syntax Python does not know
    ],
)
def test_no_literals_when_none_is_required_or_known(pattern: str) -> None:
    assert required_literals(pattern) is None


def test_a_prefiltered_pattern_compiles_only_for_a_text_that_may_match(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pattern = r"(?i)\bgeheimhouding\pL*"
    monkeypatch.setattr(patterns, "_literal_table", lambda: {pattern: ["geheimhouding"]})
    compile_pattern.cache_clear()
    compiled = compile_pattern(pattern)
    assert compiled.search("Niets bijzonders.") is None
    assert list(compiled.finditer("Niets bijzonders.")) == []
    assert compiled._compiled is None  # type: ignore[attr-defined]
    found = compiled.search("Opheffen van GEHEIMHOUDINGSPLICHT")
    assert found is not None and found.group() == "GEHEIMHOUDINGSPLICHT"
    assert [m.group() for m in compiled.finditer("geheimhouding, Geheimhouding")] == [
        "geheimhouding",
        "Geheimhouding",
    ]
    compile_pattern.cache_clear()


def test_after_some_rejections_the_literals_are_searched_by_re2(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pattern = r"(?i)\bgeheim[- ]?houding\pL*|\bart\. 10\b"
    monkeypatch.setattr(patterns, "_literal_table", lambda: {pattern: ["art. 10", "geheim"]})
    compile_pattern.cache_clear()
    compiled = compile_pattern(pattern)
    for _ in range(patterns.LITERAL_SEARCH_AFTER):
        assert compiled.search("Niets bijzonders.") is None
    assert compiled._finder is not None  # type: ignore[attr-defined]
    assert compiled.search("Niets bijzonders, geen art 10.") is None
    assert compiled._compiled is None  # type: ignore[attr-defined]
    for text, found in [
        ("Opheffen van GEHEIM-HOUDINGSPLICHT", "GEHEIM-HOUDINGSPLICHT"),
        ("op grond van ART. 10 Woo", "ART. 10"),
    ]:
        match = compiled.search(text)
        assert match is not None and match.group() == found
    compile_pattern.cache_clear()


def test_literal_table_is_current() -> None:
    """rules/compiled/literals.json holds every built-in pattern's literals (write_compiled)."""
    found: set[str] = set()
    for name in builtin_names():
        found |= pack_patterns(json.loads((COMPILED / f"{name}.json").read_text("utf-8"))["pack"])
    expected = {p: list(required_literals(p) or ()) for p in sorted(found)}
    assert json.loads(patterns.LITERALS.read_text("utf-8")) == expected, (
        "rules/compiled/literals.json is stale: run python -c "
        "'from memo_lint.pack_validation import write_compiled; write_compiled()'"
    )


def test_the_filter_never_hides_a_match_of_a_builtin_pattern() -> None:
    """Every pattern of the table, on the examples and the real corpus texts (when present):
    whenever RE2 matches, the case-folded text holds one of the pattern's literals, and their
    RE2 search (literal_finder) finds one."""
    texts = [p.read_text("utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    texts += [p.read_text("utf-8") for p in sorted(CORPUS.glob("*.txt"))] if CORPUS.is_dir() else []
    texts += ["ſtukken BESLUIT: KOSTEN", "Financiën € 9.000 \u212aosten"]  # ſ and Kelvin fold
    table = json.loads(patterns.LITERALS.read_text("utf-8"))
    options = re2.Options()
    matched = 0
    for pattern, literals in table.items():
        if not literals:
            continue
        compiled = re2.compile("(?m)" + pattern, options)
        finder = patterns.literal_finder(tuple(literals))
        for text in texts:
            if compiled.search(text) is not None:
                matched += 1
                assert any(literal in text.casefold() for literal in literals), (pattern, text[:80])
                data = text.encode("utf-8")
                assert finder.Match(patterns._UNANCHORED, data, 0, len(data))[0] != (-1, -1)
    assert matched > (100 if CORPUS.is_dir() else 20)  # the check saw real matches
