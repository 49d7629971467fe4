"""PDFium functions for the hot loops, called without ctypes' per-argument conversion.

pypdfium2's raw functions declare ``argtypes``, so ctypes converts and checks every argument
of every call: ~1.0 µs for ``FPDFText_GetCharBox``. The same function through a prototype
without argument types takes ~0.26 µs (100,000 calls, this machine). The PDF reader makes two
such calls per line and two or more per structure element, so it calls these copies. They
accept only what needs no conversion: handles PDFium gave out (pypdfium2's ``.raw`` or a
result of these functions), ints that fit a C int, and ``ctypes.byref`` of a ctypes value.
Imported by the PDF reader only, after pypdfium2.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import Any

import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped,unused-ignore]


def _direct(function: Any, restype: Any = ctypes.c_int) -> Callable[..., Any]:
    """``function`` without argument conversion, returning ``restype`` (for a handle: the
    pointer type pypdfium2 uses, falsy when PDFium returns none)."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    assert address, "pypdfium2 binds every function it declares"
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
