"""Markdown memos: CommonMark + tables, front matter and footnotes, parsed by markdown-it.

The parser decides what is a heading (ATX or setext), a table row, a footnote or an HTML
comment; lines keep their raw text so spans point into the file as written.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate, pairwise
from typing import Any

from memo_lint.errors import UnreadableFile
from memo_lint.model import Cell, Footnote, Line, Source, Span
from memo_lint.readers import Limits
from memo_lint.readers.text import decode, split_lines, to_lines, without_final_line_end

_PIPE = re.compile(r"(?<!\\)\|")
# A footnote reference the parser left as text because its definition is missing.
_LITERAL_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:")
# Nested blocks and link labels deeper than this are flattened. Memos nest lists a few levels
# deep; markdown-it's default of 100 made every unclosed "[" cost 100 look-ahead steps
# (40,000 "![" took 10 s; with 20 it is 5x less, see SECURITY.md).
MAX_NESTING = 20


# Inline rules memo-lint never reads: links, images and emphasis only cost time, and
# unclosed "[" or "*" made them quadratic on hostile input (see SECURITY.md).
UNUSED_INLINE_RULES = ["link", "image", "autolink", "emphasis"]


# What memo-lint reads of a Markdown memo, whichever parser produced it:
#   ("front_matter", content, end_line)          the YAML block and the line after it
#   ("heading", line_index, level)               ATX or setext
#   ("row", line_index)                          a table row (header or body)
#   ("comment", line_number, content)            an HTML block that mentions memo-lint
#   ("inline", first, last, children, label)     inline content of lines [first, last):
#        children are ("text" | "html" | "ref", content-or-label); label is the footnote
#        whose definition holds it, with ``content`` its raw text, else None
#   ("unreferenced", labels)                     footnote definitions nothing refers to
Event = tuple[Any, ...]


# Shapes the Rust parser has no bound for: it has no maxNesting, so 100,000 nested list
# markers took 28 s (Python, bounded at MAX_NESTING: 3 s), and runs of unclosed footnote
# references ("[^" x 5,000) and of link reference definitions ("[a]: b" x 50,000) did not
# finish in 100 s. Such text goes to markdown-it-py.
_NESTED = r"(?:[ \t>*+-]|\d{1,9}[.)]){40}"
_NESTED_AT_START = re.compile(_NESTED)
_NESTED_AFTER_LINE_END = re.compile("\n" + _NESTED)
MAX_RUST_OPENERS = 500  # of "[^" and of "]:"


def _deeply_nested(text: str) -> bool:
    """A line that opens with 40 list or quote markers (or indents), as a multi-line search
    for ``^`` + _NESTED finds it: that search tried every character of the memo, this one
    only its line ends (3x less)."""
    return bool(_NESTED_AT_START.match(text) or _NESTED_AFTER_LINE_END.search(text))


def _events(text: str) -> Iterator[Event]:
    """Parse with markdown-it-pyrs (Rust, ~10x faster) where its wheel is installed and the
    text has no shape it cannot bound, else with markdown-it-py; tests check that both give
    the same events on every corpus text and on generated Markdown."""
    if (
        text.count("[^") > MAX_RUST_OPENERS
        or text.count("]:") > MAX_RUST_OPENERS
        or _deeply_nested(text)
    ):
        return _python_events(text)
    try:
        parser = _rust_parser()
    except ImportError:
        return _python_events(text)
    return _rust_events(parser, text)


@lru_cache(maxsize=1)
def _python_parser() -> Any:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    parser = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
    parser.enable("table").use(front_matter_plugin).use(footnote_plugin)
    return parser.disable(UNUSED_INLINE_RULES)


@lru_cache(maxsize=1)
def _rust_parser() -> Any:
    from markdown_it_pyrs import MarkdownIt

    parser = MarkdownIt("zero")
    parser.enable_many(RUST_RULES)
    return parser


# CommonMark without the inline rules memo-lint never reads (see UNUSED_INLINE_RULES).
RUST_RULES: list[Any] = [
    "blockquote", "code", "fence", "heading", "hr", "lheading", "list", "paragraph",
    "reference", "html_block", "html_inline", "backticks", "entity", "escape", "newline",
    "table", "front_matter", "footnote",
]  # fmt: skip


def _python_events(text: str) -> Iterator[Event]:
    env: dict[str, Any] = {}
    footnote: tuple[str, Any] | None = None
    for token in _python_parser().parse(text, env):
        if token.type == "front_matter" and token.map:
            yield ("front_matter", token.content, token.map[1])
        elif token.type == "heading_open" and token.map:
            yield ("heading", token.map[0], int(token.tag[1]))
        elif token.type == "tr_open" and token.map:
            yield ("row", token.map[0])
        elif token.type == "html_block" and token.map and "memo-lint" in token.content:
            yield ("comment", token.map[0] + 1, token.content)
        elif token.type == "footnote_open":
            footnote = (str(token.meta["label"]), None)
        elif token.type == "footnote_close":
            footnote = None
        elif token.type == "inline" and token.map:
            children = [
                ("ref", str(child.meta["label"]))
                if child.type == "footnote_ref"
                else ("html" if child.type == "html_inline" else "text", child.content)
                for child in token.children or []
                if child.type in ("text", "html_inline", "footnote_ref")
            ]
            label = (footnote[0], token.content) if footnote else None
            yield ("inline", token.map[0], token.map[1], children, label)
    refs = env.get("footnotes", {}).get("refs", {})
    yield ("unreferenced", {key[1:] for key, index in refs.items() if index == -1})


_INLINE = frozenset({"text", "html_inline", "footnote_ref", "softbreak", "hardbreak"})
_INLINE |= {"code_inline", "text_special"}
# Blocks whose children are inline content only: no heading, row, comment block or footnote
# definition can be below them, so they are opened only for what their inline children say.
_HOLDERS = frozenset({"paragraph", "heading", "lheading", "tcell"})


def _rust_events(parser: Any, text: str) -> Iterator[Event]:
    """The Rust parser gives a tree with byte offsets: map them to lines, and emit the same
    events as markdown-it-py. A footnote definition nothing refers to leaves no node at all,
    so its lines are the definition lines no top-level block covers.

    Each node attribute is a call into Rust, so a block's inline children are read only when
    its source holds what they could mark ("[^" or "memo-lint"): a text child is the source as
    written (entities and escapes are children of their own, not read), so elsewhere they add
    nothing, and a block outside a footnote then needs no event at all; a paragraph, heading or
    table cell is then not opened (what is below it is inline, see _HOLDERS)."""
    # As markdown-it-py does before parsing: lines end in LF, NUL is the replacement character.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")
    encoded = text.encode("utf-8")
    starts = list(accumulate((len(part) + 1 for part in encoded.split(b"\n")), initial=0))

    def lines_of(srcmap: tuple[int, int]) -> tuple[int, int]:
        begin, end = srcmap
        return bisect_right(starts, begin) - 1, bisect_right(starts, max(begin, end - 1))

    footnotes_possible = "[^" in text
    refs, comments = _Found(encoded, b"[^"), _Found(encoded, b"memo-lint")

    def marks(begin: int, end: int) -> bool:
        return refs.within(begin, end) or comments.within(begin, end)

    marks_possible = bool(refs.starts or comments.starts)
    tops: list[tuple[int, int]] = []  # the top-level blocks' bytes, when a footnote may be
    # (node, its name, the footnote it is in, whether it is a top-level block)
    stack: list[tuple[Any, str, str | None, bool]] = [(parser.tree(text), "root", None, False)]
    pop, push = stack.pop, stack.append
    while stack:
        node, name, footnote, top = pop()
        srcmap = node.srcmap
        if top and footnotes_possible and srcmap is not None:
            tops.append(srcmap)
        if name == "front_matter":
            yield ("front_matter", node.meta["content"], lines_of(srcmap)[1])
            continue
        if name in ("heading", "lheading"):
            yield ("heading", bisect_right(starts, srcmap[0]) - 1, int(node.meta["level"]))
        elif name == "trow":
            yield ("row", bisect_right(starts, srcmap[0]) - 1)
        elif name == "html_block" and "memo-lint" in node.meta["content"]:
            yield ("comment", bisect_right(starts, srcmap[0]), node.meta["content"])
        elif name == "footnote_def":
            footnote = str(node.meta["label"])
        wanted = marks_possible and srcmap is not None and marks(*srcmap)
        if footnote is None and not wanted and name in _HOLDERS:
            continue
        children = node.children
        if not children:
            continue
        names = [child.name for child in children]
        blocks = [index for index, kind in enumerate(names) if kind not in _INLINE]
        if len(blocks) < len(names) and srcmap is not None and (wanted or footnote is not None):
            first, last = lines_of(srcmap)
            read = _inline_read(children, names) if wanted else []
            yield ("inline", first, last, read, _footnote_text(footnote, encoded, srcmap))
        top_level = name in ("root", "footnote_container")
        for index in reversed(blocks):  # inline children are read with the block that holds them
            push((children[index], names[index], footnote, top_level))
    unreferenced: set[str] = set()
    tops.sort()
    at = text.find("[^") if footnotes_possible else -1
    while at >= 0:  # a definition starts its line with "[^": only lines holding one are read
        begin = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        # ... and only where the line's first "[^" may open it (_DEFINITION allows three spaces
        # before it): most are references within a paragraph's line
        match = _DEFINITION.match(text[begin:end]) if at - begin <= 3 else None
        if match:
            line = text.count("\n", 0, begin)
            if not _covered(tops, starts[line], starts[line + 1]):
                unreferenced.add(match[1])
        at = text.find("[^", end)
    yield ("unreferenced", unreferenced)


class _Found:
    """Where a mark (that cannot overlap itself) starts in a memo's bytes, to tell by
    bisection what ``encoded.find(mark, begin, end) >= 0`` tells, once for every block."""

    __slots__ = ("length", "starts")

    def __init__(self, encoded: bytes, mark: bytes) -> None:
        self.length = len(mark)
        self.starts: list[int] = []
        at = encoded.find(mark)
        while at >= 0:
            self.starts.append(at)
            at = encoded.find(mark, at + self.length)

    def within(self, begin: int, end: int) -> bool:
        at = bisect_left(self.starts, begin)
        return at < len(self.starts) and self.starts[at] + self.length <= end


def _covered(blocks: list[tuple[int, int]], first: int, after: int) -> bool:
    """Whether one of ``blocks`` (byte ranges, sorted) covers a line (its bytes ``first`` up
    to ``after``) as a block's lines count: from the line of its first byte to that of its
    last (of its first, when it is empty). Tried from the nearest block before the line's
    end back, instead of making a set of every line every block covers."""
    before = blocks[: bisect_left(blocks, (after,))]
    return any(max(begin, end - 1) >= first for begin, end in reversed(before))


def _inline_read(children: Any, names: list[str]) -> list[tuple[str, str]]:
    """What a block's inline children say: footnote references, HTML and text."""
    return [
        ("ref", str(child.meta["label"]))
        if kind == "footnote_ref"
        else ("html" if kind == "html_inline" else "text", child.meta["content"])
        for child, kind in zip(children, names, strict=True)
        if kind in ("text", "html_inline", "footnote_ref")
    ]


