"""PDF reader: text per page in reading order, with pypdfium2 (PDFium, the engine of Chrome).

Why pypdfium2 — measured on the 43 raadsvoorstellen in ``../shared/corpus/pdf`` (148 pages,
Python 3.11, this machine) and on the LibreOffice checkbox fixtures (tests/fixtures/pdf):

=============  ==========  ===========  ====================  ===============================
extractor      pages/s     import (ms)  headings on own line  "☒ Openbaar ☐ Geheim" (fallback
                                        (31 in corpus text)   font) / Wingdings U+F0FE
=============  ==========  ===========  ====================  ===============================
pypdfium2      180–280     75–85        31/31 (*)             "☒ ☐ Openbaar Geheim" / kept
pypdf 7.1      11–14       160–200      31/31 (*)             "Openbaar Geheim☒ ☐" / kept
pypdf layout   7–8         160–200      31/31 (*)             —
pdfminer.six   9           120–170      31/31 (*)             glyph on a line of its own / kept
pdftotext -raw (binary)    —            —                     glyphs on a line of their own
=============  ==========  ===========  ====================  ===============================

(*) every heading name that occurs in the text ("Aanleiding", "Argumentatie", "Voorgesteld
raadsbesluit", "Financiële gevolgen", "Fatale termijn", "Beoogd effect", …) starts a line of
its own; 11 of the 31 carry a suffix in the source ("Aanleiding:", "Kanttekeningen en
alternatieven"), equally in all extractors. No extractor raised on any corpus file.

So reading order is a tie, and pypdfium2 is 15–25× faster and the cheapest import; it also
gives character boxes, which fix the one thing no extractor gets right: checkbox glyphs drawn
from a fallback font come out of order, so lines holding a checkbox are re-sorted left to
right (giving "☒ Openbaar ☐ Geheim"). It reads the outline (bookmarks) for heading levels,
and tells a password error from a format error. Running headers and footers that repeat on
most pages ("Voorstel aan de raad", page numbers, "Ons kenmerk") are dropped so they do not
land in the middle of sections.
"""

from __future__ import annotations

import ctypes
import itertools
import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from memo_lint.errors import UnreadableFile
from memo_lint.model import MARKED, UNMARKED, FileInfo, Line, Source
from memo_lint.readers import _pdf_tags, _pdfium

if TYPE_CHECKING:
    from memo_lint.readers import Limits

# Wingdings private-use code points that survive extraction, plus PDFium's hyphen marker.
_GLYPHS = str.maketrans(
    {
        "\uf078": MARKED,
        "\uf0fe": MARKED,
        "\uf0fd": MARKED,
        "\u2611": MARKED,
        "\uf0a8": UNMARKED,
        "\uf06f": UNMARKED,
        "\uf071": UNMARKED,
        "\uf0b7": "•",
        "\uf0a7": "▪",
        "\ufffe": "-",
    }
)
_BOXES = frozenset((MARKED, UNMARKED))
# Every glyph maps to one character, so a page is translated once and sliced into lines.
_GLYPH_CHARS = re.compile("[" + re.escape("".join(map(chr, _GLYPHS))) + "]")
_BREAK = re.compile(r"\r\n|\r|\n")
_MAX_OUTLINE_ITEMS = 5000
_EDGE_LINES = 3  # how many lines at the top and bottom of a page may be running header/footer
_MIN_TEXT_PER_PAGE = 10  # fewer non-space characters per page than this: a scan


def read(path: str, data: bytes, limits: Limits) -> Source:
    """Read a PDF into lines with page numbers and outline heading levels."""
    if b"%PDF-" not in data[:1024]:
        raise UnreadableFile("pdf.not-pdf")
    try:
        document = _pdfium.open_document(data)  # ``data`` lives until it is closed
    except _pdfium.PdfiumError as exc:
        raise _open_error(exc) from exc
    try:
        pages = _pdfium.page_count(document)
        if pages > limits.max_pdf_pages:
            raise UnreadableFile("pdf.too-many-pages", pages=pages, limit=limits.max_pdf_pages)
        if pages == 0:
            raise UnreadableFile("pdf.no-pages")
        info = FileInfo(
            title=_pdf_tags.title(document),
            language=_pdf_tags.language(document),
            tagged=_pdf_tags.is_tagged(document),
        )
        page_lines = _extract_pages(document, pages, limits, info)
        outline = _outline(document)
    except _pdfium.PdfiumError as exc:
        raise UnreadableFile("pdf.unreadable-pages", exc=exc) from exc
    finally:
        _pdfium.close_document(document)
    printable = sum(len(text.replace(" ", "")) for page in page_lines for text in page)
    if printable < _MIN_TEXT_PER_PAGE * pages:
        raise UnreadableFile("pdf.no-text", printable=printable, pages=pages)
    kept = _drop_running_lines(page_lines)
    running = sum(1 for page in page_lines for text in page) - len(kept)
    lines = _number(kept)
    _mark_outline_headings(lines, outline)
    first_line = {}
    for line in reversed(lines):
        first_line[line.page] = line.number
    info.pictures = [p.replace(line=first_line.get(p.page)) for p in info.pictures]
    return Source(path=path, lines=lines, format="pdf", file_info=info, running_lines=running)


