"""Helpers for the Word and PDF reader tests: fixture paths and tiny .docx packages.

A module of its own (not conftest) so the tests can import it by a name no other test
folder uses."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from memo_lint.model import Source
from memo_lint.readers import Limits, read_source

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
CORPUS_PDF = REPO.parent / "shared" / "corpus" / "pdf"
W_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
)


def read_fixture(relative: str, limits: Limits | None = None) -> Source:
    path = FIXTURES / relative
    return read_source(str(path), path.read_bytes(), limits)


def make_docx(
    body: str,
    styles: str | None = None,
    numbering: str | None = None,
    footnotes: str | None = None,
    document_xml: str | None = None,
) -> bytes:
    """A minimal .docx package around ``body`` (the children of ``w:body``)."""
    parts = {"styles": styles, "numbering": numbering, "footnotes": footnotes}
    rels = "".join(
        f'<Relationship Id="r{name}" Type="http://schemas.openxmlformats.org/officeDocument/'
        f'2006/relationships/{name}" Target="{name}.xml"/>'
        for name, xml in parts.items()
        if xml is not None
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        package.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        package.writestr(
            "word/_rels/document.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f"{rels}</Relationships>",
        )
        package.writestr(
            "word/document.xml",
            document_xml or f"<w:document {W_NS}><w:body>{body}</w:body></w:document>",
        )
        for name, xml in parts.items():
            if xml is not None:
                package.writestr(f"word/{name}.xml", xml)
    return out.getvalue()


def read_docx(data: bytes, limits: Limits | None = None) -> Source:
    return read_source("memo.docx", data, limits)
