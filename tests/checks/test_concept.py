"""The concept kind's ``min_words``: only a memo of at least that many words must state the
concept (its words counted across all its lines, as written)."""

from __future__ import annotations

import pytest

from helpers import run_kind

# Eleven words over three lines and a blank one, none of them a financial statement.
_MEMO = "# Voorstel\n\nWe planten tien bomen\naan de\n\nDorpsstraat in Zwolle.\n"


@pytest.mark.parametrize(("min_words", "fires"), [(0, True), (11, True), (12, False)])
def test_only_a_memo_of_enough_words_must_state_the_concept(min_words: int, fires: bool) -> None:
    assert len(_MEMO.split()) == 11
    found = run_kind("concept", {"concept": "financial", "min_words": min_words}, _MEMO)
    assert bool(found) is fires