def _footnote_text(
    label: str | None, encoded: bytes, srcmap: tuple[int, int]
) -> tuple[str, str] | None:
    """(label, raw text) as markdown-it-py gives it: the block's lines, stripped."""
    if label is None:
        return None
    begin, end = srcmap
    raw = encoded[begin:end].decode("utf-8", "replace")
    return label, "\n".join(part.strip() for part in raw.split("\n"))


def _cells(line: Line) -> list[Cell]:
    """Cells of a table row line, as character ranges between unescaped pipes."""
    text = line.text
    bounds = [m.start() for m in _PIPE.finditer(text)]
    stripped = text.strip()
    if not stripped.startswith("|"):
        bounds.insert(0, -1)
    if not stripped.endswith("|") or len(bounds) < 2:
        bounds.append(len(text))
    cells = []
    for left, right in pairwise(bounds):
        start, end = left + 1, right
        while start < end and text[start] == " ":
            start += 1
        while end > start and text[end - 1] == " ":
            end -= 1
        cells.append(Cell(line.number, start, end))
    return cells


def _front_matter(content: str, end_line: int) -> tuple[dict[str, object], Span]:
    from memo_lint import yamlsafe

    try:
        value, _ = yamlsafe.load(content, timestamps=False)
    except yamlsafe.YamlError as error:
        raise UnreadableFile("markdown.front-matter-yaml", line=1, error=error) from None
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise UnreadableFile("markdown.front-matter-not-mapping", line=1)
    meta = {str(k).lower(): v for k, v in value.items()}
    return meta, Span(1, 1, end_line, 4)


