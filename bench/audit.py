"""memo-lint audit benchmark: store cost, unchanged re-run, Dask LocalCluster (issue 16).

    python bench/audit.py                 # 10,000 generated memos (a few minutes)
    python bench/audit.py --count 1000    # quicker
    python bench/audit.py --corpus ../shared/corpus --screenshot docs/img/audit-report.png
    python bench/audit.py --store-rows 100000   # the skip check on a large store, compaction

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
import run as bench_run
from run import ENV, MEMO_LINT, build_corpus

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
    process = subprocess.Popen(
        args, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
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
    seconds, _, cpu = timed(
        [
            MEMO_LINT,
            "audit",
            str(corpus.resolve()),
            "--store",
            str(work / "store"),
            "--index",
            str(index),
            "--format",
            "html",
            "-o",
            str(page),
        ],
        work,
    )
    count = documents_in(work / "store")
    print(
        f"corpus: {count} documents of {corpus} audited in {seconds:.1f} s wall, {cpu:.1f} s "
        f"CPU ({cpu / count * 1000:.0f} ms CPU per document, the per-memo reports of the worst "
        f"20 included) -> {page}"
    )
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise SystemExit("chromium not found (apt-get install chromium)")
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--user-data-dir={work / 'profile'}",
            f"--screenshot={screenshot.resolve()}",
            "--window-size=1280,1500",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
    )
    print(f"screenshot: {screenshot}")


SKIP_KEY = "0" * 32
SKIP_TODAY = "2026-11-30"


def synthetic_store(root: Path, rows: int, batch: int = 100) -> list[str]:
    """A store as audits write it: ``rows`` documents in partitions of ``batch``, two
    findings each, pack files and their digests as a real run records them."""
    import hashlib

    from memo_lint.api import Linter, LintOptions
    from memo_lint.audit.records import Rows
    from memo_lint.audit.store import Store

    linter = Linter(LintOptions())
    deps = "\n".join(f"{path}\t{sha}" for path, sha in linter.pack("collegevoorstel").files)
    shutil.rmtree(root, ignore_errors=True)
    paths = [
        f"/archief/body-{n % 40:02d}/{n // 1000:03d}/document-{n:07d}.pdf" for n in range(rows)
    ]
    store = Store(root)
    with store.open_for_writing():
        for start in range(0, rows, batch):
            out = Rows()
            for path in paths[start : start + batch]:
                out.documents.append({
                    "path": path, "sha256": hashlib.sha256(path.encode()).hexdigest(),
                    "size": 40_000, "mtime_ns": 1_700_000_000_000_000_000, "meta_key": "m" * 16,
                    "deps": deps, "config": None, "today": SKIP_TODAY, "body": path.split("/")[2],
                    "kind": "raadsvoorstel", "memo": True, "template": "denhaag-raadsvoorstel",
                    "confidence": 1.0, "pack": "denhaag-raadsvoorstel", "pack_reason": "detected",
                    "memo_date": "2025-03-14", "errors": 2, "warnings": 0, "infos": 0,
                    "reader_warnings": [],
                })  # fmt: skip
                out.findings += [
                    {"path": path, "code": code, "rule": "rule", "severity": "error", "line": 12,
                     "column": 1, "message": "Een verplichte paragraaf ontbreekt: Financiën."}
                    for code in ("ML101", "ML201")
                ]  # fmt: skip
            store.write(out, {"run_key": SKIP_KEY, "version": "bench"})
    return paths


def skip_variant(variant: str, root: Path, share: float) -> None:
    """One skip-check variant in this (fresh) process: prints seconds and rows found."""
    import hashlib

    import pyarrow.parquet as pq

    from memo_lint.audit.runner import stored
    from memo_lint.audit.store import Store

    store = Store(root)
    every = pq.read_table(root / "documents", columns=["path"])["path"].to_pylist()
    paths = every[:: round(1 / share)] if share < 1 else every
    started = time.perf_counter()
    if variant == "whole":  # every column of every row, as Python rows
        found = len(store.documents().to_pylist())
    elif variant == "before":  # session 9: the ten columns of every row, as Python dicts
        columns = [
            "path",
            "sha256",
            "size",
            "mtime_ns",
            "run_key",
            "meta_key",
            "deps",
            "config",
            "today",
        ]
        found = len({row["path"]: row for row in store.documents(columns).to_pylist()})
    else:  # now: runner.stored, projection + path filter + column-wise comparisons
        found = len(
            stored(
                store,
                paths,
                SKIP_KEY,
                SKIP_TODAY,
                lambda path: hashlib.sha256(path.read_bytes()).hexdigest(),
            )
        )
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{time.perf_counter() - started:.3f} {found} {peak:.0f}")


def store_rows(rows: int) -> None:
    from memo_lint.audit.store import Store

    root = OUT / "skip-store"
    started = time.perf_counter()
    synthetic_store(root, rows)
    print(
        f"skip check on a store of {rows:,} documents ({rows * 2:,} findings) in "
        f"{len(Store(root).parts()):,} partitions of 100 (built in "
        f"{time.perf_counter() - started:.0f} s), {os.cpu_count()} CPUs, load average "
        f"{os.getloadavg()[0]:.1f}; each figure a fresh process (wall s, peak RSS):"
    )

    def measure(label: str) -> None:
        for share in (1.0, 0.01):
            for variant in ("whole", "before", "now"):
                started = time.perf_counter()
                out = subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--skip-variant",
                        variant,
                        "--store-dir",
                        str(root),
                        "--share",
                        str(share),
                    ],
                    env=ENV,
                    stdout=subprocess.PIPE,
                    text=True,
                    check=True,
                ).stdout
                seconds, found, rss = out.split()
                print(
                    f"  {label}, run over {share:>4.0%} of the paths, {variant:>6}: "
                    f"{float(seconds):6.2f} s in the check ({found} rows), process "
                    f"{time.perf_counter() - started:5.2f} s, peak RSS {rss} MB"
                )

    measure(f"{len(Store(root).parts()):,} partitions")
    started = time.perf_counter()
    with Store(root).open_for_writing() as store:
        removed = store.compact()
    print(
        f"compaction: {removed:,} partitions into {len(Store(root).parts())} in "
        f"{time.perf_counter() - started:.1f} s; load average {os.getloadavg()[0]:.1f}"
    )
    measure("compacted")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--no-dask", action="store_true", help="skip the LocalCluster run")
    parser.add_argument(
        "--only-dask",
        action="store_true",
        help="only the local pool and the LocalCluster, back to back (no check)",
    )
    parser.add_argument("--corpus", type=Path, help="audit this corpus into a page instead")
    parser.add_argument("--screenshot", type=Path, default=Path("docs/img/audit-report.png"))
    parser.add_argument("--store-rows", type=int, help="measure the skip check on such a store")
    parser.add_argument("--skip-variant", help=argparse.SUPPRESS)
    parser.add_argument("--store-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--share", type=float, default=1.0, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.skip_variant:
        skip_variant(options.skip_variant, options.store_dir, options.share)
        return
    if options.store_rows:
        store_rows(options.store_rows)
        return
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
    charts = import_cost(
        "from matplotlib.figure import Figure; import matplotlib.backends.backend_svg"
    )
    print(
        f"0. import cost: pyarrow.parquet {pyarrow * 1000:.0f} ms (audit only); "
        f"matplotlib Figure + SVG backend {charts * 1000:.0f} ms (--format html only)"
    )

    check = [
        MEMO_LINT,
        "check",
        str(folder),
        "--no-cache",
        "--jobs",
        "2",
        "--format",
        "json",
        "--output-file",
        str(work / "check.json"),
    ]
    audit = [MEMO_LINT, "audit", str(folder), "--jobs", "2", "--format", "json"]
    if options.only_dask:
        dask_vs_pool(count, audit, work, rounds=2)
        return
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
    print(
        f"1. check --jobs 2 --format json: {count / check_mean:,.0f} memos/s "
        f"({check_s:.1f} s, {check2_s:.1f} s wall; {check_cpu:.1f}, {check2_cpu:.1f} s CPU), "
        f"peak RSS {check_rss:.0f} MB"
    )
    overhead = first_s / check_mean - 1
    cpu_overhead = first_cpu / ((check_cpu + check2_cpu) / 2) - 1
    print(
        f"2. audit --jobs 2 (new store): {count / first_s:,.0f} memos/s ({first_s:.1f} s wall, "
        f"{first_cpu:.1f} s CPU), peak RSS {first_rss:.0f} MB; {overhead:+.0%} wall time, "
        f"{cpu_overhead:+.0%} CPU time vs check  (target: >= check's throughput, store cost "
        f"<= 10 %)"
    )
    print(
        f"   per document: {first_cpu / count * 1000:.2f} ms CPU; store "
        f"{size_of(work / 'store') / 1e6:.1f} MB ({size_of(work / 'store') / count:,.0f} "
        f"bytes/document)"
    )
    print(
        f"3. audit again, nothing changed: {again_s:.2f} s wall ({again_cpu:.1f} s CPU), "
        f"{first_s / again_s:.0f}x faster than the first run  (target >= 10x); same summary: "
        f"{(work / 'local.json').read_bytes() == (work / 'again.json').read_bytes()}"
    )
    if options.no_dask:
        return
    dask_vs_pool(count, audit, work, rounds=1)


def dask_vs_pool(count: int, audit: list[str], work: Path, rounds: int) -> None:
    """The local pool and a LocalCluster of 2 workers on the same memos, alternated ``rounds``
    times (the machine's load drifts), each into a new store; load average before each."""
    ratios = []
    for number in range(1, rounds + 1):
        runs = {}
        for name, extra in (("pool", []), ("dask", ["--scheduler", "local:2"])):
            shutil.rmtree(work / name, ignore_errors=True)
            load = os.getloadavg()[0]
            runs[name] = (
                *timed(
                    [*audit, *extra, "--store", str(work / name), "-o", str(work / f"{name}.json")],
                    work,
                ),
                load,
            )
        same = (work / "pool.json").read_bytes() == (work / "dask.json").read_bytes()
        (pool_s, _, pool_cpu, pool_load), (dask_s, _, dask_cpu, dask_load) = runs.values()
        ratios.append(dask_s / pool_s)
        print(
            f"4.{number} audit --jobs 2 (local pool): {pool_s:.1f} s wall, {pool_cpu:.1f} s CPU, "
            f"load average {pool_load:.1f} before; --scheduler local:2 (LocalCluster, 2 "
            f"workers, cluster start included): {dask_s:.1f} s wall, {dask_cpu:.1f} s CPU, "
            f"load average {dask_load:.1f} before: {dask_s / pool_s:.2f}x the pool "
            f"(target <= 1.3x); byte-identical summary: {same}"
        )
    if rounds > 1:
        print(
            f"   LocalCluster / pool over {rounds} rounds: "
            f"{', '.join(f'{r:.2f}x' for r in ratios)}; {count:,} memos"
        )


if __name__ == "__main__":
    main()
