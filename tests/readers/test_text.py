"""The plain-text reader: text as extracted from a PDF, like the reference memo."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import CORPUS, SEED_TXT, lint
from memo_lint.errors import UnreadableFile
from memo_lint.model import Source
from memo_lint.readers import Limits, read_source
from memo_lint.readers.text import decode

SEED_BYTES = SEED_TXT.read_bytes()


def read(data: bytes, path: str = "memo.txt") -> Source:
    return read_source(path, data)


def texts(source: Source) -> list[str]:
    return [line.text for line in source.lines]


def test_lines_keep_their_text_exactly() -> None:
    source = read(SEED_BYTES)
    assert source.format == "text"
    assert texts(source) == SEED_BYTES.decode("utf-8").removesuffix("\n").split("\n")
    assert source.lines[0].text == " Samenvatting "  # leading and trailing space kept
    assert [line.number for line in source.lines[:3]] == [1, 2, 3]
    assert all(line.heading_level is None for line in source.lines)


def test_utf8_with_bom_reads_like_without() -> None:
    assert texts(read(b"\xef\xbb\xbf" + SEED_BYTES)) == texts(read(SEED_BYTES))


def test_crlf_and_lone_cr_line_ends() -> None:
    assert texts(read(SEED_BYTES.replace(b"\n", b"\r\n"))) == texts(read(SEED_BYTES))
    assert texts(read(b"een\rtwee\r\ndrie\n")) == ["een", "twee", "drie"]
    assert texts(read(b"een\r\ntwee\r\n")) == ["een", "twee"]  # no extra line at the end
    assert texts(read(b"een\rtwee\r")) == ["een", "twee"]
    assert texts(read(b"een\n\n")) == ["een", ""]  # a blank last line stays


def test_windows_1252_fallback() -> None:
    data = "Financiën \nRisico’s \n€ 9.000\n".encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert texts(read(data)) == ["Financiën ", "Risico’s ", "€ 9.000"]


def test_utf16_with_bom() -> None:
    assert texts(read("Financiën\nKader\n".encode("utf-16"))) == ["Financiën", "Kader"]


def test_form_feeds_start_new_pages() -> None:
    source = read(b"Samenvatting\ntekst\n\x0cKader\ntekst\n\x0c\x0cVervolg\n")
    assert [line.page for line in source.lines] == [1, 1, 2, 2, 4]
    assert source.lines[2].text == "\x0cKader"  # the form feed stays: spans point at the file


def test_form_feed_before_a_heading_does_not_hide_it() -> None:
    text = SEED_BYTES.decode("utf-8").replace("Kader \n", "\x0cKader \n")
    assert lint(text, "memo.txt", select=["ML101"]) == []


def test_binary_file_is_unreadable() -> None:
    with pytest.raises(UnreadableFile, match="binary"):
        read(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_too_many_characters_is_unreadable() -> None:
    with pytest.raises(UnreadableFile, match="limit"):
        decode(b"a" * 101, Limits(max_chars=100))


def test_empty_file_has_no_lines() -> None:
    assert read(b"").lines == []


def test_suffix_picks_the_reader_and_unknown_suffixes_read_as_text() -> None:
    assert read(b"# Kop\n", "memo.text").format == "text"
    assert read(b"# Kop\n", "memo.unknown").format == "text"


def test_corpus_provenance_header_is_skipped_and_kept_apart() -> None:
    """Its "type:" says where the text came from; it must not choose a pack like front matter."""
    path = CORPUS / "02_zaanstad_informatienota.txt"
    if not path.is_file():
        pytest.skip("../shared/corpus/real is not present")
    source = read(path.read_bytes(), path.name)
    assert "type" not in source.front_matter
    provenance = source.front_matter["provenance"]
    assert isinstance(provenance, dict)
    assert provenance["municipality"] == "Zaanstad"
    assert provenance["type"] == "informatienota"
    assert str(provenance["source"]).startswith("https://")
    assert source.front_matter_span is not None
    assert (source.front_matter_span.line, source.front_matter_span.end_line) == (1, 5)


def test_provenance_header_needs_its_end_marker() -> None:
    source = read(b"# source: somewhere\n# type: memo\nSamenvatting\n")
    assert source.front_matter == {}
    assert source.front_matter_span is None


def test_provenance_lines_are_not_memo_text() -> None:
    header = "# source: https://example.org/memo.pdf\n# type: collegevoorstel\n# ---\n"
    assert lint(header + SEED_BYTES.decode("utf-8"), "memo.txt") == []


CORPUS_FILES = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


@pytest.mark.parametrize("path", CORPUS_FILES, ids=[p.name for p in CORPUS_FILES])
def test_real_corpus_reads_and_lints_without_a_crash(path: Path) -> None:
    source = read(path.read_bytes(), path.name)
    assert source.lines
    found = lint(path.read_text("utf-8"), path.name)
    assert all(code.startswith("ML") and line >= 1 for code, line in found)
