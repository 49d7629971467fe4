"""OpenDocument text (.odt, LibreOffice), read from content.xml like the Word reader.

One line per paragraph or heading (``text:h`` carries its outline level), table cells
included in document order; table rows become cells for fields; footnotes (``text:note``)
become footnote texts with their citation inserted where the note is referenced. Automatic
list numbers are drawn from the list styles ("1.", "a)"), as in the Word reader, so
numbered decision points stay numbered. The zip
and XML go through the same guards as .docx (:mod:`memo_lint.readers._zipxml`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element

from memo_lint.errors import UnreadableFile
from memo_lint.model import (
    Cell,
    FileInfo,
    Footnote,
    FrozenRecord,
    Line,
    Picture,
    Record,
    Source,
    Span,
    field,
)
from memo_lint.readers._numbering import ODF_FORMATS, format_number
from memo_lint.readers._zipxml import SafeZip, parse_xml

if TYPE_CHECKING:
    from memo_lint.readers import Limits

KIND = ".odt"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"
MAX_LIST_DEPTH = 10  # ODF list styles define levels 1-10


def _int(value: str | None, default: int) -> int:
    """A number attribute; a hostile or missing one is the default, never an exception."""
    return int(value) if value and value.isdigit() and len(value) < 7 else default


class _ListLevel(FrozenRecord):
    fmt: str  # Word's name (decimal, lowerLetter, …); "bullet" or "none" draw no number
    prefix: str
    suffix: str
    start: int
    display_levels: int  # "1.2." shows two levels


class _Lists(Record):
    """List styles by name, and the running counters per list style (levels 1-10)."""

    styles: dict[str, dict[int, _ListLevel]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)

    def load(self, root: Element) -> None:
        for style in root.iter(TEXT + "list-style"):
            levels: dict[int, _ListLevel] = {}
            for level in style:
                number = _int(level.get(TEXT + "level"), 1)
                if level.tag == TEXT + "list-level-style-number":
                    fmt = ODF_FORMATS.get(level.get(STYLE + "num-format", ""), "none")
                else:
                    fmt = "bullet"
                levels[number] = _ListLevel(
                    fmt,
                    level.get(STYLE + "num-prefix", ""),
                    level.get(STYLE + "num-suffix", ""),
                    _int(level.get(TEXT + "start-value"), 1),
                    _int(level.get(TEXT + "display-levels"), 1),
                )
            self.styles[style.get(STYLE + "name", "")] = levels

    def restart(self, style: str) -> None:
        self.counters.pop(style, None)

    def label(self, style: str, depth: int, start_value: str | None) -> str:
        levels = self.styles.get(style, {})
        level = levels.get(depth) if depth <= MAX_LIST_DEPTH else None
        if level is None or level.fmt in ("bullet", "none"):
            return ""
        counts = self.counters.setdefault(style, [0] * (MAX_LIST_DEPTH + 1))
        if start_value:
            counts[depth] = _int(start_value, 1)
        else:
            counts[depth] = counts[depth] + 1 if counts[depth] else level.start
        for deeper in range(depth + 1, MAX_LIST_DEPTH + 1):
            counts[deeper] = 0
        shown = range(max(1, depth - level.display_levels + 1), depth + 1)
        numbers = [
            format_number(counts[d] or 1, levels[d].fmt if d in levels else "decimal")
            for d in shown
        ]
        return f"{level.prefix}{'.'.join(numbers)}{level.suffix} "


class _OdtReader:
    def __init__(self, lists: _Lists) -> None:
        self.lines: list[Line] = []
        self.rows: list[list[Cell]] = []
        self.markers: list[tuple[str, Span]] = []
        self.notes: list[tuple[str, str]] = []
        self.lists = lists
        self.pending_label = ""  # the number of the list item whose first paragraph is next
        self.info = FileInfo()

    def blocks(self, container: Element, list_style: str = "", depth: int = 0) -> None:
        for child in container:
            if child.tag in (TEXT + "p", TEXT + "h"):
                self.paragraph(child)
            elif child.tag == TABLE + "table":
                self.table(child)
            elif child.tag == TEXT + "list":
                self.numbered_list(child, list_style, depth + 1)
            elif child.tag in (
                TEXT + "section",
                TABLE + "table-header-rows",
                TABLE + "table-rows",
            ):
                self.blocks(child)

    def numbered_list(self, element: Element, inherited: str, depth: int) -> None:
        style = element.get(TEXT + "style-name") or inherited
        continues = element.get(TEXT + "continue-numbering") == "true" or element.get(
            TEXT + "continue-list"
        )
        if depth == 1 and not continues:
            self.lists.restart(style)
        for item in element:
            if item.tag == TEXT + "list-item":
                start = item.get(TEXT + "start-value")
                self.pending_label = self.lists.label(style, depth, start)
            elif item.tag != TEXT + "list-header":
                continue
            self.blocks(item, style, depth)
            self.pending_label = ""

    def table(self, table: Element) -> None:
        for row in table.iter(TABLE + "table-row"):
            cells = []
            for cell in row.findall(TABLE + "table-cell"):
                first = len(self.lines) + 1
                self.blocks(cell)
                if len(self.lines) >= first:
                    cells.append(Cell(first, 0, len(self.lines[first - 1].text)))
            if cells:
                self.rows.append(cells)

    def paragraph(self, element: Element) -> None:
        number = len(self.lines) + 1
        parts: list[str] = [self.pending_label]
        self.pending_label = ""
        self.inline(element, parts, number)
        level = element.get(TEXT + "outline-level") if element.tag == TEXT + "h" else None
        heading = min(int(level), 6) if level and level.isdigit() else (1 if level else None)
        self.lines.append(Line(number, "".join(parts), heading_level=heading))

    def inline(self, element: Element, parts: list[str], number: int) -> None:
        parts.append(element.text or "")
        for child in element:
            if child.tag == TEXT + "s":
                parts.append(" " * int(child.get(TEXT + "c", "1") or 1))
            elif child.tag in (TEXT + "tab", TEXT + "line-break"):
                parts.append(" ")
            elif child.tag == TEXT + "note":
                self.note(child, parts, number)
            elif child.tag == DRAW + "frame":
                self.frame(child, number)
            else:
                self.inline(child, parts, number)
            parts.append(child.tail or "")

    def frame(self, frame: Element, number: int) -> None:
        """A picture (or other frame) and its text alternative (svg:desc, else svg:title)."""
        if frame.find(DRAW + "image") is None:
            return
        alt = " ".join(
            (node.text or "").strip()
            for node in (frame.find(SVG + "desc"), frame.find(SVG + "title"))
            if node is not None
        ).strip()
        name = frame.get(DRAW + "name", "") or f"Afbeelding {len(self.info.pictures) + 1}"
        self.info.pictures.append(Picture(name, alt, line=number))

    def note(self, note: Element, parts: list[str], number: int) -> None:
        citation = note.find(TEXT + "note-citation")
        label = (citation.text or "").strip() if citation is not None else str(len(self.notes) + 1)
        start = len("".join(parts))
        parts.append(label)
        self.markers.append((label, Span(number, start + 1, number, start + len(label) + 1)))
        body = note.find(TEXT + "note-body")
        texts = ["".join(p.itertext()) for p in body.iter(TEXT + "p")] if body is not None else []
        self.notes.append((label, " ".join(t.strip() for t in texts if t.strip())))

    def source(self, path: str) -> Source:
        footnotes = []
        for label, text in self.notes:
            number = len(self.lines) + 1
            self.lines.append(Line(number, f"{label} {text}", is_footnote_text=True))
            footnotes.append(Footnote.on_line(label, text, self.lines[-1]))
        return Source(
            path=path,
            lines=self.lines,
            footnotes=footnotes,
            footnote_markers=self.markers,
            table_rows=self.rows,
            format="odt",
            file_info=self.info,
        )


def read(path: str, data: bytes, limits: Limits) -> Source:
    package = SafeZip(data, limits, KIND)
    if "content.xml" not in package:
        raise UnreadableFile("odt.no-content")
    root = parse_xml(package.read("content.xml"), "content.xml", KIND)
    body = root.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        raise UnreadableFile("odt.no-body")
    lists = _Lists()
    styles = (
        parse_xml(package.read("styles.xml"), "styles.xml", KIND)
        if "styles.xml" in package
        else None
    )
    if styles is not None:
        lists.load(styles)
    lists.load(root)  # content.xml's automatic styles
    reader = _OdtReader(lists)
    reader.info.title, reader.info.language = _metadata(package, styles)
    try:
        reader.blocks(body)
    except (ValueError, RecursionError) as error:
        raise UnreadableFile("odt.corrupt", error=error) from error
    limits.check_chars(sum(len(line.text) for line in reader.lines), ".odt")
    return reader.source(path)


def _metadata(package: SafeZip, styles: Element | None) -> tuple[str | None, str | None]:
    """Title (meta.xml) and language (meta.xml, else the default paragraph style's)."""
    title = language = None
    if "meta.xml" in package:
        meta = parse_xml(package.read("meta.xml"), "meta.xml", KIND)
        title = next((t.text.strip() for t in meta.iter(DC + "title") if t.text), None) or None
        language = next((t.text.strip() for t in meta.iter(DC + "language") if t.text), None)
    if not language and styles is not None:
        for default in styles.iter(STYLE + "default-style"):
            props = default.find(STYLE + "text-properties")
            if default.get(STYLE + "family") == "paragraph" and props is not None:
                lang, country = props.get(FO + "language"), props.get(FO + "country")
                if lang and lang != "none":
                    language = f"{lang}-{country}" if country and country != "none" else lang
    return title, language or None
