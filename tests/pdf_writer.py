"""The smallest valid PDF around a list of objects: for tests and fixtures that need a PDF of
an exact shape (a scan without text, given lines per page) that no office suite writes."""

from __future__ import annotations


def pdf_from_objects(objects: list[bytes], info: int | None = None) -> bytes:
    """A PDF 1.4 file of ``objects`` (numbered from 1; object 1 is the catalog) with its xref;
    ``info``: the number of the document information dictionary (title, author), if any."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer_info = b" /Info %d 0 R" % info if info else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer_info,
        xref,
    )
    return bytes(out)
