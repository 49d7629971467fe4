"""The .docx reader: the Word rendition of the seed memo, every checkbox form, hostile zips."""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from readerkit import FIXTURES, W_NS, make_docx, read_docx, read_fixture

from memo_lint.errors import UnreadableFile
from memo_lint.model import Source, Span
from memo_lint.readers import Limits

Unreadable = Callable[..., UnreadableFile]


def p(*runs: str, ppr: str = "") -> str:
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def r(text: str, rpr: str = "") -> str:
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def line_texts(source: Source) -> list[str]:
    return [line.text for line in source.lines]


def cell_text(source: Source, row: int, cell: int) -> str:
    found = source.table_rows[row][cell]
    return source.lines[found.line - 1].text[found.start : found.end]


# -- the seed memo ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> Source:
    return read_fixture("docx/seed.docx")


def test_lines_are_paragraphs_numbered_consecutively(seed: Source) -> None:
    assert seed.format == "docx"
    assert seed.path.endswith("seed.docx")
    assert [line.number for line in seed.lines] == list(range(1, len(seed.lines) + 1))
    assert seed.lines[0].text == "Samenvatting"


def test_dutch_word_heading_styles_give_levels(seed: Source) -> None:
    headings = {line.text: line.heading_level for line in seed.lines if line.heading_level}
    assert headings["Samenvatting"] == 1
    assert headings["Financiële gevolgen"] == 1
    assert headings["Risico’s"] == 1
    assert headings["1.1 De City deal heeft onvoldoende opgeleverd"] == 2
    assert "Het college besluit:" not in headings


def test_table_rows_become_cells_on_their_own_lines(seed: Source) -> None:
    assert len(seed.table_rows) == 3
    assert [(cell_text(seed, i, 0), cell_text(seed, i, 1)) for i in (1, 2)] == [
        ("Begroting wijzigen", "Nee"),
        ("Budgetnummer", "N.v.t."),
    ]
    key, value = seed.table_rows[1]
    assert value.line == key.line + 1


def test_decision_and_checkboxes(seed: Source) -> None:
    texts = line_texts(seed)
    assert "☒ Openbaar ☐ Geheim" in texts
    assert texts[texts.index("Het college besluit:") + 1].startswith("1. Deelname aan de City")
    assert "☐ Conform" in texts


def test_footnotes_and_markers(seed: Source) -> None:
    assert seed.footnotes is not None and seed.footnote_markers is not None
    assert [note.label for note in seed.footnotes] == ["1", "2", "3"]
    assert seed.footnotes[0].text.startswith("In het project Sociale kaart")
    note_line = seed.lines[seed.footnotes[0].span.line - 1]
    assert note_line.is_footnote_text and note_line.text.startswith("1 In het project")
    # Footnote.on_line: from the label to the end of the line, as in every other reader
    span = seed.footnotes[0].span
    assert (span.column, span.end_column) == (1, len(note_line.text) + 1)
    assert seed.lines[-1].is_footnote_text
    label, span = seed.footnote_markers[0]
    marked = seed.lines[span.line - 1].text
    assert label == "1"
    assert marked[: span.column - 1].endswith("Sociale kaart")
    assert marked[span.column - 1 : span.end_column - 1] == "1"
    assert marked[span.column - 1 :].startswith("1 gestart")


# -- every checkbox form ------------------------------------------------------------------

VARIANTS = {
    "seed.docx": "☒ Openbaar ☐ Geheim",
    "seed-unchecked.docx": "☐ Openbaar ☐ Geheim",
    "seed-content-control.docx": "☒ Openbaar ☐ Geheim",
    "seed-content-control-unchecked.docx": "☐ Openbaar ☐ Geheim",
    "seed-wingdings.docx": "☒ Openbaar ☐ Geheim",
    "seed-wingdings-unchecked.docx": "☐ Openbaar ☐ Geheim",
    "seed-formfield.docx": "☒ Openbaar ☐ Geheim",
}


@pytest.mark.parametrize(("name", "expected"), VARIANTS.items())
def test_checkbox_forms_become_glyphs(name: str, expected: str) -> None:
    source = read_fixture(f"docx/{name}")
    texts = [text.strip() for text in line_texts(source)]
    openbaarheid = texts.index("Openbaarheid")
    assert texts[openbaarheid + 1] == expected  # also inside a block-level content control
    assert "☐ Conform" in texts  # Wingdings variant: U+F0A8 in a Wingdings run


