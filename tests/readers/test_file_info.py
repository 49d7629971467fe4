"""What the PDF, Word and ODT readers find about the file itself (``Source.file_info``):
title, language, tags, pictures, scans and headings that are only bold. Text and Markdown
have none: the ML80x file checks cost them nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import modules_a_check_imports
from memo_lint.model import Line
from memo_lint.readers import read_source
from memo_lint.readers.docx import _visual_headings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
RULES = FIXTURES / "rules"
TITLE = "Niet verlengen deelname City deal Slim Maatwerk"


def info(path: Path):  # type: ignore[no-untyped-def]
    return read_source(str(path), path.read_bytes()).file_info


@pytest.mark.parametrize(
    "name", ["zwolle-beslisnota-citydeal.txt", "zwolle-beslisnota-citydeal.md"]
)
def test_text_and_markdown_have_no_file_info(name: str) -> None:
    path = Path(__file__).resolve().parents[2] / "examples" / name
    assert info(path) is None


def test_tagged_pdf() -> None:
    found = info(RULES / "clean-publication.pdf")
    assert (found.title, found.language, found.tagged) == (TITLE, "nl-NL", True)
    assert found.heading_tags and found.heading_tags[0] == 1 and 2 in found.heading_tags
    assert found.scanned_pages == []


def test_untagged_pdf() -> None:
    found = info(RULES / "ML802-untagged.pdf")
    assert (found.title, found.language, found.tagged, found.heading_tags) == (
        TITLE,
        "nl-NL",
        False,
        None,
    )


def test_pdf_from_libreoffice_defaults_has_no_title_and_english() -> None:
    found = info(FIXTURES / "pdf" / "seed.pdf")
    assert (found.title, found.language, found.tagged) == (None, "en-US", False)


def test_word_title_language_and_picture_alt() -> None:
    found = info(RULES / "clean-publication.docx")
    assert (found.title, found.language) == (TITLE, "nl-NL")
    assert [(p.alt, p.line) for p in found.pictures] == [
        ("Kaart van Zwolle met de wijken van de City deal", 2)
    ]
    assert found.visual_headings == []


def test_word_without_title_and_picture_without_alt() -> None:
    assert info(RULES / "ML803-no-title.docx").title is None
    assert [p.alt for p in info(RULES / "ML805-picture-without-alt.docx").pictures] == [""]
    assert info(RULES / "ML804-declared-english.docx").language == "en-US"


def test_word_bold_paragraph_is_a_visual_heading() -> None:
    assert info(RULES / "ML806-bold-heading.docx").visual_headings == [2]


def test_visual_heading_needs_text_after_it_and_no_sentence_end() -> None:
    lines = [Line(1, "Achtergrond"), Line(2, "Tekst."), Line(3, "Dit is vet."), Line(4, "x"),
             Line(5, "Titelblok"), Line(6, "Ook vet"), Line(7, "Tekst")]  # fmt: skip
    assert _visual_headings(lines, {1, 3, 5, 6}) == [1, 6]


def test_odt_title_and_language() -> None:
    found = info(FIXTURES / "odt" / "seed.odt")
    assert (found.title, found.language, found.tagged) == (None, "en-US", None)


# The libraries only PDF, Word and ODT files need (file info, language detection, checksums).
FILE_LIBRARIES = (
    "pypdfium2",
    "pypdfium2_raw",
    "pycld2",
    "stdnum",
    "docx",
    "pypdf",
    "pikepdf",
    "lxml",
)


@pytest.mark.parametrize(
    ("name", "loaded"),
    [
        ("examples/zwolle-beslisnota-citydeal.txt", []),
        ("examples/zwolle-beslisnota-citydeal.md", []),
        ("tests/fixtures/rules/ML801-personal-data.txt", ["stdnum"]),  # a BSN-shaped number
        ("tests/fixtures/pdf/seed.pdf", ["pycld2", "pypdfium2_raw"]),  # not its object layer
    ],
)
def test_a_text_or_markdown_run_imports_no_file_library(name: str, loaded: list[str]) -> None:
    """``memo-lint check`` with every rule, ML801-ML806 included, in a fresh interpreter."""
    path = Path(__file__).resolve().parents[2] / name
    assert modules_a_check_imports(path, FILE_LIBRARIES) == loaded
