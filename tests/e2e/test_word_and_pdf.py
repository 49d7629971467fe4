"""Word and PDF memos through the whole linter (issue 3's acceptance criteria).

The fixtures are built by tests/fixtures/build_fixtures.py (python-docx, then LibreOffice
for the PDFs) and committed, so these tests need neither.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from memo_lint.api import LintOptions, lint_paths

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SHARED = Path(__file__).resolve().parents[3] / "shared"
# These files carry python-docx's and LibreOffice's default metadata (no title, en-US, no
# tags): what the text checks see is this module's business, the file's own metadata
# (ML802-ML806) is tested once below and in tests/readers/test_file_info.py.
OPTIONS = LintOptions(use_cache=False, ignore=("ML80",))


def _found(path: Path) -> list[tuple[str, int, int | None]]:
    report = lint_paths([path], OPTIONS)
    return [(v.code, v.span.line, v.page) for v in report.violations]


@pytest.mark.parametrize(
    "name",
    [
        "docx/seed.docx",
        "docx/seed-content-control.docx",
        "docx/seed-wingdings.docx",
        "docx/seed-formfield.docx",
        "pdf/seed.pdf",
        "pdf/seed-wingdings.pdf",
    ],
)
def test_word_and_pdf_renditions_of_the_seed_are_clean(name: str) -> None:
    assert _found(FIXTURES / name) == []


@pytest.mark.parametrize(
    ("name", "codes"),
    [("docx/seed.docx", ["ML803", "ML804"]), ("pdf/seed.pdf", ["ML802", "ML803", "ML804"])],
)
def test_default_exports_lack_title_and_dutch_and_the_pdf_tags(name: str, codes: list[str]) -> None:
    report = lint_paths([FIXTURES / name], LintOptions(use_cache=False, select=("ML80",)))
    assert [v.code for v in report.violations] == codes


@pytest.mark.parametrize(
    "name",
    ["seed-unchecked.docx", "seed-content-control-unchecked.docx", "seed-wingdings-unchecked.docx"],
)
def test_unchecked_openbaar_fires_ml301_at_the_checkbox_paragraph(name: str) -> None:
    # Paragraph 14 is the one holding "☐ Openbaar ☐ Geheim" (one line per paragraph).
    assert _found(FIXTURES / "docx" / name) == [("ML301", 14, None)]


def test_unchecked_pdf_fires_ml301_on_page_1() -> None:
    assert _found(FIXTURES / "pdf" / "seed-unchecked.pdf") == [("ML301", 16, 1)]


def test_broken_word_memo_fires_at_its_paragraphs() -> None:
    assert _found(FIXTURES / "docx" / "seed-broken.docx") == [
        ("ML704", 26, None),
        ("ML701", 44, None),
    ]


def test_broken_pdf_fires_at_the_right_page_and_line() -> None:
    # Kader is on page 2, Communicatie on page 4 of the LibreOffice rendering.
    assert _found(FIXTURES / "pdf" / "seed-broken.pdf") == [("ML704", 32, 2), ("ML701", 92, 4)]


@pytest.mark.skipif(
    not (SHARED / "corpus" / "pdf").is_dir(), reason="../shared/corpus/pdf is not present"
)
def test_real_pdfs_lint_without_unreadable_files() -> None:
    pdfs = sorted((SHARED / "corpus" / "pdf").rglob("*.pdf"))
    assert len(pdfs) >= 40
    report = lint_paths(pdfs, OPTIONS)
    assert len(report.files) == len(pdfs)
    assert [v for v in report.violations if v.code == "ML001"] == []
