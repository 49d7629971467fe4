"""PDFium through ``pypdfium2_raw`` alone: pypdfium2's ctypes bindings, without its helpers.

pypdfium2's object layer (``PdfDocument``, ``PdfPage``…) costs a PDF run more than it gives
the reader, which needs a dozen calls: importing it (``logging``, ``tempfile``, ``subprocess``
and the helper classes) is ~50 M instructions on top of the bindings; it registers exit
handlers (its library teardown and ``weakref.finalize``), so a PDF run could not end with
``os._exit`` (``memo_lint.__main__``: another ~30 M, 12 % of a one-PDF run together); and each
page and text page carried finalizers and parent/kid bookkeeping. So the PDF reader calls the
bindings directly, and this module initialises the library once, as pypdfium2 does (config
version 2, no font paths, no V8), which PDFium ignores if pypdfium2 is loaded in the same
process too. Where the reader reports PDFium's failure to a user, the wording is pypdfium2's,
so reports are unchanged.

The hot loops (character boxes, the structure-tree walk) call copies of the functions made
without ``argtypes``: the bindings declare them, so ctypes converts and checks every argument
of every call, ~1.0 µs for ``FPDFText_GetCharBox``, against ~0.26 µs without (100,000 calls,
this machine). Those copies accept only what needs no conversion: handles PDFium gave out,
ints that fit a C int, and ``ctypes.byref`` of a ctypes value.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterator
from typing import Any

import pypdfium2_raw as pdfium_c  # type: ignore[import-untyped,unused-ignore]

pdfium_c.FPDF_InitLibraryWithConfig(
    pdfium_c.FPDF_LIBRARY_CONFIG(
        version=2, m_pUserFontPaths=None, m_pIsolate=None, m_v8EmbedderSlot=0
    )
)

# PDFium's load errors as pypdfium2 names them.
_ERRORS = {
    pdfium_c.FPDF_ERR_SUCCESS: "Success",
    pdfium_c.FPDF_ERR_UNKNOWN: "Unknown error",
    pdfium_c.FPDF_ERR_FILE: "File access error",
    pdfium_c.FPDF_ERR_FORMAT: "Data format error",
    pdfium_c.FPDF_ERR_PASSWORD: "Incorrect password error",
    pdfium_c.FPDF_ERR_SECURITY: "Unsupported security scheme error",
    pdfium_c.FPDF_ERR_PAGE: "Page not found or content error",
}
ENCRYPTED = frozenset((pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY))


class PdfiumError(Exception):
    """A PDFium call failed; ``err_code`` is PDFium's load error, where it gives one."""

    def __init__(self, message: str, err_code: int | None = None) -> None:
        super().__init__(message)
        self.err_code = err_code