def test_checkbox_in_table_row() -> None:
    box = (
        '<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="0"/></w14:checkbox></w:sdtPr>'
        "<w:sdtContent><w:r><w:t>☒</w:t></w:r></w:sdtContent></w:sdt>"
    )  # a stale glyph: w14:checked decides
    sym = '<w:r><w:sym w:font="Wingdings 2" w:char="F054"/></w:r>'
    body = (
        "<w:tbl><w:tr><w:tc>" + p(r("Openbaarheid")) + "</w:tc><w:tc>"
        + p(sym, r(" Openbaar "), box, r(" Geheim")) + "</w:tc></w:tr></w:tbl>"
    )  # fmt: skip
    source = read_docx(make_docx(body))
    assert cell_text(source, 0, 0) == "Openbaarheid"
    assert cell_text(source, 0, 1) == "☒ Openbaar ☐ Geheim"


def test_form_field_current_state_wins_over_default() -> None:
    def field(default: str, checked: str) -> str:
        return (
            '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox>'
            f'<w:default w:val="{default}"/>{checked}</w:checkBox></w:ffData></w:fldChar></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )

    body = p(field("0", "<w:checked/>"), r(" Ja "), field("1", '<w:checked w:val="0"/>'), r(" Nee"))
    assert line_texts(read_docx(make_docx(body))) == ["☒ Ja ☐ Nee"]


# -- styles, numbering, revisions ---------------------------------------------------------

STYLES = (
    f"<w:styles {W_NS}>"
    '<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="MijnKop"><w:name w:val="Kop 2"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Huiskop"><w:name w:val="Huisstijl kop"/>'
    '<w:basedOn w:val="MijnKop"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Lijst"><w:name w:val="Lijst"/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    "</w:styles>"
)
NUMBERING = (
    f'<w:numbering {W_NS}><w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
    '<w:lvlText w:val="%2)"/><w:suff w:val="space"/></w:lvl>'
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
)


def style(style_id: str) -> str:
    return f'<w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>'


def test_heading_levels_from_names_ids_inheritance_and_outline_level() -> None:
    body = (
        p(r("Beslisnota"), ppr=style("Titel"))
        + p(r("Inleiding"), ppr=style("MijnKop"))
        + p(r("Kader"), ppr=style("Huiskop"))
        + p(r("Argumenten"), ppr=style("Kop3"))  # no styles.xml entry: the id itself
        + p(r("Risico's"), ppr='<w:pPr><w:outlineLvl w:val="0"/></w:pPr>')
        + p(r("Gewone tekst"))
        + p(ppr=style("MijnKop"))
    )
    source = read_docx(make_docx(body, styles=STYLES))
    assert [line.heading_level for line in source.lines] == [1, 2, 2, 3, 1, None, None]


def test_a_styles_part_is_parsed_once_and_another_is_not_mistaken_for_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from memo_lint.readers import docx

    parsed: list[str] = []
    parse = docx._parse_styles
    monkeypatch.setattr(docx, "_STYLE_MAPS", {})
    monkeypatch.setattr(
        docx, "_parse_styles", lambda data, part: parsed.append(part) or parse(data, part)
    )
    body = p(r("Inleiding"), ppr=style("MijnKop"))
    memo = make_docx(body, styles=STYLES)
    later = _rezipped(memo, (2031, 5, 6, 7, 8, 10))  # the same template, saved another day
    stored = _rezipped(memo, (2031, 5, 6, 7, 8, 10), zipfile.ZIP_STORED)  # another compressor
    other = make_docx(body, styles=STYLES.replace('w:val="Kop 2"', 'w:val="Kop 4"'))
    memos = (memo, other, later, stored, memo, other)
    assert [read_docx(data).lines[0].heading_level for data in memos] == [2, 4, 2, 2, 2, 4]
    assert len(parsed) == 2


def _rezipped(
    package: bytes, date_time: tuple[int, int, int, int, int, int], method: int | None = None
) -> bytes:
    """The same parts with another modification time in every header (and another method)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            dated = zipfile.ZipInfo(info.filename, date_time)
            dated.compress_type = info.compress_type if method is None else method
            new.writestr(dated, old.read(info.filename))
    assert out.getvalue() != package
    return out.getvalue()


def test_a_damaged_styles_part_is_reported_even_when_its_twin_was_read() -> None:
    """zipfile checks a part against the directory's CRC, which the memo key covers: a copy
    whose directory gives another CRC is read, and refused, not served from the memo."""
    memo = make_docx(p(r("Inleiding"), ppr=style("MijnKop")), styles=STYLES)
    assert read_docx(memo).lines[0].heading_level == 2
    damaged = bytearray(memo)
    central = damaged.rfind(b"word/styles.xml") - 46  # the directory follows every part
    crc = slice(central + 16, central + 20)
    damaged[crc] = struct.pack("<I", struct.unpack("<I", damaged[crc])[0] ^ 1)
    with pytest.raises(UnreadableFile, match=r"styles\.xml"):
        read_docx(bytes(damaged))


def test_generated_list_numbers_are_rendered() -> None:
    def item(text: str, ilvl: int = 0) -> str:
        num = f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr>'
        return p(r(text), ppr=f"<w:pPr>{num}</w:pPr>")

    body = (
        p(r("Het college besluit:"))
        + item("in te stemmen;")
        + item("toelichting", ilvl=1)
        + p(r("te besluiten."), ppr=style("Lijst"))
    )
    source = read_docx(make_docx(body, styles=STYLES, numbering=NUMBERING))
    assert line_texts(source) == [
        "Het college besluit:",
        "1. in te stemmen;",
        "a) toelichting",
        "2. te besluiten.",
    ]


def test_a_numbering_part_is_parsed_once_and_another_is_not_mistaken_for_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Memos of one template share numbering.xml: its levels are read once, each memo still
    counts its own lists from 1, and a memo with other levels gets its own."""
    from memo_lint.readers import docx

    parsed: list[str] = []
    parse = docx._parse_numbering
    monkeypatch.setattr(docx, "_NUMBERINGS", {})
    monkeypatch.setattr(
        docx, "_parse_numbering", lambda data, part: parsed.append(part) or parse(data, part)
    )
    num = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    body = p(r("eerste;"), ppr=num) + p(r("tweede."), ppr=num)
    memo = make_docx(body, numbering=NUMBERING)
    later = _rezipped(memo, (2031, 5, 6, 7, 8, 10))  # the same template, saved another day
    other = make_docx(body, numbering=NUMBERING.replace('"decimal"', '"upperRoman"'))
    memos = (memo, other, later, memo, other)
    texts = [line_texts(read_docx(data)) for data in memos]
    assert len(parsed) == 2
    alone = []
    for data in memos:
        docx._NUMBERINGS.clear()
        alone.append(line_texts(read_docx(data)))
    assert texts == alone
    assert texts[:2] == [["1. eerste;", "2. tweede."], ["I. eerste;", "II. tweede."]]


def test_relationship_parts_are_parsed_once_per_content_and_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Memos of one template share their relationship parts: each is parsed once, a memo
    whose parts name other targets gets its own."""
    from memo_lint.readers import docx

    parsed: list[str] = []
    parse = docx._parse_relationships
    monkeypatch.setattr(docx, "_RELATIONSHIPS", {})
    monkeypatch.setattr(
        docx,
        "_parse_relationships",
        lambda data, name, folder: parsed.append(name) or parse(data, name, folder),
    )
    num = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    body = p(r("Inleiding"), ppr=f"<w:pPr>{num}</w:pPr>")
    memo = make_docx(body, styles=STYLES)
    later = _rezipped(memo, (2031, 5, 6, 7, 8, 10))  # the same template, saved another day
    other = make_docx(body, styles=STYLES, numbering=NUMBERING)  # one more target
    memos = (memo, later, other, memo, other)
    texts = [line_texts(read_docx(data))[0] for data in memos]
    assert texts == ["Inleiding", "Inleiding", "1. Inleiding", "Inleiding", "1. Inleiding"]
    document_rels = "word/_rels/document.xml.rels"
    assert parsed == ["_rels/.rels", document_rels, document_rels]


def test_equal_relationship_parts_resolve_against_their_own_folder() -> None:
    """A target is relative to the part's folder: the same relationships in the package's
    and the document's part name two different styles parts."""
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/styles" Target="styles.xml"/></Relationships>'
    )
    body = p(r("Inleiding"), ppr=style("MijnKop"))
    document = f"<w:document {W_NS}><w:body>{body}</w:body></w:document>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("_rels/.rels", rels)
        package.writestr("word/_rels/document.xml.rels", rels)
        package.writestr("word/document.xml", document)
        package.writestr("word/styles.xml", STYLES)
    for _ in range(2):
        assert read_docx(out.getvalue()).lines[0].heading_level == 2