def _open_error(exc: _pdfium.PdfiumError) -> UnreadableFile:
    if exc.err_code in _pdfium.ENCRYPTED:
        return UnreadableFile("pdf.encrypted")
    return UnreadableFile("pdf.corrupt", exc=exc)


def _extract_pages(document: Any, count: int, limits: Limits, info: FileInfo) -> list[list[str]]:
    """Text lines per page, stopping as soon as the character budget is exceeded.

    The same pass collects what ``info`` needs of each page: heading tags and figures of a
    tagged PDF, and pages that are a scan (an image, no text).
    """
    chars = 0
    pages: list[list[str]] = []
    if info.tagged:
        info.heading_tags = []
    for index in range(count):
        page = _pdfium.load_page(document, index)
        try:
            textpage = _pdfium.load_textpage(page)
            try:
                text = _pdfium.page_text(textpage)
                if info.heading_tags is not None:
                    headings, figures = _pdf_tags.page_tags(page, index + 1)
                    info.heading_tags += headings
                    info.pictures += figures
                if len(text.split()) < 3 and _pdf_tags.has_image(page):
                    info.scanned_pages.append(index + 1)
                chars += len(text)
                limits.check_chars(chars, "PDF", by_page=index + 1)
                pages.append(_page_lines(textpage, text))
            finally:
                _pdfium.close_textpage(textpage)
        finally:
            _pdfium.close_page(page)
    return pages


Box = tuple[float, float, float, float]  # left, bottom, right, top


class _Boxes:
    """Character boxes of one text page, from ``FPDFText_GetCharBox``.

    A line needs two boxes and a page a few hundred: called directly (``_pdfium``), with the
    four doubles made once per page, a box costs a quarter of a call through the bindings.
    PDFium has no bulk character-box API: ``FPDFText_CountRects``/``GetRect`` give rectangles
    of whole text runs, without the character indexes that would map them back to lines.
    """

    __slots__ = ("_args", "_get", "_values")

    def __init__(self, textpage: Any) -> None:
        self._get = _pdfium.char_box
        self._values = (ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double())
        left, bottom, right, top = (ctypes.byref(value) for value in self._values)
        self._args = (textpage, left, right, bottom, top)  # PDFium's order: l, r, b, t

    def __call__(self, index: int) -> Box:
        textpage, left, right, bottom, top = self._args
        if not self._get(textpage, index, left, right, bottom, top):
            raise _pdfium.PdfiumError("Failed to get charbox.")
        x0, y0, x1, y1 = self._values
        return x0.value, y0.value, x1.value, y1.value


def _page_lines(textpage: Any, text: str) -> list[str]:
    """Split a page's text into lines, mapping glyphs and rejoining split visual lines.

    PDFium ends a line where the baseline moves, so a superscript footnote marker ("kaart¹")
    cuts its line in two; a piece that starts right of where the previous one ended, at the
    same height, is glued back on.
    """
    aligned = len(text) == _pdfium.count_chars(textpage)
    shown = text.translate(_GLYPHS) if _GLYPH_CHARS.search(text) else text
    boxed = aligned and not _BOXES.isdisjoint(shown)
    box = _Boxes(textpage)
    lines: list[str] = []
    previous: tuple[Box, Box] | None = None
    start = 0
    for end, after in [(m.start(), m.end()) for m in _BREAK.finditer(text)] + [(len(text), 0)]:
        raw = text[start:end]
        line = shown[start:end].rstrip()
        if boxed and _BOXES.intersection(line):
            line = _left_to_right(box, start, raw)
        extent = _extent(box, start, raw) if aligned else None
        if previous is not None and extent is not None and lines and _continues(previous, extent):
            gap = extent[0][0] - previous[1][2]
            height = max(_height(previous[0]), _height(extent[0]))
            joint = " " if gap > height / 4 and not line[:1].isspace() else ""
            lines[-1] += joint + line
            previous = (previous[0], extent[1])
        else:
            lines.append(line)
            previous = extent
        start = after
    return lines


