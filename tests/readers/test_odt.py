"""The OpenDocument (.odt) reader, on LibreOffice's conversion of the Word seed memo."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from memo_lint.api import LintOptions, lint_paths
from memo_lint.errors import UnreadableFile
from memo_lint.readers import Limits
from memo_lint.readers.odt import read

ODT = Path(__file__).resolve().parents[1] / "fixtures" / "odt"


def test_headings_tables_checkboxes_and_footnotes() -> None:
    source = read("seed.odt", (ODT / "seed.odt").read_bytes(), Limits())
    headings = {line.text: line.heading_level for line in source.lines if line.heading_level}
    assert headings["Samenvatting"] == 1 and headings["Financiën"] == 1
    assert any(line.text == "☒ Openbaar ☐ Geheim" for line in source.lines)
    rows = [
        [source.lines[c.line - 1].text[c.start : c.end] for c in row] for row in source.table_rows
    ]
    assert ["Begroting wijzigen", "Nee"] in rows
    assert [f.label for f in source.footnotes or []] == ["1", "2", "3"]
    # Footnote.on_line: from the label to the end of the line, as in every other reader
    note = (source.footnotes or [])[0]
    note_line = source.lines[note.span.line - 1].text
    assert note_line.startswith("1 ")
    assert (note.span.column, note.span.end_column) == (1, len(note_line) + 1)
    assert [label for label, _ in source.footnote_markers or []] == ["1", "2", "3"]
    label, span = (source.footnote_markers or [])[0]
    assert source.lines[span.line - 1].text[span.column - 1 : span.end_column - 1] == label


def test_lints_like_the_word_original() -> None:
    # ML80x (the file's own title, language): LibreOffice's defaults here, see test_file_info.py
    options = LintOptions(use_cache=False, ignore=("ML80",))
    report = lint_paths([ODT / "seed.odt", ODT / "seed-broken.odt"], options)
    found = [(Path(v.path).name, v.code, v.span.line) for v in report.violations]
    assert found == [("seed-broken.odt", "ML704", 26), ("seed-broken.odt", "ML701", 44)]


def test_zip_without_content_is_unreadable() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    with pytest.raises(UnreadableFile, match=r"no content\.xml"):
        read("x.odt", buffer.getvalue(), Limits())


def test_entity_declarations_are_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "content.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'
        )
    with pytest.raises(UnreadableFile):
        read("x.odt", buffer.getvalue(), Limits())


def test_automatic_list_numbers_are_read_like_word() -> None:
    """LibreOffice's conversion of a Word memo whose decision points are a numbered list."""
    docx_file = ODT.parent / "docx" / "seed-numbered.docx"
    odt_file = ODT / "seed-numbered.odt"
    source = read(odt_file.name, odt_file.read_bytes(), Limits())
    assert "1. Deelname aan de City deal Slim Maatwerk niet te verlengen." in [
        line.text for line in source.lines
    ]
    report = lint_paths([docx_file, odt_file], LintOptions(use_cache=False, ignore=("ML80",)))
    assert report.violations == []  # without the numbers: ML501 on the .odt only


def _odt(body: str, styles: str = "") -> bytes:
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
    )
    content = (
        f"<office:document-content {ns}><office:automatic-styles>{styles}"
        f"</office:automatic-styles><office:body><office:text>{body}"
        "</office:text></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", content)
    return buffer.getvalue()


LIST_STYLE = (
    '<text:list-style style:name="L1">'
    '<text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>'
    '<text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")"/>'
    '<text:list-level-style-number text:level="3" style:num-format="I" style:num-suffix="." '
    'text:display-levels="2"/>'
    '<text:list-level-style-bullet text:level="4" text:bullet-char="•"/>'
    "</text:list-style>"
)


def _item(text: str, inner: str = "", start: str = "") -> str:
    attribute = f' text:start-value="{start}"' if start else ""
    return f"<text:list-item{attribute}><text:p>{text}</text:p>{inner}</text:list-item>"


def test_levels_formats_restarts_and_continuation() -> None:
    nested = (
        "<text:list>"
        + _item("a1", "<text:list>" + _item("r1") + _item("r2") + "</text:list>")
        + _item("a2", "<text:list>" + _item("r3") + "</text:list>")
        + "</text:list>"
    )
    body = (
        '<text:list text:style-name="L1">' + _item("een", nested) + _item("twee") + "</text:list>"
        + "<text:p>tussendoor</text:p>"
        + '<text:list text:style-name="L1" text:continue-numbering="true">'
        + _item("drie") + "</text:list>"
        + '<text:list text:style-name="L1">' + _item("opnieuw") + _item("vijf", start="5")
        + "</text:list>"
    )  # fmt: skip
    source = read("x.odt", _odt(body, LIST_STYLE), Limits())
    assert [line.text for line in source.lines] == [
        "1. een",
        "a) a1",
        "a.I. r1",
        "a.II. r2",
        "b) a2",
        "b.I. r3",
        "2. twee",
        "tussendoor",
        "3. drie",
        "1. opnieuw",
        "5. vijf",
    ]


@pytest.mark.parametrize(
    "level",
    [
        '<text:list-level-style-number text:level="x" style:num-format="a" '
        'text:start-value="99999999999999"/>',
        '<text:list-level-style-number text:level="1" style:num-format="A" '
        'text:start-value="500000"/>',
    ],
)
def test_hostile_list_styles_cost_nothing(level: str) -> None:
    style = f'<text:list-style style:name="L1">{level}</text:list-style>'
    deep = '<text:list text:style-name="L1">' * 30 + _item("x") + "</text:list>" * 30
    source = read("x.odt", _odt('<text:list text:style-name="L1">' + _item("y") + "</text:list>"
                                + deep, style), Limits())  # fmt: skip
    assert all(len(line.text) < 20 for line in source.lines)
