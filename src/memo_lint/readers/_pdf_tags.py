"""What a PDF says about itself for publication: title, language, tags, figures, scans.

Read with PDFium (``_pdfium``: pypdfium2's bindings), which the PDF reader has already loaded,
in the same pass over the pages; every function takes PDFium's handles. Measured against
pikepdf on all 166 PDFs of ``../shared/corpus`` (``bench/pdf_tags.py``, 2026-11-30): both agree
on title (148 without one), language (9 without /Lang), tagged (150) and heading tags on every
file but one (PDFium walks the tree per page, so an element spanning two pages is seen twice:
19 heading tags instead of 17; harmless for "are there any" and "does a level skip"); PDFium
sees 149 Figure elements, 72 without a text alternative, pikepdf 152 and 75: three Almere
besluitenlijsten carry a Figure without content, which PDFium, building the tree from each
page's marked content, does not see. pikepdf reads the facts in 0.55 s CPU for all 166 files
against PDFium's 2.95 s for a separate walk, and it can read ``/ViewerPreferences
/DisplayDocTitle``, which PDFium does not expose; but it costs 120 ms CPU to import (pypdfium2:
70 ms, paid anyway for the text), a second parse of every file and three more dependencies
(Pillow, lxml, qpdf: 24 MB), while PDFium's walk runs inside the text pass. So: PDFium, and
ML803 reports an empty title whether or not DisplayDocTitle is set (a viewer shows the file
name either way).
"""

from __future__ import annotations

import ctypes
import itertools
from collections.abc import Callable
from typing import Any

import pypdfium2_raw as pdfium_c  # type: ignore[import-untyped,unused-ignore]

from memo_lint.model import Picture
from memo_lint.readers import _pdfium
from memo_lint.readers._pdfium import child, count_children, element_type

_HEADINGS = {"H": 1, **{f"H{n}": n for n in range(1, 7)}}
_MAX_ELEMENTS = 20_000  # per page: a hostile tree cannot make the walk unbounded
# Structure types compared as PDFium writes them (UTF-16LE, no terminator): equal bytes are
# equal names, and a name that is not valid UTF-16 is neither a heading nor a figure.
_HEADING_TYPES = {name.encode("utf-16-le"): level for name, level in _HEADINGS.items()}
_FIGURE = "Figure".encode("utf-16-le")
_TYPE_BUFFER = 64  # bytes: standard type names are up to 10 characters
_FORM_DEPTH = 2  # images inside a form XObject count, inside a form in a form not


def language(document: Any) -> str | None:
    """The catalog's ``/Lang``, or None."""
    return (
        _pdfium.wide(pdfium_c.FPDFCatalog_GetLanguage, document, errors="replace").strip() or None
    )


def title(document: Any) -> str | None:
    """The document information dictionary's ``/Title``, or None."""
    return _pdfium.meta_text(document, "Title").strip() or None


def is_tagged(document: Any) -> bool:
    return bool(pdfium_c.FPDFCatalog_IsTagged(document))


def page_tags(page: Any, number: int) -> tuple[list[int], list[Picture]]:
    """Heading levels (in order) and figures of one page's structure tree.

    The walk makes two or more PDFium calls per element (type, count of kids, each kid):
    through ``_pdfium``'s direct calls, the type read into one buffer without asking its
    length first (2 ms less a file on the corpus PDFs).
    """
    tree = pdfium_c.FPDF_StructTree_GetForPage(page)
    if not tree:
        return [], []
    headings: list[int] = []
    figures: list[Picture] = []
    buffer = ctypes.create_string_buffer(_TYPE_BUFFER)
    try:
        count = pdfium_c.FPDF_StructTree_CountChildren(tree)
        stack = [pdfium_c.FPDF_StructTree_GetChildAtIndex(tree, i) for i in range(count)]
        stack.reverse()
        seen = 0
        while stack and seen < _MAX_ELEMENTS:
            element = stack.pop()
            seen += 1
            if not element:
                continue
            size = element_type(element, buffer, _TYPE_BUFFER)  # a longer name is no H or Figure
            kind = buffer.raw[: size - 2] if 2 < size <= _TYPE_BUFFER else b""
            if kind in _HEADING_TYPES:
                headings.append(_HEADING_TYPES[kind])
            elif kind == _FIGURE:
                alt = _pdfium.wide(
                    pdfium_c.FPDF_StructElement_GetAltText, element, errors="replace"
                ).strip()
                figures.append(Picture(f"Figure {len(figures) + 1}", alt, page=number))
            children = count_children(element)
            if children > 0:
                stack.extend(map(child, itertools.repeat(element), range(children - 1, -1, -1)))
    finally:
        pdfium_c.FPDF_StructTree_Close(tree)
    return headings, figures


def has_image(page: Any) -> bool:
    """Whether a page draws an image (a scan), checked only for pages without text: on the
    page or in a form XObject on it, in the order and with the errors of pypdfium2's
    ``get_objects(filter=[image], max_depth=2)``."""
    return _holds_image(pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, page, 1)


def _holds_image(
    count: Callable[..., int], get: Callable[..., Any], parent: Any, depth: int
) -> bool:
    objects = count(parent)
    if objects < 0:
        raise _pdfium.PdfiumError("Failed to get number of pageobjects.")
    for index in range(objects):
        item = get(parent, index)
        if not item:
            raise _pdfium.PdfiumError("Failed to get pageobject.")
        kind = pdfium_c.FPDFPageObj_GetType(item)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            return True
        if (
            kind == pdfium_c.FPDF_PAGEOBJ_FORM
            and depth < _FORM_DEPTH
            and _holds_image(
                pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject, item, depth + 1
            )
        ):
            return True
    return False
