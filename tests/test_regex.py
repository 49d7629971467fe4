"""memo_lint.regex: a pattern compiled on first use behaves as the compiled pattern; the patterns
compiled ahead of time are the ones ``re`` compiles."""

from __future__ import annotations

import re

import pytest

from memo_lint import regex, regex_code
from memo_lint.regex import compile_later


def test_deferred_pattern_answers_as_re_compile() -> None:
    text = "Zie artikel 5, tweede lid, en Artikel 7."
    later, now = compile_later(r"artikel\s+(\d+)", re.I), re.compile(r"artikel\s+(\d+)", re.I)
    assert [m.group(1) for m in later.finditer(text)] == ["5", "7"]
    assert later.search(text, 10).span() == now.search(text, 10).span()  # type: ignore[union-attr]
    assert later.match(text) is None and later.match(text, 4).group(1) == "5"  # type: ignore[union-attr]
    assert later.sub("#", text) == now.sub("#", text)
    assert (later.pattern, later.flags) == (now.pattern, now.flags)


# -- patterns compiled ahead of time (memo_lint/regex_code.py) ---------------------------------

same_interpreter = pytest.mark.skipif(
    tuple(regex_code.INTERPRETER) != regex._interpreter(),
    reason="the table is for another Python: nothing is primed here",
)


@same_interpreter
def test_every_pattern_of_the_table_is_what_re_compiles() -> None:
    from re import _compiler  # type: ignore[attr-defined]

    assert len(regex_code.PATTERNS) > 50
    re.purge()
    assert regex.prime() == len(regex_code.PATTERNS)
    for pattern, flags, *_ in regex_code.PATTERNS:
        primed = re._cache[str, pattern, flags]  # type: ignore[attr-defined]
        fresh = _compiler.compile(pattern, flags)
        # Pattern == compares the pattern, its flags and its compiled code words.
        assert primed == fresh, pattern
        assert (primed.groups, primed.groupindex) == (fresh.groups, fresh.groupindex), pattern
        assert re.compile(pattern, flags) is primed


@same_interpreter
def test_the_table_is_current() -> None:
    assert regex.table_text() == regex.TABLE.read_text("utf-8"), (
        "memo_lint/regex_code.py is stale: run "
        "python -c 'from memo_lint.pack_validation import write_compiled; write_compiled()'"
    )


def test_another_interpreter_or_release_primes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    name, major, minor, micro, *sre_format = regex._interpreter()
    for other in (("pypy", major, minor, micro), (name, major, minor, micro + 1)):
        monkeypatch.setattr(regex_code, "INTERPRETER", (*other, *sre_format))
        assert regex.prime() == 0
    monkeypatch.setattr(regex_code, "INTERPRETER", regex._interpreter())
    assert regex.prime() > 0


def test_a_pattern_that_warns_is_not_compiled_ahead() -> None:
    assert regex.compiled_ahead("[[a]", 0) is None  # FutureWarning: possible nested set
    assert regex.compiled_ahead("(", 0) is None
    row = regex.compiled_ahead(r"(?P<day>\d+)-(\d+)", re.I)
    assert row is not None and row[4:] == (2, {"day": 1})
