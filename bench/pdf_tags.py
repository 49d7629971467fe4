"""Which library reads what ML802-ML806 need from a PDF: PDFium (pypdfium2, memo-lint's PDF
reader) or pikepdf (qpdf). Needs ``pip install pikepdf``.

    python bench/pdf_tags.py            # every PDF of ../shared/corpus

For every corpus PDF both libraries read the title (document information dictionary), the
catalog's /Lang, whether the file is tagged, the heading tags, the Figure elements and the
Figures without a text alternative; the script prints where they disagree, the totals, the
CPU time of each library's pass (open the file, read those facts; PDFium's per-page walk is
the one memo-lint does inside its text pass) and each library's import time in a fresh
interpreter.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
HEADINGS = {"/H", "/H1", "/H2", "/H3", "/H4", "/H5", "/H6"}


def with_pdfium(path: Path) -> dict[str, Any]:
    import pypdfium2

    from memo_lint.readers import _pdf_tags

    document = pypdfium2.PdfDocument(path)
    try:
        tagged = _pdf_tags.is_tagged(document.raw)
        headings: list[int] = []
        figures = []
        if tagged:
            for index in range(len(document)):
                page = document[index]
                found, pictures = _pdf_tags.page_tags(page.raw, index + 1)
                headings += found
                figures += pictures
                page.close()
        return {
            "title": _pdf_tags.title(document.raw),
            "lang": _pdf_tags.language(document.raw),
            "tagged": tagged,
            "headings": len(headings),
            "figures": len(figures),
            "no alt": sum(1 for f in figures if not f.alt),
        }
    finally:
        document.close()


def with_pikepdf(path: Path) -> dict[str, Any]:
    import pikepdf

    with pikepdf.open(path) as pdf:
        root = pdf.Root
        info = pdf.docinfo
        title = str(info.get("/Title", "")).strip() if info is not None else ""
        lang = str(root.get("/Lang", "")).strip()
        marked = root.get("/MarkInfo")
        tagged = "/StructTreeRoot" in root and bool(marked and marked.get("/Marked", False))
        headings = figures = no_alt = 0
        stack = [root.StructTreeRoot] if tagged else []
        while stack:
            node = stack.pop()
            if not isinstance(node, pikepdf.Dictionary):
                continue
            kind = str(node.get("/S", ""))
            headings += kind in HEADINGS
            if kind == "/Figure":
                figures += 1
                no_alt += not str(node.get("/Alt", "")).strip()
            kids = node.get("/K")
            stack.extend(kids if isinstance(kids, pikepdf.Array) else [kids])
        return {
            "title": title or None,
            "lang": lang or None,
            "tagged": tagged,
            "headings": headings,
            "figures": figures,
            "no alt": no_alt,
        }


def import_ms(module: str) -> float:
    """CPU ms of ``import module`` in a fresh interpreter, above a bare interpreter (best of 5)."""

    def cpu(code: str) -> float:
        runs = []
        for _ in range(5):
            start = _children()
            subprocess.run([sys.executable, "-c", code], check=True)
            runs.append(_children() - start)
        return min(runs) * 1000

    return cpu(f"import {module}") - cpu("pass")


def _children() -> float:
    import os

    times = os.times()
    return times.children_user + times.children_system


def main() -> None:
    files = sorted(CORPUS.rglob("*.pdf"))
    totals: dict[str, Counter[str]] = {"pdfium": Counter(), "pikepdf": Counter()}
    cpu = {"pdfium": 0.0, "pikepdf": 0.0}
    differ = Counter[str]()
    for path in files:
        results = {}
        for name, read in (("pdfium", with_pdfium), ("pikepdf", with_pikepdf)):
            start = time.process_time()
            results[name] = read(path)
            cpu[name] += time.process_time() - start
            facts = results[name]
            totals[name].update(
                {
                    "no title": facts["title"] is None,
                    "no /Lang": facts["lang"] is None,
                    "tagged": facts["tagged"],
                    "heading tags": facts["headings"],
                    "figures": facts["figures"],
                    "figures without alt": facts["no alt"],
                }
            )
        for key in results["pdfium"]:
            if results["pdfium"][key] != results["pikepdf"][key]:
                differ[key] += 1
                name = path.relative_to(CORPUS).as_posix()
                print(f"{name}: {key} pdfium {results['pdfium'][key]!r}, "
                      f"pikepdf {results['pikepdf'][key]!r}")  # fmt: skip
    print(f"\n{len(files)} PDFs")
    for name in ("pdfium", "pikepdf"):
        print(f"{name:8} {dict(totals[name])}  CPU {cpu[name]:.2f} s")
    print(f"files where they differ, per fact: {dict(differ)}")
    for module in ("pypdfium2", "pikepdf"):
        print(f"import {module}: {import_ms(module):.0f} ms CPU above a bare interpreter")


if __name__ == "__main__":
    main()
