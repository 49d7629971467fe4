"""What the analysis keeps of a line's text for the memos after it (``TextMemo``, the dates
by text) changes nothing: every document analysed after many others is the document analysed
with nothing kept, whatever came before it (other packs, the same lines in other places)."""

from __future__ import annotations

from typing import Any

import pytest

from helpers import CORPUS, edit, seed_md, seed_txt, source
from memo_lint import packs
from memo_lint.analysis import analyse, fields, mentions, sections
from memo_lint.model import Document, Source
from memo_lint.pack import Pack


def _forget() -> None:
    sections._HEADINGS = type(sections._HEADINGS)()
    fields._READINGS = type(fields._READINGS)()
    mentions._dates_in.cache_clear()


def _parts(document: Document) -> tuple[Any, ...]:
    """What the kept readings feed: sections, near-miss headings, fields, dates."""
    return (
        document.sections,
        document.typo_headings,
        document.fields,
        document.dates,
        document.amounts,
    )


def _fresh(memo: Source, pack: Pack) -> tuple[Any, ...]:
    _forget()
    return _parts(analyse(memo, pack))


# The same lines in other places: a heading name (or other text) as a setext heading, as plain
# text and in a table's column; a field as a header key with its value below and as a line of
# prose; a key in a table row and on a line of its own.
_TXT, _MD = seed_txt(), seed_md()
_CRAFTED = [
    ("a.txt", "Inleiding\nDatum\n\n1 mei 2024\nFinanciën\nBudgetnummer: 12\nOverige zaken\n"),
    ("b.md", "Inleiding\n=========\n\nDatum\n\nFinanciën\n---------\nOverige zaken\n---\n"),
    ("c.txt", "1.383,11\nFinanciën\n-\nDatum 1 mei 2024\n"),
    ("d.md", "| Budgetnummer: 12 | x |\n|---|---|\n| Datum | 1 mei 2024 |\n\nDatum\n"),
    ("e.txt", edit(_TXT, "Financiën \n", "Finacien \n")),
    ("f.md", edit(_MD, "## Inleiding", "Inleiding\n---------")),
]


def _memos() -> list[Source]:
    found = [source(text, path) for path, text in _CRAFTED]
    found += [source(_TXT, "seed.txt"), source(_MD, "seed.md")]
    if CORPUS.is_dir():
        found += [
            source(path.read_text("utf-8"), path.name)
            for path in sorted(CORPUS.parent.rglob("*.txt"))
        ]
    return found


@pytest.mark.parametrize("order", ["forward", "backward"])
def test_kept_readings_give_what_fresh_ones_give(order: str) -> None:
    memos = _memos()
    if order == "backward":
        memos.reverse()
    both = [packs.load("collegevoorstel"), packs.load("raadsvoorstel")]
    expected = [[_fresh(memo, pack) for pack in both] for memo in memos]
    _forget()
    for memo, wanted in zip(memos, expected, strict=True):
        for pack, parts in zip(both, wanted, strict=True):
            assert _parts(analyse(memo, pack)) == parts, (memo.path, pack.name)
