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
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run as bench_run  # noqa: E402
from run import ENV, MEMO_LINT, build_corpus  # noqa: E402

# Outside the repository: bench/out/ is in .gitignore, which memo-lint's discovery honours.
OUT = Path(tempfile.gettempdir()) / "memo-lint-bench"
bench_run.OUT = OUT


def import_cost(statement: str, repeats: int = 5) -> float:
    """Median wall seconds of `python -c STATEMENT` minus `python -c pass`."""
    def once(code: str) -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=ENV)
        return time.perf_counter() - started

    bare = sorted(once("pass") for _ in range(repeats))[repeats // 2]
    loaded = sorted(once(statement) for _ in range(repeats))[repeats // 2]
    return loaded - bare


def timed(args: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MB) and CPU seconds (user + system, with every process it
    waited for: pool workers, Dask workers) of one command. CPU time is what a paper
    estimate needs: on a shared machine the wall time depends on the other tenants."""
    started = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"command failed ({status}): {' '.join(args)}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def documents(summary: Path) -> int:
    import json

    data = json.loads(summary.read_text("utf-8"))
    return int(data["documents"] if "documents" in data else data["summary"]["files"])


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


def documents_in(store: Path) -> int:
    import pyarrow.parquet as pq

    return int(pq.read_table(store / "documents", columns=["path"]).num_rows)


def corpus_page(corpus: Path, screenshot: Path) -> None:
    """Audit the corpus into an HTML page and take its screenshot in headless Chromium."""
    work = OUT / "audit-corpus"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    index = work / "index.csv"
    corpus_index(corpus.resolve(), index)
    page = work / "audit.html"
    seconds, _, cpu = timed([MEMO_LINT, "audit", str(corpus), "--store", str(work / "store"),
                             "--index", str(index), "--format", "html", "-o", str(page)], work)
    count = documents_in(work / "store")
    print(f"corpus: {count} documents of {corpus} audited in {seconds:.1f} s wall, {cpu:.1f} s "
          f"CPU ({cpu / count * 1000:.0f} ms CPU per document, the per-memo reports of the worst "
          f"20 included) -> {page}")
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
    linted = sum(1 for p in folder.iterdir() if p.suffix in (".txt", ".md"))
    assert linted == count, f"{folder}: {linted} memos, expected {count}"

    pyarrow = import_cost("import pyarrow.parquet")
    charts = import_cost("from matplotlib.figure import Figure; import matplotlib.backends.backend_svg")
    print(f"0. import cost: pyarrow.parquet {pyarrow * 1000:.0f} ms (audit only); "
          f"matplotlib Figure + SVG backend {charts * 1000:.0f} ms (--format html only)")

    check = [MEMO_LINT, "check", str(folder), "--no-cache", "--jobs", "2", "--format", "json",
             "--output-file", str(work / "check.json")]
    audit = [MEMO_LINT, "audit", str(folder), "--jobs", "2", "--format", "json"]
    check_s, check_rss, check_cpu = timed(check, work)
    first_s, first_rss, first_cpu = timed(
        [*audit, "--store", str(work / "store"), "-o", str(work / "local.json")], work
    )
    again_s, _, again_cpu = timed(
        [*audit, "--store", str(work / "store"), "-o", str(work / "again.json")], work
    )
    check2_s, _, check2_cpu = timed(check, work)  # again, after: the machine's load drifts
    assert documents(work / "check.json") == documents(work / "local.json") == count
    check_mean = (check_s + check2_s) / 2
    print(f"1. check --jobs 2 --format json: {count / check_mean:,.0f} memos/s "
          f"({check_s:.1f} s, {check2_s:.1f} s wall; {check_cpu:.1f}, {check2_cpu:.1f} s CPU), "
          f"peak RSS {check_rss:.0f} MB")
    overhead = first_s / check_mean - 1
    cpu_overhead = first_cpu / ((check_cpu + check2_cpu) / 2) - 1
    print(f"2. audit --jobs 2 (new store): {count / first_s:,.0f} memos/s ({first_s:.1f} s wall, "
          f"{first_cpu:.1f} s CPU), peak RSS {first_rss:.0f} MB; {overhead:+.0%} wall time, "
          f"{cpu_overhead:+.0%} CPU time vs check  (target: >= check's throughput, store cost "
          f"<= 10 %)")
    print(f"   per document: {first_cpu / count * 1000:.2f} ms CPU; store "
          f"{size_of(work / 'store') / 1e6:.1f} MB ({size_of(work / 'store') / count:,.0f} "
          f"bytes/document)")
    print(f"3. audit again, nothing changed: {again_s:.2f} s wall ({again_cpu:.1f} s CPU), "
          f"{first_s / again_s:.0f}x faster than the first run  (target >= 10x); same summary: "
          f"{(work / 'local.json').read_bytes() == (work / 'again.json').read_bytes()}")
    if options.no_dask:
        return
    # the local pool again, right before: the machine's load drifts
    pool_s, _, pool_cpu = timed(
        [*audit, "--store", str(work / "pool"), "-o", str(work / "pool.json")], work
    )
    dask_s, dask_rss, dask_cpu = timed(
        [*audit, "--scheduler", "local:2", "--store", str(work / "dask"), "-o",
         str(work / "dask.json")], work
    )
    same = (work / "local.json").read_bytes() == (work / "dask.json").read_bytes()
    print(f"4. audit --scheduler local:2 (LocalCluster, 2 workers, new store): "
          f"{count / dask_s:,.0f} memos/s ({dask_s:.1f} s wall, cluster start included; "
          f"{dask_cpu:.1f} s CPU), {dask_s / pool_s:.2f}x the local pool's time measured just "
          f"before ({pool_s:.1f} s wall, {pool_cpu:.1f} s CPU)  (target <= 1.3x); "
          f"byte-identical summary: {same}")


if __name__ == "__main__":
    main()
