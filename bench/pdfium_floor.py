"""What PDFium alone costs a PDF: the floor under "real PDFs >= 100 files/s" (issue 15.5).

    python bench/pdfium_floor.py [FOLDER_OR_FILE ...]    # default: ../shared/corpus

For each PDF, the best of ``--repeats`` runs in CPU time (process_time: the machine's load
matters little) of PDFium's own work that any PDFium-based reader must do, called through
``pypdfium2_raw`` with no Python object layer, in four cumulative stages: ``document``
(``FPDF_LoadMemDocument64``, the call the reader makes for the bytes it already holds, and
closing it), ``+ pages`` (``FPDF_LoadPage`` of every page), ``+ text pages``
(``FPDFText_LoadPage`` of every page: the floor) and ``+ text`` (each page's text in one
``FPDFText_GetText`` call, which the reader needs too). Prints each file whose floor is over
the budget with its page count, and the sums against the 10 ms a file that 100 files per CPU
second allow (start-up, analysis and checks not counted: they come on top).
"""

from __future__ import annotations

import argparse
import ctypes
import os
from pathlib import Path

import pypdfium2_raw as pdfium_c  # type: ignore[import-untyped,unused-ignore]
from pdf_text import best_ms

REPO = Path(__file__).resolve().parents[1]
BUDGET_MS = 10.0  # 100 files per CPU second


STAGES = ("document", "+ pages", "+ text pages", "+ text")


def load(data: bytes, stage: int) -> int:
    """Open the document and do ``STAGES[:stage + 1]`` for every page, close all again."""
    document = pdfium_c.FPDF_LoadMemDocument64(data, len(data), None)
    if not document:
        raise ValueError(f"PDFium error {pdfium_c.FPDF_GetLastError()}")
    try:
        count = pdfium_c.FPDF_GetPageCount(document)
        for index in range(count if stage else 0):
            page = pdfium_c.FPDF_LoadPage(document, index)
            if stage == 1:
                pdfium_c.FPDF_ClosePage(page)
                continue
            textpage = pdfium_c.FPDFText_LoadPage(page)
            if stage == 3:
                chars = pdfium_c.FPDFText_CountChars(textpage)
                buffer = ctypes.create_string_buffer(chars * 2 + 2)
                target = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
                pdfium_c.FPDFText_GetText(textpage, 0, chars, target)
            pdfium_c.FPDFText_ClosePage(textpage)
            pdfium_c.FPDF_ClosePage(page)
        return int(count)
    finally:
        pdfium_c.FPDF_CloseDocument(document)


def pdfs_of(argument: Path) -> list[Path]:
    return [argument] if argument.is_file() else sorted(argument.rglob("*.pdf"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[REPO.parent / "shared" / "corpus"])
    parser.add_argument("--repeats", type=int, default=5)
    options = parser.parse_args()
    pdfium_c.FPDF_InitLibrary()
    rows = []
    for path in (pdf for argument in options.paths for pdf in pdfs_of(argument)):
        data = path.read_bytes()
        try:
            pages = load(data, 0)
        except ValueError as error:
            print(f"{path}: {error}, skipped")
            continue
        times = [
            best_ms(lambda data=data, stage=stage: load(data, stage), options.repeats)
            for stage in range(len(STAGES))
        ]
        rows.append((path, pages, times))
    count = len(rows)
    pages = sum(row[1] for row in rows)
    print(f"load average {os.getloadavg()[0]:.1f}; CPU ms, best of {options.repeats} per file")
    print(f"{'file':44} {'pages':>5} " + " ".join(f"{stage:>12}" for stage in STAGES))
    over = sorted((row for row in rows if row[2][2] > BUDGET_MS), key=lambda row: -row[2][2])
    for path, page_count, times in over:
        print(f"{path.name[:44]:44} {page_count:5} " + " ".join(f"{ms:12.2f}" for ms in times))
    for stage, name in enumerate(STAGES):
        total = sum(row[2][stage] for row in rows)
        print(
            f"{name:>12}: {total:5.0f} ms for {count} PDFs = {total / count:5.2f} ms a file, "
            f"{total / pages:.2f} ms a page"
        )
    print(
        f"{count} PDFs, {pages} pages ({pages / count:.1f} a file); budget {BUDGET_MS:.0f} ms a "
        f"file = {BUDGET_MS * count:.0f} ms. Floor (+ text pages) over budget: {len(over)} files, "
        f"{sum(row[1] for row in over)} pages, {sum(row[2][2] for row in over):.0f} ms; the other "
        f"{count - len(over)}: {sum(row[2][2] for row in rows if row not in over):.0f} ms"
    )


if __name__ == "__main__":
    main()
