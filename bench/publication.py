"""Publication rules (ML801-ML806) on the real corpus, and what the personal-data scan costs.

    python bench/publication.py corpus              # ML80x findings on the tuning corpus
    python bench/publication.py corpus --holdout    # on bench/holdout.txt (once, at the end)
    python bench/publication.py judge [--holdout]   # each finding checked against pikepdf
    python bench/publication.py speed               # ML801's share of a .txt memo's lint time

``corpus`` lints every .txt and .pdf of ``../shared/corpus`` (hold-out bodies left out, or
only those with ``--holdout``) with the pack memo-lint picks for it, selecting ML80x, and
prints one line per finding plus counts; docs/corpus-findings-ml8.md judges them. ``speed``
lints the reference memo (.txt) in-process, with and without ML801, interleaved, and times
the personal-data check on its own. ``judge`` (needs ``pip install pikepdf``) re-reads each
PDF a finding is about with pikepdf, a second library that walks the whole structure tree and
reads XMP as well, and prints the evidence and a verdict per finding: the table in
docs/corpus-findings-ml8.md.
"""

from __future__ import annotations

import argparse
import fnmatch
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
SEED = REPO / "examples" / "zwolle-beslisnota-citydeal.txt"


def holdout_globs() -> list[str]:
    lines = (REPO / "bench" / "holdout.txt").read_text("utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def corpus_files(holdout: bool) -> list[Path]:
    globs = holdout_globs()
    files = []
    for path in sorted(CORPUS.rglob("*")):
        if path.suffix not in (".txt", ".pdf") or path.name == "README.md":
            continue
        held = any(fnmatch.fnmatch(path.relative_to(CORPUS).as_posix(), g) for g in globs)
        if held == holdout:
            files.append(path)
    return files


def corpus(holdout: bool) -> None:
    from memo_lint.api import LintOptions, lint_paths

    files = corpus_files(holdout)
    options = LintOptions(select=("ML80",), use_cache=False, keep_text=False, jobs=1)
    report = lint_paths(files, options)
    counts: Counter[str] = Counter()
    for file in report.files:
        for v in file.violations:
            counts[v.code] += 1
            name = Path(file.path).relative_to(CORPUS).as_posix()
            print(f"{name}\t{file.pack}\t{v.code}\t{v.span.line}\t{v.message}")
    body = "hold-out" if holdout else "tuning"
    print(f"# {len(files)} files ({body}): {dict(sorted(counts.items()))}")


def _evidence(path: Path, code: str, message: str, sections: int) -> tuple[str, bool]:
    """What pikepdf says about the PDF, and whether that confirms the finding."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        root = pdf.Root
        if code == "ML802":
            return "no /StructTreeRoot", "/StructTreeRoot" not in root
        if code == "ML804":
            return f"/Lang {root.get('/Lang')!s}", "/Lang" not in root or not str(root.Lang)
        if code == "ML803":
            info = str(pdf.docinfo.get("/Title", "")) if pdf.docinfo is not None else ""
            with pdf.open_metadata() as meta:
                xmp = str(meta.get("dc:title", "") or "")
            shown = f"Info /Title {info!r}, XMP dc:title {xmp!r}"
            named = "rest van" in message or "zegt niet" in message  # leftover or generic
            return shown, (not info.strip() and not xmp.strip()) or named
        kinds: Counter[str] = Counter()
        no_alt: Counter[int] = Counter()
        pages = {page.objgen: number for number, page in enumerate(pdf.pages, start=1)}
        stack = [root.StructTreeRoot] if "/StructTreeRoot" in root else []
        while stack:
            node = stack.pop()
            if not isinstance(node, pikepdf.Dictionary):
                continue
            kind = str(node.get("/S", ""))[1:]
            kinds[kind] += 1
            if kind == "Figure" and not str(node.get("/Alt", "")).strip():
                page = node.get("/Pg")
                no_alt[pages.get(page.objgen, 0) if page is not None else 0] += 1
            kids = node.get("/K")
            stack.extend(kids if isinstance(kids, pikepdf.Array) else [kids])
        headings = sum(
            n for k, n in kinds.items() if k in {"H", "H1", "H2", "H3", "H4", "H5", "H6"}
        )
        if code == "ML806":
            shown = f"{headings} heading tags of {sum(kinds.values())}; {sections} sections in text"
            return shown, headings == 0 and sections > 0
        page = int(message.split("pagina ")[1].split()[0]) if "pagina " in message else 0
        return f"{no_alt[page]} Figure(s) without /Alt on page {page}", no_alt[page] > 0


def judge(holdout: bool) -> None:
    from memo_lint import packs
    from memo_lint.analysis import analyse
    from memo_lint.api import LintOptions, lint_paths
    from memo_lint.readers import read_source

    files = [p for p in corpus_files(holdout) if p.suffix == ".pdf"]
    report = lint_paths(files, LintOptions(select=("ML80",), use_cache=False, keep_text=False))
    print("| file | pack | code | line | message | pikepdf says | verdict |")
    print("|---|---|---|---|---|---|---|")
    verdicts: Counter[tuple[str, bool]] = Counter()
    for file in report.files:
        path = Path(file.path)
        sections = len(
            analyse(read_source(file.path, path.read_bytes()), packs.load(file.pack)).sections
        )
        for v in file.violations:
            shown, confirmed = _evidence(path, v.code, v.message, sections)
            verdicts[(v.code, confirmed)] += 1
            name = path.relative_to(CORPUS).as_posix()
            verdict = "correct" if confirmed else "**check by hand**"
            cells = (name, file.pack, v.code, v.span.line, v.message, shown, verdict)
            print("| " + " | ".join(str(c) for c in cells) + " |")
    print()
    for (code, confirmed), count in sorted(verdicts.items()):
        print(f"- {code}: {count} {'confirmed' if confirmed else 'NOT confirmed'}")


def speed(rounds: int) -> None:
    import datetime as dt

    from memo_lint import packs
    from memo_lint.analysis import analyse
    from memo_lint.api import Linter, LintOptions
    from memo_lint.checks import Context, personal_data
    from memo_lint.readers import read_source

    data = SEED.read_bytes()
    with_rule = Linter(LintOptions(use_cache=False))
    without = Linter(LintOptions(use_cache=False, ignore=("ML801",)))
    pack = packs.load("zwolle-beslisnota")
    rule = pack.rule("ML801")
    assert rule is not None
    document = analyse(read_source(str(SEED), data), pack)
    context = Context(pack=pack, rule=rule, reference_date=dt.date(2024, 3, 1), lang="nl")
    for linter in (with_rule, without):  # warm: packs loaded, imports done
        linter.lint_bytes(str(SEED), data, SEED)
    list(personal_data.check(document, context))
    full, bare, scan = [], [], []
    for _ in range(rounds):
        for linter, times in ((with_rule, full), (without, bare)):
            start = time.perf_counter()
            linter.lint_bytes(str(SEED), data, SEED)
            times.append(time.perf_counter() - start)
        start = time.perf_counter()
        list(personal_data.check(document, context))
        scan.append(time.perf_counter() - start)
    f, b, s = (statistics.median(t) * 1000 for t in (full, bare, scan))
    print(f"seed .txt, {rounds} rounds, median ms: lint {f:.3f}, lint without ML801 {b:.3f}, ")
    print(f"personal-data check alone {s:.3f} = {100 * s / f:.1f} % of the lint (target < 10 %)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["corpus", "judge", "speed"])
    parser.add_argument("--holdout", action="store_true")
    parser.add_argument("--rounds", type=int, default=300)
    args = parser.parse_args()
    if args.what == "corpus":
        corpus(args.holdout)
    elif args.what == "judge":
        judge(args.holdout)
    else:
        speed(args.rounds)


if __name__ == "__main__":
    sys.exit(main())
