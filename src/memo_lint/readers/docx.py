"""Word (.docx) reader: WordprocessingML read directly, one line per paragraph.

python-docx drops exactly what memos use for their choices (content-control checkboxes,
Wingdings ``w:sym`` glyphs, paragraphs inside block-level content controls), so this reader
walks the XML itself (through :mod:`memo_lint.readers._zipxml`, which bounds decompression and
refuses DOCTYPEs). Every checkbox form becomes ☒ or ☐ in the text; list numbers Word
generates ("1." from numbering.xml) are rendered, as a reader of the memo sees them; footnote
references become their number in the text plus a marker span, and footnote texts become
lines at the end.
"""

from __future__ import annotations

import itertools
import posixpath
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, TypeVar

from memo_lint.errors import UnreadableFile
from memo_lint.model import (
    MARKED,
    UNMARKED,
    Cell,
    FileInfo,
    Footnote,
    Line,
    Picture,
    Record,
    Source,
    Span,
    field,
)
from memo_lint.readers._numbering import format_number
from memo_lint.readers._zipxml import SafeZip, parse_xml

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    from memo_lint.readers import Limits

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
DC = "{http://purl.org/dc/elements/1.1/}"
STRICT_W = "{http://purl.oclc.org/ooxml/wordprocessingml/main}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
KIND = ".docx"

# Tags compared for every element of the body, made once (``W + "p"`` in a test is a
# concatenation each time it runs).
_P, _R, _T, _TBL, _TR, _TC = (W + tag for tag in ("p", "r", "t", "tbl", "tr", "tc"))
_SDT, _SDT_CONTENT, _CUSTOM_XML = W + "sdt", W + "sdtContent", W + "customXml"
_PPR, _RPR, _PSTYLE, _NUM_PR, _OUTLINE = (
    W + tag for tag in ("pPr", "rPr", "pStyle", "numPr", "outlineLvl")
)
_VAL, _B, _VANISH, _RFONTS = W + "val", W + "b", W + "vanish", W + "rFonts"
_TAB, _BREAKS, _NO_BREAK_HYPHEN, _SYM = (
    W + "tab",
    (W + "br", W + "cr"),
    W + "noBreakHyphen",
    W + "sym",
)
_FLD_CHAR, _FOOTNOTE_REFERENCE = W + "fldChar", W + "footnoteReference"
_DOC_PR = WP + "docPr"

# Symbol-font code points (low byte; Word stores them as U+F0xx or as the bare byte).
_WINGDINGS = {0xFE: MARKED, 0xFD: MARKED, 0x78: MARKED, 0xA8: UNMARKED, 0x6F: UNMARKED}
_WINGDINGS.update({0x71: UNMARKED, 0x72: UNMARKED})
_WINGDINGS_2 = {0x52: MARKED, 0x53: MARKED, 0x54: MARKED, 0xA3: UNMARKED, 0x2A: UNMARKED}
_UNICODE_BOXES = str.maketrans({"☑": MARKED, "⊠": MARKED})

_HEADING_NAME = re.compile(r"(?:heading|kop)\s*([1-6])")
_TITLE_NAMES = frozenset({"title", "titel"})


def read(path: str, data: bytes, limits: Limits) -> Source:
    """Read a .docx into lines, table rows and footnotes."""
    package = SafeZip(data, limits, KIND)
    try:
        source = _DocxReader(package).run(path)
    except (ValueError, RecursionError) as exc:  # bad numbers in attributes, absurd nesting
        raise UnreadableFile("docx.bad-values", exc=exc) from exc
    limits.check_chars(sum(len(line.text) for line in source.lines), ".docx")
    return source


def _on(elem: Element | None) -> bool:
    """OOXML on/off property: present without ``w:val`` means on."""
    if elem is None:
        return False
    val = elem.get(W + "val", elem.get(W14 + "val", "1"))
    return val.lower() not in {"0", "false", "off", "none"}


def _is_symbol_font(font: str | None) -> bool:
    if font is None:
        return False
    name = font.casefold()
    return "wingdings" in name or name in {"symbol", "webdings"}


def _symbol_glyph(font: str | None, code: int) -> str | None:
    """The checkbox a symbol-font character shows, if it is one."""
    if not _is_symbol_font(font):
        return None
    name = font.casefold() if font else ""
    if "wingdings 2" in name:
        return _WINGDINGS_2.get(code & 0xFF)
    return _WINGDINGS.get(code & 0xFF)


