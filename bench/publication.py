"""Publication rules (ML801-ML806) on the real corpus, and what the personal-data scan costs.

    python bench/publication.py corpus              # ML80x findings on the tuning corpus
    python bench/publication.py corpus --holdout    # on bench/holdout.txt (once, at the end)
    python bench/publication.py judge [--holdout]   # each finding checked against pikepdf
    python bench/publication.py candidates [--holdout]  # what ML801's scan sees, unfiltered
    python bench/publication.py speed               # ML801's share of a .txt memo's CPU time
    python bench/publication.py speed --corpus --rounds 5   # the same on every corpus .txt

``corpus`` lints every .txt and .pdf of ``../shared/corpus`` (hold-out bodies left out, or
only those with ``--holdout``) with the pack memo-lint picks for it, selecting ML80x, and
prints one line per finding plus counts; docs/corpus-findings-ml8.md judges them. ``speed``
lints the reference memo (.txt; ``--corpus``: every corpus .txt) in-process and times the
personal-data scan on its own, both in CPU time (the machine is shared). ``judge`` (needs
``pip install pikepdf``) re-reads each PDF a finding is about with pikepdf, a second library
that walks the whole structure tree and reads XMP as well, and prints the evidence and a
verdict per finding: the table in docs/corpus-findings-ml8.md.
"""

from __future__ import annotations

import argparse
import fnmatch
import functools
import itertools
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

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
        if code == "ML802" and "tekstlaag" in message:
            return _scanned(pdf, message)
        if code == "ML802":
            return "no /StructTreeRoot", "/StructTreeRoot" not in root
        if code == "ML804" and "maar de tekst is" in message:  # declared one language, text another
            declared = str(root.get("/Lang", ""))
            words = _function_words(path)
            shown = f"/Lang {declared}; Dutch/English function words in the text {words}"
            return shown, f"'{declared}'" in message and words[0] > 5 * words[1]
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
        if code == "ML806" and "overgeslagen" in message:  # a level skipped
            skips = _skipped_levels(pikepdf, root.StructTreeRoot)
            return f"heading tags in document order skip {skips[:3]}", bool(skips)
        if code == "ML806":
            shown = f"{headings} heading tags of {sum(kinds.values())}; {sections} sections in text"
            return shown, headings == 0 and sections > 0
        page = int(message.split("pagina ")[1].split()[0]) if "pagina " in message else 0
        return f"{no_alt[page]} Figure(s) without /Alt on page {page}", no_alt[page] > 0


def _scanned(pdf: Any, message: str) -> tuple[str, bool]:
    """Pages the message calls images without a text layer: by pikepdf, the page draws an
    image and shows (Tj/TJ) fewer than 40 non-blank bytes of text (a cover may carry one
    stamp, 'RIS321542'; a page of text shows thousands)."""
    import pikepdf

    named = message.split("Pagina ")[1].split(" van")[0]  # "Pagina 2, 3 van de PDF …"
    found = []
    for number in (int(n) for n in named.split(", ")):
        page = pdf.pages[number - 1]
        shown = 0
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) in ("Tj", "TJ", "'", '"'):
                strings = operands[-1] if str(operator) == "TJ" else operands[-1:]
                shown += sum(
                    len(bytes(x).replace(b" ", b"").replace(b"\x00", b""))
                    for x in strings
                    if isinstance(x, pikepdf.String)
                )
        found.append((number, len(page.get_images()), shown))
    text = "; ".join(f"page {n}: {i} image(s), {t} bytes of text shown" for n, i, t in found)
    return text, all(i and t < 40 for _, i, t in found)


def _function_words(path: Path) -> tuple[int, int]:
    """(Dutch, English) function words in the PDF's text: a second opinion on its language
    beside CLD2, the detector memo-lint uses."""
    import re

    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    text = " ".join(page.get_textpage().get_text_range() for page in document).lower()
    words = re.findall(r"[a-zë]+", text)
    dutch = sum(w in {"de", "het", "een", "van", "en", "niet", "voor", "wordt"} for w in words)
    english = sum(w in {"the", "and", "of", "to", "is", "for", "not", "with"} for w in words)
    return dutch, english


def _skipped_levels(pikepdf: Any, tree: Any) -> list[str]:
    """Jumps of more than one level between heading tags, walking the tree in order."""
    order: list[int] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if not isinstance(node, pikepdf.Dictionary):
            continue
        kind = str(node.get("/S", ""))[1:]
        if kind in {"H1", "H2", "H3", "H4", "H5", "H6"}:
            order.append(int(kind[1]))
        kids = node.get("/K")
        stack.extend(reversed(list(kids)) if isinstance(kids, pikepdf.Array) else [kids])
    return [f"H{a}->H{b}" for a, b in itertools.pairwise(order) if b > a + 1]


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


def _cpu_ms(function: Callable[[], object], rounds: int) -> float:
    """Median CPU time of ``function`` in ms (process time: the machine is shared)."""
    times = []
    for _ in range(rounds):
        start = time.process_time_ns()
        function()
        times.append(time.process_time_ns() - start)
    return statistics.median(times) / 1e6


def _scan(check: Callable[..., Iterable[object]], *args: object) -> None:
    for _ in check(*args):
        pass


