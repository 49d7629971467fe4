"""The .pdf reader: the seed memo exported by LibreOffice, hostile PDFs, the real corpus."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from readerkit import CORPUS_PDF, FIXTURES, read_fixture

from memo_lint.errors import UnreadableFile
from memo_lint.model import Source
from memo_lint.readers import Limits, read_source

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
    assert_unreadable_fast(lambda: read_fixture("pdf/corrupt.pdf"), "corrupt")


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
