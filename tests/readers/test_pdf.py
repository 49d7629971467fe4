"""The .pdf reader: the seed memo exported by LibreOffice, hostile PDFs, the real corpus."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from readerkit import CORPUS_PDF, FIXTURES, read_fixture

from memo_lint.errors import UnreadableFile
from memo_lint.model import Source
from memo_lint.readers import Limits, read_source
from pdf_writer import pdf_from_objects

Unreadable = Callable[..., UnreadableFile]


@pytest.fixture(scope="module")
def seed() -> Source:
    return read_fixture("pdf/seed.pdf")


def texts(source: Source) -> list[str]:
    return [line.text.strip() for line in source.lines]


def line_with(source: Source, text: str) -> int:
    return texts(source).index(text)


def test_lines_numbered_over_the_document_with_pages(seed: Source) -> None:
    assert seed.format == "pdf"
    assert [line.number for line in seed.lines] == list(range(1, len(seed.lines) + 1))
    pages = [line.page for line in seed.lines]
    assert pages[0] == 1 and pages[-1] == 4
    assert pages == sorted(pages)  # type: ignore[type-var]
    assert seed.lines[line_with(seed, "Communicatie")].page == 4
    assert seed.footnotes is None and seed.footnote_markers is None


def test_outline_gives_heading_levels(seed: Source) -> None:
    levels = {line.text: line.heading_level for line in seed.lines if line.heading_level}
    assert levels["Samenvatting"] == 1
    assert levels["Ontwerp besluit"] == 1
    assert levels["1.2 Er zijn goede alternatieven"] == 2
    openbaarheid = [line for line in seed.lines if line.text == "Openbaarheid"]
    assert [(line.page, line.heading_level) for line in openbaarheid] == [(1, 1), (4, 1)]


def test_fields_decision_and_footnote_markers_stay_on_their_lines(seed: Source) -> None:
    found = texts(seed)
    assert "Begroting wijzigen Nee" in found
    assert "Budgetnummer N.v.t." in found
    assert found[found.index("Het college besluit:") + 1].startswith("1. Deelname")
    assert any("Sociale kaart1 gestart en in" in text for text in found)
    assert any(text.startswith("1 In het project Sociale kaart") for text in found)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("seed.pdf", "☒ Openbaar ☐ Geheim"),  # glyphs from a fallback font, re-sorted
        ("seed-unchecked.pdf", "☐ Openbaar ☐ Geheim"),
        ("seed-wingdings.pdf", "☒ Openbaar ☐ Geheim"),  # U+F0FE / U+F0A8
        ("encrypted-empty-password.pdf", "☒ Openbaar ☐ Geheim"),
    ],
)
def test_checkbox_glyphs(name: str, expected: str) -> None:
    source = read_fixture(f"pdf/{name}")
    found = texts(source)
    assert found[found.index("Openbaarheid") + 1] == expected
    assert "☐ Conform" in found


# -- hostile input ------------------------------------------------------------------------


def test_encrypted(assert_unreadable_fast: Unreadable) -> None:
    assert_unreadable_fast(lambda: read_fixture("pdf/encrypted.pdf"), "encrypted", "password")


def test_image_only_is_reported_as_scanned(assert_unreadable_fast: Unreadable) -> None:
    assert_unreadable_fast(lambda: read_fixture("pdf/image-only.pdf"), "no text layer", "scanned")


def test_corrupt(assert_unreadable_fast: Unreadable) -> None:
    assert_unreadable_fast(
        lambda: read_fixture("pdf/corrupt.pdf"),
        "corrupt",
        "(Failed to load document (PDFium: Data format error).)",  # pypdfium2's words, as before
    )


def test_truncated(assert_unreadable_fast: Unreadable) -> None:
    data = (FIXTURES / "pdf" / "seed.pdf").read_bytes()[:3000]
    assert_unreadable_fast(lambda: read_source("memo.pdf", data), "PDF")


def test_not_a_pdf(assert_unreadable_fast: Unreadable) -> None:
    assert_unreadable_fast(lambda: read_source("memo.pdf", b"PK\x03\x04rest"), "not a PDF")


def test_page_limit(assert_unreadable_fast: Unreadable) -> None:
    limits = Limits(max_pdf_pages=3)
    assert_unreadable_fast(lambda: read_fixture("pdf/seed.pdf", limits), "4 pages", "max-pdf-pages")


def test_character_limit(assert_unreadable_fast: Unreadable) -> None:
    limits = Limits(max_chars=2000)
    assert_unreadable_fast(lambda: read_fixture("pdf/seed.pdf", limits), "max-chars")


# -- PDFium through pypdfium2's bindings alone (readers/_pdfium.py) ------------------------


def _page(contents: int, resources: bytes = b"") -> bytes:
    return b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R %s >>" % (
        contents,
        resources,
    )


def _stream(data: bytes, head: bytes = b"") -> bytes:
    return b"<< %s/Length %d >>\nstream\n" % (head, len(data)) + data + b"\nendstream"


def _lines(*texts: str) -> bytes:
    shown = b"".join(b"0 -20 Td (%s) Tj\n" % text.encode("latin-1") for text in texts)
    return _stream(b"BT /F1 11 Tf 60 800 Td\n" + shown + b"ET\n")


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
HEADINGS = ("Een", "Twee", "Drie", "Vier", "Vijf", "Zes", "Zeven", "Acht", "Negen")


def test_outline_levels_down_to_six_and_a_looping_run_of_bookmarks() -> None:
    """The outline as pypdfium2's ``get_toc(max_depth=6)`` read it: depth first, six levels,
    and a run of siblings that loops back is left where it loops, its parent's run is not."""
    body = "De raad wordt voorgesteld het plan vast te stellen en de kosten te dekken."
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Outlines 6 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        _page(4, b"/Resources << /Font << /F1 5 0 R >> >>"),
        _lines(*HEADINGS, body),
        FONT,
        b"<< /Type /Outlines /First 7 0 R /Last 14 0 R >>",
    ]
    # 7 Een (1) > 8 Twee (2) > 9 Drie > 10 Vier > 11 Vijf > 12 Zes (6) > 13 Zeven (7: unread);
    # Twee's next sibling 15 Negen loops back to Twee; Een's next sibling 14 Acht is read.
    links = {7: (8, 14), 8: (9, 15), 9: (10, None), 10: (11, None), 11: (12, None)}
    links |= {12: (13, None), 13: (None, None), 14: (None, None), 15: (None, 8)}
    titles = dict(zip([7, 8, 9, 10, 11, 12, 13, 14, 15], HEADINGS, strict=True))
    for number in range(7, 16):
        first, following = links[number]
        fields = b"/Title (%s) /Dest [3 0 R /Fit]" % titles[number].encode()
        fields += b" /First %d 0 R" % first if first else b""
        fields += b" /Next %d 0 R" % following if following else b""
        objects.append(b"<< %s >>" % fields)
    source = read_source("memo.pdf", pdf_from_objects(objects))
    levels = {line.text: line.heading_level for line in source.lines if line.text in HEADINGS}
    assert levels == {
        "Een": 1,
        "Twee": 2,
        "Drie": 3,
        "Vier": 4,
        "Vijf": 5,
        "Zes": 6,
        "Zeven": None,
        "Acht": 1,
        "Negen": 2,
    }


