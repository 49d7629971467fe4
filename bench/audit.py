"""memo-lint audit benchmark: store cost, unchanged re-run, Dask LocalCluster (issue 16).

    python bench/audit.py                 # 10,000 generated memos (a few minutes)
    python bench/audit.py --count 1000    # quicker
    python bench/audit.py --corpus ../shared/corpus --screenshot docs/img/audit-report.png

Uses bench/run.py's generated memos (bench/out/memos-N/) and runs the installed `memo-lint`
as a user would. Printed figures, no assertions: these machines are too noisy for timed
tests. Compared commands run back to back in the same process tree, so ratios hold better
than absolute numbers on a shared machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import ENV, MEMO_LINT, OUT, build_corpus, run  # noqa: E402


def import_cost(statement: str, repeats: int = 5) -> float:
    """Median wall seconds of `python -c STATEMENT` minus `python -c pass`."""
    def once(code: str) -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=ENV)
        return time.perf_counter() - started

    bare = sorted(once("pass") for _ in range(repeats))[repeats // 2]
    loaded = sorted(once(statement) for _ in range(repeats))[repeats // 2]
    return loaded - bare


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def corpus_index(corpus: Path, target: Path) -> None:
    """An index for ../shared/corpus/ from its provenance headers (`# source:`,
    `# municipality:`, `# type:`); a PDF shares the header of the .txt beside it."""
    import csv

    folders = {"denhaag": "Den Haag", "almere": "Almere"}  # pdf/<folder>/ without headers
    rows = []
    for path in sorted(corpus.rglob("*")):
        if path.suffix not in (".txt", ".pdf", ".md") or path.name == "README.md":
            continue
        header = path.with_suffix(".txt")
        fields = {"body": folders.get(path.parent.name, "")}
        if header.is_file():
            for line in header.read_text("utf-8", "replace").splitlines()[:12]:
                key, _, value = line.removeprefix("# ").partition(": ")
                if key == "source":
                    fields["url"] = value.split()[0]
                elif key in ("municipality", "type"):
                    fields["body" if key == "municipality" else "type"] = value.strip()
        rows.append({"path": str(path)} | fields)
    with target.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, ["path", "body", "type", "url"])
        writer.writeheader()
        writer.writerows(rows)


def corpus_page(corpus: Path, screenshot: Path) -> None:
    """Audit the corpus into an HTML page and take its screenshot in headless Chromium."""
    work = OUT / "audit-corpus"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    index = work / "index.csv"
    corpus_index(corpus.resolve(), index)
    page = work / "audit.html"
    seconds, _ = run([MEMO_LINT, "audit", str(corpus), "--store", str(work / "store"), "--index",
                      str(index), "--format", "html", "-o", str(page)], work)
    print(f"corpus: {corpus} audited in {seconds:.1f} s -> {page}")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise SystemExit("chromium not found (apt-get install chromium)")
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--user-data-dir={work / 'profile'}", f"--screenshot={screenshot.resolve()}",
                    "--window-size=1280,1500", page.as_uri()], check=True, capture_output=True)
    print(f"screenshot: {screenshot}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--no-dask", action="store_true", help="skip the LocalCluster run")
    parser.add_argument("--corpus", type=Path, help="audit this corpus into a page instead")
    parser.add_argument("--screenshot", type=Path, default=Path("docs/img/audit-report.png"))
    options = parser.parse_args()
    if options.corpus:
        corpus_page(options.corpus, options.screenshot)
        return
    count = options.count
    folder = build_corpus(count)
    work = OUT / "audit"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    print(f"memo-lint audit benchmark: {count:,} generated memos ({folder}), {os.cpu_count()} CPUs")

    pyarrow = import_cost("import pyarrow.parquet")
    charts = import_cost("from matplotlib.figure import Figure; import matplotlib.backends.backend_svg")
    print(f"0. import cost: pyarrow.parquet {pyarrow * 1000:.0f} ms (audit only); "
          f"matplotlib Figure + SVG backend {charts * 1000:.0f} ms (--format html only)")

    check = [MEMO_LINT, "check", str(folder), "--no-cache", "--jobs", "2", "--format", "json",
             "--output-file", str(work / "check.json")]
    audit = [MEMO_LINT, "audit", str(folder), "--jobs", "2", "--format", "json"]
    check_s, check_rss = run(check, work)
    first_s, first_rss = run([*audit, "--store", str(work / "store"), "-o", str(work / "local.json")], work)
    again_s, _ = run([*audit, "--store", str(work / "store"), "-o", str(work / "again.json")], work)
    check2_s, _ = run(check, work)  # again, after: the machine's load drifts
    check_mean = (check_s + check2_s) / 2
    print(f"1. check --jobs 2 --format json: {count / check_mean:,.0f} memos/s "
          f"({check_s:.1f} s, {check2_s:.1f} s), peak RSS {check_rss:.0f} MB")
    overhead = first_s / check_mean - 1
    print(f"2. audit --jobs 2 (new store): {count / first_s:,.0f} memos/s ({first_s:.1f} s), "
          f"peak RSS {first_rss:.0f} MB; {overhead:+.0%} vs check  (target: >= check's "
          f"throughput, store cost <= 10 %)")
    print(f"   per document: {first_s / count * 2 * 1000:.2f} ms of one core (2 processes); "
          f"store {size_of(work / 'store') / 1e6:.1f} MB "
          f"({size_of(work / 'store') / count:,.0f} bytes/document)")
    print(f"3. audit again, nothing changed: {again_s:.2f} s, {first_s / again_s:.0f}x faster "
          f"than the first run  (target >= 10x); same summary: "
          f"{(work / 'local.json').read_bytes() == (work / 'again.json').read_bytes()}")
    if options.no_dask:
        return
    dask_s, dask_rss = run(
        [*audit, "--scheduler", "local:2", "--store", str(work / "dask"), "-o", str(work / "dask.json")], work
    )
    same = (work / "local.json").read_bytes() == (work / "dask.json").read_bytes()
    print(f"4. audit --scheduler local:2 (LocalCluster, 2 workers, new store): {count / dask_s:,.0f} "
          f"memos/s ({dask_s:.1f} s, cluster start included), {dask_s / first_s:.2f}x the local "
          f"pool's time  (target <= 1.3x); byte-identical summary: {same}")


if __name__ == "__main__":
    main()