class _Style(Record):
    name: str
    based_on: str | None
    outline_level: int | None
    num: tuple[str, int] | None  # (numId, ilvl) of style-linked numbering
    bold: bool = False


class _Inherited:
    """What paragraphs of one style take from its chain."""

    __slots__ = ("bold", "level", "num")

    def __init__(self, level: int | None, num: tuple[str, int] | None, bold: bool) -> None:
        self.level = level  # heading level
        self.num = num  # (numId, ilvl) of style-linked numbering
        self.bold = bold


def _chain_heading_level(chain: list[tuple[str, _Style | None]]) -> int | None:
    """A style's heading level: a title or heading style by name, else an outline level."""
    for sid, style in chain:
        name = (style.name if style else sid).casefold().strip()
        if name in _TITLE_NAMES:
            return 1
        match = _HEADING_NAME.fullmatch(name)
        if match:
            return int(match.group(1))
        if style and style.outline_level is not None:
            return style.outline_level
    return None


class _Level(Record):
    """One numbering level; made for every level of every list of every memo, so its
    ``__init__`` is written out."""

    _fields = ("start", "fmt", "text", "suffix")
    __slots__ = _fields

    def __init__(self, start: int, fmt: str, text: str, suffix: str) -> None:
        self.start = start
        self.fmt = fmt
        self.text = text
        self.suffix = suffix


class _Numbering(Record):
    """numbering.xml: level definitions per numId and the running counters."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counts = self.counters.setdefault(num_id, [0] * 9)
        level = levels[ilvl]
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else level.start
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        if level.fmt == "bullet":
            return "• "
        if level.fmt == "none":
            return ""

        def number(match: re.Match[str]) -> str:
            lvl = int(match.group(1)) - 1
            known = levels.get(lvl)
            value = counts[lvl] or (known.start if known else 1)
            return format_number(value, known.fmt if known else "decimal")

        text = re.sub(r"%([1-9])", number, level.text)
        return text + level.suffix if text else ""


class _Paragraph:
    """Text of one paragraph being assembled, with its line number for marker spans."""

    __slots__ = ("all_bold", "bold", "number", "parts")

    def __init__(self, number: int, bold: bool = False) -> None:
        self.number = number
        self.parts: list[str] = []
        self.bold = bold  # the paragraph style's weight, which runs inherit
        self.all_bold: bool | None = None  # None until a run with text is seen


_MEMO_MAX = 32
K = TypeVar("K")
M = TypeVar("M")


def _bounded(memo: dict[K, M]) -> dict[K, M]:
    """``memo``, emptied first when full: a run over memos of many templates keeps a few."""
    if len(memo) >= _MEMO_MAX:
        memo.clear()
    return memo


# Memos of one template share their styles part (python-docx's is 350 KB): parse it once.
_STYLE_MAPS: dict[bytes, tuple[dict[str, _Style], str | None]] = {}


def _styles(package: SafeZip, part: str) -> tuple[dict[str, _Style], str | None]:
    """Paragraph styles by id and the document's default language, memoised by content."""
    return package.read_memoised(
        part, lambda data: _parse_styles(data, part), _bounded(_STYLE_MAPS)
    )


