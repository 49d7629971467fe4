"""markdown-it-pyrs (Rust) and markdown-it-py read every memo the same way.

The reader uses the Rust parser where its wheel is installed and falls back to the Python
one; a memo must never lint differently because of which one a machine has.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from memo_lint.errors import UnreadableFile
from memo_lint.readers import Limits, markdown

pytest.importorskip("markdown_it_pyrs")

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"
MEMOS = sorted(
    [
        *REPO.glob("examples/**/*.md"),
        *REPO.glob("tests/fixtures/**/*.md"),
        *CORPUS.glob("**/*.txt"),
    ]
)


def _both(data: bytes) -> tuple[object, object]:
    def read() -> object:
        try:
            return markdown.read("memo.md", data, Limits())
        except UnreadableFile as error:
            return ("unreadable", str(error))

    rust = read()
    with mock.patch.object(markdown, "_rust_parser", side_effect=ImportError):
        python = read()
    return rust, python


def test_the_rust_parser_is_used_when_installed() -> None:
    with mock.patch.object(markdown, "_python_events", side_effect=AssertionError):
        markdown.read("memo.md", b"# Kop\n\ntekst\n", Limits())


@pytest.mark.parametrize("path", MEMOS, ids=lambda p: p.name)
def test_same_source_on_every_memo(path: Path) -> None:
    rust, python = _both(path.read_bytes())
    assert rust == python


# Markdown made of the constructs the reader looks at, in random order and nesting.
_WORDS = st.sampled_from(
    ["Besluit", "tekst", "Financiën", "ë", "[^1]", "[^x]", "*a*", "`c`", "<b>memo-lint</b>"]
)
_LINE = st.lists(_WORDS, min_size=1, max_size=5).map(" ".join)
_BLOCK = st.one_of(
    _LINE,
    _LINE.map(lambda t: f"# {t}"),
    _LINE.map(lambda t: f"{t}\n===="),
    _LINE.map(lambda t: f"- {t}\n  - {t}"),
    _LINE.map(lambda t: f"> {t}\n> [^2]"),
    _LINE.map(lambda t: f"| {t} | b |\n|---|---|\n| c | {t} |"),
    _LINE.map(lambda t: f"[^1]: {t}\n    vervolg {t}"),
    _LINE.map(lambda t: f"[^7]: {t}"),
    _LINE.map(lambda t: f" [^8]: {t}"),  # indented (a list item's continuation: see below)
    _LINE.map(lambda t: f"  {t} [^9]: {t}"),  # a reference that opens no definition
    _LINE.map(lambda t: f"```\n[^5]: {t}\n```"),
    _LINE.map(lambda t: f"    code {t}"),
    _LINE.map(lambda t: f"[link]: https://example.org\n{t} <!-- memo-lint-enable -->"),
    _LINE.map(lambda t: f"<!-- memo-lint-disable ML101 -->\n{t}"),
    _LINE.map(lambda t: f"{t} <!-- memo-lint-disable-next-line ML7 -->\nregel twee"),
    st.just("---\ndatum: 2024-05-01\n---"),
    st.just(""),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    blocks=st.lists(_BLOCK, min_size=1, max_size=12),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    separator=st.just("\n\n"),
)
# Up to three spaces before a definition (after a list item they continue it, where the two
# parsers read a definition differently: not generated).
@example(blocks=["Besluit [^7]", "   [^8]: Besluit"], newline="\n", separator="\n\n")
def test_same_source_on_generated_markdown(blocks: list[str], newline: str, separator: str) -> None:
    definitions = [b.split(":")[0] for b in blocks if b.startswith("[^")]
    assume(len(definitions) == len(set(definitions)))  # see test_known_differences
    text = separator.join(blocks).replace("\n", newline)
    rust, python = _both(text.encode("utf-8"))
    assert rust == python


@pytest.mark.parametrize(
    "text",
    [
        # The Rust parser lets a table interrupt a paragraph or block quote; markdown-it-py
        # reads the lines as lazy continuation text. Memos put a blank line before tables.
        "> citaat\n| a | b |\n|---|---|\n| c | d |\n",
        # Two definitions of one footnote label: Rust keeps the first, Python the last.
        "tekst[^1]\n\n[^1]: een\n\n[^1]: twee\n",
        # A definition indented under another: Rust nests it, Python drops the outer text.
        "[^1]: een\n    twee\n\n    [^6]: [^1]\n",
    ],
)
def test_known_differences(text: str) -> None:
    """Where the parsers disagree (none of it in the corpus). Strict: if they ever agree,
    this fails, and the generated test's restrictions can go."""
    rust, python = _both(text.encode("utf-8"))
    assert rust != python


@pytest.mark.parametrize(
    "text",
    [
        "- " * 100 + "x",  # list nesting beyond what the Rust parser bounds
        "> " * 100 + "x",
        "1. " * 60 + "x",
        " " * 200 + "- x",
        "[^" * 600,  # unclosed footnote references
        "[a]: b\n" * 600,  # link reference definitions
    ],
)
def test_shapes_the_rust_parser_cannot_bound_go_to_markdown_it_py(text: str) -> None:
    with mock.patch.object(markdown, "_rust_events", side_effect=AssertionError("Rust used")):
        markdown.read("memo.md", text.encode("utf-8"), Limits())


@settings(max_examples=300, deadline=None)
@given(
    data=st.lists(st.sampled_from([b"[^", b"[", b"^", b"memo-lint", b"memo", b"x"])).map(b"".join),
    mark=st.sampled_from([b"[^", b"memo-lint"]),
    begin=st.integers(0, 60),
    length=st.integers(-3, 60),
)
@example(data=b"x[^", mark=b"[^", begin=0, length=3)  # a block that ends with the mark
@example(data=b"x[^", mark=b"[^", begin=0, length=2)
def test_a_block_holds_a_mark_as_bytes_find_says(
    data: bytes, mark: bytes, begin: int, length: int
) -> None:
    """The Rust walk's bisection over a mark's offsets against a find in each block (whose
    source map never ends before offset 0)."""
    end = max(begin + length, 0)
    assert markdown._Found(data, mark).within(begin, end) == (data.find(mark, begin, end) >= 0)


@settings(max_examples=300, deadline=None)
@given(
    lengths=st.lists(st.integers(1, 6), min_size=1, max_size=12),
    blocks=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=6),
    line=st.integers(0, 11),
)
def test_a_line_is_covered_as_the_lines_of_its_blocks_say(
    lengths: list[int], blocks: list[tuple[int, int]], line: int
) -> None:
    """The covered test for unreferenced footnote definitions against the set of lines each
    top-level block spans (first byte's line up to and with the last byte's line)."""
    starts = [0, *accumulate(lengths)]
    line = min(line, len(lengths) - 1)
    ranges = sorted((begin, begin + size) for begin, size in blocks)

    def lines_of(begin: int, end: int) -> range:
        return range(bisect_right(starts, begin) - 1, bisect_right(starts, max(begin, end - 1)))

    spanned = {number for begin, end in ranges for number in lines_of(begin, end)}
    assert markdown._covered(ranges, starts[line], starts[line + 1]) == (line in spanned)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["- ", "> ", "1. ", "12) ", " ", "\t", "x", "\n", "\r\n"])).map(
        "".join
    )
)
def test_deep_nesting_is_found_as_a_multiline_search_finds_it(text: str) -> None:
    deep = re.compile("^" + markdown._NESTED, re.MULTILINE)
    assert markdown._deeply_nested(text * 3) == bool(deep.search(text * 3))
