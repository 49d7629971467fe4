"""Markdown memos, parsed with markdown-it-py (CommonMark + tables, front matter, footnotes).

The parser decides what is a heading (ATX or setext), a table row, a footnote or an HTML
comment; lines keep their raw text so spans point into the file as written.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
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


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    parser = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
    parser.enable("table").use(front_matter_plugin).use(footnote_plugin)
    return parser.disable(UNUSED_INLINE_RULES)


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
        raise UnreadableFile(
            f"invalid YAML front matter: {error}",
            line=1,
            nl=f"ongeldige YAML in de front matter: {error}",
        ) from None
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise UnreadableFile(
            "the front matter is not a mapping of keys to values",
            line=1,
            nl="de front matter is geen lijst van sleutels met waarden",
        )
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
    env: dict[str, Any] = {}
    tokens = _parser().parse(text, env)
    footnote_label: str | None = None
    for token in tokens:
        if token.type == "front_matter" and token.map:
            source.front_matter, source.front_matter_span = _front_matter(
                token.content, token.map[1]
            )
        elif token.type == "heading_open" and token.map:
            lines[token.map[0]].heading_level = int(token.tag[1])
        elif token.type == "tr_open" and token.map:
            source.table_rows.append(_cells(lines[token.map[0]]))
        elif token.type == "html_block" and token.map and "memo-lint" in token.content:
            source.comments.append((token.map[0] + 1, token.content))
        elif token.type == "footnote_open":
            footnote_label = str(token.meta["label"])
        elif token.type == "footnote_close":
            footnote_label = None
        elif token.type == "inline" and token.map:
            if footnote_label is not None:
                _add_footnote(source, footnote_label, token)
            _add_markers(source, token)
    _add_unreferenced(source, env)
    return source


def top_level_blocks(text: str) -> list[tuple[str, int, int]]:
    """(token type, first line, last line) of each top-level block: where a comment may go."""
    return [
        (token.type, token.map[0] + 1, token.map[1])
        for token in _parser().parse(text, {})
        if token.level == 0 and token.nesting >= 0 and token.map
    ]


def _add_unreferenced(source: Source, env: dict[str, Any]) -> None:
    """Definitions no reference points to: the parser drops them, ML702 needs them."""
    refs = env.get("footnotes", {}).get("refs", {})
    labels = {key[1:] for key, index in refs.items() if index == -1}
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
        source.footnotes.append(Footnote(match[1], text, Span.of_line(line, match.start(1) - 2)))
        labels.discard(match[1])


def _add_footnote(source: Source, label: str, token: Any) -> None:
    first, last = token.map[0], token.map[1]
    for line in source.lines[first:last]:
        line.is_footnote_text = True
    line = source.lines[first]
    start = max(line.text.find(f"[^{label}]"), 0)
    assert source.footnotes is not None
    source.footnotes.append(Footnote(label, token.content, Span.of_line(line, start)))


def _add_markers(source: Source, token: Any) -> None:
    assert source.footnote_markers is not None
    for child in token.children or []:
        if child.type == "html_inline" and "memo-lint" in child.content:
            source.comments.append((token.map[0] + 1, child.content))
        if child.type == "text":
            _add_literal_refs(source, token, child.content)
        if child.type != "footnote_ref":
            continue
        label = str(child.meta["label"])
        reference = f"[^{label}]"
        for line in source.lines[token.map[0] : token.map[1]]:
            start = line.text.find(reference)
            if start >= 0:
                source.footnote_markers.append(
                    (label, Span.of_line(line, start, start + len(reference)))
                )
                break


def _add_literal_refs(source: Source, token: Any, content: str) -> None:
    """``[^9]`` left as text: a marker whose footnote text is missing."""
    assert source.footnote_markers is not None
    for match in _LITERAL_REF.finditer(content):
        reference = match[0]
        for line in source.lines[token.map[0] : token.map[1]]:
            start = line.text.find(reference)
            if start >= 0:
                span = Span.of_line(line, start, start + len(reference))
                if (match[1], span) not in source.footnote_markers:
                    source.footnote_markers.append((match[1], span))
                break