def read(path: str, data: bytes, limits: Limits) -> Source:
    text, undecodable = decode(data, limits)
    lines = to_lines(split_lines(without_final_line_end(text))) if text else []
    source = Source(
        path=path,
        lines=lines,
        format="markdown",
        footnotes=[],
        footnote_markers=[],
        undecodable_lines=undecodable,
    )
    for event in _events(text):
        kind = event[0]
        if kind == "front_matter":
            source.front_matter, source.front_matter_span = _front_matter(event[1], event[2])
        elif kind == "heading":
            lines[event[1]].heading_level = event[2]
        elif kind == "row":
            source.table_rows.append(_cells(lines[event[1]]))
        elif kind == "comment":
            source.comments.append((event[1], event[2]))
        elif kind == "inline":
            _, first, last, children, footnote = event
            if footnote is not None:
                _add_footnote(source, footnote[0], first, last, footnote[1])
            _add_markers(source, first, last, children)
        elif kind == "unreferenced":
            _add_unreferenced(source, event[1])
    return source


def top_level_blocks(text: str) -> list[tuple[str, int, int]]:
    """(token type, first line, last line) of each top-level block: where a comment may go."""
    return [
        (token.type, token.map[0] + 1, token.map[1])
        for token in _python_parser().parse(text, {})
        if token.level == 0 and token.nesting >= 0 and token.map
    ]