def _direct(function: Any, restype: Any = ctypes.c_int) -> Callable[..., Any]:
    """``function`` without argument conversion, returning ``restype`` (for a handle: the
    pointer type the bindings use, falsy when PDFium returns none)."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    assert address, "pypdfium2_raw binds every function it declares"
    call: Callable[..., Any] = ctypes.CFUNCTYPE(restype)(address)
    return call


# (textpage, index, &left, &right, &bottom, &top) -> ok
char_box = _direct(pdfium_c.FPDFText_GetCharBox)
# (element) -> count of kids, marked content included
count_children = _direct(pdfium_c.FPDF_StructElement_CountChildren)
# (element, index) -> element, or a null pointer for marked content
child = _direct(pdfium_c.FPDF_StructElement_GetChildAtIndex, pdfium_c.FPDF_STRUCTELEMENT)
# (element, buffer, buffer length) -> length of the UTF-16LE type name with its 0 terminator
element_type = _direct(pdfium_c.FPDF_StructElement_GetType, ctypes.c_ulong)


def open_document(data: bytes) -> Any:
    """A document handle for ``data`` (which must outlive it), or :class:`PdfiumError`."""
    document = pdfium_c.FPDF_LoadMemDocument64(data, len(data), None)
    if pdfium_c.FPDF_GetPageCount(document) < 1:
        code = pdfium_c.FPDF_GetLastError()
        if document:
            pdfium_c.FPDF_CloseDocument(document)
        name = _ERRORS.get(code, f"Unhandled constant {code}")
        raise PdfiumError(f"Failed to load document (PDFium: {name}).", err_code=code)
    return document


def close_document(document: Any) -> None:
    """Close a document whose pages are closed."""
    pdfium_c.FPDF_CloseDocument(document)


def page_count(document: Any) -> int:
    return int(pdfium_c.FPDF_GetPageCount(document))


def load_page(document: Any, index: int) -> Any:
    page = pdfium_c.FPDF_LoadPage(document, index)
    if not page:
        raise PdfiumError("Failed to load page.")
    return page


def close_page(page: Any) -> None:
    """Close a page whose text page is closed."""
    pdfium_c.FPDF_ClosePage(page)


def load_textpage(page: Any) -> Any:
    textpage = pdfium_c.FPDFText_LoadPage(page)
    if not textpage:
        raise PdfiumError("Failed to load text page.")
    return textpage


def close_textpage(textpage: Any) -> None:
    pdfium_c.FPDFText_ClosePage(textpage)


def count_chars(textpage: Any) -> int:
    count = int(pdfium_c.FPDFText_CountChars(textpage))
    if count == -1:
        raise PdfiumError("Failed to get character count.")
    return count


def page_text(textpage: Any) -> str:
    """All text of a text page in one ``FPDFText_GetText`` call.

    As pypdfium2's ``get_text_range()``: characters PDFium leaves out of the text at either
    end are left out of the range asked for (crbug.com/pdfium/2079: otherwise PDFium reads
    past it), and what is not valid UTF-16 is dropped.
    """
    first, last = 0, count_chars(textpage) - 1
    while first <= last:
        text_first = pdfium_c.FPDFText_GetTextIndexFromCharIndex(textpage, first)
        if text_first == -1:
            first += 1
            continue
        text_last = pdfium_c.FPDFText_GetTextIndexFromCharIndex(textpage, last)
        if text_last != -1:
            break
        last -= 1
    else:
        return ""
    size = text_last + 2 - text_first  # with the 0 terminator
    buffer = (ctypes.c_ushort * size)()
    written = pdfium_c.FPDFText_GetText(textpage, first, last + 1 - first, buffer)
    return bytes(memoryview(buffer)[: written - 1]).decode("utf-16-le", "ignore")


def wide(function: Callable[..., int], *args: Any, errors: str = "strict") -> str:
    """A UTF-16 string from a PDFium ``(..., buffer, length in bytes)`` getter."""
    size = function(*args, None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    function(*args, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)), size)
    return buffer.raw[: size - 2].decode("utf-16-le", errors)


def meta_text(document: Any, key: str) -> str:
    """A value of the document information dictionary ("" when absent), decoded strictly
    as pypdfium2 does."""
    return wide(pdfium_c.FPDF_GetMetaText, document, key.encode("ascii") + b"\0")


def bookmarks(document: Any, max_depth: int) -> Iterator[tuple[int, Any]]:
    """(level from 0, handle) of the outline's bookmarks in reading order, down to
    ``max_depth`` levels, stopping at a bookmark seen before (a cycle), as pypdfium2's
    ``get_toc`` does."""
    seen: set[int] = set()
    stack = [(0, pdfium_c.FPDFBookmark_GetFirstChild(document, None))]
    while stack:
        level, bookmark = stack.pop()
        if not bookmark:
            continue
        address = ctypes.addressof(bookmark.contents)
        if address in seen:
            continue  # this run of siblings loops: leave it, as pypdfium2 does
        seen.add(address)
        yield level, bookmark
        stack.append((level, pdfium_c.FPDFBookmark_GetNextSibling(document, bookmark)))
        if level < max_depth - 1:
            stack.append((level + 1, pdfium_c.FPDFBookmark_GetFirstChild(document, bookmark)))


def bookmark_title(bookmark: Any) -> str:
    return wide(pdfium_c.FPDFBookmark_GetTitle, bookmark)


def bookmark_page(document: Any, bookmark: Any) -> int | None:
    """The 0-based page a bookmark points at, or None."""
    dest = pdfium_c.FPDFBookmark_GetDest(document, bookmark)
    if not dest:
        return None
    index = int(pdfium_c.FPDFDest_GetDestPageIndex(document, dest))
    return index if index >= 0 else None