def test_the_word_fixtures_read_the_same_with_shared_parts_and_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The shortcuts against the slow way on real-looking memos: read one after another
    (styles, numbering and relationships served from the memos by content; pictures looked
    for only in a body that has any), every Word fixture gives what it gives read alone
    with every memo empty and pictures looked for in every paragraph."""
    from memo_lint.readers import docx

    paths = sorted(FIXTURES.rglob("*.docx")) * 2
    shared = [read_fixture(str(path.relative_to(FIXTURES))) for path in paths]
    monkeypatch.setattr(docx, "_has_pictures", lambda body: True)
    alone = []
    for path in paths:
        for memo in (docx._STYLE_MAPS, docx._NUMBERINGS, docx._RELATIONSHIPS):
            memo.clear()
        alone.append(read_fixture(str(path.relative_to(FIXTURES))))
    assert [(repr(s), repr(s.file_info)) for s in shared] == [
        (repr(s), repr(s.file_info)) for s in alone
    ]
    assert any(s.file_info and s.file_info.pictures for s in alone)


def test_symbol_characters_in_text_runs_become_checkboxes() -> None:
    """A run's text is mapped when its font is a symbol font (bare bytes) or when it holds a
    private-use symbol, ☑ or ⊠ (whatever its font); other text is left as it is."""
    wingdings = '<w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr>'
    arial = '<w:rPr><w:rFonts w:ascii="Arial"/></w:rPr>'
    body = p(r("x", wingdings), r(" ja x")) + p(r("\uf0fe nee ☑ ⊠")) + p(r("x ☑", arial))
    assert line_texts(read_docx(make_docx(body))) == ["☒ ja x", "☒ nee ☒ ☒", "x ☒"]


def test_revisions_hidden_text_and_breaks() -> None:
    body = p(
        r("Begroting"),
        '<w:ins><w:r><w:t xml:space="preserve"> wijzigen</w:t></w:r></w:ins>',
        "<w:del><w:r><w:delText>weg</w:delText></w:r></w:del>",
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>verborgen</w:t></w:r>",
        "<w:r><w:tab/><w:t>Nee</w:t><w:br/><w:t>ja</w:t></w:r>",
        '<w:hyperlink><w:r><w:t xml:space="preserve"> (link)</w:t></w:r></w:hyperlink>',
    )
    assert line_texts(read_docx(make_docx(body))) == ["Begroting wijzigen\tNee ja (link)"]


def test_footnote_reference_without_text_keeps_marker() -> None:
    body = p(r("Zie noot"), '<w:r><w:footnoteReference w:id="7"/></w:r>')
    footnotes = f'<w:footnotes {W_NS}><w:footnote w:id="8"><w:p/></w:footnote></w:footnotes>'
    source = read_docx(make_docx(body, footnotes=footnotes))
    assert line_texts(source) == ["Zie noot1"]
    assert source.footnotes == []
    assert source.footnote_markers == [("1", Span(1, 9, 1, 10))]


# -- hostile input ------------------------------------------------------------------------

SEED_BYTES = (FIXTURES / "docx" / "seed.docx").read_bytes()


def test_truncated_docx(assert_unreadable_fast: Unreadable) -> None:
    truncated = SEED_BYTES[: len(SEED_BYTES) // 2]
    assert_unreadable_fast(lambda: read_docx(truncated), "corrupt or truncated")


def test_not_a_zip(assert_unreadable_fast: Unreadable) -> None:
    assert_unreadable_fast(lambda: read_docx(b"Beslisnota\n" * 10), "not a .docx", "zip")


def test_encrypted_docx_is_an_ole_file(assert_unreadable_fast: Unreadable) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096
    assert_unreadable_fast(lambda: read_docx(ole), "encrypted", "OLE")


def test_zip_without_word_document(assert_unreadable_fast: Unreadable) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("content.xml", "<office:document/>")
    assert_unreadable_fast(lambda: read_docx(out.getvalue()), "no Word document part")


def _bomb(size: int) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package,
        package.open("word/document.xml", "w") as part,
    ):
        for _ in range(size >> 20):
            part.write(b"\x00" * (1 << 20))
    return out.getvalue()


def test_zip_bomb_declared_size(assert_unreadable_fast: Unreadable) -> None:
    bomb = _bomb(64 << 20)
    assert len(bomb) < 100_000
    limits = Limits(max_unzipped_bytes=16 << 20)
    assert_unreadable_fast(lambda: read_docx(bomb, limits), "zip bomb", "max-unzipped-bytes")


def test_zip_bomb_with_lying_headers(assert_unreadable_fast: Unreadable) -> None:
    """Declared sizes forged small: decompression itself must stop, not trust the header."""
    bomb = bytearray(_bomb(64 << 20))
    real = struct.pack("<I", 64 << 20)
    fake = struct.pack("<I", 1000)
    local = bomb.find(b"PK\x03\x04")
    central = bomb.find(b"PK\x01\x02")
    assert bomb[local + 22 : local + 26] == real and bomb[central + 24 : central + 28] == real
    bomb[local + 22 : local + 26] = fake
    bomb[central + 24 : central + 28] = fake
    limits = Limits(max_unzipped_bytes=16 << 20)
    assert_unreadable_fast(lambda: read_docx(bytes(bomb), limits), ".docx")


XXE = (
    '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    f"<w:document {W_NS}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + f"]><w:document {W_NS}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body>"
    "</w:document>"
)


@pytest.mark.parametrize("document_xml", [XXE, LAUGHS], ids=["external-entity", "billion-laughs"])
def test_doctype_is_refused(document_xml: str, assert_unreadable_fast: Unreadable) -> None:
    data = make_docx("", document_xml=document_xml)
    assert_unreadable_fast(lambda: read_docx(data), "DOCTYPE", "word/document.xml")


def test_doctype_in_styles_is_refused(assert_unreadable_fast: Unreadable) -> None:
    styles = '<!DOCTYPE x [<!ENTITY e SYSTEM "http://example.invalid/">]><w:styles/>'
    data = make_docx(p(r("Tekst")), styles=styles)
    assert_unreadable_fast(lambda: read_docx(data), "DOCTYPE", "word/styles.xml")


def test_malformed_xml(assert_unreadable_fast: Unreadable) -> None:
    data = make_docx("", document_xml="<w:document><w:body>")
    assert_unreadable_fast(lambda: read_docx(data), "not well-formed XML")


def test_malformed_xml_after_the_root_start_tag(assert_unreadable_fast: Unreadable) -> None:
    data = make_docx("", document_xml=f"<w:document {W_NS}><w:body><w:p></w:body></w:document>")
    assert_unreadable_fast(lambda: read_docx(data), "not well-formed XML", "word/document.xml")


def test_doctype_after_comments_and_instructions_is_refused(
    assert_unreadable_fast: Unreadable,
) -> None:
    document_xml = XXE.replace("?>", "?><!-- Word --><?mso-application x?>", 1)
    data = make_docx("", document_xml=document_xml)
    assert_unreadable_fast(lambda: read_docx(data), "DOCTYPE", "word/document.xml")


def test_the_doctype_check_reads_only_up_to_the_root_element(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A DOCTYPE can only precede the root element, so the first pass stops there."""
    from xml.parsers import expat

    from memo_lint.readers import _zipxml
    from memo_lint.readers.docx import W

    create = expat.ParserCreate
    checkers: list[Any] = []

    def spy(*args: Any) -> Any:
        checkers.append(create(*args))
        return checkers[-1]

    monkeypatch.setattr(expat, "ParserCreate", spy)
    data = f'<?xml version="1.0"?><!-- x --><w:document {W_NS}><w:body/></w:document>'.encode()
    root = _zipxml.parse_xml(data, "word/document.xml", ".docx")
    assert root.find(f"{W}body") is not None
    assert len(checkers) == 1
    assert checkers[0].CurrentByteIndex <= data.index(b"<w:body")  # where the walk stopped


def test_character_limit(assert_unreadable_fast: Unreadable) -> None:
    path = FIXTURES / "docx" / "seed.docx"
    limits = Limits(max_chars=1000)
    assert_unreadable_fast(lambda: read_docx(path.read_bytes(), limits), "max-chars")
