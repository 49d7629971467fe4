"""Where the PDF reader's time goes, per file: is a bulk text API worth it? (issue 15.5)

    python bench/pdf_text.py [FILE.pdf ...]     # default: the seed memo's PDF rendition

For each file, the best of N runs in CPU time (process_time, so the machine's load matters
little) of: pdfium opening the file and building each page's text page plus one bulk
``get_text_range()`` per page (the floor any pdfium-based reader pays); the same plus the
reader's line splitting, which asks pdfium for two character boxes per line (more only on a
line with checkbox glyphs); and the whole reader (``memo_lint.readers.pdf.read``: also tags,
figures, outline and running lines). The difference between the first two is all that
pdfium's bulk box APIs (text rectangles) could save.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pypdfium2

from memo_lint.readers import Limits, pdf

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "tests" / "fixtures" / "pdf" / "seed.pdf"


def best_ms(work: Callable[[], object], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best * 1000


def pages(data: bytes, lines: bool) -> None:
    document = pypdfium2.PdfDocument(data)
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            if lines:
                pdf._page_lines(textpage.raw, text)
            textpage.close()
            page.close()
    finally:
        document.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path, default=[SEED])
    parser.add_argument("--repeats", type=int, default=30)
    options = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}; CPU ms, best of {options.repeats}")
    for path in options.files:
        data = path.read_bytes()
        count = len(pypdfium2.PdfDocument(data))
        text = best_ms(partial(pages, data, False), options.repeats)
        boxes = best_ms(partial(pages, data, True), options.repeats)
        whole = best_ms(partial(pdf.read, str(path), data, Limits()), options.repeats)
        print(
            f"{path.name} ({count} pages): pdfium text pages + bulk text {text:.2f} ms; "
            f"+ line splitting with char boxes {boxes:.2f} ms ({(boxes - text) / whole:.0%} of "
            f"the reader); whole reader {whole:.2f} ms = {count / whole * 1000:,.0f} pages/s, "
            f"{1000 / whole:,.0f} files/s"
        )


if __name__ == "__main__":
    main()
