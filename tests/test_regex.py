"""memo_lint.regex: a pattern compiled on first use behaves as the compiled pattern."""

from __future__ import annotations

import re

from memo_lint.regex import compile_later


def test_deferred_pattern_answers_as_re_compile() -> None:
    text = "Zie artikel 5, tweede lid, en Artikel 7."
    later, now = compile_later(r"artikel\s+(\d+)", re.I), re.compile(r"artikel\s+(\d+)", re.I)
    assert [m.group(1) for m in later.finditer(text)] == ["5", "7"]
    assert later.search(text, 10).span() == now.search(text, 10).span()  # type: ignore[union-attr]
    assert later.match(text) is None and later.match(text, 4).group(1) == "5"  # type: ignore[union-attr]
    assert later.sub("#", text) == now.sub("#", text)
    assert (later.pattern, later.flags) == (now.pattern, now.flags)