def _add_unreferenced(source: Source, labels: set[str]) -> None:
    """Definitions no reference points to: the parser drops them, ML702 needs them."""
    if not labels:
        return
    assert source.footnotes is not None
    lines = source.lines
    for index, line in enumerate(lines):
        match = _DEFINITION.match(line.text)
        if not match or match[1] not in labels:
            continue
        text = line.text[match.end() :].strip()
        line.is_footnote_text = True
        for following in lines[index + 1 :]:  # indented continuation lines
            if not following.text.startswith((" ", "\t")) or not following.text.strip():
                break
            following.is_footnote_text = True
            text += " " + following.text.strip()
        source.footnotes.append(Footnote.on_line(match[1], text, line, match.start(1) - 2))
        labels.discard(match[1])


def _add_footnote(source: Source, label: str, first: int, last: int, content: str) -> None:
    for line in source.lines[first:last]:
        line.is_footnote_text = True
    line = source.lines[first]
    start = max(line.text.find(f"[^{label}]"), 0)
    assert source.footnotes is not None
    source.footnotes.append(Footnote.on_line(label, content, line, start))


def _add_markers(source: Source, first: int, last: int, children: list[tuple[str, str]]) -> None:
    assert source.footnote_markers is not None
    for kind, content in children:
        if kind == "html" and "memo-lint" in content:
            source.comments.append((first + 1, content))
        if kind == "text":
            _add_literal_refs(source, first, last, content)
        if kind != "ref":
            continue
        reference = f"[^{content}]"
        for line in source.lines[first:last]:
            start = line.text.find(reference)
            if start >= 0:
                source.footnote_markers.append(
                    (content, Span.of_line(line, start, start + len(reference)))
                )
                break


def _add_literal_refs(source: Source, first: int, last: int, content: str) -> None:
    """``[^9]`` left as text: a marker whose footnote text is missing."""
    assert source.footnote_markers is not None
    for match in _LITERAL_REF.finditer(content):
        reference = match[0]
        for line in source.lines[first:last]:
            start = line.text.find(reference)
            if start >= 0:
                span = Span.of_line(line, start, start + len(reference))
                if (match[1], span) not in source.footnote_markers:
                    source.footnote_markers.append((match[1], span))
                break