def _parse_styles(data: bytes, part: str) -> tuple[dict[str, _Style], str | None]:
    """The default language is the Normal style's ``w:lang``, else the document defaults'."""
    root = parse_xml(data, part, KIND)
    styles: dict[str, _Style] = {}
    language = _lang(root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr"))
    for style in root.iter(W + "style"):
        style_id = style.get(W + "styleId")
        if style_id is None or style.get(W + "type", "paragraph") != "paragraph":
            continue
        name = style.find(W + "name")
        based_on = style.find(W + "basedOn")
        ppr = style.find(W + "pPr")
        rpr = style.find(W + "rPr")
        styles[style_id] = _Style(
            name=(name.get(W + "val", "") if name is not None else style_id),
            based_on=based_on.get(W + "val") if based_on is not None else None,
            outline_level=_outline_level(ppr),
            num=_num_pr(ppr),
            bold=rpr is not None and _on(rpr.find(W + "b")),
        )
        if style.get(W + "default") in ("1", "true"):
            language = _lang(rpr) or language
    return styles, language


# Memos of one template share their numbering part, which lists every list style of the
# template (the seed's: 5.5 KB, its tree and level definitions ~20 % of the Word reader).
_NUMBERINGS: dict[bytes, dict[str, dict[int, _Level]]] = {}


def _numbering(package: SafeZip, part: str) -> dict[str, dict[int, _Level]]:
    """The level definitions per numId (read only from then on), memoised by content."""
    return package.read_memoised(
        part, lambda data: _parse_numbering(data, part), _bounded(_NUMBERINGS)
    )


def _parse_numbering(data: bytes, part: str) -> dict[str, dict[int, _Level]]:
    root = parse_xml(data, part, KIND)
    abstract: dict[str, dict[int, _Level]] = {}
    for node in root.iter(W + "abstractNum"):
        levels: dict[int, _Level] = {}
        for lvl in node.iter(W + "lvl"):
            levels[int(lvl.get(W + "ilvl", "0"))] = _level(lvl)
        abstract[node.get(W + "abstractNumId", "")] = levels
    numbering: dict[str, dict[int, _Level]] = {}
    for num in root.iter(W + "num"):
        ref = num.find(W + "abstractNumId")
        levels = dict(abstract.get(ref.get(W + "val", "") if ref is not None else "", {}))
        for override in num.iter(W + "lvlOverride"):
            ilvl = int(override.get(W + "ilvl", "0"))
            redefined = override.find(W + "lvl")
            start = override.find(W + "startOverride")
            if redefined is not None:
                levels[ilvl] = _level(redefined)
            if start is not None and ilvl in levels:
                levels[ilvl] = levels[ilvl].replace(start=int(start.get(W + "val", "1")))
        numbering[num.get(W + "numId", "")] = levels
    return numbering


# Memos of one template share their relationship parts too (which part holds the styles,
# the numbering, the footnotes): each was ~6 % of the reader. Targets resolve against the
# part's folder, so each folder has its own memo.
_RELATIONSHIPS: dict[str, dict[bytes, dict[str, str]]] = {}


def _parse_relationships(data: bytes, rels_name: str, folder: str) -> dict[str, str]:
    """Relationship type suffix → part name (read only from then on)."""
    found: dict[str, str] = {}
    for rel in parse_xml(data, rels_name, KIND).iter(PKG_REL + "Relationship"):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            continue
        name = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        found.setdefault(rel.get("Type", "").rsplit("/", 1)[-1], posixpath.normpath(name))
    return found


def _lang(rpr: Element | None) -> str | None:
    node = rpr.find(W + "lang") if rpr is not None else None
    return node.get(W + "val") if node is not None else None


class _DocxReader:
    def __init__(self, package: SafeZip) -> None:
        self.package = package
        self.lines: list[Line] = []
        self.table_rows: list[list[Cell]] = []
        self.markers: list[tuple[str, Span]] = []
        self.footnote_labels: dict[str, str] = {}
        self.styles: dict[str, _Style] = {}
        self.numbering = _Numbering()
        self.info = FileInfo()
        self.in_table = 0
        self.bold_lines: set[int] = set()  # paragraphs outside tables whose text is all bold
        self.has_pictures = False  # any in the body (_has_pictures)
        self._chains: dict[str | None, _Inherited] = {}
        self._rels: dict[str, dict[str, str]] = {}

    # -- package ----------------------------------------------------------------------

    def _xml(self, name: str) -> Element:
        return parse_xml(self.package.read(name), name, KIND)

    def _relationships(self, part: str) -> dict[str, str]:
        """Relationship type suffix (``styles``, ``footnotes``…) → part name (read once)."""
        if part not in self._rels:
            self._rels[part] = self._read_relationships(part)
        return self._rels[part]

    def _read_relationships(self, part: str) -> dict[str, str]:
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if rels_name not in self.package:
            return {}
        memo = _bounded(_bounded(_RELATIONSHIPS).setdefault(folder, {}))
        return self.package.read_memoised(
            rels_name, lambda data: _parse_relationships(data, rels_name, folder), memo
        )

    def run(self, path: str) -> Source:
        main = self._relationships("").get("officeDocument", "word/document.xml")
        if main not in self.package:
            raise UnreadableFile("docx.no-document")
        parts = self._relationships(main)
        root = self._xml(main)
        if root.tag.startswith(STRICT_W):
            raise UnreadableFile("docx.strict")
        body = root.find(W + "body")
        if body is None:
            raise UnreadableFile("docx.no-body", main=main)
        if "styles" in parts and parts["styles"] in self.package:
            self.styles, self.info.language = _styles(self.package, parts["styles"])
        if "numbering" in parts and parts["numbering"] in self.package:
            self.numbering.levels = _numbering(self.package, parts["numbering"])
        self.has_pictures = _has_pictures(body)
        self._blocks(body)
        footnotes: list[Footnote] = []
        if self.footnote_labels and "footnotes" in parts and parts["footnotes"] in self.package:
            footnotes = self._footnotes(self._xml(parts["footnotes"]))
        self._core_properties()
        self.info.visual_headings = _visual_headings(self.lines, self.bold_lines)
        return Source(
            path=path,
            lines=self.lines,
            footnotes=footnotes,
            footnote_markers=self.markers,
            table_rows=self.table_rows,
            format="docx",
            file_info=self.info,
        )

    def _core_properties(self) -> None:
        """Title and language from docProps/core.xml (File > Properties in Word)."""
        part = self._relationships("").get("core-properties")
        if part is None or part not in self.package:
            return
        root = self._xml(part)
        title = root.find(DC + "title")
        self.info.title = (title.text or "").strip() or None if title is not None else None
        language = root.find(DC + "language")
        if language is not None and (language.text or "").strip():
            self.info.language = (language.text or "").strip()

    # -- styles and numbering ---------------------------------------------------------

    def _style_chain(self, style_id: str | None) -> Iterator[tuple[str, _Style | None]]:
        seen: set[str] = set()
        while style_id is not None and style_id not in seen and len(seen) < 20:
            seen.add(style_id)
            style = self.styles.get(style_id)
            yield style_id, style
            style_id = style.based_on if style else None

    def _inherited(self, style_id: str | None) -> _Inherited:
        """What a paragraph of style ``style_id`` takes from the style chain, worked out once
        per style: a memo's hundreds of paragraphs use a handful of styles."""
        found = self._chains.get(style_id)
        if found is None:
            chain = list(self._style_chain(style_id))
            found = self._chains[style_id] = _Inherited(
                level=_chain_heading_level(chain),
                num=next((s.num for _, s in chain if s and s.num), None),
                bold=any(s and s.bold for _, s in chain),
            )
        return found

    # -- body -------------------------------------------------------------------------

    def _blocks(self, container: Element) -> None:
        for child in container:
            tag = child.tag
            if tag == _P:
                self._paragraph(child)
            elif tag == _TBL:
                self._table(child)
            elif tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    self._blocks(content)
            elif tag == _CUSTOM_XML:
                self._blocks(child)

    def _table(self, table: Element) -> None:
        self.in_table += 1
        try:
            self._rows(table)
        finally:
            self.in_table -= 1

    def _rows(self, table: Element) -> None:
        for tr in _unwrap(table, _TR):
            row: list[Cell] = []
            self.table_rows.append(row)
            for tc in _unwrap(tr, _TC):
                first = len(self.lines)
                self._blocks(tc)
                cell_lines = self.lines[first:]
                if cell_lines:
                    line = next((ln for ln in cell_lines if ln.text.strip()), cell_lines[0])
                    row.append(Cell(line.number, 0, len(line.text)))
            if not row:
                self.table_rows.remove(row)

    def _paragraph(self, p: Element) -> None:
        ppr = p.find(_PPR)
        if ppr is None:  # most paragraphs: all from the default style
            inherited = self._inherited(None)
            num = inherited.num
        else:
            inherited = self._inherited(_pstyle(ppr))
            num = _num_pr(ppr) or inherited.num
        para = _Paragraph(len(self.lines) + 1, inherited.bold)
        if num is not None and num[0] != "0":
            label = self.numbering.label(*num)
            if label:
                para.parts.append(label)
        self._inline(p, para)
        text = "".join(para.parts)
        level = None
        if text.strip():
            level = _outline_level(ppr) if ppr is not None else None
            if level is None:
                level = inherited.level
        self.lines.append(Line(para.number, text, heading_level=level))
        if para.all_bold and not self.in_table and level is None:
            self.bold_lines.add(para.number)
        if self.has_pictures:
            for picture in p.iter(_DOC_PR):
                if not _decorative(picture):
                    name = picture.get("name", "") or f"Afbeelding {len(self.info.pictures) + 1}"
                    alt = (picture.get("descr", "") or picture.get("title", "")).strip()
                    self.info.pictures.append(Picture(name, alt, line=para.number))

    def _inline(self, container: Element, para: _Paragraph) -> None:
        for child in container:
            tag = child.tag
            if tag == _R:
                self._run(child, para)
            elif tag == _SDT:
                box = child.find(f"{W}sdtPr/{W14}checkbox")
                content = child.find(_SDT_CONTENT)
                if box is not None:
                    para.parts.append(MARKED if _on(box.find(W14 + "checked")) else UNMARKED)
                elif content is not None:
                    self._inline(content, para)
            elif tag in _INLINE_CONTAINERS:
                self._inline(child, para)

    def _run(self, run: Element, para: _Paragraph) -> None:
        rpr = run.find(_RPR)
        if rpr is None:  # most runs
            font = None
            bold = para.bold
        else:
            if _on(rpr.find(_VANISH)):
                return
            font = _run_font(rpr)
            weight = rpr.find(_B)
            bold = para.bold if weight is None else _on(weight)
        parts = para.parts
        before = len(parts)
        for child in run:
            tag = child.tag
            if tag == _T:
                text = child.text
                if text:
                    # most runs: no font of their own, nothing to map (no call made)
                    mapped = font is not None or _MAPPED.search(text)
                    parts.append(_map_text(text, font) if mapped else text)
            elif tag == _TAB:
                parts.append("\t")
            elif tag in _BREAKS:
                if child.get(W + "type") not in {"page", "column"}:
                    parts.append(" ")
            elif tag == _NO_BREAK_HYPHEN:
                parts.append("-")
            elif tag == _SYM:
                code = int(child.get(W + "char", "0"), 16)
                sym_font = child.get(W + "font")
                parts.append(_symbol_glyph(sym_font, code) or chr(code))
            elif tag == _FLD_CHAR:
                box = child.find(f"{W}ffData/{W}checkBox")
                if box is not None:
                    parts.append(MARKED if _form_checked(box) else UNMARKED)
            elif tag == _FOOTNOTE_REFERENCE:
                note_id = child.get(W + "id", "")
                label = self.footnote_labels.setdefault(note_id, str(len(self.footnote_labels) + 1))
                start = sum(map(len, parts))
                parts.append(label)
                self.markers.append(
                    (label, Span(para.number, start + 1, para.number, start + len(label) + 1))
                )
        if len(parts) > before and "".join(parts[before:]).strip():
            para.all_bold = para.all_bold is not False and bold

    # -- footnotes --------------------------------------------------------------------

    def _footnotes(self, root: Element) -> list[Footnote]:
        texts: dict[str, str] = {}
        for note in root.iter(W + "footnote"):
            note_id = note.get(W + "id", "")
            if note_id not in self.footnote_labels:
                continue
            paragraphs = []
            for p in note.iter(_P):
                para = _Paragraph(0)
                self._inline(p, para)
                paragraphs.append("".join(para.parts).strip())
            texts[note_id] = " ".join(t for t in paragraphs if t)
        footnotes = []
        for note_id, label in self.footnote_labels.items():
            if note_id not in texts:
                continue  # a reference without text: ML702 reports the bare marker
            line = Line(len(self.lines) + 1, f"{label} {texts[note_id]}", is_footnote_text=True)
            self.lines.append(line)
            footnotes.append(Footnote.on_line(label, texts[note_id], line))
        return footnotes


_INLINE_CONTAINERS = frozenset(
    W + tag
    for tag in ("hyperlink", "ins", "smartTag", "customXml", "moveTo", "fldSimple", "dir", "bdo")
)


def _unwrap(container: Element, tag: str) -> Iterator[Element]:
    """Children with ``tag``, looking through content controls and custom XML wrappers."""
    for child in container:
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _unwrap(content, tag)
        elif child.tag == _CUSTOM_XML:
            yield from _unwrap(child, tag)


def _pstyle(ppr: Element | None) -> str | None:
    node = ppr.find(_PSTYLE) if ppr is not None else None
    return node.get(_VAL) if node is not None else None


def _outline_level(ppr: Element | None) -> int | None:
    node = ppr.find(_OUTLINE) if ppr is not None else None
    if node is None:
        return None
    value = int(node.get(_VAL, "9"))
    return value + 1 if 0 <= value <= 5 else None


def _num_pr(ppr: Element | None) -> tuple[str, int] | None:
    node = ppr.find(_NUM_PR) if ppr is not None else None
    if node is None:
        return None
    num_id = node.find(W + "numId")
    ilvl = node.find(W + "ilvl")
    if num_id is None:
        return None
    return num_id.get(W + "val", "0"), int(ilvl.get(W + "val", "0")) if ilvl is not None else 0


def _level(lvl: Element) -> _Level:
    def val(tag: str, default: str) -> str:
        node = lvl.find(W + tag)
        return node.get(W + "val", default) if node is not None else default

    suffix = {"tab": " ", "space": " ", "nothing": ""}.get(val("suff", "tab"), " ")
    return _Level(int(val("start", "1")), val("numFmt", "decimal"), val("lvlText", ""), suffix)


def _run_font(rpr: Element | None) -> str | None:
    fonts = rpr.find(_RFONTS) if rpr is not None else None
    if fonts is None:
        return None
    return fonts.get(W + "ascii") or fonts.get(W + "hAnsi") or fonts.get(W + "cs")


_PRIVATE_USE = re.compile("[\uf000-\uf0ff]")
_MAPPED = re.compile("[\uf000-\uf0ff☑⊠]")  # what _map_text changes outside a symbol font


def _map_text(text: str, font: str | None) -> str:
    """Turn symbol-font checkbox characters (U+F0xx, or bare bytes in a symbol font) into ☒/☐."""
    symbol_font = _is_symbol_font(font)
    if not symbol_font and not _MAPPED.search(text):
        return text  # most runs: str.translate would cost more than the search
    if symbol_font or _PRIVATE_USE.search(text):
        chars = []
        for ch in text:
            code = ord(ch)
            glyph = None
            if 0xF000 <= code <= 0xF0FF:
                glyph = _symbol_glyph(font or "Wingdings", code)
            elif code <= 0xFF:
                glyph = _symbol_glyph(font, code)
            chars.append(glyph or ch)
        text = "".join(chars)
    return text.translate(_UNICODE_BOXES)


def _form_checked(box: Element) -> bool:
    """Legacy form-field checkbox: ``w:checked`` (current state) wins over ``w:default``."""
    checked = box.find(W + "checked")
    if checked is not None:
        return _on(checked)
    return _on(box.find(W + "default")) if box.find(W + "default") is not None else False


_HEADING_LIKE_MAX_CHARS = 80
_HEADING_LIKE_MAX_WORDS = 10


def _visual_headings(lines: list[Line], bold: set[int]) -> list[int]:
    """Bold paragraphs that act as headings: short, no closing punctuation, followed by text.

    A run of bold lines is a title block or emphasis, not a heading; so is a bold paragraph
    inside a table (field labels).
    """
    if not bold:
        return []  # most memos: no paragraph is bold throughout
    found = []
    texts = [(line.number, line.text.strip()) for line in lines if line.text.strip()]
    for (number, text), (next_number, _) in itertools.pairwise(texts):
        if (
            number in bold
            and next_number not in bold
            and lines[next_number - 1].heading_level is None
            and len(text) <= _HEADING_LIKE_MAX_CHARS
            and len(text.split()) <= _HEADING_LIKE_MAX_WORDS
            and not text.endswith((".", ",", ";", "!", "?"))
            and text[:1] not in "☒☐•"
        ):
            found.append(number)
    return found


def _has_pictures(body: Element) -> bool:
    """Whether any paragraph can hold a picture: one search of the body in C instead of a
    search of every paragraph (most memos have none)."""
    return next(body.iter(_DOC_PR), None) is not None


def _decorative(doc_pr: Element) -> bool:
    """Word's "Mark as decorative" (``adec:decorative val=1``): no alternative needed."""
    return any(
        node.tag.endswith("}decorative") and node.get("val") in ("1", "true")
        for node in doc_pr.iter()
    )
