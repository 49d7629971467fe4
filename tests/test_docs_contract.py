"""README and SECURITY.md state the cache contract in DESIGN.md's words (issue 10), and
SECURITY.md states the write guarantees."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DESIGN = REPO.parent / "shared" / "DESIGN.md"


def _words(text: str) -> str:
    """Text as words: emphasis, code marks and line breaks do not count."""
    return re.sub(r"\s+", " ", re.sub(r"[*_`]", "", text)).strip().lower()


def _contract() -> list[str]:
    """DESIGN.md's cache contract, sentence by sentence (its part on writes, which README and
    SECURITY.md spell out in detail, follows from "memo-lint writes")."""
    section = DESIGN.read_text("utf-8").split("## Cache contract", 1)[1].split("\n## ", 1)[0]
    cache = _words(section).split("memo-lint writes", 1)[0]
    return [s.rstrip(". ") for s in re.split(r"(?<=\.) |; ", cache) if s.strip()]


@pytest.mark.skipif(not DESIGN.is_file(), reason="../shared/DESIGN.md is not here")
@pytest.mark.parametrize("doc", ["README.md", "SECURITY.md"])
def test_the_cache_contract_is_stated_in_designs_words(doc: str) -> None:
    contract = _contract()
    assert len(contract) >= 3, contract  # a result; nothing from the repository; CI
    text = _words((REPO / doc).read_text("utf-8"))
    for sentence in contract:
        assert sentence in text, f"{doc} does not say: {sentence}"


def test_security_states_the_write_guarantees() -> None:
    text = (REPO / "SECURITY.md").read_text("utf-8")
    writes = text.split("\n## Writes\n", 1)[1].split("\n## ", 1)[0]
    for promise in [
        "never replaces a memo being checked",
        "written to, never replaced",
        "changes nothing but the comment lines it adds, byte for byte",
        "never a traceback",
    ]:
        assert promise in _words(writes), promise