def _extent(box: _Boxes, start: int, raw: str) -> tuple[Box, Box] | None:
    """Boxes of a line's first and last visible characters (``str.strip`` and ``isspace``
    agree on what is a space)."""
    last = len(raw.rstrip()) - 1
    if last < 0:
        return None
    first = len(raw) - len(raw.lstrip())
    return box(start + first), box(start + last)


def _height(box: Box) -> float:
    return box[3] - box[1]


def _continues(previous: tuple[Box, Box], current: tuple[Box, Box]) -> bool:
    (prev_first, prev_last), (cur_first, _) = previous, current
    bottom = min(prev_first[1], prev_last[1])
    top = max(prev_first[3], prev_last[3])
    centre = (cur_first[1] + cur_first[3]) / 2
    return bottom <= centre <= top and cur_first[0] >= prev_last[2] - 1.0


def _left_to_right(box: _Boxes, start: int, raw: str) -> str:
    """Re-sort a line's characters by position: PDFium emits fallback-font glyphs out of order.

    Spaces are rebuilt from the gaps between characters (a gap wider than a fifth of the line
    height), since PDFium's generated spaces have no reliable box.
    """
    boxes = []
    for offset, char in enumerate(raw):
        if char.isspace():
            continue
        left, bottom, right, top = box(start + offset)
        boxes.append((left, right, top - bottom, char))
    if not boxes:
        return raw.translate(_GLYPHS).rstrip()
    boxes.sort(key=lambda box: box[0])
    height = max(box[2] for box in boxes) or 1.0
    out = [boxes[0][3]]
    for previous, current in itertools.pairwise(boxes):
        if current[0] - previous[1] > height / 5:
            out.append(" ")
        out.append(current[3])
    return "".join(out).translate(_GLYPHS)


def _drop_running_lines(pages: list[list[str]]) -> list[tuple[int, str]]:
    """(page, text) pairs without running headers/footers repeated on most pages.

    A line near the top or bottom of a page whose text (digits ignored, so page numbers match)
    recurs there on at least half the pages, and on three or more, is page furniture.
    """

    def key(text: str) -> str:
        return re.sub(r"\d+", "#", text.strip().casefold())

    edges: Counter[str] = Counter()
    for lines in pages:
        content = [line for line in lines if line.strip()]
        edge = content[:_EDGE_LINES] + content[-_EDGE_LINES:]
        edges.update({key(line) for line in edge})
    threshold = max(3, (len(pages) + 1) // 2)
    running = {text for text, count in edges.items() if count >= threshold}
    kept: list[tuple[int, str]] = []
    for number, lines in enumerate(pages, start=1):
        indexes = [i for i, line in enumerate(lines) if line.strip()]
        at_edge = set(indexes[:_EDGE_LINES] + indexes[-_EDGE_LINES:])
        kept.extend(
            (number, line)
            for i, line in enumerate(lines)
            if not (i in at_edge and key(line) in running)
        )
    return kept


def _number(lines: list[tuple[int, str]]) -> list[Line]:
    return [Line(i, text, page=page) for i, (page, text) in enumerate(lines, start=1)]


def _outline(document: Any) -> list[tuple[int, str, int]]:
    """(level 1..6, title, page 1-based) of each bookmark that points at a page."""
    items: list[tuple[int, str, int]] = []
    for level, bookmark in _pdfium.bookmarks(document, max_depth=6):
        if len(items) >= _MAX_OUTLINE_ITEMS:
            break
        index = _pdfium.bookmark_page(document, bookmark)
        title = _pdfium.bookmark_title(bookmark)
        if index is not None and title:
            items.append((level + 1, title, index + 1))
    return items


def _norm(text: str) -> str:
    return " ".join(text.split()).rstrip(":").strip().casefold()


def _mark_outline_headings(lines: list[Line], outline: list[tuple[int, str, int]]) -> None:
    """Give lines that match a bookmark title the bookmark's level (its page or the next).

    Each line's text is normalised once, when a bookmark first points at its page.
    """
    if not outline:
        return
    by_page: dict[int, list[Line]] = {}
    for line in lines:
        by_page.setdefault(line.page or 0, []).append(line)
    normalised: dict[int, list[tuple[str, Line]]] = {}

    def on(page: int) -> list[tuple[str, Line]]:
        if page not in normalised:
            normalised[page] = [(_norm(line.text), line) for line in by_page.get(page, [])]
        return normalised[page]

    for level, title, page in outline:
        wanted = _norm(title)
        match = next(
            (
                line
                for text, line in on(page) + on(page + 1)
                if line.heading_level is None and text == wanted
            ),
            None,
        )
        if match is not None:
            match.heading_level = level