def speed(rounds: int, corpus: bool) -> None:
    """ML801's scan against the whole lint of a .txt memo, in CPU time.

    The scan is timed on its own with ``unstated: check``, so it really scans every memo
    that is not marked Geheim (a collegevoorstel stating no publicity would return at once):
    an upper bound of what it costs inside the lint.
    """
    import datetime as dt

    from memo_lint import packs
    from memo_lint.analysis import analyse
    from memo_lint.api import Linter, LintOptions
    from memo_lint.checks import Context, personal_data
    from memo_lint.readers import read_source

    files = [p for p in sorted(CORPUS.rglob("*.txt")) if p.name != "README.md"] if corpus else []
    linter = Linter(LintOptions(use_cache=False, today=dt.date(2026, 11, 29)))
    total_lint = total_scan = memo_lint = memo_scan = 0.0
    worst = (0.0, "")
    for path in files or [SEED]:
        data = path.read_bytes()
        report = linter.lint_bytes(str(path), data, path)  # warm: pack loaded, imports done
        pack = packs.load(report.pack)
        rule = pack.rule("ML801")
        assert rule is not None, report.pack
        rule = rule.replace(options={**rule.options, "unstated": "check"})
        document = analyse(read_source(str(path), data), pack)
        context = Context(pack=pack, rule=rule, reference_date=dt.date(2026, 11, 29), lang="nl")
        list(personal_data.check(document, context))
        lint = _cpu_ms(functools.partial(linter.lint_bytes, str(path), data, path), rounds)
        scan = _cpu_ms(functools.partial(_scan, personal_data.check, document, context), rounds)
        total_lint += lint
        total_scan += scan
        if not any(v.code == "ML003" for v in report.violations):  # a memo: ML801 runs on it
            memo_lint += lint
            memo_scan += scan
            worst = max(worst, (scan / lint, path.name))
        if not files:
            lines = len(document.lines)
            print(f"{path.name} ({lines} lines), {rounds} rounds, median CPU ms: lint {lint:.3f},")
            print(f"personal-data scan alone {scan:.3f} = {100 * scan / lint:.1f} % of the lint")
    if files:
        print(f"{len(files)} corpus .txt files, {rounds} rounds each, sum of median CPU ms: ")
        print(f"lint {total_lint:.1f}, personal-data scan alone {total_scan:.1f} = ")
        print(f"{100 * total_scan / total_lint:.1f} % of the lint; on the memos alone (not ML003) ")
        print(f"{100 * memo_scan / memo_lint:.1f} %, highest share on one memo ")
        print(f"{100 * worst[0]:.1f} % ({worst[1]})")
    print("(target: < 10 %)")


def candidates(holdout: bool) -> None:
    """What ML801's scan sees on every corpus .txt and PDF, before the filters that keep it
    silent there: candidates by shape, the values it accepts (checksum, cue), and for each
    accepted value whether the memo is published and whether it sits in a contact block."""
    import datetime as dt

    from memo_lint import packs
    from memo_lint.analysis import analyse
    from memo_lint.api import Linter, LintOptions
    from memo_lint.checks import _publication, personal_data
    from memo_lint.patterns import compile_pattern
    from memo_lint.readers import read_source

    shapes = {
        "BSN-shaped": personal_data._BSN,
        "IBAN-shaped": personal_data._IBAN,
        "mobile-shaped": personal_data._MOBILE,
        "fixed-line-shaped": personal_data._FIXED,
        "private cue": personal_data._PRIVATE_CUE,
        "e-mail": personal_data._MAIL,
        "birth-date cue": personal_data._BIRTH,
        "plate-shaped": personal_data._PLATE,
    }
    counts: Counter[str] = Counter()
    linter = Linter(LintOptions(use_cache=False, select=("ML801",), today=dt.date(2026, 11, 29)))
    for path in corpus_files(holdout):
        data = path.read_bytes()
        report = linter.lint_bytes(str(path), data, path)
        pack = packs.load(report.pack)
        rule = pack.rule("ML801")
        assert rule is not None
        document = analyse(read_source(str(path), data), pack)
        contact = personal_data._contact_lines(
            document.content,
            compile_pattern(rule.options.get("contact", personal_data.CONTACT)),
            rule.options.get("contact_lines", 4),
        )
        scanner = personal_data._Scanner(rule.options, dt.date(2026, 11, 29))
        published = _publication.published(document, rule.options)
        for line in document.content:
            for name, pattern in shapes.items():
                counts[name] += sum(1 for _ in pattern.finditer(line.text))
            for category, value, _, _ in scanner.scan(line):
                counts["accepted"] += 1
                where = "contact block" if line.number in contact else "text"
                name = path.relative_to(CORPUS).as_posix()
                state = "published" if published else "not published"
                print(f"{name}\t{report.pack}\t{line.number}\t{category}", end="\t")
                print(f"{personal_data.mask(value)}\t{where}\t{state}")
        counts["ML801 findings"] += len(report.violations)
    body = "hold-out" if holdout else "tuning"
    print(f"# {body}: {dict(counts)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["corpus", "judge", "speed", "candidates"])
    parser.add_argument("--holdout", action="store_true")
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--corpus", action="store_true", help="speed: every corpus .txt")
    args = parser.parse_args()
    if args.what == "corpus":
        corpus(args.holdout)
    elif args.what == "candidates":
        candidates(args.holdout)
    elif args.what == "judge":
        judge(args.holdout)
    else:
        speed(args.rounds, args.corpus)


if __name__ == "__main__":
    sys.exit(main())