def test_an_image_in_a_form_makes_a_page_a_scan_one_form_deeper_does_not() -> None:
    """As pypdfium2's ``get_objects(max_depth=2)``: a form XObject on the page is looked into,
    a form inside it is not."""
    text = ["Dit memo heeft op de eerste pagina tekst, de andere pagina's zijn plaatjes."] * 3
    image = _stream(
        b"\x80\x40\x80\x40",
        b"/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 ",
    )
    form = b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] "
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 6 0 R 8 0 R] /Count 3 >>",
        _page(4, b"/Resources << /Font << /F1 5 0 R >> >>"),
        _lines(*text),
        FONT,
        _page(7, b"/Resources << /XObject << /Fm1 10 0 R >> >>"),
        _stream(b"/Fm1 Do\n"),
        _page(9, b"/Resources << /XObject << /Fm2 12 0 R >> >>"),
        _stream(b"/Fm2 Do\n"),
        _stream(
            b"q 500 0 0 700 40 70 cm /Im1 Do Q\n",
            form + b"/Resources << /XObject << /Im1 11 0 R >> >> ",
        ),
        image,
        _stream(b"/Fm1 Do\n", form + b"/Resources << /XObject << /Fm1 10 0 R >> >> "),
    ]
    info = read_source("memo.pdf", pdf_from_objects(objects)).file_info
    assert info is not None
    assert info.scanned_pages == [2]


def test_reading_a_pdf_leaves_no_exit_handler() -> None:
    """pypdfium2's object layer registered two (its library teardown, ``weakref.finalize``),
    so a PDF run could not end with ``os._exit`` (memo_lint.__main__)."""
    import subprocess
    import sys

    code = (
        "import atexit, sys\nfrom memo_lint.readers import read_source\n"
        f"read_source('seed.pdf', open({str(FIXTURES / 'pdf' / 'seed.pdf')!r}, 'rb').read())\n"
        "print(atexit._ncallbacks(), 'pypdfium2' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "False"], out.stderr


# -- the real corpus ----------------------------------------------------------------------

corpus = pytest.mark.skipif(
    not CORPUS_PDF.is_dir(), reason=f"corpus of real PDFs not found at {CORPUS_PDF}"
)


def read_corpus(pattern: str) -> Source:
    (path,) = sorted(CORPUS_PDF.glob(pattern))
    return read_source(str(path), path.read_bytes())


@corpus
def test_every_corpus_pdf_reads() -> None:
    paths = sorted(CORPUS_PDF.glob("*/*.pdf"))
    assert len(paths) == 43
    for path in paths:
        source = read_source(str(path), path.read_bytes())
        assert source.lines, path.name
        assert all(line.page for line in source.lines)


@corpus
@pytest.mark.parametrize(
    ("pattern", "headings"),
    [
        (
            "almere/24118-*.pdf",
            ["Fatale termijn", "Voorgesteld raadsbesluit", "Inleiding en bestuurlijke context"],
        ),
        ("almere/mun_almere_2026_stevige_lokale_teams*.pdf", ["Voorgesteld raadsbesluit"]),
        (
            "denhaag/*15394250*voorstel-van-het-college-inzake*.pdf",
            ["Initiatief en procedure", "Beoordeling", "Participatie", "Conclusie beoordeling"],
        ),
        ("denhaag/*15173311*geheimhouding.pdf", ["Aanleiding:"]),
    ],
)
def test_corpus_headings_are_whole_lines(pattern: str, headings: list[str]) -> None:
    found = texts(read_corpus(pattern))
    for heading in headings:
        assert heading in found


@corpus
def test_running_headers_are_dropped() -> None:
    found = texts(read_corpus("almere/24118-*.pdf"))
    assert "Voorstel aan de raad" not in found
    assert not any(text.isdigit() and len(text) == 1 for text in found)
