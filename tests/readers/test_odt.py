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
    assert [label for label, _ in source.footnote_markers or []] == ["1", "2", "3"]
    label, span = (source.footnote_markers or [])[0]
    assert source.lines[span.line - 1].text[span.column - 1 : span.end_column - 1] == label


def test_lints_like_the_word_original() -> None:
    report = lint_paths([ODT / "seed.odt", ODT / "seed-broken.odt"], LintOptions(use_cache=False))
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
