"""ML802-ML806 on real PDF files of an exact shape: tagged or not, with or without a title (and
DisplayDocTitle), a template leftover as title, /Lang declared or not or wrong, a Figure with
and without /Alt, heading tags real, missing or skipping a level, a page that is only a picture.

LibreOffice (tests/fixtures/build_publication_fixtures.py) cannot write most of these on
purpose, and writes an inline picture's Figure without content, which PDFium does not see
(readers/_pdf_tags.py): so the files are built here, object by object, and read by the real
PDF reader (pypdfium2) and the real rules.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from memo_lint.api import Linter, LintOptions
from memo_lint.readers import read_source
from pdf_writer import pdf_from_objects

TITLE = "Niet verlengen deelname City deal Slim Maatwerk"
TEXT = (
    "In juli 2022 is de City deal Slim Maatwerk gestart. Het college heeft destijds besloten",
    "om twee jaar deel te nemen aan de City deal. De afgelopen jaren is geconstateerd dat de",
    "Zwolse capaciteit effectiever kan worden ingezet dan in deze City deal. Ook zijn er",
    "lokale alternatieven gestart. Daarom wordt voorgesteld om de deelname niet te verlengen.",
)
MORE = (
    "De gemeente werkt liever met de eigen wijkteams, die de inwoners van de stad al kennen.",
    "Het verlengen van de deelname kost de organisatie veel tijd en levert weinig op voor de",
    "inwoners. De middelen worden daarom ingezet voor de lokale aanpak in de wijken van de stad.",
)


def _stream(data: bytes, head: bytes = b"") -> bytes:
    return b"<< %s/Length %d >>\nstream\n" % (head, len(data)) + data + b"\nendstream"


def _text(lines: tuple[str, ...], y: int) -> bytes:
    body = b"".join(b"0 -14 Td (%s) Tj\n" % line.encode("latin-1") for line in lines)
    return b"BT /F1 10 Tf 50 %d Td\n" % y + body + b"ET\n"


def build(
    *,
    tagged: bool = True,
    title: str | None = TITLE,
    display_title: bool = True,
    lang: str | None = "nl-NL",
    alt: str | None = "Kaart van Zwolle met de wijken van de City deal",
    tags: tuple[str, str, str] = ("H1", "H2", "H2"),
    picture_page: bool = False,
) -> bytes:
    """A one-page raadsvoorstel (plus a page that is only a picture, with ``picture_page``):
    objects 1-7 the document, 8-16 its structure tree when ``tagged``."""
    blocks = [  # (tag, MCID, content)
        (tags[0], 0, _text(("Raadsvoorstel City deal Slim Maatwerk",), 800)),
        (tags[1], 1, _text(("Aanleiding",), 770)),
        ("P", 2, _text(TEXT, 750)),
        ("Figure", 3, b"q 120 0 0 90 50 560 cm /Im1 Do Q\n"),
        (tags[2], 4, _text(("Argumenten",), 540)),
        ("P", 5, _text(MORE, 520)),
    ]
    content = b"".join(
        b"/%s << /MCID %d >> BDC\n%sEMC\n" % (tag.encode(), mcid, body) if tagged else body
        for tag, mcid, body in blocks
    )
    catalog = b"<< /Type /Catalog /Pages 2 0 R"
    if tagged:
        catalog += b" /MarkInfo << /Marked true >> /StructTreeRoot 8 0 R"
    if lang is not None:
        catalog += b" /Lang (%s)" % lang.encode()
    if display_title:
        catalog += b" /ViewerPreferences << /DisplayDocTitle true >>"
    kids = b"[3 0 R 17 0 R]" if picture_page else b"[3 0 R]"
    resources = b"/Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >>"
    objects = [
        catalog + b" >>",
        b"<< /Type /Pages /Kids %s /Count %d >>" % (kids, 2 if picture_page else 1),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R %s%s >>"
        % (resources, b" /StructParents 0" if tagged else b""),
        _stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        _stream(
            b"\x80\x40\x80\x40",
            b"/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 ",
        ),
        b"<< /Title (%s) /Producer (memo-lint tests) >>" % (title or "").encode("latin-1"),
        b"<< /Type /StructTreeRoot /K [10 0 R] /ParentTree 9 0 R /ParentTreeNextKey 1 >>",
        b"<< /Nums [0 [11 0 R 12 0 R 13 0 R 14 0 R 15 0 R 16 0 R]] >>",
        b"<< /Type /StructElem /S /Document /P 8 0 R /K [11 0 R 12 0 R 13 0 R 14 0 R 15 0 R "
        b"16 0 R] >>",
    ]
    for tag, mcid, _ in blocks:
        extra = b" /Alt (%s)" % alt.encode("latin-1") if tag == "Figure" and alt else b""
        objects.append(
            b"<< /Type /StructElem /S /%s /P 10 0 R /Pg 3 0 R /K %d%s >>"
            % (tag.encode(), mcid, extra)
        )
    objects.append(
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 18 0 R %s >>" % resources
    )
    objects.append(_stream(b"q 500 0 0 700 40 70 cm /Im1 Do Q\n"))
    return pdf_from_objects(objects, info=7)


def lint(data: bytes, tmp_path: Path) -> list[tuple[str, str]]:
    """(code, message) of ML802-ML806 on ``data`` as a raadsvoorstel (public unless Geheim)."""
    path = tmp_path / "raadsvoorstel.pdf"
    path.write_bytes(data)
    options = LintOptions(pack="raadsvoorstel", select=("ML80",), use_cache=False)
    report = Linter(options).lint_bytes(str(path), data, path)
    return [(v.code, v.message) for v in report.violations]


def test_a_well_made_pdf_is_silent_and_read_as_built(tmp_path: Path) -> None:
    data = build()
    info = read_source("memo.pdf", data).file_info
    assert info is not None
    assert (info.title, info.language, info.tagged, info.heading_tags) == (
        TITLE,
        "nl-NL",
        True,
        [1, 2, 2],
    )
    assert [(p.alt, p.page) for p in info.pictures] == [
        ("Kaart van Zwolle met de wijken van de City deal", 1)
    ]
    assert info.scanned_pages == []
    assert lint(data, tmp_path) == []


def test_untagged_pdf(tmp_path: Path) -> None:
    found = lint(build(tagged=False), tmp_path)
    assert [code for code, _ in found] == ["ML802"]
    assert "niet getagd" in found[0][1]


def test_a_page_that_is_only_a_picture(tmp_path: Path) -> None:
    assert lint(build(picture_page=True), tmp_path) == [
        (
            "ML802",
            "Pagina 2 van de PDF is alleen een afbeelding, zonder tekstlaag (gescand, of tekst "
            "als plaatje).",
        )
    ]


@pytest.mark.parametrize("display_title", [True, False])
def test_no_title_whether_or_not_display_doc_title_shows_it(
    tmp_path: Path, display_title: bool
) -> None:
    found = lint(build(title=None, display_title=display_title), tmp_path)
    assert [code for code, _ in found] == ["ML803"]
    assert "geen titel" in found[0][1]


@pytest.mark.parametrize(
    ("title", "words"),
    [
        ("raadsvoorstel format", "rest van het sjabloon"),
        ("Microsoft Word - RIS322208 Voorstel", "rest van het sjabloon"),
        ("Voorstel aan de raad", "zegt niet waar het over gaat"),
    ],
)
def test_template_leftover_or_generic_title(tmp_path: Path, title: str, words: str) -> None:
    found = lint(build(title=title), tmp_path)
    assert [code for code, _ in found] == ["ML803"]
    assert words in found[0][1] and title in found[0][1]


def test_no_language_and_dutch_text_declared_english(tmp_path: Path) -> None:
    assert [code for code, _ in lint(build(lang=None), tmp_path)] == ["ML804"]
    assert lint(build(lang="en-US"), tmp_path) == [
        ("ML804", "Het bestand geeft als taal 'en-US' op, maar de tekst is 'nl'.")
    ]


@pytest.mark.parametrize("alt", [None, "", "   "])
def test_figure_without_alt(tmp_path: Path, alt: str | None) -> None:
    assert lint(build(alt=alt), tmp_path) == [
        ("ML805", "Een figuur op pagina 1 heeft geen tekstalternatief.")
    ]


def test_tagged_pdf_without_heading_tags(tmp_path: Path) -> None:
    found = lint(build(tags=("P", "P", "P")), tmp_path)
    assert [code for code, _ in found] == ["ML806"]
    assert "geen enkele koptag" in found[0][1]


def test_heading_tags_that_skip_a_level(tmp_path: Path) -> None:
    assert lint(build(tags=("H1", "H3", "H2")), tmp_path) == [
        ("ML806", "Een kop van niveau 3 volgt op niveau 1: er is een niveau overgeslagen.")
    ]
